/**
 * Post-stratification on full cells: when the population share of every combination of the
 * variables is known, each respondent's weight is target share / sample share of their cell.
 */
import { prepareRaking, type Row } from './margins.js';
import { rakeProblem, type RakeResult } from './rake.js';

export interface PostStrata {
  /** Export columns crossed into cells, e.g. `['q_genre', 'age_band']`. */
  variables: readonly string[];
  /** Cell key (the values joined by `|`, in `variables` order, e.g. `feminin|soixante_dix_plus`) → share. */
  targets: Readonly<Record<string, number>>;
  source: string;
}

/** Cell key of a row; undefined when a value is missing (the row then follows `MISSING_RULE`). */
function cellOf(row: Row, variables: readonly string[]): string | undefined {
  const parts: string[] = [];
  for (const v of variables) {
    const value = row[v];
    if (value === undefined || value === '') return undefined;
    parts.push(value);
  }
  return parts.join('|');
}

/**
 * Post-stratifies rows on full cells. Same errors and missing-value rule as `rake` (an empty cell
 * is a `WeightingError` `empty_category` naming the cell). Weights have mean 1.
 *
 * @example
 * const { weights } = postStratify(rows, {
 *   variables: ['q_genre', 'age_band'],
 *   targets: { 'feminin|soixante_dix_plus': 0.4, 'feminin|moins_de_60': 0.3, … },
 *   source: 'Exemple',
 * });
 */
export function postStratify(rows: readonly Row[], strata: PostStrata): RakeResult {
  const variable = strata.variables.join('×');
  const cells = rows.map((row) => ({ [variable]: cellOf(row, strata.variables) }));
  return rakeProblem(prepareRaking(cells, [{ type: 'categorical', variable, targets: strata.targets, source: strata.source }]), { maxIterations: 1 });
}
