/**
 * Chaining the courses of the staircase test (docs/protocol.md, "Chaining"): the success threshold,
 * the test time budget, the end-of-course recommendation and the one way test time is counted.
 * The collector, the session, the results card and the analysis all read these.
 */

/**
 * A course is passed, and going on is recommended, only when its success rate is strictly above this
 * share: the "more than 60%" of the protocol. The content's default, and the analysis' pass rule.
 */
export const SUCCESS_THRESHOLD = 0.6;

/** The test's time budget: going on is recommended only while test time is strictly below it (15 minutes). */
export const TEST_TIME_BUDGET_SECONDS = 15 * 60;

/** The content's chaining settings (`definition.chaining`), whose defaults are the constants above. */
export interface ChainingRules {
  successThreshold: number;
  testTimeBudgetSeconds: number;
}

/** Why the end-of-course page does not recommend going on. */
export type RecommendationReason = 'success_rate_too_low' | 'test_time_exceeded';

/**
 * Whether a success rate passes a threshold: strictly above it (exactly 60% is not passed).
 *
 * @example
 * isPassingRate(2 / 3); // true
 * isPassingRate(0.6); // false
 */
export function isPassingRate(rate: number, threshold: number = SUCCESS_THRESHOLD): boolean {
  return rate > threshold;
}

/**
 * The reasons not to go on after a course; empty when going on is recommended: the success rate
 * strictly above `chaining.successThreshold` and the test time strictly below the budget.
 *
 * @example
 * recommendationReasons({ successThreshold: 0.6, testTimeBudgetSeconds: 900 }, 0.5, 1_000_000);
 * // ['success_rate_too_low', 'test_time_exceeded']
 */
export function recommendationReasons(chaining: ChainingRules, successRate: number, testTimeMs: number): RecommendationReason[] {
  const reasons: RecommendationReason[] = [];
  if (!isPassingRate(successRate, chaining.successThreshold)) reasons.push('success_rate_too_low');
  if (!(testTimeMs < chaining.testTimeBudgetSeconds * 1000)) reasons.push('test_time_exceeded');
  return reasons;
}

/**
 * Test time: the sum of the time spent on each challenge, from when it was shown to its answer
 * (a negative duration, from a device clock stepping back, counts 0). The questionnaire and the
 * end-of-course pages are not test time. The session adds the running challenge up to now; the
 * collector sums the stored answers' durations: the same formula on both sides.
 *
 * @example
 * testTimeMs([20_000, 35_000, -5]); // 55000
 */
export function testTimeMs(durationsMs: Iterable<number>): number {
  let total = 0;
  for (const duration of durationsMs) total += Math.max(0, duration);
  return total;
}
