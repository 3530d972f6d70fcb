/**
 * The "not sent" part of `<obs-sync-status>` (docs/outbox.md): the count of requests the collector
 * refused for good, an export as a JSON file, and a discard that asks first. A plain template
 * function and the file download; the element keeps the state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageParams } from '@observatoire/core/i18n';
import type { SyncStatusMessageKey } from './messages.js';
import type { NotSentRequest } from './types.js';

export interface NotSentView {
  count: number;
  confirming: boolean;
  t: (key: SyncStatusMessageKey, params?: MessageParams) => string;
  onExport: () => void;
  onDiscard: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Nothing when no request was refused. */
export function notSentTemplate(view: NotSentView): TemplateResult | typeof nothing {
  if (view.count === 0) return nothing;
  const { t } = view;
  return html`<div part="not-sent" class="not-sent">
    <p>${view.count === 1 ? t('notSentOne') : t('notSentMany', { n: view.count })}</p>
    ${view.confirming
      ? html`<div role="group" aria-labelledby="discard-question">
          <p id="discard-question" tabindex="-1">${t('discardQuestion')}</p>
          <button part="confirm-discard-button" type="button" @click=${view.onConfirm}>${t('discardYes')}</button>
          <button part="cancel-discard-button" type="button" @click=${view.onCancel}>${t('discardNo')}</button>
        </div>`
      : html`<button part="export-button" type="button" @click=${view.onExport}>${t('export')}</button>
          <button part="discard-button" type="button" @click=${view.onDiscard}>${t('discard')}</button>`}
  </div>`;
}

/**
 * Offer the refused requests as a JSON file download (`observatoire-non-envoyes-<date>.json`).
 * The tokens stay in the file: with them the data can still be sent to the collector by hand.
 *
 * @example
 * downloadNotSent(await outbox.notSent(), new Date());
 */
export function downloadNotSent(items: readonly NotSentRequest[], now: Date): void {
  const file = new Blob([JSON.stringify({ exportedAt: now.toISOString(), notSent: items }, null, 2)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(file);
  link.download = `observatoire-non-envoyes-${now.toISOString().slice(0, 10)}.json`;
  link.click();
  // Some browsers read the file after the click returns: keep the URL a minute.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
