/**
 * `<obs-survey history>`: the browser's Back goes to the previous question, and never leaves the
 * survey without asking (docs/elements.md, "History"). Driven as a person would, with the keyboard
 * and `history.back()`; every wait is for an observable state (popstate is asynchronous).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { SurveyDefinitionInput } from '@observatoire/core';
import { sendKeys } from '@web/test-runner-commands';
import '../course-chainer/obs-course-chainer.define.js';
import '../results-card/obs-results-card.define.js';
import './obs-survey.define.js';
import type { ObsSurvey } from './obs-survey.js';
import { deepActiveElement, textOf } from '../challenge-player/test-fixtures.js';

const text = (fr: string, en = `${fr} (en)`) => ({ fr, en });
const single = (id: string, label: string) => ({
  id, kind: 'single' as const, label: text(label), options: [{ code: 'oui', label: text('Oui') }, { code: 'non', label: text('Non') }],
});

const definition: SurveyDefinitionInput = {
  schemaVersion: 1,
  provenance: { author: 'Observatoire', status: 'project' },
  id: 'history',
  version: '1',
  title: text('Essai'),
  information: { title: text('Bienvenue', 'Welcome'), body: [text('Un paragraphe.')], consent: text("Je suis d'accord", 'I agree') },
  questionnaire: { id: 'q', questions: [single('un', 'Première question'), single('deux', 'Deuxième question'), single('trois', 'Troisième question')] },
  challenges: [{ id: 'a', type: 'QCU', instruction: text('Question A'), proposals: [text('Oui'), text('Non')], solution: 1 }],
  courses: [{ id: 'un', title: text('Parcours un'), challenges: ['a'] }],
};

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Timed out: ${what}`);
}

function focusedText(): string {
  const active = deepActiveElement();
  if (active instanceof HTMLInputElement) return textOf(active.labels?.[0] ?? active.closest('label'));
  return textOf(active);
}

async function focusOnHeading(start: string): Promise<void> {
  await until(() => /^H[1-3]$/.test(deepActiveElement()?.tagName ?? '') && focusedText().startsWith(start), `focus on the heading "${start}", not on ${deepActiveElement()?.tagName}: "${focusedText()}"`);
}

async function press(name: string, key = 'Enter'): Promise<void> {
  for (let i = 0; i < 30 && focusedText() !== name; i += 1) await sendKeys({ press: 'Tab' });
  expect(focusedText(), `Tab reaches ${name}`).to.equal(name);
  await sendKeys({ press: key });
}

const confirmation = (el: ObsSurvey) => el.shadowRoot!.querySelector('dialog');

async function start(el: ObsSurvey): Promise<void> {
  await until(() => el.session !== undefined, 'the session');
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.focus();
  await sendKeys({ press: ' ' });
  await press('Commencer');
  await focusOnHeading('Première question');
}

/** Answer the shown question "Oui" and go on to `next`. */
async function answer(next: string): Promise<void> {
  await press('Oui', ' ');
  await sendKeys({ press: 'Enter' });
  await focusOnHeading(next);
}

const AFTER_THE_FIRST_QUESTION = ['Deuxième question', 'Troisième question', 'Vérifiez vos réponses'] as const;

/** From the information screen to `screen` by keyboard: "Oui" to each question, then "Valider mes réponses" for the courses. */
async function driveTo(el: ObsSurvey, screen: (typeof AFTER_THE_FIRST_QUESTION)[number] | 'Les défis vont commencer'): Promise<void> {
  await start(el);
  for (const next of AFTER_THE_FIRST_QUESTION) {
    await answer(next);
    if (next === screen) return;
  }
  await press('Valider mes réponses');
  await focusOnHeading('Les défis vont commencer');
}

describe('<obs-survey history>: the browser Back button', () => {
  it('goes back to the previous question, focus on its heading', async () => {
    const el = await fixture<ObsSurvey>(html`<obs-survey history .definition=${definition}></obs-survey>`);
    await driveTo(el, 'Troisième question');
    history.back();
    await focusOnHeading('Deuxième question');
    history.back();
    await focusOnHeading('Première question');
    expect(confirmation(el)).to.equal(null);
    // Forward again with "Suivant": a new entry, and Back still works.
    await answer('Deuxième question');
    history.back();
    await focusOnHeading('Première question');
  });

  it('from the review, goes back to the last question', async () => {
    const el = await fixture<ObsSurvey>(html`<obs-survey history .definition=${definition}></obs-survey>`);
    await driveTo(el, 'Vérifiez vos réponses');
    history.back();
    await focusOnHeading('Troisième question');
  });

  it('on the first question, asks first; "Rester" keeps the survey, focus on the heading; axe clean', async () => {
    const el = await fixture<ObsSurvey>(html`<obs-survey history .definition=${definition}></obs-survey>`);
    await start(el);
    const length = history.length;
    history.back();
    await until(() => confirmation(el)?.open === true && focusedText().startsWith('Voulez-vous quitter le questionnaire'), 'the confirmation, focus in it');
    expect(textOf(confirmation(el))).to.contain('Vos réponses sont gardées.');
    await expect(el).to.be.accessible();
    await press('Rester');
    await focusOnHeading('Première question');
    expect(confirmation(el)).to.equal(null);
    expect(history.length).to.equal(length);
    // Still held: Back asks again.
    history.back();
    await until(() => confirmation(el)?.open === true, 'the confirmation again');
    await press('Rester');
    await focusOnHeading('Première question');
  });

  it('during the courses, asks first; "Quitter" goes back past the survey', async () => {
    const el = await fixture<ObsSurvey>(html`<obs-survey history .definition=${definition}></obs-survey>`);
    await driveTo(el, 'Les défis vont commencer');
    history.back();
    await until(() => confirmation(el)?.open === true && focusedText().startsWith('Voulez-vous quitter'), 'the confirmation during the courses');
    expect(el.shadowRoot!.querySelector('obs-course-chainer')).to.not.equal(null);
    const go = history.go;
    const steps: number[] = [];
    history.go = (delta?: number) => void steps.push(delta ?? 0);
    try {
      await press('Quitter');
    } finally {
      history.go = go;
    }
    // Five entries (three questions, the review, the courses), and the page's own one.
    expect(steps).to.deep.equal([-6]);
    expect(confirmation(el)).to.equal(null);
  });

  it('from the results, one Back leaves the survey: no screen of it comes back', async () => {
    // The host page's own entries: the one before it, and its own.
    history.pushState({ page: 'before' }, '');
    history.pushState({ page: 'host' }, '');
    const el = await fixture<ObsSurvey>(html`<obs-survey history .definition=${definition}></obs-survey>`);
    await driveTo(el, 'Les défis vont commencer');
    const session = el.session!;
    session.dispatch({ type: 'continue' });
    session.dispatch({ type: 'answerChallenge', challengeId: 'a', answer: '1' });
    await until(() => el.shadowRoot!.querySelector('obs-results-card') !== null, 'the results');
    await until(() => (history.state as { page?: string } | null)?.page === 'host', "the host page's entry, the survey's taken back");
    history.back();
    await until(() => (history.state as { page?: string } | null)?.page === 'before', 'the entry before the page');
    expect(el.shadowRoot!.querySelector('obs-results-card')).to.not.equal(null);
    expect(confirmation(el)).to.equal(null);
  });

  it('in English', async () => {
    const el = await fixture<ObsSurvey>(html`<obs-survey history lang="en" .definition=${definition}></obs-survey>`);
    await until(() => el.session !== undefined, 'the session');
    el.session!.dispatch({ type: 'start', consent: true });
    await focusOnHeading('Première question (en)');
    history.back();
    await until(() => focusedText() === 'Do you want to leave the questionnaire? Your answers are kept.', 'the English confirmation');
    await press('Stay');
    await focusOnHeading('Première question (en)');
  });

  it('without the attribute, pushes nothing', async () => {
    const length = history.length;
    const el = await fixture<ObsSurvey>(html`<obs-survey .definition=${definition}></obs-survey>`);
    await driveTo(el, 'Troisième question');
    expect(history.length).to.equal(length);
  });
});
