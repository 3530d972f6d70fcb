/**
 * Breakdowns by who people are (docs/analysis.md, "Breakdowns"): every indicator within each category of age band,
 * gender, diploma, activity, equipment, home connection, ease and size of commune, beside the national figure.
 */
import { AGE_BANDS } from '../mappings.js';
import type { Row } from './margins.js';
import type { BreakdownVariable } from './report-types.js';

/** Below this many respondents a breakdown group is flagged (its figures are shown, marked as fragile). */
export const MINIMUM_CELL_SIZE = 30;

/** The breakdown variables in report order. */
export const BREAKDOWN_VARIABLES: readonly BreakdownVariable[] = ['age_band', 'gender', 'diploma', 'activity', 'equipment', 'home_connection', 'ease', 'commune_size'];

/** Categories of each variable in display order (codes of docs/export-format.md). */
export const BREAKDOWN_CATEGORIES: Readonly<Record<BreakdownVariable, readonly string[]>> = {
  age_band: AGE_BANDS.filter((band) => band !== 'non_communique'),
  gender: ['feminin', 'masculin'],
  diploma: ['aucun_diplome', 'bepc_cap_bep', 'baccalaureat', 'enseignement_superieur', 'ne_sait_pas'],
  activity: ['en_emploi', 'demandeur_emploi', 'retraite', 'etudes_formation', 'au_foyer', 'autre'],
  equipment: ['ordinateur', 'mobile_seulement', 'aucun'],
  home_connection: ['oui', 'non', 'ne_sait_pas'],
  ease: ['pas_du_tout', 'un_peu', 'assez', 'tres'],
  commune_size: ['moins_de_2000', 'de_2000_a_9999', 'de_10000_a_49999', 'de_50000_a_199999', '200000_et_plus'],
};

/** The export column each breakdown variable is read from (docs/export-format.md). */
export const BREAKDOWN_COLUMNS: Readonly<Record<BreakdownVariable, string>> = {
  age_band: 'age_band',
  gender: 'q_genre',
  diploma: 'q_diplome',
  activity: 'q_situation',
  equipment: 'q_appareils',
  home_connection: 'q_connexion_domicile',
  ease: 'q_aisance',
  commune_size: 'q_commune',
};

/**
 * Equipment from the multiple answer `q_appareils`: `ordinateur` when a computer is listed, `mobile_seulement` for a
 * telephone or tablet without a computer, `aucun` for none; undefined when not answered or only `autre`.
 *
 * @example
 * equipmentOf('telephone|tablette'); // 'mobile_seulement'
 */
export function equipmentOf(answer: string | undefined): string | undefined {
  const items = (answer ?? '').split('|').filter((x) => x !== '');
  if (items.includes('ordinateur')) return 'ordinateur';
  if (items.includes('telephone') || items.includes('tablette')) return 'mobile_seulement';
  if (items.includes('aucun')) return 'aucun';
  return undefined;
}

/**
 * The category of one breakdown variable for a row; undefined when unknown.
 * `communeSizes` maps a commune code to its population band (from the official commune list, Node side).
 *
 * @example
 * breakdownValue({ q_genre: 'feminin' }, 'gender'); // 'feminin'
 */
export function breakdownValue(row: Row, variable: BreakdownVariable, communeSizes?: Readonly<Record<string, string>>): string | undefined {
  const value = row[BREAKDOWN_COLUMNS[variable]];
  if (variable === 'equipment') return equipmentOf(value);
  if (variable === 'commune_size') return communeSizes?.[value ?? ''];
  return value === undefined || value === '' || value === 'non_communique' ? undefined : value;
}
