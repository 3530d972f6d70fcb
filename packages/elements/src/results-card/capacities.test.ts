/**
 * The results card of the quick diagnostic (a definition with capacities): per capacity, mastered or
 * to work on, in words, for the participant and the mediator; no staircase level (docs/player.md).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createSurveySession, parseSurveyDefinition, type SurveyDefinition, type SurveySession } from '@observatoire/core';
import './obs-results-card.define.js';
import type { ObsResultsCard } from './obs-results-card.js';
import { rightAnswer } from '../outbox/test-helpers.js';
import { overflowing, textOf } from '../challenge-player/test-fixtures.js';

let diagnostic: Promise<SurveyDefinition> | undefined;
const quickDiagnostic = () =>
  (diagnostic ??= fetch('/packages/content/surveys/diagnostic-rapide.json').then(async (r) => parseSurveyDefinition(await r.text())));

/** The quick diagnostic played: the challenges of the capacities in `right` answered right, the others skipped. */
async function played(right: readonly string[]): Promise<SurveySession> {
  const definition = await quickDiagnostic();
  const session = createSurveySession(definition, { seed: 'capacities', clock: () => 0 });
  session.dispatch({ type: 'start', consent: true });
  while (session.state.phase === 'course') {
    const id = session.state.current!.challengeId;
    const challenge = definition.challenges.find((c) => c.id === id)!;
    session.dispatch(right.includes(challenge.capacity ?? '') ? { type: 'answerChallenge', challengeId: id, answer: rightAnswer(challenge) } : { type: 'skipChallenge', challengeId: id });
  }
  if (session.state.phase === 'endOfCourse') session.dispatch({ type: 'quit' });
  return session;
}

async function card(session: SurveySession, mediator: boolean, lang = 'fr'): Promise<ObsResultsCard> {
  const el = await fixture<ObsResultsCard>(html`<obs-results-card .state=${session.state} .definition=${session.definition} ?mediator=${mediator} lang=${lang}></obs-results-card>`);
  await el.updateComplete;
  return el;
}

const lines = (el: ObsResultsCard, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map((node) => textOf(node));

describe('<obs-results-card> of the quick diagnostic: a result per capacity, in words', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('the participant reads, per capacity, what they can do and what is to work on; no course figures, no chart', async () => {
    const el = await card(await played(['identifier', 'service_en_ligne']), false);
    expect(lines(el, '[part="capacities"] li')).to.deep.equal([
      'Reconnaître les outils : vous savez faire.',
      'Manipuler l’appareil : à travailler.',
      'Utiliser un service en ligne : vous savez faire.',
    ]);
    expect(el.shadowRoot!.querySelector('[part="courses"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="chart"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('the mediator reads the count, mastered or to work on, and the content’s words; never a staircase level', async () => {
    const el = await card(await played(['manipuler']), true);
    const rows = [...el.shadowRoot!.querySelectorAll('[part="capacities-table"] tbody tr')].map((tr) => [...tr.children].map((cell) => textOf(cell)));
    expect(rows).to.deep.equal([
      ['Reconnaître les outils', '0 sur 4', 'À travailler', 'Ne reconnaît pas encore les outils. Commencer par découvrir l’appareil et ses mots.'],
      ['Manipuler l’appareil', '3 sur 3', 'Acquis', 'Appuie, écrit et déplace sans aide.'],
      ['Utiliser un service en ligne', '0 sur 3', 'À travailler', 'Ne peut pas encore utiliser un service en ligne seul. Accompagner pas à pas.'],
    ]);
    expect(textOf(el.shadowRoot!.querySelector('[part="mediator"]'))).not.to.match(/escalier|Niveau atteint/);
    await expect(el).to.be.accessible();
  });

  it('in English, and at 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await card(await played(['identifier', 'manipuler', 'service_en_ligne']), true, 'en');
    expect(lines(el, '[part="capacities"] li')).to.deep.equal(['Recognising the tools: you can do it.', 'Handling the device: you can do it.', 'Using an online service: you can do it.']);
    expect(lines(el, '[part="capacities-table"] tbody td:nth-child(3)')).to.deep.equal(['Mastered', 'Mastered', 'Mastered']);
    expect(overflowing(el, 320)).to.deep.equal([]);
  });

  it('a survey without capacities keeps its courses and staircase level', async () => {
    const definition = await quickDiagnostic();
    const { capacities: _, ...withoutCapacities } = definition;
    const session = createSurveySession({ ...withoutCapacities } as SurveyDefinition, { seed: 'capacities', clock: () => 0 });
    session.dispatch({ type: 'start', consent: true });
    session.dispatch({ type: 'skipRemaining' });
    const el = await card(session, true);
    expect(el.shadowRoot!.querySelector('[part="capacities"]')).to.equal(null);
    expect(textOf(el.shadowRoot!.querySelector('[part="mediator"]'))).to.contain('Niveau atteint sur l’escalier');
  });
});
