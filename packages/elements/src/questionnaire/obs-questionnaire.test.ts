import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ErrorEventDetail, QuestionnaireValidatedDetail } from '../events.js';
import { button, buttons, describedError, field, focused, frenchLeft, heading, liveText, root, smallTargets, tabTo, textOf, until } from './fixtures/dom.js';
import { communesUrl, questionnaire } from './fixtures/questionnaire.js';
import './obs-questionnaire.define.js';
import type { ObsQuestionnaire } from './obs-questionnaire.js';

const make = (attrs: { mediator?: boolean } = {}) =>
  fixture<ObsQuestionnaire>(
    html`<obs-questionnaire .questionnaire=${questionnaire} .communesUrl=${communesUrl} ?mediator=${attrs.mediator}></obs-questionnaire>`,
  );

const progress = (el: ObsQuestionnaire) => root(el).querySelector('[part="progress"]')!.textContent!.trim();

describe('<obs-questionnaire>, one question per screen', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('is completed with the keyboard only, reviewed, changed, then validated and read-only', async () => {
    const el = await make();
    expect(progress(el)).to.equal('Question 1 sur 6');
    expect(heading(el)).to.equal('Vous êtes');
    await expect(el).to.be.accessible();

    // Single choice: Tab into the group, Space picks, the arrow moves the choice, Enter goes on.
    await tabTo(el, 'Un homme');
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'ArrowDown' });
    expect(field(el, 'Une femme').checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(progress(el)).to.equal('Question 2 sur 6');
    expect(focused(el)?.textContent?.trim()).to.equal('En quelle année êtes-vous né ou née ?');

    // Year.
    const yearField = await tabTo(el, 'En quelle année');
    expect(yearField.getAttribute('inputmode')).to.equal('numeric');
    expect(yearField.getAttribute('autocomplete')).to.equal('bday-year');
    await sendKeys({ type: '1956' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;

    // The conditional question shows once "En emploi" is chosen: part of question 3, still 6 questions.
    await tabTo(el, 'En emploi');
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(progress(el)).to.equal('Question 3 (suite) sur 6');
    expect(heading(el)).to.equal('Quel est votre métier ?');
    await tabTo(el, 'Quel est votre métier');
    await sendKeys({ type: 'Boulanger' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;

    // Multiple choice.
    await tabTo(el, 'Un ordinateur');
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;

    // Commune: postal code, then the matching communes.
    await tabTo(el, 'Code postal');
    await sendKeys({ type: '35137' });
    await until(el, () => root(el).querySelectorAll('.communes input').length === 3);
    expect(liveText(el)).to.equal('Communes du code postal 35137 : 3.');
    await tabTo(el, 'Bédée');
    await sendKeys({ press: 'ArrowDown' });
    expect(field(el, 'La Nouaye').checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;

    // The optional question, left empty.
    expect(heading(el)).to.equal('Une remarque ? (facultatif)');
    expect(progress(el)).to.equal('Question 6 sur 6');
    await tabTo(el, 'Une remarque');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;

    // Review: every visible answer, a "Modifier" each.
    expect(heading(el)).to.equal('Vérifiez vos réponses');
    expect(focused(el)?.textContent?.trim()).to.equal('Vérifiez vos réponses');
    const rows = [...root(el).querySelectorAll('.summary .row')].map((row) => [
      row.querySelector('dt')!.textContent!.trim(),
      row.querySelector('dd')!.textContent!.trim(),
    ]);
    expect(rows).to.deep.equal([
      ['Vous êtes', 'Une femme'],
      ['En quelle année êtes-vous né ou née ?', '1956'],
      ['Quelle est votre situation ?', 'En emploi'],
      ['Quel est votre métier ?', 'Boulanger'],
      ['Quels appareils utilisez-vous ?', 'Un ordinateur, Un téléphone'],
      ['Dans quelle commune habitez-vous ?', 'La Nouaye (35137)'],
      ['Une remarque ?', 'Pas de réponse'],
    ]);
    expect(buttons(el).filter((name) => name.startsWith('Modifier'))).to.have.length(7);
    await expect(el).to.be.accessible();

    // "Modifier" goes to the question, "Vérifier mes réponses" comes back to the review.
    const change = await tabTo(el, 'Modifier : En quelle année');
    expect(change.tagName).to.equal('BUTTON');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(heading(el)).to.equal('En quelle année êtes-vous né ou née ?');
    const again = await tabTo(el, 'En quelle année');
    expect((again as HTMLInputElement).value).to.equal('1956');
    for (let i = 0; i < 4; i += 1) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '1950' });
    expect(buttons(el)).to.include('Vérifier mes réponses');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(heading(el)).to.equal('Vérifiez vos réponses');
    expect(textOf(el)).to.include('1950');

    // Validation: the event carries the answers; then read-only.
    await tabTo(el, 'Valider mes réponses');
    const validated = oneEvent(el, 'obs-questionnaire-validated');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await validated) as CustomEvent<QuestionnaireValidatedDetail>;
    expect(detail.answers).to.deep.equal({
      genre: 'feminin',
      naissance: 1950,
      statut: 'en_emploi',
      metier: 'Boulanger',
      materiel: ['ordinateur', 'telephone'],
      commune: { postalCode: '35137', code: '35203', name: 'La Nouaye', department: '35', region: '53', epci: '243500550' },
    });
    expect(detail).to.include({ filledByMediator: false, testRun: false });
    await el.updateComplete;
    expect(heading(el)).to.equal('Vos réponses sont enregistrées');
    expect(focused(el)?.textContent?.trim()).to.equal('Vos réponses sont enregistrées');
    expect(root(el).querySelectorAll('button, input')).to.have.length(0);
    expect(textOf(el)).to.include('La Nouaye (35137)');
    await expect(el).to.be.accessible();
  });

  it('says which answer is missing or wrong and how to fix it, on the field, with the focus there', async () => {
    const el = await make();
    button(el, 'Suivant').click();
    await el.updateComplete;
    const first = field(el, 'Un homme');
    expect(first.getAttribute('aria-invalid')).to.equal('true');
    expect(describedError(el, first)).to.equal('Choisissez une réponse à la question « Vous êtes ».');
    expect(focused(el)).to.equal(first);
    expect(liveText(el)).to.equal('Réponses à corriger : 1.');
    await expect(el).to.be.accessible();

    first.click();
    await el.updateComplete;
    expect(first.hasAttribute('aria-invalid')).to.equal(false);
    button(el, 'Suivant').click();
    await el.updateComplete;

    for (const typed of ['mille neuf cent', '1850', '2999']) {
      const year = field(el, 'En quelle année');
      year.value = typed;
      button(el, 'Suivant').click();
      await el.updateComplete;
      expect(year.getAttribute('aria-invalid'), typed).to.equal('true');
      expect(describedError(el, year)).to.equal(
        `Pour « En quelle année êtes-vous né ou née ? », écrivez une année en chiffres entre 1900 et ${new Date().getUTCFullYear()}, par exemple 1956.`,
      );
      expect(focused(el)).to.equal(year);
      expect(progress(el)).to.equal('Question 2 sur 6');
    }
    await expect(el).to.be.accessible();
    field(el, 'En quelle année').value = '1948';
    button(el, 'Suivant').click();
    await el.updateComplete;
    expect(progress(el)).to.equal('Question 3 sur 6');
    button(el, 'Précédent').click();
    await el.updateComplete;
    expect(field(el, 'En quelle année').value).to.equal('1948');
    expect(field(el, 'En quelle année').hasAttribute('aria-invalid')).to.equal(false);
  });

  it('shows and hides the conditional question as the answer it depends on changes', async () => {
    const el = await fixture<ObsQuestionnaire>(
      html`<obs-questionnaire .questionnaire=${questionnaire} .answers=${{ genre: 'feminin', naissance: 1950 }}></obs-questionnaire>`,
    );
    button(el, 'Suivant').click();
    await el.updateComplete;
    button(el, 'Suivant').click();
    await el.updateComplete;
    field(el, 'Retraité').click();
    await el.updateComplete;
    expect(progress(el)).to.equal('Question 3 sur 6');
    field(el, 'En emploi').click();
    await el.updateComplete;
    expect(progress(el), 'the total does not move').to.equal('Question 3 sur 6');
    button(el, 'Suivant').click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Quel est votre métier ?');
    expect(progress(el)).to.equal('Question 3 (suite) sur 6');
    el.lang = 'en';
    await el.updateComplete;
    expect(progress(el)).to.equal('Question 3 (continued) of 6');
  });

  it('records the mediator switch, and TEST as the city makes a test run', async () => {
    const el = await make({ mediator: true });
    const toggle = field(el, 'Rempli par le médiateur pour le participant');
    expect(toggle.getAttribute('role')).to.equal('switch');
    toggle.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(toggle.checked).to.equal(true);
    await expect(el).to.be.accessible();

    el.answers = { genre: 'masculin', naissance: 1960, statut: 'retraite', materiel: ['aucun'] };
    await el.updateComplete;
    for (let i = 0; i < 4; i += 1) {
      button(el, 'Suivant').click();
      await el.updateComplete;
    }
    expect(heading(el)).to.equal('Dans quelle commune habitez-vous ?');
    expect(textOf(el)).to.include('Pour une session de test, cochez « Session de test » plus bas.');
    field(el, 'Rempli par le médiateur').click();
    const postal = field(el, 'Code postal');
    postal.focus();
    await sendKeys({ type: 'test' });
    await el.updateComplete;
    expect(root(el).querySelector('[part="test-note"]')!.textContent).to.equal('Session de test\u00a0: elle ne comptera pas dans les résultats.');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    button(el, 'Vérifier mes réponses').click();
    await el.updateComplete;
    expect(textOf(el)).to.include('Le médiateur a rempli ce questionnaire.');
    expect(textOf(el)).to.include('TEST');
    const validated = oneEvent(el, 'obs-questionnaire-validated');
    button(el, 'Valider mes réponses').click();
    const { detail } = (await validated) as CustomEvent<QuestionnaireValidatedDetail>;
    expect(detail.testRun).to.equal(true);
    expect(detail.filledByMediator).to.equal(true);
    expect(detail.answers['commune']).to.deep.equal({ test: true, name: 'TEST' });
  });

  it('holds at 320 px wide with targets of at least 44×44 px, in every state', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await make({ mediator: true });
    const fits = () => {
      expect(document.documentElement.scrollWidth, 'no horizontal scroll').to.be.at.most(320);
      expect(smallTargets(el)).to.deep.equal([]);
    };
    fits();
    button(el, 'Suivant').click();
    await el.updateComplete;
    fits();
    el.answers = { genre: 'masculin', naissance: 1960, statut: 'retraite', materiel: ['aucun'], commune: { test: true, name: 'TEST' } };
    await el.updateComplete;
    for (let i = 0; i < 6; i += 1) {
      button(el, buttons(el).includes('Suivant') ? 'Suivant' : 'Vérifier mes réponses').click();
      await el.updateComplete;
    }
    expect(heading(el)).to.equal('Vérifiez vos réponses');
    fits();
    // Text twice as large (200% zoom of the text alone) still fits.
    el.classList.add('large-text');
    const style = document.createElement('style');
    style.textContent = '.large-text { --obs-font-size: 2.25rem; }';
    document.head.append(style);
    await el.updateComplete;
    expect(getComputedStyle(el).fontSize).to.equal('36px');
    fits();
    style.remove();
  });

  it('reports answers given as a property that do not fit their question, and leaves them out', async () => {
    const errors: string[] = [];
    const listener = (event: Event) => errors.push((event as CustomEvent<ErrorEventDetail>).detail.code);
    document.addEventListener('obs-error', listener);
    const el = await fixture<ObsQuestionnaire>(
      html`<obs-questionnaire .questionnaire=${questionnaire} .answers=${{ genre: 'autre', naissance: 1950, inconnue: 'x' }}></obs-questionnaire>`,
    );
    document.removeEventListener('obs-error', listener);
    expect(errors).to.deep.equal(['invalid_question_answer', 'unknown_question']);
    expect(field(el, 'Un homme').checked || field(el, 'Une femme').checked).to.equal(false);
    button(el, 'Suivant').click();
    await el.updateComplete;
    expect(describedError(el, field(el, 'Un homme'))).to.equal('Choisissez une réponse à la question « Vous êtes ».');
  });

  it('switches every string to English at runtime', async () => {
    const el = await make({ mediator: true });
    el.lang = 'en';
    await el.updateComplete;
    expect(progress(el)).to.equal('Question 1 of 6');
    expect(heading(el)).to.equal('You are');
    expect(buttons(el)).to.deep.equal(['Next']);
    expect(frenchLeft(el)).to.deep.equal([]);
    button(el, 'Next').click();
    await el.updateComplete;
    expect(describedError(el, field(el, 'A man'))).to.equal('Choose an answer to the question “You are”.');
    expect(liveText(el)).to.equal('Answers to correct: 1.');
    expect(frenchLeft(el)).to.deep.equal([]);
    el.answers = { genre: 'masculin', naissance: 1960, statut: 'retraite', materiel: ['aucun'], commune: { test: true, name: 'TEST' } };
    await el.updateComplete;
    for (let i = 0; i < 6; i += 1) {
      button(el, buttons(el).includes('Next') ? 'Next' : 'Check my answers').click();
      await el.updateComplete;
    }
    expect(heading(el)).to.equal('Check your answers');
    expect(textOf(el)).to.include('Test session: it will not count in the results.');
    expect(frenchLeft(el)).to.deep.equal([]);
    el.lang = 'fr';
    await el.updateComplete;
    expect(heading(el)).to.equal('Vérifiez vos réponses');
  });
});
