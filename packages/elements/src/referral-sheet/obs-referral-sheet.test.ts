/**
 * `<obs-referral-sheet>` (docs/player.md, "<obs-referral-sheet>"), in Chromium and Firefox: valorising
 * words only, competences named in words, the content's and the structure's links written out,
 * the follow-up code, and "Imprimer la fiche" printing the sheet alone, by keyboard.
 * (The page count of the printed sheet is in print.pdf.test.ts, Chromium only.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ErrorEventDetail } from '../events.js';
import './obs-referral-sheet.define.js';
import type { ObsReferralSheet } from './obs-referral-sheet.js';
import { deepActiveElement, overflowing, smallTargets, textOf } from '../challenge-player/test-fixtures.js';
import { played, printedFrame } from './test-fixtures.js';

/** Course 1 all right, course 2 all skipped: the next step is course 2. */
const passedFirst = [[true, true, true], [false, false, false, false, false, false, false]];

async function sheet(plan: readonly (readonly boolean[])[], attrs: { lang?: string; links?: unknown; code?: string } = {}) {
  const { definition, session } = await played(plan);
  const el = await fixture<ObsReferralSheet>(html`<obs-referral-sheet
    .definition=${definition}
    .state=${session.state}
    .links=${attrs.links}
    lang=${attrs.lang ?? 'fr'}
    follow-up-code=${attrs.code ?? ''}
  ></obs-referral-sheet>`);
  await el.updateComplete;
  return el;
}

const section = (el: ObsReferralSheet, id: string) => textOf(el.shadowRoot!.querySelector(`section[aria-labelledby="${id}"]`));
const items = (el: ObsReferralSheet, id: string) => [...el.shadowRoot!.querySelectorAll(`section[aria-labelledby="${id}"] li`)].map((li) => textOf(li));

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!check()) throw new Error(`Timed out: ${what}`);
}

/** Words of failure, rates and bare competence codes ("4.1") never appear on the sheet. */
const NEVER = /%|\b\d\.\d\b|échec|échoué|raté|faux|nul\b|pas réussi|fail|wrong/i;

describe('<obs-referral-sheet>', () => {
  it('says what the person did well and what to work on, competences in words, never a code or a rate; axe clean', async () => {
    const el = await sheet(passedFirst);
    const root = el.shadowRoot!;
    expect(textOf(root.querySelector('h2'))).to.equal('Votre fiche pour la suite');
    expect(section(el, 'sheet-well')).to.contain('Vous avez réussi le parcours « Manipuler ».');
    expect(items(el, 'sheet-well')).to.deep.equal(['Évoluer dans un environnement numérique']);
    expect(items(el, 'sheet-work')).to.have.members(['Chercher et trier l’information', 'Évoluer dans un environnement numérique', 'Interagir', 'S’insérer dans le monde numérique']);
    // The content's tutorials of the challenges missed, each once, addresses written out.
    expect(items(el, 'sheet-learn').map((item) => item.split(' ').at(-1))).to.deep.equal(['lesbonsclics.fr', 'pix.fr', 'service-public.fr', 'cybermalveillance.gouv.fr']);
    expect(textOf(root.querySelector('.sheet'))).to.not.match(NEVER);
    await expect(el).to.be.accessible();
  });

  it('with nothing succeeded, still only encouraging words', async () => {
    const el = await sheet([[false, false, false]]);
    expect(section(el, 'sheet-well')).to.contain('Vous avez fait le premier pas. Bravo pour votre participation !');
    expect(items(el, 'sheet-work')).to.deep.equal(['Évoluer dans un environnement numérique']);
    expect(textOf(el.shadowRoot!.querySelector('.sheet'))).to.not.match(NEVER);
  });

  it("shows the structure's links; a bad one is left out and reported with its path, the others kept", async () => {
    const errors: ErrorEventDetail[] = [];
    const listen = (event: Event) => errors.push((event as CustomEvent<ErrorEventDetail>).detail);
    document.addEventListener('obs-error', listen);
    try {
      const el = await sheet(passedFirst, {
        links: [
          { title: 'Aidants Connect', url: 'https://aidantsconnect.beta.gouv.fr/', detail: 'À l’accueil, le jeudi' },
          { title: 'Piège', url: 'javascript:alert(1)' },
          { title: 'Nos ateliers', url: '/ateliers' },
        ],
      });
      await until(() => items(el, 'sheet-near').length === 2, 'the two good links');
      const near = items(el, 'sheet-near');
      expect(near[0]).to.equal('Aidants Connect — À l’accueil, le jeudi aidantsconnect.beta.gouv.fr');
      expect(near[1]).to.equal(`Nos ateliers ${location.host}/ateliers`);
      const hrefs = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
      expect(hrefs.some((href) => href.startsWith('javascript:'))).to.equal(false);
      expect(errors.map((e) => [e.code, e.message])).to.deep.equal([['invalid_content', 'links[1].url: must be an http(s) or relative URL']]);
    } finally {
      document.removeEventListener('obs-error', listen);
    }
  });

  it('prints the follow-up code as text', async () => {
    const el = await sheet(passedFirst, { code: '<b>K7-4QZ</b>' });
    const box = el.shadowRoot!.querySelector('.follow-up')!;
    expect(textOf(box)).to.equal('Votre code de suivi : <b>K7-4QZ</b> Montrez ce code à votre prochaine visite.');
    expect(box.querySelector('b')).to.equal(null);
  });

  it('holds at 320 px, with targets of at least 44 px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await sheet(passedFirst, { code: 'K7-4QZ', links: [{ title: 'Aidants Connect', url: 'https://aidantsconnect.beta.gouv.fr', detail: 'À l’accueil' }] });
      await until(() => items(el, 'sheet-near').length === 1, 'the link');
      expect(smallTargets(el.shadowRoot!)).to.deep.equal([]);
      expect(overflowing(el.shadowRoot!, 320)).to.deep.equal([]);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('in English', async () => {
    const el = await sheet(passedFirst, { lang: 'en' });
    expect(textOf(el.shadowRoot!.querySelector('h2'))).to.equal('Your sheet for what comes next');
    expect(items(el, 'sheet-work')).to.include('Searching and sorting information');
    expect(textOf(el.shadowRoot!.querySelector('button'))).to.equal('Print the sheet');
  });

  it('"Imprimer la fiche", by keyboard, prints a frame holding the sheet alone', async () => {
    const el = await sheet(passedFirst, { code: 'K7-4QZ' });
    const button = el.shadowRoot!.querySelector('button')!;
    for (let i = 0; i < 30 && deepActiveElement() !== button; i += 1) await sendKeys({ press: 'Tab' });
    expect(textOf(deepActiveElement())).to.equal('Imprimer la fiche');
    const printing = printedFrame(el);
    await sendKeys({ press: 'Enter' });
    const doc = (await printing).contentDocument!;
    expect(doc.documentElement.lang).to.equal('fr');
    expect(doc.title).to.equal('Fiche à imprimer');
    expect(doc.body.querySelectorAll('article.sheet').length).to.equal(1);
    expect(doc.body.querySelector('button'), 'only the sheet: no button').to.equal(null);
    expect(textOf(doc.body)).to.contain('Votre code de suivi : K7-4QZ');
  });
});
