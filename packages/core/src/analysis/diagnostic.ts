/**
 * The quick diagnostic's own figures (docs/analysis.md, "The quick diagnostic"): per capacity (identify,
 * handle, use an online service) the weighted share of people at each level of the core's `capacityResults`,
 * with its 95 % interval and n, among those whose diagnostic ended.
 */
import { capacityResults, type CapacityLevel } from '../capacities.js';
import type { AnswerStatus } from '../checking/types.js';
import type { SurveyDefinition } from '../content/types.js';
import { hasEnded } from '../outcome.js';
import { courseFromRow } from './from-export.js';
import { membersOf, proportionsOf } from './estimates.js';
import type { Row } from './margins.js';
import { withIntervals, type Estimation } from './report-indicators.js';
import { asTable, rowView, type ExportTable } from './table.js';
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
 * Each capacity's level for every row, as the index of its level in `CAPACITY_LEVELS` (−1 when the course holding
 * its challenges did not end: left, not reached, not counted as not mastered). In an ended course an unplayed
 * challenge counts as not succeeded, as in `capacityResults` (the mediator's skip of the remaining challenges).
 */
function levelsOf(data: readonly Row[] | ExportTable, definition: DiagnosticDefinition): Map<string, Int8Array> {
  const courseOf = new Map(definition.courses.flatMap((course) => course.challenges.map((id) => [id, course.id] as const)));
  const capacities = definition.capacities ?? [];
  // The courses each capacity's challenges are in: its level counts only when all of them ended.
  const coursesOf = new Map(capacities.map((c) => [c.id, definition.challenges.filter((ch) => ch.capacity === c.id).map((ch) => courseOf.get(ch.id) ?? '')]));
  const table = asTable(data);
  const levels = new Map(capacities.map((c) => [c.id, new Int8Array(table.length)]));
  const view = rowView(table);
  for (let i = 0; i < table.length; i++) {
    const row = view.at(i);
    const ended = new Set<string>();
    for (let n = 1; row[`course${n}_id`] !== undefined; n++) {
      const course = courseFromRow(row, n);
      if (course && hasEnded(course.status)) ended.add(course.courseId);
    }
    const statuses: Record<string, AnswerStatus | undefined> = {};
    for (const challenge of definition.challenges) statuses[challenge.id] = (row[`ch_${challenge.id}`] || undefined) as AnswerStatus | undefined;
    for (const result of capacityResults(definition, statuses)) {
      const courses = coursesOf.get(result.id) ?? [];
      const counted = courses.length > 0 && courses.every((id) => ended.has(id));
      const codes = levels.get(result.id);
      if (codes) codes[i] = counted ? CAPACITY_LEVELS.indexOf(result.level) : -1;
    }
  }
  return levels;
}

/**
 * The diagnostic's figures for the analysed rows (or table) and their weights.
 *
 * @example
 * diagnosticResult(rows, weights, diagnosticRapide, estimation).capacities[0].levels[0]; // { category: 'mastered', proportion: 0.42, low: 0.37, high: 0.47, count: 120 }
 */
export function diagnosticResult(data: readonly Row[] | ExportTable, weights: Float64Array, definition: DiagnosticDefinition, estimation: Estimation): DiagnosticResult {
  const levels = levelsOf(data, definition);
  const members = membersOf(weights.length);
  const capacities = (definition.capacities ?? []).map((capacity): CapacityEstimate => {
    const codes = levels.get(capacity.id) ?? new Int8Array(weights.length).fill(-1);
    const r = proportionsOf(codes, weights, CAPACITY_LEVELS, members);
    return {
      capacity: capacity.id,
      title: capacity.title,
      challenges: definition.challenges.filter((c) => c.capacity === capacity.id).map((c) => c.id),
      n: r.n,
      levels: withIntervals(codes, r.categories, members, estimation),
    };
  });
  return { capacities };
}
