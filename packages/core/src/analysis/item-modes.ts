/**
 * Success of a challenge by how its task was done (docs/analysis.md, "Per challenge"): a drag done by
 * keyboard or by two taps is not a drag, so each mode is analysed apart, read from the export's
 * `mode_<challengeId>` columns beside `ch_<challengeId>`.
 */
import { ANSWER_MODES, isAnswerMode, type AnswerMode } from '../widget.js';
import type { Row } from './margins.js';
import type { ItemModeStatistics } from './report-types.js';

const MODE_PREFIX = 'mode_';

/**
 * For every `mode_<id>` column, one line per mode that was used: respondents who played the challenge that
 * way and their weighted share of `ok`. A played challenge without a mode (a skip, or an answer sent before
 * the widget reported it) is in no line.
 *
 * @example
 * itemModeStatistics(rows, weights)[0]; // { challengeId: 'glisser-photo', mode: 'drag', n: 610, success: 0.81 }
 */
export function itemModeStatistics(rows: readonly Row[], weights: ArrayLike<number>): ItemModeStatistics[] {
  const first = rows[0];
  if (!first) return [];
  const ids = Object.keys(first)
    .filter((k) => k.startsWith(MODE_PREFIX))
    .map((k) => k.slice(MODE_PREFIX.length));
  return ids.flatMap((id) => {
    const sums = new Map<AnswerMode, { n: number; w: number; wOk: number }>();
    rows.forEach((row, i) => {
      const mode = row[`${MODE_PREFIX}${id}`];
      const status = row[`ch_${id}`] ?? '';
      if (!isAnswerMode(mode) || status === '') return;
      const sum = sums.get(mode) ?? { n: 0, w: 0, wOk: 0 };
      const wi = weights[i] as number;
      sum.n++;
      sum.w += wi;
      if (status === 'ok') sum.wOk += wi;
      sums.set(mode, sum);
    });
    return ANSWER_MODES.flatMap((mode) => {
      const sum = sums.get(mode);
      return sum ? [{ challengeId: id, mode, n: sum.n, success: sum.w > 0 ? sum.wOk / sum.w : 0 }] : [];
    });
  });
}
