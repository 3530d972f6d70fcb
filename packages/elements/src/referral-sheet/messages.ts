/** The referral sheet's texts, French (default) and English (docs/glossary.md). */
import type { Catalogue } from '@observatoire/core/i18n';

type Keys =
  | 'title'
  | 'keep'
  | 'dated'
  | 'datedBy'
  | 'wellTitle'
  | 'wellCourse'
  | 'wellSkills'
  | 'wellFirstStep'
  | 'workTitle'
  | 'workSkills'
  | 'workNothing'
  | 'learnTitle'
  | 'nearTitle'
  | 'followUp'
  | 'followUpHint'
  | 'print'
  | 'frameTitle';

export const messages = {
  fr: {
    title: 'Votre fiche pour la suite',
    keep: 'Gardez cette fiche. Elle vous aide à continuer.',
    dated: 'Fiche du {date}',
    datedBy: 'Fiche du {date}, {organisation}',
    wellTitle: 'Ce que vous savez faire',
    wellCourse: 'Vous avez réussi le parcours «\u00a0{course}\u00a0».',
    wellSkills: 'Vous avez réussi des défis sur ces points\u00a0:',
    wellFirstStep: 'Vous avez fait le premier pas. Bravo pour votre participation\u00a0!',
    workTitle: 'À travailler ensuite',
    workSkills: 'Ces compétences vous seront utiles\u00a0:',
    workNothing: 'Continuez à pratiquer. Vous êtes sur la bonne voie.',
    learnTitle: 'Pour apprendre',
    nearTitle: 'Près de chez vous',
    followUp: 'Votre code de suivi\u00a0: {code}',
    followUpHint: 'Montrez ce code à votre prochaine visite.',
    print: 'Imprimer la fiche',
    frameTitle: 'Fiche à imprimer',
  },
  en: {
    title: 'Your sheet for what comes next',
    keep: 'Keep this sheet. It helps you keep going.',
    dated: 'Sheet of {date}',
    datedBy: 'Sheet of {date}, {organisation}',
    wellTitle: 'What you can do',
    wellCourse: 'You passed the course “{course}”.',
    wellSkills: 'You succeeded in challenges on these points:',
    wellFirstStep: 'You took the first step. Well done for taking part!',
    workTitle: 'What to work on next',
    workSkills: 'These skills will help you:',
    workNothing: 'Keep practising. You are on the right track.',
    learnTitle: 'To learn',
    nearTitle: 'Near you',
    followUp: 'Your follow-up code: {code}',
    followUpHint: 'Show this code on your next visit.',
    print: 'Print the sheet',
    frameTitle: 'Sheet to print',
  },
} satisfies Catalogue<Keys>;

export type ReferralMessageKey = Keys;
