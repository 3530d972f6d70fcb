/** Texts every widget shares. The content gives the rest (`{ fr, en }` in the widget's configuration). */
import type { Catalogue } from '@observatoire/elements';

export type SharedMessage = 'brokenConfig';

export const sharedMessages = {
  fr: { brokenConfig: 'Cet exercice ne peut pas s’afficher : sa description est incomplète. Appuyez sur « Je passe ».' },
  en: { brokenConfig: 'This exercise cannot be shown: its description is incomplete. Press “Skip”.' },
} satisfies Catalogue<SharedMessage>;
