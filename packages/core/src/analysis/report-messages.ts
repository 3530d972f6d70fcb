/**
 * Texts of the rendered report, French first: the one catalogue behind the report command's HTML, Markdown
 * and CSV and behind `<obs-report>` (docs/analysis.md, "Labels and texts"). Codes get their labels from
 * label-catalogue.ts.
 */
import type { Catalogue, MessageParams } from '../i18n.js';
import { translate } from '../i18n.js';
import type { ReportLang } from './labels.js';

const fr = {
  title: 'Rapport de l’Observatoire',
  diagnosticTitle: 'Rapport du diagnostic rapide',
  capacitiesTitle: 'Par capacité',
  capacitiesNote:
    'Part pondérée des personnes à chaque niveau (intervalle à 95 %), parmi celles dont le diagnostic est allé au bout. Maîtrisée : tous les défis de la capacité réussis. En partie : au moins la moitié.',
  capacitiesCaption: 'Niveau de chaque capacité',
  colCapacity: 'Capacité',
  generatedAt: 'Rapport produit le {date}.',
  readingNote:
    'Chaque part est donnée avec son intervalle à 95 % ({method}) : la valeur dans la population se trouve entre les deux bornes avec 95 % de confiance. Un territoire, une structure ou un profil n’est estimé qu’à partir de {min} répondants valides ; un écart avec l’ensemble n’est signalé que si les intervalles ne se chevauchent pas.',
  intervalLinearised: 'variance linéarisée de l’estimateur calé',
  intervalWilson: 'Wilson, sur la taille effective',
  sessionsTitle: 'Sessions',
  sessionsCaption: 'Sessions lues, exclues et analysées',
  sessionsRead: 'Sessions lues',
  sessionsAnalysed: 'Sessions analysées',
  colSessions: 'Sessions',
  colNumber: 'Nombre',
  progressTitle: 'Avancement de la collecte',
  progressNote: '{n} répondants valides sur l’objectif de {target} pendant la période de collecte (du {from} au {to}), soit {share} ; {outside} hors période.',
  progressCaption: 'Départements : répondants valides sur l’objectif de {target}',
  progressCount: '{n} sur {target}',
  reached: 'objectif atteint',
  inProgress: 'en cours',
  weightingTitle: 'Redressement',
  weightingNone: 'Chiffres non redressés : chaque répondant compte autant (aucune marge fournie).',
  weightingRaking: 'Chiffres redressés par calage sur marges (raking), en {iterations} itérations.',
  weightingNotConverged: 'Attention : le calage n’a pas convergé après {iterations} itérations (écart relatif maximal {error}). Les chiffres sont à prendre avec prudence.',
  weightingFigures: 'Taille effective de l’échantillon : {neff} ; effet de plan : {deff} ; poids de {min} à {max} (poids moyen 1).',
  weightingCap: 'Poids plafonnés à {cap} fois le poids moyen.',
  exampleMargins: 'Marges d’exemple, pas des marges officielles : ces chiffres montrent le fonctionnement, ils ne décrivent pas la population.',
  marginsCaption: 'Marges de redressement : {variable}',
  marginSource: 'Source : {source}',
  colCategory: 'Catégorie',
  colCount: 'Répondants',
  colTarget: 'Cible',
  colAchieved: 'Atteint',
  colShare: 'Part',
  colInterval: 'Intervalle à 95 %',
  colNational: 'Ensemble',
  colDiffers: 'Écart avec l’ensemble',
  nationalTitle: 'Ensemble des répondants',
  scoped: '{name} – {scope}',
  staircase: 'Niveau de l’escalier',
  distance: 'Distance au numérique',
  illectronismeName: 'Illectronisme, mesure de type INSEE (15 ans et plus)',
  halo: 'Halo de type CRÉDOC',
  profiles: 'Profils à l’entrée (approximation des profils 2023)',
  courses: 'Résultats par parcours',
  course: 'Parcours {n}',
  passedAmongEnded: 'Réussite parmi les parcours terminés',
  mean: 'Niveau moyen de l’escalier',
  allFigures: 'Tous les chiffres',
  tableCaption: '{title} ({n} répondants, taille effective {neff})',
  chartSummary: '{title}. {n} répondants. {items}.',
  chartItem: '{label} : {share} (entre {low} et {high})',
  illectronisme: 'En situation d’illectronisme : {share} (entre {low} et {high}).',
  interval: '{low} à {high}',
  withInterval: '{value} ({low} à {high})',
  differsMark: '{value} *',
  yes: 'oui',
  no: 'non',
  breakdownsTitle: 'Selon le profil des répondants',
  breakdownNote:
    'Part pondérée (intervalle à 95 %) dans chaque groupe. * : différence avec l’ensemble au-delà des intervalles. Les groupes de moins de {min} répondants sont signalés « effectif faible » : leurs chiffres sont fragiles.',
  smallGroup: '{n} (effectif faible)',
  domainBreakdownNote:
    'Selon le profil des répondants, dans {name}. Chaque groupe est comparé au même groupe au niveau national. * : différence au-delà des intervalles. Moins de {min} répondants : effectif faible.',
  offeredCaption: 'Personnes à qui l’enquête a été proposée',
  territoryTitle: 'Par territoire ou structure',
  domainsCaption: 'Territoires et structures',
  colKind: 'Type',
  colCode: 'Code',
  colName: 'Nom',
  colStatus: 'Statut',
  estimated: 'estimé',
  notEstimated: 'non estimé (moins de {min} répondants)',
  notEstimatedCount: '{name} : non estimé (moins de {min} répondants) ; {n} répondants valides.',
  skippedListTitle: 'Territoires et structures non estimés',
  profilesTitle: 'Par profil de bénéficiaires',
  itemsTitle: 'Par défi',
  itemsCaption: 'Réussite, difficulté et discrimination de chaque défi',
  itemsNote:
    'Parts pondérées parmi les personnes qui ont joué le défi. Temps médian pondéré, sans les défis passés d’un coup par le médiateur. Difficulté : part de réussite non pondérée. Discrimination : corrélation point-bisériale entre la réussite du défi et celle des autres défis.',
  colChallenge: 'Défi',
  colSuccess: 'Réussite',
  colSkipped: 'Passé',
  colTimedOut: 'Temps écoulé',
  colSkippedByMediator: 'Passé par le médiateur',
  colMedianTime: 'Temps médian',
  seconds: '{n} s',
  colDifficulty: 'Difficulté',
  colDiscrimination: 'Discrimination',
  colFlag: 'À revoir',
  notDiscriminating: 'ne discrimine pas',
  noFigure: '–',
  modesCaption: 'Réussite selon la façon de faire',
  modesNote:
    'Un glisser fait au clavier ou en deux appuis n’est pas un glisser : chaque façon de faire est analysée à part. Parts pondérées parmi les personnes qui ont fait le défi de cette façon.',
  colMode: 'Façon de faire',
  mode_drag: 'Glisser (souris, stylet ou doigt)',
  mode_keyboard: 'Clavier',
  mode_tap: 'Deux appuis (la photo, puis le dossier)',
};

/** A key of the report's texts. */
export type ReportMessageKey = keyof typeof fr;

/** The report's texts, French (default) and English: the same keys in both. */
export const reportMessages: Catalogue<ReportMessageKey> = {
  fr,
  en: {
    title: 'Observatoire report',
    diagnosticTitle: 'Quick diagnostic report',
    capacitiesTitle: 'Per capacity',
    capacitiesNote:
      'Weighted share of people at each level (95% interval), among those whose diagnostic reached its end. Mastered: every challenge of the capacity succeeded. Partly: at least half.',
    capacitiesCaption: 'Level of each capacity',
    colCapacity: 'Capacity',
    generatedAt: 'Report produced on {date}.',
    readingNote:
      'Each share comes with its 95% interval ({method}): the population value lies between the two bounds with 95% confidence. A territory, organisation or profile is estimated only from {min} valid respondents; a gap with the overall figure is flagged only when the intervals do not overlap.',
    intervalLinearised: 'linearised variance of the calibrated estimator',
    intervalWilson: 'Wilson, on the effective size',
    sessionsTitle: 'Sessions',
    sessionsCaption: 'Sessions read, excluded and analysed',
    sessionsRead: 'Sessions read',
    sessionsAnalysed: 'Sessions analysed',
    colSessions: 'Sessions',
    colNumber: 'Number',
    progressTitle: 'Collection progress',
    progressNote: '{n} valid respondents towards the target of {target} in the collection window ({from} to {to}), {share}; {outside} outside it.',
    progressCaption: 'Departments: valid respondents towards the target of {target}',
    progressCount: '{n} of {target}',
    reached: 'target reached',
    inProgress: 'in progress',
    weightingTitle: 'Weighting',
    weightingNone: 'Unweighted figures: every respondent counts the same (no margins given).',
    weightingRaking: 'Figures weighted by raking on margins, in {iterations} sweeps.',
    weightingNotConverged: 'Warning: the raking did not converge after {iterations} sweeps (max relative error {error}). Read the figures with caution.',
    weightingFigures: 'Effective sample size: {neff}; design effect: {deff}; weights from {min} to {max} (mean weight 1).',
    weightingCap: 'Weights capped at {cap} times the mean weight.',
    exampleMargins: 'Example margins, not official ones: these figures show how it works, they do not describe the population.',
    marginsCaption: 'Weighting margins: {variable}',
    marginSource: 'Source: {source}',
    colCategory: 'Category',
    colCount: 'Respondents',
    colTarget: 'Target',
    colAchieved: 'Achieved',
    colShare: 'Share',
    colInterval: '95% interval',
    colNational: 'Overall',
    colDiffers: 'Gap with overall',
    nationalTitle: 'All respondents',
    scoped: '{name} – {scope}',
    staircase: 'Staircase level',
    distance: 'Digital distance',
    illectronismeName: 'Illectronisme, INSEE-like measure (aged 15 and over)',
    halo: 'CRÉDOC-like halo',
    profiles: 'Profiles at entry (approximating the 2023 profiles)',
    courses: 'Results per course',
    course: 'Course {n}',
    passedAmongEnded: 'Passed among the courses that ended',
    mean: 'Mean staircase level',
    allFigures: 'All the figures',
    tableCaption: '{title} ({n} respondents, effective size {neff})',
    chartSummary: '{title}. {n} respondents. {items}.',
    chartItem: '{label}: {share} (between {low} and {high})',
    illectronisme: 'Illectronisme: {share} (between {low} and {high}).',
    interval: '{low} to {high}',
    withInterval: '{value} ({low} to {high})',
    differsMark: '{value} *',
    yes: 'yes',
    no: 'no',
    breakdownsTitle: 'By who the respondents are',
    breakdownNote:
      'Weighted share (95% interval) in each group. *: differs from the overall figure beyond the intervals. Groups of fewer than {min} respondents are marked "small group": their figures are fragile.',
    smallGroup: '{n} (small group)',
    domainBreakdownNote:
      'By who the respondents are, in {name}. Each group stands beside the same group nationally. *: differs beyond the intervals. Fewer than {min} respondents: small group.',
    offeredCaption: 'People offered the survey',
    territoryTitle: 'By territory or organisation',
    domainsCaption: 'Territories and organisations',
    colKind: 'Kind',
    colCode: 'Code',
    colName: 'Name',
    colStatus: 'Status',
    estimated: 'estimated',
    notEstimated: 'not estimated (fewer than {min} respondents)',
    notEstimatedCount: '{name}: not estimated (fewer than {min} respondents); {n} valid respondents.',
    skippedListTitle: 'Territories and organisations not estimated',
    profilesTitle: 'By beneficiary profile',
    itemsTitle: 'Per challenge',
    itemsCaption: 'Success, difficulty and discrimination of each challenge',
    itemsNote:
      'Weighted shares among the people who played the challenge. Weighted median time, leaving out challenges the mediator skipped all at once. Difficulty: unweighted share of success. Discrimination: point-biserial correlation between succeeding the challenge and succeeding the others.',
    colChallenge: 'Challenge',
    colSuccess: 'Success',
    colSkipped: 'Skipped',
    colTimedOut: 'Timed out',
    colSkippedByMediator: 'Skipped by the mediator',
    colMedianTime: 'Median time',
    seconds: '{n} s',
    colDifficulty: 'Difficulty',
    colDiscrimination: 'Discrimination',
    colFlag: 'To review',
    notDiscriminating: 'does not discriminate',
    noFigure: '–',
    modesCaption: 'Success by how the task was done',
    modesNote:
      'A drag done by keyboard or by two taps is not a drag: each way is analysed apart. Weighted shares among the people who did the challenge that way.',
    colMode: 'How it was done',
    mode_drag: 'Drag (mouse, pen or finger)',
    mode_keyboard: 'Keyboard',
    mode_tap: 'Two taps (the photo, then the folder)',
  },
};

/** The report's texts in one language, as one function: `t('course', { n: 2 })`. */
export type ReportTexts = (key: ReportMessageKey, params?: MessageParams) => string;

/** Numbers and shares written for one language (grouped digits, decimal comma in French). */
export interface ReportFormat {
  t: ReportTexts;
  /** A share 0..1 as a percentage with one decimal: `12,5 %`; `–` when not a number. */
  percent: (x: number) => string;
  /** A number with `digits` decimals: `1 234,5`; `–` when not a number. */
  number: (x: number, digits?: number) => string;
}

/**
 * The texts and number formats of `lang`, for the report's template functions.
 *
 * @example
 * const { t, percent } = reportFormat('fr');
 * t('course', { n: 2 }); // 'Parcours 2'
 * percent(0.125); // '12,5 %'
 */
export function reportFormat(lang: ReportLang): ReportFormat {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const shares = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const numbers = new Map<number, Intl.NumberFormat>();
  const number = (x: number, digits = 0): string => {
    if (!Number.isFinite(x)) return fr.noFigure;
    let format = numbers.get(digits);
    if (!format) numbers.set(digits, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
    return format.format(x);
  };
  return {
    t: (key, params) => translate(reportMessages, lang, key, params),
    percent: (x) => (Number.isFinite(x) ? shares.format(x) : fr.noFigure),
    number,
  };
}
