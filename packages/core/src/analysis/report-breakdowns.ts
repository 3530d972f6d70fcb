/**
 * Breakdowns by who people are (docs/analysis.md, "Breakdowns"), nationally and within a territory or an
 * organisation ("Territories and organisations"): every indicator within each category of the breakdown variables.
 * Each group is a list of respondent indexes, so each estimate costs its group only ("Performance").
 */
import { BREAKDOWN_CATEGORIES, BREAKDOWN_COLUMNS, BREAKDOWN_VARIABLES, breakdownValue } from './breakdowns.js';
import { membersOf } from './estimates.js';
import { countGroups, memberSums, type GroupCounts, type GroupSums, type Grouping } from './group-totals.js';
import { countedVariables, indicatorsOf, type Derived, type Estimation } from './report-indicators.js';
import type { Breakdown, BreakdownVariable, IndicatorSet, IntervalMethod } from './report-types.js';
import type { ExportTable } from './table.js';

/** Each respondent's category of each breakdown variable, as its index in `BREAKDOWN_CATEGORIES` (−1 unknown), read once for every scope. */
export type BreakdownValues = ReadonlyMap<BreakdownVariable, Int8Array>;

/**
 * The members of each code (`codes[i]` in 0…size−1; −1 in none), in increasing index order; only among `members`
 * when given.
 *
 * @example
 * groupsOf(Int8Array.of(1, 0, 1, -1), 2); // [Int32Array [1], Int32Array [0, 2]]
 */
export function groupsOf(codes: ArrayLike<number>, size: number, members?: Int32Array): Int32Array[] {
  const count = members ? members.length : codes.length;
  const at = (k: number): number => (members ? (members[k] as number) : k);
  const sizes = new Int32Array(size);
  for (let k = 0; k < count; k++) {
    const c = codes[at(k)] as number;
    if (c >= 0) sizes[c] = (sizes[c] as number) + 1;
  }
  const groups = Array.from(sizes, (s) => new Int32Array(s));
  const filled = new Int32Array(size);
  for (let k = 0; k < count; k++) {
    const i = at(k);
    const c = codes[i] as number;
    if (c < 0) continue;
    (groups[c] as Int32Array)[filled[c] as number] = i;
    filled[c] = (filled[c] as number) + 1;
  }
  return groups;
}

/** Per respondent, the index of f(its value) in `categories` (−1 when undefined or not listed), f computed once per distinct value. */
function categoryCodes(table: ExportTable, column: string, categories: readonly string[], f: (value: string) => string | undefined): Int8Array {
  const codes = new Int8Array(table.length).fill(-1);
  const col = table.columns.get(column);
  const byValue = Int8Array.from(col?.dictionary ?? [''], (value) => {
    const v = f(value);
    return v === undefined ? -1 : categories.indexOf(v);
  });
  for (let i = 0; i < table.length; i++) codes[i] = byValue[col ? (col.codes[i] as number) : 0] as number;
  return codes;
}

/**
 * The category of every respondent for every breakdown variable.
 *
 * @example
 * breakdownValues(tableFromRows([{ q_genre: 'feminin' }])).get('gender'); // Int8Array [0]
 */
export function breakdownValues(table: ExportTable, communeSizes?: Readonly<Record<string, string>>): BreakdownValues {
  return new Map(
    BREAKDOWN_VARIABLES.map((variable) => {
      const column = BREAKDOWN_COLUMNS[variable];
      return [variable, categoryCodes(table, column, BREAKDOWN_CATEGORIES[variable], (value) => breakdownValue({ [column]: value }, variable, communeSizes))];
    }),
  );
}

export interface BreakdownScope {
  /** The respondents of a territory or organisation (increasing indexes); all when undefined. */
  members?: Int32Array;
  /** Each group is compared with this: the national figure, or per group the same group nationally. */
  national: IndicatorSet | readonly Breakdown[];
  /** Groups under this many respondents are flagged `small`. */
  minimumCellSize: number;
}

/**
 * The groupings of a scope with breakdowns: everyone (grouping 0), then each breakdown variable in report order.
 *
 * @example
 * breakdownGroupings(values, n).length; // 9
 */
export function breakdownGroupings(values: BreakdownValues, n: number): Grouping[] {
  return [{ size: 1 }, ...BREAKDOWN_VARIABLES.map((variable) => ({ codes: values.get(variable) ?? new Int8Array(n).fill(-1), size: BREAKDOWN_CATEGORIES[variable].length }))];
}

/**
 * The sums of every group of `groupings` within each group of `scope`: counted in one pass over `members` (all when
 * absent) when the cells' weights allow it (`countGroups`), else read from each group's members.
 *
 * @example
 * groupedSums(derived, weights, estimation, { codes: department, size: 96 }, breakdownGroupings(values, n)).sums(35, 0, 0).kish().n;
 */
export function groupedSums(derived: Derived, weights: Float64Array, estimation: Estimation, scope: Grouping, groupings: readonly Grouping[], members?: Int32Array): GroupCounts {
  const variables = countedVariables(derived);
  const counted = estimation.totals && countGroups(estimation.totals, variables, scope, groupings, members);
  if (counted) return counted;
  const all = members ?? membersOf(weights.length);
  const scopes = scope.codes ? groupsOf(scope.codes, scope.size, all) : [all];
  // The groups of the last scope read (scopes are read one after the other).
  let cached = -1;
  let groups: Int32Array[][] = [];
  return {
    sums(s, d, g) {
      if (s !== cached) {
        cached = s;
        groups = [];
      }
      const grouping = groupings[d] as Grouping;
      const ofScope = scopes[s] as Int32Array;
      groups[d] ??= grouping.codes ? groupsOf(grouping.codes, grouping.size, ofScope) : [ofScope];
      return memberSums(variables, derived.level, weights, (groups[d] as Int32Array[])[g] as Int32Array, estimation.estimator);
    },
  };
}

/**
 * Every breakdown of scope s of `grouped` (groupings as `breakdownGroupings`). A variable nobody of the scope
 * answered has none; an empty group is left out. Within a territory or organisation each group stands beside the
 * same group nationally (the women of the department beside the women of the nation), so that `differs` says what
 * is particular to the place.
 *
 * @example
 * breakdownsOf(grouped, 0, derived, 'linearised', { national, minimumCellSize: 30 })[0].variable; // 'age_band'
 */
export function breakdownsOf(grouped: GroupCounts, s: number, derived: Derived, method: IntervalMethod, scope: Omit<BreakdownScope, 'members'>): Breakdown[] {
  const { national } = scope;
  const breakdowns: Breakdown[] = [];
  BREAKDOWN_VARIABLES.forEach((variable, v) => {
    const categories = BREAKDOWN_CATEGORIES[variable];
    const sums = categories.map((_, k) => grouped.sums(s, v + 1, k));
    const sizes = sums.map((x) => x.kish().n);
    const known = sizes.reduce((a, b) => a + b, 0);
    if (known === 0) return;
    const reference = Array.isArray(national) ? (national as readonly Breakdown[]).find((b) => b.variable === variable) : undefined;
    const estimated = categories.flatMap((category, k) => {
      const n = sizes[k] as number;
      if (n === 0) return [];
      const beside = Array.isArray(national) ? reference?.groups.find((g) => g.category === category)?.indicators : (national as IndicatorSet);
      return [{ category, n, small: n < scope.minimumCellSize, indicators: indicatorsOf(derived, sums[k] as GroupSums, method, beside) }];
    });
    breakdowns.push({ variable, n: known, groups: estimated });
  });
  return breakdowns;
}

/**
 * Every breakdown within a scope (`breakdownsOf` on one scope).
 *
 * @example
 * breakdownsWithin(values, derived, weights, estimation, { national, minimumCellSize: 30 })[0].variable; // 'age_band'
 */
export function breakdownsWithin(values: BreakdownValues, derived: Derived, weights: Float64Array, estimation: Estimation, scope: BreakdownScope): Breakdown[] {
  const grouped = groupedSums(derived, weights, estimation, { size: 1 }, breakdownGroupings(values, weights.length), scope.members);
  return breakdownsOf(grouped, 0, derived, estimation.method, scope);
}
