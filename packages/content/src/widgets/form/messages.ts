import type { Catalogue } from '@observatoire/core/i18n';

export const formMessages = {
  fr: { caption: 'Page d’essai\u00a0: formulaire', sent: 'Votre demande est envoyée.' },
  en: { caption: 'Practice page: form', sent: 'Your application is sent.' },
} satisfies Catalogue<'caption' | 'sent'>;
