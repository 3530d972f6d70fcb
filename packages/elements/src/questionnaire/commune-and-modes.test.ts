import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { ProtocolError, createSurveySession, currentYearAt, type SurveySession } from '@observatoire/core';
import { sendKeys } from '@web/test-runner-commands';
import { surveyContext, type SurveyContextValue } from '../context.js';
import type { ErrorEventDetail, QuestionnaireValidatedDetail } from '../events.js';
import { button, describedError, field, focused, heading, liveText, root, textOf, until } from './fixtures/dom.js';
import { communesUrl, definition, questionnaire } from './fixtures/questionnaire.js';
import { LocalQuestionnaire } from './model.js';
import './obs-questionnaire.define.js';
import type { ObsQuestionnaire } from './obs-questionnaire.js';

/** The questionnaire shown at its commune question. */
async function atCommune(url: string): Promise<ObsQuestionnaire> {
  const el = await fixture<ObsQuestionnaire>(
    html`<obs-questionnaire
      .questionnaire=${questionnaire}
      .answers=${{ genre: 'masculin', naissance: 1960, statut: 'retraite', materiel: ['aucun'] }}
      communes-url=${url}
    ></obs-questionnaire>`,
  );
  for (let i = 0; i < 4; i += 1) {
    button(el, 'Suivant').click();
    await el.updateComplete;
  }
  expect(heading(el)).to.equal('Dans quelle commune habitez-vous ?');
  return el;
}

async function typePostalCode(el: ObsQuestionnaire, code: string): Promise<HTMLInputElement> {
  const postal = field(el, 'Code postal');
  postal.focus();
  postal.select();
  await sendKeys({ type: code });
  return postal;
}

describe('<obs-questionnaire> commune question', () => {
  it('loads only the shard of the postal code typed, and selects a single commune by itself', async () => {
    const el = await atCommune(communesUrl);
    const loaded = () => performance.getEntriesByType('resource').filter((entry) => /\/\d\d\.json$/.test(entry.name)).map((entry) => entry.name);
    const before = loaded().length;
    expect(root(el).querySelector('.communes')).to.equal(null);
    await typePostalCode(el, '35000');
    await until(el, () => root(el).querySelector('.communes') !== null);
    expect(loaded().slice(before).map((url) => url.slice(url.lastIndexOf('/') + 1))).to.deep.equal(['35.json']);
    const rennes = field(el, 'Rennes');
    expect(rennes.checked, 'the only commune is chosen, and still shown').to.equal(true);
    expect(liveText(el)).to.equal('Communes du code postal 35000 : 1.');
    await expect(el).to.be.accessible();
    button(el, 'Suivant').click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Une remarque ? (facultatif)');
  });

  it('asks for a commune to be chosen when the postal code has several', async () => {
    const el = await atCommune(communesUrl);
    await typePostalCode(el, '35137');
    await until(el, () => root(el).querySelectorAll('.communes input').length === 3);
    button(el, 'Suivant').click();
    await el.updateComplete;
    const postal = field(el, 'Code postal');
    expect(postal.getAttribute('aria-invalid')).to.equal('true');
    expect(describedError(el, postal)).to.equal('Pour « Dans quelle commune habitez-vous ? », choisissez votre commune dans la liste.');
    field(el, 'Pleumeleuc').click();
    await el.updateComplete;
    expect(postal.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('says when no commune has the postal code, and when the code is not 5 digits', async () => {
    const el = await atCommune(communesUrl);
    const postal = await typePostalCode(el, '99999');
    await until(el, () => postal.getAttribute('aria-invalid') === 'true');
    expect(describedError(el, postal)).to.equal('Aucune commune ne correspond au code postal 99999. Vérifiez le code.');
    await expect(el).to.be.accessible();
    await typePostalCode(el, '3500');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(describedError(el, postal)).to.equal('Pour « Dans quelle commune habitez-vous ? », écrivez le code postal en 5 chiffres, par exemple 35000.');
    expect(focused(el)).to.equal(postal);
  });

  it('offers to try again when the list cannot be loaded, never a blank', async () => {
    const el = await atCommune('/no-such-folder/');
    const postal = await typePostalCode(el, '35000');
    await until(el, () => postal.getAttribute('aria-invalid') === 'true');
    expect(describedError(el, postal)).to.equal('La liste des communes n’a pas pu être chargée. Vérifiez la connexion, puis réessayez.');
    expect(liveText(el)).to.equal('La liste des communes n’a pas pu être chargée. Vérifiez la connexion, puis réessayez.');
    await expect(el).to.be.accessible();
    el.communesUrl = communesUrl;
    button(el, 'Réessayer').click();
    await until(el, () => root(el).querySelector('.communes') !== null);
    expect(field(el, 'Rennes').checked).to.equal(true);
    expect(postal.hasAttribute('aria-invalid')).to.equal(false);
  });
});

describe('<obs-questionnaire one-page>', () => {
  it('shows every question with an error summary, focus on the first field in error', async () => {
    const el = await fixture<ObsQuestionnaire>(
      html`<obs-questionnaire one-page .questionnaire=${questionnaire} communes-url=${communesUrl}></obs-questionnaire>`,
    );
    expect(root(el).querySelectorAll('[part="question"]')).to.have.length(6);
    expect(root(el).querySelector('[part="progress"]')).to.equal(null);
    field(el, 'En emploi').click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('[part="question"]')).to.have.length(7);
    field(el, 'Retraité').click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('[part="question"]')).to.have.length(6);

    button(el, 'Vérifier mes réponses').click();
    await el.updateComplete;
    const summary = root(el).querySelector('[part="error-summary"]')!;
    expect(summary.querySelectorAll('li')).to.have.length(4);
    expect(summary.textContent!.replace(/\s+/g, ' ')).to.include('Cochez au moins une réponse à la question « Quels appareils utilisez-vous ? ».');
    expect(focused(el)).to.equal(field(el, 'Un homme'));
    await expect(el).to.be.accessible();
    button(el, 'Cochez au moins une réponse').click();
    await el.updateComplete;
    expect(focused(el)).to.equal(field(el, 'Un ordinateur'));

    // Exclusive choice: "Aucun" unticks the others, and the other way round.
    field(el, 'Un ordinateur').click();
    field(el, 'Aucun').click();
    await el.updateComplete;
    expect(field(el, 'Un ordinateur').checked).to.equal(false);
    field(el, 'Un téléphone').click();
    await el.updateComplete;
    expect(field(el, 'Aucun').checked).to.equal(false);

    field(el, 'Un homme').click();
    field(el, 'En quelle année').value = '1944';
    await typePostalCode(el, 'Test');
    button(el, 'Vérifier mes réponses').click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Vérifiez vos réponses');
    button(el, 'Modifier : Une remarque').click();
    await el.updateComplete;
    expect(focused(el)).to.equal(field(el, 'Une remarque'));
  });
});

describe('<obs-questionnaire> inside a survey', () => {
  /** A provider standing for `<obs-survey>`: shares the session, re-provides its state. */
  async function inSurvey(session: SurveySession): Promise<ObsQuestionnaire> {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const value = (): SurveyContextValue => ({
      session,
      state: session.state,
      definition,
      lang: 'fr',
      mediator: true,
      mode: 'measurement',
      baseUrl: location.href,
      links: {},
    });
    const provider = new ContextProvider(host, { context: surveyContext, initialValue: value() });
    session.subscribe(() => provider.setValue(value()));
    return fixture<ObsQuestionnaire>(html`<obs-questionnaire communes-url=${communesUrl}></obs-questionnaire>`, { parentNode: host });
  }

  it('dispatches the answers, the mediator switch, the review and the validation to the session', async () => {
    const session = createSurveySession(definition, { seed: 'essai' });
    session.dispatch({ type: 'start', consent: true });
    session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'feminin' });
    const el = await inSurvey(session);
    expect(field(el, 'Une femme').checked).to.equal(true);
    field(el, 'Rempli par le médiateur').click();
    field(el, 'Une femme').click();
    button(el, 'Suivant').click();
    await el.updateComplete;
    field(el, 'En quelle année').value = '1939';
    button(el, 'Suivant').click();
    await el.updateComplete;
    field(el, 'Retraité').click();
    button(el, 'Suivant').click();
    await el.updateComplete;
    field(el, 'Aucun').click();
    button(el, 'Suivant').click();
    await el.updateComplete;
    await typePostalCode(el, '35000');
    await until(el, () => session.state.questionnaire.answers['commune'] !== undefined);
    button(el, 'Suivant').click();
    await el.updateComplete;
    button(el, 'Vérifier mes réponses').click();
    await el.updateComplete;
    expect(session.state.phase).to.equal('review');
    expect(heading(el)).to.equal('Vérifiez vos réponses');

    const validated = oneEvent(el, 'obs-questionnaire-validated');
    button(el, 'Valider mes réponses').click();
    const { detail } = (await validated) as CustomEvent<QuestionnaireValidatedDetail>;
    expect(session.state.questionnaire.locked).to.equal(true);
    expect(session.state.questionnaire.filledByMediator).to.equal(true);
    expect(session.state.events.find((event) => event.action.type === 'setFilledByMediator')!.actor).to.equal('mediator');
    expect(detail.answers).to.deep.equal(session.state.questionnaire.answers);
    expect(detail.answers['commune']).to.deep.include({ code: '35238', region: '53' });
    await el.updateComplete;
    expect(root(el).querySelectorAll('button, input')).to.have.length(0);
  });

  it('shows a refused review as field errors, and other refusals as obs-error, never an exception', async () => {
    const session = createSurveySession(definition, { seed: 'essai' });
    session.dispatch({ type: 'start', consent: true });
    for (const [questionId, value] of Object.entries({ genre: 'masculin', naissance: 1950, statut: 'retraite', materiel: ['aucun'] }))
      session.dispatch({ type: 'answerQuestion', questionId, value });
    session.dispatch({ type: 'answerQuestion', questionId: 'commune', value: { test: true, name: 'TEST' } });
    const el = await inSurvey(session);
    for (let i = 0; i < 5; i += 1) {
      button(el, 'Suivant').click();
      await el.updateComplete;
    }
    expect(heading(el)).to.equal('Une remarque ? (facultatif)');
    // Meanwhile another part of the page clears an answer: the session refuses the review.
    session.dispatch({ type: 'answerQuestion', questionId: 'naissance', value: null });
    button(el, 'Vérifier mes réponses').click();
    await el.updateComplete;
    expect(session.state.phase).to.equal('questionnaire');
    const year = field(el, 'En quelle année');
    expect(year.getAttribute('aria-invalid')).to.equal('true');
    expect(describedError(el, year)).to.include('écrivez une année en chiffres');
    expect(focused(el)).to.equal(year);

    // A session that has not started refuses answers: an obs-error event, no uncaught exception.
    const early = await inSurvey(createSurveySession(definition, { seed: 'essai' }));
    const failure = oneEvent(early, 'obs-error');
    field(early, 'Un homme').click();
    const { detail } = (await failure) as CustomEvent<ErrorEventDetail>;
    expect(detail.code).to.equal('wrong_phase');
    await early.updateComplete;
    expect(field(early, 'Un homme').checked, 'the refused choice is not shown as made').to.equal(false);
  });
});

describe('the questionnaire alone (LocalQuestionnaire)', () => {
  /** What a dispatch of this birth year gives: 'ok' or the ProtocolError code. */
  function outcome(dispatch: () => void): string {
    try {
      dispatch();
      return 'ok';
    } catch (error) {
      if (error instanceof ProtocolError) return error.code;
      throw error;
    }
  }

  it('bounds year questions by the UTC year of its clock, like a session with the same clock, around New Year', () => {
    // Far from today, so a controller reading the real date instead of its clock would disagree.
    const times = ['2039-12-31T23:30:00Z', '2040-01-01T00:30:00+01:00', '2039-12-31T21:30:00-04:00', '2040-01-01T00:00:00Z'];
    for (const time of times) {
      const now = Date.parse(time);
      const session = createSurveySession(definition, { seed: 'essai', clock: () => now });
      session.dispatch({ type: 'start', consent: true });
      const local = new LocalQuestionnaire(questionnaire, {}, () => now);
      const year = currentYearAt(now);
      for (const value of [year - 1, year, year + 1]) {
        const action = { type: 'answerQuestion', questionId: 'naissance', value } as const;
        const expected = value <= year ? 'ok' : 'invalid_question_answer';
        expect(outcome(() => session.dispatch(action)), `session, ${value} at ${time}`).to.equal(expected);
        expect(outcome(() => local.dispatch(action)), `alone, ${value} at ${time}`).to.equal(expected);
      }
    }
    expect(currentYearAt(Date.parse('2040-01-01T00:30:00+01:00'))).to.equal(2039);
  });
});
