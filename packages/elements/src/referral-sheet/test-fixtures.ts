/**
 * Sessions of the shipped Observatoire 2025 survey for the referral sheet's tests (imported by
 * tests only): each course played as planned, every challenge right or skipped.
 */
import { createSurveySession, type SurveyDefinition, type SurveySession } from '@observatoire/core';
import { fillQuestionnaire, observatoire2025, rightAnswer } from '../outbox/test-helpers.js';

export { observatoire2025 };

/** `plan[i]`: per challenge of course i, right (`true`) or skipped; the session stops after the last course planned. */
export async function played(plan: readonly (readonly boolean[])[]): Promise<{ definition: SurveyDefinition; session: SurveySession }> {
  const definition = await observatoire2025();
  const session = createSurveySession(definition, { seed: 'referral', clock: () => 0 });
  session.dispatch({ type: 'start', consent: true });
  fillQuestionnaire(session);
  session.dispatch({ type: 'review' });
  session.dispatch({ type: 'validateQuestionnaire' });
  session.dispatch({ type: 'continue' });
  plan.forEach((rights, course) => {
    for (const right of rights) {
      const id = session.state.current!.challengeId;
      const challenge = definition.challenges.find((c) => c.id === id)!;
      session.dispatch(right ? { type: 'answerChallenge', challengeId: id, answer: rightAnswer(challenge) } : { type: 'skipChallenge', challengeId: id });
    }
    if (session.state.phase === 'endOfCourse') session.dispatch({ type: course === plan.length - 1 ? 'quit' : 'continue' });
  });
  return { definition, session };
}

/**
 * The frame `el` prints next, once its `print()` was called: the browser's dialog is replaced by
 * a count (a frame's window object stays the same from its first document to its `srcdoc`).
 */
export function printedFrame(el: HTMLElement): Promise<HTMLIFrameElement> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const frame = el.shadowRoot!.querySelector('iframe');
      if (!frame?.contentWindow) return;
      observer.disconnect();
      frame.contentWindow.print = () => resolve(frame);
    });
    observer.observe(el.shadowRoot!, { childList: true });
  });
}

/** The printed frame's document as one HTML text, its constructed style sheets written in. */
export function printedHtml(frame: HTMLIFrameElement): string {
  const doc = frame.contentDocument!;
  const css = doc.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
  return `<!doctype html><html lang="${doc.documentElement.lang}"><head><meta charset="utf-8"><title>${doc.title}</title><style>${css}</style></head>${doc.body.outerHTML}</html>`;
}
