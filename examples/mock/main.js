// Mock mode: the collector's own routes answer inside the page (msw), over an in-memory store,
// so the survey with an `endpoint` works with no server. Bundled by scripts/build-steps/60-mock-example.mjs.
import '@observatoire/elements';
import '@observatoire/content/widgets';
import { parseSurveyDefinition } from '@observatoire/core';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createMockHandlers } from '@observatoire/collector/mock';

const ENDPOINT = '/collector';
const ADMIN_TOKEN = 'observatoire-mock-admin';
const definitionUrl = new URL('../../packages/content/surveys/observatoire-2025.json', document.baseURI).href;

const definition = parseSurveyDefinition(await (await fetch(definitionUrl)).text());
const worker = setupWorker(...createMockHandlers({ endpoint: ENDPOINT, definitions: [definition], adminToken: ADMIN_TOKEN }));
// The worker script sits at the root of the site (`npx msw init . --save=false`), so its scope covers every page.
await worker.start({
  onUnhandledRequest: 'bypass',
  quiet: true,
  serviceWorker: { url: new URL('../../mockServiceWorker.js', document.baseURI).pathname },
});

// The survey starts once the collector answers: what an earlier visit left in the outbox is sent now.
const survey = document.createElement('obs-survey');
survey.endpoint = ENDPOINT;
survey.organisation = 'exemple-demo';
survey.definition = definitionUrl;
document.getElementById('survey').append(survey);

const mediator = document.getElementById('mediator');
const offline = document.getElementById('offline');
const lang = document.getElementById('lang');
const status = document.getElementById('status');
const outcome = document.getElementById('outcome');
const exportButton = document.getElementById('export');
const exportOutput = document.getElementById('export-output');

mediator.addEventListener('change', () => {
  survey.mediator = mediator.checked;
});
lang.addEventListener('change', () => {
  survey.lang = lang.value;
  status.lang = lang.value;
  document.documentElement.lang = lang.value;
});
offline.addEventListener('change', () => {
  if (offline.checked) worker.use(http.all(`${ENDPOINT}/*`, () => HttpResponse.error()));
  else {
    worker.resetHandlers();
    // What a browser does when the Wi-Fi comes back: the outbox sends at once.
    window.dispatchEvent(new Event('online'));
  }
});
exportButton.addEventListener('click', async () => {
  const response = await fetch(`${ENDPOINT}/v1/export?format=csv`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  exportOutput.textContent = await response.text();
  exportOutput.hidden = false;
});
survey.addEventListener('obs-survey-complete', (event) => {
  const { state } = event.detail;
  outcome.textContent = `${lang.value === 'en' ? 'Survey finished' : 'Enquête terminée'} (${state.sessionId}).`;
});
survey.addEventListener('obs-error', (event) => console.warn('obs-error', event.detail.code, event.detail.message));
