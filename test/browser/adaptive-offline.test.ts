/**
 * The adaptive test with a collector, end to end in the browser: `<obs-adaptive-test endpoint>` →
 * outbox (IndexedDB) → msw → the collector's own routes over an in-memory store, which re-run the
 * test → the adaptive export. The network is cut with msw (`HttpResponse.error()`), as in offline.test.ts.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMockHandlers } from '@observatoire/collector/mock';
import type { ChallengeAnswer } from '@observatoire/core';
import { parseAdaptiveBank, type AdaptiveBank, type BankItem } from '@observatoire/core/adaptive';
import { getResponse, http, HttpResponse } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import '../../packages/elements/src/adaptive-test/obs-adaptive-test.define.js';
import type { ObsAdaptiveTest } from '../../packages/elements/src/adaptive-test/obs-adaptive-test.js';
import { deleteDatabase, DEFAULT_DATABASE } from '../../packages/elements/src/outbox/idb.js';
import type { Outbox } from '../../packages/elements/src/outbox/outbox.js';
import { sharedOutbox } from '../../packages/elements/src/outbox/recorder.js';
import { until } from '../../packages/elements/src/outbox/test-helpers.js';

const ENDPOINT = '/collector';
const ADMIN = 'observatoire-mock-admin';

let worker: SetupWorker;
let handlers: ReturnType<typeof createMockHandlers>;
let bank: AdaptiveBank;
let outbox: Outbox;

before(async () => {
  await deleteDatabase(DEFAULT_DATABASE);
  bank = parseAdaptiveBank(await (await fetch('/packages/content/adaptive/bank-2026.json')).json());
  handlers = createMockHandlers({ endpoint: ENDPOINT, definitions: [], banks: [bank] });
  worker = setupWorker(...handlers);
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  outbox = await sharedOutbox();
});

after(() => {
  worker.stop();
});

afterEach(async () => {
  worker.resetHandlers();
  window.dispatchEvent(new Event('online'));
  await delivered('the outbox is empty after the test');
});

async function delivered(what: string): Promise<void> {
  await until(async () => (await outbox.pending()).length === 0 && outbox.status.state === 'saved', what, 10_000);
}

/** The collector's adaptive export, read from the handlers directly (it works while the page is "offline"). */
async function exportRow(sessionId: string): Promise<Record<string, string> | undefined> {
  const request = new Request(new URL(`${ENDPOINT}/v1/export/adaptive?format=json`, location.href), { headers: { authorization: `Bearer ${ADMIN}` } });
  const response = await getResponse(handlers, request);
  expect(response?.status).to.equal(200);
  return ((await response!.json()) as Record<string, string>[]).find((row) => row['session_id'] === sessionId);
}

function rightAnswer(item: BankItem): ChallengeAnswer {
  const c = item.challenge;
  if (c.type === 'QCU') return String(c.solution);
  if (c.type === 'QROC') return c.solution[0] as string;
  throw new Error(`${c.id}: no right answer known for type ${c.type}`);
}

/** What the nested player sends when the person answers the item on screen (right, or a skip). */
function answerCurrent(el: ObsAdaptiveTest, right = true): void {
  const session = el.session!;
  const itemId = session.state.current!.itemId;
  const item = bank.items.find((i) => i.challenge.id === itemId)!;
  session.dispatch(right ? { type: 'answerItem', itemId, answer: rightAnswer(item) } : { type: 'skipItem', itemId });
}

describe('<obs-adaptive-test endpoint>: answers reach the collector through the outbox', () => {
  it('the network drops mid-test; once back, the collector holds each answer once, its own verdicts and the final estimate', async () => {
    const el = await fixture<ObsAdaptiveTest>(
      html`<obs-adaptive-test .bank=${bank} .config=${{ stopping: { maxItems: 6 } }} seed=${`reseau-${Date.now()}`} endpoint=${ENDPOINT} organisation="ORG-TEST"></obs-adaptive-test>`,
    );
    await el.updateComplete;
    const sessionId = el.session!.state.sessionId;
    answerCurrent(el);
    answerCurrent(el, false);
    await delivered('the online part is delivered');
    expect((await exportRow(sessionId))?.['items']).to.equal('2');

    // The collector stores the next answer but its response is lost; then the network is gone.
    worker.use(
      http.post(`${ENDPOINT}/v1/adaptive-sessions/:id/answers`, async ({ request }) => {
        await getResponse(handlers, request);
        return HttpResponse.error();
      }),
    );
    answerCurrent(el);
    await until(() => outbox.status.state === 'offline', 'the lost response is retried');
    worker.resetHandlers();
    worker.use(http.all(`${ENDPOINT}/*`, () => HttpResponse.error()));
    while (el.session!.state.phase !== 'finished') answerCurrent(el);
    // The test never waited for the network; the profile is on screen.
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#profile-heading')).to.exist;
    // The status follows IndexedDB reads: wait for it to show the four answers waiting.
    await until(() => outbox.status.state === 'offline' && outbox.status.pendingAnswers === 4, 'four answers wait on the device');
    expect((await exportRow(sessionId))?.['items']).to.equal('3');

    worker.resetHandlers();
    window.dispatchEvent(new Event('online'));
    await delivered('everything delivered');

    const state = el.session!.state;
    const row = (await exportRow(sessionId))!;
    expect(row).to.include({ organisation: 'ORG-TEST', items: '6', end_reason: 'completed', stop_reason: 'length', lang: 'fr' });
    for (const response of state.responses) expect(row[`ch_${response.itemId}`], response.itemId).to.equal(response.status);
    expect(state.responses.map((r) => r.status)).to.deep.equal(['ok', 'aband', 'ok', 'ok', 'ok', 'ok']);
    expect(Math.abs(Number(row['theta']) - state.estimate.theta)).to.be.below(1e-4);
    expect(Math.abs(Number(row['se']) - state.estimate.se)).to.be.below(1e-4);
    expect(outbox.status.notSent).to.equal(0);
  });

  it('a test the mediator stops is recorded as stopped', async () => {
    const el = await fixture<ObsAdaptiveTest>(html`<obs-adaptive-test .bank=${bank} seed=${`arret-${Date.now()}`} endpoint=${ENDPOINT} mediator></obs-adaptive-test>`);
    await el.updateComplete;
    answerCurrent(el);
    el.session!.dispatch({ type: 'stop' });
    await delivered('delivered');
    expect(await exportRow(el.session!.state.sessionId)).to.include({ items: '1', end_reason: 'stopped', stop_reason: 'stopped' });
  });
});
