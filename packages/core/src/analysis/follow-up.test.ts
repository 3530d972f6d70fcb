import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { followUpPairs } from './follow-up.js';
import { offeredCounts } from './refusals.js';
import type { Row } from './margins.js';

/** A session row passing `passed` courses of three (each course ended, 1 or 0 success). */
function session(id: string, code: string, startedAt: string, passed: number, extra: Record<string, string> = {}): Row {
  const row: Record<string, string> = { session_id: id, survey_id: 's', content_version: '1', follow_up_code: code, started_at: startedAt, test_run: '0', ...extra };
  for (let n = 1; n <= 3; n++) {
    row[`course${n}_status`] = n <= passed + 1 ? 'ended' : 'not_reached';
    row[`course${n}_success_rate`] = n <= passed ? '1' : n === passed + 1 ? '0' : '';
  }
  return row;
}

describe('followUpPairs: the first and the latest session of one person (docs/follow-up.md)', () => {
  test('two sessions of one code: the level went up by one', () => {
    const pairs = followUpPairs([session('b', 'K7QM-3RXP', '2025-11-20T10:00:00Z', 2), session('a', 'K7QM-3RXP', '2025-10-02T10:00:00Z', 1)]);
    assert.equal(pairs.length, 1);
    assert.deepEqual({ ...pairs[0], first: pairs[0]!.first['session_id'], latest: pairs[0]!.latest['session_id'] }, {
      code: 'K7QM-3RXP', sessions: 2, first: 'a', latest: 'b', firstLevel: 1, latestLevel: 2, change: 1,
    });
  });
  const cases: [string, Row[], number][] = [
    ['a code held once is no pair', [session('a', 'AAAA-AAAA', '2025-10-01', 1)], 0],
    ['no code, no pair', [session('a', '', '2025-10-01', 1), session('b', '', '2025-10-02', 1)], 0],
    ['a test run is left out', [session('a', 'AAAA-AAAA', '2025-10-01', 1), session('b', 'AAAA-AAAA', '2025-10-02', 2, { test_run: '1' })], 0],
    ['two codes, two pairs', ['X', 'Y'].flatMap((c) => [session(`${c}1`, c, '2025-10-01', 0), session(`${c}2`, c, '2025-11-01', 1)]), 2],
  ];
  for (const [why, rows, expected] of cases) test(why, () => assert.equal(followUpPairs(rows).length, expected));
  test('three sessions: first and latest, the middle one counted', () => {
    const [pair] = followUpPairs([session('a', 'C', '2025-10-01', 0), session('b', 'C', '2025-10-15', 3), session('c', 'C', '2025-11-01', 1)]);
    assert.equal(pair!.sessions, 3);
    assert.equal(pair!.latest['session_id'], 'c');
    assert.equal(pair!.change, 1);
  });
  test('an unknown level gives no change', () => {
    const [pair] = followUpPairs([session('a', 'C', '2025-10-01', 1), { ...session('b', 'C', '2025-11-01', 0), course1_status: '' }]);
    assert.equal(pair!.latestLevel, undefined);
    assert.equal(pair!.change, undefined);
  });
});

describe('offeredCounts: offered, took part, refused by reason', () => {
  const sessions = [session('a', '', '2025-10-01', 1), session('b', '', '2025-10-01', 1), session('t', '', '2025-10-01', 1, { test_run: '1' })];
  const refusal = (reason: string, survey = 's'): Row => ({ refusal_id: reason, survey_id: survey, content_version: '1', reason });
  test('refusals counted by reason, test runs not counted as taking part', () => {
    const counts = offeredCounts(sessions, [refusal('no_time'), refusal('no_time'), refusal('language')], { surveyId: 's' });
    assert.deepEqual(counts, {
      offered: 5, tookPart: 2, refused: 3,
      byReason: { declined: 0, no_time: 2, language: 1, health_disability: 0, reading: 0, other: 0 },
    });
  });
  test('another survey\'s refusal and an unknown reason are not counted', () => {
    const counts = offeredCounts(sessions, [refusal('declined', 'other'), refusal('busy')], { surveyId: 's' });
    assert.equal(counts.refused, 0);
    assert.equal(counts.offered, 2);
  });
});
