/**
 * What a session's stored answers and events say about each course: the one reading shared by
 * `GET /v1/sessions/:id/results` and the export, so both always agree. The course outcomes and the
 * test time are the core's rules (docs/outcomes.md, docs/protocol.md "Chaining").
 */
import { COURSE_STATUS, testTimeMs, type SurveyDefinition } from '@observatoire/core';
import { courseOutcomesOfRecords, type PlayedCourseOutcome, type SessionEndReason } from '@observatoire/core/analysis';
import type { SessionData } from '../store/types.js';

export type { CourseStatus } from '@observatoire/core/analysis';
export type CourseOutcome = PlayedCourseOutcome;

export interface SessionOutcome {
  courses: CourseOutcome[];
  endReason: SessionEndReason;
  /** Time spent inside courses: the sum of the answers' durations. */
  testTimeMs: number;
  interruptions: number;
  resumed: boolean;
  /** A course was started and never reached its end-of-course page. */
  leftMidCourse: boolean;
}

/**
 * The session's course outcomes (`courseOutcomesOfRecords`), end reason, test time and interruptions.
 *
 * @example
 * sessionOutcome(definition, data).courses[0]; // { courseId: 'manipulation', status: 'ended', successRate: 2/3, … }
 */
export function sessionOutcome(definition: SurveyDefinition, data: SessionData): SessionOutcome {
  const courses = courseOutcomesOfRecords(definition, data.answers, data.events);
  return {
    courses,
    endReason: data.session.endReason ?? COURSE_STATUS.inProgress,
    testTimeMs: testTimeMs(data.answers.map((answer) => answer.durationMs)),
    interruptions: data.events.filter((event) => event.type === 'interruption').length,
    resumed: data.events.some((event) => event.type === 'resume'),
    leftMidCourse: courses.some((course) => course.status === COURSE_STATUS.inProgress),
  };
}
