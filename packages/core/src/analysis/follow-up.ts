/**
 * Progress over time (docs/follow-up.md, "Measuring progress"): sessions that share a follow-up code
 * are the same person's, and the first and the latest are compared. Read from export rows
 * (`follow_up_code`, `started_at` and the course columns).
 */
import { staircaseLevel, type StaircaseLevel } from '../outcome.js';
import { respondentFromRow } from './from-export.js';
import type { Row } from './margins.js';

/** The first and the latest session of one follow-up code. */
export interface FollowUpPair {
  code: string;
  /** Sessions holding the code (2 or more). */
  sessions: number;
  first: Row;
  latest: Row;
  /** Staircase level 0..3 of each; undefined when unknown (test not taken, course 1 not finished). */
  firstLevel: StaircaseLevel | undefined;
  latestLevel: StaircaseLevel | undefined;
  /** `latestLevel − firstLevel` when both are known. */
  change: number | undefined;
}

/**
 * Pairs the sessions that share a follow-up code: for each code held by two sessions or more (test
 * runs left out), the first and the latest by `started_at` (then `session_id`), with their staircase levels.
 * Sorted by code.
 *
 * @example
 * followUpPairs(rows)[0]; // { code: 'K7QM-3RXP', sessions: 2, first, latest, firstLevel: 1, latestLevel: 2, change: 1 }
 */
export function followUpPairs(rows: readonly Row[]): FollowUpPair[] {
  const byCode = new Map<string, Row[]>();
  for (const row of rows) {
    const code = row['follow_up_code'] ?? '';
    if (code === '' || respondentFromRow(row).testRun) continue;
    byCode.set(code, [...(byCode.get(code) ?? []), row]);
  }
  const order = (a: Row, b: Row) => compare(a['started_at'], b['started_at']) || compare(a['session_id'], b['session_id']);
  return [...byCode]
    .filter(([, held]) => held.length >= 2)
    .sort(([a], [b]) => compare(a, b))
    .map(([code, held]) => {
      const sorted = [...held].sort(order);
      const first = sorted[0]!;
      const latest = sorted[sorted.length - 1]!;
      const firstLevel = staircaseLevel(respondentFromRow(first).courses);
      const latestLevel = staircaseLevel(respondentFromRow(latest).courses);
      const change = firstLevel === undefined || latestLevel === undefined ? undefined : latestLevel - firstLevel;
      return { code, sessions: held.length, first, latest, firstLevel, latestLevel, change };
    });
}

function compare(a: string | undefined, b: string | undefined): number {
  const [x, y] = [a ?? '', b ?? ''];
  return x < y ? -1 : x > y ? 1 : 0;
}
