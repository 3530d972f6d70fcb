/** Texts of the rendered report (HTML, Markdown, CSV), French first. */
import { translate, type Catalogue } from '@observatoire/core/i18n';
import type { ReportLang } from '@observatoire/core/analysis';

const fr = {
  title: 'Rapport Observatoire',
  sessions: 'Sessions',
  read: 'Sessions lues',
  analysed: 'Sessions analysées',
  weighting: 'Redressement',
  methodRaking: 'calage sur marges (raking)',
  methodNone: 'aucun (poids égaux)',
  converged: 'convergé',
  sweeps: '{n} itérations',
  maxError: 'écart relatif maximal',
  weights: 'Poids de',
  cap: 'plafond {cap} × le poids moyen',
  notConverged: 'NON convergé',
  national: 'Ensemble',
  focus: 'Territoire demandé',
  profiles: 'Par profil',
  domains: 'Par territoire et structure',
  category: 'Catégorie',
  share: 'Part',
  interval: 'Intervalle à 95 %',
  nationalCol: 'Ensemble',
  differs: 'Écart significatif',
  yes: 'oui',
  no: 'non',
  count: 'Effectif',
  target: 'Cible',
  achieved: 'Atteint',
  source: 'Source',
  tooFew: 'Non estimé : {n} répondants valides, il en faut au moins {min}.',
  neff: '{n} répondants, taille effective {neff}, effet de plan {deff}.',
  mean: 'Niveau moyen de l’escalier',
  distributionStaircaseLevel: 'Niveau de l’escalier',
  distributionDistance: 'Distance au numérique',
  distributionIllectronisme: 'Illectronisme, mesure de type INSEE (15 ans et plus)',
  distributionHalo: 'Halo de type CRÉDOC',
  distributionProfile: 'Profils à l’entrée (approximation des profils 2023)',
  courses: 'Résultats par parcours',
  breakdowns: 'Selon le profil des répondants',
  items: 'Par défi',
  progress: 'Avancement de la collecte',
  progressNote: '{n} répondants valides sur l’objectif de {target} pendant la période de collecte (du {from} au {to}), soit {share} ; {outside} hors période.',
  progressTerritories: 'Départements : répondants valides sur l’objectif de {target}',
  reached: 'objectif atteint',
  notReached: 'en cours',
  itemsNote:
    'Parts pondérées parmi les personnes qui ont joué le défi. Difficulté : part de réussite non pondérée. Discrimination : corrélation point-bisériale entre la réussite du défi et celle des autres défis.',
  challenge: 'Défi',
  itemSuccess: 'Réussite',
  itemSkipped: 'Passé',
  itemTimedOut: 'Temps écoulé',
  difficulty: 'Difficulté',
  discrimination: 'Discrimination',
  flag: 'À revoir',
  notDiscriminating: 'ne discrimine pas',
  small: 'effectif faible',
  breakdownNote:
    'Part pondérée (intervalle à 95 %) dans chaque groupe. * : différence avec l’ensemble au-delà des intervalles. Les groupes de moins de {min} répondants sont signalés « effectif faible » : leurs chiffres sont fragiles.',
  course: 'Parcours {n}',
  passedAmongEnded: 'Réussite parmi les parcours terminés',
  intervalNote:
    'Les intervalles ({method}) contiennent la valeur de la population avec 95 % de confiance. Un territoire ou une structure n’est estimé qu’à partir de {min} répondants valides ; un écart avec l’ensemble n’est signalé que si les intervalles ne se chevauchent pas.',
  intervalLinearised: 'variance linéarisée de l’estimateur calé',
  intervalWilson: 'Wilson, sur la taille effective',
  kind: 'Type',
  code: 'Code',
  name: 'Nom',
  status: 'Statut',
  estimated: 'estimé',
  skipped: 'non estimé (trop peu de répondants)',
};

export type RenderMessageKey = keyof typeof fr;

export const renderMessages: Catalogue<RenderMessageKey> = {
  fr,
  en: {
    title: 'Observatoire report',
    sessions: 'Sessions',
    read: 'Sessions read',
    analysed: 'Sessions analysed',
    weighting: 'Weighting',
    methodRaking: 'raking on margins',
    methodNone: 'none (equal weights)',
    converged: 'converged',
    sweeps: '{n} sweeps',
    maxError: 'max relative error',
    weights: 'Weights from',
    cap: 'cap {cap} × the mean weight',
    notConverged: 'NOT converged',
    national: 'Overall',
    focus: 'Requested territory',
    profiles: 'By profile',
    domains: 'By territory and organisation',
    category: 'Category',
    share: 'Share',
    interval: '95% interval',
    nationalCol: 'Overall',
    differs: 'Significant gap',
    yes: 'yes',
    no: 'no',
    count: 'Count',
    target: 'Target',
    achieved: 'Achieved',
    source: 'Source',
    tooFew: 'Not estimated: {n} valid respondents, at least {min} are needed.',
    neff: '{n} respondents, effective size {neff}, design effect {deff}.',
    mean: 'Mean staircase level',
    distributionStaircaseLevel: 'Staircase level',
    distributionDistance: 'Digital distance',
    distributionIllectronisme: 'Illectronisme, INSEE-like measure (aged 15 and over)',
    distributionHalo: 'CRÉDOC-like halo',
    distributionProfile: 'Profiles at entry (approximating the 2023 profiles)',
    courses: 'Results per course',
    breakdowns: 'By who the respondents are',
    items: 'Per challenge',
    progress: 'Collection progress',
    progressNote: '{n} valid respondents towards the target of {target} in the collection window ({from} to {to}), {share}; {outside} outside it.',
    progressTerritories: 'Departments: valid respondents towards the target of {target}',
    reached: 'target reached',
    notReached: 'in progress',
    itemsNote:
      'Weighted shares among the people who played the challenge. Difficulty: unweighted share of success. Discrimination: point-biserial correlation between succeeding the challenge and succeeding the others.',
    challenge: 'Challenge',
    itemSuccess: 'Success',
    itemSkipped: 'Skipped',
    itemTimedOut: 'Timed out',
    difficulty: 'Difficulty',
    discrimination: 'Discrimination',
    flag: 'To review',
    notDiscriminating: 'does not discriminate',
    small: 'small group',
    breakdownNote:
      'Weighted share (95% interval) in each group. *: differs from the overall figure beyond the intervals. Groups of fewer than {min} respondents are marked "small group": their figures are fragile.',
    course: 'Course {n}',
    passedAmongEnded: 'Passed among the courses that ended',
    intervalNote:
      'Intervals ({method}) contain the population value with 95% confidence. A territory or organisation is estimated only from {min} valid respondents; a gap with the overall figure is flagged only when the intervals do not overlap.',
    intervalLinearised: 'linearised variance of the calibrated estimator',
    intervalWilson: 'Wilson, on the effective size',
    kind: 'Kind',
    code: 'Code',
    name: 'Name',
    status: 'Status',
    estimated: 'estimated',
    skipped: 'not estimated (too few respondents)',
  },
};

/**
 * The text of `key` in `lang`. Numbers are written as they are (`1200`, not `1 200`), as the report always has;
 * pre-format decimals with `fmt` or `pct` and pass them as strings.
 *
 * @example
 * reportText('fr', 'course', { n: 2 }); // 'Parcours 2'
 */
export function reportText(lang: ReportLang, key: RenderMessageKey, params?: Readonly<Record<string, string | number>>): string {
  const raw = params && Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return translate(renderMessages, lang, key, raw);
}

/** A number with `digits` decimals, `–` when it is not finite. */
export function fmt(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '–';
}

/** A proportion as a percentage with one decimal (`31.0 %`). */
export const pct = (x: number): string => `${fmt(x * 100, 1)} %`;
