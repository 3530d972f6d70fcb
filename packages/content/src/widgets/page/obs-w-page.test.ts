import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../index.js';
import type { ObsWPage } from './obs-w-page.js';
import { button, focused, overflowing, recordAnswers, shippedChallenge, smallTargets } from '../shared/test-helpers.js';

async function widget() {
  const { widget } = await shippedChallenge('service-public-horaires');
  return fixture<ObsWPage>(html`<obs-w-page .config=${widget.config ?? {}}></obs-w-page>`);
}

describe('obs-w-page', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('keyboard only: open "Horaires et contact", read, then write the answer', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    el.focus();
    for (let i = 0; i < 2; i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent?.trim()).to.equal('Horaires et contact');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused(el)?.textContent).to.equal('Horaires et contact');
    expect(el.shadowRoot?.querySelector('.inside')?.textContent).to.contain('Le samedi\u00a0: de 9 h à 12 h.');
    expect(reports.at(-1)?.answer).to.deep.equal({ section: 'horaires', answer: '' });
    (el.shadowRoot?.querySelector('#answer') as HTMLInputElement).focus();
    await sendKeys({ type: '12 h' });
    expect(reports.at(-1)).to.deep.equal({ answer: { section: 'horaires', answer: '12 h' }, complete: false });
  });

  it('a wrong answer is reported as typed', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    button(el, 'Vos démarches').click();
    await el.updateComplete;
    (el.shadowRoot?.querySelector('#answer') as HTMLInputElement).focus();
    await sendKeys({ type: '17 h' });
    expect(reports.at(-1)?.answer).to.deep.equal({ section: 'demarches', answer: '17 h' });
  });

  it('the current section is marked for screen readers', async () => {
    const el = await widget();
    expect(button(el, 'Accueil').getAttribute('aria-current')).to.equal('page');
    button(el, 'Actualités').click();
    await el.updateComplete;
    expect(button(el, 'Actualités').getAttribute('aria-current')).to.equal('page');
    expect(button(el, 'Accueil').getAttribute('aria-current')).to.equal('false');
  });

  it('is accessible, touch-sized and fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await widget();
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
    expect(overflowing(el, 320)).to.deep.equal([]);
  });
});
