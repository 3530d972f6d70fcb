/**
 * What the results card and the referral sheet show, computed from the session state and the definition. Pure. A course
 * passed and the staircase level come from the core's course outcomes (docs/outcomes.md), the
 * rules the analysis applies too, so the card and the national figures can never disagree.
 */
import {
  COURSE_STATUS,
  courseOutcomesOfSession,
  successRate,
  type CourseProgress,
  type LocalizedText,
  type SessionState,
  type Skill,
  type SurveyDefinition,
} from '@observatoire/core';
import { coursePassed, staircaseLevel, type StaircaseLevel } from '@observatoire/core/analysis';

export interface CourseSummary {
  courseId: string;
  title: LocalizedText;
  status: CourseProgress['status'];
  /** Challenges with status `ok`. */
  succeeded: number;
  /** Challenges of the course. */
  total: number;
  /** Share of `ok` among the course's challenges (0 when the course did not end). */
  rate: number;
  /** Ended with a success rate above 60% (the analysis' rule). */
  passed: boolean;
}

/**
 * One summary per course of the definition, in order.
 *
 * @example
 * courseSummaries(definition, state)[0]; // { courseId: 'manipulation', succeeded: 3, total: 3, rate: 1, passed: true, … }
 */
export function courseSummaries(definition: SurveyDefinition, state: SessionState): CourseSummary[] {
  const outcomes = courseOutcomesOfSession(definition, state.courses);
  return definition.courses.map((course, i) => {
    const progress = state.courses.find((p) => p.courseId === course.id);
    const results = progress?.results ?? [];
    const ended = progress?.status === 'ended';
    return {
      courseId: course.id,
      title: course.title,
      status: progress?.status ?? COURSE_STATUS.notReached,
      succeeded: results.filter((r) => r.status === 'ok').length,
      total: course.challenges.length,
      rate: ended ? successRate(results) : 0,
      passed: coursePassed(outcomes[i]),
    };
  });
}

/**
 * The level reached on the staircase, 0 to 3: the number of consecutive courses passed from
 * course 1 (same rule as the analysis).
 *
 * @example
 * levelReached(definition, state); // 2: courses 1 and 2 passed, course 3 not
 */
export function levelReached(definition: SurveyDefinition, state: SessionState): StaircaseLevel {
  return staircaseLevel(courseOutcomesOfSession(definition, state.courses)) ?? 0;
}

/** What to work on next: the first course not passed, and the skills of its challenges not succeeded (none when it was never started). */
export interface NextStep {
  courseId: string;
  title: LocalizedText;
  /** Distinct skills (by competence, else area, and level) of the challenges not succeeded, easiest first. */
  skills: Skill[];
}

/**
 * The first course not passed and the skills to work on in it; `undefined` when every course is passed.
 *
 * @example
 * nextStep(definition, state); // { courseId: 'bases', title: {…}, skills: [{ area: '1', competence: '1.1', level: 2 }] }
 */
export function nextStep(definition: SurveyDefinition, state: SessionState): NextStep | undefined {
  const summaries = courseSummaries(definition, state);
  const index = summaries.findIndex((summary) => !summary.passed);
  const course = definition.courses[index];
  if (!course) return undefined;
  const progress = state.courses.find((p) => p.courseId === course.id);
  const succeeded = new Set(progress?.results.filter((r) => r.status === 'ok').map((r) => r.challengeId));
  const skills = new Map<string, Skill>();
  // A course never started names no skill: nothing in it was missed (docs/player.md).
  const started = progress !== undefined && progress.status !== COURSE_STATUS.notReached;
  for (const id of started ? course.challenges : []) {
    if (succeeded.has(id)) continue;
    const skill = definition.challenges.find((c) => c.id === id)?.skill;
    if (skill) skills.set(`${skill.competence ?? skill.area}/${skill.level}`, skill);
  }
  return {
    courseId: course.id,
    title: course.title,
    skills: [...skills.values()].sort((a, b) => a.level - b.level || (a.competence ?? a.area).localeCompare(b.competence ?? b.area)),
  };
}
