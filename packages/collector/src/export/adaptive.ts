/**
 * The adaptive tests' export (docs/export-format.md, "Adaptive tests"): one row per session with the
 * final θ and SE, the pix score, each competence's level and pix, and each bank item's status in a
 * `ch_<item id>` column (the input of `observatoire calibrate`). Streamed page by page like the
 * survey's export.
 */
import { COURSE_STATUS } from '@observatoire/core';
import { COMPETENCES, competenceProfile } from '@observatoire/core/adaptive';
import { replayAdaptive } from '../adaptive-replay.js';
import type { BankIndex } from '../banks.js';
import type { AdaptiveSessionData } from '../store/adaptive-types.js';
import type { SessionFilter, SessionKey, Store } from '../store/types.js';

const HEAD = [
  'session_id', 'bank_id', 'bank_version', 'organisation', 'device', 'lang', 'started_at', 'ended_at', 'end_reason', 'stop_reason',
  'items', 'theta', 'se', 'uncertainty', 'total_pix',
] as const;

/**
 * The columns: the head, `level_<code>` and `pix_<code>` for the 16 competences, then `ch_<id>` for
 * every item of the known banks (in bank order).
 *
 * @example
 * adaptiveExportColumns(banks).includes('level_4.1'); // true
 */
export function adaptiveExportColumns(banks: BankIndex): string[] {
  const items = new Set<string>();
  for (const bank of banks.all()) for (const item of bank.items) items.add(item.challenge.id);
  return [...HEAD, ...COMPETENCES.flatMap((c) => [`level_${c.code}`, `pix_${c.code}`]), ...[...items].map((id) => `ch_${id}`)];
}

/**
 * One session's row. θ and SE are the test's own estimate (its configured estimator) after the
 * stored answers; levels and pix come from the core's competence profile. A session of a bank the
 * collector no longer knows keeps its head and item statuses only.
 *
 * @example
 * adaptiveExportRow(data, banks)['theta']; // '0.412'
 */
export function adaptiveExportRow(data: AdaptiveSessionData, banks: BankIndex): Record<string, string> {
  const { session, answers } = data;
  const row: Record<string, string> = {
    session_id: session.id,
    bank_id: session.bankId,
    bank_version: session.bankVersion,
    organisation: session.organisation ?? '',
    device: session.device,
    lang: session.lang,
    started_at: new Date(session.startedAt).toISOString(),
    ended_at: session.endedAt === null ? '' : new Date(session.endedAt).toISOString(),
    end_reason: session.stopReason === null ? COURSE_STATUS.inProgress : session.stopReason === 'stopped' ? 'stopped' : 'completed',
    stop_reason: session.stopReason ?? '',
    items: String(answers.length),
  };
  for (const answer of answers) row[`ch_${answer.itemId}`] = answer.status;
  const bank = banks.get(session.bankId, session.bankVersion);
  if (!bank) return row;
  const state = replayAdaptive(bank, session, answers);
  const profile = competenceProfile(bank, state.responses);
  row['theta'] = round(state.estimate.theta);
  row['se'] = round(state.estimate.se);
  row['uncertainty'] = profile.overall.uncertainty;
  row['total_pix'] = String(profile.totalPix);
  for (const competence of profile.competences) {
    if (competence.highestOpenLevel === 0) continue;
    row[`level_${competence.code}`] = String(competence.level);
    row[`pix_${competence.code}`] = String(competence.pix);
  }
  return row;
}

/**
 * The rows of the sessions `filter` selects, one at a time, each with its place in the order.
 *
 * @example
 * for await (const { row } of adaptiveExportRows(store, banks, {})) console.log(row['total_pix']);
 */
export async function* adaptiveExportRows(store: Store, banks: BankIndex, filter: SessionFilter): AsyncGenerator<{ key: SessionKey; row: Record<string, string> }> {
  for await (const data of store.streamAdaptiveSessionData(filter))
    yield { key: { receivedAt: data.session.receivedAt, id: data.session.id }, row: adaptiveExportRow(data, banks) };
}

function round(value: number): string {
  return String(Math.round(value * 1e4) / 1e4);
}
