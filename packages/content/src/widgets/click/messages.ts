import type { Catalogue } from '@observatoire/core/i18n';

export const clickMessages = {
  fr: { group: 'Boutons du défi', chosen: 'Vous avez choisi «\u00A0{label}\u00A0». Appuyez sur «\u00A0Je valide\u00A0».' },
  en: { group: 'Challenge buttons', chosen: 'You chose “{label}”. Press “Submit”.' },
} satisfies Catalogue<'group' | 'chosen'>;
