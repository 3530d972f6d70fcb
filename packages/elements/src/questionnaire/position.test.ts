import { expect } from '@open-wc/testing';
import { savedPosition, savePosition } from './position.js';

const KEY = 'observatoire:questionnaire-position';
const stored = () => JSON.parse(localStorage.getItem(KEY) ?? 'null') as unknown;

// The position is written after the screen, in idle time (docs/questionnaire.md, "Resume"):
// nothing of it is lost meanwhile.
describe('the questionnaire position, kept on the device', () => {
  beforeEach(() => localStorage.removeItem(KEY));

  it('is read back at once, before it reaches storage', () => {
    savePosition('session-a', 'genre');
    expect(savedPosition('session-a')).to.equal('genre');
    expect(savedPosition('session-b')).to.equal(undefined);
  });

  it('is in storage when the page is left', () => {
    savePosition('session-a', 'naissance');
    dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(stored()).to.deep.equal({ sessionId: 'session-a', questionId: 'naissance' });
  });

  it('reaches storage in idle time, the last screen shown only', async () => {
    savePosition('session-a', 'genre');
    savePosition('session-a', 'commune');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(stored()).to.deep.equal({ sessionId: 'session-a', questionId: 'commune' });
  });
});
