/** The texts of `<obs-survey channel="paper">`'s own screens, French first (loaded with them, docs/loading.md). */
import type { Catalogue } from '@observatoire/core/i18n';

type Keys =
  | 'paperTitle'
  | 'paperIntro'
  | 'paperDate'
  | 'paperDateHint'
  | 'paperDateError'
  | 'paperConsent'
  | 'paperConsentMissing'
  | 'paperStart'
  | 'paperDoneIntro'
  | 'paperAnother';

export const messages = {
  fr: {
    paperTitle: 'Saisie d’un questionnaire papier',
    paperIntro: 'Recopiez les réponses du questionnaire papier. Toutes les questions sont sur une seule page.',
    paperDate: 'Date écrite sur le questionnaire papier',
    paperDateHint: 'En chiffres, par exemple 20/11/2025.',
    paperDateError: 'Écrivez la date du questionnaire papier en chiffres, par exemple 20/11/2025. Elle a moins d’un an.',
    paperConsent: 'La personne a donné son accord sur le questionnaire papier.',
    paperConsentMissing: 'Cochez la case\u00a0: la personne a donné son accord sur le papier.',
    paperStart: 'Saisir les réponses',
    paperDoneIntro: 'Merci. Les réponses sont bien gardées.',
    paperAnother: 'Saisir un autre questionnaire papier',
  },
  en: {
    paperTitle: 'Typing in a paper questionnaire',
    paperIntro: 'Copy the answers of the paper questionnaire. Every question is on one page.',
    paperDate: 'Date written on the paper questionnaire',
    paperDateHint: 'In figures, for example 20/11/2025.',
    paperDateError: 'Write the date of the paper questionnaire in figures, for example 20/11/2025. It is less than a year old.',
    paperConsent: 'The person gave their consent on the paper questionnaire.',
    paperConsentMissing: 'Tick the box: the person gave their consent on paper.',
    paperStart: 'Type in the answers',
    paperDoneIntro: 'Thank you. The answers of the paper questionnaire are saved.',
    paperAnother: 'Type in another paper questionnaire',
  },
} satisfies Catalogue<Keys>;

export type PaperMessageKey = Keys;
