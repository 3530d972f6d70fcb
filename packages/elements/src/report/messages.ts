/**
 * Texts of `<obs-report>`'s own controls and errors, French first. Everything the report says (headings,
 * notes, tables, labels) comes from the core's catalogues through `reportView`, the same as the command's.
 */
import type { Catalogue } from '@observatoire/core/i18n';

type Keys =
  | 'loading'
  | 'loaded'
  | 'errorTitle'
  | 'errorLoad'
  | 'errorStatus'
  | 'errorAuth'
  | 'errorNotJson'
  | 'errorNotReport'
  | 'errorVersion'
  | 'territoryLabel'
  | 'territoryShown'
  | 'optionSkipped'
  | 'showTable'
  | 'hideTable';

export const messages = {
  fr: {
    loading: 'Chargement du rapport…',
    loaded: 'Rapport chargé.',
    errorTitle: 'Le rapport ne peut pas être affiché.',
    errorLoad: 'Le rapport n’a pas pu être chargé depuis {src}. Vérifiez l’adresse et la connexion, puis réessayez.',
    errorStatus: 'Le serveur a répondu « {status} » pour {src}. Vérifiez l’adresse du rapport.',
    errorAuth: 'Accès refusé ({status}) : il faut le jeton d’administration du collecteur (propriété token).',
    errorNotJson: 'Le fichier chargé n’est pas du JSON. Donnez la sortie JSON de la commande (--format json) ou l’adresse /v1/report du collecteur.',
    errorNotReport: 'Ces données ne sont pas un rapport de l’Observatoire ({detail}). Donnez la sortie JSON de la commande (--format json) ou l’adresse /v1/report du collecteur.',
    errorVersion: 'Ce rapport est au format {version}, cet élément lit le format {expected}. Mettez à jour l’élément ou produisez le rapport avec la même version.',
    territoryLabel: 'Territoire ou structure affiché',
    territoryShown: 'Affiché : {name}.',
    optionSkipped: '{name} (non estimé, {n} répondants)',
    showTable: 'Voir le tableau',
    hideTable: 'Masquer le tableau',
  },
  en: {
    loading: 'Loading the report…',
    loaded: 'Report loaded.',
    errorTitle: 'The report cannot be shown.',
    errorLoad: 'The report could not be loaded from {src}. Check the address and the connection, then try again.',
    errorStatus: 'The server answered “{status}” for {src}. Check the report’s address.',
    errorAuth: 'Access denied ({status}): the collector’s admin token is needed (token property).',
    errorNotJson: 'The loaded file is not JSON. Give the command’s JSON output (--format json) or the collector’s /v1/report address.',
    errorNotReport: 'This data is not an Observatoire report ({detail}). Give the command’s JSON output (--format json) or the collector’s /v1/report address.',
    errorVersion: 'This report is in format {version}; this element reads format {expected}. Update the element or produce the report with the same version.',
    territoryLabel: 'Territory or organisation shown',
    territoryShown: 'Showing: {name}.',
    optionSkipped: '{name} (not estimated, {n} respondents)',
    showTable: 'Show the table',
    hideTable: 'Hide the table',
  },
} satisfies Catalogue<Keys>;

export type MessageKey = Keys;

/** The element's `t`, handed to its template functions. */
export type ReportText = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;
