/** A small survey for the collector's tests: 3 courses of 3, 7 and 5 challenges, a short questionnaire. */
import { parseSurveyDefinition, type SurveyDefinition } from '@observatoire/core';

const t = (fr: string, en = fr) => ({ fr, en });

const qcu = (id: string, solution: number) => ({
  id,
  type: 'QCU',
  instruction: t(`Question ${id}`),
  proposals: [t('Un', 'One'), t('Deux', 'Two'), t('Trois', 'Three')],
  solution,
});

const qroc = (id: string, solution: string) => ({
  id,
  type: 'QROC',
  instruction: t(`Écrivez ${solution}`),
  inputs: [{ key: 'r', label: t('Réponse', 'Answer') }],
  solution: [solution],
});

/** Challenge ids per course, in play order. */
export const COURSES = {
  manipulation: ['m1', 'm2', 'm3'],
  base: ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7'],
  culture: ['c1', 'c2', 'c3', 'c4', 'c5'],
} as const;

export const ALL_CHALLENGES: readonly string[] = Object.values(COURSES).flat();

/** The right answer of each fixture challenge (QCU: "2"; QROC `c*`: "paris"). */
export function rightAnswer(challengeId: string): string {
  return challengeId.startsWith('c') ? 'Paris' : '2';
}

export const definition: SurveyDefinition = parseSurveyDefinition({
  schemaVersion: 1,
  provenance: { author: 'Observatoire', status: 'project' },
  id: 'fixture',
  version: '1.0.0',
  title: t('Enquête de test', 'Test survey'),
  information: { title: t('Information'), body: [t('Texte', 'Text')], consent: t("J'accepte", 'I agree') },
  questionnaire: {
    id: 'profil',
    questions: [
      { id: 'annee_naissance', kind: 'year', label: t('Année de naissance', 'Year of birth') },
      {
        id: 'genre',
        kind: 'single',
        label: t('Genre', 'Gender'),
        options: [
          { code: 'feminin', label: t('Féminin', 'Female') },
          { code: 'masculin', label: t('Masculin', 'Male') },
          { code: 'non_communique', label: t('Non communiqué', 'Not given') },
        ],
      },
      { id: 'commune', kind: 'commune', label: t('Commune', 'Town') },
      {
        id: 'situation',
        kind: 'single',
        label: t('Situation'),
        options: ['en_emploi', 'demandeur_emploi', 'retraite', 'etudes_formation', 'au_foyer', 'autre'].map((code) => ({ code, label: t(code) })),
      },
      {
        id: 'materiel',
        kind: 'multiple',
        label: t('Matériel', 'Devices'),
        options: [
          { code: 'ordinateur', label: t('Ordinateur', 'Computer') },
          { code: 'telephone', label: t('Téléphone', 'Phone') },
          { code: 'aucun', label: t('Aucun', 'None'), exclusive: true },
        ],
      },
      { id: 'remarque', kind: 'text', label: t('Remarque', 'Remark'), required: false },
    ],
  },
  challenges: [qcu('m1', 2), { ...qcu('m2', 2), timer: 30 }, qcu('m3', 2), ...COURSES.base.map((id) => qcu(id, 2)), ...COURSES.culture.map((id) => qroc(id, 'Paris'))],
  courses: [
    { id: 'manipulation', title: t('Manipulation'), challenges: [...COURSES.manipulation] },
    { id: 'base', title: t('Bases', 'Basics'), challenges: [...COURSES.base] },
    { id: 'culture', title: t('Culture'), challenges: [...COURSES.culture] },
  ],
});

export const rennes = {
  postalCode: '35000',
  code: '35238',
  name: 'Rennes',
  department: '35',
  region: '53',
  epci: '243500139',
};

export const questionnaireAnswers = {
  annee_naissance: 1958,
  genre: 'feminin',
  commune: rennes,
  situation: 'retraite',
  materiel: ['ordinateur', 'telephone'],
};
