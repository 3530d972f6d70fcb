import assert from 'node:assert/strict';
import { test } from 'node:test';
import { courseRecommendations } from './course.js';
import { fakeClock, play, validatedSession } from './fixture.test.js';

test('courseRecommendations: the advice given at each end of course, with the test time as it stood then (docs/protocol.md, "Chaining")', () => {
  const clock = fakeClock();
  const session = validatedSession({ clock });
  assert.deepEqual(courseRecommendations(session.definition, session.state), [], 'no course ended yet');
  session.dispatch({ type: 'continue' });
  play(session, ['ok', 'ok', 'ko'], clock, 60_000);
  // What the end-of-course page said is what the card reads back.
  const given = session.recommendation();
  assert.deepEqual(courseRecommendations(session.definition, session.state), [given]);
  session.dispatch({ type: 'continue' });
  play(session, ['ok', 'skip', 'ko', 'ko', 'ko', 'ko', 'ko'], clock, 120_000);
  const second = session.recommendation();
  session.dispatch({ type: 'quit' });
  const recommendations = courseRecommendations(session.definition, session.state);
  assert.deepEqual(recommendations, [given, second]);
  assert.deepEqual(
    recommendations.map((r) => [r.courseId, r.continue, r.reasons, r.testTimeMs]),
    [
      ['manipulation', true, [], 3 * 60_000],
      ['bases', false, ['success_rate_too_low', 'test_time_exceeded'], 3 * 60_000 + 7 * 120_000],
    ],
  );
});

test('courseRecommendations: a course ended by the mediator’s skip has its advice too; a course left mid-way has none', () => {
  const clock = fakeClock();
  const session = validatedSession({ clock });
  session.dispatch({ type: 'continue' });
  play(session, ['ok'], clock, 10_000);
  session.dispatch({ type: 'skipRemaining' });
  session.dispatch({ type: 'continue' });
  play(session, ['ok', 'ok'], clock, 10_000);
  assert.deepEqual(
    courseRecommendations(session.definition, session.state).map((r) => [r.courseId, r.continue, r.reasons]),
    [['manipulation', false, ['success_rate_too_low']]],
  );
});
