import type { Catalogue } from '@observatoire/core/i18n';

export type BrowserMessage = 'caption' | 'tabs' | 'back' | 'address' | 'go' | 'notFoundTitle' | 'notFoundText' | 'opened';

export const browserMessages = {
  fr: {
    caption: 'Page d’essai\u00a0: navigateur Internet',
    tabs: 'Onglets',
    back: 'Page précédente',
    address: 'Barre d’adresse',
    go: 'Aller',
    notFoundTitle: 'Page introuvable',
    notFoundText: 'Aucun site n’a cette adresse. Vérifiez l’adresse, lettre par lettre.',
    opened: 'Page ouverte\u00a0: {title}.',
  },
  en: {
    caption: 'Practice page: web browser',
    tabs: 'Tabs',
    back: 'Previous page',
    address: 'Address bar',
    go: 'Go',
    notFoundTitle: 'Page not found',
    notFoundText: 'No website has this address. Check the address, letter by letter.',
    opened: 'Page opened: {title}.',
  },
} satisfies Catalogue<BrowserMessage>;
