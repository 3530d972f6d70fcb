/**
 * Forced colours (Windows high contrast) drop backgrounds: every selected or current state of a widget
 * keeps a system-coloured outline (docs/content.md, "The widgets").
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../index.js';
import { button, forcedColorsOutline, shippedChallenge } from './test-helpers.js';

async function widget(tag: string, id: string): Promise<HTMLElement> {
  const { widget } = await shippedChallenge(id);
  const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(
    html`<div>${document.createElement(tag)}</div>`,
  );
  const inner = el.firstElementChild as HTMLElement & { config: unknown; updateComplete: Promise<boolean> };
  inner.config = widget.config ?? {};
  await inner.updateComplete;
  return inner;
}

const settle = (el: HTMLElement) => (el as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
const OUTLINE = 'solid 3px highlight';

describe('widgets in forced colours: selected and current states keep an outline', () => {
  const cases: [string, string, string, (el: HTMLElement) => Promise<Element>][] = [
    ['the chosen button', 'obs-w-click', 'cliquer-bouton', async (el) => {
      button(el, 'Envoyer').click();
      await settle(el);
      return button(el, 'Envoyer');
    }],
    ['the open tab', 'obs-w-browser', 'navigateur-onglet', async (el) => {
      button(el, 'Météo').click();
      await settle(el);
      return button(el, 'Météo');
    }],
    ['the current section of the site', 'obs-w-page', 'service-public-horaires', async (el) => {
      button(el, 'Horaires et contact').click();
      await settle(el);
      return el.shadowRoot!.querySelector('[aria-current="page"]')!;
    }],
    ['the open attachment', 'obs-w-mail', 'messagerie-piece-jointe', async (el) => {
      button(el, 'CAF').click();
      await settle(el);
      button(el, 'attestation-caf.pdf').click();
      await settle(el);
      return el.shadowRoot!.querySelector('[aria-pressed="true"]')!;
    }],
    ['the chosen photo', 'obs-w-drag', 'glisser-photo', async (el) => {
      button(el, 'Photo du chat').click();
      await settle(el);
      return el.shadowRoot!.querySelector('[aria-pressed="true"]')!;
    }],
    ['the folder under the photo being dragged', 'obs-w-drag', 'glisser-photo', async (el) => {
      Reflect.set(el, 'over', 'animaux');
      await settle(el);
      return el.shadowRoot!.querySelector('.folder.over')!;
    }],
  ];
  for (const [name, tag, id, reach] of cases)
    it(`${tag}: ${name}`, async () => {
      const el = await widget(tag, id);
      const target = await reach(el);
      expect(target, 'the state is shown').to.exist;
      expect(forcedColorsOutline(target)?.toLowerCase()).to.equal(OUTLINE);
    });

  it('a control in no particular state gets no outline of its own', async () => {
    const el = await widget('obs-w-click', 'cliquer-bouton');
    expect(forcedColorsOutline(button(el, 'Annuler'))).to.equal(undefined);
  });
});
