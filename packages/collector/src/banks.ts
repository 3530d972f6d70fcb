/** The adaptive item banks the collector knows, by bank id and version (docs/collector.md, "Adaptive sessions"). */
import type { AdaptiveBank } from '@observatoire/core/adaptive';

/**
 * Index banks (already checked with `parseAdaptiveBank`) by `id` and `version`.
 *
 * @example
 * const banks = new BankIndex([parseAdaptiveBank(json)]);
 * banks.get('bank-2026', '1.0.0')?.items.length;
 */
export class BankIndex {
  private readonly byKey = new Map<string, AdaptiveBank>();

  constructor(banks: readonly AdaptiveBank[]) {
    for (const bank of banks) this.byKey.set(JSON.stringify([bank.id, bank.version]), bank);
  }

  get(bankId: string, bankVersion: string): AdaptiveBank | undefined {
    return this.byKey.get(JSON.stringify([bankId, bankVersion]));
  }

  /** In the order given. */
  all(): AdaptiveBank[] {
    return [...this.byKey.values()];
  }
}
