/** Texts of `<obs-sync-status>`, for the mediator. */
import type { Catalogue } from '@observatoire/core/i18n';

type Keys =
  | 'label'
  | 'saved'
  | 'offlineNone'
  | 'offlineOne'
  | 'offlineMany'
  | 'retry'
  | 'unavailable'
  | 'notSentOne'
  | 'notSentMany'
  | 'export'
  | 'discard'
  | 'discardQuestion'
  | 'discardYes'
  | 'discardNo';

export const messages = {
  fr: {
    label: 'Envoi des réponses',
    saved: 'Enregistré',
    offlineNone: 'En attente de réseau',
    offlineOne: 'En attente de réseau (1 réponse)',
    offlineMany: 'En attente de réseau ({n} réponses)',
    retry: 'Réessayer l’envoi',
    unavailable: 'Les réponses ne peuvent pas être gardées sur cet appareil.',
    notSentOne: '1 envoi refusé par le serveur. Il reste sur cet appareil.',
    notSentMany: '{n} envois refusés par le serveur. Ils restent sur cet appareil.',
    export: 'Exporter les envois refusés',
    discard: 'Effacer les envois refusés',
    discardQuestion: 'Effacer pour toujours les envois refusés de cet appareil\u00a0?',
    discardYes: 'Oui, effacer',
    discardNo: 'Non, garder',
  },
  en: {
    label: 'Sending the answers',
    saved: 'Saved',
    offlineNone: 'Waiting for the network',
    offlineOne: 'Waiting for the network (1 answer)',
    offlineMany: 'Waiting for the network ({n} answers)',
    retry: 'Try sending again',
    unavailable: 'The answers cannot be kept on this device.',
    notSentOne: '1 request refused by the server. It stays on this device.',
    notSentMany: '{n} requests refused by the server. They stay on this device.',
    export: 'Export the refused requests',
    discard: 'Discard the refused requests',
    discardQuestion: 'Delete the refused requests from this device for good?',
    discardYes: 'Yes, delete',
    discardNo: 'No, keep',
  },
} satisfies Catalogue<Keys>;

export type SyncStatusMessageKey = Keys;
