/** The texts `<obs-survey>` shows itself (the nested elements keep their own catalogues). */
import type { Catalogue } from '../i18n/catalogue.js';

type Keys =
  | 'loading'
  | 'loadErrorTitle'
  | 'loadErrorIntro'
  | 'loadErrorDetails'
  | 'consentMissing'
  | 'start'
  | 'validatedTitle'
  | 'validatedBody'
  | 'validatedCourses'
  | 'startCourses'
  | 'screenInformation'
  | 'screenQuestionnaire'
  | 'screenValidated'
  | 'screenCourse'
  | 'screenResults';

export const messages = {
  fr: {
    loading: 'Chargement du questionnaire…',
    loadErrorTitle: "Le questionnaire n'a pas pu être chargé",
    loadErrorIntro: "L'enquête ne peut pas commencer. Prévenez la personne qui s'occupe de ce site.",
    loadErrorDetails: 'Détails pour la personne qui intègre le questionnaire :',
    consentMissing: "Pour commencer, cochez la case qui dit que vous êtes d'accord.",
    start: 'Commencer',
    validatedTitle: 'Merci, vos réponses sont enregistrées',
    validatedBody:
      'Place maintenant aux exercices. Faites comme vous le feriez seul, sans chercher la réponse ailleurs. Ce n’est pas grave de ne pas savoir : vous pouvez passer un exercice.',
    validatedCourses: '{count} parcours, environ 15 minutes en tout. Vous pourrez vous arrêter à la fin de chaque parcours.',
    startCourses: 'Commencer les exercices',
    screenInformation: 'Présentation de l’enquête',
    screenQuestionnaire: 'Questionnaire',
    screenValidated: 'Questionnaire terminé',
    screenCourse: 'Parcours {n} sur {total} : {title}',
    screenResults: 'Résultats',
  },
  en: {
    loading: 'Loading the questionnaire…',
    loadErrorTitle: 'The questionnaire could not be loaded',
    loadErrorIntro: 'The survey cannot start. Please tell the person who looks after this website.',
    loadErrorDetails: 'Details for the person who set up the questionnaire:',
    consentMissing: 'To start, tick the box that says you agree.',
    start: 'Start',
    validatedTitle: 'Thank you, your answers are saved',
    validatedBody:
      'Now for the exercises. Do as you would on your own, without looking the answer up elsewhere. It is fine not to know: you can skip an exercise.',
    validatedCourses: '{count} courses, about 15 minutes in all. You can stop at the end of each course.',
    startCourses: 'Start the exercises',
    screenInformation: 'About the survey',
    screenQuestionnaire: 'Questionnaire',
    screenValidated: 'Questionnaire complete',
    screenCourse: 'Course {n} of {total}: {title}',
    screenResults: 'Results',
  },
} satisfies Catalogue<Keys>;

export type SurveyMessageKey = Keys;
