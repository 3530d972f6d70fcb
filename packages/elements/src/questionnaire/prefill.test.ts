import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ErrorEventDetail, QuestionnaireValidatedDetail } from '../events.js';
import { field, heading, root, tabTo } from './fixtures/dom.js';
import { communesUrl, questionnaire } from './fixtures/questionnaire.js';
import './obs-questionnaire.define.js';
import type { ObsQuestionnaire } from './obs-questionnaire.js';

const MARK = 'Déjà renseigné par la structure — à confirmer';
const laNouaye = { postalCode: '35137', code: '35203', name: 'La Nouaye', department: '35', region: '53', epci: '243500550' };

/** The review's rows: question, answer (with the prefilled mark when there is one). */
const reviewRows = (el: ObsQuestionnaire) =>
  [...root(el).querySelectorAll('.summary .row')].map((row) => [
    row.querySelector('dt')!.textContent!.trim(),
    row.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim(),
  ]);

describe('<obs-questionnaire prefill>: answers the structure knows, confirmed on the review', () => {
  it('shows prefilled answers marked on the review; a changed one loses its mark and is not recorded as prefilled; a bad entry is reported and left out', async () => {
    const errors: ErrorEventDetail[] = [];
    const listen = (event: Event) => errors.push((event as CustomEvent<ErrorEventDetail>).detail);
    document.addEventListener('obs-error', listen);
    const el = await fixture<ObsQuestionnaire>(
      html`<obs-questionnaire
        one-page
        .questionnaire=${questionnaire}
        .communesUrl=${communesUrl}
        .answers=${{ naissance: 1956, materiel: ['ordinateur'] }}
        .prefill=${{ genre: 'feminin', statut: 'retraite', commune: laNouaye, age: 'soixante_soixante_neuf', naissance: 3000 }}
      ></obs-questionnaire>`,
    );
    document.removeEventListener('obs-error', listen);
    expect(errors.map((e) => [e.code, (e.error as { ids?: string[] }).ids])).to.deep.equal([
      ['unknown_question', ['age']],
      ['invalid_question_answer', ['naissance']],
    ]);

    // On the form, each prefilled answer is already chosen and says so.
    expect(field(el, 'Une femme').checked).to.equal(true);
    const marks = [...root(el).querySelectorAll('[part="prefilled"]')];
    expect(marks.map((mark) => mark.textContent!.trim())).to.deep.equal([MARK, MARK, MARK]);
    expect(field(el, 'Une femme').closest('fieldset')!.getAttribute('aria-describedby')).to.contain('q-genre-prefilled');
    await expect(el).to.be.accessible();

    await tabTo(el, 'Vérifier mes réponses');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(heading(el)).to.equal('Vérifiez vos réponses');
    expect(reviewRows(el)).to.deep.equal([
      ['Vous êtes', `Une femme ${MARK}`],
      ['En quelle année êtes-vous né ou née ?', '1956'],
      ['Quelle est votre situation ?', `Retraité ou retraitée ${MARK}`],
      ['Quels appareils utilisez-vous ?', 'Un ordinateur'],
      ['Dans quelle commune habitez-vous ?', `La Nouaye (35137) ${MARK}`],
      ['Une remarque ?', 'Pas de réponse'],
    ]);
    expect(root(el).textContent).to.contain('La structure a déjà renseigné certaines réponses.');
    await expect(el).to.be.accessible();

    // The person corrects the gender: "Modifier", another choice with the arrows, back to the review.
    await tabTo(el, 'Modifier : Vous êtes');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(field(el, 'Un homme'));
    await sendKeys({ press: 'ArrowDown' });
    expect(field(el, 'Une femme').checked).to.equal(true, 'the arrow moves from the first option to the second');
    await sendKeys({ press: 'ArrowUp' });
    expect(field(el, 'Un homme').checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(heading(el)).to.equal('Vérifiez vos réponses');
    expect(reviewRows(el)[0]).to.deep.equal(['Vous êtes', 'Un homme']);
    expect(reviewRows(el)[2]).to.deep.equal(['Quelle est votre situation ?', `Retraité ou retraitée ${MARK}`]);

    // Validation confirms what is left prefilled; the changed answer is the person's.
    await tabTo(el, 'Valider mes réponses');
    const validated = oneEvent(el, 'obs-questionnaire-validated');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await validated) as CustomEvent<QuestionnaireValidatedDetail>;
    expect(detail.prefilled).to.deep.equal(['statut', 'commune']);
    expect(detail.answers).to.deep.include({ genre: 'masculin', statut: 'retraite' });
    await el.updateComplete;
    expect(root(el).querySelectorAll('[part="prefilled"]')).to.have.length(0);
  });
});
