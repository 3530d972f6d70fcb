/**
 * Categories shared with official statistics (docs/questionnaire.md, "Derived categories"): the
 * Coop's age bands, derived from the year of birth, and its `statut_social`, derived from the
 * questionnaire's `situation`. The collector's export and the analysis read them from here.
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
