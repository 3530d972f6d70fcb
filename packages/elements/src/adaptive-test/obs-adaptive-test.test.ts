import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { parseAdaptiveBank, type AdaptiveBank, type AdaptiveTestConfig } from '@observatoire/core/adaptive';
import './obs-adaptive-test.define.js';
import type { AdaptiveFinishedDetail } from './events.js';
import type { ObsAdaptiveTest } from './obs-adaptive-test.js';
import { buttonNamed, deepActiveElement, deepQueryAll, textOf } from '../challenge-player/test-fixtures.js';

const t = (fr: string, en: string) => ({ fr, en });

/** Twelve QCU items over two areas; the right answer is always « Oui ». */
const bank: AdaptiveBank = parseAdaptiveBank({
  schemaVersion: 1,
  id: 'test-bank',
  version: '1',
  title: t('Banque de test', 'Test bank'),
  provenance: { author: 'Observatoire', status: 'project', parameters: 'experts', description: { fr: 'Paramètres de test', en: 'Test parameters' } },
  tutorials: { '1.1': [{ title: t('Chercher sur Internet', 'Searching the Internet'), url: 'https://example.org/chercher' }] },
  items: Array.from({ length: 12 }, (_, i) => {
    const competence = i % 2 === 0 ? '1.1' : '4.1';
    return {
      challenge: {
        id: `q${i}`,
        type: 'QCU',
        skill: { area: competence[0], competence, level: 1 + (i % 4) },
        instruction: t(`Question numéro ${i} : répondez « Oui ».`, `Question number ${i}: answer “Yes”.`),
        proposals: [t('Non', 'No'), t('Oui', 'Yes'), t('Je ne sais pas', 'I do not know')],
        solution: 2,
      },
      parameters: { a: 1.5, b: -2 + (i % 4) },
      source: 'experts',
    };
  }),
});

const CONFIG: AdaptiveTestConfig = { stopping: { maxItems: 4 } };

async function settle(el: ObsAdaptiveTest): Promise<void> {
  await el.updateComplete;
  const player = el.shadowRoot!.querySelector('obs-challenge-player');
  if (player) await player.updateComplete;
  await el.updateComplete;
}

/** Tab until `target` has the focus. */
async function tabTo(target: Element, name: string): Promise<void> {
  for (let i = 0; i < 30 && deepActiveElement() !== target; i++) await sendKeys({ press: 'Tab' });
  expect(deepActiveElement(), `Tab reaches "${name}"`).to.equal(target);
}

/** Choose a proposal by keyboard only: Tab into the radio group, arrows to the proposal, then "Je valide". */
async function answerByKeyboard(el: ObsAdaptiveTest, proposal: string): Promise<void> {
  const radios = deepQueryAll<HTMLInputElement>(el.shadowRoot!, 'input[type="radio"]');
  for (let i = 0; i < 30 && !radios.includes(deepActiveElement() as HTMLInputElement); i++) await sendKeys({ press: 'Tab' });
  for (let i = 0; i < radios.length && textOf((deepActiveElement() as HTMLInputElement).labels?.[0]) !== proposal; i++) await sendKeys({ press: 'ArrowDown' });
  expect(textOf((deepActiveElement() as HTMLInputElement).labels?.[0])).to.equal(proposal);
  await sendKeys({ press: ' ' });
  await tabTo(buttonNamed(el.shadowRoot!, 'Je valide'), 'Je valide');
  await sendKeys({ press: 'Enter' });
  await settle(el);
}

describe('<obs-adaptive-test>', () => {
  it('runs a whole adaptive test by keyboard only, then shows the competence profile', async () => {
    const el = await fixture<ObsAdaptiveTest>(html`<obs-adaptive-test .bank=${bank} .config=${CONFIG} seed="clavier" lang="fr"></obs-adaptive-test>`);
    await settle(el);
    const finished: AdaptiveFinishedDetail[] = [];
    el.addEventListener('obs-adaptive-finished', (event) => finished.push(event.detail));
    expect(textOf(el.shadowRoot!.querySelector('[part="progress"]'))).to.equal('Question 1');
    await expect(el).to.be.accessible();

    for (let n = 1; n <= 4; n++) {
      expect(el.session!.state.responses).to.have.length(n - 1);
      await answerByKeyboard(el, n === 3 ? 'Non' : 'Oui');
    }

    expect(el.session!.state.phase).to.equal('finished');
    expect(el.session!.state.responses.map((r) => r.status)).to.deep.equal(['ok', 'ok', 'ko', 'ok']);
    const heading = el.shadowRoot!.querySelector('#profile-heading');
    expect(textOf(heading)).to.equal('Votre profil de compétences');
    expect(deepActiveElement()).to.equal(heading);
    const lines = [...el.shadowRoot!.querySelectorAll('[part="competence"]')].map((li) => textOf(li));
    expect(lines).to.have.length(2);
    expect(lines[0]).to.match(/^1\.1 Mener une recherche et une veille d’information : (niveau \d|premiers pas)/);
    expect(textOf(el.shadowRoot!.querySelector('[part="total"]'))).to.match(/^Score : \d+ pix sur 1 ?024\.$/);
    expect(textOf(el.shadowRoot!.querySelector('[part="not-measured"]'))).to.contain('Programmer');
    expect(textOf(el.shadowRoot!.querySelector('[part="provenance"]'))).to.equal('À propos de ce test : Paramètres de test');
    const tutorial = el.shadowRoot!.querySelector<HTMLAnchorElement>('[data-code="1.1"] [part="tutorials"] a');
    expect(textOf(tutorial)).to.equal('Chercher sur Internet');
    expect(tutorial!.getAttribute('href')).to.equal('https://example.org/chercher');
    expect(finished).to.have.length(1);
    expect(finished[0]!.snapshot.state.responses).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  it('speaks English when asked', async () => {
    const el = await fixture<ObsAdaptiveTest>(html`<obs-adaptive-test .bank=${bank} .config=${CONFIG} seed="en" lang="en"></obs-adaptive-test>`);
    await settle(el);
    expect(textOf(deepQueryAll(el.shadowRoot!, 'h2')[0])).to.contain('answer “Yes”');
    el.session!.dispatch({ type: 'stop' });
    await settle(el);
    expect(textOf(el.shadowRoot!.querySelector('#profile-heading'))).to.equal('Your skills profile');
    expect(textOf(el.shadowRoot!.querySelector('[part="stopped"]'))).to.equal('The test was stopped before the end: the profile counts the answers already given.');
    await expect(el).to.be.accessible();
  });

  it('the mediator can stop the test by keyboard', async () => {
    const el = await fixture<ObsAdaptiveTest>(html`<obs-adaptive-test .bank=${bank} .config=${CONFIG} seed="m" mediator></obs-adaptive-test>`);
    await settle(el);
    await tabTo(buttonNamed(el.shadowRoot!, 'Arrêter le test (médiateur)'), 'Arrêter le test');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.session!.state.stopReason).to.equal('stopped');
    expect(deepActiveElement()).to.equal(el.shadowRoot!.querySelector('#profile-heading'));
  });
});
