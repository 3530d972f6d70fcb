import type { Catalogue } from '@observatoire/core/i18n';

export type MailMessageKey = 'caption' | 'inbox' | 'from' | 'attachment' | 'attachments' | 'backToList' | 'closeDocument' | 'document';

export const mailMessages = {
  fr: {
    caption: 'Page d’essai\u00a0: messagerie',
    inbox: 'Boîte de réception',
    from: 'De\u00a0:',
    attachment: 'Pièce jointe',
    attachments: 'Pièces jointes',
    backToList: 'Retour à la liste des messages',
    closeDocument: 'Fermer le document',
    document: 'Document ouvert\u00a0:',
  },
  en: {
    caption: 'Practice page: mailbox',
    inbox: 'Inbox',
    from: 'From:',
    attachment: 'Attachment',
    attachments: 'Attachments',
    backToList: 'Back to the list of messages',
    closeDocument: 'Close the document',
    document: 'Open document:',
  },
} satisfies Catalogue<MailMessageKey>;
