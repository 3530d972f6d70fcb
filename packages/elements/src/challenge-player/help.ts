/**
 * What follows a sent answer: the outcome sentence and, in learning mode after a miss, the
 * content's help (a hint, tutorials, links to learn more), as template functions.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AnswerStatus, Challenge, Lang, Link } from '@observatoire/core';
import type { PlayerText } from './messages.js';

export interface HelpView {
  lang: Lang;
  /** Help is shown only in learning mode, after a verdict that is not `ok`. */
  showHelp: boolean;
  outcome: string;
  t: PlayerText;
  /** A content URL resolved against the player's base URL. */
  resolve: (url: string) => string;
}

/**
 * The outcome, then the help when there is some to show.
 *
 * @example
 * renderOutcome(challenge, { lang: 'fr', showHelp: true, outcome: 'Ce n’est pas la bonne réponse.', t, resolve });
 */
export function renderOutcome(challenge: Challenge, view: HelpView): TemplateResult {
  const text = html`<p class="outcome" tabindex="-1">${view.outcome}</p>`;
  const help = challenge.help;
  if (!view.showHelp || !help) return text;
  const nextTime = help.hint || help.tutorials?.length;
  return html`${text}
    ${nextTime
      ? html`<section class="help" part="help" aria-labelledby="help-next">
          <h3 id="help-next" tabindex="-1">${view.t('helpNextTime')}</h3>
          ${help.hint ? html`<p>${help.hint[view.lang]}</p>` : nothing} ${renderLinks(help.tutorials, view)}
        </section>`
      : nothing}
    ${help.learnMore?.length
      ? html`<section class="help" part="help" aria-labelledby="help-more">
          <h3 id="help-more" tabindex="-1">${view.t('helpLearnMore')}</h3>
          ${renderLinks(help.learnMore, view)}
        </section>`
      : nothing}`;
}

function renderLinks(links: readonly Link[] | undefined, view: HelpView): TemplateResult | typeof nothing {
  if (!links?.length) return nothing;
  return html`<ul class="links">
    ${links.map(
      (link) => html`<li>
        <a href=${view.resolve(link.url)} target="_blank" rel="noopener noreferrer">${link.title[view.lang]}<span class="visually-hidden"> ${view.t('newWindow')}</span></a>
      </li>`,
    )}
  </ul>`;
}

/**
 * What is said once the answer is sent: a verdict only in learning mode, never a correction
 * in measurement mode.
 *
 * @example
 * outcomeText({ skipped: false, learning: true, verdict: { status: 'ok' } }, t); // 'Bonne réponse !'
 */
export function outcomeText(
  sent: { skipped: boolean; learning: boolean; verdict: { status: AnswerStatus } | undefined },
  t: PlayerText,
): string {
  if (sent.skipped) return t('skipped');
  if (!sent.learning || !sent.verdict) return t('sent');
  return t(sent.verdict.status === 'ok' ? 'right' : 'notRight');
}
