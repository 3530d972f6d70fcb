/**
 * Per-challenge statistics a content team uses (docs/analysis.md, "Per challenge"): weighted success, skip and
 * time-out rates, difficulty and point-biserial discrimination, read from the export's `ch_<challengeId>` columns;
 * weighted median time and share skipped by the mediator from `t_<challengeId>` and `skip_<challengeId>`.
 */
import type { Row } from './margins.js';
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
 * Statistics of every challenge column of the rows (`ch_<id>`: `ok`, `ko`, `aband`, `timedout`, empty when not
 * played). Rates are weighted among the respondents who played the challenge; difficulty is the unweighted share
 * `ok`; discrimination is the point-biserial correlation between succeeding the challenge and the share of `ok`
 * on the other challenges the respondent played (item–rest), among respondents who played it and at least one other.
 *
 * @example
 * itemStatistics(rows, weights)[0]; // { challengeId: 'cliquer-bouton', n: 812, success: 0.74, … }
 */
export function itemStatistics(rows: readonly Row[], weights: ArrayLike<number>): ItemStatistics[] {
  const first = rows[0];
  if (!first) return [];
  const ids = Object.keys(first).filter((k) => k.startsWith(CHALLENGE_PREFIX));
  const n = rows.length;
  const okCount = new Float64Array(n);
  const played = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as Row;
    for (const col of ids) {
      const v = row[col] ?? '';
      if (v === '') continue;
      played[i] = (played[i] as number) + 1;
      if (v === 'ok') okCount[i] = (okCount[i] as number) + 1;
    }
  }
  return ids.map((col) => {
    const id = col.slice(CHALLENGE_PREFIX.length);
    const timeColumn = `t_${id}`;
    const skipColumn = `skip_${id}`;
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
      const v = (rows[i] as Row)[col] ?? '';
      if (v === '') continue;
      const wi = weights[i] as number;
      const x = v === 'ok' ? 1 : 0;
      count++;
      w += wi;
      if (x) {
        wOk += wi;
        okN++;
      }
      if (v === 'aband') wSkip += wi;
      if (v === 'timedout') wTimeout += wi;
      const row = rows[i] as Row;
      if (row[skipColumn] === 'mediator') wMediator += wi;
      const seconds = row[timeColumn] ?? '';
      if (/^\d+$/.test(seconds)) {
        times.push(Number(seconds));
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
      // Exports made before these columns existed have neither: unknown, not 0.
      skippedByMediator: skipColumn in first && w > 0 ? wMediator / w : null,
      timedOut: w > 0 ? wTimeout / w : 0,
      medianSeconds: weightedMedian(times, timeWeights),
      difficulty: count > 0 ? okN / count : 0,
      discrimination,
      notDiscriminating: count >= MINIMUM_ITEM_RESPONDENTS && (discrimination === null || discrimination < DISCRIMINATION_THRESHOLD),
    };
  });
}
