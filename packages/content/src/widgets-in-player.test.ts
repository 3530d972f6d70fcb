/**
 * Every shipped widget inside `<obs-challenge-player>` (docs/player.md, "One submission model"
 * and "Focus"): a refused "Je valide" puts focus on the message, named by it in the accessibility
 * tree; Enter in a widget field never sends the challenge.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { parseSurveyDefinition, type InteractiveChallenge } from '@observatoire/core';
import '@observatoire/elements';
import './widgets/index.js';
import type { Player } from './play.test-helpers.js';

interface A11yNode {
  name?: string;
  description?: string;
  focused?: boolean;
  children?: A11yNode[];
}

function focusedNode(node: A11yNode): A11yNode | undefined {
  if (node.focused) return node;
  for (const child of node.children ?? []) {
    const found = focusedNode(child);
    if (found) return found;
  }
  return undefined;
}

/** Text of the ids an ARIA reference attribute names, in the element's own tree. */
function referenced(element: Element, attribute: string): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  return (element.getAttribute(attribute) ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/**
 * The focused node's accessible name and description: from the browser's accessibility tree where the
 * runner can read it (Chromium, through CDP), else from the ARIA attributes that make them (Firefox).
 */
async function focusedNameAndDescription(): Promise<string> {
  if (/Chrome\//.test(navigator.userAgent)) {
    const focused = focusedNode((await a11ySnapshot({})) as unknown as A11yNode);
    return `${focused?.name ?? ''} ${focused?.description ?? ''}`;
  }
  const active = deepActive();
  if (!active) return '';
  return `${active.getAttribute('aria-label') ?? ''} ${referenced(active, 'aria-labelledby')} ${referenced(active, 'aria-describedby')}`;
}

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const survey = fetch(new URL('../surveys/observatoire-2025.json', import.meta.url)).then(async (r) => parseSurveyDefinition(await r.json()));
const interactive = async () => (await survey).challenges.filter((c): c is InteractiveChallenge => c.type === 'interactive');

async function player(challenge: InteractiveChallenge): Promise<Player> {
  const el = await fixture<Player>(html`<obs-challenge-player .challenge=${challenge}></obs-challenge-player>`);
  await el.updateComplete;
  return el;
}

function validateButton(el: Player): HTMLButtonElement {
  return [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Je valide')!;
}

describe('shipped widgets in the player', () => {
  it('after a refused "Je valide", focus is on the message, which names the focused node', async () => {
    for (const challenge of await interactive()) {
      const el = await player(challenge);
      validateButton(el).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(deepActive()?.id, challenge.id).to.equal('error');
      expect(await focusedNameAndDescription(), challenge.id).to.contain('Vous n’avez pas répondu');
      el.remove();
    }
  });

  it('course 1: a choice taken back with "Annuler mon choix" is no answer, and "Je valide" says so', async () => {
    for (const id of ['cliquer-bouton', 'glisser-photo']) {
      const challenge = (await interactive()).find((c) => c.id === id)!;
      const el = await player(challenge);
      const widget = el.shadowRoot!.querySelector('.widget > *') as HTMLElement & { updateComplete: Promise<boolean> };
      const inside = (text: string) => [...widget.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes(text))!;
      let sent = 0;
      el.addEventListener('obs-player-submit', () => (sent += 1));
      if (id === 'glisser-photo') inside('Photo du chat').click();
      await widget.updateComplete;
      inside(id === 'cliquer-bouton' ? 'Envoyer' : 'Animaux').click();
      await widget.updateComplete;
      inside('Annuler mon choix').click();
      await widget.updateComplete;
      validateButton(el).click();
      await el.updateComplete;
      expect(sent, id).to.equal(0);
      expect(el.shadowRoot!.querySelector('#error')?.textContent, id).to.contain('Vous n’avez pas répondu');
      el.remove();
    }
  });

  it('Enter in a widget field never sends the challenge', async () => {
    for (const challenge of await interactive()) {
      const el = await player(challenge);
      const widget = el.shadowRoot!.querySelector('.widget > *') as HTMLElement;
      const fields = [...(widget.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type="text"], input:not([type])') ?? [])];
      let sent = 0;
      el.addEventListener('obs-player-submit', () => (sent += 1));
      for (const field of fields) {
        field.focus();
        await sendKeys({ type: 'bonjour' });
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
      }
      expect(sent, challenge.id).to.equal(0);
      el.remove();
    }
  });
});
