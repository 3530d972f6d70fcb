/**
 * Per-challenge statistics a content team uses (docs/analysis.md, "Per challenge"): weighted success, skip and
 * time-out rates, difficulty and point-biserial discrimination, read from the export's `ch_<challengeId>` columns;
 * weighted median time and share skipped by the mediator from `t_<challengeId>` and `skip_<challengeId>`.
 */
import type { Row } from './margins.js';
import { asTable, type ExportColumn, type ExportTable } from './table.js';
import type { ItemStatistics } from './report-types.js';

/** Under this item–rest correlation (with enough respondents) a challenge is flagged as not discriminating. */
export const DISCRIMINATION_THRESHOLD = 0.2;
/** Respondents a challenge needs before its discrimination is judged. */
export const MINIMUM_ITEM_RESPONDENTS = 30;

const CHALLENGE_PREFIX = 'ch_';

/**
 * The weighted median: the smallest value whose cumulative weight reaches half the total (the inverse of the
 * weighted distribution function, R `survey`'s `svyquantile` with its default `qrule = "math"`); `null` without
 * values. Weights of 0 count for nothing.
 *
 * @example
 * weightedMedian([10, 20, 30], [1, 1, 1]); // 20
 * weightedMedian([10, 20], [1, 1]); // 10: the lower middle value
 */
export function weightedMedian(values: readonly number[], weights: readonly number[]): number | null {
  const order = values.map((_, i) => i).filter((i) => (weights[i] as number) > 0);
  if (order.length === 0) return null;
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  const half = order.reduce((sum, i) => sum + (weights[i] as number), 0) / 2;
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i] as number;
    // A relative tolerance, so that weights summing to exactly half in floating point still stop here.
    if (cumulative >= half * (1 - 1e-12)) return values[i] as number;
  }
  return values[order[order.length - 1] as number] as number;
}

/**
 * A `ch_<challengeId>` column's statuses, each distinct value read once: per dictionary entry 0 not played
 * (empty), 1 `ok`, 2 `aband`, 3 `timedout`, 4 anything else (`ko`).
 *
 * @example
 * statusKinds({ codes: Uint8Array.of(0, 1), dictionary: ['', 'ok'] }); // Uint8Array [0, 1]
 */
export function statusKinds(column: ExportColumn): Uint8Array {
  return Uint8Array.from(column.dictionary, (v) => (v === '' ? 0 : v === 'ok' ? 1 : v === 'aband' ? 2 : v === 'timedout' ? 3 : 4));
}

/**
 * Statistics of every challenge column of the rows (`ch_<id>`: `ok`, `ko`, `aband`, `timedout`, empty when not
 * played). Rates are weighted among the respondents who played the challenge; difficulty is the unweighted share
 * `ok`; discrimination is the point-biserial correlation between succeeding the challenge and the share of `ok`
 * on the other challenges the respondent played (item–rest), among respondents who played it and at least one other.
 *
 * @example
 * itemStatistics(rows, weights)[0]; // { challengeId: 'cliquer-bouton', n: 812, success: 0.74, … }
 */
export function itemStatistics(data: readonly Row[] | ExportTable, weights: ArrayLike<number>): ItemStatistics[] {
  const table = asTable(data);
  const n = table.length;
  if (n === 0) return [];
  const ids = [...table.columns.keys()].filter((k) => k.startsWith(CHALLENGE_PREFIX));
  const columns = ids.map((id) => {
    const column = table.columns.get(id) as ExportColumn;
    return { id, codes: column.codes, kind: statusKinds(column) };
  });
  const okCount = new Float64Array(n);
  const played = new Float64Array(n);
  for (const { codes, kind } of columns) {
    for (let i = 0; i < n; i++) {
      const k = kind[codes[i] as number] as number;
      if (k === 0) continue;
      played[i] = (played[i] as number) + 1;
      if (k === 1) okCount[i] = (okCount[i] as number) + 1;
    }
  }
  return columns.map(({ id: col, codes, kind }) => {
    const id = col.slice(CHALLENGE_PREFIX.length);
    // Exports made before the time and skip columns have neither: unknown, not 0.
    const skipColumn = table.columns.get(`skip_${id}`);
    const timeColumn = table.columns.get(`t_${id}`);
    const byMediator = skipColumn ? Uint8Array.from(skipColumn.dictionary, (v) => (v === 'mediator' ? 1 : 0)) : undefined;
    const seconds = timeColumn ? Float64Array.from(timeColumn.dictionary, (v) => (/^\d+$/.test(v) ? Number(v) : -1)) : undefined;
    const times: number[] = [];
    const timeWeights: number[] = [];
    let wMediator = 0;
    let count = 0;
    let w = 0;
    let wOk = 0;
    let wSkip = 0;
    let wTimeout = 0;
    let okN = 0;
    // Sums for the item–rest correlation.
    let m = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      const v = kind[codes[i] as number] as number;
      if (v === 0) continue;
      const wi = weights[i] as number;
      const x = v === 1 ? 1 : 0;
      count++;
      w += wi;
      if (x) {
        wOk += wi;
        okN++;
      }
      if (v === 2) wSkip += wi;
      if (v === 3) wTimeout += wi;
      if (byMediator && skipColumn && byMediator[skipColumn.codes[i] as number]) wMediator += wi;
      const t = seconds && timeColumn ? (seconds[timeColumn.codes[i] as number] as number) : -1;
      if (t >= 0) {
        times.push(t);
        timeWeights.push(wi);
      }
      const others = (played[i] as number) - 1;
      if (others < 1) continue;
      const y = ((okCount[i] as number) - x) / others;
      m++;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
    }
    const cov = sxy - (sx * sy) / m;
    const vx = sxx - (sx * sx) / m;
    const vy = syy - (sy * sy) / m;
    const discrimination = m > 1 && vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : null;
    return {
      challengeId: id,
      n: count,
      success: w > 0 ? wOk / w : 0,
      skipped: w > 0 ? wSkip / w : 0,
      skippedByMediator: skipColumn && w > 0 ? wMediator / w : null,
      timedOut: w > 0 ? wTimeout / w : 0,
      medianSeconds: weightedMedian(times, timeWeights),
      difficulty: count > 0 ? okN / count : 0,
      discrimination,
      notDiscriminating: count >= MINIMUM_ITEM_RESPONDENTS && (discrimination === null || discrimination < DISCRIMINATION_THRESHOLD),
    };
  });
}
