/**
 * The survey with a collector, end to end in the browser: `<obs-survey endpoint>` → outbox
 * (IndexedDB) → msw → the collector's own routes over an in-memory store → the export.
 * The network is cut with msw (`HttpResponse.error()`), as `setOffline` is not available here.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMockHandlers } from '@observatoire/collector/mock';
import type { SurveyDefinition } from '@observatoire/core';
import { sendKeys } from '@web/test-runner-commands';
import { getResponse, http, HttpResponse } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import '../../packages/elements/src/index.js';
import { deleteDatabase, DEFAULT_DATABASE } from '../../packages/elements/src/outbox/idb.js';
import '../../packages/elements/src/outbox/obs-sync-status.js';
import type { ObsSyncStatus } from '../../packages/elements/src/outbox/obs-sync-status.js';
import type { Outbox } from '../../packages/elements/src/outbox/outbox.js';
import { sharedOutbox } from '../../packages/elements/src/outbox/recorder.js';
import { fillQuestionnaire, observatoire2025, rightAnswer, until } from '../../packages/elements/src/outbox/test-helpers.js';
import type { ObsSurvey } from '../../packages/elements/src/survey/obs-survey.js';
import type { ObsResumeDialog } from '../../packages/elements/src/survey/resume-dialog.js';

const ENDPOINT = '/collector';
const DEFINITION_URL = '/packages/content/surveys/observatoire-2025.json';
const ADMIN = 'observatoire-mock-admin';

let worker: SetupWorker;
let handlers: ReturnType<typeof createMockHandlers>;
let definition: SurveyDefinition;
let outbox: Outbox;
/** Session id → token, read from the create-session requests msw sees. */
const tokens = new Map<string, string>();

before(async () => {
  // A clean device: no outbox or unfinished session left by another run.
  await deleteDatabase(DEFAULT_DATABASE);
  definition = await observatoire2025();
  handlers = createMockHandlers({ endpoint: ENDPOINT, definitions: [definition] });
  worker = setupWorker(...handlers);
  worker.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname === `${ENDPOINT}/v1/sessions`)
      void request
        .clone()
        .json()
        .then((body: { sessionId: string; token: string }) => tokens.set(body.sessionId, body.token));
  });
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

/**
 * Wait until nothing is left in the outbox (read from IndexedDB, so requests just queued count).
 * Only once the outbox's code took the session over: right after "Commencer" it may still be on
 * its way, the actions kept in memory (docs/loading.md, "The outbox after the first screen"); wait
 * for what the collector received (`received`) or the mediator's sync status first.
 */
async function delivered(what: string): Promise<void> {
  await until(async () => (await outbox.pending()).length === 0 && outbox.status.state === 'saved', what, 10_000);
}

/** Wait until the collector holds `count` answers of the session. */
async function received(sessionId: string, count: number, what: string): Promise<void> {
  await until(
    async () => {
      const token = tokens.get(sessionId);
      if (!token) return false;
      const response = await fetch(`${ENDPOINT}/v1/sessions/${sessionId}/results`, { headers: { authorization: `Bearer ${token}` } });
      return response.ok && ((await response.json()) as { answers: unknown[] }).answers.length === count;
    },
    what,
    10_000,
  );
}

/** Cut the network: every collector request fails as if the Wi-Fi dropped. */
function cutNetwork(): void {
  worker.use(http.all(`${ENDPOINT}/*`, () => HttpResponse.error()));
}

/** The collector stores the answer, but its response is lost on the way back. */
function loseResponses(): void {
  worker.use(
    http.post(`${ENDPOINT}/v1/sessions/:id/answers`, async ({ request }) => {
      await getResponse(handlers, request);
      return HttpResponse.error();
    }),
  );
}

function restoreNetwork(): void {
  worker.resetHandlers();
  window.dispatchEvent(new Event('online'));
}

async function exportRows(): Promise<Record<string, string>[]> {
  const response = await fetch(`${ENDPOINT}/v1/export?format=json`, { headers: { authorization: `Bearer ${ADMIN}` } });
  expect(response.status).to.equal(200);
  return (await response.json()) as Record<string, string>[];
}

async function results(sessionId: string): Promise<{ answers: { answerId: string; challengeId: string }[]; endReason: string }> {
  const response = await fetch(`${ENDPOINT}/v1/sessions/${sessionId}/results`, { headers: { authorization: `Bearer ${tokens.get(sessionId)}` } });
  expect(response.status).to.equal(200);
  return (await response.json()) as { answers: { answerId: string; challengeId: string }[]; endReason: string };
}

async function openSurvey(): Promise<ObsSurvey> {
  const survey = await fixture<ObsSurvey>(html`<obs-survey definition=${DEFINITION_URL} endpoint=${ENDPOINT} organisation="ORG-TEST"></obs-survey>`);
  return survey;
}

async function surveyWithSession(survey: ObsSurvey): Promise<ObsSurvey> {
  await until(() => survey.session !== undefined, 'the survey has its session');
  await survey.updateComplete;
  return survey;
}

/** Consent and "Commencer", as a person would. */
async function startAsAPerson(survey: ObsSurvey): Promise<void> {
  await surveyWithSession(survey);
  const root = survey.shadowRoot!;
  root.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
  const start = [...root.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Commencer')!;
  start.click();
  await until(() => survey.session!.state.phase === 'questionnaire', 'questionnaire shown');
}

/** What the nested elements dispatch: the questionnaire, validated, then the first course. */
function validateQuestionnaire(survey: ObsSurvey): void {
  const session = survey.session!;
  fillQuestionnaire(session);
  session.dispatch({ type: 'review' });
  session.dispatch({ type: 'validateQuestionnaire' });
  session.dispatch({ type: 'continue' });
}

function answerCurrent(survey: ObsSurvey): void {
  const session = survey.session!;
  const current = session.state.current!;
  const challenge = definition.challenges.find((c) => c.id === current.challengeId)!;
  session.dispatch({ type: 'answerChallenge', challengeId: current.challengeId, answer: rightAnswer(challenge) });
}

function resumeDialog(survey: ObsSurvey): ObsResumeDialog | null {
  return survey.shadowRoot!.querySelector('obs-resume-dialog');
}

describe('offline: the network drops in the middle of course 2', () => {
  it('finishes the survey offline; once back online the export holds every answer exactly once', async () => {
    const survey = await openSurvey();
    survey.mediator = true;
    await startAsAPerson(survey);
    // With an endpoint, the mediator sees the sending status below the survey, once the outbox's code is in.
    await until(() => survey.shadowRoot!.querySelector('obs-sync-status') !== null, 'the survey shows the mediator its sync status');
    const status = survey.shadowRoot!.querySelector<ObsSyncStatus>('obs-sync-status')!;
    const statusText = () => status.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim();
    validateQuestionnaire(survey);
    const sessionId = survey.session!.state.sessionId;
    // Course 1 (3 challenges), then two of course 2's 7, online.
    for (let i = 0; i < 3; i++) answerCurrent(survey);
    survey.session!.dispatch({ type: 'continue' });
    answerCurrent(survey);
    answerCurrent(survey);
    await received(sessionId, 5, 'online part delivered');
    await until(() => statusText() === 'Enregistré', 'the mediator sees it is saved');

    // The collector stores the next answer but the response never arrives; then the network is gone.
    loseResponses();
    answerCurrent(survey);
    await until(() => outbox.status.state === 'offline', 'the lost response is retried');
    worker.resetHandlers();
    cutNetwork();
    while (survey.session!.state.phase !== 'finished') {
      if (survey.session!.state.phase === 'endOfCourse') survey.session!.dispatch({ type: 'continue' });
      else answerCurrent(survey);
    }
    // The survey never waited for the network.
    expect(survey.session!.state.endReason).to.equal('completed');
    await until(() => statusText() === 'En attente de réseau (10 réponses)', 'the mediator sees what waits');
    await expect(status).to.be.accessible();

    restoreNetwork();
    await delivered('everything delivered');
    expect(statusText()).to.equal('Enregistré');

    const stored = await results(sessionId);
    expect(stored.endReason).to.equal('completed');
    const challengeIds = stored.answers.map((answer) => answer.challengeId);
    expect(challengeIds.length).to.equal(15);
    expect(new Set(challengeIds).size).to.equal(15);
    expect(new Set(stored.answers.map((answer) => answer.answerId)).size).to.equal(15);

    const row = (await exportRows()).find((r) => r['session_id'] === sessionId)!;
    expect(row).to.include({ organisation: 'ORG-TEST', end_reason: 'completed', test_run: '1', resumed: '0', left_mid_course: '0' });
    for (const challenge of definition.challenges) expect(row[`ch_${challenge.id}`], challenge.id).to.equal('ok');
    expect([row['course1_status'], row['course2_status'], row['course3_status']]).to.deep.equal(['ended', 'ended', 'ended']);
  });
});

describe('resume on the same device', () => {
  it('reopening the page asks first, then resumes where it was and records the interruption (axe clean)', async () => {
    const first = await openSurvey();
    await startAsAPerson(first);
    validateQuestionnaire(first);
    answerCurrent(first);
    const sessionId = first.session!.state.sessionId;
    await received(sessionId, 1, 'delivered');
    // The tab is closed.
    first.remove();

    const again = await openSurvey();
    await until(() => resumeDialog(again) !== null, 'the dialog is shown');
    const dialogHost = resumeDialog(again)!;
    await dialogHost.updateComplete;
    const dialog = dialogHost.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    const heading = dialogHost.shadowRoot!.querySelector('h2')!;
    expect(heading.textContent).to.equal('Un questionnaire n’est pas terminé sur cet appareil');
    expect(dialog.getAttribute('aria-labelledby')).to.equal(heading.id);
    expect(dialogHost.shadowRoot!.activeElement).to.equal(heading);
    await expect(dialogHost).to.be.accessible();
    const buttons = [...dialogHost.shadowRoot!.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Reprendre le questionnaire en cours', 'Commencer pour une autre personne']);
    for (const button of buttons) expect(button.getBoundingClientRect().height).to.be.at.least(44);
    // Escape does not choose for the person.
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.equal(true);

    // Keyboard only: Tab to "Reprendre…", Enter.
    await sendKeys({ press: 'Tab' });
    expect(dialogHost.shadowRoot!.activeElement).to.equal(buttons[0]);
    await sendKeys({ press: 'Enter' });
    await surveyWithSession(again);
    const state = again.session!.state;
    expect(state.sessionId).to.equal(sessionId);
    expect(state.phase).to.equal('course');
    expect(state.current!.index).to.equal(1);
    expect(state.interruptions).to.equal(1);
    expect(resumeDialog(again)).to.equal(null);

    answerCurrent(again);
    await received(sessionId, 2, 'delivered after the resume');
    const row = (await exportRows()).find((r) => r['session_id'] === sessionId)!;
    expect(row).to.include({ resumed: '1', interruptions: '1' });
    expect(row['ch_cliquer-bouton']).to.equal('ok');
    expect(row['ch_ecrire-mot']).to.equal('ok');
    // Leave it unfinished for the next test.
  });

  it('"Commencer pour une autre personne" starts a new session; the unfinished one is no longer offered but its data is still sent', async () => {
    const earlier = await openSurvey();
    await until(() => resumeDialog(earlier) !== null, 'the dialog is shown');
    resumeDialog(earlier)!.shadowRoot!.querySelectorAll('button')[0]!.click();
    await surveyWithSession(earlier);
    const unfinished = earlier.session!.state.sessionId;
    // One more answer that cannot leave the device yet.
    cutNetwork();
    const challengeId = earlier.session!.state.current!.challengeId;
    answerCurrent(earlier);
    await until(() => outbox.status.state === 'offline', 'waiting for the network');
    earlier.remove();

    const next = await openSurvey();
    await until(() => resumeDialog(next) !== null, 'the dialog is shown');
    const buttons = resumeDialog(next)!.shadowRoot!.querySelectorAll('button');
    buttons[1]!.click();
    await surveyWithSession(next);
    expect(next.session!.state.sessionId).to.not.equal(unfinished);
    expect(next.session!.state.phase).to.equal('information');
    // Focus was in the dialog: it goes to the information screen's heading, never to <body>.
    await until(() => next.shadowRoot!.activeElement?.tagName === 'H2', 'focus on the information heading');
    next.remove();

    // Reopened again: nothing to resume any more.
    const third = await openSurvey();
    await surveyWithSession(third);
    expect(resumeDialog(third)).to.equal(null);
    expect(third.session!.state.phase).to.equal('information');

    restoreNetwork();
    await delivered('the unfinished session’s answer is sent');
    const row = (await exportRows()).find((r) => r['session_id'] === unfinished)!;
    expect(row[`ch_${challengeId}`]).to.equal('ok');
    expect(row['end_reason']).to.equal('in_progress');
  });

  it('resuming in the questionnaire reopens the question the person was on, not question 1', async () => {
    const first = await openSurvey();
    await startAsAPerson(first);
    const questionnaire = () => first.shadowRoot!.querySelector('obs-questionnaire')!.shadowRoot!;
    const next = async (answer: () => void) => {
      answer();
      [...questionnaire().querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Suivant')!.click();
      await first.updateComplete;
    };
    // Year, then gender: the person reaches question 3.
    await next(() => {
      const year = questionnaire().querySelector<HTMLInputElement>('input[inputmode="numeric"]')!;
      year.value = '1950';
    });
    await until(() => questionnaire().querySelector('[part="progress"]')?.textContent?.trim() === 'Question 2 sur 13', 'question 2');
    await next(() => questionnaire().querySelector<HTMLInputElement>('input[type="radio"]')!.click());
    await until(() => questionnaire().querySelector('[part="progress"]')?.textContent?.trim() === 'Question 3 sur 13', 'question 3');
    // Back to question 2 (answered): the first unanswered question is not where the person is.
    [...questionnaire().querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Précédent')!.click();
    await until(() => questionnaire().querySelector('[part="progress"]')?.textContent?.trim() === 'Question 2 sur 13', 'back on question 2');
    const shownBefore = questionnaire().querySelector('h2')!.textContent!.trim();
    const sessionId = first.session!.state.sessionId;
    // The collector has the session: the outbox's code took it over, every change so far saved on the device.
    await until(() => tokens.has(sessionId), 'the session reached the collector');
    first.remove();

    const again = await openSurvey();
    await until(() => resumeDialog(again) !== null, 'the dialog is shown');
    resumeDialog(again)!.shadowRoot!.querySelectorAll('button')[0]!.click();
    await surveyWithSession(again);
    expect(again.session!.state.sessionId).to.equal(sessionId);
    const resumed = () => again.shadowRoot!.querySelector('obs-questionnaire')?.shadowRoot;
    await until(() => resumed()?.querySelector('[part="progress"]')?.textContent?.trim() === 'Question 2 sur 13', 'reopened at question 2');
    expect(resumed()!.querySelector('h2')!.textContent!.trim()).to.equal(shownBefore);
    await until(() => resumed()!.activeElement?.tagName === 'H2', 'focus on the question');
    // Left unfinished: the next run starts from a clean device (before()).
  });
});
