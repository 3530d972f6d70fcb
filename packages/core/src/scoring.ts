/** Scores computed from challenge results. */
import type { AnswerStatus } from './checking/types.js';

/**
 * Share of results with status `ok` (the only success: `ko`, `aband` and `timedout` are not),
 * between 0 and 1; 0 for no result.
 *
 * @example
 * successRate([{ status: 'ok' }, { status: 'ko' }, { status: 'aband' }]); // 1/3
 */
export function successRate(results: readonly { status: AnswerStatus }[]): number {
  if (results.length === 0) return 0;
  return results.filter((result) => result.status === 'ok').length / results.length;
}
