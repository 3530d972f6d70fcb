/**
 * Input begun before a screen was shown never acts on it (docs/player.md, "Double activation"):
 * a double-click or a double-tap (150 ms and 400 ms between the two) on a button that changes
 * the screen records nothing on the next screen; a change of mind records only the final choice.
 * The chainer and its players keep their real settle time here.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import { createSurveySession, type SurveySession } from '@observatoire/core';
import type { AnswerEventDetail } from '../events.js';
import './obs-course-chainer.define.js';
import type { ObsCourseChainer } from './obs-course-chainer.js';
import type { ObsChallengePlayer } from '../challenge-player/obs-challenge-player.js';
import type { PlayerSubmitDetail } from '../challenge-player/events.js';
import { SETTLE_MS } from '../shared/screen-guard.js';
import { buttonNamed, centreOf, challengeById, deepQueryAll, definitionWithQuestionnaire, fieldLabelled, textOf } from '../challenge-player/test-fixtures.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function validated(): SurveySession {
  const session = createSurveySession(definitionWithQuestionnaire, { seed: 'fixture' });
  session.dispatch({ type: 'start', consent: true });
  session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'feminin' });
  session.dispatch({ type: 'review' });
  session.dispatch({ type: 'validateQuestionnaire' });
  return session;
}

async function settle(el: { updateComplete: Promise<boolean> } & HTMLElement): Promise<void> {
  await el.updateComplete;
  const player = el.shadowRoot!.querySelector<ObsChallengePlayer>('obs-challenge-player');
  if (player) await player.updateComplete;
  await el.updateComplete;
}

/** Two presses of the mouse at the centre of `target`, `gap` ms apart (a double-click, or a slow double-tap). */
async function doubleClick(el: { updateComplete: Promise<boolean> } & HTMLElement, target: HTMLElement, gap: number): Promise<void> {
  // No scrolling (the viewport is tall): the second press lands where the first one did.
  const box = target.getBoundingClientRect();
  const position: [number, number] = [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
  await sendMouse({ type: 'move', position });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'up' });
  await sleep(gap);
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'up' });
  await settle(el);
}

/** A deliberate click, once the screen has been read (after the settle time). */
async function click(el: ObsCourseChainer, name: string): Promise<void> {
  await sleep(SETTLE_MS + 50);
  await sendMouse({ type: 'click', position: centreOf(buttonNamed(el.shadowRoot!, name)) });
  await settle(el);
}

const heading = (el: ObsCourseChainer) => textOf(deepQueryAll(el.shadowRoot!, 'h2')[0]);
const checked = (el: ObsCourseChainer) => deepQueryAll<HTMLInputElement>(el.shadowRoot!, 'input').filter((input) => input.checked);

async function chainer(session: SurveySession) {
  const el = await fixture<ObsCourseChainer>(html`<obs-course-chainer .session=${session}></obs-course-chainer>`);
  await settle(el);
  const answers: AnswerEventDetail[] = [];
  el.addEventListener('obs-answer', (event) => answers.push(event.detail));
  return { el, answers };
}

/**
 * A player whose parent shows a challenge of the same layout as soon as one is sent: the second
 * click of a double-click lands exactly on the next challenge's "Je valide" (or "Je passe").
 */
async function playerInARow() {
  const first = challengeById('qcu-souris');
  const el = await fixture<ObsChallengePlayer>(html`<obs-challenge-player .challenge=${first}></obs-challenge-player>`);
  const sent: PlayerSubmitDetail[] = [];
  el.addEventListener('obs-player-submit', (event) => {
    event.preventDefault();
    sent.push(event.detail);
    el.challenge = { ...first, id: `suivante-${sent.length}` };
  });
  await el.updateComplete;
  return { el, sent };
}

describe('double activation', () => {
  before(() => setViewport({ width: 800, height: 1600 }));
  after(() => setViewport({ width: 800, height: 600 }));
  for (const gap of [150, 400]) {
    it(`a double-click on "Je valide" (${gap} ms) sends once and leaves the next challenge untouched`, async () => {
      const { el, sent } = await playerInARow();
      await sleep(SETTLE_MS + 50);
      await sendMouse({ type: 'click', position: centreOf(fieldLabelled(el.shadowRoot!, 'La souris').closest('label')!) });
      await doubleClick(el, buttonNamed(el.shadowRoot!, 'Je valide'), gap);
      expect(sent.map((s) => s.challengeId)).to.deep.equal(['qcu-souris']);
      expect(el.shadowRoot!.querySelector('#error'), 'no "Vous n’avez pas répondu" on the unread challenge').to.equal(null);
      expect(deepQueryAll<HTMLInputElement>(el.shadowRoot!, 'input').filter((input) => input.checked)).to.deep.equal([]);
    });

    it(`a double-click on "Oui, je passe" (${gap} ms) skips one challenge, not two`, async () => {
      const { el, sent } = await playerInARow();
      await sleep(SETTLE_MS + 50);
      await doubleClick(el, buttonNamed(el.shadowRoot!, 'Je passe'), gap);
      expect(sent, 'the question is asked, not answered').to.deep.equal([]);
      await sleep(SETTLE_MS + 50);
      await doubleClick(el, buttonNamed(el.shadowRoot!, 'Oui, je passe'), gap);
      expect(sent.map((s) => s.challengeId)).to.deep.equal(['qcu-souris']);
      expect(el.shadowRoot!.querySelector('#skip-question')).to.equal(null);
    });

    it(`a double-click on "Commencer" (${gap} ms) records nothing on challenge 1`, async () => {
      const session = validated();
      const { el, answers } = await chainer(session);
      await sleep(SETTLE_MS + 50);
      await doubleClick(el, buttonNamed(el.shadowRoot!, 'Commencer'), gap);
      expect(session.state.phase).to.equal('course');
      expect(heading(el)).to.match(/^Défi 1 sur 3/);
      expect(answers).to.deep.equal([]);
      expect(checked(el)).to.deep.equal([]);
    });

    it(`a double-click on "Je valide" (${gap} ms) records one answer and nothing on the next challenge`, async () => {
      const session = validated();
      const { el, answers } = await chainer(session);
      await click(el, 'Commencer');
      await sleep(SETTLE_MS + 50);
      await sendMouse({ type: 'click', position: centreOf(fieldLabelled(el.shadowRoot!, 'La souris').closest('label')!) });
      await doubleClick(el, buttonNamed(el.shadowRoot!, 'Je valide'), gap);
      expect(answers.map((a) => a.result.challengeId)).to.deep.equal(['qcu-souris']);
      expect(heading(el)).to.match(/^Défi 2 sur 3/);
      expect(deepQueryAll(el.shadowRoot!, '#error')).to.deep.equal([]);
      // The second challenge then takes a deliberate answer.
      await click(el, 'Envoyer');
      await click(el, 'Je valide');
      expect(answers.map((a) => a.result.challengeId)).to.deep.equal(['qcu-souris', 'clic-envoyer']);
      expect(checked(el), 'nothing ticked on challenge 3').to.deep.equal([]);
    });
  }

  it('a click on a distractor, then a change of mind, records only the final choice', async () => {
    const session = validated();
    session.dispatch({ type: 'continue' });
    session.dispatch({ type: 'skipChallenge', challengeId: 'qcu-souris' });
    const { el, answers } = await chainer(session);
    await click(el, 'Supprimer');
    expect(answers, 'a click only selects').to.deep.equal([]);
    expect(textOf(deepQueryAll(el.shadowRoot!, 'obs-challenge-player')[0]!.shadowRoot!.querySelector('h2'))).to.match(/^Défi 2 sur 3/);
    await click(el, 'Envoyer');
    await click(el, 'Je valide');
    expect(answers.map((a) => [a.result.challengeId, a.result.answer, a.result.status])).to.deep.equal([['clic-envoyer', { clicked: 'envoyer' }, 'ok']]);
  });

  it('"Je passe" asks first; "Non, je reste" keeps the challenge; "Oui, je passe" skips it', async () => {
    const session = validated();
    const { el, answers } = await chainer(session);
    await click(el, 'Commencer');
    await click(el, 'Je passe');
    expect(answers).to.deep.equal([]);
    const question = deepQueryAll(el.shadowRoot!, '#skip-question')[0]!;
    expect(textOf(question)).to.equal('Vous voulez passer ce défi ?');
    await click(el, 'Non, je reste');
    expect(answers).to.deep.equal([]);
    await click(el, 'Je passe');
    await click(el, 'Oui, je passe');
    expect(answers.map((a) => a.result.status)).to.deep.equal(['aband']);
  });

  it('keeps at least 24 px between "Je valide" and "Je passe"', async () => {
    const session = validated();
    session.dispatch({ type: 'continue' });
    const { el } = await chainer(session);
    const validate = buttonNamed(el.shadowRoot!, 'Je valide').getBoundingClientRect();
    const skip = buttonNamed(el.shadowRoot!, 'Je passe').getBoundingClientRect();
    const gap = Math.max(skip.left - validate.right, validate.left - skip.right, skip.top - validate.bottom, validate.top - skip.bottom);
    expect(gap).to.be.at.least(24);
  });
});
