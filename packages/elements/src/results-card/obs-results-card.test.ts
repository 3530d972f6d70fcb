import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { createSurveySession, type SurveySession } from '@observatoire/core';
import './obs-results-card.define.js';
import { courseSummaries, levelReached, nextStep, type ObsResultsCard } from './obs-results-card.js';
import { printedFrame } from '../referral-sheet/test-fixtures.js';
import { centreOf, buttonNamed, deepActiveElement, definition, overflowing, playCourse, smallTargets, textOf } from '../challenge-player/test-fixtures.js';

/** A finished session: course results given as how many right answers per course; stops after the last given. */
function finished(rights: readonly number[]): SurveySession {
  const session = createSurveySession(definition, { clock: () => 0, seed: 'fixture' });
  session.dispatch({ type: 'start', consent: true });
  rights.forEach((right, i) => {
    playCourse(session, right);
    if (session.state.phase !== 'endOfCourse') return;
    session.dispatch({ type: i === rights.length - 1 ? 'quit' : 'continue' });
  });
  return session;
}

async function card(session: SurveySession, options: { mediator?: boolean; lang?: string } = {}) {
  const el = await fixture<ObsResultsCard>(html`<obs-results-card
    .state=${session.state}
    .definition=${session.definition}
    ?mediator=${options.mediator ?? false}
    lang=${options.lang ?? 'fr'}
  ></obs-results-card>`);
  await el.updateComplete;
  return el;
}

const FAIL_WORDS = /échec|échoué|raté|rater|mauvais|faux|nul|fail|wrong|bad/i;

describe('<obs-results-card>', () => {
  describe('participant view', () => {
    it('says what was succeeded, course by course, in encouraging words', async () => {
      const el = await card(finished([3, 4]));
      const root = el.shadowRoot!;
      const heading = root.querySelector('h2');
      expect(textOf(heading)).to.equal('Merci, c’est terminé !');
      expect(deepActiveElement()).to.equal(heading);
      expect([...root.querySelectorAll('[part="courses"] li')].map((li) => textOf(li))).to.deep.equal([
        'Manipulation : 3 défis réussis sur 3',
        'Compétences de base : 4 défis réussis sur 7',
      ]);
      expect(root.querySelector('[part="mediator"]')).to.equal(null);
      expect(textOf(root)).not.to.match(FAIL_WORDS);
      await expect(el).to.be.accessible();
    });

    it('no success at all is still said kindly', async () => {
      const el = await card(finished([0]));
      const text = textOf(el.shadowRoot);
      expect(text).to.contain('Manipulation : vous avez fait les 3 défis');
      expect(text).not.to.match(FAIL_WORDS);
    });

    it('one success is singular', async () => {
      const el = await card(finished([1]));
      expect(textOf(el.shadowRoot)).to.contain('Manipulation : 1 défi réussi sur 3');
    });

    it('the chart is an image named by the same figures as the list, with only the courses that have a success', async () => {
      const el = await card(finished([3, 4]));
      const chart = el.shadowRoot!.querySelector('svg')!;
      expect(chart.getAttribute('role')).to.equal('img');
      const title = el.shadowRoot!.getElementById(chart.getAttribute('aria-labelledby')!);
      expect(textOf(title)).to.equal('Réussite par parcours : Manipulation 100 %, Compétences de base 57 %');
      const bars = [...chart.querySelectorAll('rect.bar')].map((bar) => Number(bar.getAttribute('width')));
      expect(bars).to.deep.equal([230, Math.round((4 / 7) * 230)]);
      expect(el.shadowRoot!.querySelector('[style]')).to.equal(null);
    });

    it('shows the participant no zero: no "0 %" bar, no "0 défi", no course not started', async () => {
      for (const rights of [[0], [3, 0], [0, 0]]) {
        const el = await card(finished(rights));
        const text = textOf(el.shadowRoot);
        expect(text, String(rights)).not.to.match(/(^|\D)0\s?%|(^|\D)0 défi|non commencé|pas réussi/i);
        expect(text).not.to.match(FAIL_WORDS);
        const chartTitle = textOf(el.shadowRoot!.querySelector('svg title'));
        if (rights.every((right) => right === 0)) expect(el.shadowRoot!.querySelector('svg')).to.equal(null);
        else expect(chartTitle).to.equal('Réussite par parcours : Manipulation 100 %');
        await expect(el).to.be.accessible();
      }
    });

    it('switches to English', async () => {
      const el = await card(finished([3, 4]), { lang: 'en' });
      const text = textOf(el.shadowRoot);
      expect(text).to.contain('Thank you, you are done!');
      expect(text).to.contain('Handling: 3 challenges succeeded out of 3');
    });
  });

  describe('mediator view', () => {
    it('gives the follow-up code given as a property to the mediator only, for the referral sheet', async () => {
      const el = await card(finished([3, 4]), { mediator: true });
      expect(el.shadowRoot!.querySelector('[part="follow-up-code"]')).to.equal(null);
      el.followUpCode = 'K7QM-3RXP';
      await el.updateComplete;
      expect(el.followUpCode).to.equal('K7QM-3RXP');
      expect(textOf(el.shadowRoot!.querySelector('[part="follow-up-code"]'))).to.equal('Code de suivi : K7QM-3RXP');
      el.mediator = false;
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).not.to.contain('K7QM-3RXP');
    });

    it('shows the rate per course, the staircase level and what to work on next', async () => {
      const el = await card(finished([3, 4]), { mediator: true });
      const root = el.shadowRoot!;
      const rows = [...root.querySelectorAll('[part="courses-table"] tbody tr')].map((tr) => [...tr.children].map((cell) => textOf(cell)));
      expect(rows).to.deep.equal([
        ['Manipulation', '3 sur 3 (100 %)', 'Oui', 'Continuer'],
        ['Compétences de base', '4 sur 7 (57 %)', 'Pas encore', 'S’arrêter (réussite pas au-dessus de 60 %)'],
      ]);
      expect(textOf(root.querySelector('.level'))).to.equal('Niveau atteint sur l’escalier : 1 sur 3');
      const mediator = textOf(root.querySelector('[part="mediator"]'));
      expect(mediator).to.contain('Le parcours « Compétences de base ».');
      // The first four of course 2 were right; the last three have no skill tag: no skill list.
      expect(mediator).not.to.contain('Compétences des défis non réussis');
      await expect(el).to.be.accessible();
    });

    it('names the skills of the challenges not succeeded in the first course not passed, in words, never as bare codes', async () => {
      // The fixture names no competence: the framework's names (DigComp) are used.
      const el = await card(finished([1]), { mediator: true });
      const items = () => [...el.shadowRoot!.querySelectorAll('[part="skills"] li')].map((li) => textOf(li));
      expect(items()).to.deep.equal(['Évoluer dans un environnement numérique, niveau 1', 'Mener une recherche et une veille d’information, niveau 2']);
      expect(textOf(el.shadowRoot!.querySelector('.level'))).to.equal('Niveau atteint sur l’escalier : 0 sur 3');
      // The content's own names come first, in the card's language.
      el.definition = { ...definition, competences: [{ code: '1.1', name: { fr: 'Chercher une information', en: 'Finding information' } }] };
      el.lang = 'en';
      await el.updateComplete;
      expect(items()).to.deep.equal(['Finding one’s way in a digital environment, level 1', 'Finding information, level 2']);
      expect(textOf(el.shadowRoot!.querySelector('[part="mediator"]'))).not.to.match(/\b\d\.\d\b/);
    });

    it('shows the advice given at each end of course, and why it said to stop', async () => {
      let now = 0;
      // 2.5 minutes a challenge: course 1 ends at 7.5 minutes of test, course 2 at 25, over the 15-minute budget.
      const session = createSurveySession(definition, { clock: () => (now += 150_000), seed: 'fixture' });
      session.dispatch({ type: 'start', consent: true });
      playCourse(session, 3);
      session.dispatch({ type: 'continue' });
      playCourse(session, 2);
      session.dispatch({ type: 'continue' });
      session.dispatch({ type: 'skipChallenge', challengeId: session.state.current!.challengeId });
      session.dispatch({ type: 'skipRemaining', actor: 'mediator' });
      const el = await card(session, { mediator: true });
      const advice = [...el.shadowRoot!.querySelectorAll('[part="courses-table"] tbody tr')].map((tr) => textOf(tr.children[3]));
      expect(advice).to.deep.equal(['Continuer', 'S’arrêter (réussite pas au-dessus de 60 %, plus de 15 min de test)', 'S’arrêter (réussite pas au-dessus de 60 %, plus de 15 min de test)']);
      await expect(el).to.be.accessible();
    });

    it('lists only the courses actually started, and names no skill of a course never started', async () => {
      const session = createSurveySession(definition, { clock: () => 0, seed: 'fixture' });
      session.dispatch({ type: 'start', consent: true });
      playCourse(session, 3);
      session.dispatch({ type: 'continue' });
      playCourse(session, 7);
      session.dispatch({ type: 'quit' });
      const el = await card(session, { mediator: true });
      const rows = [...el.shadowRoot!.querySelectorAll('[part="courses-table"] tbody tr')].map((tr) => textOf(tr.children[0]!));
      expect(rows).to.deep.equal(['Manipulation', 'Compétences de base']);
      const mediator = textOf(el.shadowRoot!.querySelector('[part="mediator"]'));
      expect(mediator).to.contain('Le parcours « Culture numérique ».');
      expect(mediator).not.to.contain('Compétences des défis non réussis');
      await expect(el).to.be.accessible();
    });

    it('lists each challenge of the started courses with its outcome, a skipped one as skipped and by whom, and the test time', async () => {
      let now = 0;
      const session = createSurveySession(definition, { clock: () => (now += 40_000), seed: 'fixture' });
      session.dispatch({ type: 'start', consent: true });
      const first = session.state.current!.challengeId;
      playCourse(session, 3);
      session.dispatch({ type: 'continue' });
      session.dispatch({ type: 'skipChallenge', challengeId: session.state.current!.challengeId });
      session.dispatch({ type: 'skipRemaining', actor: 'mediator' });
      session.dispatch({ type: 'quit' });
      expect(first).to.be.a('string');
      const el = await card(session, { mediator: true });
      const table = el.shadowRoot!.querySelector('[part="challenges"]')!;
      expect(textOf(table.querySelector('caption'))).to.equal('Défi par défi');
      const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => textOf(cell)));
      expect(rows.length).to.equal(3 + 7);
      expect(rows.slice(0, 3)).to.deep.equal([
        ['Manipulation', 'Défi 1', 'Réussi'],
        ['Manipulation', 'Défi 2', 'Réussi'],
        ['Manipulation', 'Défi 3', 'Réussi'],
      ]);
      expect(rows[3]).to.deep.equal(['Compétences de base', 'Défi 1', 'Passé par la personne']);
      for (const row of rows.slice(4)) expect(row[2]).to.equal('Passé par le médiateur');
      // Course 3 was never started: none of its challenges is listed.
      expect(rows.some((row) => row[0] === 'Culture numérique')).to.equal(false);
      expect(textOf(el.shadowRoot!.querySelector('.test-time'))).to.match(/^Temps passé sur les défis\s: \d+\smin$/);
      await expect(el).to.be.accessible();

      const english = await card(session, { mediator: true, lang: 'en' });
      const englishRows = [...english.shadowRoot!.querySelectorAll('[part="challenges"] tbody tr')].map((tr) => textOf(tr.children[2]!));
      expect(englishRows.slice(2, 5)).to.deep.equal(['Succeeded', 'Skipped by the participant', 'Skipped by the mediator']);
    });

    it('every course passed: level 3, and a suggestion to go further', async () => {
      const session = createSurveySession(definition, { clock: () => 0, seed: 'fixture' });
      session.dispatch({ type: 'start', consent: true });
      playCourse(session, 3);
      session.dispatch({ type: 'continue' });
      playCourse(session, 7);
      session.dispatch({ type: 'continue' });
      playCourse(session, 5);
      expect(session.state.phase).to.equal('finished');
      const el = await card(session, { mediator: true });
      expect(textOf(el.shadowRoot!.querySelector('.level'))).to.equal('Niveau atteint sur l’escalier : 3 sur 3');
      expect(textOf(el.shadowRoot)).to.contain('Tous les parcours sont validés');
    });
  });

  it('its heading shows the focus ring when the survey was driven by keyboard, none after a click', async () => {
    const ring = (el: ObsResultsCard) => {
      const style = getComputedStyle(el.shadowRoot!.querySelector('h2')!);
      return style.outlineStyle === 'none' ? 'none' : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineOffset}`;
    };
    const seen: string[] = [];
    for (const how of ['keyboard', 'pointer']) {
      const last = await fixture<HTMLButtonElement>(html`<button type="button">Continuer</button>`);
      if (how === 'keyboard') {
        last.focus();
        await sendKeys({ press: 'Shift' });
      } else await sendMouse({ type: 'click', position: centreOf(last) });
      const el = await card(finished([3]));
      expect(deepActiveElement(), how).to.equal(el.shadowRoot!.querySelector('h2'));
      seen.push(ring(el));
    }
    expect(seen).to.deep.equal(['solid 3px 2px', 'none']);
  });

  it('"Imprimer la fiche" prints the referral sheet alone, never the page around it', async () => {
    const el = await card(finished([3]), { mediator: true });
    const sheet = el.shadowRoot!.querySelector('obs-referral-sheet')!;
    await sheet.updateComplete;
    expect(textOf(sheet.shadowRoot!.querySelector('h2'))).to.equal('Votre fiche pour la suite');
    const original = window.print;
    let pagePrinted = 0;
    window.print = () => void pagePrinted++;
    try {
      const frame = printedFrame(sheet);
      await sendMouse({ type: 'click', position: centreOf(buttonNamed(el.shadowRoot!, 'Imprimer la fiche')) });
      expect(textOf((await frame).contentDocument!.body)).to.contain('Votre fiche pour la suite');
    } finally {
      window.print = original;
    }
    expect(pagePrinted).to.equal(0);
  });

  it('holds at 320 px with targets of at least 44 px, in both views', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      for (const mediator of [false, true]) {
        const el = await card(finished([3, 4]), { mediator });
        expect(smallTargets(el.shadowRoot!)).to.deep.equal([]);
        expect(overflowing(el.shadowRoot!, 320)).to.deep.equal([]);
        await expect(el).to.be.accessible();
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('results summary (pure)', () => {
  it('a course is passed above 60%, as the analysis counts it; the level counts passed courses in a row', () => {
    const state = finished([2, 7]).state;
    expect(courseSummaries(definition, state).map((s) => [s.courseId, s.succeeded, s.passed])).to.deep.equal([
      ['manipulation', 2, true],
      ['bases', 7, true],
      ['culture', 0, false],
    ]);
    expect(levelReached(definition, state)).to.equal(2);
  });

  it('a course not passed stops the staircase even when a later one is passed', () => {
    const state = finished([1, 7]).state;
    expect(levelReached(definition, state)).to.equal(0);
    expect(nextStep(definition, state)?.courseId).to.equal('manipulation');
  });

  it('a course ended by the mediator’s skip counts with its rate', () => {
    const session = createSurveySession(definition, { clock: () => 0, seed: 'fixture' });
    session.dispatch({ type: 'start', consent: true });
    session.dispatch({ type: 'answerChallenge', challengeId: 'qcu-souris', answer: '2' });
    session.dispatch({ type: 'skipRemaining' });
    expect(courseSummaries(definition, session.state)[0]).to.include({ succeeded: 1, total: 3, passed: false });
  });
});
