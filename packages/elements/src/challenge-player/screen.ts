/**
 * The challenge's own screen, as a template function: heading, other wording, picture, time left,
 * the answer form, then the outcome and, in learning mode after a miss, the help.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Challenge, Lang } from '@observatoire/core';
import { renderForm, type FormView } from './fields.js';
import { renderOutcome } from './help.js';
import { renderAlternative, renderIllustration, renderProgress, resolveUrl } from './instruction.js';
import type { PlayerText } from './messages.js';
import { renderTimer, type TimerView } from './timer-view.js';

export interface ChallengeScreenView {
  lang: Lang;
  t: PlayerText;
  position: number | undefined;
  total: number | undefined;
  baseUrl: string | undefined;
  alternativeShown: boolean;
  onToggleAlternative: () => void;
  /** Shown while the challenge is answered; `undefined` once the answer is sent. */
  timer: TimerView | undefined;
  failure: string | undefined;
  form: Omit<FormView, 'lang' | 't'>;
  /** Once the answer is sent: what is said, and whether the help follows. */
  outcome: { text: string; showHelp: boolean } | undefined;
}

/**
 * The screen of a challenge being answered, or answered.
 *
 * @example
 * html`${renderChallengeScreen(challenge, view)}`;
 */
export function renderChallengeScreen(challenge: Challenge, view: ChallengeScreenView): TemplateResult {
  const { lang, t } = view;
  const resolve = (url: string) => resolveUrl(url, view.baseUrl);
  return html`
    <section aria-labelledby="heading">
      <h2 id="heading" tabindex="-1" part="heading">${renderProgress(view.position, view.total, t)}<span class="instruction">${challenge.instruction[lang]}</span></h2>
      ${renderAlternative(challenge, { lang, t, shown: view.alternativeShown, onToggle: view.onToggleAlternative })}
      ${challenge.type === 'QCM' ? html`<p class="hint" id="qcm-hint">${t('qcmHint')}</p>` : nothing}
      ${renderIllustration(challenge, lang, resolve)}
      ${view.timer ? renderTimer(view.timer) : nothing}
      ${view.failure ? html`<p class="error" id="failure" tabindex="-1" role="alert">${view.failure}</p>` : nothing}
      ${renderForm(challenge, { lang, t, ...view.form })}
      ${view.outcome ? renderOutcome(challenge, { lang, t, outcome: view.outcome.text, resolve, showHelp: view.outcome.showHelp }) : nothing}
    </section>
  `;
}
