/**
 * The few pictures a target can carry, so course 1 asks for a shape rather than a word
 * (docs/content.md, "Course 1"). Named in the content (`icon`), drawn here: the content never
 * holds markup. Each is decorative (`aria-hidden`): the target keeps its text as its name.
 */
import { svg, type SVGTemplateResult } from 'lit';
import type { IconName } from './config.js';

const paths: Record<IconName, SVGTemplateResult> = {
  send: svg`<path d="M3 11l18-8-7 18-3-7z" fill="currentColor"/><path d="M11 14l10-11" stroke="#fff" stroke-width="1.5"/>`,
  cancel: svg`<path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="3" stroke-linecap="round"/>`,
  help: svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2"/><path d="M9 9a3 3 0 1 1 4 3c-1 .5-1 1-1 2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/><circle cx="12" cy="17.5" r="1.3" fill="currentColor"/>`,
  back: svg`<path d="M20 12H5M11 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>`,
  keyboard: svg`<rect x="2" y="6" width="20" height="12" rx="2" fill="none" stroke="currentColor" stroke-width="2"/><path d="M6 10h2M10 10h2M14 10h2M18 10h0M7 14h10" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  undo: svg`<path d="M9 5L4 10l5 5" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/><path d="M4 10h10a6 6 0 0 1 0 12h-3" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/>`,
  download: svg`<path d="M12 3v12M6 10l6 6 6-6" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/><path d="M4 20h16" stroke="currentColor" stroke-width="3" stroke-linecap="round"/>`,
  document: svg`<path d="M6 2h8l5 5v15H6z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><path d="M14 2v5h5M9 12h7M9 16h7" fill="none" stroke="currentColor" stroke-width="2"/>`,
};

/**
 * A 24 px icon in the text's colour (so forced colours keep it visible).
 *
 * @example
 * html`<button>${icon('send')}Envoyer</button>`;
 */
export function icon(name: IconName): SVGTemplateResult {
  return svg`<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">${paths[name]}</svg>`;
}
