import { expect } from '@open-wc/testing';
import { createSurveySession } from '@observatoire/core';
import { deleteDatabase } from './idb.js';
import { recordWhenLoaded, type EarlyActions } from './early.js';
import { Outbox } from './outbox.js';
import { linksOf, recordOpenedSession } from './recorder.js';
import { fillQuestionnaire, json, observatoire2025, rightAnswer, scriptedFetch, until } from './test-helpers.js';

const database = `observatoire-early-test-${Date.now()}`;
let outbox: Outbox | undefined;

after(async () => {
  outbox?.close();
  await deleteDatabase(database);
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('recordWhenLoaded: the outbox\'s code lost after the first screen (docs/loading.md)', () => {
  it('is tried again at the next action, not before; every action reaches the collector once, in order', async () => {
    const script = scriptedFetch(() => json(201, {}));
    outbox = await Outbox.open({ database, fetch: script.fetch, random: () => 0.5 });
    const definition = await observatoire2025();
    const host = document.createElement('div');
    const endpoint = 'https://a.test/collector';
    const session = createSurveySession(definition);
    // The network is cut after the first screen: the first two fetches of the code fail.
    let loads = 0;
    const load = async () => {
      loads += 1;
      if (loads <= 2) throw new TypeError('Failed to fetch dynamically imported module');
      return { recordOpenedSession };
    };
    const take = (recorder: { recordOpenedSession: typeof recordOpenedSession }, early: EarlyActions) =>
      recorder.recordOpenedSession(host, session, early, { endpoint, outbox, followUpCode: 'K7QM-3RXP' });
    const recorder = recordWhenLoaded(session, load, take);
    await settle();
    expect(loads, 'fetched at once').to.equal(1);
    await settle();
    expect(loads, 'not again until an action').to.equal(1);

    session.dispatch({ type: 'start', consent: true });
    await settle();
    expect(loads, 'tried again at "Commencer", failed again').to.equal(2);
    fillQuestionnaire(session);
    session.dispatch({ type: 'review' });
    session.dispatch({ type: 'validateQuestionnaire' });
    await recorder;
    expect(loads, 'in at the third try').to.equal(3);
    expect(linksOf(session)!.followUpCode, 'the links given before it was in').to.equal('K7QM-3RXP');
    // The next actions go straight to the recorder, after the kept ones.
    session.dispatch({ type: 'continue' });
    const current = session.state.current!;
    session.dispatch({ type: 'answerChallenge', challengeId: current.challengeId, answer: rightAnswer(definition.challenges.find((c) => c.id === current.challengeId)!) });

    await until(() => script.sent.length >= 3 && outbox!.status.state === 'saved' && outbox!.status.pending === 0, 'everything delivered');
    const kinds = script.sent.map((sent) => `${sent.method} ${sent.url.replace(`${endpoint}/v1/sessions`, '').split('/').slice(2).join('/') || 'session'}`);
    expect(kinds).to.deep.equal(['POST session', 'PUT questionnaire', 'POST answers']);
    expect(script.sent[0]!.body).to.include({ sessionId: session.state.sessionId, followUpCode: 'K7QM-3RXP' });
    expect(script.sent[1]!.body['answers']).to.deep.equal(session.state.questionnaire.answers);
  });
});
