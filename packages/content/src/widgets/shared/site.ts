/**
 * The top of a simulated website (its name and its address), shared by the widgets that show one
 * page of a site (`obs-w-page`, `obs-w-download`).
 */
import { css, html, type TemplateResult } from 'lit';

export const siteStyles = css`
  header { padding: var(--_space); border-bottom: 1px solid var(--_border); }
  .site { font-size: 1.25em; font-weight: 700; margin: 0; }
  .address { color: var(--_muted); font-size: 0.875em; margin: 0; overflow-wrap: anywhere; }
  h3:focus { outline-offset: 4px; }
`;

/**
 * The site's name and "Adresse du site : www…".
 *
 * @example
 * html`<section class="frame">${siteHeader('Mairie', 'Adresse du site :', 'www.ville-exemple.fr')}</section>`;
 */
export function siteHeader(site: string, addressLabel: string, address: string): TemplateResult {
  return html`<header>
    <p class="site">${site}</p>
    <p class="address">${addressLabel} ${address}</p>
  </header>`;
}
