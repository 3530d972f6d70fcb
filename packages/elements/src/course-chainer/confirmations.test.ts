/**
 * "Arrêter ici" and the mediator's "Passer les défis restants" ask first (docs/player.md,
 * "Double activation"): the question takes the focus, cancelling gives it back to the button
 * that asked, and a double-click on the button never answers its question.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { createSurveySession, type SurveySession } from '@observatoire/core';
import './obs-course-chainer.define.js';
import type { ObsCourseChainer } from './obs-course-chainer.js';
import { SETTLE_MS } from '../shared/screen-guard.js';
import { buttonNamed, centreOf, deepActiveElement, definition, definitionWithQuestionnaire, playCourse, textOf } from '../challenge-player/test-fixtures.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** At the end of course 1 (2 of 3 right: the advice is to go on). */
function atEndOfCourse(): SurveySession {
  const session = createSurveySession(definition, { seed: 'fixture' });
  session.dispatch({ type: 'start', consent: true });
  playCourse(session, 2);
  return session;
}

async function chainer(session: SurveySession, attrs: { mediator?: boolean; lang?: string } = {}): Promise<ObsCourseChainer> {
  const el = await fixture<ObsCourseChainer>(
    html`<obs-course-chainer .session=${session} ?mediator=${attrs.mediator ?? false} lang=${attrs.lang ?? 'fr'}></obs-course-chainer>`,
  );
  await el.updateComplete;
  return el;
}

/** A deliberate click, once the screen has been read (after the settle time). */
async function click(el: ObsCourseChainer, name: string): Promise<void> {
  await sleep(SETTLE_MS + 50);
  await sendMouse({ type: 'click', position: centreOf(buttonNamed(el.shadowRoot!, name)) });
  await el.updateComplete;
}

async function key(el: ObsCourseChainer, name: string, direction: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  const target = buttonNamed(el.shadowRoot!, name);
  if (direction === 'Shift+Tab') await sendKeys({ down: 'Shift' });
  for (let i = 0; i < 30 && deepActiveElement() !== target; i++) await sendKeys({ press: 'Tab' });
  if (direction === 'Shift+Tab') await sendKeys({ up: 'Shift' });
  expect(deepActiveElement() === target, `Tab reaches "${name}"`).to.equal(true);
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

describe('<obs-course-chainer> confirmations', () => {
  before(() => setViewport({ width: 800, height: 1600 }));
  after(() => setViewport({ width: 800, height: 600 }));
  // A chainer left mid-course would ask before the page is left (its beforeunload guard).
  afterEach(() => document.querySelectorAll('obs-course-chainer').forEach((el) => el.remove()));

  it('"Arrêter ici" asks first; the question takes the focus; "Non, revenir" gives it back; axe clean', async () => {
    const session = atEndOfCourse();
    const el = await chainer(session);
    await click(el, 'Arrêter ici');
    expect(session.state.phase).to.equal('endOfCourse');
    const question = el.shadowRoot!.querySelector('#quit-question')!;
    expect(textOf(question)).to.equal('Voulez-vous vous arrêter ici ? Les parcours suivants ne seront pas faits.');
    expect(deepActiveElement() === question, 'focus on the question').to.equal(true);
    expect(question.closest('[role="group"]')!.getAttribute('aria-labelledby')).to.equal('quit-question');
    await expect(el).to.be.accessible();
    await key(el, 'Non, revenir');
    expect(session.state.phase).to.equal('endOfCourse');
    expect(deepActiveElement() === buttonNamed(el.shadowRoot!, 'Arrêter ici'), 'focus back on "Arrêter ici"').to.equal(true);
    expect(el.shadowRoot!.querySelector('#quit-question')).to.equal(null);
    await key(el, 'Arrêter ici');
    await key(el, 'Oui, arrêter ici');
    expect(session.state.phase).to.equal('finished');
    expect(session.state.endReason).to.equal('quit');
    expect(session.state.events.at(-1)!.actor).to.equal('participant');
  });

  it('asks in English too, and the mediator’s confirmed choice is recorded as the mediator’s', async () => {
    const session = atEndOfCourse();
    const el = await chainer(session, { mediator: true, lang: 'en' });
    await click(el, 'Stop here');
    expect(textOf(el.shadowRoot!.querySelector('#quit-question'))).to.equal('Do you want to stop here? The next sets will not be done.');
    expect(buttonNamed(el.shadowRoot!, 'No, go back')).to.exist;
    await click(el, 'Yes, stop here');
    expect(session.state.endReason).to.equal('quit');
    expect(session.state.events.at(-1)!.actor).to.equal('mediator');
  });

  for (const gap of [150, 400])
    it(`a double-click on "Arrêter ici" (${gap} ms) only asks`, async () => {
      const session = atEndOfCourse();
      const el = await chainer(session);
      await sleep(SETTLE_MS + 50);
      const box = buttonNamed(el.shadowRoot!, 'Arrêter ici').getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'up' });
      await sleep(gap);
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      expect(session.state.phase).to.equal('endOfCourse');
      expect(el.shadowRoot!.querySelector('#quit-question')).to.exist;
    });

  it('"Je passe", by keyboard: "Non, je reste" gives the focus back to "Je passe", nothing recorded; axe clean', async () => {
    const session = createSurveySession(definitionWithQuestionnaire, { seed: 'fixture' });
    session.dispatch({ type: 'start', consent: true });
    session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'feminin' });
    session.dispatch({ type: 'review' });
    session.dispatch({ type: 'validateQuestionnaire' });
    const el = await chainer(session);
    await key(el, 'Commencer');
    await key(el, 'Je passe');
    expect(textOf(deepActiveElement())).to.equal('Vous voulez passer ce défi ?');
    await expect(el).to.be.accessible();
    await key(el, 'Non, je reste');
    await el.shadowRoot!.querySelector<ObsCourseChainer>('obs-challenge-player')!.updateComplete;
    expect(deepActiveElement() === buttonNamed(el.shadowRoot!, 'Je passe'), `focus back on "Je passe", not on "${textOf(deepActiveElement())}"`).to.equal(true);
    expect(session.state.courses[0]!.results).to.deep.equal([]);
  });

  it('the mediator’s "Passer les défis restants", by keyboard: "Non" gives the focus back to it', async () => {
    const session = createSurveySession(definition, { seed: 'fixture' });
    session.dispatch({ type: 'start', consent: true });
    const el = await chainer(session, { mediator: true });
    // From the challenge's heading, where a new challenge puts the focus, back to the mediator's bar.
    const player = el.shadowRoot!.querySelector<ObsCourseChainer>('obs-challenge-player')!;
    await player.updateComplete;
    player.shadowRoot!.querySelector<HTMLElement>('#heading')!.focus();
    await key(el, 'Passer les défis restants', 'Shift+Tab');
    expect(deepActiveElement() === el.shadowRoot!.querySelector('#skip-remaining-question'), 'focus on the question').to.equal(true);
    await key(el, 'Annuler');
    expect(session.state.phase).to.equal('course');
    expect(deepActiveElement() === buttonNamed(el.shadowRoot!, 'Passer les défis restants'), 'focus back on the button').to.equal(true);
  });

  it('the mediator’s "Passer les défis restants": the second click of a double-click does not confirm', async () => {
    const session = createSurveySession(definition, { seed: 'fixture' });
    session.dispatch({ type: 'start', consent: true });
    const el = await chainer(session, { mediator: true });
    await el.updateComplete;
    await sleep(SETTLE_MS + 50);
    await sendMouse({ type: 'click', position: centreOf(buttonNamed(el.shadowRoot!, 'Passer les défis restants')) });
    await el.updateComplete;
    await sleep(150);
    await sendMouse({ type: 'click', position: centreOf(buttonNamed(el.shadowRoot!, 'Oui, passer')) });
    await el.updateComplete;
    expect(session.state.phase).to.equal('course');
    expect(el.shadowRoot!.querySelector('#skip-remaining-question'), 'still asking').to.exist;
    await click(el, 'Oui, passer');
    expect(session.state.phase).to.equal('endOfCourse');
  });
});
