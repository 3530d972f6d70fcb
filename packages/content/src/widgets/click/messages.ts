import type { Catalogue } from '@observatoire/core/i18n';

export const clickMessages = {
  fr: { group: 'Boutons de l’exercice' },
  en: { group: 'Exercise buttons' },
} satisfies Catalogue<'group'>;
