/**
 * Texts of `<obs-results-card>`, French first (docs/glossary.md). Participant texts stay encouraging:
 * no word of failure, no zero. The mediator's texts say what happened plainly.
 */
import type { Catalogue } from '@observatoire/core/i18n';

type Keys =
  | 'title'
  | 'thanks'
  | 'succeededIntro'
  | 'courseLineOne'
  | 'courseLineMany'
  | 'courseLineNone'
  | 'encourage'
  | 'chartTitle'
  | 'mediatorTitle'
  | 'followUpCode'
  | 'followUpExplain'
  | 'tableCaption'
  | 'colCourse'
  | 'colSuccess'
  | 'colPassed'
  | 'colAdvice'
  | 'successCell'
  | 'yes'
  | 'notYet'
  | 'notEnded'
  | 'adviceContinue'
  | 'adviceStop'
  | 'adviceReasonRate'
  | 'adviceReasonTime'
  | 'level'
  | 'levelExplain'
  | 'nextTitle'
  | 'nextCourse'
  | 'nextSkills'
  | 'skill'
  | 'skillUnnamed'
  | 'allPassed'
  | 'testRun'
  | 'testTime'
  | 'challengesCaption'
  | 'colChallenge'
  | 'colOutcome'
  | 'challengeName'
  | 'outcomeOk'
  | 'outcomeKo'
  | 'outcomeTimedOut'
  | 'outcomeSkippedParticipant'
  | 'outcomeSkippedMediator'
  | 'outcomeNotShown'
  | 'capacitiesIntro'
  | 'capacityMastered'
  | 'capacityToWork'
  | 'capacitiesCaption'
  | 'colCapacity'
  | 'colSucceeded'
  | 'colWords'
  | 'succeededCell'
  | 'capacityMasteredCell'
  | 'capacityToWorkCell';

export const messages = {
  fr: {
    title: 'Merci, c’est terminé\u00a0!',
    thanks: 'Bravo pour votre participation.',
    succeededIntro: 'Voici ce que vous avez réussi, parcours par parcours\u00a0:',
    courseLineOne: '{course}\u00a0: {n} défi réussi sur {total}',
    courseLineMany: '{course}\u00a0: {n} défis réussis sur {total}',
    courseLineNone: '{course}\u00a0: vous avez fait les {total} défis',
    encourage: 'Chaque défi vous fait progresser. Votre médiateur peut vous accompagner pour la suite.',
    chartTitle: 'Réussite par parcours\u00a0: {figures}',
    mediatorTitle: 'Pour le médiateur',
    followUpCode: 'Code de suivi\u00a0: {code}',
    followUpExplain: 'Notez-le sur la fiche. À la prochaine session, il permet de mesurer les progrès, sans nom.',
    tableCaption: 'Parcours commencés',
    colCourse: 'Parcours',
    colSuccess: 'Réussite',
    colPassed: 'Validé (plus de 60\u00a0%)',
    colAdvice: 'Conseil donné en fin de parcours',
    successCell: '{n} sur {total} ({percent})',
    yes: 'Oui',
    notYet: 'Pas encore',
    notEnded: 'Pas terminé',
    adviceContinue: 'Continuer',
    adviceStop: 'S’arrêter ({reasons})',
    adviceReasonRate: 'réussite pas au-dessus de {percent}',
    adviceReasonTime: 'plus de {minutes}\u00a0min de test',
    level: 'Niveau atteint sur l’escalier\u00a0: {level} sur {max}',
    levelExplain: 'Un parcours est validé au-delà de 60\u00a0% de réussite\u00a0; le niveau compte les parcours validés à la suite, depuis le premier.',
    nextTitle: 'À travailler ensuite',
    nextCourse: 'Le parcours «\u00a0{course}\u00a0».',
    nextSkills: 'Compétences des défis non réussis\u00a0:',
    skill: '{name}, niveau {level}',
    skillUnnamed: 'compétence {code}, niveau {level}',
    allPassed: 'Tous les parcours sont validés\u00a0: proposez des activités d’approfondissement.',
    testRun: 'Session de test\u00a0: ces résultats ne comptent pas dans l’Observatoire.',
    testTime: 'Temps passé sur les défis\u00a0: {minutes}\u00a0min',
    challengesCaption: 'Défi par défi',
    colChallenge: 'Défi',
    colOutcome: 'Résultat',
    challengeName: 'Défi {n}',
    outcomeOk: 'Réussi',
    outcomeKo: 'Pas réussi',
    outcomeTimedOut: 'Juste, mais après le temps prévu',
    outcomeSkippedParticipant: 'Passé par la personne',
    outcomeSkippedMediator: 'Passé par le médiateur',
    outcomeNotShown: 'Pas montré',
    capacitiesIntro: 'Voici ce que vous savez faire, et ce qui reste à travailler\u00a0:',
    capacityMastered: '{capacity}\u00a0: vous savez faire.',
    capacityToWork: '{capacity}\u00a0: à travailler.',
    capacitiesCaption: 'Résultat par capacité',
    colCapacity: 'Capacité',
    colSucceeded: 'Défis réussis',
    colWords: 'En mots',
    succeededCell: '{n} sur {total}',
    capacityMasteredCell: 'Acquis',
    capacityToWorkCell: 'À travailler',
  },
  en: {
    title: 'Thank you, you are done!',
    thanks: 'Well done for taking part.',
    succeededIntro: 'Here is what you succeeded at, course by course:',
    courseLineOne: '{course}: {n} challenge succeeded out of {total}',
    courseLineMany: '{course}: {n} challenges succeeded out of {total}',
    courseLineNone: '{course}: you did the {total} challenges',
    encourage: 'Every challenge helps you progress. Your mediator can help you with what comes next.',
    chartTitle: 'Success per course: {figures}',
    mediatorTitle: 'For the mediator',
    followUpCode: 'Follow-up code: {code}',
    followUpExplain: 'Write it on the sheet. At the next session, it measures progress without a name.',
    tableCaption: 'Courses started',
    colCourse: 'Course',
    colSuccess: 'Success',
    colPassed: 'Passed (above 60%)',
    colAdvice: 'Advice given at the end of the course',
    successCell: '{n} of {total} ({percent})',
    yes: 'Yes',
    notYet: 'Not yet',
    notEnded: 'Not finished',
    adviceContinue: 'Go on',
    adviceStop: 'Stop ({reasons})',
    adviceReasonRate: 'success not above {percent}',
    adviceReasonTime: 'over {minutes} min of test',
    level: 'Level reached on the staircase: {level} of {max}',
    levelExplain: 'A course is passed above 60% success; the level counts the courses passed in a row, from the first.',
    nextTitle: 'What to work on next',
    nextCourse: 'The course “{course}”.',
    nextSkills: 'Skills of the challenges not succeeded:',
    skill: '{name}, level {level}',
    skillUnnamed: 'competence {code}, level {level}',
    allPassed: 'Every course is passed: suggest further activities.',
    testRun: 'Test session: these results do not count in the Observatoire.',
    testTime: 'Time spent on the challenges: {minutes} min',
    challengesCaption: 'Challenge by challenge',
    colChallenge: 'Challenge',
    colOutcome: 'Result',
    challengeName: 'Challenge {n}',
    outcomeOk: 'Succeeded',
    outcomeKo: 'Not succeeded',
    outcomeTimedOut: 'Right, but after the time limit',
    outcomeSkippedParticipant: 'Skipped by the participant',
    outcomeSkippedMediator: 'Skipped by the mediator',
    outcomeNotShown: 'Not shown',
    capacitiesIntro: 'Here is what you can do, and what is left to work on:',
    capacityMastered: '{capacity}: you can do it.',
    capacityToWork: '{capacity}: to work on.',
    capacitiesCaption: 'Result per capacity',
    colCapacity: 'Capacity',
    colSucceeded: 'Challenges succeeded',
    colWords: 'In words',
    succeededCell: '{n} of {total}',
    capacityMasteredCell: 'Mastered',
    capacityToWorkCell: 'To work on',
  },
} satisfies Catalogue<Keys>;

export type ResultsCardMessageKey = Keys;
