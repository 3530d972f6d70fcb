/**
 * `<obs-survey channel="paper">` (docs/elements.md, "Paper forms"): a mediator types in a paper
 * questionnaire with the keyboard: the date written on the form, the consent given on paper, every
 * question on one page, the review; the session reaches the collector's export with `channel=paper`
 * and its date, and takes no course. `<obs-survey endpoint>` → msw → the collector's own routes.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SetupWorker } from 'msw/browser';
import '../../packages/elements/src/index.js';
import type { Outbox } from '../../packages/elements/src/outbox/outbox.js';
import { until } from '../../packages/elements/src/outbox/test-helpers.js';
import { exportRows, openSurvey, startCollector } from './collector-survey.js';
import { completeSurvey } from './drive.js';
import { button, deepActive, keyboard, settle, tabTo } from './helpers.js';

let worker: SetupWorker;
let outbox: Outbox;

before(async () => {
  ({ worker, outbox } = await startCollector());
});

after(async () => {
  worker.stop();
  await outbox.discardNotSent();
});

async function exportRow(sessionId: string): Promise<Record<string, string> | undefined> {
  return (await exportRows('/v1/export')).find((row) => row['session_id'] === sessionId);
}

/** "20/11/2025"-style: today's date as a mediator writes it. */
function today(): string {
  const now = new Date();
  return `${String(now.getDate()).padStart(2, '0')}/${String(now.getMonth() + 1).padStart(2, '0')}/${now.getFullYear()}`;
}

describe('<obs-survey channel="paper">: a paper questionnaire typed in by a mediator', function () {
  this.timeout(120_000);

  it('asks the form’s date first, refuses an impossible one on its field, then sends the session with channel=paper and the prefilled answers kept to the export', async () => {
    const { survey, errors } = await openSurvey(
      { channel: 'paper', mediator: true, prefill: { genre: 'masculin', connexion_domicile: 'oui', tranche_age: 'soixante_soixante_neuf' } },
      (survey) => survey.session !== undefined && survey.shadowRoot!.querySelector('#paper-date') !== null,
      'the paper entry is ready',
    );
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
