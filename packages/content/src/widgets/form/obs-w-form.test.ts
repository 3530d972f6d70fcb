import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../index.js';
import type { ObsWForm } from './obs-w-form.js';
import { button, focused, overflowing, recordAnswers, shippedChallenge, smallTargets } from '../shared/test-helpers.js';

async function widget() {
  const { widget } = await shippedChallenge('formulaire-date');
  return fixture<ObsWForm>(html`<obs-w-form .config=${widget.config ?? {}}></obs-w-form>`);
}

describe('obs-w-form', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('keyboard only: the date typed in "Date de naissance" is reported; Enter sends the form', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    el.focus(); // the widget delegates focus to its one field
    expect(focused(el)?.id).to.equal('f-naissance');
    await sendKeys({ type: '05/03/1958' });
    expect(reports.at(-1)).to.deep.equal({ answer: { naissance: '05/03/1958' }, complete: false });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(reports.at(-1)).to.deep.equal({ answer: { naissance: '05/03/1958' }, complete: false });
    expect(el.shadowRoot?.querySelector('[role="status"]')?.textContent).to.equal('Votre demande est envoyée.');
  });

  it('a date in another format is reported as typed', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    (el.shadowRoot?.querySelector('#f-naissance') as HTMLInputElement).focus();
    await sendKeys({ type: '5 mars 1958' });
    button(el, 'Envoyer la demande').click();
    expect(reports.at(-1)?.answer.naissance).to.equal('5 mars 1958');
  });

  it('the format hint describes the field', async () => {
    const el = await widget();
    const input = el.shadowRoot?.querySelector('#f-naissance');
    const hint = el.shadowRoot?.getElementById(input?.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).to.contain('JJ/MM/AAAA');
  });

  it('is accessible, touch-sized and fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await widget();
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
    expect(overflowing(el, 320)).to.deep.equal([]);
  });
});
