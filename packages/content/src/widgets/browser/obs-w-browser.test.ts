import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../index.js';
import type { ObsWBrowser } from './obs-w-browser.js';
import { normalizeAddress } from './obs-w-browser.js';
import { button, focused, overflowing, recordAnswers, shippedChallenge, smallTargets } from '../shared/test-helpers.js';

async function widget(id: string, lang = 'fr') {
  const { widget } = await shippedChallenge(id);
  return fixture<ObsWBrowser>(html`<obs-w-browser .config=${widget.config ?? {}} lang=${lang}></obs-w-browser>`);
}

const address = (el: ObsWBrowser) => el.shadowRoot?.querySelector<HTMLInputElement>('#address') as HTMLInputElement;
const heading = (el: ObsWBrowser) => el.shadowRoot?.querySelector('h3')?.textContent?.trim();

describe('obs-w-browser', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('keyboard only: typing the address in the address bar and pressing Enter opens the site', async () => {
    const el = await widget('navigateur-adresse');
    const reports = recordAnswers(el);
    address(el).focus();
    expect(focused(el)).to.equal(address(el));
    await sendKeys({ type: 'www.ville-exemple.fr' }); // the bar's text is selected on focus: typing replaces it
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(reports.at(-1)).to.deep.equal({ answer: { tab: 'onglet-1', page: 'mairie', address: 'www.ville-exemple.fr' }, complete: false });
    expect(heading(el)).to.equal('Mairie de Ville-Exemple');
  });

  it('a mistyped address shows "Page introuvable" and reports it', async () => {
    const el = await widget('navigateur-adresse');
    const reports = recordAnswers(el);
    address(el).focus();
    await sendKeys({ type: 'www.ville-exmple.fr' });
    button(el, 'Aller').click();
    await el.updateComplete;
    expect(reports.at(-1)?.answer).to.deep.equal({ tab: 'onglet-1', page: 'introuvable', address: 'www.ville-exmple.fr' });
    expect(heading(el)).to.equal('Page introuvable');
  });

  it('the back button returns to the previous page, and is off when there is none', async () => {
    const el = await widget('navigateur-adresse');
    const reports = recordAnswers(el);
    const back = button(el, 'Page précédente');
    expect(back.disabled).to.equal(true);
    address(el).focus();
    await sendKeys({ type: 'ville-exemple.fr' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(back.disabled).to.equal(false);
    back.click();
    await el.updateComplete;
    expect(reports.at(-1)?.answer).to.deep.equal({ tab: 'onglet-1', page: 'recherche', address: 'www.recherche-exemple.fr' });
    expect(address(el).value).to.equal('www.recherche-exemple.fr');
  });

  it('keyboard only: the "Météo" tab is reached with Tab and opened with Enter', async () => {
    const el = await widget('navigateur-onglet');
    const reports = recordAnswers(el);
    el.focus();
    expect(focused(el)?.textContent?.trim()).to.equal('Actualités');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(reports.at(-1)).to.deep.equal({ answer: { tab: 'onglet-meteo', page: 'meteo', address: 'www.meteo-exemple.fr' }, complete: false });
    expect(button(el, 'Météo').getAttribute('aria-pressed')).to.equal('true');
    expect(heading(el)).to.equal('Météo');
  });

  it('another tab is reported as such', async () => {
    const el = await widget('navigateur-onglet');
    const reports = recordAnswers(el);
    button(el, 'Recettes').click();
    expect(reports.at(-1)?.answer.tab).to.equal('onglet-recettes');
  });

  it('is plainly a practice page, in English too', async () => {
    const el = await widget('navigateur-onglet', 'en');
    expect(el.shadowRoot?.querySelector('.caption')?.textContent).to.equal('Practice page: web browser');
    expect(button(el, 'Weather')).to.exist;
  });

  it('announces the page it opens, from a live region there since the first render', async () => {
    const el = await widget('navigateur-adresse');
    const region = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    const said = () => region.textContent!.replace(/\s+/g, ' ').trim();
    // Present and empty before anything happens: a region created with its first message is often not read.
    expect(region.getAttribute('role')).to.equal('status');
    expect(said()).to.equal('');
    address(el).focus();
    await sendKeys({ type: 'www.ville-exemple.fr' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')).to.equal(region);
    expect(said()).to.equal('Page ouverte : Mairie de Ville-Exemple.');
    button(el, 'Page précédente').click();
    await el.updateComplete;
    expect(said()).to.match(/^Page ouverte : /);
    expect(said()).not.to.contain('Mairie');
    address(el).focus();
    await sendKeys({ type: 'www.ville-exmple.fr' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(said()).to.equal('Page introuvable');
    // The same page opened again is said again (the text changes).
    const before = region.textContent;
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(said()).to.equal('Page introuvable');
    expect(region.textContent).not.to.equal(before);
  });

  it('announces the page of the tab it opens, in English too', async () => {
    const el = await widget('navigateur-onglet', 'en');
    button(el, 'Weather').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.trim()).to.equal('Page opened: Weather.');
  });

  it('addresses compare without scheme, "www." or a final slash', () => {
    expect(normalizeAddress(' https://www.Ville-Exemple.fr/ ')).to.equal('ville-exemple.fr');
  });

  it('is accessible, touch-sized and fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    for (const id of ['navigateur-adresse', 'navigateur-onglet']) {
      const el = await widget(id);
      await expect(el).to.be.accessible();
      expect(smallTargets(el)).to.deep.equal([]);
      expect(overflowing(el, 320)).to.deep.equal([]);
    }
  });
});
