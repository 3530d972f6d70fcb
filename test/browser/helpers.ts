/**
 * Helpers of the end-to-end tests: open an example page, find things as a person would (by
 * their visible name, across shadow roots), and act with the keyboard or the pointer.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { SessionState } from '@observatoire/core';
import type { ObsSurvey } from '../../packages/elements/src/survey/obs-survey.js';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor<T>(probe: () => T | null | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await sleep(25);
  }
}

export interface ExamplePage {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
  survey: ObsSurvey;
}

/** Load an example page in an iframe of the test page, and wait until its survey is ready. */
export async function openExample(path: string, { width = 1000, height = 900 } = {}): Promise<ExamplePage> {
  const frame = document.createElement('iframe');
  frame.title = 'Exemple';
  frame.width = String(width);
  frame.height = String(height);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument!;
  const survey = await waitFor(() => doc.querySelector<ObsSurvey>('obs-survey'), `<obs-survey> in ${path}`);
  await waitFor(() => survey.session, `the session of ${path}`);
  await survey.updateComplete;
  return { frame, win, doc, survey };
}

/** The example's `<obs-survey>` replaced by the same element with `endpoint` (and `attributes`), as a host would write it. */
export function replaceWithEndpoint(page: ExamplePage, endpoint: string, attributes: Record<string, string> = {}): ObsSurvey {
  const survey = page.doc.createElement('obs-survey') as ObsSurvey;
  for (const { name, value } of page.survey.attributes) survey.setAttribute(name, value);
  survey.setAttribute('endpoint', endpoint);
  for (const [name, value] of Object.entries(attributes)) survey.setAttribute(name, value);
  page.survey.replaceWith(survey);
  return survey;
}

/** Every element matching `selector` under `root`, through open shadow roots, in tree order. */
export function deepAll<E extends Element = HTMLElement>(root: ParentNode, selector: string): E[] {
  const found: E[] = [];
  const visit = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      if (element.matches(selector)) found.push(element as E);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  return found;
}

export function isShown(element: Element): boolean {
  return element.getClientRects().length > 0 && !(element as HTMLElement).closest?.('[hidden]');
}

/** The focused element, looking inside shadow roots and iframes. */
export function deepActive(doc: Document = document): Element | null {
  let active: Element | null = doc.activeElement;
  for (;;) {
    if (active instanceof HTMLIFrameElement && active.contentDocument) active = active.contentDocument.activeElement;
    else if (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    else return active;
  }
}

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** A shown button whose visible text matches `name`. */
export function button(root: ParentNode, name: RegExp): HTMLButtonElement | undefined {
  return deepAll<HTMLButtonElement>(root, 'button').find((b) => isShown(b) && !b.disabled && name.test(clean(b.textContent)));
}

/** Shown form fields of a kind (`radio`, `checkbox`, `text`), within the question or challenge areas. */
export function fields(root: ParentNode, type: string): HTMLInputElement[] {
  const selector = type === 'text' ? 'input[type="text"], input:not([type])' : `input[type="${type}"]`;
  return deepAll<HTMLInputElement>(root, selector).filter((input) => isShown(input) && !input.disabled);
}

export function phase(survey: ObsSurvey): SessionState['phase'] {
  return survey.session!.state.phase;
}

/** Wait until the survey and its nested elements have rendered the latest state. */
export async function settle(survey: ObsSurvey): Promise<void> {
  await survey.updateComplete;
  for (const element of deepAll(survey.shadowRoot!, '*')) {
    const pending = (element as Partial<ObsSurvey>).updateComplete;
    if (pending) await pending;
  }
  await sleep(30);
}

/** How a person acts: keyboard only, or pointer (clicks) and typing. */
export interface Actor {
  press(target: HTMLElement): Promise<void>;
  tick(target: HTMLInputElement): Promise<void>;
  type(target: HTMLInputElement, text: string): Promise<void>;
}

/** Tab through the page until `target` has the focus; fails if it cannot be reached. */
export async function tabTo(target: HTMLElement, doc: Document, max = 120): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (deepActive(doc) === target) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Could not reach "${clean(target.textContent) || target.outerHTML.slice(0, 80)}" with Tab`);
}

export function keyboard(doc: Document): Actor {
  return {
    async press(target) {
      await tabTo(target, doc);
      await sendKeys({ press: 'Enter' });
    },
    async tick(target) {
      await tabTo(target, doc);
      // A radio group is one Tab stop: arrows move within it (and select).
      await sendKeys({ press: ' ' });
    },
    async type(target, text) {
      await tabTo(target, doc);
      await sendKeys({ type: text });
    },
  };
}

export const pointer: Actor = {
  async press(target) {
    target.click();
  },
  async tick(target) {
    target.click();
  },
  async type(target, text) {
    target.click();
    target.focus();
    await sendKeys({ type: text });
  },
};

/** Within a radio group reached by Tab, arrows select; reach a given radio of the group. */
export async function chooseRadio(actor: Actor, radios: HTMLInputElement[], index: number, doc: Document, usesKeyboard: boolean): Promise<void> {
  const target = radios[index]!;
  if (!usesKeyboard) return actor.tick(target);
  const first = radios.find((radio) => radio.name === target.name)!;
  const group = radios.filter((radio) => radio.name === target.name);
  await tabTo(first.checked || !group.some((r) => r.checked) ? first : group.find((r) => r.checked)!, doc);
  await sendKeys({ press: ' ' });
  for (let i = 0; i < 20 && !target.checked; i += 1) await sendKeys({ press: 'ArrowDown' });
}
