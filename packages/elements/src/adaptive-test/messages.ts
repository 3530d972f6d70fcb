/** Texts of `<obs-adaptive-test>`, French first. Participant texts stay encouraging: no word of failure. */
import type { Catalogue } from '@observatoire/core/i18n';

type Keys =
  | 'label'
  | 'progress'
  | 'stop'
  | 'recorded'
  | 'profileTitle'
  | 'profileIntro'
  | 'total'
  | 'overall'
  | 'areaHeading'
  | 'level'
  | 'levelZero'
  | 'toNext'
  | 'top'
  | 'notMeasuredList'
  | 'stopped'
  | 'tutorials'
  | 'about';

export const messages = {
  fr: {
    label: 'Test de positionnement',
    progress: 'Question {n}',
    stop: 'Arrêter le test (médiateur)',
    recorded: 'Réponse enregistrée.',
    profileTitle: 'Votre profil de compétences',
    profileIntro: 'Voici où vous en êtes, domaine par domaine. Chaque niveau se travaille pas à pas.',
    total: 'Score\u00a0: {pix} pix sur {max}.',
    overall: 'Sur l’ensemble du test\u00a0: {words}',
    areaHeading: '{code}. {name}',
    level: '{name}\u00a0: niveau {level} ({pix} pix).',
    levelZero: '{name}\u00a0: premiers pas, avant le niveau 1 ({pix} pix).',
    toNext: 'Encore {pix} pix pour atteindre le niveau {next}.',
    top: 'C’est le plus haut niveau mesuré par ce test.',
    notMeasuredList: 'Ce test ne mesure pas\u00a0: {names}.',
    stopped: 'Le test a été arrêté avant la fin\u00a0: le profil compte les réponses déjà données.',
    tutorials: 'Pour progresser\u00a0:',
    about: 'À propos de ce test\u00a0:',
  },
  en: {
    label: 'Positioning test',
    progress: 'Question {n}',
    stop: 'Stop the test (mediator)',
    recorded: 'Answer saved.',
    profileTitle: 'Your skills profile',
    profileIntro: 'Here is where you stand, area by area. Every level can be learnt step by step.',
    total: 'Score: {pix} pix out of {max}.',
    overall: 'Over the whole test: {words}',
    areaHeading: '{code}. {name}',
    level: '{name}: level {level} ({pix} pix).',
    levelZero: '{name}: first steps, before level 1 ({pix} pix).',
    toNext: '{pix} more pix to reach level {next}.',
    top: 'This is the highest level this test measures.',
    notMeasuredList: 'This test does not measure: {names}.',
    stopped: 'The test was stopped before the end: the profile counts the answers already given.',
    tutorials: 'To make progress:',
    about: 'About this test:',
  },
} satisfies Catalogue<Keys>;

export type AdaptiveMessageKey = Keys;
