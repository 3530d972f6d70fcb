import { expect, fixture, html } from '@open-wc/testing';
import { createSurveySession, type SessionState } from '@observatoire/core';
import { deleteDatabase } from './idb.js';
import './obs-sync-status.define.js';
import type { ObsSyncStatus } from './obs-sync-status.js';
import { Outbox } from './outbox.js';
import { retryAfterMs, retryDelay } from './retry.js';
import type { OutboxRequest, OutboxStatus } from './types.js';
import { collectorEndpoint, requestsFor, type SessionTarget } from './requests.js';
import { checkFollowUpCode } from '@observatoire/core/api';
import { keepEarlyActions } from './early.js';
import { linksOf, openRecordedSession, recordOpenedSession } from './recorder.js';
import { mayResume } from './unfinished.js';
import { findUnfinished, forgetSession } from './saved-sessions.js';
import { fillQuestionnaire, json, ManualTimers, observatoire2025, rightAnswer, scriptedFetch, until, type SentRequest } from './test-helpers.js';

let databaseCount = 0;
const opened: Outbox[] = [];

/** Each test gets its own database, deleted afterwards. */
const databases: string[] = [];
function freshDatabase(): string {
  const name = `observatoire-outbox-test-${Date.now()}-${databaseCount++}`;
  databases.push(name);
  return name;
}

async function open(database: string, options: Omit<Parameters<typeof Outbox.open>[0] & object, 'database'>): Promise<Outbox> {
  const outbox = await Outbox.open({ database, random: () => 0.5, ...options });
  opened.push(outbox);
  return outbox;
}

function request(sessionId: string, n: number, kind: OutboxRequest['kind'] = 'answer', endpoint = 'https://collecte.test'): OutboxRequest {
  return {
    kind,
    endpoint,
    sessionId,
    id: `${sessionId}-${n}`,
    method: 'POST',
    url: `${endpoint}/v1/sessions/${sessionId}/${kind === 'answer' ? 'answers' : 'events'}`,
    token: `token-of-${sessionId}`.padEnd(32, 'x'),
    body: { n },
  };
}

const ids = (sent: SentRequest[]) => sent.map((item) => item.body['n']);
const networkError = () => Promise.reject(new TypeError('Failed to fetch'));

afterEach(async () => {
  for (const outbox of opened.splice(0)) outbox.close();
  for (const name of databases.splice(0)) await deleteDatabase(name);
});

describe('outbox: sending', () => {
  it('sends in write order, one request at a time per session, with the session token', async () => {
    const database = freshDatabase();
    let release: () => void = () => {};
    const script = scriptedFetch(() => new Promise<Response>((resolve) => (release = () => resolve(json(201, {})))));
    const outbox = await open(database, { fetch: script.fetch });
    await outbox.enqueue([request('a', 1), request('a', 2)]);
    await outbox.enqueue([request('a', 3)]);
    for (let i = 1; i <= 3; i++) {
      await until(() => script.sent.length === i, `request ${i} sent`);
      // The next one waits for this one's answer.
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(script.sent.length).to.equal(i);
      release();
    }
    await until(() => outbox.status.state === 'saved', 'all delivered');
    expect(ids(script.sent)).to.deep.equal([1, 2, 3]);
    expect(script.maxInFlight()).to.equal(1);
    expect(script.sent[0]!.authorization).to.equal(`Bearer ${request('a', 1).token}`);
    expect(await outbox.pending()).to.deep.equal([]);
  });

  it('retries network failures with exponential backoff and jitter, capped at 30 s, then delivers', async () => {
    const database = freshDatabase();
    const timers = new ManualTimers();
    let failures = 7;
    const script = scriptedFetch(() => (failures-- > 0 ? networkError() : json(201, {})));
    const outbox = await open(database, { fetch: script.fetch, timers });
    const statuses: OutboxStatus[] = [];
    outbox.subscribe((status) => statuses.push(status));
    await outbox.enqueue([request('a', 1), request('a', 2, 'event')]);
    for (let attempt = 1; attempt <= 7; attempt++) {
      // The timer is set at once; the status follows after an IndexedDB read.
      await until(() => timers.pending === 1 && outbox.status.state === 'offline', `retry ${attempt} scheduled and shown`);
      expect(outbox.status).to.include({ state: 'offline', pending: 2, pendingAnswers: 1 });
      timers.fireAll();
    }
    await until(() => outbox.status.state === 'saved', 'delivered after the retries');
    // random() = 0.5 takes a quarter off: 1 s, 2 s, 4 s, 8 s, 16 s, then the 30 s cap.
    expect(timers.delays).to.deep.equal([750, 1500, 3000, 6000, 12000, 22500, 22500]);
    expect(ids(script.sent)).to.deep.equal([1, 1, 1, 1, 1, 1, 1, 1, 2]);
    expect(statuses.map((status) => status.state)).to.include.members(['sending', 'offline', 'saved']);
  });

  it('computes the backoff from the attempt and the jitter', () => {
    expect(retryDelay(1, () => 0)).to.equal(500);
    expect(retryDelay(1, () => 0.999999)).to.equal(1000);
    expect(retryDelay(3, () => 0.5)).to.equal(3000);
    expect(retryDelay(50, () => 0.999999)).to.equal(30000);
    expect(retryAfterMs('7', 0)).to.equal(7000);
    expect(retryAfterMs(new Date(60_000).toUTCString(), 0)).to.equal(60_000);
    expect(retryAfterMs('soon', 0)).to.equal(undefined);
    expect(retryAfterMs(null, 0)).to.equal(undefined);
  });

  it('retries 5xx, 408 and 429, obeying Retry-After', async () => {
    const database = freshDatabase();
    const timers = new ManualTimers();
    const answers = [json(503, { error: 'down' }, { 'retry-after': '12' }), json(429, { error: 'rate_limited' }, { 'retry-after': '3' }), json(408, {}), json(201, {})];
    const script = scriptedFetch((_, index) => answers[index]!);
    const outbox = await open(database, { fetch: script.fetch, timers });
    await outbox.enqueue([request('a', 1)]);
    for (let i = 0; i < 3; i++) {
      await until(() => timers.pending === 1, `retry ${i + 1} scheduled`);
      timers.fireAll();
    }
    await until(() => outbox.status.state === 'saved', 'delivered');
    expect(timers.delays).to.deep.equal([12000, 3000, 3000]);
    expect(script.sent.length).to.equal(4);
  });

  it('retries at once when the browser says it is back online', async () => {
    const database = freshDatabase();
    const timers = new ManualTimers();
    let online = false;
    const script = scriptedFetch(() => (online ? json(201, {}) : networkError()));
    const outbox = await open(database, { fetch: script.fetch, timers });
    await outbox.enqueue([request('a', 1)]);
    await until(() => timers.pending === 1, 'retry scheduled');
    online = true;
    window.dispatchEvent(new Event('online'));
    await until(() => outbox.status.state === 'saved', 'delivered on "online"');
    expect(timers.pending).to.equal(0);
    expect(script.sent.length).to.equal(2);
  });

  it('counts the 409s that say "already stored" as delivered', async () => {
    const database = freshDatabase();
    const answers = [json(409, { error: 'questionnaire_already_validated' }), json(409, { error: 'challenge_already_answered' }), json(200, {})];
    const script = scriptedFetch((_, index) => answers[index]!);
    const outbox = await open(database, { fetch: script.fetch });
    await outbox.enqueue([request('a', 1, 'questionnaire'), request('a', 2), request('a', 3)]);
    await until(() => outbox.status.state === 'saved' && script.sent.length === 3, 'delivered');
    expect(await outbox.pending()).to.deep.equal([]);
  });

  it('sets a refused request aside in the "not sent" list, keeps its data, and goes on with the next ones', async () => {
    const database = freshDatabase();
    const script = scriptedFetch((sent) =>
      sent.body['n'] === 2 ? json(409, { error: 'session_finished', message: 'This session is finished.' }) : json(201, {}),
    );
    const outbox = await open(database, { fetch: script.fetch });
    await outbox.enqueue([request('a', 1), request('a', 2), request('a', 3), request('b', 1)]);
    await until(() => outbox.status.state === 'saved' && outbox.status.notSent === 1, 'a-2 set aside, the rest sent');
    const { error } = outbox.status;
    expect(error).to.include({ sessionId: 'a', requestId: 'a-2', status: 409, code: 'session_finished' });
    expect(error!.message).to.contain('This session is finished.').and.to.contain('kept on this device');
    // The queue went on: a-3 was sent after the refusal; nothing waits any more.
    expect(script.sent.filter((item) => item.url.includes('/a/')).map((item) => item.body['n'])).to.deep.equal([1, 2, 3]);
    expect(await outbox.pending()).to.deep.equal([]);
    const notSent = await outbox.notSent();
    expect(notSent.map((item) => [item.id, item.refusal.code])).to.deep.equal([['a-2', 'session_finished']]);
    expect(notSent[0]!.body).to.deep.equal({ n: 2 });
    await outbox.discardNotSent();
    expect(await outbox.notSent()).to.deep.equal([]);
    expect(outbox.status.notSent).to.equal(0);
  });

  it('treats every 4xx but 408 and 429 as a refusal for good (400, 403, 404 session_not_found, 410 session_erased)', async () => {
    const cases = [
      { status: 400, code: 'invalid_request' },
      { status: 403, code: 'forbidden' },
      { status: 404, code: 'session_not_found' },
      { status: 410, code: 'session_erased' },
    ];
    for (const { status, code } of cases) {
      const database = freshDatabase();
      const script = scriptedFetch((sent) => (sent.body['n'] === 1 ? json(status, { error: code }) : json(201, {})));
      const outbox = await open(database, { fetch: script.fetch });
      await outbox.enqueue([request('a', 1), request('a', 2)]);
      await until(() => outbox.status.notSent === 1 && outbox.status.state === 'saved', `set aside on ${status}`);
      expect(outbox.status.error).to.include({ status, code });
      expect(script.sent.map((item) => item.body['n'])).to.deep.equal([1, 2]);
      outbox.close();
    }
  });

  it('treats a 5xx answered to the same request N times in a row as a refusal for good, then goes on', async () => {
    const database = freshDatabase();
    const timers = new ManualTimers();
    const script = scriptedFetch((sent) => (sent.body['n'] === 1 ? json(500, { error: 'internal_error' }) : json(201, {})));
    const outbox = await open(database, { fetch: script.fetch, timers, maxServerFailures: 3 });
    await outbox.enqueue([request('a', 1), request('a', 2)]);
    for (let i = 0; i < 2; i++) {
      await until(() => timers.pending === 1, `retry ${i + 1} scheduled`);
      expect(outbox.status.notSent).to.equal(0);
      timers.fireAll();
    }
    await until(() => outbox.status.state === 'saved' && outbox.status.notSent === 1, 'set aside after 3 failures');
    expect(script.sent.map((item) => item.body['n'])).to.deep.equal([1, 1, 1, 2]);
    expect(outbox.status.error).to.include({ status: 500, code: 'internal_error', requestId: 'a-1' });
  });

  it('sanitises every string of a request before it is written (no U+0000, no lone surrogate)', async () => {
    const database = freshDatabase();
    const script = scriptedFetch(() => json(201, {}));
    const outbox = await open(database, { fetch: script.fetch });
    await outbox.enqueue([{ ...request('a', 1), body: { answer: { naissance: '05/03/1958\u0000', note: 'x\uD800' } } }]);
    await until(() => outbox.status.state === 'saved' && script.sent.length === 1, 'sent');
    expect(script.sent[0]!.body).to.deep.equal({ answer: { naissance: '05/03/1958', note: 'x\uFFFD' } });
  });

  it('survives a page reload: a new outbox on the same database sends what the first one left', async () => {
    const database = freshDatabase();
    const offline = scriptedFetch(() => networkError());
    const first = await open(database, { fetch: offline.fetch, timers: new ManualTimers() });
    await first.enqueue([request('a', 1), request('a', 2), request('b', 1)]);
    await first.enqueue([request('a', 3)]);
    await until(() => first.status.state === 'offline', 'offline');
    first.close();
    const online = scriptedFetch(() => json(201, {}));
    const second = await open(database, { fetch: online.fetch });
    await until(() => second.status.state === 'saved', 'sent after the reload');
    expect(online.sent.filter((item) => item.url.includes('/a/')).map((item) => item.body['n'])).to.deep.equal([1, 2, 3]);
    expect(online.sent.filter((item) => item.url.includes('/b/')).length).to.equal(1);
  });
});

describe('outbox: per endpoint and per session (docs/outbox.md)', () => {
  it('keeps one queue per collector and per session: an unreachable collector holds back no other queue, even of the same session id', async () => {
    const database = freshDatabase();
    const down = 'https://down.test';
    const up = 'https://up.test';
    const script = scriptedFetch((sent) => (sent.url.startsWith(down) ? networkError() : json(201, {})));
    const outbox = await open(database, { fetch: script.fetch, timers: new ManualTimers() });
    await outbox.enqueue([request('a', 1, 'answer', down), request('a', 2, 'answer', down)]);
    await outbox.enqueue([request('a', 3, 'answer', up), request('b', 4, 'answer', up)]);
    await until(async () => outbox.status.state === 'offline' && (await outbox.pending()).length === 2, 'the reachable collector has its requests');
    expect(ids(script.sent.filter((sent) => sent.url.startsWith(up)))).to.deep.equal([3, 4]);
    // The unreachable collector was asked for its first request only, and keeps both, in order.
    expect(ids(script.sent.filter((sent) => sent.url.startsWith(down)))).to.deep.equal([1]);
    expect((await outbox.pending()).map((item) => [item.endpoint, item.body['n']])).to.deep.equal([
      [down, 1],
      [down, 2],
    ]);
  });

  it('writes each collector one way: absolute, without trailing slashes', () => {
    const cases: [string, string, string][] = [
      ['https://collecte.example.fr/', 'https://site.example.fr/', 'https://collecte.example.fr'],
      ['https://collecte.example.fr', 'https://site.example.fr/', 'https://collecte.example.fr'],
      ['/collector//', 'https://site.example.fr/enquete/', 'https://site.example.fr/collector'],
      ['collector', 'https://site.example.fr/enquete/', 'https://site.example.fr/enquete/collector'],
    ];
    for (const [endpoint, page, expected] of cases) expect(collectorEndpoint(endpoint, page), endpoint).to.equal(expected);
  });

  it('offers a saved session only to a page of the collector it was created against', async () => {
    const database = freshDatabase();
    const script = scriptedFetch(() => json(201, {}));
    const outbox = await open(database, { fetch: script.fetch });
    const definition = await observatoire2025();
    const host = document.createElement('div');
    const first = await openRecordedSession(host, definition, { endpoint: 'https://a.test/collector', outbox });
    first.dispatch({ type: 'start', consent: true });
    const wanted = { surveyId: definition.id, contentVersion: definition.version };
    await until(async () => (await findUnfinished(outbox.db, { ...wanted, endpoint: 'https://a.test/collector' })) !== undefined, 'the session is saved');
    expect(await findUnfinished(outbox.db, { ...wanted, endpoint: 'https://b.test/collector' })).to.equal(undefined);

    const asked: string[] = [];
    const chooseResume = (name: string, choice: 'resume' | 'new') => async () => (asked.push(name), choice);
    // Another collector: nothing is offered, a new session starts, the saved one stays for its own collector.
    const other = await openRecordedSession(host, definition, { endpoint: 'https://b.test/collector', outbox, chooseResume: chooseResume('b', 'resume') });
    expect(asked).to.deep.equal([]);
    expect(other.state.sessionId).not.to.equal(first.state.sessionId);
    expect(other.state.phase).to.equal('information');
    // The same collector, written with a trailing slash: offered, and resumed where it was.
    const again = await openRecordedSession(host, definition, { endpoint: 'https://a.test/collector/', outbox, chooseResume: chooseResume('a', 'resume') });
    expect(asked).to.deep.equal(['a']);
    expect(again.state.sessionId).to.equal(first.state.sessionId);
    expect(again.state.phase).to.equal('questionnaire');
    await until(() => outbox.status.state === 'saved', 'everything delivered');
    expect(script.sent.every((sent) => sent.url.startsWith('https://a.test/collector/v1/'))).to.equal(true);
  });
});

describe('outbox: the sending code loaded after the first screen (docs/loading.md)', () => {
  it('sends what the session did before the recorder was in, in order, and offers it for resuming then', async () => {
    const database = freshDatabase();
    const script = scriptedFetch(() => json(201, {}));
    const definition = await observatoire2025();
    const host = document.createElement('div');
    const endpoint = 'https://a.test/collector';
    // Nothing saved on this device: no dialog to show, the first screen comes first.
    expect(await mayResume(endpoint, definition, database)).to.equal(false);
    const session = createSurveySession(definition);
    let told = 0;
    const early = keepEarlyActions(session, () => told++);
    session.dispatch({ type: 'start', consent: true });
    fillQuestionnaire(session);
    session.dispatch({ type: 'review' });
    session.dispatch({ type: 'validateQuestionnaire' });
    expect(told).to.be.greaterThan(0);
    const outbox = await open(database, { fetch: script.fetch });
    await recordOpenedSession(host, session, early, { endpoint, outbox, externalRef: 'coop:9' });
    await until(() => script.sent.length >= 2 && outbox.status.state === 'saved', 'everything delivered');
    const kinds = script.sent.map((sent) => `${sent.method} ${sent.url.replace(`${endpoint}/v1/sessions`, '').split('/').slice(2).join('/') || 'session'}`);
    expect(kinds.slice(0, 2)).to.deep.equal(['POST session', 'PUT questionnaire']);
    expect(script.sent[0]!.body).to.include({ externalRef: 'coop:9', followUpCode: linksOf(session)!.followUpCode });
    expect(script.sent.every((sent) => sent.url.startsWith(`${endpoint}/v1/`))).to.equal(true);
    // Saved: a page opened now must show the resume dialog first.
    await until(() => mayResume(endpoint, definition, database), 'the session is saved');
    expect(await mayResume('https://b.test/collector', definition, database)).to.equal(false);
  });
});

describe('outbox: a session\'s links (docs/elements.md, "Linking a session")', () => {
  it('a new session is created with its reference and a new follow-up code; resumed, it keeps both', async () => {
    const database = freshDatabase();
    const script = scriptedFetch(() => json(201, {}));
    const outbox = await open(database, { fetch: script.fetch });
    const definition = await observatoire2025();
    const host = document.createElement('div');
    const first = await openRecordedSession(host, definition, { endpoint: 'https://a.test/collector', outbox, externalRef: 'coop:7' });
    const links = linksOf(first)!;
    expect(links.externalRef).to.equal('coop:7');
    expect(checkFollowUpCode(links.followUpCode!).ok).to.equal(true);
    first.dispatch({ type: 'start', consent: true });
    await until(() => script.sent.length === 1, 'the session is created');
    expect(script.sent[0]!.body).to.include({ externalRef: 'coop:7', followUpCode: links.followUpCode });
    // Reopened by a page with other values: the unfinished session is resumed with its own.
    const again = await openRecordedSession(host, definition, {
      endpoint: 'https://a.test/collector', outbox, externalRef: 'coop:8', followUpCode: 'AAAA-AAAA', chooseResume: async () => 'resume',
    });
    expect(again.state.sessionId).to.equal(first.state.sessionId);
    expect(linksOf(again)).to.deep.equal(links);
    await forgetSession(outbox.db, again.state.sessionId);
  });
});

describe('outbox: requests for each session event', () => {
  const target: SessionTarget = { endpoint: 'https://collecte.test/', token: 't'.repeat(43), lang: 'fr', device: 'tablet', organisation: 'ORG-1' };

  async function run(play: (session: ReturnType<typeof createSurveySession>) => void): Promise<OutboxRequest[]> {
    let now = Date.UTC(2025, 10, 25, 9, 0, 0);
    const session = createSurveySession(await observatoire2025(), { seed: 'outbox-test', clock: () => (now += 1000) });
    const requests: OutboxRequest[] = [];
    let previous: SessionState = session.state;
    session.subscribe((state, event) => {
      requests.push(...requestsFor(previous, state, event, target));
      previous = state;
    });
    play(session);
    return requests;
  }

  it('maps a whole survey to one create, one questionnaire, one answer per challenge and the protocol events', async () => {
    const requests = await run((session) => {
      session.dispatch({ type: 'start', consent: true });
      fillQuestionnaire(session);
      session.dispatch({ type: 'review' });
      session.dispatch({ type: 'validateQuestionnaire' });
      session.dispatch({ type: 'continue' });
      const challenge = (id: string) => session.definition.challenges.find((c) => c.id === id)!;
      while (session.state.phase !== 'finished') {
        if (session.state.phase === 'endOfCourse') {
          session.dispatch({ type: 'continue' });
          continue;
        }
        const current = session.state.current!;
        if (session.state.courseIndex === 1 && current.index === 2) session.dispatch({ type: 'skipRemaining' });
        else if (current.index === 1) session.dispatch({ type: 'skipChallenge', challengeId: current.challengeId });
        else session.dispatch({ type: 'answerChallenge', challengeId: current.challengeId, answer: rightAnswer(challenge(current.challengeId)) });
      }
    });
    const sessionId = requests[0]!.sessionId;
    expect(requests[0]).to.deep.include({ kind: 'session', id: sessionId, method: 'POST', url: 'https://collecte.test/v1/sessions' });
    expect(requests[0]!.body).to.deep.include({ surveyId: 'observatoire-2025', organisation: 'ORG-1', device: 'tablet', lang: 'fr', sessionId, token: target.token });
    expect(requests[1]).to.deep.include({ kind: 'questionnaire', method: 'PUT', url: `https://collecte.test/v1/sessions/${sessionId}/questionnaire` });
    expect(requests[1]!.body).to.have.keys('answers', 'filledByMediator', 'validatedAt');
    const answers = requests.filter((r) => r.kind === 'answer');
    // 3 + 7 + 5 challenges, each exactly once, each with its own id.
    expect(answers.map((r) => r.body['challengeId'])).to.deep.equal(session2025Challenges);
    expect(new Set(answers.map((r) => r.id)).size).to.equal(15);
    expect(answers.every((r) => r.body['answerId'] === r.id)).to.equal(true);
    const skipped = answers.filter((r) => r.body['skippedRemaining'] === true);
    expect(skipped.map((r) => r.body['challengeId'])).to.deep.equal(['messagerie-piece-jointe', 'formulaire-date', 'service-public-horaires', 'code-sms', 'telecharger-document']);
    expect(skipped.every((r) => r.body['answer'] === null && r.body['actor'] === 'mediator')).to.equal(true);
    const events = requests.filter((r) => r.kind === 'event').map((r) => [r.body['type'], r.body['courseId'] ?? null]);
    expect(events).to.deep.equal([
      ['course_end', 'manipulation'],
      ['continue', 'manipulation'],
      ['skip_remaining', 'bases'],
      ['course_end', 'bases'],
      ['continue', 'bases'],
      ['course_end', 'culture'],
      ['finished', null],
    ]);
    expect(new Set(requests.map((r) => r.id)).size).to.equal(requests.length);
    expect(requests.every((r) => /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/.test(r.id))).to.equal(true);
  });

  it('records an interruption then a resume, and a quit with its course', async () => {
    const requests = await run((session) => {
      session.dispatch({ type: 'start', consent: true });
      fillQuestionnaire(session);
      session.dispatch({ type: 'review' });
      session.dispatch({ type: 'validateQuestionnaire' });
      session.dispatch({ type: 'continue' });
      session.dispatch({ type: 'skipRemaining' });
      session.dispatch({ type: 'resume' });
      session.dispatch({ type: 'quit' });
    });
    const events = requests.filter((r) => r.kind === 'event');
    expect(events.map((r) => r.body['type'])).to.deep.equal(['skip_remaining', 'course_end', 'interruption', 'resume', 'quit']);
    const [interruption, resume] = [events[2]!, events[3]!];
    expect(interruption.id).to.equal(`${resume.id}:interruption`);
    expect(interruption.body['at'] as number).to.be.below(resume.body['at'] as number);
    expect(events[4]!.body['courseId']).to.equal('manipulation');
  });

  it('creates a paper form’s session with its channel and date, sends the prefilled ids kept, then ends it: no course', async () => {
    const requests = await run((session) => {
      session.dispatch({ type: 'start', consent: true, channel: 'paper', paperDate: '2025-11-20', actor: 'mediator' });
      session.dispatch({ type: 'prefill', answers: { genre: 'masculin', connexion_domicile: 'oui' } });
      fillQuestionnaire(session);
      session.dispatch({ type: 'review' });
      session.dispatch({ type: 'validateQuestionnaire' });
    });
    expect(requests.map((r) => r.kind)).to.deep.equal(['session', 'questionnaire', 'event']);
    expect(requests[0]!.body).to.deep.include({ channel: 'paper', paperDate: '2025-11-20' });
    // fillQuestionnaire answers each question with its first option: `genre` changed, `connexion_domicile` kept.
    expect(requests[1]!.body['prefilled']).to.deep.equal(['connexion_domicile']);
    expect(requests[2]!.body).to.deep.include({ type: 'finished' });
  });

  it('asks nothing of the collector before "start" nor for questionnaire edits', async () => {
    const requests = await run((session) => {
      session.dispatch({ type: 'resume' });
      session.dispatch({ type: 'start', consent: true });
      session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'feminin' });
      session.dispatch({ type: 'setFilledByMediator', value: true });
    });
    expect(requests.map((r) => r.kind)).to.deep.equal(['session']);
  });
});

const session2025Challenges = [
  'cliquer-bouton',
  'ecrire-mot',
  'glisser-photo',
  'navigateur-adresse',
  'navigateur-onglet',
  'messagerie-piece-jointe',
  'formulaire-date',
  'service-public-horaires',
  'code-sms',
  'telecharger-document',
  'navigateur-ou-moteur',
  'gratuit-publicite',
  'indices-fiabilite',
  'fil-actualite',
  'reponse-ia',
];

describe('<obs-sync-status>', () => {
  it('says "Enregistré", then "En attente de réseau (n réponses)" with a button to retry now; axe clean', async () => {
    const database = freshDatabase();
    const timers = new ManualTimers();
    let mode: 'offline' | 'refuse' | 'ok' = 'offline';
    const script = scriptedFetch(() => (mode === 'offline' ? networkError() : mode === 'refuse' ? json(400, { error: 'invalid_request', message: 'answer: bad' }) : json(201, {})));
    const outbox = await open(database, { fetch: script.fetch, timers });
    const el = await fixture<ObsSyncStatus>(html`<obs-sync-status .outbox=${outbox}></obs-sync-status>`);
    const line = () => el.shadowRoot!.querySelector('[role="status"]')!;
    expect(line().getAttribute('aria-live')).to.equal('polite');
    await until(() => line().textContent!.trim() === 'Enregistré', 'saved');
    await expect(el).to.be.accessible();

    await outbox.enqueue([request('a', 1), request('a', 2), request('a', 3, 'event')]);
    await until(() => line().textContent!.trim() === 'En attente de réseau (2 réponses)', 'offline with the count');
    await expect(el).to.be.accessible();

    el.lang = 'en';
    await until(() => line().textContent!.trim() === 'Waiting for the network (2 answers)', 'English');
    el.lang = 'fr';
    await el.updateComplete;

    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    expect(retry.textContent!.trim()).to.equal('Réessayer l’envoi');
    const box = retry.getBoundingClientRect();
    expect(box.height).to.be.at.least(44);
    expect(box.width).to.be.at.least(44);

    mode = 'ok';
    retry.click();
    await until(() => line().textContent!.trim() === 'Enregistré', 'saved after retry');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('shows the refused requests to the mediator, exports them as a JSON file, and discards them after a confirmation; axe clean', async () => {
    const database = freshDatabase();
    const script = scriptedFetch((sent) => (sent.body['n'] === 2 ? json(410, { error: 'session_erased', message: 'Erased.' }) : json(201, {})));
    const outbox = await open(database, { fetch: script.fetch });
    const el = await fixture<ObsSyncStatus>(html`<obs-sync-status .outbox=${outbox}></obs-sync-status>`);
    const part = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
    const button = (name: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name);
    await outbox.enqueue([request('a', 1), request('a', 2), request('a', 3)]);
    await until(() => part('not-sent') !== null, 'the refused request is shown');
    expect(part('not-sent')!.textContent).to.contain('1 envoi refusé par le serveur. Il reste sur cet appareil.');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('Enregistré');
    await expect(el).to.be.accessible();

    // Export: the file holds the refused request with its refusal.
    const clicked: HTMLAnchorElement[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      button('Exporter les envois refusés')!.click();
      await until(() => clicked.length === 1, 'download offered');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(clicked[0]!.download).to.match(/^observatoire-non-envoyes-\d{4}-\d{2}-\d{2}\.json$/);
    const file = (await (await fetch(clicked[0]!.href)).json()) as { notSent: Array<{ id: string; refusal: { code: string } }> };
    expect(file.notSent.map((item) => [item.id, item.refusal.code])).to.deep.equal([['a-2', 'session_erased']]);

    // Discard asks first; "Non, garder" keeps the data.
    button('Effacer les envois refusés')!.click();
    await until(() => button('Oui, effacer') !== undefined, 'the question');
    expect(el.shadowRoot!.activeElement!.textContent).to.equal('Effacer pour toujours les envois refusés de cet appareil\u00a0?');
    await expect(el).to.be.accessible();
    button('Non, garder')!.click();
    await until(() => button('Effacer les envois refusés') !== undefined, 'back');
    expect((await outbox.notSent()).length).to.equal(1);

    button('Effacer les envois refusés')!.click();
    await until(() => button('Oui, effacer') !== undefined, 'the question again');
    button('Oui, effacer')!.click();
    await until(() => part('not-sent') === null, 'discarded');
    expect(await outbox.notSent()).to.deep.equal([]);

    el.lang = 'en';
    await outbox.enqueue([request('b', 2)]);
    await until(() => part('not-sent') !== null, 'refused again');
    expect(part('not-sent')!.textContent).to.contain('1 request refused by the server. It stays on this device.');
  });
});
