import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AnswerStatus } from './checking/types.js';
import { successRate } from './scoring.js';

describe('successRate: share of ok, the only success', () => {
  const cases: [string, AnswerStatus[], number][] = [
    ['no result', [], 0],
    ['one ok', ['ok'], 1],
    ['one ko', ['ko'], 0],
    ['aband is not a success', ['ok', 'aband'], 0.5],
    ['timedout is not a success', ['ok', 'timedout'], 0.5],
    ['3 of 5', ['ok', 'ok', 'ko', 'ok', 'aband'], 0.6],
    ['1 of 3', ['ok', 'ko', 'ko'], 1 / 3],
    ['5 of 7', ['ok', 'ok', 'ok', 'ok', 'ok', 'ko', 'timedout'], 5 / 7],
  ];
  for (const [name, statuses, expected] of cases)
    test(name, () => assert.equal(successRate(statuses.map((status) => ({ status }))), expected));
});
