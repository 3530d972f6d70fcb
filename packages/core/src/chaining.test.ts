import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isPassingRate, recommendationReasons, SUCCESS_THRESHOLD, TEST_TIME_BUDGET_SECONDS, testTimeMs } from './chaining.js';
import { parseSurveyDefinition } from './content/parse.js';
import { SURVEY_INPUT } from './session/fixture.test.js';

const chaining = { successThreshold: SUCCESS_THRESHOLD, testTimeBudgetSeconds: TEST_TIME_BUDGET_SECONDS };

describe('a success rate passes strictly above the threshold', () => {
  const cases: [string, number, number | undefined, boolean][] = [
    ['exactly 60% does not pass', 0.6, undefined, false],
    ['2 of 3 passes', 2 / 3, undefined, true],
    ['3 of 5 does not pass', 3 / 5, undefined, false],
    ['4 of 5 passes', 4 / 5, undefined, true],
    ['another threshold: 50% does not pass 0.5', 0.5, 0.5, false],
    ['another threshold: 51% passes 0.5', 0.51, 0.5, true],
  ];
  for (const [name, rate, threshold, expected] of cases) test(name, () => assert.equal(isPassingRate(rate, threshold), expected));
});

describe('go on only when success > threshold and test time < budget', () => {
  const cases: [string, number, number, string[]][] = [
    ['both hold', 0.8, 60_000, []],
    ['rate at the threshold', 0.6, 60_000, ['success_rate_too_low']],
    ['time at the budget', 0.8, 900_000, ['test_time_exceeded']],
    ['time just under the budget', 0.8, 899_999, []],
    ['neither holds', 0.2, 1_000_000, ['success_rate_too_low', 'test_time_exceeded']],
  ];
  for (const [name, rate, time, expected] of cases) test(name, () => assert.deepEqual(recommendationReasons(chaining, rate, time), expected));
});

describe('test time: the sum of the challenges durations', () => {
  const cases: [string, number[], number][] = [
    ['no challenge', [], 0],
    ['durations add up', [20_000, 35_000], 55_000],
    ['a negative duration (clock stepping back) counts 0', [20_000, -5000], 20_000],
  ];
  for (const [name, durations, expected] of cases) test(name, () => assert.equal(testTimeMs(durations), expected));
});

test('the content defaults are the chaining constants', () => {
  const { chaining: _chaining, ...withoutChaining } = SURVEY_INPUT;
  assert.deepEqual(parseSurveyDefinition(withoutChaining).chaining, chaining);
});
