/** The survey definitions the collector knows, by survey id and content version. */
import type { Challenge, SurveyDefinition } from '@observatoire/core';

/** One definition with its challenges indexed, and the course each challenge belongs to. */
export interface KnownSurvey {
  definition: SurveyDefinition;
  challenges: ReadonlyMap<string, Challenge>;
  courseOf: ReadonlyMap<string, string>;
}

/**
 * Index definitions (already checked with `parseSurveyDefinition`) by `id` and `version`.
 *
 * @example
 * const surveys = new SurveyIndex([parseSurveyDefinition(json)]);
 * surveys.get('observatoire-2025', '1.0.0')?.challenges.get('c1');
 */
export class SurveyIndex {
  private readonly byKey = new Map<string, KnownSurvey>();

  constructor(definitions: readonly SurveyDefinition[]) {
    for (const definition of definitions) {
      const courseOf = new Map<string, string>();
      for (const course of definition.courses) for (const id of course.challenges) courseOf.set(id, course.id);
      this.byKey.set(key(definition.id, definition.version), {
        definition,
        challenges: new Map(definition.challenges.map((challenge) => [challenge.id, challenge])),
        courseOf,
      });
    }
  }

  get(surveyId: string, contentVersion: string): KnownSurvey | undefined {
    return this.byKey.get(key(surveyId, contentVersion));
  }

  /** In the order given. */
  all(): KnownSurvey[] {
    return [...this.byKey.values()];
  }
}

function key(id: string, version: string): string {
  return JSON.stringify([id, version]);
}
