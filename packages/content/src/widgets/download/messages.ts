import type { Catalogue } from '@observatoire/core/i18n';

export type DownloadMessage = 'caption' | 'address' | 'downloads' | 'noDownload' | 'open' | 'downloaded' | 'opened' | 'pressed' | 'document' | 'viewer';

export const downloadMessages = {
  fr: {
    caption: 'Page d’essai\u00a0: télécharger un document',
    address: 'Adresse du site\u00a0:',
    downloads: 'Téléchargements',
    noDownload: 'Aucun fichier pour l’instant.',
    open: 'Ouvrir',
    downloaded: 'Fichier téléchargé\u00a0: {name}. Il est dans «\u00a0Téléchargements\u00a0».',
    opened: 'Document ouvert\u00a0: {name}.',
    pressed: 'Vous avez appuyé sur «\u00a0{label}\u00a0».',
    document: 'Document',
    viewer: 'Document ouvert',
  },
  en: {
    caption: 'Practice page: download a document',
    address: 'Website address:',
    downloads: 'Downloads',
    noDownload: 'No file yet.',
    open: 'Open',
    downloaded: 'File downloaded: {name}. It is in “Downloads”.',
    opened: 'Document opened: {name}.',
    pressed: 'You pressed “{label}”.',
    document: 'Document',
    viewer: 'Document opened',
  },
} satisfies Catalogue<DownloadMessage>;
