/**
 * The referral sheet prints on exactly one A4 page (docs/player.md, "<obs-referral-sheet>"): the frame
 * it prints is laid out by Chromium as "Save as PDF" does (`pdf-pages`, scripts/wtr-pdf-plugin.mjs),
 * with the most a sheet can hold. Chromium only (the test runner leaves `*.pdf.test.ts` out of other
 * browsers' runs).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import './obs-referral-sheet.define.js';
import type { ObsReferralSheet } from './obs-referral-sheet.js';
import { MAX_REFERRAL_LINKS } from '@observatoire/core/validate';
import { played, printedFrame, printedHtml } from './test-fixtures.js';

/** As many links as a sheet takes, each with long words. */
const links = Array.from({ length: MAX_REFERRAL_LINKS }, (_, i) => ({
  title: `Atelier numérique « Premiers pas sur internet et la messagerie » n° ${i + 1}`,
  url: `https://www.mediatheque-exemple.fr/ateliers/premiers-pas-numerique/inscription-${i + 1}`,
  detail: 'Médiathèque François-Mitterrand, salle 2, le mardi de 14 h à 16 h, sur inscription',
}));

/** The printed frame of the fullest sheet: course 1 passed, course 2 missed, every link, a code. */
async function printed(lang: string): Promise<string> {
  const { definition, session } = await played([[true, true, true], [false, false, false, false, false, false, false]]);
  const el = await fixture<ObsReferralSheet>(html`<obs-referral-sheet
    .definition=${definition}
    .state=${session.state}
    .links=${links}
    lang=${lang}
    follow-up-code="K7-4QZ-9PX"
    organisation-name="Espace France Services de la Communauté de communes du Pays de Vitré"
  ></obs-referral-sheet>`);
  for (let i = 0; i < 300 && el.shadowRoot!.querySelectorAll('section[aria-labelledby="sheet-near"] li').length < links.length; i += 1)
    await new Promise((resolve) => setTimeout(resolve, 10));
  const frame = printedFrame(el);
  el.shadowRoot!.querySelector('button')!.click();
  return printedHtml(await frame);
}

const pages = (document: string) => executeServerCommand<number, { html: string }>('pdf-pages', { html: document });

describe('<obs-referral-sheet> printed to PDF', () => {
  for (const lang of ['fr', 'en'])
    it(`the fullest sheet takes exactly one A4 page (${lang})`, async () => {
      expect(await pages(await printed(lang))).to.equal(1);
    });

  it('the page count would see a sheet running over: the same content three times takes more than one page', async () => {
    const document = await printed('fr');
    const sheet = /<article[\s\S]*<\/article>/.exec(document)![0];
    expect(await pages(document.replace(sheet, sheet.repeat(3)))).to.be.greaterThan(1);
  });
});
