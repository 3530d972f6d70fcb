/** Texts of `<obs-course-chainer>`, French first. */
import type { Catalogue } from '@observatoire/core/i18n';

export type ChainerMessageKey =
  | 'introTitle'
  | 'introCourses'
  | 'introSkip'
  | 'start'
  | 'courseTitle'
  | 'endTitle'
  | 'succeededOne'
  | 'succeededMany'
  | 'adviceContinue'
  | 'adviceContinueLast'
  | 'adviceStop'
  | 'reasonRate'
  | 'reasonTime'
  | 'choice'
  | 'choiceMediator'
  | 'continue'
  | 'quit'
  | 'quitQuestion'
  | 'quitConfirm'
  | 'quitCancel'
  | 'next'
  | 'seeResults'
  | 'mediatorRegion'
  | 'testTime'
  | 'testTimeUnderOne'
  | 'skipRemaining'
  | 'skipQuestionOne'
  | 'skipQuestionMany'
  | 'skipConfirm'
  | 'skipCancel'
  | 'skippedRemaining'
  | 'answerSaved'
  | 'protocolError';

export const messages = {
  fr: {
    introTitle: 'Les défis vont commencer',
    introCourses: 'Il y a {count} parcours de défis. À la fin de chacun, vous pourrez continuer ou vous arrêter.',
    introSkip: 'Prenez votre temps. Si vous ne savez pas répondre, appuyez sur «\u00a0Je passe\u00a0».',
    start: 'Commencer',
    courseTitle: 'Parcours {n} sur {total}\u00a0: {title}',
    endTitle: 'Fin du parcours «\u00a0{title}\u00a0»',
    succeededOne: 'Vous avez réussi {n} défi sur {total}.',
    succeededMany: 'Vous avez réussi {n} défis sur {total}.',
    adviceContinue: 'Vous pouvez continuer avec le parcours suivant\u00a0: «\u00a0{next}\u00a0».',
    adviceContinueLast: 'Vous pouvez continuer.',
    adviceStop: 'Nous vous conseillons de vous arrêter ici pour aujourd’hui.',
    reasonRate: 'Le parcours suivant est plus difficile. Mieux vaut d’abord réussir plus de {percent} des défis de celui-ci.',
    reasonTime: 'Le temps conseillé de {minutes} minutes est dépassé.',
    choice: 'Vous pouvez choisir de continuer ou de vous arrêter.',
    choiceMediator: 'Le médiateur choisit avec la personne de continuer ou de s’arrêter.',
    continue: 'Continuer',
    quit: 'Arrêter ici',
    quitQuestion: 'Voulez-vous vous arrêter ici\u00A0? Les parcours suivants ne seront pas faits.',
    quitConfirm: 'Oui, arrêter ici',
    quitCancel: 'Non, revenir',
    next: 'Défi suivant',
    seeResults: 'Voir mes résultats',
    mediatorRegion: 'Espace médiateur',
    testTime: 'Temps de test\u00a0: {minutes} min',
    testTimeUnderOne: 'Temps de test\u00a0: moins d’une minute',
    skipRemaining: 'Passer les défis restants',
    skipQuestionOne: 'Passer le dernier défi de ce parcours\u00a0? Il sera noté comme passé.',
    skipQuestionMany: 'Passer les {count} défis restants de ce parcours\u00a0? Ils seront notés comme passés.',
    skipConfirm: 'Oui, passer',
    skipCancel: 'Annuler',
    skippedRemaining: 'Les défis restants ont été passés.',
    answerSaved: 'Réponse enregistrée.',
    protocolError: 'Cette action n’a pas pu être enregistrée\u00a0: {message}',
  },
  en: {
    introTitle: 'The challenges are about to start',
    introCourses: 'There are {count} courses of challenges. At the end of each, you can go on or stop.',
    introSkip: 'Take your time. If you do not know the answer, press “Skip”.',
    start: 'Start',
    courseTitle: 'Course {n} of {total}: {title}',
    endTitle: 'End of “{title}”',
    succeededOne: 'You succeeded at {n} challenge out of {total}.',
    succeededMany: 'You succeeded at {n} challenges out of {total}.',
    adviceContinue: 'You can go on with the next course: “{next}”.',
    adviceContinueLast: 'You can go on.',
    adviceStop: 'We suggest you stop here for today.',
    reasonRate: 'The next course is harder. It is best to first succeed at more than {percent} of the challenges of this one.',
    reasonTime: 'The suggested time of {minutes} minutes is over.',
    choice: 'You can choose to go on or to stop.',
    choiceMediator: 'The mediator chooses with the person whether to go on or stop.',
    continue: 'Continue',
    quit: 'Stop here',
    quitQuestion: 'Do you want to stop here? The next sets will not be done.',
    quitConfirm: 'Yes, stop here',
    quitCancel: 'No, go back',
    next: 'Next challenge',
    seeResults: 'See my results',
    mediatorRegion: 'Mediator area',
    testTime: 'Test time: {minutes} min',
    testTimeUnderOne: 'Test time: less than a minute',
    skipRemaining: 'Skip the remaining challenges',
    skipQuestionOne: 'Skip the last challenge of this course? It will be recorded as skipped.',
    skipQuestionMany: 'Skip the {count} remaining challenges of this course? They will be recorded as skipped.',
    skipConfirm: 'Yes, skip',
    skipCancel: 'Cancel',
    skippedRemaining: 'The remaining challenges were skipped.',
    answerSaved: 'Answer saved.',
    protocolError: 'This action could not be recorded: {message}',
  },
} satisfies Catalogue<ChainerMessageKey>;

/** The chainer's `t`, handed to its template functions. */
export type ChainerText = (key: ChainerMessageKey, params?: Readonly<Record<string, string | number>>) => string;
