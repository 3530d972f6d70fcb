/**
 * With a collector and nothing to resume, the script-tag bundle draws the information screen
 * before it asks for the outbox's sending code (docs/loading.md, "The outbox after the first
 * screen"): that file is held back by a route here while the person starts and fills the
 * questionnaire; once it is in, every action made meanwhile reaches the collector, in order, once.
 * `examples/csp` (one `<script>`, `default-src 'self'`) with `endpoint`; msw serves the collector.
 */
import { expect } from '@open-wc/testing';
import { createMockHandlers } from '@observatoire/collector/mock';
import { http, HttpResponse, passthrough } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { deleteDatabase, DEFAULT_DATABASE } from '../../packages/elements/src/outbox/idb.js';
import { observatoire2025, until } from '../../packages/elements/src/outbox/test-helpers.js';
import type { ObsSurvey } from '../../packages/elements/src/survey/obs-survey.js';
import { completeSurvey } from './drive.js';
import { openExample, pointer, replaceWithEndpoint, waitFor, type ExamplePage } from './helpers.js';

const ENDPOINT = '/collector';
const ADMIN = 'observatoire-mock-admin';
/** The outbox's sending code in the bundle (`observatoire-recorded-*.js` and what it imports). */
const OUTBOX_CODE = /\/dist\/observatoire-recorde[dr]-[^/]+\.js$/;

let worker: SetupWorker;
let page: ExamplePage | undefined;
/** The collector's requests, in the order they came: `METHOD path`. */
const received: string[] = [];
const tokens = new Map<string, string>();

before(async () => {
  await deleteDatabase(DEFAULT_DATABASE);
  worker = setupWorker(...createMockHandlers({ endpoint: ENDPOINT, definitions: [await observatoire2025()] }));
  worker.events.on('request:start', ({ request }) => {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(`${ENDPOINT}/v1/sessions`)) return;
    received.push(`${request.method} ${pathname.slice(`${ENDPOINT}/v1/sessions`.length).split('/').slice(2).join('/') || 'session'}`);
    if (request.method === 'POST' && pathname === `${ENDPOINT}/v1/sessions`)
      void request.clone().json().then((body: { sessionId: string; token: string }) => tokens.set(body.sessionId, body.token));
  });
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
});

after(async () => {
  page?.frame.remove();
  worker.stop();
  await deleteDatabase(DEFAULT_DATABASE);
});

describe('The script-tag bundle with a collector and nothing to resume (examples/csp)', function () {
  this.timeout(300_000);

  it('a campaign refused after the first screen, whose explanation cannot be fetched, shows the load failure: never a « Commencer » without effect, nothing sent', async () => {
    // First: once a page has fetched the outbox's code, the browser may reuse it without asking again.
    const sentBefore = received.length;
    let answer = () => {};
    const verdict = new Promise<void>((resolve) => (answer = resolve));
    worker.use(
      http.get(OUTBOX_CODE, () => new HttpResponse(null, { status: 404 })),
      http.get(`${ENDPOINT}/v1/campaigns/:code/status`, async () => {
        await verdict;
        return HttpResponse.json({ error: 'campaign_closed', message: 'This campaign is closed.' }, { status: 409 });
      }),
    );
    page = await openExample('/examples/csp/');
    // As a host would write it: the example's element with a collector and a campaign code.
    const survey = replaceWithEndpoint(page, ENDPOINT, { campaign: 'KXR-482' });
    const errors: string[] = [];
    survey.addEventListener('obs-error', (event) => errors.push((event as CustomEvent<{ code: string }>).detail.code));
    await waitFor(() => survey.shadowRoot?.querySelector('input[type="checkbox"]'), 'the information screen');
    answer();
    const alert = await waitFor(() => survey.shadowRoot?.querySelector('[role="alert"]'), 'the load failure in place of the information screen');
    expect(alert.querySelector('h2')?.textContent?.trim()).to.not.equal('');
    expect(survey.shadowRoot!.querySelector('input[type="checkbox"]'), 'no information screen left to start from').to.equal(null);
    expect(errors).to.deep.equal(['load_failed']);
    expect(received.slice(sentBefore), 'nothing sent for a refused campaign').to.deep.equal([]);
  });


  it('shows the information screen before asking for the outbox\'s code; what the person did meanwhile reaches the collector in order, once', async () => {
    worker.resetHandlers();
    page?.frame.remove();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let survey: ObsSurvey | undefined;
    const shownWhenAsked: boolean[] = [];
    worker.use(
      http.get(OUTBOX_CODE, async () => {
        // Before this test's element exists, a request can only be the previous test's page's, still on its way
        // through the service worker when that page was removed: not this element's.
        if (survey === undefined) return new HttpResponse(null, { status: 404 });
        shownWhenAsked.push(survey.shadowRoot?.querySelector('input[type="checkbox"]') != null);
        await held;
        return passthrough();
      }),
    );
    page = await openExample('/examples/csp/');
    const { doc } = page;
    // The same page with a collector, as a host would write it: the example's element with `endpoint`.
    survey = replaceWithEndpoint(page, ENDPOINT);
    await waitFor(() => survey!.shadowRoot?.querySelector('input[type="checkbox"]'), 'the information screen');
    await waitFor(() => shownWhenAsked.length > 0, 'the outbox’s code asked for, after the first screen');
    expect(shownWhenAsked, 'the information screen was shown before').to.deep.equal(shownWhenAsked.map(() => true));

    // The person starts and fills the questionnaire while the outbox's code is held back.
    await completeSurvey(survey, {
      actor: pointer,
      usesKeyboard: false,
      doc,
      postalCode: '35000',
      endOfCourse: () => 'continue',
      onPhase: (reached) => {
        if (reached !== 'validated') return;
        expect(received, 'nothing can be sent yet').to.deep.equal([]);
        release();
      },
    });
    const state = survey.session!.state;
    expect(state.endReason).to.equal('completed');

    const answers = state.courses.flatMap((course) => course.results).length;
    type Stored = { answers: { answerId: string; challengeId: string }[]; endReason: string };
    let stored: Stored | undefined;
    await until(async () => {
      const token = tokens.get(state.sessionId);
      const response = token && (await fetch(`${ENDPOINT}/v1/sessions/${state.sessionId}/results`, { headers: { authorization: `Bearer ${token}` } }));
      stored = response && response.ok ? ((await response.json()) as Stored) : undefined;
      return stored?.endReason === 'completed';
    }, 'the collector has the whole session', 30_000);
    expect(received.slice(0, 2), 'the session, then its questionnaire').to.deep.equal(['POST session', 'PUT questionnaire']);
    expect(received.filter((r) => r === 'POST session' || r === 'PUT questionnaire')).to.deep.equal(['POST session', 'PUT questionnaire']);
    expect(received.filter((r) => r === 'POST answers').length, 'each answer sent once').to.equal(answers);
    const whole = stored!;
    expect(whole.answers.map((a) => a.challengeId)).to.deep.equal(state.courses.flatMap((course) => course.results.map((r) => r.challengeId)));
    expect(new Set(whole.answers.map((a) => a.answerId)).size).to.equal(answers);
    const exported = await fetch(`${ENDPOINT}/v1/export?format=json`, { headers: { authorization: `Bearer ${ADMIN}` } });
    const rows = ((await exported.json()) as Record<string, string>[]).filter((row) => row['session_id'] === state.sessionId);
    expect(rows.length).to.equal(1);
    expect(rows[0]).to.include({ end_reason: 'completed' });
  });

});
