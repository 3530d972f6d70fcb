/**
 * The quick diagnostic's own figures (docs/analysis.md, "The quick diagnostic"): per capacity (identify,
 * handle, use an online service) the weighted share of people at each level of the core's `capacityResults`,
 * with its 95 % interval and n, among those whose diagnostic ended.
 */
import { capacityResults, type CapacityLevel } from '../capacities.js';
import type { AnswerStatus } from '../checking/types.js';
import type { SurveyDefinition } from '../content/types.js';
import { hasEnded, type CourseStatus } from '../outcome.js';
import { weightedProportions } from './estimates.js';
import type { Row } from './margins.js';
import { withIntervals, type Estimation } from './report-indicators.js';
import type { CapacityEstimate, DiagnosticResult } from './report-types.js';

/** The capacity levels, from the most able (the categories of each capacity's distribution). */
export const CAPACITY_LEVELS: readonly CapacityLevel[] = ['mastered', 'partly', 'notYet'];

/** What a diagnostic report needs of the survey's definition. */
export type DiagnosticDefinition = Pick<SurveyDefinition, 'id' | 'capacities' | 'challenges' | 'courses'>;

/**
 * True when a definition is a quick diagnostic: it has capacities (docs/content.md, "Result per capacity").
 *
 * @example
 * isDiagnostic(diagnosticRapide); // true
 */
export function isDiagnostic(definition: Pick<SurveyDefinition, 'capacities'>): boolean {
  return (definition.capacities ?? []).length > 0;
}

/**
 * Each capacity's level for every row, undefined when the course holding its challenges did not end (left, not
 * reached: not counted as not mastered). In an ended course an unplayed challenge counts as not succeeded, as in
 * `capacityResults` (the mediator's skip of the remaining challenges).
 */
function levelsOf(rows: readonly Row[], definition: DiagnosticDefinition): Map<string, (string | undefined)[]> {
  const courseOf = new Map(definition.courses.flatMap((course) => course.challenges.map((id) => [id, course.id] as const)));
  const capacities = definition.capacities ?? [];
  const levels = new Map(capacities.map((c) => [c.id, [] as (string | undefined)[]]));
  for (const row of rows) {
    const ended = new Set<string>();
    for (let n = 1; row[`course${n}_id`] !== undefined; n++) if (hasEnded((row[`course${n}_status`] ?? '') as CourseStatus)) ended.add(row[`course${n}_id`] as string);
    const statuses: Record<string, AnswerStatus | undefined> = {};
    for (const challenge of definition.challenges) statuses[challenge.id] = (row[`ch_${challenge.id}`] || undefined) as AnswerStatus | undefined;
    for (const result of capacityResults(definition, statuses)) {
      const challenges = definition.challenges.filter((c) => c.capacity === result.id);
      const counted = challenges.length > 0 && challenges.every((c) => ended.has(courseOf.get(c.id) ?? ''));
      levels.get(result.id)?.push(counted ? result.level : undefined);
    }
  }
  return levels;
}

/**
 * The diagnostic's figures for the analysed rows and their weights.
 *
 * @example
 * diagnosticResult(rows, weights, diagnosticRapide, estimation).capacities[0].levels[0]; // { category: 'mastered', proportion: 0.42, low: 0.37, high: 0.47, count: 120 }
 */
export function diagnosticResult(rows: readonly Row[], weights: Float64Array, definition: DiagnosticDefinition, estimation: Estimation): DiagnosticResult {
  const levels = levelsOf(rows, definition);
  const all = (): boolean => true;
  const capacities = (definition.capacities ?? []).map((capacity): CapacityEstimate => {
    const values = levels.get(capacity.id) ?? [];
    const r = weightedProportions(values, weights, CAPACITY_LEVELS, all);
    return {
      capacity: capacity.id,
      title: capacity.title,
      challenges: definition.challenges.filter((c) => c.capacity === capacity.id).map((c) => c.id),
      n: r.n,
      levels: withIntervals(values, r.categories, weights, all, estimation),
    };
  });
  return { capacities };
}
