/** Texts of `<obs-challenge-player>`, French first. */
import type { Catalogue } from '@observatoire/core/i18n';

export type PlayerMessageKey =
  | 'progress'
  | 'showAlternative'
  | 'hideAlternative'
  | 'alternativeLabel'
  | 'chooseOne'
  | 'chooseSeveral'
  | 'qcmHint'
  | 'answerLegend'
  | 'selectPlaceholder'
  | 'validate'
  | 'skip'
  | 'skipQuestion'
  | 'skipYes'
  | 'skipNo'
  | 'emptyAnswer'
  | 'emptyInputs'
  | 'qcmNeedsTwo'
  | 'sent'
  | 'skipped'
  | 'right'
  | 'notRight'
  | 'helpNextTime'
  | 'helpLearnMore'
  | 'newWindow'
  | 'timedTitle'
  | 'timedIntro'
  | 'timedNoLimit'
  | 'start'
  | 'moreTime'
  | 'noLimit'
  | 'timeLeft'
  | 'timeLeftAnnounce'
  | 'timeUp'
  | 'timeExtended'
  | 'timeRemoved'
  | 'timerRegion'
  | 'minutes'
  | 'seconds'
  | 'minutesSeconds'
  | 'widgetMissing'
  | 'answerShape'
  | 'noChallenge';

export const messages = {
  fr: {
    progress: 'Défi {n} sur {total}',
    showAlternative: 'Voir une autre formulation',
    hideAlternative: 'Masquer l’autre formulation',
    alternativeLabel: 'Autre formulation\u00a0:',
    chooseOne: 'Choisissez une réponse',
    chooseSeveral: 'Cochez les bonnes réponses',
    qcmHint: 'Plusieurs réponses sont attendues\u00a0: cochez-en au moins deux.',
    answerLegend: 'Votre réponse',
    selectPlaceholder: 'Choisissez dans la liste',
    validate: 'Je valide',
    skip: 'Je passe',
    skipQuestion: 'Vous voulez passer ce défi\u00A0?',
    skipYes: 'Oui, je passe',
    skipNo: 'Non, je reste',
    emptyAnswer: 'Vous n’avez pas répondu. Si vous ne savez pas, appuyez sur «\u00a0Je passe\u00a0».',
    emptyInputs: 'Remplissez chaque case avant de valider ({fields}). Si vous ne savez pas, appuyez sur «\u00a0Je passe\u00a0».',
    qcmNeedsTwo: 'Vous avez coché une seule case. Cochez au moins deux réponses, ou appuyez sur «\u00a0Je passe\u00a0».',
    sent: 'Votre réponse est enregistrée.',
    skipped: 'Défi passé.',
    right: 'Bonne réponse\u00a0!',
    notRight: 'Ce n’est pas la réponse attendue.',
    helpNextTime: 'Pour réussir la prochaine fois',
    helpLearnMore: 'Pour en apprendre davantage',
    newWindow: '(s’ouvre dans une nouvelle fenêtre)',
    timedTitle: 'Ce défi est chronométré',
    timedIntro: 'Vous aurez {duration} pour répondre. Si c’est trop court, vous pouvez demander plus de temps ou enlever la limite.',
    timedNoLimit: 'Il n’y a plus de limite de temps pour ce défi.',
    start: 'Commencer',
    moreTime: 'Plus de temps',
    noLimit: 'Sans limite de temps',
    timeLeft: 'Temps restant\u00a0: {time}',
    timeLeftAnnounce: 'Il reste {time}.',
    timeUp: 'Le temps est écoulé. Vous pouvez quand même répondre.',
    timeExtended: 'Vous avez maintenant {duration}.',
    timeRemoved: 'Il n’y a plus de limite de temps.',
    timerRegion: 'Minuteur',
    minutes: '{m} min',
    seconds: '{s} s',
    minutesSeconds: '{m} min {s} s',
    widgetMissing: 'Ce défi ne peut pas s’afficher\u00a0: l’élément «\u00a0{name}\u00a0» n’est pas chargé sur cette page. Appuyez sur «\u00a0Je passe\u00a0» et prévenez l’équipe de l’Observatoire.',
    answerShape: 'Cette réponse n’a pas pu être enregistrée (réponse de forme inattendue). Appuyez sur «\u00a0Je passe\u00a0» et prévenez l’équipe de l’Observatoire.',
    noChallenge: 'Aucun défi à afficher.',
  },
  en: {
    progress: 'Challenge {n} of {total}',
    showAlternative: 'See another wording',
    hideAlternative: 'Hide the other wording',
    alternativeLabel: 'Another wording:',
    chooseOne: 'Choose one answer',
    chooseSeveral: 'Tick the right answers',
    qcmHint: 'Several answers are expected: tick at least two.',
    answerLegend: 'Your answer',
    selectPlaceholder: 'Choose from the list',
    validate: 'Submit',
    skip: 'Skip',
    skipQuestion: 'Do you want to skip this challenge?',
    skipYes: 'Yes, skip',
    skipNo: 'No, stay',
    emptyAnswer: 'You have not answered. If you do not know, press “Skip”.',
    emptyInputs: 'Fill in every box before submitting ({fields}). If you do not know, press “Skip”.',
    qcmNeedsTwo: 'You ticked only one box. Tick at least two answers, or press “Skip”.',
    sent: 'Your answer is saved.',
    skipped: 'Challenge skipped.',
    right: 'Right answer!',
    notRight: 'This is not the expected answer.',
    helpNextTime: 'To succeed next time',
    helpLearnMore: 'To learn more',
    newWindow: '(opens in a new window)',
    timedTitle: 'This challenge is timed',
    timedIntro: 'You will have {duration} to answer. If that is too short, you can ask for more time or remove the limit.',
    timedNoLimit: 'There is no time limit any more for this challenge.',
    start: 'Start',
    moreTime: 'More time',
    noLimit: 'No time limit',
    timeLeft: 'Time left: {time}',
    timeLeftAnnounce: '{time} left.',
    timeUp: 'Time is up. You can still answer.',
    timeExtended: 'You now have {duration}.',
    timeRemoved: 'There is no time limit any more.',
    timerRegion: 'Timer',
    minutes: '{m} min',
    seconds: '{s} s',
    minutesSeconds: '{m} min {s} s',
    widgetMissing: 'This challenge cannot be shown: the element “{name}” is not loaded on this page. Press “Skip” and tell the Observatoire team.',
    answerShape: 'This answer could not be saved (unexpected answer shape). Press “Skip” and tell the Observatoire team.',
    noChallenge: 'No challenge to show.',
  },
} satisfies Catalogue<PlayerMessageKey>;

/** The player's `t`, handed to its template functions. */
export type PlayerText = (key: PlayerMessageKey, params?: Readonly<Record<string, string | number>>) => string;
