/**
 * Texts every widget shares, and the small lookup the widgets use for their catalogues.
 * The content gives the rest (`{ fr, en }` in the widget's configuration).
 */
import type { Lang } from '@observatoire/core';
import type { Catalogue } from '@observatoire/core/i18n';

/**
 * A catalogue's text in a language, `{name}` replaced by `params.name`.
 *
 * @example
 * message(dragMessages, 'fr', 'dropped', { folder: 'Animaux' }); // 'La photo est rangée dans le dossier « Animaux ».'
 */
export function message<K extends string>(catalogue: Catalogue<K>, lang: Lang, key: K, params: Readonly<Record<string, string>> = {}): string {
  return catalogue[lang][key].replace(/\{(\w+)\}/g, (match, name: string) => params[name] ?? match);
}

export type SharedMessage = 'brokenConfig' | 'undo' | 'undone';

export const sharedMessages = {
  fr: {
    brokenConfig: 'Ce défi ne peut pas s’afficher\u00a0: sa description est incomplète. Appuyez sur «\u00a0Je passe\u00a0».',
    undo: 'Annuler mon choix',
    undone: 'Choix annulé. Vous pouvez recommencer.',
  },
  en: {
    brokenConfig: 'This challenge cannot be shown: its description is incomplete. Press “Skip”.',
    undo: 'Undo my choice',
    undone: 'Choice undone. You can start again.',
  },
} satisfies Catalogue<SharedMessage>;
