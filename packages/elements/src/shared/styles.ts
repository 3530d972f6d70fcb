/**
 * The calm, neutral default look shared by every element, driven by `--obs-*` custom
 * properties so a host can restyle it. Large text and targets (at least 44×44 CSS px),
 * a visible focus ring, nothing that depends on colour alone.
 *
 * The opt-in DSFR theme (`theme="dsfr"`) maps the tokens onto the DSFR's variables when
 * the host page uses the DSFR; only State sites may use that look, so it is never the default.
 */
import { css } from 'lit';
import { tokens } from '@observatoire/theme';

export { tokens };


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
  /* At least 24 px between two actions ("Je passe" beside "Je valide"): docs/player.md. */
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: max(24px, 1.5em);
    margin-top: var(--_space);
  }
  .actions.confirm p {
    flex-basis: 100%;
    margin: 0;
    font-weight: 600;
  }
  /* Forced colours drop backgrounds: selected, current and recommended states keep a system-coloured outline. */
  @media (forced-colors: active) {
    .choice:has(input:checked),
    [aria-pressed='true'],
    [aria-current]:not([aria-current='false']),
    button.primary {
      outline: 3px solid Highlight;
      outline-offset: 2px;
    }
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
