/** Texts of `<obs-sync-status>`, for the mediator. */
import type { Catalogue } from '@observatoire/core/i18n';

type Keys = 'label' | 'saved' | 'offlineNone' | 'offlineOne' | 'offlineMany' | 'error' | 'retry' | 'unavailable';

export const messages = {
  fr: {
    label: 'Envoi des réponses',
    saved: 'Enregistré',
    offlineNone: 'En attente de réseau',
    offlineOne: 'En attente de réseau (1 réponse)',
    offlineMany: 'En attente de réseau ({n} réponses)',
    error: 'Envoi bloqué : le serveur a refusé des données. Elles restent sur cet appareil.',
    retry: 'Réessayer l’envoi',
    unavailable: 'Les réponses ne peuvent pas être gardées sur cet appareil.',
  },
  en: {
    label: 'Sending the answers',
    saved: 'Saved',
    offlineNone: 'Waiting for the network',
    offlineOne: 'Waiting for the network (1 answer)',
    offlineMany: 'Waiting for the network ({n} answers)',
    error: 'Sending blocked: the server refused some data. It stays on this device.',
    retry: 'Try sending again',
    unavailable: 'The answers cannot be kept on this device.',
  },
} satisfies Catalogue<Keys>;

export type SyncStatusMessageKey = Keys;
