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
  | 'screenResults';

export const messages = {
  fr: {
    loading: 'Chargement du questionnaire…',
    loadErrorTitle: "Le questionnaire n'a pas pu être chargé",
    loadErrorIntro: "L'enquête ne peut pas commencer. Prévenez la personne qui s'occupe de ce site.",
    loadErrorDetails: 'Détails pour la personne qui intègre le questionnaire :',
    consentMissing: "Pour commencer, cochez la case qui dit que vous êtes d'accord.",
    start: 'Commencer',
    screenInformation: 'Présentation de l’enquête',
    screenQuestionnaire: 'Questionnaire',
    screenCourses: 'Exercices : {count} parcours',
    screenResults: 'Résultats',
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
    screenCourses: 'Exercises: {count} courses',
    screenResults: 'Results',
  },
} satisfies Catalogue<Keys>;

export type SurveyMessageKey = Keys;
