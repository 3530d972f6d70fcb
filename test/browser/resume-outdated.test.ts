/**
 * A session saved on this device by an earlier version, in the resume path (docs/protocol.md,
 * "Snapshots of an earlier version"): `<obs-survey>` tells the person it cannot be resumed and offers
 * to start a new questionnaire, never an error screen; what the earlier session queued is still sent.
 * The stored snapshot is a real format-1 one (packages/core/src/session/fixtures/snapshots-v1.json:
 * observatoire-2025 2025.2 in course 1, with an item rewritten since).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMockHandlers } from '@observatoire/collector/mock';
import type { SessionSnapshot, SurveyDefinition } from '@observatoire/core';
import { newToken } from '@observatoire/core/api';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import '../../packages/elements/src/index.js';
import { deleteDatabase, DEFAULT_DATABASE } from '../../packages/elements/src/outbox/idb.js';
import { sharedOutbox } from '../../packages/elements/src/outbox/recorder.js';
import type { SavedSession } from '../../packages/elements/src/outbox/saved-sessions.js';
import { observatoire2025, until } from '../../packages/elements/src/outbox/test-helpers.js';
import type { ObsSurvey } from '../../packages/elements/src/survey/obs-survey.js';

const ENDPOINT = '/collector';
let worker: SetupWorker;
/** The shipped survey as served under 2025.2, the version of the stored snapshot (docs/content.md, "Changelog"). */
let asServed: SurveyDefinition;

before(async () => {
  await deleteDatabase(DEFAULT_DATABASE);
  asServed = { ...(await observatoire2025()), version: '2025.2' };
  worker = setupWorker(...createMockHandlers({ endpoint: ENDPOINT, definitions: [asServed] }));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
});

after(() => worker.stop());

describe('resume: a session saved by an earlier version', () => {
  it('says it cannot be resumed and offers to start a new questionnaire; what it queued is still sent', async () => {
    const fixtures = (await (await fetch('/packages/core/src/session/fixtures/snapshots-v1.json')).json()) as Record<string, SessionSnapshot>;
    const snapshot = fixtures['outdated2025']!;
    expect(snapshot.formatVersion).to.equal(1);
    const { sessionId } = snapshot.state;
    // The fixture's clock is of 2025; the collector only takes sessions of the last 30 days: an hour ago.
    const startedAt = Date.now() - 3_600_000;
    const endpoint = new URL(ENDPOINT, document.baseURI).href;
    const token = newToken();
    const saved: SavedSession = {
      sessionId, surveyId: 'observatoire-2025', contentVersion: '2025.2', endpoint, token, lang: 'fr', device: 'desktop', snapshot, savedAt: startedAt,
    };
    // The earlier visit left its session and an unsent request on the device (the network was down).
    worker.use(http.all(`${ENDPOINT}/*`, () => HttpResponse.error()));
    const outbox = await sharedOutbox();
    await outbox.enqueue(
      [{
        kind: 'session', endpoint, sessionId, id: sessionId, method: 'POST', url: `${endpoint}/v1/sessions`, token,
        body: { surveyId: 'observatoire-2025', contentVersion: '2025.2', device: 'desktop', lang: 'fr', sessionId, token, startedAt },
      }],
      { save: saved },
    );
    const errors: string[] = [];
    document.addEventListener('obs-error', (event) => errors.push((event as CustomEvent<{ code: string }>).detail.code));

    const survey = await fixture<ObsSurvey>(html`<obs-survey .definition=${asServed} endpoint=${ENDPOINT}></obs-survey>`);
    await until(() => survey.shadowRoot!.querySelector('obs-resume-dialog') !== null, 'the dialog is shown');
    const dialogHost = survey.shadowRoot!.querySelector('obs-resume-dialog')! as HTMLElement & { updateComplete: Promise<boolean> };
    await dialogHost.updateComplete;
    const dialog = dialogHost.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    const heading = dialogHost.shadowRoot!.querySelector('h2')!;
    expect(heading.textContent).to.equal('Un questionnaire commencé sur cet appareil ne peut pas être repris');
    expect(dialogHost.shadowRoot!.activeElement).to.equal(heading);
    expect(dialog.textContent).to.contain('Les réponses déjà données sont gardées et seront envoyées.');
    const buttons = [...dialogHost.shadowRoot!.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Commencer un nouveau questionnaire']);
    await expect(dialogHost).to.be.accessible();
    expect(survey.shadowRoot!.querySelector('[part="error"]'), 'no error screen').to.equal(null);
    expect(errors).to.deep.equal(['snapshot_outdated'], 'the host is told why, with the typed code');

    // Keyboard only: Tab to the button, Enter.
    await sendKeys({ press: 'Tab' });
    expect(dialogHost.shadowRoot!.activeElement).to.equal(buttons[0]);
    await sendKeys({ press: 'Enter' });
    await until(() => survey.session !== undefined, 'a new session');
    expect(survey.session!.state.sessionId).to.not.equal(sessionId);
    expect(survey.session!.state.phase).to.equal('information');
    await survey.updateComplete;
    expect(survey.shadowRoot!.querySelector('input[type="checkbox"]'), 'the information screen, with its consent').to.not.equal(null);

    // Back online: the earlier session's request reaches the collector.
    worker.resetHandlers();
    window.dispatchEvent(new Event('online'));
    await until(async () => (await outbox.pending()).length === 0 && outbox.status.state === 'saved', 'the queued request is sent', 10_000);
    expect(outbox.status.notSent, `nothing set aside: ${outbox.status.error?.message}`).to.equal(0);
    const stored = await fetch(`${ENDPOINT}/v1/sessions/${sessionId}/results`, { headers: { authorization: `Bearer ${token}` } });
    expect(stored.status, 'the collector holds the earlier session').to.equal(200);
  });
});
