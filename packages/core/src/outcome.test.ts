import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AnswerStatus } from './checking/types.js';
import {
  COURSE_STATUSES,
  courseOutcomesOfRecords,
  courseOutcomesOfSession,
  coursePassed,
  courseStatus,
  staircaseLevel,
  type CourseOutcome,
  type CourseStatus,
} from './outcome.js';
import { definition, fakeClock, play, validatedSession } from './session/fixture.test.js';

describe('course status from what was played', () => {
  const cases: [string, { started: boolean; ended: boolean; skippedRemaining: boolean }, CourseStatus][] = [
    ['not started', { started: false, ended: false, skippedRemaining: false }, 'not_reached'],
    ['started, not ended', { started: true, ended: false, skippedRemaining: false }, 'in_progress'],
    ['ended by its last challenge', { started: true, ended: true, skippedRemaining: false }, 'ended'],
    ['ended by the mediator skip', { started: true, ended: true, skippedRemaining: true }, 'skipped_remaining'],
  ];
  for (const [name, facts, expected] of cases) test(name, () => assert.equal(courseStatus(facts), expected));
  test('the vocabulary has these four statuses, in order', () =>
    assert.deepEqual(COURSE_STATUSES, ['not_reached', 'in_progress', 'ended', 'skipped_remaining']));
});

const course = (status: CourseStatus, successRate: number | null): CourseOutcome => ({ courseId: 'c', status, successRate });

describe('a course is passed when it ended with a rate strictly above 60%', () => {
  const cases: [string, CourseOutcome | undefined, boolean][] = [
    ['2 of 3', course('ended', 2 / 3), true],
    ['exactly 60%', course('ended', 0.6), false],
    ['ended by the mediator skip, 80%', course('skipped_remaining', 0.8), true],
    ['in progress', course('in_progress', null), false],
    ['not reached', course('not_reached', null), false],
    ['ended without a rate', course('ended', null), false],
    ['no course', undefined, false],
  ];
  for (const [name, outcome, expected] of cases) test(name, () => assert.equal(coursePassed(outcome), expected));
});

describe('staircase level: consecutive courses passed from the first', () => {
  const ok = course('ended', 1);
  const cases: [string, (CourseOutcome | undefined)[], number | undefined][] = [
    ['first not passed', [course('ended', 0.3), ok, ok], 0],
    ['first passed, second not', [ok, course('ended', 0.5), ok], 1],
    ['all three', [ok, ok, ok], 3],
    ['first course did not end: no level', [course('in_progress', null)], undefined],
    ['no course: no level', [], undefined],
  ];
  for (const [name, courses, expected] of cases) test(name, () => assert.equal(staircaseLevel(courses), expected));
});

describe('outcomes from a session and from stored records agree', () => {
  type Record = { challengeId: string; status: AnswerStatus; skippedRemaining: boolean };
  test('course 1 played, course 2 skipped by the mediator after one challenge, course 3 not reached', () => {
    const clock = fakeClock();
    const session = validatedSession({ clock });
    session.dispatch({ type: 'continue' });
    play(session, ['ok', 'ok', 'ko'], clock);
    session.dispatch({ type: 'continue' });
    play(session, ['ok'], clock);
    session.dispatch({ type: 'skipRemaining' });
    const fromSession = courseOutcomesOfSession(definition, session.state.courses);
    const records: Record[] = session.state.courses.flatMap((c) =>
      c.results.map((r) => ({ challengeId: r.challengeId, status: r.status, skippedRemaining: r.skippedRemaining === true })),
    );
    const fromRecords = courseOutcomesOfRecords(definition, records, []);
    assert.deepEqual(fromSession, fromRecords);
    assert.deepEqual(
      fromSession.map((c) => [c.courseId, c.status, c.successRate]),
      [
        ['manipulation', 'ended', 2 / 3],
        ['bases', 'skipped_remaining', 1 / 7],
        ['culture', 'not_reached', null],
      ],
    );
  });

  const records: [string, Record[], { type: string; courseId: string | null }[], CourseStatus[]][] = [
    ['nothing stored', [], [], ['not_reached', 'not_reached', 'not_reached']],
    ['one answer: in progress', [{ challengeId: 'm1', status: 'ok', skippedRemaining: false }], [], ['in_progress', 'not_reached', 'not_reached']],
    [
      'a course_end event ends a course with missing answers (they count as not succeeded)',
      [{ challengeId: 'm1', status: 'ok', skippedRemaining: false }],
      [{ type: 'course_end', courseId: 'manipulation' }],
      ['ended', 'not_reached', 'not_reached'],
    ],
    [
      'a skip_remaining event marks the course as skipped',
      [{ challengeId: 'm1', status: 'ok', skippedRemaining: false }],
      [{ type: 'skip_remaining', courseId: 'manipulation' }, { type: 'course_end', courseId: 'manipulation' }],
      ['skipped_remaining', 'not_reached', 'not_reached'],
    ],
  ];
  for (const [name, answers, events, expected] of records)
    test(name, () => assert.deepEqual(courseOutcomesOfRecords(definition, answers, events).map((c) => c.status), expected));

  test('unplayed challenges of an ended course count as not succeeded', () => {
    const [first] = courseOutcomesOfRecords(definition, [{ challengeId: 'm1', status: 'ok', skippedRemaining: false }], [{ type: 'course_end', courseId: 'manipulation' }]);
    assert.equal(first?.successRate, 1 / 3);
  });
});
