/**
 * What goes with the instruction, as template functions: the alternative wording (shown on
 * demand) and the illustration.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Challenge, Lang } from '@observatoire/core';
import type { PlayerText } from './messages.js';

/**
 * The button that shows the other wording of the instruction, and that wording.
 *
 * @example
 * renderAlternative(challenge, { lang: 'fr', t, shown: false, onToggle });
 */
export function renderAlternative(
  challenge: Challenge,
  view: { lang: Lang; t: PlayerText; shown: boolean; onToggle: () => void },
): TemplateResult | typeof nothing {
  const alternative = challenge.alternativeInstruction;
  if (!alternative) return nothing;
  return html`
    <button type="button" class="link" aria-expanded=${view.shown ? 'true' : 'false'} aria-controls="alternative" @click=${view.onToggle}>
      ${view.t(view.shown ? 'hideAlternative' : 'showAlternative')}
    </button>
    <div id="alternative" class="alternative" ?hidden=${!view.shown}>
      <p><span class="visually-hidden">${view.t('alternativeLabel')} </span>${alternative[view.lang]}</p>
    </div>
  `;
}

/**
 * The challenge's picture, its URL resolved against the player's base URL.
 *
 * @example
 * renderIllustration(challenge, 'fr', (url) => new URL(url, base).href);
 */
export function renderIllustration(challenge: Challenge, lang: Lang, resolve: (url: string) => string): TemplateResult | typeof nothing {
  const picture = challenge.illustration;
  if (!picture) return nothing;
  return html`<figure part="illustration">
    <img src=${resolve(picture.src)} alt=${picture.alt[lang]} width=${picture.width ?? nothing} height=${picture.height ?? nothing} />
  </figure>`;
}

/**
 * A content URL resolved against the element's `base-url` (itself relative to the page); the
 * URL as written when it cannot be parsed.
 *
 * @example
 * resolveUrl('pictures/mouse.svg', '/content/'); // 'https://example.fr/content/pictures/mouse.svg'
 */
export function resolveUrl(url: string, baseUrl: string | undefined): string {
  try {
    return new URL(url, baseUrl ? new URL(baseUrl, document.baseURI) : document.baseURI).href;
  } catch {
    return url;
  }
}

/**
 * "Défi 2 sur 7", when the position is known.
 *
 * @example
 * renderProgress(2, 7, t);
 */
export function renderProgress(position: number | undefined, total: number | undefined, t: PlayerText): TemplateResult | typeof nothing {
  if (!position || !total) return nothing;
  return html`<span class="progress" part="progress">${t('progress', { n: position, total })}</span> `;
}
