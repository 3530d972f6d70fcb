import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ProtocolError } from '../errors.js';
import { challenge, COMPLETE_ANSWERS, definition, fakeClock, rightAnswer, T0, timedDefinition, wrongAnswer } from './fixture.test.js';
import { restoreSurveySession } from './restore.js';
import { challengeDefinition, createChallengeSession, createQuestionnaireSession } from './solo.js';
import { createSurveySession } from './session.js';

describe('a session of one challenge', () => {
  const cases: [string, 'right' | 'wrong' | 'skip', string][] = [
    ['a right answer is ok', 'right', 'ok'],
    ['a wrong answer is ko', 'wrong', 'ko'],
    ['a skip is aband', 'skip', 'aband'],
  ];
  for (const [name, move, status] of cases)
    test(name, () => {
      const clock = fakeClock();
      const c = challenge('m2');
      const session = createChallengeSession(c, { clock, seed: 'solo' });
      assert.equal(session.state.phase, 'course');
      assert.equal(session.state.current?.challengeId, 'm2');
      clock.tick(4000);
      if (move === 'skip') session.dispatch({ type: 'skipChallenge', challengeId: 'm2' });
      else session.dispatch({ type: 'answerChallenge', challengeId: 'm2', answer: move === 'right' ? rightAnswer(c) : wrongAnswer(c) });
      const result = session.state.courses[0]?.results[0];
      assert.equal(session.state.phase, 'finished');
      assert.equal(result?.status, status);
      assert.equal(result?.durationMs, 4000);
      assert.equal(result?.startedAt, T0);
      assert.equal(result?.eventId, `${session.state.sessionId}-2`, 'the session makes the event id');
    });

  test('time limits are the session’s: after the limit a right answer is timedout', () => {
    const clock = fakeClock();
    const c = timedDefinition.challenges.find((x) => x.id === 'm2')!;
    const session = createChallengeSession(c, { clock });
    session.dispatch({ type: 'extendTime', challengeId: 'm2' });
    clock.tick(60_000);
    session.dispatch({ type: 'answerChallenge', challengeId: 'm2', answer: rightAnswer(c) });
    assert.equal(session.state.courses[0]?.results[0]?.status, 'timedout');
  });

  test('restores by replay', () => {
    const clock = fakeClock();
    const c = challenge('m1');
    const session = createChallengeSession(c, { clock, seed: 'x' });
    const again = restoreSurveySession(challengeDefinition(c), JSON.parse(JSON.stringify(session)), { clock });
    assert.deepEqual(again.state, session.state);
  });
});

describe('a session of one questionnaire', () => {
  const questionnaire = definition.questionnaire!;

  test('answers, review and validation as in the survey; it ends at validated', () => {
    const session = createQuestionnaireSession(questionnaire, { clock: fakeClock() });
    assert.equal(session.state.phase, 'questionnaire');
    for (const [questionId, value] of Object.entries(COMPLETE_ANSWERS)) session.dispatch({ type: 'answerQuestion', questionId, value: value as never });
    session.dispatch({ type: 'review' });
    session.dispatch({ type: 'validateQuestionnaire' });
    assert.equal(session.state.phase, 'validated');
    assert.equal(session.state.questionnaire.locked, true);
    assert.throws(() => session.dispatch({ type: 'continue' }), (e) => e instanceof ProtocolError && e.code === 'wrong_phase');
  });

  const years: [string, string, number, boolean][] = [
    ['the clock year is accepted', '2039-12-31T23:30:00Z', 2039, true],
    ['the next year is refused', '2039-12-31T23:30:00Z', 2040, false],
    ['New Year in Paris is still the old UTC year', '2040-01-01T00:30:00+01:00', 2040, false],
  ];
  for (const [name, time, year, accepted] of years)
    test(`year bounds from the session's clock, like the survey: ${name}`, () => {
      const now = Date.parse(time);
      const alone = createQuestionnaireSession(questionnaire, { clock: () => now });
      const survey = createSurveySession(definition, { clock: () => now });
      survey.dispatch({ type: 'start', consent: true });
      for (const session of [alone, survey]) {
        const act = () => session.dispatch({ type: 'answerQuestion', questionId: 'naissance', value: year });
        if (accepted) act();
        else assert.throws(act, (e) => e instanceof ProtocolError && e.code === 'invalid_question_answer');
      }
    });
});
