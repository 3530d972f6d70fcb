/** Texts of the resume-or-new-person dialog. */
import type { Catalogue } from '@observatoire/core/i18n';

type Keys = 'title' | 'when' | 'sameDevice' | 'otherPerson' | 'resume' | 'startNew' | 'outdatedTitle' | 'outdated' | 'outdatedKept' | 'startOver';

export const messages = {
  fr: {
    title: 'Un questionnaire n’est pas terminé sur cet appareil',
    when: 'Dernière réponse : {when}.',
    sameDevice: 'Si c’est la même personne, reprenez le questionnaire là où il s’était arrêté.',
    otherPerson:
      'Si vous commencez pour une autre personne, le questionnaire en cours ne pourra plus être repris. Les réponses déjà données sont gardées.',
    resume: 'Reprendre le questionnaire en cours',
    startNew: 'Commencer pour une autre personne',
    outdatedTitle: 'Un questionnaire commencé sur cet appareil ne peut pas être repris',
    outdated: 'Il a été commencé avec une ancienne version du questionnaire, qui a changé depuis.',
    outdatedKept: 'Les réponses déjà données sont gardées et seront envoyées. Vous pouvez commencer un nouveau questionnaire.',
    startOver: 'Commencer un nouveau questionnaire',
  },
  en: {
    title: 'A questionnaire is not finished on this device',
    when: 'Last answer: {when}.',
    sameDevice: 'If it is the same person, resume the questionnaire where it stopped.',
    otherPerson: 'If you start for another person, the unfinished questionnaire can no longer be resumed. The answers already given are kept.',
    resume: 'Resume the unfinished questionnaire',
    startNew: 'Start for another person',
    outdatedTitle: 'A questionnaire started on this device cannot be resumed',
    outdated: 'It was started with an earlier version of the questionnaire, which has changed since.',
    outdatedKept: 'The answers already given are kept and will be sent. You can start a new questionnaire.',
    startOver: 'Start a new questionnaire',
  },
} satisfies Catalogue<Keys>;

export type ResumeMessageKey = Keys;
