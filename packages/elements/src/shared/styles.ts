/**
 * The calm, neutral default look shared by every element, driven by `--obs-*` custom
 * properties so a host can restyle it. Large text and targets (at least 44×44 CSS px),
 * a visible focus ring, nothing that depends on colour alone.
 *
 * The opt-in DSFR theme (`theme="dsfr"`) maps the tokens onto the DSFR's variables when
 * the host page uses the DSFR; only State sites may use that look, so it is never the default.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_font: var(--obs-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_text: var(--obs-color-text, #1f2328);
    --_muted: var(--obs-color-text-muted, #4d5560);
    --_bg: var(--obs-color-background, #ffffff);
    --_surface: var(--obs-color-surface, #f5f6f7);
    --_border: var(--obs-color-border, #8a9099);
    --_primary: var(--obs-color-primary, #2851a3);
    --_primary-text: var(--obs-color-on-primary, #ffffff);
    --_primary-soft: var(--obs-color-primary-soft, #e8eefa);
    --_success: var(--obs-color-success, #1d6b3a);
    --_error: var(--obs-color-error, #b3261e);
    --_focus: var(--obs-color-focus, #0a59d1);
    --_radius: var(--obs-radius, 8px);
    --_space: var(--obs-space, 1rem);
    --_font-size: var(--obs-font-size, 1.125rem);
    --_target: var(--obs-target-size, 48px);
    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_bg);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dsfr']) {
    --_font: var(--obs-font-family, Marianne, arial, sans-serif);
    --_text: var(--text-default-grey, #161616);
    --_muted: var(--text-mention-grey, #666666);
    --_bg: var(--background-default-grey, #ffffff);
    --_surface: var(--background-alt-grey, #f6f6f6);
    --_border: var(--border-default-grey, #929292);
    --_primary: var(--background-action-high-blue-france, #000091);
    --_primary-text: var(--text-inverted-blue-france, #f5f5fe);
    --_primary-soft: var(--background-action-low-blue-france, #e3e3fd);
    --_success: var(--text-default-success, #18753c);
    --_error: var(--text-default-error, #ce0500);
    --_focus: #0a76f6;
    --_radius: 0;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

export const base = css`
  ${tokens}
  h1, h2, h3 {
    line-height: 1.25;
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  h1 { font-size: 1.6em; }
  h2 { font-size: 1.35em; }
  h3 { font-size: 1.15em; }
  p { margin: 0 0 var(--_space); }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* Screen headings take the focus when a screen opens (tabindex="-1", so a screen reader starts
     there): no ring after a click, the usual ring after keyboard use. */
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button, .button {
    font: inherit;
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0.5em 1.25em;
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    background: var(--_bg);
    color: var(--_primary);
    cursor: pointer;
    font-weight: 600;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
  }
  button.primary, .button.primary {
    background: var(--_primary);
    color: var(--_primary-text);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button.link {
    border-color: transparent;
    background: transparent;
    text-decoration: underline;
    padding-inline: 0.25em;
  }
  input[type='text'], input[type='number'], input:not([type]), select, textarea {
    font: inherit;
    min-height: var(--_target);
    padding: 0.4em 0.6em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    max-width: 100%;
  }
  input[aria-invalid='true'], select[aria-invalid='true'] {
    border-color: var(--_error);
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 var(--_space);
    min-width: 0;
  }
  legend {
    font-weight: 600;
    font-size: 1.15em;
    padding: 0;
    margin-bottom: calc(var(--_space) * 0.5);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-height: var(--_target);
    padding: 0.4em 0.75em;
    margin-bottom: 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--_primary);
    background: var(--_primary-soft);
  }
  .choice input {
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    flex: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    margin-top: var(--_space);
  }
  .error {
    color: var(--_error);
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_bg);
  }
  img, svg {
    max-width: 100%;
    height: auto;
  }
`;
