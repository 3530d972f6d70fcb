/** Texts of `<obs-results-card>`, French first. Participant texts stay encouraging: no word of failure. */
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
  | 'chartNotPlayed'
  | 'mediatorTitle'
  | 'tableCaption'
  | 'colCourse'
  | 'colSuccess'
  | 'colPassed'
  | 'successCell'
  | 'yes'
  | 'notYet'
  | 'notPlayed'
  | 'level'
  | 'levelExplain'
  | 'nextTitle'
  | 'nextCourse'
  | 'nextSkills'
  | 'skill'
  | 'skillNoCompetence'
  | 'allPassed'
  | 'print'
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
  | 'outcomeNotShown';

export const messages = {
  fr: {
    title: 'Merci, c’est terminé !',
    thanks: 'Bravo pour votre participation.',
    succeededIntro: 'Voici ce que vous avez réussi, parcours par parcours :',
    courseLineOne: '{course} : {n} épreuve réussie sur {total}',
    courseLineMany: '{course} : {n} épreuves réussies sur {total}',
    courseLineNone: '{course} : vous avez fait les {total} épreuves',
    encourage: 'Chaque épreuve vous fait progresser. Votre médiateur peut vous accompagner pour la suite.',
    chartTitle: 'Réussite par parcours : {figures}',
    chartNotPlayed: 'non commencé',
    mediatorTitle: 'Pour le médiateur',
    tableCaption: 'Réussite par parcours',
    colCourse: 'Parcours',
    colSuccess: 'Réussite',
    colPassed: 'Validé (plus de 60 %)',
    successCell: '{n} sur {total} ({percent})',
    yes: 'Oui',
    notYet: 'Pas encore',
    notPlayed: 'Non commencé',
    level: 'Niveau atteint sur l’escalier : {level} sur {max}',
    levelExplain: 'Un parcours est validé au-delà de 60 % de réussite ; le niveau compte les parcours validés à la suite, depuis le premier.',
    nextTitle: 'À travailler ensuite',
    nextCourse: 'Le parcours « {course} ».',
    nextSkills: 'Compétences des épreuves non réussies :',
    skill: 'compétence {competence}, niveau {level}',
    skillNoCompetence: 'domaine {area}, niveau {level}',
    allPassed: 'Tous les parcours sont validés : proposez des activités d’approfondissement.',
    print: 'Imprimer',
    testRun: 'Session de test : ces résultats ne comptent pas dans l’Observatoire.',
    testTime: 'Temps passé sur les épreuves\u00a0: {minutes}\u00a0min',
    challengesCaption: 'Épreuve par épreuve',
    colChallenge: 'Épreuve',
    colOutcome: 'Résultat',
    challengeName: 'Épreuve {n}',
    outcomeOk: 'Réussie',
    outcomeKo: 'Pas réussie',
    outcomeTimedOut: 'Juste, mais après le temps prévu',
    outcomeSkippedParticipant: 'Passée par la personne',
    outcomeSkippedMediator: 'Passée par le médiateur',
    outcomeNotShown: 'Pas montrée',
  },
  en: {
    title: 'Thank you, you are done!',
    thanks: 'Well done for taking part.',
    succeededIntro: 'Here is what you succeeded at, set by set:',
    courseLineOne: '{course}: {n} challenge succeeded out of {total}',
    courseLineMany: '{course}: {n} challenges succeeded out of {total}',
    courseLineNone: '{course}: you did the {total} challenges',
    encourage: 'Every challenge helps you progress. Your mediator can help you with what comes next.',
    chartTitle: 'Success per set: {figures}',
    chartNotPlayed: 'not started',
    mediatorTitle: 'For the mediator',
    tableCaption: 'Success per set',
    colCourse: 'Set',
    colSuccess: 'Success',
    colPassed: 'Passed (above 60%)',
    successCell: '{n} of {total} ({percent})',
    yes: 'Yes',
    notYet: 'Not yet',
    notPlayed: 'Not started',
    level: 'Level reached on the staircase: {level} of {max}',
    levelExplain: 'A set is passed above 60% success; the level counts the sets passed in a row, from the first.',
    nextTitle: 'What to work on next',
    nextCourse: 'The set “{course}”.',
    nextSkills: 'Skills of the challenges not succeeded:',
    skill: 'competence {competence}, level {level}',
    skillNoCompetence: 'area {area}, level {level}',
    allPassed: 'Every set is passed: suggest further activities.',
    print: 'Print',
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
  },
} satisfies Catalogue<Keys>;

export type ResultsCardMessageKey = Keys;
