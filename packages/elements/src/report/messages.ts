/**
 * Texts of `<obs-report>`, French first. Category labels (levels, profiles, domain kinds, exclusions)
 * come from the core's `analysisLabel`, the same as the report command's.
 */
import type { Catalogue } from '@observatoire/core/i18n';

type Keys =
  | 'title'
  | 'generatedAt'
  | 'loading'
  | 'loaded'
  | 'errorTitle'
  | 'errorLoad'
  | 'errorStatus'
  | 'errorAuth'
  | 'errorNotJson'
  | 'errorNotReport'
  | 'errorVersion'
  | 'sessionsTitle'
  | 'sessionsRead'
  | 'sessionsAnalysed'
  | 'sessionsCaption'
  | 'colSessions'
  | 'colNumber'
  | 'weightingTitle'
  | 'weightingNone'
  | 'weightingRaking'
  | 'weightingNotConverged'
  | 'weightingFigures'
  | 'weightingCap'
  | 'marginsCaption'
  | 'marginSource'
  | 'colMargin'
  | 'colTarget'
  | 'colAchieved'
  | 'exampleMargins'
  | 'readingNote'
  | 'nationalTitle'
  | 'territoryTitle'
  | 'territoryLabel'
  | 'territoryShown'
  | 'optionSkipped'
  | 'notEstimated'
  | 'notEstimatedCount'
  | 'skippedListTitle'
  | 'profilesTitle'
  | 'chartTitle'
  | 'chartSummary'
  | 'chartItem'
  | 'illectronisme'
  | 'showTable'
  | 'hideTable'
  | 'tableCaption'
  | 'colCategory'
  | 'colShare'
  | 'colInterval'
  | 'colCount'
  | 'colNational'
  | 'colDiffers'
  | 'interval'
  | 'yes'
  | 'no'
  | 'none'
  | 'noFigure';

export const messages = {
  fr: {
    title: 'Rapport de l’Observatoire',
    generatedAt: 'Rapport produit le {date}.',
    loading: 'Chargement du rapport…',
    loaded: 'Rapport chargé.',
    errorTitle: 'Le rapport ne peut pas être affiché.',
    errorLoad: 'Le rapport n’a pas pu être chargé depuis {src}. Vérifiez l’adresse et la connexion, puis réessayez.',
    errorStatus: 'Le serveur a répondu « {status} » pour {src}. Vérifiez l’adresse du rapport.',
    errorAuth: 'Accès refusé ({status}) : il faut le jeton d’administration du collecteur (propriété token).',
    errorNotJson: 'Le fichier chargé n’est pas du JSON. Donnez la sortie JSON de la commande (--format json) ou l’adresse /v1/report du collecteur.',
    errorNotReport: 'Ces données ne sont pas un rapport de l’Observatoire ({detail}). Donnez la sortie JSON de la commande (--format json) ou l’adresse /v1/report du collecteur.',
    errorVersion: 'Ce rapport est au format {version}, cet élément lit le format {expected}. Mettez à jour l’élément ou produisez le rapport avec la même version.',
    sessionsTitle: 'Sessions',
    sessionsRead: 'Sessions lues',
    sessionsAnalysed: 'Sessions analysées',
    sessionsCaption: 'Sessions lues, exclues et analysées',
    colSessions: 'Sessions',
    colNumber: 'Nombre',
    weightingTitle: 'Redressement',
    weightingNone: 'Chiffres non redressés : chaque répondant compte autant (aucune marge fournie).',
    weightingRaking: 'Chiffres redressés par calage sur marges (raking), en {iterations} itérations.',
    weightingNotConverged: 'Attention : le calage n’a pas convergé après {iterations} itérations (écart relatif maximal {error}). Les chiffres sont à prendre avec prudence.',
    weightingFigures: 'Taille effective de l’échantillon : {neff} ; effet de plan : {deff} ; poids de {min} à {max} (poids moyen 1).',
    weightingCap: 'Poids plafonnés à {cap} fois le poids moyen.',
    marginsCaption: 'Marges de redressement : {variable}',
    marginSource: 'Source : {source}',
    colMargin: 'Catégorie',
    colTarget: 'Cible',
    colAchieved: 'Atteint',
    exampleMargins: 'Marges d’exemple, pas des marges officielles : ces chiffres montrent le fonctionnement, ils ne décrivent pas la population.',
    readingNote:
      'Chaque part est donnée avec son intervalle à 95 % : la valeur dans la population se trouve entre les deux bornes avec 95 % de confiance. Un territoire, une structure ou un profil n’est estimé qu’à partir de {min} répondants valides.',
    nationalTitle: 'Ensemble des répondants',
    territoryTitle: 'Par territoire ou structure',
    territoryLabel: 'Territoire ou structure affiché',
    territoryShown: 'Affiché : {name}.',
    optionSkipped: '{name} (non estimé, {n} répondants)',
    notEstimated: 'non estimé (moins de {min} répondants)',
    notEstimatedCount: '{name} : non estimé (moins de {min} répondants) ; {n} répondants valides.',
    skippedListTitle: 'Territoires et structures non estimés',
    profilesTitle: 'Par profil de bénéficiaires',
    chartTitle: 'Distance au numérique – {scope}',
    chartSummary: '{title}. {n} répondants. {items}.',
    chartItem: '{label} : {share} (entre {low} et {high})',
    illectronisme: 'En situation d’illectronisme : {share} (entre {low} et {high}).',
    showTable: 'Voir le tableau',
    hideTable: 'Masquer le tableau',
    tableCaption: '{title} ({n} répondants, taille effective {neff})',
    colCategory: 'Niveau',
    colShare: 'Part',
    colInterval: 'Intervalle à 95 %',
    colCount: 'Répondants',
    colNational: 'Ensemble',
    colDiffers: 'Écart avec l’ensemble',
    interval: '{low} à {high}',
    yes: 'oui',
    no: 'non',
    none: 'aucune',
    noFigure: 'aucun chiffre',
  },
  en: {
    title: 'Observatoire report',
    generatedAt: 'Report produced on {date}.',
    loading: 'Loading the report…',
    loaded: 'Report loaded.',
    errorTitle: 'The report cannot be shown.',
    errorLoad: 'The report could not be loaded from {src}. Check the address and the connection, then try again.',
    errorStatus: 'The server answered “{status}” for {src}. Check the report’s address.',
    errorAuth: 'Access denied ({status}): the collector’s admin token is needed (token property).',
    errorNotJson: 'The loaded file is not JSON. Give the command’s JSON output (--format json) or the collector’s /v1/report address.',
    errorNotReport: 'This data is not an Observatoire report ({detail}). Give the command’s JSON output (--format json) or the collector’s /v1/report address.',
    errorVersion: 'This report is in format {version}; this element reads format {expected}. Update the element or produce the report with the same version.',
    sessionsTitle: 'Sessions',
    sessionsRead: 'Sessions read',
    sessionsAnalysed: 'Sessions analysed',
    sessionsCaption: 'Sessions read, excluded and analysed',
    colSessions: 'Sessions',
    colNumber: 'Number',
    weightingTitle: 'Weighting',
    weightingNone: 'Unweighted figures: every respondent counts the same (no margins given).',
    weightingRaking: 'Figures weighted by raking on margins, in {iterations} sweeps.',
    weightingNotConverged: 'Warning: the raking did not converge after {iterations} sweeps (max relative error {error}). Read the figures with caution.',
    weightingFigures: 'Effective sample size: {neff}; design effect: {deff}; weights from {min} to {max} (mean weight 1).',
    weightingCap: 'Weights capped at {cap} times the mean weight.',
    marginsCaption: 'Weighting margins: {variable}',
    marginSource: 'Source: {source}',
    colMargin: 'Category',
    colTarget: 'Target',
    colAchieved: 'Achieved',
    exampleMargins: 'Example margins, not official ones: these figures show how it works, they do not describe the population.',
    readingNote:
      'Each share comes with its 95% interval: the population value lies between the two bounds with 95% confidence. A territory, organisation or profile is estimated only from {min} valid respondents.',
    nationalTitle: 'All respondents',
    territoryTitle: 'By territory or organisation',
    territoryLabel: 'Territory or organisation shown',
    territoryShown: 'Showing: {name}.',
    optionSkipped: '{name} (not estimated, {n} respondents)',
    notEstimated: 'not estimated (fewer than {min} respondents)',
    notEstimatedCount: '{name}: not estimated (fewer than {min} respondents); {n} valid respondents.',
    skippedListTitle: 'Territories and organisations not estimated',
    profilesTitle: 'By beneficiary profile',
    chartTitle: 'Digital distance – {scope}',
    chartSummary: '{title}. {n} respondents. {items}.',
    chartItem: '{label}: {share} (between {low} and {high})',
    illectronisme: 'Illectronisme: {share} (between {low} and {high}).',
    showTable: 'Show the table',
    hideTable: 'Hide the table',
    tableCaption: '{title} ({n} respondents, effective size {neff})',
    colCategory: 'Level',
    colShare: 'Share',
    colInterval: '95% interval',
    colCount: 'Respondents',
    colNational: 'Overall',
    colDiffers: 'Gap with overall',
    interval: '{low} to {high}',
    yes: 'yes',
    no: 'no',
    none: 'none',
    noFigure: 'no figure',
  },
} satisfies Catalogue<Keys>;

export type MessageKey = Keys;

/** The report's `t`, handed to its template functions. */
export type ReportText = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;
