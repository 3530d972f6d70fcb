/**
 * The shared look (styles.ts), measured in the browser: radio and checkbox glyphs at 1.5 em, and in
 * forced colours an outline for the selected, current and recommended states (docs/player.md).
 */
import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { base } from './styles.js';
import { forcedColorsOutline } from '../../../content/src/widgets/shared/test-helpers.js';

class StylesProbe extends LitElement {
  static override styles = base;
  override render() {
    return html`<label class="choice"><input type="radio" name="r" checked /> Oui</label>
      <label class="choice"><input type="radio" name="r" /> Non</label>
      <label class="choice"><input type="checkbox" /> Tablette</label>
      <button type="button" class="primary">Continuer</button>
      <button type="button">Arrêter ici</button>
      <a href="#q2" aria-current="step">Question 2</a>`;
  }
}
customElements.define('obs-styles-probe', StylesProbe);

describe('the shared styles', () => {
  it('draws radio and checkbox glyphs at 1.5 em, at any text size', async () => {
    for (const size of ['16px', '32px']) {
      const el = await fixture<StylesProbe>(testHtml`<obs-styles-probe style=${`font-size: ${size}`}></obs-styles-probe>`);
      for (const input of el.shadowRoot!.querySelectorAll('input')) {
        const style = getComputedStyle(input);
        const em = parseFloat(style.fontSize);
        expect(parseFloat(style.width), `${input.type} width at ${size}`).to.be.closeTo(1.5 * em, 0.5);
        expect(parseFloat(style.height), `${input.type} height at ${size}`).to.be.closeTo(1.5 * em, 0.5);
      }
    }
  });

  it('keeps an outline in forced colours for the selected choice, the recommended button and the current step, and only for them', async () => {
    const el = await fixture<StylesProbe>(testHtml`<obs-styles-probe></obs-styles-probe>`);
    const root = el.shadowRoot!;
    const [chosen, other] = root.querySelectorAll('.choice');
    expect(forcedColorsOutline(chosen!)?.toLowerCase()).to.equal('solid 3px highlight');
    expect(forcedColorsOutline(root.querySelector('button.primary')!)?.toLowerCase()).to.equal('solid 3px highlight');
    expect(forcedColorsOutline(root.querySelector('[aria-current]')!)?.toLowerCase()).to.equal('solid 3px highlight');
    expect(forcedColorsOutline(other!)).to.equal(undefined);
    expect(forcedColorsOutline(root.querySelector('button:not(.primary)')!)).to.equal(undefined);
  });
});
