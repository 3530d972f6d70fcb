/**
 * The mediator's "Session de test" switch (docs/questionnaire.md, "Test runs"): the same answer as
 * `TEST` written as the city, without typing letters in the numeric postal-code field.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuestionnaireValidatedDetail } from '../events.js';
import { button, field, heading, root, tabTo, textOf } from './fixtures/dom.js';
import { communesUrl, questionnaire } from './fixtures/questionnaire.js';
import './obs-questionnaire.define.js';
import type { ObsQuestionnaire } from './obs-questionnaire.js';

const make = (attrs: { mediator?: boolean; lang?: string } = {}) =>
  fixture<ObsQuestionnaire>(
    html`<obs-questionnaire
      .questionnaire=${questionnaire}
      .communesUrl=${communesUrl}
      .answers=${{ genre: 'masculin', naissance: 1960, statut: 'retraite', materiel: ['aucun'] }}
      ?mediator=${attrs.mediator}
      lang=${attrs.lang ?? 'fr'}
    ></obs-questionnaire>`,
  );

const testNote = (el: ObsQuestionnaire) => root(el).querySelector('[part="test-note"]');

describe('<obs-questionnaire>: the "Session de test" switch', () => {
  it('is switched on with the keyboard: a test run, the postal code reads TEST, validated as a test run; axe clean', async () => {
    const el = await make({ mediator: true });
    const toggle = await tabTo(el, 'Session de test');
    expect(toggle.getAttribute('role')).to.equal('switch');
    expect((toggle as HTMLInputElement).checked).to.equal(false);
    expect(testNote(el)).to.equal(null);
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect((toggle as HTMLInputElement).checked).to.equal(true);
    expect(testNote(el)!.textContent).to.equal('Session de test\u00a0: elle ne comptera pas dans les résultats.');
    await expect(el).to.be.accessible();

    for (let i = 0; i < 4; i += 1) {
      button(el, 'Suivant').click();
      await el.updateComplete;
    }
    expect(heading(el)).to.equal('Dans quelle commune habitez-vous ?');
    expect(field(el, 'Code postal').value).to.equal('TEST');
    expect(textOf(el)).to.include('Pour une session de test, cochez « Session de test » plus bas.');
    button(el, 'Suivant').click();
    await el.updateComplete;
    button(el, 'Vérifier mes réponses').click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Vérifiez vos réponses');
    const validated = oneEvent(el, 'obs-questionnaire-validated');
    button(el, 'Valider mes réponses').click();
    const { detail } = (await validated) as CustomEvent<QuestionnaireValidatedDetail>;
    expect(detail.testRun).to.equal(true);
    expect(detail.answers['commune']).to.deep.equal({ test: true, name: 'TEST' });
  });

  it('switched off again: no test run, the postal code is empty and asked for', async () => {
    const el = await make({ mediator: true });
    field(el, 'Session de test').click();
    await el.updateComplete;
    expect(testNote(el)).to.exist;
    field(el, 'Session de test').click();
    await el.updateComplete;
    expect(field(el, 'Session de test').checked).to.equal(false);
    expect(testNote(el)).to.equal(null);
    for (let i = 0; i < 4; i += 1) {
      button(el, 'Suivant').click();
      await el.updateComplete;
    }
    expect(field(el, 'Code postal').value).to.equal('');
  });

  it('follows TEST written as the city: the switch shows it on', async () => {
    const el = await make({ mediator: true });
    for (let i = 0; i < 4; i += 1) {
      button(el, 'Suivant').click();
      await el.updateComplete;
    }
    field(el, 'Code postal').focus();
    await sendKeys({ type: 'test' });
    await el.updateComplete;
    expect(field(el, 'Session de test').checked).to.equal(true);
  });

  it('is named in English too, and is only there for the mediator', async () => {
    const el = await make({ mediator: true, lang: 'en' });
    expect(field(el, 'Test session (it does not count in the results)').getAttribute('role')).to.equal('switch');
    const participant = await make();
    expect(textOf(participant)).not.to.include('Session de test');
  });
});
