import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { createSurveySession, parseSurveyDefinition, restoreSurveySession, type SurveyDefinition, type SurveySession } from '@observatoire/core';
import type { AnswerEventDetail, CourseEndDetail, ErrorEventDetail } from '../events.js';
import type { CoursesDoneDetail } from './events.js';
import './obs-course-chainer.define.js';
import type { ObsCourseChainer } from './obs-course-chainer.js';
import {
  buttonNamed,
  centreOf,
  deepActiveElement,
  deepQueryAll,
  definition,
  definitionInput,
  definitionWithQuestionnaire,
  fieldLabelled,
  overflowing,
  playCourse,
  smallTargets,
  textOf,
} from '../challenge-player/test-fixtures.js';

const MINUTE = 60_000;

/** A session on a clock the test moves by hand. */
function sessionAt(def: SurveyDefinition = definition) {
  const clock = { now: 0 };
  const session = createSurveySession(def, { clock: () => clock.now, seed: 'fixture' });
  return { session, clock };
}

async function chainer(session: SurveySession, attrs: { mediator?: boolean; mode?: string } = {}) {
  const el = await fixture<ObsCourseChainer>(
    html`<obs-course-chainer .session=${session} ?mediator=${attrs.mediator ?? false} mode=${attrs.mode ?? 'measurement'}></obs-course-chainer>`,
  );
  await settle(el);
  return el;
}

/** Wait until the chainer and the player inside it have rendered. */
async function settle(el: ObsCourseChainer): Promise<void> {
  await el.updateComplete;
  const player = el.shadowRoot!.querySelector('obs-challenge-player');
  if (player) await player.updateComplete;
  await el.updateComplete;
  // The settle time after a screen change has its own tests (double activation).
  el.guard.settleMs = 0;
  const shown = el.shadowRoot!.querySelector('obs-challenge-player');
  if (shown) shown.guard.settleMs = 0;
}

const text = (el: ObsCourseChainer) => textOf(el.shadowRoot);

async function click(el: ObsCourseChainer, name: string | RegExp): Promise<void> {
  await sendMouse({ type: 'click', position: centreOf(buttonNamed(el.shadowRoot!, name)) });
  await settle(el);
}

async function key(el: ObsCourseChainer, name: string): Promise<void> {
  const target = buttonNamed(el.shadowRoot!, name);
  for (let i = 0; i < 30 && deepActiveElement() !== target; i++) await sendKeys({ press: 'Tab' });
  expect(deepActiveElement(), `Tab reaches "${name}"`).to.equal(target);
  await sendKeys({ press: 'Enter' });
  await settle(el);
}

async function tick(el: ObsCourseChainer, label: string): Promise<void> {
  const box = fieldLabelled(el.shadowRoot!, label);
  box.focus();
  await sendKeys({ press: ' ' });
  await settle(el);
}

function collect<T>(el: HTMLElement, type: 'obs-answer' | 'obs-course-end' | 'obs-error' | 'obs-courses-done'): T[] {
  const seen: T[] = [];
  el.addEventListener(type, (event) => seen.push((event as CustomEvent<T>).detail));
  return seen;
}

function unloadPrevented(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

function validated(): { session: SurveySession; clock: { now: number } } {
  const setup = sessionAt(definitionWithQuestionnaire);
  setup.session.dispatch({ type: 'start', consent: true });
  setup.session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'feminin' });
  setup.session.dispatch({ type: 'review' });
  setup.session.dispatch({ type: 'validateQuestionnaire' });
  return setup;
}

describe('<obs-course-chainer>', () => {
  it('plays a whole course by keyboard and pointer, then shows its end-of-course page', async () => {
    const { session, clock } = validated();
    const el = await chainer(session);
    const heading = el.shadowRoot!.querySelector('h2');
    expect(textOf(heading)).to.equal('Les défis vont commencer');
    expect(deepActiveElement()).to.equal(heading);
    await expect(el).to.be.accessible();

    const answered = collect<AnswerEventDetail>(el, 'obs-answer');
    const ended = collect<CourseEndDetail>(el, 'obs-course-end');
    await key(el, 'Commencer');
    expect(session.state.phase).to.equal('course');
    expect(textOf(el.shadowRoot!.querySelector('.course-title'))).to.equal('Parcours 1 sur 3 : Manipulation');
    const playerHeading = deepQueryAll(el.shadowRoot!, 'h2')[0];
    expect(textOf(playerHeading)).to.equal('Défi 1 sur 3 Quel objet sert à déplacer le pointeur ?');
    expect(deepActiveElement()).to.equal(playerHeading);
    await expect(el).to.be.accessible();

    clock.now = 1 * MINUTE;
    await tick(el, 'La souris');
    await key(el, 'Je valide');
    expect(textOf(deepQueryAll(el.shadowRoot!, 'h2')[0])).to.match(/^Défi 2 sur 3/);
    expect(textOf(el.shadowRoot!.querySelector('[aria-live]'))).to.equal('Réponse enregistrée.');

    clock.now = 2 * MINUTE;
    await click(el, 'Envoyer');
    await click(el, 'Je valide');
    expect(textOf(deepQueryAll(el.shadowRoot!, 'h2')[0])).to.match(/^Défi 3 sur 3/);

    clock.now = 3 * MINUTE;
    for (const label of ['Firefox', 'Chrome']) {
      await sendMouse({ type: 'click', position: centreOf(fieldLabelled(el.shadowRoot!, label).closest('label')!) });
      await settle(el);
    }
    await click(el, 'Je valide');

    expect(session.state.phase).to.equal('endOfCourse');
    expect(answered.map((d) => [d.courseId, d.result.challengeId, d.result.status])).to.deep.equal([
      ['manipulation', 'qcu-souris', 'ok'],
      ['manipulation', 'clic-envoyer', 'ok'],
      ['manipulation', 'qcm-navigateurs', 'ok'],
    ]);
    expect(ended).to.have.length(1);
    expect(ended[0]!.courseId).to.equal('manipulation');
    expect(ended[0]!.recommendation.continue).to.equal(true);
    const endHeading = el.shadowRoot!.querySelector('h2');
    expect(textOf(endHeading)).to.equal('Fin du parcours « Manipulation »');
    expect(deepActiveElement()).to.equal(endHeading);
    expect(text(el)).to.contain('Vous avez réussi 3 défis sur 3.');
    expect(text(el)).to.contain('Vous pouvez continuer avec le parcours suivant : « Compétences de base ».');
    expect(buttonNamed(el.shadowRoot!, 'Continuer').classList.contains('primary')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  describe('the recommendation in plain words, at both sides of the rules', () => {
    it('2 of 3 is above 60%: go on', async () => {
      const { session } = sessionAt();
      session.dispatch({ type: 'start', consent: true });
      playCourse(session, 2);
      const el = await chainer(session);
      expect(text(el)).to.contain('Vous avez réussi 2 défis sur 3.');
      expect(text(el)).to.contain('Vous pouvez continuer avec le parcours suivant');
      expect(text(el)).not.to.contain('Nous vous conseillons de vous arrêter');
    });

    it('1 of 3 is not: stop here, and why', async () => {
      const { session } = sessionAt();
      session.dispatch({ type: 'start', consent: true });
      playCourse(session, 1);
      const el = await chainer(session);
      expect(text(el)).to.contain('Vous avez réussi 1 défi sur 3.');
      expect(text(el)).to.contain('Nous vous conseillons de vous arrêter ici pour aujourd’hui.');
      expect(text(el)).to.contain('réussir plus de 60 % des défis');
      expect(text(el)).not.to.contain('Le temps conseillé');
      expect(buttonNamed(el.shadowRoot!, 'Arrêter ici').classList.contains('primary')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('a test time just under 15 minutes: go on', async () => {
      const { session, clock } = sessionAt();
      session.dispatch({ type: 'start', consent: true });
      clock.now = 15 * MINUTE - 1000;
      playCourse(session, 3);
      const el = await chainer(session);
      expect(text(el)).to.contain('Vous pouvez continuer');
      expect(text(el)).not.to.contain('Le temps conseillé');
    });

    it('15 minutes reached: stop, the suggested time is over', async () => {
      const { session, clock } = sessionAt();
      session.dispatch({ type: 'start', consent: true });
      clock.now = 15 * MINUTE;
      playCourse(session, 3);
      const el = await chainer(session);
      expect(text(el)).to.contain('Nous vous conseillons de vous arrêter ici');
      expect(text(el)).to.contain('Le temps conseillé de 15 minutes est dépassé.');
    });
  });

  it('"Continuer" starts the next course; "Arrêter ici" ends the session', async () => {
    const { session } = sessionAt();
    session.dispatch({ type: 'start', consent: true });
    playCourse(session, 3);
    const el = await chainer(session);
    await key(el, 'Continuer');
    expect(session.state.phase).to.equal('course');
    expect(session.state.courseIndex).to.equal(1);
    expect(textOf(el.shadowRoot!.querySelector('.course-title'))).to.equal('Parcours 2 sur 3 : Compétences de base');
    const heading = deepQueryAll(el.shadowRoot!, 'h2')[0];
    expect(textOf(heading)).to.match(/^Défi 1 sur 7/);
    expect(deepActiveElement()).to.equal(heading);
    expect(session.state.events.at(-1)!.actor).to.equal('participant');

    playCourse(session, 7);
    await settle(el);
    await click(el, 'Arrêter ici');
    expect(session.state.phase, 'asked first').to.equal('endOfCourse');
    await click(el, 'Oui, arrêter ici');
    expect(session.state.phase).to.equal('finished');
    expect(session.state.endReason).to.equal('quit');
    expect(text(el)).to.equal('');
  });

  describe('mediator', () => {
    it('sees the test time, and skips the remaining challenges after a confirmation', async () => {
      const { session, clock } = sessionAt();
      session.dispatch({ type: 'start', consent: true });
      clock.now = 3 * MINUTE + 20_000;
      session.dispatch({ type: 'answerChallenge', challengeId: 'qcu-souris', answer: '2' });
      const el = await chainer(session, { mediator: true });
      const bar = el.shadowRoot!.querySelector('[part="mediator-bar"]');
      expect(textOf(bar)).to.contain('Temps de test : 3 min');
      await expect(el).to.be.accessible();

      await click(el, 'Passer les défis restants');
      const question = el.shadowRoot!.querySelector('#skip-remaining-question');
      expect(textOf(question)).to.equal('Passer les 2 défis restants de ce parcours ? Ils seront notés comme passés.');
      expect(deepActiveElement()).to.equal(question);
      await expect(el).to.be.accessible();
      await key(el, 'Annuler');
      expect(session.state.phase).to.equal('course');
      expect(deepActiveElement()).to.equal(buttonNamed(el.shadowRoot!, 'Passer les défis restants'));

      const answered = collect<AnswerEventDetail>(el, 'obs-answer');
      const ended = collect<CourseEndDetail>(el, 'obs-course-end');
      await key(el, 'Passer les défis restants');
      await key(el, 'Oui, passer');
      expect(session.state.phase).to.equal('endOfCourse');
      expect(session.state.events.at(-1)!.action.type).to.equal('skipRemaining');
      expect(session.state.events.at(-1)!.actor).to.equal('mediator');
      expect(answered.map((d) => [d.result.challengeId, d.result.status, d.result.skippedRemaining])).to.deep.equal([
        ['clic-envoyer', 'aband', true],
        ['qcm-navigateurs', 'aband', true],
      ]);
      expect(ended.map((d) => d.courseId)).to.deep.equal(['manipulation']);
      expect(textOf(el.shadowRoot!.querySelector('[aria-live]'))).to.equal('Les défis restants ont été passés.');
      expect(deepActiveElement()).to.equal(el.shadowRoot!.querySelector('h2'));
      expect(text(el)).to.contain('Le médiateur choisit avec la personne de continuer ou de s’arrêter.');
    });

    it('the continue/leave choice at the end-of-course page is recorded as the mediator’s', async () => {
      const { session } = sessionAt();
      session.dispatch({ type: 'start', consent: true });
      playCourse(session, 3);
      const el = await chainer(session, { mediator: true });
      await click(el, 'Continuer');
      expect(session.state.courseIndex).to.equal(1);
      expect(session.state.events.at(-1)!.actor).to.equal('mediator');
    });
  });

  it('a new screen’s heading shows the focus ring after keyboard use, none after a click', async () => {
    const ring = (heading: Element | null) => {
      const style = getComputedStyle(heading!);
      return style.outlineStyle === 'none' ? 'none' : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineOffset}`;
    };
    const seen: string[] = [];
    for (const how of ['keyboard', 'pointer']) {
      const { session } = sessionAt();
      session.dispatch({ type: 'start', consent: true });
      const el = await chainer(session, { mediator: true });
      if (how === 'keyboard') {
        buttonNamed(el.shadowRoot!, 'Passer les défis restants').focus();
        await sendKeys({ press: 'Enter' });
        await settle(el);
        await key(el, 'Oui, passer');
      } else {
        await click(el, 'Passer les défis restants');
        await click(el, 'Oui, passer');
      }
      const heading = el.shadowRoot!.querySelector('h2');
      expect(deepActiveElement()).to.equal(heading);
      seen.push(ring(heading));
    }
    expect(seen).to.deep.equal(['solid 3px 2px', 'none']);
  });

  it('warns before the tab is closed only while a course is running', async () => {
    const { session } = validated();
    const el = await chainer(session);
    expect(unloadPrevented(), 'validated').to.equal(false);
    await click(el, 'Commencer');
    expect(unloadPrevented(), 'course').to.equal(true);
    playCourse(session, 3);
    await settle(el);
    expect(unloadPrevented(), 'end of course').to.equal(false);
    await click(el, 'Continuer');
    expect(unloadPrevented(), 'course 2').to.equal(true);
    el.remove();
    expect(unloadPrevented(), 'removed').to.equal(false);
  });

  it('learning mode: after a miss, shows the help before the next challenge', async () => {
    const { session } = sessionAt();
    session.dispatch({ type: 'start', consent: true });
    const el = await chainer(session, { mode: 'learning' });
    await tick(el, 'Le clavier');
    await key(el, 'Je valide');
    expect(session.state.current!.challengeId).to.equal('clic-envoyer');
    const player = el.shadowRoot!.querySelector('obs-challenge-player')!;
    expect(textOf(player.shadowRoot)).to.contain('Pour réussir la prochaine fois');
    expect(textOf(player.shadowRoot)).to.contain('La souris se tient dans la main.');
    await expect(el).to.be.accessible();
    await key(el, 'Défi suivant');
    const heading = deepQueryAll(el.shadowRoot!, 'h2')[0];
    expect(textOf(heading)).to.match(/^Défi 2 sur 3/);
    expect(deepActiveElement()).to.equal(heading);
  });

  describe('learning mode, a miss on the last challenge of a course', () => {
    /** The fixture survey, with help on the last challenge of each course. */
    const withHelp = parseSurveyDefinition({
      ...definitionInput,
      challenges: definitionInput.challenges.map((c) =>
        c.id === 'culture-5' || c.id === 'qcm-navigateurs' ? { ...c, help: { hint: { fr: 'Relisez la question.', en: 'Read the question again.' } } } : c,
      ),
    });

    /** At the last challenge of the last course, through the session. */
    function atLastChallenge(): SurveySession {
      const { session } = sessionAt(withHelp);
      session.dispatch({ type: 'start', consent: true });
      for (const n of [3, 7]) {
        playCourse(session, n);
        session.dispatch({ type: 'continue' });
      }
      for (const id of ['culture-1', 'culture-2', 'culture-3', 'culture-4']) session.dispatch({ type: 'answerChallenge', challengeId: id, answer: '1' });
      expect(session.state.current!.challengeId).to.equal('culture-5');
      return session;
    }

    it('the last of the survey: the help first, then "Voir mes résultats" says the courses are done', async () => {
      const session = atLastChallenge();
      const el = await chainer(session, { mode: 'learning' });
      const done = collect<CoursesDoneDetail>(el, 'obs-courses-done');
      await tick(el, 'Réponse A');
      await key(el, 'Je valide');
      expect(session.state.phase).to.equal('finished');
      const player = el.shadowRoot!.querySelector('obs-challenge-player')!;
      expect(textOf(player.shadowRoot)).to.contain('Pour réussir la prochaine fois');
      expect(textOf(player.shadowRoot)).to.contain('Relisez la question.');
      expect(done, 'not before the help was read').to.deep.equal([]);
      await expect(el).to.be.accessible();
      await key(el, 'Voir mes résultats');
      expect(done).to.have.length(1);
      expect(done[0]!.state).to.equal(session.state);
      expect(text(el)).to.equal('');
      el.requestUpdate();
      await settle(el);
      expect(done, 'once').to.have.length(1);
    });

    it('in English, the button says "See my results"', async () => {
      const el = await fixture<ObsCourseChainer>(html`<obs-course-chainer .session=${atLastChallenge()} lang="en" mode="learning"></obs-course-chainer>`);
      await settle(el);
      await tick(el, 'Answer A');
      await key(el, 'Submit');
      expect(buttonNamed(el.shadowRoot!, 'See my results')).to.exist;
    });

    it('measurement mode: no correction, the courses are done at once', async () => {
      const session = atLastChallenge();
      const el = await chainer(session);
      const done = collect<CoursesDoneDetail>(el, 'obs-courses-done');
      await tick(el, 'Réponse A');
      await key(el, 'Je valide');
      expect(session.state.phase).to.equal('finished');
      expect(done).to.have.length(1);
      expect(text(el)).to.equal('');
    });

    it('another course follows: the help, then "Continuer" opens the end-of-course page', async () => {
      const { session } = sessionAt(withHelp);
      session.dispatch({ type: 'start', consent: true });
      session.dispatch({ type: 'answerChallenge', challengeId: 'qcu-souris', answer: '2' });
      session.dispatch({ type: 'answerChallenge', challengeId: 'clic-envoyer', answer: { clicked: 'envoyer' } });
      const el = await chainer(session, { mode: 'learning' });
      await tick(el, 'Word');
      await tick(el, 'Excel');
      await key(el, 'Je valide');
      expect(session.state.phase).to.equal('endOfCourse');
      expect(textOf(el.shadowRoot!.querySelector('obs-challenge-player')!.shadowRoot)).to.contain('Relisez la question.');
      await key(el, 'Continuer');
      const heading = el.shadowRoot!.querySelector('h2');
      expect(textOf(heading)).to.equal('Fin du parcours « Manipulation »');
      expect(deepActiveElement()).to.equal(heading);
    });
  });

  it('shows an action the session refuses, and emits obs-error', async () => {
    const { session } = sessionAt();
    session.dispatch({ type: 'start', consent: true });
    playCourse(session, 3);
    const el = await chainer(session);
    const errors = collect<ErrorEventDetail>(el, 'obs-error');
    // Another tab or the host moved the session on: the page still shows "Continuer".
    session.dispatch({ type: 'quit' });
    const stale = buttonNamed(el.shadowRoot!, 'Continuer');
    stale.click();
    await settle(el);
    expect(errors.map((e) => e.code)).to.deep.equal(['session_finished']);
    expect(textOf(el.shadowRoot!.querySelector('[role="alert"]'))).to.match(/^Cette action n’a pas pu être enregistrée/);
  });

  it('every state holds at 320 px with targets of at least 44 px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const { session } = validated();
      const el = await chainer(session, { mediator: true });
      const check = async (label: string) => {
        expect(smallTargets(el.shadowRoot!), label).to.deep.equal([]);
        expect(overflowing(el.shadowRoot!, 320), label).to.deep.equal([]);
        await expect(el, label).to.be.accessible();
      };
      await check('validated');
      await click(el, 'Commencer');
      await check('course');
      await click(el, 'Passer les défis restants');
      await check('confirm skip');
      await click(el, 'Oui, passer');
      await check('end of course');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('records "Plus de temps" and "Sans limite de temps" in the session as extendTime and removeTimeLimit', async () => {
    const timedFirst = parseSurveyDefinition({
      ...definitionInput,
      id: 'timed-first',
      courses: [{ id: 'minute', title: { fr: 'Minute', en: 'Minute' }, challenges: ['qcu-minute', 'qcu-souris'] }],
    });
    const { session } = sessionAt(timedFirst);
    session.dispatch({ type: 'start', consent: true });
    const el = await chainer(session);
    expect(session.state.current?.timeLimitMs).to.equal(60_000);
    await click(el, 'Plus de temps');
    expect(session.state.events.at(-1)?.action).to.deep.equal({ type: 'extendTime', challengeId: 'qcu-minute' });
    expect(session.state.current?.timeLimitMs).to.equal(120_000);
    await click(el, 'Sans limite de temps');
    expect(session.state.events.at(-1)?.action).to.deep.equal({ type: 'removeTimeLimit', challengeId: 'qcu-minute' });
    expect(session.state.current?.timeLimitMs).to.equal(null);
  });

  describe('a timed challenge resumed in the middle shows the limit the survey session holds (no session of the player’s own)', () => {
    const cases: [string, 'extendTime' | 'removeTimeLimit', string[], boolean][] = [
      ['extended before the interruption: two minutes, not the content’s one', 'extendTime', ['Vous aurez 2 min pour répondre', 'Temps restant : 2 min'], true],
      ['limit removed before the interruption: no timer at all', 'removeTimeLimit', [], false],
    ];
    for (const [name, action, texts, timed] of cases)
      it(name, async () => {
        const timedFirst = parseSurveyDefinition({
          ...definitionInput,
          id: 'timed-first',
          courses: [{ id: 'minute', title: { fr: 'Minute', en: 'Minute' }, challenges: ['qcu-minute', 'qcu-souris'] }],
        });
        const { session, clock } = sessionAt(timedFirst);
        session.dispatch({ type: 'start', consent: true });
        const first = await chainer(session);
        await click(first, 'Commencer');
        clock.now += 20_000;
        await click(first, action === 'extendTime' ? 'Plus de temps' : 'Sans limite de temps');
        first.remove();

        clock.now += 5 * MINUTE;
        const resumed = restoreSurveySession(timedFirst, JSON.parse(JSON.stringify(session)), { clock: () => clock.now });
        resumed.dispatch({ type: 'resume' });
        const el = await chainer(resumed);
        const player = el.shadowRoot!.querySelector('obs-challenge-player')!;
        expect(player.session, 'the player reads the survey’s session').to.equal(resumed);
        if (!timed) {
          expect(buttonNamed(player.shadowRoot!, 'Je valide'), 'the challenge is shown at once').to.exist;
          expect(textOf(player.shadowRoot)).not.to.include('Temps restant');
          return;
        }
        expect(textOf(player.shadowRoot)).to.include(texts[0]);
        await click(el, 'Commencer');
        expect(resumed.state.events.at(-1)?.action).to.deep.equal({ type: 'startTimeLimit', challengeId: 'qcu-minute' });
        expect(textOf(player.shadowRoot)).to.include(texts[1]);
      });
  });
});
