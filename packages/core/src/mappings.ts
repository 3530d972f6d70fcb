/**
 * Categories shared with official statistics (docs/questionnaire.md, "Derived categories", and
 * docs/export-format.md, "Official codes"): the Coop's age bands, derived from the year of birth,
 * its `statut_social`, derived from the questionnaire's `situation`, the Baromètre's diploma bands and
 * INSEE's "Internet used in the last 3 months". The survey keeps its own, finer codes; these are written
 * beside them. The collector's export and the analysis read them from here, the one place for mappings.
 */

/** The Coop's age bands, also the Baromètre du numérique's, in order. */
export const AGE_BANDS = [
  'moins_de_douze',
  'douze_dix_huit',
  'dix_huit_vingt_quatre',
  'vingt_cinq_trente_neuf',
  'quarante_cinquante_neuf',
  'soixante_soixante_neuf',
  'soixante_dix_plus',
  'non_communique',
] as const;

export type AgeBand = (typeof AGE_BANDS)[number];

/** Upper bounds (exclusive) of the bands, with the band below each. */
const AGE_LIMITS: readonly (readonly [number, AgeBand])[] = [
  [12, 'moins_de_douze'],
  [18, 'douze_dix_huit'],
  [25, 'dix_huit_vingt_quatre'],
  [40, 'vingt_cinq_trente_neuf'],
  [60, 'quarante_cinquante_neuf'],
  [70, 'soixante_soixante_neuf'],
];

/**
 * Age band from the year of birth, with age = referenceYear - birthYear (the band is always
 * derived, never asked). Unknown or impossible years (absent, not an integer, after the
 * reference year) give `non_communique`.
 *
 * @example
 * ageBand(1958, 2025); // 'soixante_soixante_neuf' (67)
 * ageBand(undefined, 2025); // 'non_communique'
 */
export function ageBand(birthYear: number | null | undefined, referenceYear: number): AgeBand {
  if (typeof birthYear !== 'number' || !Number.isInteger(birthYear) || !Number.isInteger(referenceYear)) return 'non_communique';
  const age = referenceYear - birthYear;
  if (age < 0) return 'non_communique';
  for (const [limit, band] of AGE_LIMITS) if (age < limit) return band;
  return 'soixante_dix_plus';
}

/** The Coop's `statut_social` categories. */
export type StatutSocial = 'scolarise' | 'sans_emploi' | 'en_emploi' | 'retraite' | 'non_communique';

/** `situation` answer → Coop `statut_social`. */
const STATUT_SOCIAL: Readonly<Record<string, StatutSocial>> = {
  en_emploi: 'en_emploi',
  demandeur_emploi: 'sans_emploi',
  retraite: 'retraite',
  etudes_formation: 'scolarise',
  au_foyer: 'sans_emploi',
  autre: 'non_communique',
  non_communique: 'non_communique',
};

/**
 * The Coop's `statut_social` of a `situation` answer; `non_communique` when absent or unknown.
 *
 * @example
 * statutSocial('demandeur_emploi'); // 'sans_emploi'
 * statutSocial(undefined); // 'non_communique'
 */
export function statutSocial(situation: unknown): StatutSocial {
  return (typeof situation === 'string' && Object.hasOwn(STATUT_SOCIAL, situation) ? STATUT_SOCIAL[situation] : undefined) ?? 'non_communique';
}

/** The Baromètre du numérique's diploma bands, and `non_communique` for "don't know" or no answer. */
export const DIPLOMA_BANDS = ['aucun_diplome', 'bepc_cap_bep', 'baccalaureat', 'enseignement_superieur', 'non_communique'] as const;

export type DiplomaBand = (typeof DIPLOMA_BANDS)[number];

/**
 * The Baromètre's diploma band of a `diplome` answer: the four bands are the survey's own codes;
 * "je ne sais pas", "je préfère ne pas répondre", no answer or an unknown code give `non_communique`.
 *
 * @example
 * diplomaBand('bepc_cap_bep'); // 'bepc_cap_bep'
 * diplomaBand('ne_sait_pas'); // 'non_communique'
 */
export function diplomaBand(diplome: unknown): DiplomaBand {
  return typeof diplome === 'string' && (DIPLOMA_BANDS as readonly string[]).includes(diplome) ? (diplome as DiplomaBand) : 'non_communique';
}

/** INSEE's criterion of use (Insee Première 1953): Internet used in the last 3 months, or not. */
export type InternetUse3Months = 'oui' | 'non' | 'non_communique';

const INTERNET_USE: Readonly<Record<string, InternetUse3Months>> = {
  moins_de_3_mois: 'oui',
  plus_de_3_mois: 'non',
  jamais: 'non',
};

/**
 * INSEE's "Internet used in the last 3 months" of a `dernier_usage_internet` answer.
 *
 * @example
 * internetUse3Months('plus_de_3_mois'); // 'non'
 * internetUse3Months(undefined); // 'non_communique'
 */
export function internetUse3Months(lastUse: unknown): InternetUse3Months {
  return (typeof lastUse === 'string' && Object.hasOwn(INTERNET_USE, lastUse) ? INTERNET_USE[lastUse] : undefined) ?? 'non_communique';
}

/**
 * Every question whose answer has an official category elsewhere: the export column of the official
 * code, written beside the survey's own `q_<question>` column. Questions whose own codes already are
 * the official ones (`genre`, `thematiques`, `thematiques_demarches`) need no second column.
 */
export const OFFICIAL_COLUMNS = [
  { question: 'annee_naissance', column: 'age_band', source: 'Coop, Baromètre', codes: AGE_BANDS },
  { question: 'situation', column: 'statut_social', source: 'Coop', codes: ['scolarise', 'sans_emploi', 'en_emploi', 'retraite', 'non_communique'] },
  { question: 'diplome', column: 'diplome_barometre', source: 'Baromètre', codes: DIPLOMA_BANDS },
  { question: 'dernier_usage_internet', column: 'internet_3_mois_insee', source: 'INSEE', codes: ['oui', 'non', 'non_communique'] },
] as const;

export type OfficialColumn = (typeof OFFICIAL_COLUMNS)[number]['column'];

/**
 * The official codes of a questionnaire's answers, one per column of `OFFICIAL_COLUMNS`, each
 * `non_communique` when its question has no usable answer. `referenceYear` dates the age band.
 *
 * @example
 * officialCodes({ annee_naissance: 1958, situation: 'au_foyer' }, 2025);
 * // { age_band: 'soixante_soixante_neuf', statut_social: 'sans_emploi', diplome_barometre: 'non_communique', internet_3_mois_insee: 'non_communique' }
 */
export function officialCodes(answers: Readonly<Record<string, unknown>>, referenceYear: number): Record<OfficialColumn, string> {
  const birthYear = answers['annee_naissance'];
  return {
    age_band: ageBand(typeof birthYear === 'number' ? birthYear : undefined, referenceYear),
    statut_social: statutSocial(answers['situation']),
    diplome_barometre: diplomaBand(answers['diplome']),
    internet_3_mois_insee: internetUse3Months(answers['dernier_usage_internet']),
  };
}
