/**
 * `<obs-survey campaign>` (docs/elements.md, "Campaigns"): a session of an open campaign reaches the
 * collector attached to it; an unknown or closed code is explained on screen, in French or English, and
 * no session starts. `<obs-survey endpoint>` → msw → the collector's own routes over an in-memory store.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMockHandlers } from '@observatoire/collector/mock';
import type { SurveyDefinition } from '@observatoire/core';
import { setupWorker, type SetupWorker } from 'msw/browser';
import '../../packages/elements/src/index.js';
import { deleteDatabase, DEFAULT_DATABASE } from '../../packages/elements/src/outbox/idb.js';
import type { Outbox } from '../../packages/elements/src/outbox/outbox.js';
import { sharedOutbox } from '../../packages/elements/src/outbox/recorder.js';
import { observatoire2025, until } from '../../packages/elements/src/outbox/test-helpers.js';
import type { ObsSurvey } from '../../packages/elements/src/survey/obs-survey.js';

const ENDPOINT = '/collector';
const DEFINITION_URL = '/packages/content/surveys/observatoire-2025.json';
const ADMIN = 'observatoire-mock-admin';
const DAY = 86_400_000;

let worker: SetupWorker;
let definition: SurveyDefinition;
let outbox: Outbox;

async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${ENDPOINT}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: await response.json() };
}

async function campaign(window: { opensAt: number; closesAt?: number }): Promise<string> {
  const made = await admin('POST', '/v1/campaigns', { organisation: 'mediatheque', surveyId: definition.id, contentVersion: definition.version, ...window });
  expect(made.status).to.equal(201);
  return made.body.code;
}

before(async () => {
  await deleteDatabase(DEFAULT_DATABASE);
  definition = await observatoire2025();
  worker = setupWorker(...createMockHandlers({ endpoint: ENDPOINT, definitions: [definition] }));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  outbox = await sharedOutbox();
  expect((await admin('POST', '/v1/organisations', { id: 'mediatheque', name: 'Médiathèque de Vitré', commune: '35360' })).status).to.equal(201);
});

after(async () => {
  worker.stop();
  await outbox.discardNotSent();
});

async function openSurvey(code: string, lang = 'fr'): Promise<{ survey: ObsSurvey; errors: string[] }> {
  const errors: string[] = [];
  const survey = await fixture<ObsSurvey>(html`<obs-survey definition=${DEFINITION_URL} endpoint=${ENDPOINT} campaign=${code} lang=${lang} @obs-error=${(e: CustomEvent<{ code: string }>) => errors.push(e.detail.code)}></obs-survey>`);
  await until(() => survey.session !== undefined || survey.shadowRoot?.querySelector('[role="alert"]') !== null, 'the survey is ready or refused');
  await survey.updateComplete;
  return { survey, errors };
}

describe('<obs-survey campaign>', () => {
  it('a session of an open campaign reaches the collector attached to it', async () => {
    const code = await campaign({ opensAt: Date.now() - DAY });
    const { survey } = await openSurvey(code.toLowerCase());
    survey.session!.dispatch({ type: 'start', consent: true });
    const sessionId = survey.session!.state.sessionId;
    let rows: Array<Record<string, string>> = [];
    await until(async () => {
      rows = (await admin('GET', `/v1/export?format=json&campaign=${code}`)).body;
      return rows.length === 1;
    }, 'the session is in the campaign');
    expect(rows[0]).to.include({ session_id: sessionId, organisation: 'mediatheque' });
  });

  it('an unknown code is explained on screen and starts no session', async () => {
    const { survey, errors } = await openSurvey('ZZZ-999');
    const alert = survey.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.querySelector('h2')!.textContent).to.equal('Ce code de campagne n’est pas reconnu');
    expect(alert.textContent).to.include('Le code ZZZ-999 ne correspond à aucune campagne.');
    expect(survey.session).to.equal(undefined);
    expect(errors).to.deep.equal(['campaign_unknown']);
    await expect(survey).to.be.accessible();
  });

  it('a closed campaign is explained on screen, in English too', async () => {
    const code = await campaign({ opensAt: Date.now() - 10 * DAY, closesAt: Date.now() - DAY });
    const { survey, errors } = await openSurvey(code, 'en');
    const alert = survey.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.querySelector('h2')!.textContent).to.equal('This campaign is not open');
    expect(alert.textContent).to.include(`The campaign ${code} is not taking answers at the moment`);
    expect(errors).to.deep.equal(['campaign_closed']);
    survey.lang = 'fr';
    await survey.updateComplete;
    expect(alert.isConnected ? alert.querySelector('h2')!.textContent : survey.shadowRoot!.querySelector('[role="alert"] h2')!.textContent).to.equal(
      'Cette campagne n’est pas ouverte',
    );
  });
});
