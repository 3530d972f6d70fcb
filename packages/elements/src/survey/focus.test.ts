/**
 * Every screen change of the survey moves the focus to the new screen's heading, and the
 * survey's own changes are announced (docs/elements.md, "Accessibility"): never left on <body>.
 * Driven with the keyboard only, as a person would.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { SurveyDefinitionInput } from '@observatoire/core';
import { sendKeys } from '@web/test-runner-commands';
import '../course-chainer/obs-course-chainer.define.js';
import '../results-card/obs-results-card.define.js';
import './obs-survey.define.js';
import type { ObsSurvey } from './obs-survey.js';
import { deepActiveElement, deepQueryAll, textOf } from '../challenge-player/test-fixtures.js';

const text = (fr: string, en = `${fr} (en)`) => ({ fr, en });

const definition: SurveyDefinitionInput = {
  schemaVersion: 1,
  provenance: { author: 'Observatoire', status: 'project' },
  id: 'focus',
  version: '1',
  title: text('Essai'),
  information: { title: text('Bienvenue', 'Welcome'), body: [text('Un paragraphe.')], consent: text("Je suis d'accord", 'I agree') },
  questionnaire: {
    id: 'q',
    questions: [{ id: 'genre', kind: 'single', label: text('Vous êtes'), options: [{ code: 'feminin', label: text('Femme') }, { code: 'masculin', label: text('Homme') }] }],
  },
  challenges: [
    { id: 'a', type: 'QCU', instruction: text('Question A'), proposals: [text('Oui'), text('Non')], solution: 1 },
    { id: 'b', type: 'QCU', instruction: text('Question B'), proposals: [text('Oui'), text('Non')], solution: 2 },
  ],
  courses: [
    { id: 'un', title: text('Parcours un'), challenges: ['a'] },
    { id: 'deux', title: text('Parcours deux'), challenges: ['b'] },
  ],
};

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Timed out: ${what}`);
}

const status = (el: ObsSurvey) => textOf(el.shadowRoot!.querySelector('[role="status"]'));
/** The focused element's name: its text, or its label's for a field. */
function focusedText(): string {
  const active = deepActiveElement();
  if (active instanceof HTMLInputElement) return textOf(active.labels?.[0] ?? active.closest('label'));
  return textOf(active);
}

/** The focus is on a heading whose text starts with `start` (waits for the nested element to render). */
async function focusOnHeading(start: string): Promise<void> {
  await until(() => /^H[1-3]$/.test(deepActiveElement()?.tagName ?? '') && focusedText().startsWith(start), `focus on the heading "${start}", not on ${deepActiveElement()?.tagName}: "${focusedText()}"`);
}

/** Tab until the focused control is named `name`, then press `key`. */
async function press(name: string | RegExp, key = 'Enter'): Promise<void> {
  const matches = () => (typeof name === 'string' ? focusedText() === name : name.test(focusedText()));
  for (let i = 0; i < 30 && !matches(); i += 1) await sendKeys({ press: 'Tab' });
  expect(focusedText(), `Tab reaches ${String(name)}`).to.match(typeof name === 'string' ? new RegExp(`^${name}$`) : name);
  await sendKeys({ press: key });
}

describe('<obs-survey>: focus follows every screen', () => {
  it('information → questionnaire → review → exercises → course → end of course → course → results, with the keyboard', async () => {
    const el = await fixture<ObsSurvey>(html`<obs-survey .definition=${definition}></obs-survey>`);
    await until(() => el.session !== undefined, 'the session');
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.focus();
    await sendKeys({ press: ' ' });
    await press('Commencer');
    await focusOnHeading('Vous êtes');
    expect(status(el)).to.equal('Questionnaire');

    // A single choice: Tab into the group, Space picks; Enter goes on.
    await press('Femme', ' ');
    await sendKeys({ press: 'Enter' });
    await focusOnHeading('Vérifiez vos réponses');
    await press('Valider mes réponses');
    await focusOnHeading('Les défis vont commencer');
    expect(status(el)).to.equal('Défis : 2 parcours');

    await press('Commencer');
    await focusOnHeading('Défi 1 sur 1');
    await press('Oui', ' ');
    await press('Je valide');
    await focusOnHeading('Fin du parcours');
    await press('Continuer');
    await focusOnHeading('Défi 1 sur 1');
    await press('Oui', 'ArrowDown'); // into the group, then the arrow picks "Non"
    await press('Je valide');
    await focusOnHeading('Merci');
    expect(status(el)).to.equal('Résultats');
    expect(el.session!.state.phase).to.equal('finished');
    expect(deepQueryAll(el.shadowRoot!, 'obs-results-card')).to.have.length(1);
  });

  it('after "Arrêter ici" and its confirmation, the results heading takes the focus', async () => {
    const el = await fixture<ObsSurvey>(html`<obs-survey .definition=${definition}></obs-survey>`);
    await until(() => el.session !== undefined, 'the session');
    const session = el.session!;
    for (const action of [
      { type: 'start', consent: true },
      { type: 'answerQuestion', questionId: 'genre', value: 'masculin' },
      { type: 'review' },
      { type: 'validateQuestionnaire' },
      { type: 'continue' },
      { type: 'answerChallenge', challengeId: 'a', answer: '1' },
    ] as const)
      session.dispatch(action);
    await focusOnHeading('Fin du parcours');
    await press('Arrêter ici');
    await until(() => focusedText().startsWith('Voulez-vous vous arrêter ici'), 'focus on the question');
    await press('Oui, arrêter ici');
    await focusOnHeading('Merci');
    expect(status(el)).to.equal('Résultats');
    await expect(el).to.be.accessible();
  });
});
