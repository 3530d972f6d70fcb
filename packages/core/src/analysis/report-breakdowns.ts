/**
 * Breakdowns by who people are (docs/analysis.md, "Breakdowns"), nationally and within a territory or an
 * organisation ("Territories and organisations"): every indicator within each category of the breakdown variables.
 * Each group is a list of respondent indexes, so each estimate costs its group only ("Performance").
 */
import { BREAKDOWN_CATEGORIES, BREAKDOWN_COLUMNS, BREAKDOWN_VARIABLES, breakdownValue } from './breakdowns.js';
import { indicators, type Derived, type Estimation } from './report-indicators.js';
import type { Breakdown, BreakdownVariable, IndicatorSet } from './report-types.js';
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
 * Every breakdown within a scope. A variable nobody of the scope answered has none; an empty group is left out.
 * Within a territory or organisation each group stands beside the same group nationally (the women of the
 * department beside the women of the nation), so that `differs` says what is particular to the place.
 *
 * @example
 * breakdownsWithin(values, derived, weights, estimation, { national, minimumCellSize: 30 })[0].variable; // 'age_band'
 */
export function breakdownsWithin(values: BreakdownValues, derived: Derived, weights: Float64Array, estimation: Estimation, scope: BreakdownScope): Breakdown[] {
  const { members, national } = scope;
  const breakdowns: Breakdown[] = [];
  for (const variable of BREAKDOWN_VARIABLES) {
    const codes = values.get(variable);
    if (!codes) continue;
    const categories = BREAKDOWN_CATEGORIES[variable];
    const groups = groupsOf(codes, categories.length, members);
    const known = groups.reduce((sum, g) => sum + g.length, 0);
    if (known === 0) continue;
    const reference = Array.isArray(national) ? (national as readonly Breakdown[]).find((b) => b.variable === variable) : undefined;
    const estimated = groups.flatMap((group, k) => {
      if (group.length === 0) return [];
      const category = categories[k] as string;
      const beside = Array.isArray(national) ? reference?.groups.find((g) => g.category === category)?.indicators : (national as IndicatorSet);
      return [{ category, n: group.length, small: group.length < scope.minimumCellSize, indicators: indicators(derived, weights, group, estimation, beside) }];
    });
    breakdowns.push({ variable, n: known, groups: estimated });
  }
  return breakdowns;
}
