import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse, setViewport } from '@web/test-runner-commands';
import '../index.js';
import type { ObsWDrag } from './obs-w-drag.js';
import { button, centre, focused, overflowing, recordAnswers, shippedChallenge, smallTargets } from '../shared/test-helpers.js';

async function widget() {
  const { widget } = await shippedChallenge('glisser-photo');
  return fixture<ObsWDrag>(html`<obs-w-drag .config=${widget.config ?? {}}></obs-w-drag>`);
}

const status = (el: ObsWDrag) => el.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim();

/** Synthetic pointer events of a finger (pointerType "touch"), as a touch screen sends them. */
function touch(target: Element, type: string, [x, y]: [number, number]): void {
  target.dispatchEvent(
    new PointerEvent(type, { pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: x, clientY: y, button: 0, bubbles: true, composed: true }),
  );
}

describe('obs-w-drag', () => {
  afterEach(async () => {
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
  });

  it('keyboard only: choose the photo, then the "Animaux" folder', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    el.focus();
    expect(focused(el)?.textContent).to.contain('Photo du chat');
    await sendKeys({ press: ' ' });
    expect(focused(el)?.getAttribute('aria-pressed')).to.equal('true');
    expect(status(el)).to.equal('Photo choisie. Choisissez maintenant un dossier.');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent).to.contain('Animaux');
    await sendKeys({ press: 'Enter' });
    expect(reports).to.deep.equal([{ answer: { folder: 'animaux', mode: 'keyboard' }, complete: false }]);
    expect(status(el)).to.equal('La photo est rangée dans le dossier «\u00a0Animaux\u00a0».');
  });

  it('keyboard only: the wrong folder is reported as such', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    el.focus();
    await sendKeys({ press: 'Enter' });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(reports[0]?.answer).to.deep.equal({ folder: 'famille', mode: 'keyboard' });
  });

  it('a folder chosen before the photo asks to choose the photo first', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    button(el, 'Animaux').click();
    await el.updateComplete;
    expect(reports).to.deep.equal([]);
    expect(status(el)).to.equal('Choisissez d’abord la photo.');
  });

  it('mouse: dragging the photo onto "Animaux" drops it there', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    const [fx, fy] = centre(button(el, 'Animaux'));
    const [px, py] = centre(button(el, 'Photo du chat'));
    await sendMouse({ type: 'move', position: [px, py] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round((px + fx) / 2), Math.round((py + fy) / 2)] });
    await sendMouse({ type: 'move', position: [fx, fy] });
    await sendMouse({ type: 'up' });
    expect(reports).to.deep.equal([{ answer: { folder: 'animaux', mode: 'drag' }, complete: false }]);
  });

  it('mouse: two clicks (the photo, then "Animaux") are recorded as tap, not as drag', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    const [px, py] = centre(button(el, 'Photo du chat'));
    await sendMouse({ type: 'click', position: [px, py] });
    await el.updateComplete;
    expect(button(el, 'Photo du chat').getAttribute('aria-pressed')).to.equal('true');
    const [fx, fy] = centre(button(el, 'Animaux'));
    await sendMouse({ type: 'click', position: [fx, fy] });
    expect(reports).to.deep.equal([{ answer: { folder: 'animaux', mode: 'tap' }, complete: false }]);
  });

  it('"Annuler mon choix" takes the photo back: nothing is chosen, and a new drag is recorded as drag', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    el.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(reports.at(-1)?.answer).to.deep.equal({ folder: 'famille', mode: 'keyboard' });
    await el.updateComplete;
    const undo = button(el, 'Annuler mon choix');
    undo.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(reports.at(-1)?.answer).to.deep.equal({});
    expect(status(el)).to.equal('La photo est revenue à sa place.');
    expect(focused(el)?.textContent).to.contain('Photo du chat');
    expect(el.shadowRoot?.querySelector('.contains')).to.equal(null);
    const [px, py] = centre(button(el, 'Photo du chat'));
    const [fx, fy] = centre(button(el, 'Animaux'));
    await sendMouse({ type: 'move', position: [px, py] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round((px + fx) / 2), Math.round((py + fy) / 2)] });
    await sendMouse({ type: 'move', position: [fx, fy] });
    await sendMouse({ type: 'up' });
    expect(reports.at(-1)?.answer).to.deep.equal({ folder: 'animaux', mode: 'drag' });
  });

  it('mouse: a drop outside any folder puts the photo back, unreported', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    const [px, py] = centre(button(el, 'Photo du chat'));
    await sendMouse({ type: 'move', position: [px, py] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [px + 5, py + 300] });
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(reports).to.deep.equal([]);
    expect(button(el, 'Photo du chat').getAttribute('aria-pressed')).to.equal('false');
  });

  it('touch: a finger drags the photo onto "Vacances" (the page does not scroll instead)', async () => {
    const el = await widget();
    const reports = recordAnswers(el);
    const photo = button(el, 'Photo du chat');
    expect(getComputedStyle(photo).touchAction).to.equal('none');
    const from = centre(photo);
    const to = centre(button(el, 'Vacances'));
    touch(photo, 'pointerdown', from);
    touch(photo, 'pointermove', [from[0] + 20, from[1] + 20]);
    touch(photo, 'pointermove', to);
    touch(photo, 'pointerup', to);
    expect(reports).to.deep.equal([{ answer: { folder: 'vacances', mode: 'drag' }, complete: false }]);
  });

  it('is accessible, touch-sized and fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await widget();
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
    expect(overflowing(el, 320)).to.deep.equal([]);
  });
});
