/**
 * The widgets' look: the survey elements' own `--obs-*` tokens (`@observatoire/theme`),
 * so a host's theme reaches them. Calm and plain: system fonts, neutral colours, contrast
 * of at least 4.5:1, targets of at least 44×44 CSS px, a visible focus ring, reflow at 320 px.
 */
import { tokens } from '@observatoire/theme';
import { css } from 'lit';

export const widgetStyles = css`
  ${tokens}
  :host {
    max-width: 100%;
    background: transparent;
  }
  p {
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  h3 {
    font-size: 1.15em;
    line-height: 1.25;
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0.5em 1em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    cursor: pointer;
    touch-action: manipulation;
  }
  button:hover:not(:disabled) {
    border-color: var(--_primary);
    background: var(--_primary-soft);
  }
  button:disabled {
    cursor: default;
  }
  button[aria-pressed='true'],
  button[aria-current='page'] {
    border-color: var(--_primary);
    background: var(--_primary-soft);
    font-weight: 600;
  }
  /* Forced colours drop backgrounds: the selected and current states keep a system-coloured outline. */
  @media (forced-colors: active) {
    button[aria-pressed='true'],
    button[aria-current='page'] {
      outline: 3px solid Highlight;
      outline-offset: 2px;
    }
  }
  input {
    min-height: var(--_target);
    width: 100%;
    padding: 0.4em 0.6em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  .hint {
    display: block;
    color: var(--_muted);
    font-weight: normal;
    margin-bottom: 0.25em;
  }
  .field {
    margin-bottom: var(--_space);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: center;
  }
  /* A simulated page: a dashed frame with a caption, so nobody takes it for the real thing. */
  .frame {
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    overflow: hidden;
  }
  .caption {
    margin: 0;
    padding: 0.25em 0.75em;
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 600;
  }
  .inside {
    padding: var(--_space);
  }
  .status {
    min-height: 1.5em;
    margin: calc(var(--_space) * 0.5) 0 0;
    font-weight: 600;
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
  .icon {
    flex: none;
    vertical-align: middle;
  }
  label > .icon {
    margin-inline-end: 0.4em;
  }
  button:has(> .icon) {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }
  /* "Annuler mon choix": apart from the task's own targets, so nobody takes it for one of them. */
  .undo {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    margin-top: calc(var(--_space) * 0.5);
    border-style: dashed;
  }
  .error {
    color: #b3261e;
    font-weight: 600;
  }
`;
