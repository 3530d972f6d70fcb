/**
 * `<obs-survey channel="paper">` (docs/elements.md, "Paper forms"): a mediator types in a paper
 * questionnaire with the keyboard: the date written on the form, the consent given on paper, every
 * question on one page, the review; the session reaches the collector's export with `channel=paper`
 * and its date, and takes no course. `<obs-survey endpoint>` → msw → the collector's own routes.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMockHandlers } from '@observatoire/collector/mock';
import type { SurveyDefinition } from '@observatoire/core';
import { setupWorker, type SetupWorker } from 'msw/browser';
import '../../packages/elements/src/index.js';
import { deleteDatabase, DEFAULT_DATABASE } from '../../packages/elements/src/outbox/idb.js';
import type { Outbox } from '../../packages/elements/src/outbox/outbox.js';
import { sharedOutbox } from '../../packages/elements/src/outbox/recorder.js';
import { observatoire2025, until } from '../../packages/elements/src/outbox/test-helpers.js';
import type { ObsSurvey } from '../../packages/elements/src/survey/obs-survey.js';
import { completeSurvey } from './drive.js';
import { button, deepActive, keyboard, settle, tabTo } from './helpers.js';

const ENDPOINT = '/collector';
const DEFINITION_URL = '/packages/content/surveys/observatoire-2025.json';
const ADMIN = 'observatoire-mock-admin';

let worker: SetupWorker;
let definition: SurveyDefinition;
let outbox: Outbox;

before(async () => {
  await deleteDatabase(DEFAULT_DATABASE);
  definition = await observatoire2025();
  worker = setupWorker(...createMockHandlers({ endpoint: ENDPOINT, definitions: [definition] }));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  outbox = await sharedOutbox();
});

after(async () => {
  worker.stop();
  await outbox.discardNotSent();
});

async function exportRow(sessionId: string): Promise<Record<string, string> | undefined> {
  const response = await fetch(`${ENDPOINT}/v1/export?format=json`, { headers: { authorization: `Bearer ${ADMIN}` } });
  const rows = (await response.json()) as Record<string, string>[];
  return rows.find((row) => row['session_id'] === sessionId);
}

/** "20/11/2025"-style: today's date as a mediator writes it. */
function today(): string {
  const now = new Date();
  return `${String(now.getDate()).padStart(2, '0')}/${String(now.getMonth() + 1).padStart(2, '0')}/${now.getFullYear()}`;
}

describe('<obs-survey channel="paper">: a paper questionnaire typed in by a mediator', function () {
  this.timeout(120_000);

  it('asks the form’s date first, refuses an impossible one on its field, then sends the session with channel=paper and the prefilled answers kept to the export', async () => {
    const errors: string[] = [];
    const survey = await fixture<ObsSurvey>(
      html`<obs-survey
        definition=${DEFINITION_URL}
        endpoint=${ENDPOINT}
        channel="paper"
        mediator
        .prefill=${{ genre: 'masculin', connexion_domicile: 'oui', tranche_age: 'soixante_soixante_neuf' }}
        @obs-error=${(e: CustomEvent<{ code: string }>) => errors.push(e.detail.code)}
      ></obs-survey>`,
    );
    await until(() => survey.session !== undefined && survey.shadowRoot!.querySelector('#paper-date') !== null, 'the paper entry is ready');
    await settle(survey);
    const root = survey.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).to.equal('Saisie d’un questionnaire papier');
    await expect(survey).to.be.accessible();

    // An impossible date: refused on its field, nothing started.
    const date = root.querySelector<HTMLInputElement>('#paper-date')!;
    await tabTo(date, document);
    await sendKeys({ type: '31/02/2025' });
    await tabTo(root.querySelector<HTMLInputElement>('input[type="checkbox"]')!, document);
    await sendKeys({ press: ' ' });
    await keyboard(document).press(button(root, /^Saisir les réponses$/)!);
    await settle(survey);
    expect(survey.session!.state.phase).to.equal('information');
    expect(date.getAttribute('aria-invalid')).to.equal('true');
    expect(root.querySelector('#paper-date-error')!.textContent).to.contain('par exemple 20/11/2025');
    expect(deepActive(document)).to.equal(date);
    await expect(survey).to.be.accessible();

    // The date written on the form, then Enter in the field starts the entry.
    date.select();
    await sendKeys({ type: today() });
    await sendKeys({ press: 'Enter' });
    await settle(survey);
    const state = survey.session!.state;
    expect([state.phase, state.channel]).to.deep.equal(['questionnaire', 'paper']);
    // The structure's answers are there to confirm; its unknown question was reported and left out.
    expect(state.questionnaire.prefilled).to.deep.equal(['genre', 'connexion_domicile']);
    expect(errors).to.deep.equal(['unknown_question']);
    const questionnaire = root.querySelector('obs-questionnaire')!;
    // Every question on one page: no "Question 1 sur 13" progress.
    expect(questionnaire.shadowRoot!.querySelector('[part="progress"]')).to.equal(null);
    await expect(questionnaire).to.be.accessible();

    await completeSurvey(survey, { actor: keyboard(document), usesKeyboard: true, doc: document, postalCode: 'TEST', endOfCourse: () => 'quit' });
    await settle(survey);
    expect(survey.session!.state.endReason).to.equal('completed');
    expect(survey.session!.state.courses.every((course) => course.status === 'not_reached')).to.equal(true);
    expect(root.querySelector('h2')!.textContent).to.equal('Questionnaire papier enregistré');
    await expect(survey).to.be.accessible();

    const sessionId = survey.session!.state.sessionId;
    let row: Record<string, string> | undefined;
    await until(async () => (row = await exportRow(sessionId))?.['end_reason'] === 'completed', 'the paper session is in the export, ended');
    const written = today().split('/').reverse().join('-');
    expect(row).to.include({ channel: 'paper', paper_date: written, course1_status: 'not_reached', prefilled: 'genre|connexion_domicile', q_genre: 'masculin' });
    expect(errors).to.deep.equal(['unknown_question']);
  });
});
