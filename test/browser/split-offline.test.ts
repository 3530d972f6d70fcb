/**
 * The script-tag bundle split by phase works offline once the questionnaire is validated
 * (docs/loading.md): from one `<script>` under `default-src 'self'` (examples/csp), with a
 * collector, the network is cut as soon as the questionnaire is validated. The later phases' files
 * were fetched during the questionnaire, so the courses start and complete; every answer waits in
 * the outbox (docs/outbox.md) and leaves once the network is back.
 * The network is cut with msw (`HttpResponse.error()`), which also serves the collector.
 */
import { expect } from '@open-wc/testing';
import { createMockHandlers } from '@observatoire/collector/mock';
import { http, HttpResponse } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { deleteDatabase, DEFAULT_DATABASE, openDatabase, OUTBOX_STORE, result } from '../../packages/elements/src/outbox/idb.js';
import { observatoire2025, until } from '../../packages/elements/src/outbox/test-helpers.js';
import { completeSurvey } from './drive.js';
import { openExample, pointer, replaceWithEndpoint, waitFor, type ExamplePage } from './helpers.js';

const ENDPOINT = '/collector';

let worker: SetupWorker;
let page: ExamplePage | undefined;

/** The requests waiting in the outbox (IndexedDB is shared with the example's frame: same origin). */
async function queued(): Promise<{ kind: string; sessionId: string }[]> {
  const db = await openDatabase(DEFAULT_DATABASE);
  try {
    return (await result(db.transaction(OUTBOX_STORE).objectStore(OUTBOX_STORE).getAll())) as { kind: string; sessionId: string }[];
  } finally {
    db.close();
  }
}

const scripts = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.endsWith('.js') && path.includes('/dist/observatoire'));

before(async () => {
  // A clean device: no outbox or unfinished session left by another run.
  await deleteDatabase(DEFAULT_DATABASE);
  worker = setupWorker(...createMockHandlers({ endpoint: ENDPOINT, definitions: [await observatoire2025()] }));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
});

after(async () => {
  page?.frame.remove();
  worker.stop();
  await deleteDatabase(DEFAULT_DATABASE);
});

describe('The script-tag bundle offline after the questionnaire (examples/csp, with a collector)', function () {
  this.timeout(300_000);

  it('starts and completes the courses with the network cut once the questionnaire is validated; the answers wait in the outbox', async () => {
    page = await openExample('/examples/csp/');
    const { win, doc } = page;
    expect([...doc.querySelectorAll('script[src*="observatoire"]')].map((s) => s.getAttribute('src'))).to.include('../../dist/observatoire.js');
    // The same page with a collector, as a host would write it: the example's element with `endpoint`.
    const survey = replaceWithEndpoint(page, ENDPOINT);
    await waitFor(() => survey.session, 'the session kept in the outbox');
    await survey.updateComplete;

    let loadedBeforeCut: string[] = [];
    await completeSurvey(survey, {
      actor: pointer,
      usesKeyboard: false,
      doc,
      postalCode: '35000',
      endOfCourse: () => 'continue',
      onPhase: (reached) => {
        if (reached !== 'validated') return;
        loadedBeforeCut = scripts(win);
        // Every request of the page fails from now on, as when the Wi-Fi drops.
        worker.use(http.all(/\/(dist|collector|examples|packages|node_modules)\//, () => HttpResponse.error()));
      },
    });

    const state = survey.session!.state;
    expect(state.endReason).to.equal('completed');
    const reached = await win.fetch('../../dist/observatoire.js', { cache: 'no-store' }).then(() => 'answered', () => 'failed');
    expect(reached, 'the page’s requests did fail').to.equal('failed');
    expect(loadedBeforeCut.some((path) => /\/observatoire-obs-course-chainer\.define-[^/]+\.js$/.test(path)), 'the courses’ file came during the questionnaire').to.equal(true);
    const answers = (await queued()).filter((item) => item.kind === 'answer' && item.sessionId === state.sessionId);
    const results = state.courses.flatMap((course) => course.results);
    expect(results.length, 'every challenge of the three courses').to.be.greaterThan(10);
    expect(answers.length, 'each answer waits in the outbox').to.equal(results.length);
    const violations = (win as unknown as { observatoireCspViolations: unknown[] }).observatoireCspViolations;
    expect(violations).to.deep.equal([]);

    // The network is back: everything waiting leaves.
    worker.resetHandlers();
    win.dispatchEvent(new Event('online'));
    await until(async () => (await queued()).length === 0, 'the outbox empties once the network is back', 30_000);
  });
});
