/**
 * Result per capacity (docs/content.md, "Result per capacity"): a quick diagnostic reports, for each
 * capacity, how many of its challenges were succeeded and the words the mediator reads, never one score.
 */
import type { AnswerStatus } from './checking/types.js';
import type { LocalizedText, SurveyDefinition } from './content/types.js';

/** `mastered`: every challenge succeeded; `partly`: at least half; `notYet`: fewer than half. */
export type CapacityLevel = 'mastered' | 'partly' | 'notYet';

export interface CapacityResult {
  id: string;
  title: LocalizedText;
  ok: number;
  total: number;
  level: CapacityLevel;
  /** The content's words for this level. */
  words: LocalizedText;
}

/**
 * The result of each capacity of a definition, in the definition's order. A challenge without a
 * status (not played, skipped) counts as not succeeded. A definition without capacities gives `[]`.
 *
 * @example
 * import { capacityResults } from '@observatoire/core/analysis';
 * const [identify] = capacityResults(diagnosticRapide, { 'diag-appareil': 'ok', 'diag-navigateur': 'ok' });
 * identify.level; // 'partly': 2 of its 4 challenges succeeded
 * identify.words.fr; // the content's sentence for that level
 */
export function capacityResults(
  definition: Pick<SurveyDefinition, 'capacities' | 'challenges'>,
  statuses: Readonly<Record<string, AnswerStatus | null | undefined>>,
): CapacityResult[] {
  return (definition.capacities ?? []).map((capacity) => {
    const challenges = definition.challenges.filter((c) => c.capacity === capacity.id);
    const ok = challenges.filter((c) => statuses[c.id] === 'ok').length;
    const total = challenges.length;
    const level: CapacityLevel = total > 0 && ok === total ? 'mastered' : ok * 2 >= total && total > 0 ? 'partly' : 'notYet';
    return { id: capacity.id, title: capacity.title, ok, total, level, words: capacity.results[level] };
  });
}
