/**
 * When the adaptive test stops (docs/adaptive.md, "Stopping"): at a maximum length, once the
 * standard error is small enough, or once the estimate is clearly on one side of a level cut.
 */
import { AdaptiveError } from './errors.js';
import type { Estimate } from './estimate.js';

export interface StoppingRule {
  /** Never more items than this. */
  maxItems: number;
  /** The precision and classification rules wait for at least this many items; default 1. */
  minItems?: number;
  /** Stop once the standard error is at most this. */
  maxSe?: number;
  /** Stop once the confidence interval θ ± z·SE is entirely above or below `cut`. */
  classification?: { cut: number; z?: number };
}

/** Why the test stopped. `bank_exhausted`: no item could still be asked. */
export type StopReason = 'length' | 'precision' | 'classification' | 'bank_exhausted';

/**
 * The reason to stop after `asked` items with this estimate, or null to go on.
 *
 * @example
 * stoppingReason({ maxItems: 20, maxSe: 0.4 }, 12, { theta: 0.3, se: 0.38 }); // 'precision'
 */
export function stoppingReason(rule: StoppingRule, asked: number, estimate: Estimate): StopReason | null {
  if (asked >= rule.maxItems) return 'length';
  if (asked < (rule.minItems ?? 1)) return null;
  if (rule.maxSe !== undefined && estimate.se <= rule.maxSe) return 'precision';
  if (rule.classification) {
    const z = rule.classification.z ?? 1.96;
    if (Math.abs(estimate.theta - rule.classification.cut) > z * estimate.se) return 'classification';
  }
  return null;
}

/**
 * Check a stopping rule read from configuration.
 *
 * @example
 * checkStoppingRule({ maxItems: 0 }); // throws AdaptiveError invalid_options
 */
export function checkStoppingRule(rule: StoppingRule): void {
  if (!Number.isInteger(rule.maxItems) || rule.maxItems < 1) throw new AdaptiveError('invalid_options', `stopping.maxItems must be an integer ≥ 1 (got ${rule.maxItems})`);
  if (rule.minItems !== undefined && (!Number.isInteger(rule.minItems) || rule.minItems < 1 || rule.minItems > rule.maxItems))
    throw new AdaptiveError('invalid_options', `stopping.minItems must be an integer between 1 and maxItems (got ${rule.minItems})`);
  if (rule.maxSe !== undefined && !(rule.maxSe > 0)) throw new AdaptiveError('invalid_options', `stopping.maxSe must be above 0 (got ${rule.maxSe})`);
  if (rule.classification && !(Number.isFinite(rule.classification.cut) && (rule.classification.z ?? 1.96) > 0))
    throw new AdaptiveError('invalid_options', 'stopping.classification needs a finite cut and a z above 0');
}
