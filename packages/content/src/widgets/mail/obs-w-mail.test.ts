import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../index.js';
import type { ObsWMail } from './obs-w-mail.js';
import { button, focused, overflowing, recordAnswers, shippedChallenge, smallTargets } from '../shared/test-helpers.js';

async function widget() {
  const { widget } = await shippedChallenge('messagerie-piece-jointe');
  return fixture<ObsWMail>(html`<obs-w-mail .config=${widget.config ?? {}}></obs-w-mail>`);
}

describe('obs-w-mail', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('keyboard only: open the CAF message, then its attachment', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    el.focus();
    expect(focused(el)?.textContent).to.contain('Pharmacie du Centre');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent).to.contain('CAF');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused(el)?.textContent).to.equal('Votre attestation de paiement');
    expect(reports.at(-1)?.answer).to.deep.equal({ message: 'caf', attachment: '' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent).to.contain('attestation-caf.pdf');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(reports.at(-1)).to.deep.equal({ answer: { message: 'caf', attachment: 'attestation' }, complete: false });
    expect(focused(el)?.textContent).to.contain('Document ouvert');
    expect(el.shadowRoot?.querySelector('.doc')?.textContent).to.contain('Montant versé en mai\u00a0: 312 €');
  });

  it('the wrong message and attachment are reported as such', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    button(el, 'Club de marche').click();
    await el.updateComplete;
    button(el, 'plan-sortie.pdf').click();
    expect(reports.at(-1)?.answer).to.deep.equal({ message: 'club', attachment: 'plan' });
  });

  it('"back to the list" returns focus to the message that was open', async () => {
    const el = await widget();
    button(el, 'CAF').click();
    await el.updateComplete;
    button(el, 'Retour à la liste des messages').click();
    await el.updateComplete;
    expect(focused(el)?.textContent).to.contain('CAF');
  });

  it('is accessible (list, message and document), touch-sized and fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await widget();
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
    expect(overflowing(el, 320)).to.deep.equal([]);
    button(el, 'CAF').click();
    await el.updateComplete;
    button(el, 'attestation-caf.pdf').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
    expect(overflowing(el, 320)).to.deep.equal([]);
  });
});
