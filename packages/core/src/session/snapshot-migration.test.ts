/**
 * Snapshots of format 1 (docs/protocol.md, "Snapshots of an earlier version"), read from
 * fixtures/snapshots-v1.json: snapshots written by the session code of format 1 (commit 7b4bd47),
 * the questionnaire, a course, a quit session, an answer claiming `timedOut` without a time limit,
 * observatoire-2025 version 2025.2 before `materiel` and `orientation` were renamed, and the same
 * in course 1 with `ecrire-mot` answered "bonjour", before that item was rewritten.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseSurveyDefinition } from '../content/parse.js';
import type { SurveyDefinition } from '../content/types.js';
import { ProtocolError, type ProtocolErrorCode } from '../errors.js';
import { definition, SURVEY_INPUT } from './fixture.test.js';
import { restoreSurveySession } from './restore.js';
import type { SessionSnapshot, SessionState } from './types.js';

const fixtures = JSON.parse(readFileSync(new URL('./fixtures/snapshots-v1.json', import.meta.url), 'utf8')) as Record<string, SessionSnapshot>;
const shipped = JSON.parse(readFileSync(new URL('../../../content/surveys/observatoire-2025.json', import.meta.url), 'utf8')) as Record<string, unknown>;
/**
 * The shipped survey served as version 2025.2, the version of these snapshots: 2025.3 changed only
 * course 1's pictures and one instruction (docs/content.md, "Changelog"), nothing these logs replay.
 */
const observatoire2025 = parseSurveyDefinition({ ...shipped, version: '2025.2' });

/** A fixture, copied, with its stored state changed by `change`. */
function v1(name: string, change: (state: Record<string, any>) => void = () => undefined): SessionSnapshot {
  const copy = JSON.parse(JSON.stringify(fixtures[name])) as SessionSnapshot & { state: Record<string, any> };
  change(copy.state);
  return copy;
}

describe('format-1 snapshots are migrated when the mapping is certain', () => {
  const cases: [string, string, SurveyDefinition, (state: SessionState) => void][] = [
    ['in the questionnaire: start gains the consent the survey required', 'questionnaire', definition, (state) => {
      assert.equal(state.phase, 'questionnaire');
      assert.deepEqual(state.events[0]?.action, { type: 'start', consent: true });
      assert.deepEqual(state.questionnaire.answers, { genre: 'feminin', naissance: 1956 });
    }],
    ['in a course: statuses in the outcome vocabulary, results and event ids kept, interruption counted', 'course', definition, (state) => {
      assert.equal(state.phase, 'course');
      assert.deepEqual(state.courses.map((c) => c.status), ['in_progress', 'not_reached', 'not_reached']);
      assert.deepEqual(state.courses[0]?.results.map((r) => [r.challengeId, r.status, r.eventId]), [['m1', 'ok', `${state.sessionId}-10`]]);
      assert.equal(state.current?.challengeId, 'm2');
      assert.equal(state.interruptions, 1);
    }],
    ['finished after a quit: courses not played are not_reached', 'quit', definition, (state) => {
      assert.equal(state.phase, 'finished');
      assert.equal(state.endReason, 'quit');
      assert.deepEqual(state.courses.map((c) => c.status), ['ended', 'not_reached', 'not_reached']);
    }],
    ['observatoire-2025 2025.2: materiel and orientation take their new ids, appareils and connu_par', 'renamed', observatoire2025, (state) => {
      assert.deepEqual(state.questionnaire.answers, { annee_naissance: 1961, genre: 'masculin', appareils: ['telephone'], connu_par: 'proche' });
      const asked = state.events.flatMap((e) => (e.action.type === 'answerQuestion' ? [e.action.questionId] : []));
      assert.deepEqual(asked, ['annee_naissance', 'genre', 'appareils', 'connu_par']);
    }],
  ];
  for (const [name, fixture, survey, check] of cases)
    test(name, () => {
      const stored = fixtures[fixture]!;
      assert.equal(stored.formatVersion, 1, 'the fixture is of format 1');
      const session = restoreSurveySession(survey, v1(fixture));
      assert.equal(session.state.sessionId, stored.state.sessionId);
      assert.deepEqual(session.state.events.map((e) => e.id), stored.state.events.map((e) => e.id), 'the event ids are kept');
      check(session.state);
      const saved = session.toJSON();
      assert.equal(saved.formatVersion, 2, 'saved again in format 2');
      assert.deepEqual(restoreSurveySession(survey, JSON.parse(JSON.stringify(saved))).state, session.state, 'and restores from it exactly');
    });

  test('a migrated session goes on under the current rules', () => {
    const session = restoreSurveySession(definition, v1('questionnaire'), { clock: () => fixtures['questionnaire']!.state.startedAt + 60_000 });
    session.dispatch({ type: 'resume' });
    session.dispatch({ type: 'answerQuestion', questionId: 'statut', value: 'retraite' });
    assert.equal(session.state.questionnaire.answers['statut'], 'retraite');
  });
});

describe('format-1 snapshots that cannot be brought to the current rules are refused, typed', () => {
  const cases: [string, SessionSnapshot, SurveyDefinition, ProtocolErrorCode, RegExp][] = [
    ['observatoire-2025: an item rewritten since ("bonjour" was right, is not any more)', v1('outdated2025'), observatoire2025, 'snapshot_outdated', /courses\[0\]/],
    ['an answer claiming timedOut without a time limit (refused today)', v1('timedOutClaim'), definition, 'snapshot_outdated', /no_time_limit|time limit/],
    ['a stored result the log does not give', v1('course', (s) => (s['courses'][0]['results'][0]['status'] = 'ko')), definition, 'snapshot_outdated', /courses/],
    ['answers the log does not give', v1('questionnaire', (s) => (s['questionnaire']['answers']['genre'] = 'masculin')), definition, 'snapshot_outdated', /answers/],
    ['a log that no longer replays (a question the content no longer has)', v1('questionnaire', (s) => (s['events'][1]['action']['questionId'] = 'ancienne')), definition, 'snapshot_outdated', /events\[1\]/],
    ['another content version', v1('questionnaire'), parseSurveyDefinition({ ...SURVEY_INPUT, version: '2025.3' }), 'restore_mismatch', /2025\.1/],
    ['observatoire-2025 of 2025.2 restored without the rename would not replay: the rename is the content’s own', v1('renamed'), parseSurveyDefinition({ ...shipped, version: '2025.2', id: 'autre-2025' }), 'restore_mismatch', /observatoire-2025/],
    ['not an object state', { ...v1('questionnaire'), state: 'x' } as unknown as SessionSnapshot, definition, 'invalid_snapshot', /state/],
  ];
  for (const [name, snapshot, survey, code, message] of cases)
    test(`${name}: ${code}`, () => {
      assert.throws(
        () => restoreSurveySession(survey, snapshot),
        (error) => error instanceof ProtocolError && error.code === code && message.test(error.message),
      );
    });
});
