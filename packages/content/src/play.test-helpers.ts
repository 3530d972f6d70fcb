/**
 * Helpers to play the shipped challenges through `<obs-challenge-player>` as a person would,
 * by keyboard only. Not part of the package's public API.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { parseSurveyDefinition, type AnswerStatus, type Challenge, type SurveyDefinition } from '@observatoire/core';
import '@observatoire/elements';
import type { AnswerEventDetail } from '@observatoire/elements';
import './widgets/index.js';

export const surveysUrl = new URL('../surveys/', import.meta.url);
const load = async (name: string): Promise<SurveyDefinition> =>
  parseSurveyDefinition(await (await fetch(new URL(`${name}.json`, surveysUrl))).json());

export type Player = HTMLElement & { challenge: Challenge | undefined; updateComplete: Promise<boolean> };

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function deepAll(root: ParentNode, selector: string): HTMLElement[] {
  if (root instanceof HTMLElement && root.shadowRoot) root = root.shadowRoot;
  const found = [...root.querySelectorAll<HTMLElement>(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepAll(el.shadowRoot, selector));
  return found;
}

const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

function buttonNamed(root: ParentNode, name: string | RegExp): HTMLElement {
  const found = deepAll(root, 'button').find((b) => (typeof name === 'string' ? text(b) === name || b.getAttribute('aria-label') === name : name.test(text(b))));
  if (!found) throw new Error(`no button named ${String(name)}`);
  return found;
}

function fieldLabelled(root: ParentNode, name: string): HTMLInputElement {
  for (const label of deepAll(root, 'label') as HTMLLabelElement[]) if (text(label) === name && label.control) return label.control as HTMLInputElement;
  throw new Error(`no field labelled "${name}"`);
}

/** Tab until `target` has focus, as a keyboard user would. */
async function tabTo(target: Element): Promise<void> {
  for (let i = 0; i < 40 && deepActive() !== target; i++) await sendKeys({ press: 'Tab' });
  expect(deepActive(), 'reached with Tab').to.equal(target);
}

export type Act = (el: Player) => Promise<void>;
export const press = (name: string | RegExp): Act => async (el) => {
  await tabTo(buttonNamed(el, name));
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
};
/** Tick a proposal of the player: focus it (as arrow keys or Tab would), then Space. */
export const choose = (label: string): Act => async (el) => {
  fieldLabelled(el, label).focus();
  await sendKeys({ press: ' ' });
};
export const type = (label: string, value: string): Act => async (el) => {
  await tabTo(fieldLabelled(el, label));
  await sendKeys({ type: value });
};
export const enter: Act = async () => sendKeys({ press: 'Enter' });
/** A button of the player itself, focused then pressed with Enter (reaching it by Tab is the player's own test). */
const playerButton = (name: string): Act => async (el) => {
  buttonNamed(el, name).focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
};
export const validate = playerButton('Je valide');
/** "Je passe", then "Oui, je passe" to the question it asks. */
export const skip: Act = async (el) => {
  await playerButton('Je passe')(el);
  await playerButton('Oui, je passe')(el);
};
export const steps = (...acts: Act[]): Act => async (el) => {
  for (const act of acts) {
    await act(el);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
};

export interface Play {
  right: Act;
  wrong: Act;
  /** `ko` unless the wrong play is a skip. */
  wrongStatus?: AnswerStatus;
}

/** Play each challenge of `plays` twice (right, then wrong or skipped) and check the core's verdict. */
export function playAll(title: string, plays: Record<string, Play>): void {
describe(title, () => {
  let challenges: Map<string, { challenge: Challenge; base: string }>;

  before(async () => {
    challenges = new Map();
    for (const name of ['observatoire-2025', 'diagnostic-rapide']) {
      const definition = await load(name);
      for (const challenge of definition.challenges) challenges.set(challenge.id, { challenge, base: new URL(`${name}.json`, surveysUrl).href });
    }
  });

  for (const [id, play] of Object.entries(plays)) {
    for (const [expected, act] of [
      ['ok', play.right],
      [play.wrongStatus ?? 'ko', play.wrong],
    ] as const) {
      it(`${id}: ${expected}`, async () => {
        const { challenge, base } = challenges.get(id)!;
        const el = await fixture<Player>(html`<obs-challenge-player .challenge=${challenge} base-url=${base} lang="fr"></obs-challenge-player>`);
        await el.updateComplete;
        const answered = oneEvent(el, 'obs-answer');
        await act(el);
        const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no obs-answer within 3 s')), 3000));
        const { detail } = (await Promise.race([answered, late])) as CustomEvent<AnswerEventDetail>;
        expect(detail.result.challengeId).to.equal(id);
        expect(detail.result.status).to.equal(expected);
        if (challenge.illustration) {
          const img = deepAll(el, 'img')[0] as HTMLImageElement;
          if (!img.complete) await new Promise((resolve) => img.addEventListener('load', resolve, { once: true }));
          expect(img.naturalWidth, `${challenge.illustration.src} loads`).to.be.greaterThan(0);
          expect(img.alt).to.equal(challenge.illustration.alt.fr);
        }
      });
    }
  }
});
}
