/**
 * The timed challenge's screens, as template functions: the "how much time" screen before it
 * starts, and the time left while it runs, each with "more time" and "no limit" (RGAA 13.1).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '@observatoire/core';
import type { PlayerText } from './messages.js';
import { formatDuration } from './timer.js';
import type { TimerController, TimerNews } from './timer-controller.js';

export interface TimerView {
  lang: Lang;
  t: PlayerText;
  /** `null`: no limit (removed by the person). */
  limitMs: number | null;
  remainingMs: number;
  timedOut: boolean;
  onMoreTime: () => void;
  onRemoveLimit: () => void;
}

/**
 * The screen before a timed challenge: how much time there is, and the button to start.
 *
 * @example
 * renderIntro(html`Défi 2 sur 7`, view, this.onStart);
 */
export function renderIntro(progress: TemplateResult | typeof nothing, view: TimerView, onStart: () => void): TemplateResult {
  const limit = view.limitMs;
  return html`
    <section aria-labelledby="heading" class="intro">
      <h2 id="heading" tabindex="-1" part="heading">${progress}<span class="instruction">${view.t('timedTitle')}</span></h2>
      <p>${limit === null ? view.t('timedNoLimit') : view.t('timedIntro', { duration: formatDuration(limit, view.lang) })}</p>
      <div class="actions">
        <button type="button" id="start" class="primary" @click=${onStart}>${view.t('start')}</button>
        ${limit === null ? nothing : renderTimeControls(view)}
      </div>
    </section>
  `;
}

/**
 * The time left (or "time is up") and its controls, while the challenge runs.
 *
 * @example
 * html`${renderTimer(view)}`;
 */
export function renderTimer(view: TimerView): TemplateResult | typeof nothing {
  if (view.limitMs === null) return nothing;
  const text = view.timedOut ? view.t('timeUp') : view.t('timeLeft', { time: formatDuration(view.remainingMs, view.lang) });
  return html`
    <div class="timer" part="timer" role="group" aria-label=${view.t('timerRegion')}>
      <p class="time-left">${text}</p>
      ${view.timedOut ? nothing : html`<div class="actions">${renderTimeControls(view)}</div>`}
    </div>
  `;
}

function renderTimeControls(view: TimerView): TemplateResult {
  return html`
    <button type="button" @click=${view.onMoreTime}>${view.t('moreTime')}</button>
    <button type="button" @click=${view.onRemoveLimit}>${view.t('noLimit')}</button>
  `;
}

/**
 * What the timed screens need, from the player's timer.
 *
 * @example
 * renderTimer(timerView(this.timer, 'fr', t, { onMoreTime, onRemoveLimit }));
 */
export function timerView(
  timer: TimerController,
  lang: Lang,
  t: PlayerText,
  handlers: Pick<TimerView, 'onMoreTime' | 'onRemoveLimit'>,
): TimerView {
  return { lang, t, limitMs: timer.limitMs, remainingMs: timer.remainingMs, timedOut: timer.timedOut, ...handlers };
}

/**
 * What the live region says for the timer's news.
 *
 * @example
 * timerNewsText({ kind: 'left', ms: 30_000 }, 'fr', t); // 'Il reste 30 s.'
 */
export function timerNewsText(news: TimerNews, lang: Lang, t: PlayerText): string {
  return news.kind === 'up' ? t('timeUp') : t('timeLeftAnnounce', { time: formatDuration(news.ms, lang) });
}
