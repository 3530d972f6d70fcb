/**
 * The script-tag bundle split by phase (docs/loading.md) does not change behaviour: from one
 * `<script>` under `default-src 'self'`, the shipped definition is trusted by its digest (the
 * validator is never fetched), the later phases' files are fetched while the first screens show,
 * and nothing more is fetched once the courses start.
 */
import { expect } from '@open-wc/testing';
import { completeSurvey } from './drive.js';
import { openExample, phase, pointer, waitFor, type ExamplePage } from './helpers.js';

let page: ExamplePage | undefined;
afterEach(() => page?.frame.remove());

const scripts = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.endsWith('.js') && path.includes('/dist/observatoire'));

describe('The script-tag bundle split by phase (examples/csp)', function () {
  this.timeout(240_000);

  it('fetches the later phases before the courses, never the validator, and nothing after the questionnaire', async () => {
    page = await openExample('/examples/csp/');
    const { survey, win, doc } = page;
    // One <script> in the page; the first screen is drawn before the later phases are needed.
    expect([...doc.querySelectorAll('script[src*="observatoire"]')].map((s) => s.getAttribute('src'))).to.include('../../dist/observatoire.js');
    expect(phase(survey)).to.equal('information');
    await waitFor(() => ['obs-course-chainer', 'obs-results-card', 'obs-sync-status'].every((name) => win.customElements.get(name)), 'the later phases, in idle time');
    expect(win.customElements.get('obs-challenge-player'), 'the player comes with the chainer').to.exist;
    const loaded = scripts(win);
    expect(loaded.some((path) => path.endsWith('/observatoire-main.js'))).to.equal(true);
    expect(loaded.some((path) => path.endsWith('/observatoire-validate.js')), 'a shipped definition is trusted by its digest').to.equal(false);
    // The definition comes beside the modules (the loader preloads it), once: <obs-survey> uses that response.
    const definitionRequests = win.performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/dist/surveys/observatoire-2025.json'));
    expect(definitionRequests.map((entry) => (entry as PerformanceResourceTiming).initiatorType)).to.deep.equal(['link']);

    await completeSurvey(survey, { actor: pointer, usesKeyboard: false, doc, postalCode: '35000', endOfCourse: () => 'continue' });
    expect(survey.session!.state.endReason).to.equal('completed');
    expect(scripts(win), 'no script fetched after the first screens').to.deep.equal(loaded);
    const violations = (win as unknown as { observatoireCspViolations: unknown[] }).observatoireCspViolations;
    expect(violations).to.deep.equal([]);
  });
});
