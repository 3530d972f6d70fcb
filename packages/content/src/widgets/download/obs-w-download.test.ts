import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse, setViewport } from '@web/test-runner-commands';
import '../index.js';
import type { ObsWDownload } from './obs-w-download.js';
import { button, centre, focused, overflowing, recordAnswers, shippedChallenge, smallTargets } from '../shared/test-helpers.js';

async function widget(lang = 'fr') {
  const { widget } = await shippedChallenge('telecharger-document');
  return fixture<ObsWDownload>(html`<obs-w-download .config=${widget.config ?? {}} lang=${lang}></obs-w-download>`);
}

const status = (el: ObsWDownload) => el.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim();
const downloads = (el: ObsWDownload) => el.shadowRoot?.querySelector('.downloads')?.textContent?.replace(/\s+/g, ' ').trim();

async function click(el: ObsWDownload, text: string): Promise<void> {
  await el.updateComplete;
  const [x, y] = centre(button(el, text));
  await sendMouse({ type: 'click', position: [x, y] });
  await el.updateComplete;
}

describe('obs-w-download', () => {
  afterEach(async () => {
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
  });

  it('pointer: "Télécharger" puts the file in "Téléchargements", then opening it shows the document', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    expect(downloads(el)).to.equal('Téléchargements Aucun fichier pour l’instant.');
    await click(el, 'Télécharger');
    expect(reports).to.deep.equal([{ answer: { downloaded: 'attestation', opened: '' }, complete: false }]);
    expect(status(el)).to.equal('Fichier téléchargé\u00a0: attestation-caf.pdf. Il est dans «\u00a0Téléchargements\u00a0».');
    expect(downloads(el)).to.equal('Téléchargements attestation-caf.pdf Ouvrir');
    await click(el, 'attestation-caf.pdf Ouvrir');
    expect(reports.at(-1)).to.deep.equal({ answer: { downloaded: 'attestation', opened: 'attestation' }, complete: false });
    expect(focused(el)?.id, 'the opened document’s heading').to.equal('viewer-title');
    expect(focused(el)?.textContent).to.equal('Document ouvert\u00a0: attestation-caf.pdf');
    expect(el.shadowRoot?.querySelector('.viewer')?.textContent).to.contain('Attestation de paiement');
  });

  it('keyboard only: Tab to "Télécharger", Enter; Tab to the file, Enter', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    el.focus();
    expect(focused(el)?.textContent?.trim()).to.equal('Imprimer');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent?.trim()).to.equal('Télécharger');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused(el)?.textContent?.trim(), 'focus stays where it was: the announcement says where the file is').to.equal('Télécharger');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('attestation-caf.pdf Ouvrir');
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(reports.map((r) => r.answer)).to.deep.equal([
      { downloaded: 'attestation', opened: '' },
      { downloaded: 'attestation', opened: 'attestation' },
    ]);
    expect(status(el)).to.equal('Document ouvert\u00a0: attestation-caf.pdf.');
  });

  it('another button downloads nothing and says only what was pressed (no correction)', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    await click(el, 'Imprimer');
    expect(reports).to.deep.equal([]);
    expect(status(el)).to.equal('Vous avez appuyé sur «\u00a0Imprimer\u00a0».');
    expect(downloads(el)).to.contain('Aucun fichier');
  });

  it('says it in English', async () => {
    const el = await widget('en');
    await click(el, 'Download');
    expect(downloads(el)).to.equal('Downloads attestation-caf.pdf Open');
  });

  it('reports nothing once disabled', async () => {
    const el = await widget();
    el.disabled = true;
    await el.updateComplete;
    const reports = recordAnswers(el);
    button(el, 'Télécharger').click();
    expect(reports).to.deep.equal([]);
  });

  it('says plainly when its configuration is broken (the download names no button)', async () => {
    const { widget: w } = await shippedChallenge('telecharger-document');
    const el = await fixture<ObsWDownload>(html`<obs-w-download .config=${{ ...w.config, download: 'absent' }}></obs-w-download>`);
    expect(el.shadowRoot?.querySelector('[role="alert"]')?.textContent).to.contain('ne peut pas s’afficher');
  });

  it('is accessible, touch-sized and fits 320 px, before and after the download and the opening', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await widget();
    const check = async () => {
      await expect(el).to.be.accessible();
      expect(smallTargets(el)).to.deep.equal([]);
      expect(overflowing(el, 320)).to.deep.equal([]);
    };
    await check();
    button(el, 'Télécharger').click();
    await el.updateComplete;
    await check();
    button(el, 'attestation-caf.pdf').click();
    await el.updateComplete;
    await check();
  });
});
