/**
 * Success of a challenge by how its task was done (docs/analysis.md, "Per challenge"): a drag done by
 * keyboard or by two taps is not a drag, so each mode is analysed apart, read from the export's
 * `mode_<challengeId>` columns beside `ch_<challengeId>`.
 */
import { ANSWER_MODES, isAnswerMode, type AnswerMode } from '../widget.js';
import type { Row } from './margins.js';
import { asTable, type ExportColumn, type ExportTable } from './table.js';
import { statusKinds } from './items.js';
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
export function itemModeStatistics(data: readonly Row[] | ExportTable, weights: ArrayLike<number>): ItemModeStatistics[] {
  const table = asTable(data);
  const ids = [...table.columns.keys()].filter((k) => k.startsWith(MODE_PREFIX)).map((k) => k.slice(MODE_PREFIX.length));
  return ids.flatMap((id) => {
    const modes = table.columns.get(`${MODE_PREFIX}${id}`) as ExportColumn;
    const statuses = table.columns.get(`ch_${id}`);
    if (!statuses) return [];
    // Per distinct value: the mode's index in ANSWER_MODES (−1 none); the status as items.ts reads it.
    const modeOf = Int8Array.from(modes.dictionary, (v) => (isAnswerMode(v) ? ANSWER_MODES.indexOf(v) : -1));
    const kinds = statusKinds(statuses);
    const n = new Int32Array(ANSWER_MODES.length);
    const w = new Float64Array(ANSWER_MODES.length);
    const wOk = new Float64Array(ANSWER_MODES.length);
    for (let i = 0; i < table.length; i++) {
      const m = modeOf[modes.codes[i] as number] as number;
      const kind = kinds[statuses.codes[i] as number] as number;
      if (m < 0 || kind === 0) continue;
      const wi = weights[i] as number;
      n[m] = (n[m] as number) + 1;
      w[m] = (w[m] as number) + wi;
      if (kind === 1) wOk[m] = (wOk[m] as number) + wi;
    }
    return ANSWER_MODES.flatMap((mode: AnswerMode, m) => {
      const count = n[m] as number;
      const total = w[m] as number;
      return count > 0 ? [{ challengeId: id, mode, n: count, success: total > 0 ? (wOk[m] as number) / total : 0 }] : [];
    });
  });
}
