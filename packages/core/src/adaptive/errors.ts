/** The typed error of the adaptive test, with stable codes like the survey's `ProtocolError`. */
import { ObservatoireError } from '../errors.js';

export type AdaptiveErrorCode =
  /** Item parameters out of their domain (a ≤ 0, c outside [0, 1), a non-finite number). */
  | 'invalid_parameters'
  /** Estimator, grid, prior, bounds or stopping options that cannot work. */
  | 'invalid_options'
  /** Answers and items of different lengths, or no item at all. */
  | 'invalid_responses'
  /** An action about another item than the one being asked, or an unknown one. */
  | 'not_current_item'
  /** An action on a finished test. */
  | 'test_finished'
  /** Not an action of the adaptive test. */
  | 'invalid_action'
  /** `restoreAdaptiveSession` was given something that is not an adaptive snapshot, or a damaged one. */
  | 'invalid_snapshot'
  /** The snapshot belongs to another bank or bank version. */
  | 'restore_mismatch'
  /** Calibration data that cannot be used (no answers, an item nobody answered…). */
  | 'invalid_data';

/**
 * Bad input to the adaptive test or its estimators. `ids` names the items the error is about.
 *
 * @example
 * try { session.dispatch({ type: 'skipItem', itemId: 'x' }) }
 * catch (e) { if (e instanceof AdaptiveError && e.code === 'not_current_item') … }
 */
export class AdaptiveError extends ObservatoireError {
  declare readonly code: AdaptiveErrorCode;
  readonly ids: readonly string[];
  constructor(code: AdaptiveErrorCode, message: string, ids: readonly string[] = []) {
    super(code, message);
    this.ids = ids;
  }
}
