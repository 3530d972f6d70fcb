/** The texts `<obs-survey>` shows itself (the nested elements keep their own catalogues). */
import type { Catalogue } from '@observatoire/core/i18n';

type Keys =
  | 'loading'
  | 'loadErrorTitle'
  | 'loadErrorIntro'
  | 'loadErrorDetails'
  | 'consentMissing'
  | 'start'
  | 'screenInformation'
  | 'screenQuestionnaire'
  | 'screenCourses'
  | 'screenResults'
  | 'dataHeading'
  | 'dataKept'
  | 'dataIdentify'
  | 'dataKeeper'
  | 'dataKeeperUnnamed'
  | 'dataPurpose'
  | 'dataDuration'
  | 'dataDurationUnknown'
  | 'dataErase'
  | 'dataEraseMediator'
  | 'leaveTitle'
  | 'leaveStay'
  | 'leaveQuit'
  | 'paperDoneTitle';

export const messages = {
  fr: {
    loading: 'Chargement du questionnaire…',
    loadErrorTitle: "Le questionnaire n'a pas pu être chargé",
    loadErrorIntro: "L'enquête ne peut pas commencer. Prévenez la personne qui s'occupe de ce site.",
    loadErrorDetails: 'Détails pour la personne qui intègre le questionnaire\u00a0:',
    consentMissing: "Pour commencer, cochez la case qui dit que vous êtes d'accord.",
    start: 'Commencer',
    screenInformation: 'Présentation de l’enquête',
    screenQuestionnaire: 'Questionnaire',
    screenCourses: 'Défis\u00a0: {count} parcours',
    screenResults: 'Résultats',
    dataHeading: 'Vos données',
    dataKept: 'Nous gardons vos réponses, votre année de naissance, votre commune et votre genre.',
    dataIdentify: 'Dans une petite commune, cela peut suffire à vous reconnaître.',
    dataKeeper: '{organisation} garde ces données.',
    dataKeeperUnnamed: 'Le lieu qui vous accueille garde ces données.',
    dataPurpose: 'Elles servent à mieux aider les personnes sur le numérique.',
    dataDuration: 'Elles sont effacées au bout de {months} mois.',
    dataDurationUnknown: 'Demandez à la personne qui vous accompagne combien de temps elles sont gardées.',
    dataErase: 'Pour les faire effacer plus tôt, écrivez à\u00a0: {contact}.',
    dataEraseMediator: 'Pour les faire effacer plus tôt, demandez à la personne qui vous accompagne.',
    leaveTitle: 'Voulez-vous quitter le questionnaire\u00a0? Vos réponses sont gardées.',
    leaveStay: 'Rester',
    leaveQuit: 'Quitter',
    paperDoneTitle: 'Questionnaire papier enregistré',
  },
  en: {
    loading: 'Loading the questionnaire…',
    loadErrorTitle: 'The questionnaire could not be loaded',
    loadErrorIntro: 'The survey cannot start. Please tell the person who looks after this website.',
    loadErrorDetails: 'Details for the person who set up the questionnaire:',
    consentMissing: 'To start, tick the box that says you agree.',
    start: 'Start',
    screenInformation: 'About the survey',
    screenQuestionnaire: 'Questionnaire',
    screenCourses: 'Challenges: {count} courses',
    screenResults: 'Results',
    dataHeading: 'Your data',
    dataKept: 'We keep your answers, your year of birth, your town and your gender.',
    dataIdentify: 'In a small town, this may be enough to recognise you.',
    dataKeeper: '{organisation} keeps this data.',
    dataKeeperUnnamed: 'The place that welcomes you keeps this data.',
    dataPurpose: 'It is used to help people better with digital tools.',
    dataDuration: 'It is deleted after {months} months.',
    dataDurationUnknown: 'Ask the person helping you how long it is kept.',
    dataErase: 'To have it deleted sooner, write to: {contact}.',
    dataEraseMediator: 'To have it deleted sooner, ask the person helping you.',
    leaveTitle: 'Do you want to leave the questionnaire? Your answers are kept.',
    leaveStay: 'Stay',
    leaveQuit: 'Leave',
    paperDoneTitle: 'Paper questionnaire saved',
  },
} satisfies Catalogue<Keys>;

export type SurveyMessageKey = Keys;
