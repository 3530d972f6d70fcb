/**
 * A refused request never blocks the next person (docs/outbox.md): the collector erases a session in the
 * middle of the survey, its next answer is refused for good (410 `session_erased`) and set aside; the next
 * person starts and sends normally, with a U+0000 in a text answer that reaches the collector clean; the
 * mediator sees the refused request and exports it. `<obs-survey endpoint>` → outbox → msw → the collector's
 * own routes over an in-memory store.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMockHandlers } from '@observatoire/collector/mock';
import type { SurveyDefinition } from '@observatoire/core';
import { setupWorker, type SetupWorker } from 'msw/browser';
import '../../packages/elements/src/index.js';
import { deleteDatabase, DEFAULT_DATABASE } from '../../packages/elements/src/outbox/idb.js';
import type { ObsSyncStatus } from '../../packages/elements/src/outbox/obs-sync-status.js';
import type { Outbox } from '../../packages/elements/src/outbox/outbox.js';
import { sharedOutbox } from '../../packages/elements/src/outbox/recorder.js';
import { fillQuestionnaire, observatoire2025, rightAnswer, until } from '../../packages/elements/src/outbox/test-helpers.js';
import type { ObsSurvey } from '../../packages/elements/src/survey/obs-survey.js';

const ENDPOINT = '/collector';
const DEFINITION_URL = '/packages/content/surveys/observatoire-2025.json';
const ADMIN = 'observatoire-mock-admin';

let worker: SetupWorker;
let definition: SurveyDefinition;
let outbox: Outbox;
const tokens = new Map<string, string>();
/** Every answer the collector answered: the body it got and its status. */
const answers: Array<{ url: string; body: { challengeId: string; answer: unknown }; status: number }> = [];

before(async () => {
  await deleteDatabase(DEFAULT_DATABASE);
  definition = await observatoire2025();
  worker = setupWorker(...createMockHandlers({ endpoint: ENDPOINT, definitions: [definition] }));
  worker.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname === `${ENDPOINT}/v1/sessions`)
      void request
        .clone()
        .json()
        .then((body: { sessionId: string; token: string }) => tokens.set(body.sessionId, body.token));
  });
  worker.events.on('response:mocked', ({ request, response }) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/answers'))
      void request
        .clone()
        .json()
        .then((body: { challengeId: string; answer: unknown }) => answers.push({ url: request.url, body, status: response.status }));
  });
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  outbox = await sharedOutbox();
});

after(async () => {
  worker.stop();
  await outbox.discardNotSent();
});

async function openSurvey(): Promise<ObsSurvey> {
  const survey = await fixture<ObsSurvey>(html`<obs-survey definition=${DEFINITION_URL} endpoint=${ENDPOINT} organisation="ORG-TEST"></obs-survey>`);
  survey.mediator = true;
  await until(() => survey.session !== undefined || survey.shadowRoot?.querySelector('obs-resume-dialog') !== null, 'the survey is ready');
  await survey.updateComplete;
  return survey;
}

async function startAsAPerson(survey: ObsSurvey): Promise<void> {
  await until(() => survey.session !== undefined, 'the survey has its session');
  await survey.updateComplete;
  const root = survey.shadowRoot!;
  root.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
  [...root.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Commencer')!.click();
  await until(() => survey.session!.state.phase === 'questionnaire', 'questionnaire shown');
  const session = survey.session!;
  fillQuestionnaire(session);
  session.dispatch({ type: 'review' });
  session.dispatch({ type: 'validateQuestionnaire' });
  session.dispatch({ type: 'continue' });
}

/** The mediator's sync status, shown once the outbox's code is in. */
async function waitForStatus(survey: ObsSurvey): Promise<ObsSyncStatus | null> {
  await until(() => survey.shadowRoot!.querySelector('obs-sync-status') !== null, 'the sync status is shown');
  return survey.shadowRoot!.querySelector<ObsSyncStatus>('obs-sync-status');
}

function answerCurrent(survey: ObsSurvey, answer?: Record<string, string>): void {
  const session = survey.session!;
  const current = session.state.current!;
  const challenge = definition.challenges.find((c) => c.id === current.challengeId)!;
  session.dispatch({ type: 'answerChallenge', challengeId: current.challengeId, answer: answer ?? rightAnswer(challenge) });
}

/**
 * Wait until the collector has taken `count` answers of the session. The outbox being empty says
 * nothing here: the outbox's code may still be on its way, the actions kept in memory until then
 * (docs/loading.md, "The outbox after the first screen").
 */
async function delivered(sessionId: string, count: number, what: string): Promise<void> {
  await until(() => answers.filter((a) => a.url.includes(sessionId) && a.status === 201).length === count, what, 10_000);
}

describe('a refused request never blocks the next person', () => {
  it('sets the refused answer aside, lets the next person send normally (a U+0000 arrives clean, 201), and the mediator exports the refused answer', async () => {
    const first = await openSurvey();
    await startAsAPerson(first);
    answerCurrent(first);
    const erased = first.session!.state.sessionId;
    await delivered(erased, 1, 'the first answer is delivered');

    // The session is erased on the collector (a request to erase, or a database reset) while the person goes on.
    const erasure = await fetch(`${ENDPOINT}/v1/sessions/${erased}`, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN}` } });
    expect(erasure.status).to.equal(204);
    answerCurrent(first);
    await until(() => outbox.status.notSent === 1 && outbox.status.state === 'saved', 'the refused answer is set aside');
    expect(outbox.status.error).to.include({ sessionId: erased, status: 410, code: 'session_erased' });
    first.remove();

    // The next person: the mediator starts for another person.
    const next = await openSurvey();
    const dialog = next.shadowRoot!.querySelector('obs-resume-dialog');
    if (dialog) [...dialog.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Commencer pour une autre personne')!.click();
    await startAsAPerson(next);
    const sessionId = next.session!.state.sessionId;
    expect(sessionId).to.not.equal(erased);
    answerCurrent(next);
    expect(next.session!.state.current!.challengeId).to.equal('ecrire-mot');
    answerCurrent(next, { typed: '12\u000034' });
    await delivered(sessionId, 2, 'the next person’s answers are delivered');

    const typed = answers.find((a) => a.url.includes(sessionId) && a.body.challengeId === 'ecrire-mot')!;
    expect(typed.status).to.equal(201);
    expect(typed.body.answer).to.deep.equal({ typed: '1234' });
    const results = await fetch(`${ENDPOINT}/v1/sessions/${sessionId}/results`, { headers: { authorization: `Bearer ${tokens.get(sessionId)}` } });
    const stored = (await results.json()) as { answers: Array<{ challengeId: string; status: string }> };
    expect(stored.answers.map((a) => [a.challengeId, a.status])).to.deep.equal([
      ['cliquer-bouton', 'ok'],
      ['ecrire-mot', 'ok'],
    ]);

    // The mediator sees the refused answer below the survey, and exports it.
    const status = (await waitForStatus(next))!;
    await until(() => status.shadowRoot?.querySelector('[part="not-sent"]') != null, 'the mediator sees it');
    expect(status.shadowRoot!.querySelector('[part="not-sent"]')!.textContent).to.contain('1 envoi refusé par le serveur');
    await expect(status).to.be.accessible();
    const clicked: HTMLAnchorElement[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      [...status.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Exporter les envois refusés')!.click();
      await until(() => clicked.length === 1, 'the file is offered');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    const file = (await (await fetch(clicked[0]!.href)).json()) as { notSent: Array<{ sessionId: string; kind: string; refusal: { code: string } }> };
    expect(file.notSent.map((item) => [item.sessionId, item.kind, item.refusal.code])).to.deep.equal([[erased, 'answer', 'session_erased']]);
  });
});
