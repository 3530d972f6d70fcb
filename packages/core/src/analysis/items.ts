/**
 * Per-challenge statistics a content team uses (docs/analysis.md, "Per challenge"): weighted success, skip and
 * time-out rates, difficulty and point-biserial discrimination, read from the export's `ch_<challengeId>` columns.
 */
import type { Row } from './margins.js';
import { isTable, tableFromRows, type ExportColumn, type ExportTable } from './table.js';
import type { ItemStatistics } from './report-types.js';

/** Under this item–rest correlation (with enough respondents) a challenge is flagged as not discriminating. */
export const DISCRIMINATION_THRESHOLD = 0.2;
/** Respondents a challenge needs before its discrimination is judged. */
export const MINIMUM_ITEM_RESPONDENTS = 30;

const CHALLENGE_PREFIX = 'ch_';

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
  const table = isTable(data) ? data : tableFromRows(data);
  const n = table.length;
  if (n === 0) return [];
  const ids = [...table.columns.keys()].filter((k) => k.startsWith(CHALLENGE_PREFIX));
  // Per column, each distinct value read once: 0 not played, 1 ok, 2 aband, 3 timedout, 4 other (ko).
  const columns = ids.map((id) => {
    const column = table.columns.get(id) as ExportColumn;
    const kind = Uint8Array.from(column.dictionary, (v) => (v === '' ? 0 : v === 'ok' ? 1 : v === 'aband' ? 2 : v === 'timedout' ? 3 : 4));
    return { id, codes: column.codes, kind };
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
      challengeId: col.slice(CHALLENGE_PREFIX.length),
      n: count,
      success: w > 0 ? wOk / w : 0,
      skipped: w > 0 ? wSkip / w : 0,
      timedOut: w > 0 ? wTimeout / w : 0,
      difficulty: count > 0 ? okN / count : 0,
      discrimination,
      notDiscriminating: count >= MINIMUM_ITEM_RESPONDENTS && (discrimination === null || discrimination < DISCRIMINATION_THRESHOLD),
    };
  });
}
