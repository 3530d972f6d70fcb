import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../index.js';
import type { ObsWClick } from './obs-w-click.js';
import { button, focused, overflowing, recordAnswers, shippedChallenge, smallTargets } from '../shared/test-helpers.js';

async function widget(lang = 'fr') {
  const { widget } = await shippedChallenge('cliquer-bouton');
  return fixture<ObsWClick>(html`<obs-w-click .config=${widget.config ?? {}} lang=${lang}></obs-w-click>`);
}

describe('obs-w-click', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('clicking "Envoyer" reports { clicked: "envoyer" } and shows it, without ending the task', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    button(el, 'Envoyer').click();
    expect(reports).to.deep.equal([{ answer: { clicked: 'envoyer' }, complete: false }]);
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('.chosen')?.textContent).to.contain('Vous avez choisi «\u00A0Envoyer\u00A0»');
  });

  it('clicking another button reports that button', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    button(el, 'Annuler').click();
    expect(reports[0]?.answer).to.deep.equal({ clicked: 'annuler' });
  });

  it('works with the keyboard only (Tab, then Enter)', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    el.focus();
    expect(focused(el)?.textContent?.trim()).to.equal('Annuler');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent?.trim()).to.equal('Envoyer');
    await sendKeys({ press: 'Enter' });
    expect(reports.at(-1)?.answer).to.deep.equal({ clicked: 'envoyer' });
  });

  it('each button carries its picture: the paper plane on "Envoyer", hidden from screen readers', async () => {
    const el = await widget();
    const send = button(el, 'Envoyer');
    const picture = send.querySelector('svg');
    expect(picture?.getAttribute('aria-hidden')).to.equal('true');
    expect(picture?.querySelector('path')?.getAttribute('d')).to.match(/^M3 11l18-8/);
    expect(['Annuler', 'Aide', 'Retour'].map((label) => button(el, label).querySelector('svg') !== null)).to.deep.equal([true, true, true]);
  });

  it('one tap only selects: "Annuler mon choix" takes it back, nothing is chosen, focus returns to the buttons', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    el.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(reports).to.deep.equal([{ answer: { clicked: 'envoyer' }, complete: false }]);
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent?.trim()).to.equal('Annuler mon choix');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(reports.at(-1)).to.deep.equal({ answer: {}, complete: false });
    expect(el.shadowRoot?.querySelectorAll('[aria-pressed="true"]').length).to.equal(0);
    expect(el.shadowRoot?.querySelector('.chosen')?.textContent?.trim()).to.equal('');
    expect(focused(el)?.textContent?.trim()).to.equal('Annuler');
    expect([...(el.shadowRoot?.querySelectorAll('button') ?? [])].some((b) => b.textContent?.includes('Annuler mon choix'))).to.equal(false);
  });

  it('shows the English labels', async () => {
    const el = await widget('en');
    expect(button(el, 'Send')).to.exist;
  });

  it('reports nothing once disabled', async () => {
    const el = await widget();
    el.disabled = true;
    await el.updateComplete;
    const reports = recordAnswers(el);
    button(el, 'Envoyer').click();
    expect(reports).to.deep.equal([]);
  });

  it('says plainly when its configuration is broken', async () => {
    const el = await fixture<ObsWClick>(html`<obs-w-click .config=${{ buttons: [] }}></obs-w-click>`);
    expect(el.shadowRoot?.querySelector('[role="alert"]')?.textContent).to.contain('ne peut pas s’afficher');
  });

  it('is accessible, touch-sized and fits 320 px, also once a button is chosen', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await widget();
    await expect(el).to.be.accessible();
    button(el, 'Envoyer').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
    expect(overflowing(el, 320)).to.deep.equal([]);
  });
});
