/**
 * What a session's stored answers and events say about each course: the one reading shared by
 * `GET /v1/sessions/:id/results` and the export, so both always agree.
 */
import { successRate, type AnswerStatus, type SurveyDefinition } from '@observatoire/core';
import type { SessionData } from '../store/types.js';

export type CourseStatus = 'ended' | 'skipped_remaining' | 'not_reached' | 'in_progress';

export interface CourseOutcome {
  courseId: string;
  status: CourseStatus;
  /** Share of `ok` among the course's challenges; `null` until the course has ended. */
  successRate: number | null;
  /** One per challenge of the course, in play order; `null` when not played. */
  challenges: { challengeId: string; status: AnswerStatus | null }[];
}

export interface SessionOutcome {
  courses: CourseOutcome[];
  endReason: 'completed' | 'quit' | 'in_progress';
  /** Time spent inside courses: the sum of the answers' durations. */
  testTimeMs: number;
  interruptions: number;
  resumed: boolean;
  /** A course was started and never reached its end-of-course page. */
  leftMidCourse: boolean;
}

/**
 * A course has ended when each of its challenges has a stored answer or a `course_end` event
 * names it; it ended by the mediator's skip when one of its answers is marked `skippedRemaining`
 * or a `skip_remaining` event names it.
 *
 * @example
 * sessionOutcome(definition, data).courses[0]; // { courseId: 'manipulation', status: 'ended', successRate: 2/3, … }
 */
export function sessionOutcome(definition: SurveyDefinition, data: SessionData): SessionOutcome {
  const answers = new Map(data.answers.map((answer) => [answer.challengeId, answer]));
  const courses = definition.courses.map((course): CourseOutcome => {
    const played = course.challenges.map((id) => answers.get(id));
    const challenges = course.challenges.map((challengeId, i) => ({ challengeId, status: played[i]?.status ?? null }));
    const named = (type: string) => data.events.some((event) => event.type === type && event.courseId === course.id);
    const ended = played.every((answer) => answer !== undefined) || named('course_end');
    const skipped = played.some((answer) => answer?.skippedRemaining === true) || named('skip_remaining');
    const started = played.some((answer) => answer !== undefined) || skipped;
    const status: CourseStatus = ended ? (skipped ? 'skipped_remaining' : 'ended') : started ? 'in_progress' : 'not_reached';
    // Unplayed challenges of an ended course count as not succeeded.
    const results = challenges.map((c) => ({ status: c.status ?? ('aband' as const) }));
    return { courseId: course.id, status, successRate: ended ? successRate(results) : null, challenges };
  });
  return {
    courses,
    endReason: data.session.endReason ?? 'in_progress',
    testTimeMs: data.answers.reduce((sum, answer) => sum + answer.durationMs, 0),
    interruptions: data.events.filter((event) => event.type === 'interruption').length,
    resumed: data.events.some((event) => event.type === 'resume'),
    leftMidCourse: courses.some((course) => course.status === 'in_progress'),
  };
}
