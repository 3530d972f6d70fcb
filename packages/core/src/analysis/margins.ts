/**
 * Weighting margins: the known shares of the beneficiaries' population, and how a respondent's
 * answer maps onto them. Preparing margins turns rows of strings into one small-integer code per
 * respondent and margin, once, so that the raking loop touches typed arrays only.
 */
import { WeightingError } from './errors.js';
import { asTable, type ExportColumn, type ExportTable, type Row } from './table.js';

export type { Row } from './table.js';

/** Shares of one categorical variable (e.g. `age_band`), summing to 1. */
export interface CategoricalMargin {
  type: 'categorical';
  /** Export column, e.g. `age_band`, `statut_social`, `q_genre`. */
  variable: string;
  /** Category code → population share. */
  targets: Readonly<Record<string, number>>;
  /** Where the figures come from (shown in the report). */
  source: string;
  /**
   * Explicit merge of categories: `{ from: into }`. The target of `from` is added to `into` and
   * respondents in `from` count as `into`. The only way to weight with a category nobody is in.
   */
  collapse?: Readonly<Record<string, string>>;
}

/**
 * Shares of a multi-answer variable (e.g. `q_thematiques`, codes joined by `|`): each listed code is
 * a binary margin "covered / not covered" with the given share of covered respondents.
 */
export interface ThemesMargin {
  type: 'themes';
  variable: string;
  /** Code → share of respondents for whom the code is among the answers (each strictly between 0 and 1). */
  targets: Readonly<Record<string, number>>;
  source: string;
}

export type Margin = CategoricalMargin | ThemesMargin;

/** Category used for respondents whose value is missing (see `MISSING_RULE`). */
export const MISSING = '(missing)';

/**
 * The documented rule for a respondent without a value on a weighting variable (empty cell, or
 * `non_communique` when that is not itself a target category): they form a category of their own
 * whose target is their unweighted share of the sample, and the published shares are scaled to the
 * rest. So they are neither dropped nor forced into a category; the rule is plain raking with fixed
 * targets, which R's `survey::rake` reproduces with an extra level.
 */
export const MISSING_RULE =
  'missing value → own category, target = its unweighted share of the sample; other targets scaled to the rest';

/** Shares may differ from 1 by rounding up to this much; they are then rescaled to sum exactly to 1. */
export const SHARE_SUM_TOLERANCE = 1e-6;

/** One margin ready for the loop. */
export interface PreparedMargin {
  /** Display name: the variable, or `variable:code` for a theme. */
  name: string;
  variable: string;
  type: 'categorical' | 'themes';
  source: string;
  categories: readonly string[];
  /** Category index per respondent. */
  codes: Uint8Array | Int32Array;
  /** Target shares per category, summing to 1 (including the missing category when present). */
  shares: Float64Array;
  /** Unweighted respondents per category. */
  counts: Int32Array;
}

/** The whole raking input in typed arrays. */
export interface RakingProblem {
  n: number;
  margins: readonly PreparedMargin[];
}

const COVERED = 'covered';
const NOT_COVERED = 'not_covered';

function isMissing(value: string | undefined, targets: Readonly<Record<string, number>>): boolean {
  return value === undefined || value === '' || (value === 'non_communique' && !hasOwn(targets, 'non_communique'));
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

function checkShare(margin: Margin, category: string, share: number, binary: boolean): void {
  const ok = Number.isFinite(share) && share > 0 && (!binary || share < 1);
  if (!ok) {
    throw new WeightingError(
      'invalid_margin',
      `${margin.variable}: target of "${category}" must be a number ${binary ? 'strictly between 0 and 1' : 'above 0'} (got ${String(share)}); drop or collapse the category`,
      margin.variable,
      category,
    );
  }
}

function codeArray(n: number, categoryCount: number): Uint8Array | Int32Array {
  return categoryCount <= 256 ? new Uint8Array(n) : new Int32Array(n);
}

/**
 * Builds the typed-array form of a categorical margin from column values.
 * Throws `WeightingError` on shares not summing to 1, an unknown value, or an empty category.
 */
function prepareCategorical(margin: CategoricalMargin, column: ExportColumn | undefined, n: number): PreparedMargin {
  const targets: Record<string, number> = {};
  for (const [category, share] of Object.entries(margin.targets)) {
    checkShare(margin, category, share, false);
    targets[category] = share;
  }
  const sum = Object.values(targets).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
    throw new WeightingError(
      'margins_not_normalised',
      `${margin.variable}: target shares sum to ${sum}, not 1; give shares that sum to 1 (or counts in a margins file, which are normalised)`,
      margin.variable,
    );
  }
  const into: Record<string, string> = {};
  for (const [from, to] of Object.entries(margin.collapse ?? {})) {
    if (!hasOwn(targets, to) || hasOwn(margin.collapse ?? {}, to)) {
      throw new WeightingError('invalid_margin', `${margin.variable}: collapse "${from}" into "${to}": "${to}" is not a target category`, margin.variable, to);
    }
    into[from] = to;
    if (hasOwn(targets, from)) {
      targets[to] = (targets[to] ?? 0) + (targets[from] ?? 0);
      delete targets[from];
    }
  }
  const categories = Object.keys(targets);
  const index = new Map<string, number>();
  categories.forEach((c, i) => index.set(c, i));
  const missingIndex = categories.length;
  const codes = codeArray(n, categories.length + 1);
  const counts = new Int32Array(categories.length + 1);
  // Each distinct value of the column is resolved once (missing, collapse, index); the per-row work is an array read.
  const resolve = (raw: string | undefined, i: number): number => {
    if (isMissing(raw, targets)) return missingIndex;
    const value = raw as string;
    const k = index.get(into[value] ?? value);
    if (k === undefined) {
      throw new WeightingError(
        'unknown_category',
        `${margin.variable}: respondent ${i + 1} has "${value}", which is not a target category; add it to the margin or collapse it`,
        margin.variable,
        value,
      );
    }
    return k;
  };
  if (column === undefined) {
    codes.fill(missingIndex);
    counts[missingIndex] = n;
  } else {
    const resolved = new Int32Array(column.dictionary.length).fill(-1);
    const source = column.codes;
    for (let i = 0; i < n; i++) {
      const d = source[i] as number;
      let k = resolved[d] as number;
      if (k < 0) resolved[d] = k = resolve(column.dictionary[d], i);
      codes[i] = k;
      counts[k] = (counts[k] as number) + 1;
    }
  }
  for (let k = 0; k < categories.length; k++) {
    if (counts[k] === 0) {
      const category = categories[k] as string;
      throw new WeightingError(
        'empty_category',
        `${margin.variable}: no respondent in category "${category}", so its target cannot be met; add a collapse rule for it`,
        margin.variable,
        category,
      );
    }
  }
  return finish(margin, margin.variable, categories, Object.values(targets).map((s) => s / sum), codes, counts, n);
}

function finish(
  margin: Margin,
  name: string,
  categories: string[],
  shares: number[],
  codes: Uint8Array | Int32Array,
  counts: Int32Array,
  n: number,
): PreparedMargin {
  const missingCount = counts[categories.length] ?? 0;
  const missingShare = missingCount / n;
  const out = shares.map((s) => s * (1 - missingShare));
  let finalCounts = counts;
  if (missingCount > 0) {
    categories = [...categories, MISSING];
    out.push(missingShare);
  } else finalCounts = counts.slice(0, categories.length);
  return { name, variable: margin.variable, type: margin.type, source: margin.source, categories, codes, shares: Float64Array.from(out), counts: finalCounts };
}

function prepareThemes(margin: ThemesMargin, column: ExportColumn | undefined, n: number): PreparedMargin[] {
  const themes = Object.entries(margin.targets);
  if (themes.length === 0) throw new WeightingError('invalid_margin', `${margin.variable}: no theme listed`, margin.variable);
  for (const [theme, share] of themes) checkShare(margin, theme, share, true);
  const prepared = themes.map(([theme, share]) => ({
    theme,
    share,
    codes: codeArray(n, 3),
    counts: new Int32Array(3),
  }));
  // Each distinct answer is split once: per theme, 0 covered, 1 not covered, 2 missing.
  const dictionary = column?.dictionary ?? [''];
  const byValue = prepared.map((p) =>
    Uint8Array.from(dictionary, (raw) => {
      const answers = raw === '' ? undefined : raw.split('|');
      return answers === undefined ? 2 : answers.includes(p.theme) ? 0 : 1;
    }),
  );
  prepared.forEach((p, t) => {
    const of = byValue[t] as Uint8Array;
    for (let i = 0; i < n; i++) {
      const k = of[column === undefined ? 0 : (column.codes[i] as number)] as number;
      p.codes[i] = k;
      p.counts[k] = (p.counts[k] as number) + 1;
    }
  });
  return prepared.map((p) => {
    for (const k of [0, 1]) {
      if (p.counts[k] === 0) {
        const category = `${p.theme}:${k === 0 ? COVERED : NOT_COVERED}`;
        throw new WeightingError(
          'empty_category',
          `${margin.variable}: no respondent in "${category}", so the theme's target cannot be met; remove the theme from the margins`,
          margin.variable,
          category,
        );
      }
    }
    return finish(margin, `${margin.variable}:${p.theme}`, [COVERED, NOT_COVERED], [p.share, 1 - p.share], p.codes, p.counts, n);
  });
}

/**
 * Turns the export (its columns, or rows) and margins into the typed arrays `rakeProblem` works on (done once;
 * the loop then allocates nothing per respondent). A `themes` margin gives one binary margin per theme.
 *
 * @example
 * const problem = prepareRaking(rows, [{ type: 'categorical', variable: 'q_genre', targets: { feminin: 0.72, masculin: 0.28 }, source: 'Enquête 2023' }]);
 * problem.margins[0].categories; // ['feminin', 'masculin']
 */
export function prepareRaking(data: readonly Row[] | ExportTable, margins: readonly Margin[]): RakingProblem {
  const table = asTable(data);
  const n = table.length;
  if (n === 0) throw new WeightingError('no_respondents', 'no respondent to weight');
  if (margins.length === 0) throw new WeightingError('invalid_margin', 'no margin given');
  const seen = new Set<string>();
  const prepared: PreparedMargin[] = [];
  for (const margin of margins) {
    if (seen.has(margin.variable)) throw new WeightingError('invalid_margin', `${margin.variable}: margin given twice`, margin.variable);
    seen.add(margin.variable);
    const column = table.columns.get(margin.variable);
    if (margin.type === 'categorical') prepared.push(prepareCategorical(margin, column, n));
    else if (margin.type === 'themes') prepared.push(...prepareThemes(margin, column, n));
    else throw new WeightingError('invalid_margin', `unknown margin type "${String((margin as { type: unknown }).type)}"`);
  }
  return { n, margins: prepared };
}
