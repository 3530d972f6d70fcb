/**
 * Goes through a whole survey the way a person does: reads the screen, fills what it asks,
 * presses the buttons by their names. One action per step; the session's state is only read
 * to know where we are and to check the outcome.
 */
import type { ObsSurvey } from '../../packages/elements/src/survey/obs-survey.js';
import { button, chooseRadio, deepAll, fields, isShown, phase, settle, waitFor, type Actor } from './helpers.js';

export interface Plan {
  actor: Actor;
  usesKeyboard: boolean;
  doc: Document;
  /** `TEST` marks a test run; any other value is looked up in the commune list. */
  postalCode: string;
  /** At the end of course `index` (0-based): go on or leave. */
  endOfCourse: (index: number) => 'continue' | 'quit';
  /** The mediator skips the remaining challenges of this course after this many answers. */
  skipRemaining?: { course: number; after: number };
  /** Called once per phase reached, e.g. to run checks. */
  onPhase?: (phase: string) => Promise<void> | void;
}

export async function completeSurvey(survey: ObsSurvey, plan: Plan): Promise<void> {
  const seen = new Set<string>();
  for (let step = 0; step < 250; step += 1) {
    await settle(survey);
    const current = phase(survey);
    if (!seen.has(current)) {
      seen.add(current);
      await plan.onPhase?.(current);
    }
    if (current === 'finished') return;
    const before = survey.session!.state.events.length;
    const signature = screenText(survey);
    await act(survey, plan);
    await settle(survey);
    if (survey.session!.state.events.length === before && screenText(survey) === signature) {
      // Nothing moved: give asynchronous work (a commune list) a moment, then insist once.
      await sleep(300);
      if (survey.session!.state.events.length === before && screenText(survey) === signature)
        throw new Error(`Stuck in phase "${current}" on:\n${signature}`);
    }
  }
  throw new Error('The survey did not finish in 250 steps');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function screenText(survey: ObsSurvey): string {
  return deepAll(survey.shadowRoot!, 'h1, h2, h3, legend, label, button, p')
    .filter(isShown)
    .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function mustFind(root: ParentNode, name: RegExp): HTMLButtonElement {
  const found = button(root, name);
  if (!found) throw new Error(`No button named ${name} on:\n${deepAll(root, 'button').map((b) => b.textContent?.trim()).join(' | ')}`);
  return found;
}

async function act(survey: ObsSurvey, plan: Plan): Promise<void> {
  const root = survey.shadowRoot!;
  const { actor, doc } = plan;
  const state = survey.session!.state;
  switch (state.phase) {
    case 'information': {
      const consent = fields(root, 'checkbox')[0]!;
      if (!consent.checked) await actor.tick(consent);
      return actor.press(mustFind(root, /^(Commencer|Start)$/));
    }
    case 'questionnaire': {
      const questionnaire = root.querySelector('obs-questionnaire')!.shadowRoot!;
      const questions = [...questionnaire.querySelectorAll<HTMLElement>('[part="question"]')].filter(isShown);
      for (const question of questions) await answerQuestion(question, plan);
      return actor.press(mustFind(questionnaire, /^(Suivant|Vérifier mes réponses|Next|Check my answers)$/));
    }
    case 'review':
      return actor.press(mustFind(root, /^(Valider mes réponses|Confirm my answers)$/));
    case 'validated':
      return actor.press(mustFind(root, /^(Commencer|Start)$/));
    case 'endOfCourse': {
      if (plan.endOfCourse(state.courseIndex) === 'continue') return actor.press(mustFind(root, /^(Continuer|Continue)$/));
      // "Arrêter ici" asks first.
      return actor.press(button(root, /^(Oui, arrêter ici|Yes, stop here)$/) ?? mustFind(root, /^(Arrêter ici|Stop here)$/));
    }
    case 'course': {
      const skip = plan.skipRemaining;
      const course = state.courses[state.courseIndex]!;
      if (skip && skip.course === state.courseIndex && course.results.length >= skip.after) {
        const confirm = button(root, /^Oui, passer$/);
        return actor.press(confirm ?? mustFind(root, /^Passer les défis restants$/));
      }
      const next = button(root, /^(Défi suivant|Next challenge)$/);
      if (next) return actor.press(next);
      return answerChallenge(survey, plan);
    }
    default:
      throw new Error(`Unexpected phase ${state.phase}`);
  }
  void doc;
}

async function answerQuestion(question: HTMLElement, plan: Plan): Promise<void> {
  const { actor, doc, usesKeyboard } = plan;
  const postal = question.querySelector<HTMLInputElement>('input[autocomplete="postal-code"]');
  if (postal) {
    if (!postal.value) await actor.type(postal, plan.postalCode);
    if (plan.postalCode.toUpperCase() === 'TEST') return;
    // The list comes with the commune shard of the code (a fetch, slow on a loaded machine).
    const communes = await waitFor(() => {
      const list = [...question.querySelectorAll<HTMLInputElement>('.communes input[type="radio"]')].filter(isShown);
      return list.length ? list : null;
    }, 'the communes of the postal code');
    if (!communes.some((radio) => radio.checked)) await chooseRadio(actor, communes, 0, doc, usesKeyboard);
    return;
  }
  const radios = [...question.querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter(isShown);
  if (radios.length) {
    if (!radios.some((radio) => radio.checked)) await chooseRadio(actor, radios, 0, doc, usesKeyboard);
    return;
  }
  const boxes = [...question.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].filter(isShown);
  if (boxes.length) {
    if (!boxes.some((box) => box.checked)) await actor.tick(boxes[0]!);
    return;
  }
  const text = [...question.querySelectorAll<HTMLInputElement>('input[type="text"], input:not([type]), textarea')].filter(isShown)[0];
  if (text && !text.value) await actor.type(text, text.inputMode === 'numeric' ? '1952' : 'Bonjour');
}

/** The tasks of the widgets (course 1, and course 2's download), done as asked (by keyboard or pointer, through the widgets' own controls). */
const WIDGET_TASKS: Readonly<Record<string, (player: ShadowRoot, actor: Actor) => Promise<void>>> = {
  'obs-w-click': async (player, actor) => {
    await actor.press(mustFind(player, /^(Envoyer|Send)$/));
    await actor.press(mustFind(player, /^(Je valide|Submit)$/));
  },
  'obs-w-type': async (player, actor) => {
    await actor.type(fields(player, 'text')[0]!, '1234');
    await actor.press(mustFind(player, /^(Je valide|Submit)$/));
  },
  'obs-w-drag': async (player, actor) => {
    await actor.press(mustFind(player, /Photo du chat|Photo of the cat/));
    await actor.press(mustFind(player, /^(Animaux|Animals)$/));
    await actor.press(mustFind(player, /^(Je valide|Submit)$/));
  },
  'obs-w-download': async (player, actor) => {
    await actor.press(mustFind(player, /^(Télécharger|Download)$/));
    const file = await waitFor(() => button(player, /^attestation-caf\.pdf (Ouvrir|Open)$/), 'the downloaded file');
    await actor.press(file);
    await actor.press(mustFind(player, /^(Je valide|Submit)$/));
  },
};

async function answerChallenge(survey: ObsSurvey, plan: Plan): Promise<void> {
  const { actor, doc, usesKeyboard } = plan;
  const state = survey.session!.state;
  const challenge = survey.session!.definition.challenges.find((c) => c.id === state.current!.challengeId)!;
  const player = deepAll(survey.shadowRoot!, 'obs-challenge-player')[0]!.shadowRoot!;
  const start = button(player, /^(Commencer|Start)$/);
  if (start) return actor.press(start);
  // "Je passe" asks first.
  const confirmSkip = button(player, /^(Oui, je passe|Yes, skip)$/);
  if (confirmSkip) return actor.press(confirmSkip);
  if (challenge.type === 'interactive') {
    const task = WIDGET_TASKS[challenge.widget.name];
    return task ? task(player, actor) : actor.press(mustFind(player, /^(Je passe|Skip)$/));
  }
  const own = (selector: string) => [...player.querySelectorAll<HTMLInputElement>(selector)].filter(isShown);
  const radios = own('input[type="radio"]');
  const boxes = own('input[type="checkbox"]');
  const texts = own('input[type="text"], input:not([type])');
  if (radios.length) await chooseRadio(actor, radios, 0, doc, usesKeyboard);
  else if (boxes.length >= 2) {
    for (const box of boxes.slice(0, 2)) if (!box.checked) await actor.tick(box);
  } else for (const input of texts) if (!input.value) await actor.type(input, '482915');
  if (!radios.length && !boxes.length && !texts.length) return actor.press(mustFind(player, /^(Je passe|Skip)$/));
  return actor.press(mustFind(player, /^(Je valide|Submit)$/));
}
