/**
 * The referral sheet prints from a frame of its own under the strict policy integrators may use
 * (`default-src 'self'`, /examples/csp/, the built bundle): the frame is allowed, its constructed
 * style sheet applies (A4, 11 pt), and the page records no violation (docs/player.md,
 * "<obs-referral-sheet>").
 */
import { expect } from '@open-wc/testing';
import type { ObsReferralSheet } from '../../packages/elements/src/referral-sheet/obs-referral-sheet.js';
import { printedFrame } from '../../packages/elements/src/referral-sheet/test-fixtures.js';
import { fillQuestionnaire } from '../../packages/elements/src/outbox/test-helpers.js';
import { deepAll, openExample, waitFor, type ExamplePage } from './helpers.js';

let page: ExamplePage | undefined;
afterEach(() => {
  page?.frame.remove();
  page = undefined;
});

describe('The referral sheet under a strict Content-Security-Policy', function () {
  this.timeout(60_000);

  it('prints the sheet alone, styled, with no violation (/examples/csp/)', async () => {
    page = await openExample('/examples/csp/');
    const { survey, win } = page;
    const session = survey.session!;
    session.dispatch({ type: 'start', consent: true });
    fillQuestionnaire(session);
    session.dispatch({ type: 'review' });
    session.dispatch({ type: 'validateQuestionnaire' });
    session.dispatch({ type: 'continue' });
    // Every challenge of course 1 skipped, then stop: the sheet names what to work on.
    while (session.state.phase === 'course') session.dispatch({ type: 'skipChallenge', challengeId: session.state.current!.challengeId });
    session.dispatch({ type: 'quit' });
    const sheet = await waitFor(() => deepAll<ObsReferralSheet>(survey.shadowRoot!, 'obs-referral-sheet')[0], 'the referral sheet');
    await sheet.updateComplete;
    const printing = printedFrame(sheet);
    sheet.shadowRoot!.querySelector('button')!.click();
    const doc = (await printing).contentDocument!;
    const title = doc.querySelector('h2')!;
    expect(title.textContent).to.equal('Votre fiche pour la suite');
    // The page's styles reach the frame: 11 pt is 14.67 px, and the title is 1.4 times that.
    expect(doc.defaultView!.getComputedStyle(doc.documentElement).fontSize).to.equal('14.6667px');
    expect(Math.round(parseFloat(doc.defaultView!.getComputedStyle(title).fontSize))).to.equal(21);
    expect((win as unknown as { observatoireCspViolations: unknown[] }).observatoireCspViolations).to.deep.equal([]);
  });
});
