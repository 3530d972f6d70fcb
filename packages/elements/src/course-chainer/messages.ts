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
    introTitle: 'Les exercices vont commencer',
    introCourses: 'Il y a {count} parcours d’exercices. À la fin de chacun, vous pourrez continuer ou vous arrêter.',
    introSkip: 'Prenez votre temps. Si vous ne savez pas répondre, appuyez sur « Je passe ».',
    start: 'Commencer',
    courseTitle: 'Parcours {n} sur {total} : {title}',
    endTitle: 'Fin du parcours « {title} »',
    succeededOne: 'Vous avez réussi {n} épreuve sur {total}.',
    succeededMany: 'Vous avez réussi {n} épreuves sur {total}.',
    adviceContinue: 'Vous pouvez continuer avec le parcours suivant : « {next} ».',
    adviceContinueLast: 'Vous pouvez continuer.',
    adviceStop: 'Nous vous conseillons de vous arrêter ici pour aujourd’hui.',
    reasonRate: 'Le parcours suivant est plus difficile : il est conseillé de le commencer après avoir réussi plus de {percent} des épreuves de celui-ci.',
    reasonTime: 'Le temps conseillé de {minutes} minutes est dépassé.',
    choice: 'Vous pouvez choisir de continuer ou de vous arrêter.',
    choiceMediator: 'Le médiateur choisit avec la personne de continuer ou de s’arrêter.',
    continue: 'Continuer',
    quit: 'Arrêter ici',
    quitQuestion: 'Voulez-vous vous arrêter ici\u00A0? Les parcours suivants ne seront pas faits.',
    quitConfirm: 'Oui, arrêter ici',
    quitCancel: 'Non, revenir',
    next: 'Épreuve suivante',
    seeResults: 'Voir mes résultats',
    mediatorRegion: 'Espace médiateur',
    testTime: 'Temps de test : {minutes} min',
    testTimeUnderOne: 'Temps de test : moins d’une minute',
    skipRemaining: 'Passer les épreuves restantes',
    skipQuestionOne: 'Passer la dernière épreuve de ce parcours ? Elle sera notée comme passée.',
    skipQuestionMany: 'Passer les {count} épreuves restantes de ce parcours ? Elles seront notées comme passées.',
    skipConfirm: 'Oui, passer',
    skipCancel: 'Annuler',
    skippedRemaining: 'Les épreuves restantes ont été passées.',
    answerSaved: 'Réponse enregistrée.',
    protocolError: 'Cette action n’a pas pu être enregistrée : {message}',
  },
  en: {
    introTitle: 'The exercises are about to start',
    introCourses: 'There are {count} sets of exercises. At the end of each, you can go on or stop.',
    introSkip: 'Take your time. If you do not know the answer, press “Skip”.',
    start: 'Start',
    courseTitle: 'Set {n} of {total}: {title}',
    endTitle: 'End of “{title}”',
    succeededOne: 'You succeeded at {n} challenge out of {total}.',
    succeededMany: 'You succeeded at {n} challenges out of {total}.',
    adviceContinue: 'You can go on with the next set: “{next}”.',
    adviceContinueLast: 'You can go on.',
    adviceStop: 'We suggest you stop here for today.',
    reasonRate: 'The next set is harder: it is best started after succeeding at more than {percent} of the challenges of this one.',
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
    skipQuestionOne: 'Skip the last challenge of this set? It will be recorded as skipped.',
    skipQuestionMany: 'Skip the {count} remaining challenges of this set? They will be recorded as skipped.',
    skipConfirm: 'Yes, skip',
    skipCancel: 'Cancel',
    skippedRemaining: 'The remaining challenges were skipped.',
    answerSaved: 'Answer saved.',
    protocolError: 'This action could not be recorded: {message}',
  },
} satisfies Catalogue<ChainerMessageKey>;

/** The chainer's `t`, handed to its template functions. */
export type ChainerText = (key: ChainerMessageKey, params?: Readonly<Record<string, string | number>>) => string;
