/**
 * Only what is scored is stored (docs/checking.md): the shipped form challenge, played through the core's
 * session with a name typed in every field, reaches the collector on PGlite with its scored field only;
 * an answer that carries a field the challenge does not score is refused, naming the field.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createSurveySession, parseSurveyDefinition, type Challenge, type ChallengeAnswer, type SurveySession } from '@observatoire/core';
import { newToken } from '@observatoire/core/api';
import { createApp } from '../src/app.js';
import { PgliteStore } from '../src/store/pglite.js';
import { client } from './helpers.js';

const definition = parseSurveyDefinition(readFileSync(new URL('../../content/surveys/observatoire-2025.json', import.meta.url), 'utf8'));
const FORM = 'formulaire-date';

function rightAnswer(challenge: Challenge): ChallengeAnswer {
  if (challenge.type === 'QCU') return String(challenge.solution);
  if (challenge.type === 'QCM') return challenge.solution.join(',');
  if (challenge.type === 'QROC') return challenge.solution[0]!;
  if (challenge.type === 'QROCM-dep') throw new Error('no QROCM-dep in this survey');
  return Object.fromEntries(Object.entries(challenge.solution).map(([key, values]) => [key, values[0]!]));
}

/** A session played up to the form challenge, which gets the whole form as a widget would report it. */
function playToTheForm(seed: string): SurveySession {
  const session = createSurveySession(definition, { seed });
  session.dispatch({ type: 'start', consent: true });
  for (const question of definition.questionnaire!.questions) {
    if (question.visibleWhen) continue;
    const value =
      question.kind === 'year' ? 1955 : question.kind === 'commune' ? { test: true as const, name: 'TEST' } : question.kind === 'multiple' ? [question.options[0]!.code] : question.kind === 'single' ? question.options[0]!.code : 'texte';
    session.dispatch({ type: 'answerQuestion', questionId: question.id, value });
  }
  session.dispatch({ type: 'review' });
  session.dispatch({ type: 'validateQuestionnaire' });
  session.dispatch({ type: 'continue' });
  for (;;) {
    const state = session.state;
    if (state.phase === 'endOfCourse') {
      session.dispatch({ type: 'continue' });
      continue;
    }
    const challengeId = state.current!.challengeId;
    const challenge = definition.challenges.find((c) => c.id === challengeId)!;
    if (challengeId === FORM) {
      session.dispatch({ type: 'answerChallenge', challengeId, answer: { nom: 'Dupont', prenom: 'Jeanne', naissance: '05/03/1958' } });
      return session;
    }
    session.dispatch({ type: 'answerChallenge', challengeId, answer: rightAnswer(challenge) });
  }
}

describe('the form challenge stores only its scored fields (collector on PGlite)', () => {
  let dir = '';
  let store: PgliteStore;
  let api: ReturnType<typeof client>;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'obs-collector-scored-'));
    store = await PgliteStore.open(dir);
    api = client(createApp({ store, definitions: [definition], rateLimit: false }));
  });
  after(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function sessionOnTheCollector(session: SurveySession) {
    const state = session.state;
    const token = newToken();
    const created = await api.call('POST', '/v1/sessions', {
      surveyId: definition.id,
      contentVersion: definition.version,
      device: 'tablet',
      lang: 'fr',
      sessionId: state.sessionId,
      token,
      startedAt: Math.round(state.startedAt),
    });
    assert.equal(created.status, 201, created.text);
    const put = await api.call('PUT', `/v1/sessions/${state.sessionId}/questionnaire`, { answers: state.questionnaire.answers, filledByMediator: false, validatedAt: Math.round(state.questionnaire.validatedAt!) }, token);
    assert.equal(put.status, 201, put.text);
    return token;
  }

  function body(answerId: string, answer: unknown, at: number) {
    return { answerId, challengeId: FORM, answer, actor: 'participant', startedAt: at, answeredAt: at, durationMs: 0 };
  }

  test('the session drops the name; the stored answer holds only "naissance", checked ok', async () => {
    const session = playToTheForm(`scored-${Math.random()}`);
    const token = await sessionOnTheCollector(session);
    const result = session.state.courses.flatMap((course) => course.results).find((r) => r.challengeId === FORM)!;
    assert.deepEqual(result.answer, { naissance: '05/03/1958' });
    const reply = await api.call('POST', `/v1/sessions/${session.state.sessionId}/answers`, body('form-1', result.answer, Math.round(result.answeredAt)), token);
    assert.equal(reply.status, 201, reply.text);
    assert.equal(reply.body.status, 'ok');
    const stored = (await store.getSessionData(session.state.sessionId))!.answers.find((a) => a.challengeId === FORM)!;
    assert.deepEqual(stored.answer, { naissance: '05/03/1958' });
  });

  test('an answer with a field the challenge does not score is refused, each field named, and nothing is stored', async () => {
    const session = playToTheForm(`scored-${Math.random()}`);
    const token = await sessionOnTheCollector(session);
    const at = Math.round(session.state.startedAt);
    const reply = await api.call('POST', `/v1/sessions/${session.state.sessionId}/answers`, body('form-2', { nom: 'Dupont', prenom: 'Jeanne', naissance: '05/03/1958' }, at), token);
    assert.equal(reply.status, 400, reply.text);
    assert.deepEqual(
      reply.body.issues.map((issue: { path: string }) => issue.path),
      ['answer.nom', 'answer.prenom'],
    );
    assert.match(reply.body.issues[0].message, /not scored by challenge "formulaire-date"/);
    assert.equal(await store.findAnswer(session.state.sessionId, 'form-2'), null);
  });
});
