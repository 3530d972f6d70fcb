import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../index.js';
import type { ObsWType } from './obs-w-type.js';
import { focused, overflowing, recordAnswers, shippedChallenge, smallTargets } from '../shared/test-helpers.js';

async function widget() {
  const { widget } = await shippedChallenge('ecrire-mot');
  return fixture<ObsWType>(html`<obs-w-type .config=${widget.config ?? {}}></obs-w-type>`);
}

describe('obs-w-type', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('typing "bonjour" reports it, without ending the task ("Je valide" sends it)', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    el.focus();
    expect(focused(el)?.id).to.equal('typed');
    await sendKeys({ type: 'bonjour' });
    expect(reports.at(-1)).to.deep.equal({ answer: { typed: 'bonjour' }, complete: false });
    expect(reports.length).to.equal(7);
  });

  it('a misspelt word is reported as typed', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    el.focus();
    await sendKeys({ type: 'bonjor' });
    expect(reports.at(-1)?.answer).to.deep.equal({ typed: 'bonjor' });
  });

  it('the field has its visible label', async () => {
    const el = await widget();
    const input = el.shadowRoot?.querySelector('input');
    const label = el.shadowRoot?.querySelector(`label[for="${input?.id}"]`);
    expect(label?.textContent).to.equal('Votre texte');
    expect(label?.querySelector('svg.icon')?.getAttribute('aria-hidden'), 'the keyboard picture, decorative').to.equal('true');
  });

  it('is accessible, touch-sized and fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await widget();
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
    expect(overflowing(el, 320)).to.deep.equal([]);
  });
});
