/**
 * Breakdowns by who people are (docs/analysis.md, "Breakdowns"), nationally and within a territory or an
 * organisation ("Territories and organisations"): every indicator within each category of the breakdown variables.
 */
import { BREAKDOWN_CATEGORIES, BREAKDOWN_VARIABLES, breakdownValue } from './breakdowns.js';
import type { Row } from './margins.js';
import { indicators, type Derived, type Estimation } from './report-indicators.js';
import type { Breakdown, BreakdownVariable, IndicatorSet } from './report-types.js';

/** Each respondent's category of each breakdown variable, read once for every scope. */
export type BreakdownValues = ReadonlyMap<BreakdownVariable, readonly (string | undefined)[]>;

/**
 * The category of every respondent for every breakdown variable (undefined when unknown).
 *
 * @example
 * breakdownValues([{ q_genre: 'feminin' }]).get('gender'); // ['feminin']
 */
export function breakdownValues(rows: readonly Row[], communeSizes?: Readonly<Record<string, string>>): BreakdownValues {
  return new Map(BREAKDOWN_VARIABLES.map((variable) => [variable, rows.map((row) => breakdownValue(row, variable, communeSizes))]));
}

export interface BreakdownScope {
  /** The respondents of a territory or organisation; all when undefined. */
  members?: ReadonlySet<number>;
  /** Each group is compared with this: the national figure, or per group the same group nationally. */
  national: IndicatorSet | readonly Breakdown[];
  /** Groups under this many respondents are flagged `small`. */
  minimumCellSize: number;
}

/**
 * Every breakdown within a scope. A variable nobody of the scope answered has none; an empty group is left out.
 * Within a territory or organisation each group stands beside the same group nationally (the women of the
 * department beside the women of the nation), so that `differs` says what is particular to the place.
 *
 * @example
 * breakdownsWithin(values, derived, weights, estimation, { national, minimumCellSize: 30 })[0].variable; // 'age_band'
 */
export function breakdownsWithin(values: BreakdownValues, derived: Derived, weights: Float64Array, estimation: Estimation, scope: BreakdownScope): Breakdown[] {
  const { members, national } = scope;
  const inScope = (i: number): boolean => members === undefined || members.has(i);
  const breakdowns: Breakdown[] = [];
  for (const variable of BREAKDOWN_VARIABLES) {
    const of = values.get(variable) ?? [];
    let known = 0;
    of.forEach((v, i) => v !== undefined && inScope(i) && known++);
    if (known === 0) continue;
    const reference = Array.isArray(national) ? (national as readonly Breakdown[]).find((b) => b.variable === variable) : undefined;
    const groups = BREAKDOWN_CATEGORIES[variable].flatMap((category) => {
      const group = new Set<number>();
      of.forEach((v, i) => v === category && inScope(i) && group.add(i));
      if (group.size === 0) return [];
      const beside = Array.isArray(national) ? reference?.groups.find((g) => g.category === category)?.indicators : (national as IndicatorSet);
      return [{ category, n: group.size, small: group.size < scope.minimumCellSize, indicators: indicators(derived, weights, (i) => group.has(i), estimation, beside) }];
    });
    breakdowns.push({ variable, n: known, groups });
  }
  return breakdowns;
}
