/**
 * Helpers for the widgets' browser tests: the shipped content's widget configurations,
 * the reports a widget sends, and layout checks (touch-sized targets, reflow at 320 px).
 * Not part of the package's public API.
 */
import { parseSurveyDefinition, type InteractiveChallenge, type SurveyDefinition } from '@observatoire/core';
import type { WidgetAnswerDetail } from '@observatoire/core/widget';

let survey: Promise<SurveyDefinition> | undefined;

/** A challenge of the shipped Observatoire survey (fetched as a deployer's page would). */
export async function shippedChallenge(id: string): Promise<InteractiveChallenge> {
  survey ??= fetch(new URL('../../../surveys/observatoire-2025.json', import.meta.url)).then(async (r) => parseSurveyDefinition(await r.json()));
  const challenge = (await survey).challenges.find((c) => c.id === id);
  if (challenge?.type !== 'interactive') throw new Error(`no interactive challenge "${id}"`);
  return challenge;
}

/** Every report a widget sends, in order. */
export function recordAnswers(el: HTMLElement): WidgetAnswerDetail[] {
  const reports: WidgetAnswerDetail[] = [];
  el.addEventListener('obs-widget-answer', (event) => reports.push(event.detail));
  return reports;
}

/** Buttons and inputs of a widget smaller than 44×44 CSS px (visually hidden ones excepted). */
export function smallTargets(el: HTMLElement): string[] {
  const root = el.shadowRoot as ShadowRoot;
  return [...root.querySelectorAll<HTMLElement>('button, input')]
    .filter((target) => !target.closest('.visually-hidden'))
    .filter((target) => {
      const r = target.getBoundingClientRect();
      return r.width < 44 || r.height < 44;
    })
    .map((target) => `${target.tagName.toLowerCase()} "${target.textContent?.trim() || target.id}"`);
}

/** Parts of a widget that stick out of a `width` px wide viewport. */
export function overflowing(el: HTMLElement, width: number): string[] {
  const root = el.shadowRoot as ShadowRoot;
  return [...root.querySelectorAll<HTMLElement>('*')]
    .filter((node) => !node.closest('.visually-hidden') && node.getBoundingClientRect().right > width + 0.5)
    .map((node) => `${node.tagName.toLowerCase()}.${node.className}`);
}

/** The button of a widget whose visible text (or accessible label) contains `text`. */
export function button(el: HTMLElement, text: string): HTMLButtonElement {
  const root = el.shadowRoot as ShadowRoot;
  const found = [...root.querySelectorAll('button')].find(
    (b) => b.textContent?.replace(/\s+/g, ' ').includes(text) || b.getAttribute('aria-label') === text,
  );
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

/** The element focused inside the widget. */
export function focused(el: HTMLElement): Element | null {
  return (el.shadowRoot as ShadowRoot).activeElement;
}

/**
 * The outline a `@media (forced-colors: active)` rule of the element's own stylesheets gives it, or
 * `undefined`. Read from the CSSOM, so it is the same in every browser whether or not the test can
 * turn forced colours on (neither runner here can emulate them).
 */
export function forcedColorsOutline(el: Element): string | undefined {
  const root = el.getRootNode() as ShadowRoot | Document;
  const sheets = [...root.adoptedStyleSheets, ...[...root.querySelectorAll('style')].map((style) => style.sheet).filter((sheet) => sheet !== null)];
  for (const sheet of sheets) {
    for (const rule of sheet.cssRules) {
      if (!(rule instanceof CSSMediaRule) || !rule.media.mediaText.includes('forced-colors: active')) continue;
      for (const inner of rule.cssRules) {
        if (inner instanceof CSSStyleRule && el.matches(inner.selectorText) && inner.style.outlineStyle) return `${inner.style.outlineStyle} ${inner.style.outlineWidth} ${inner.style.outlineColor}`;
      }
    }
  }
  return undefined;
}

/** The centre of an element, in viewport pixels, as integers for `sendMouse`. */
export function centre(node: Element): [number, number] {
  const r = node.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}
