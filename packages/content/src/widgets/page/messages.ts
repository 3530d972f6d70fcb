import type { Catalogue } from '@observatoire/core/i18n';

export const pageMessages = {
  fr: { caption: 'Page d’essai\u00a0: site d’un service public', menu: 'Menu du site', address: 'Adresse du site\u00a0:' },
  en: { caption: 'Practice page: a public service website', menu: 'Site menu', address: 'Website address:' },
} satisfies Catalogue<'caption' | 'menu' | 'address'>;
