import { css } from 'lit';
import { base } from '../shared/styles.js';

export const styles = [
  base,
  css`
    h2 .progress {
      display: block;
      font-size: 0.75em;
      font-weight: 600;
      color: var(--_muted);
      margin-bottom: 0.25em;
    }
    .alternative {
      border-inline-start: 4px solid var(--_border);
      padding-inline-start: 0.75em;
      margin-block: 0.5em var(--_space);
    }
    .alternative[hidden] {
      display: none;
    }
    figure {
      margin: 0 0 var(--_space);
    }
    figure img {
      display: block;
      max-width: 100%;
      height: auto;
      border-radius: var(--_radius);
    }
    .timer {
      background: var(--_surface);
      border-radius: var(--_radius);
      padding: 0.5em 0.75em;
      margin-bottom: var(--_space);
    }
    .timer .time-left {
      margin: 0;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .timer .actions {
      margin-top: 0.5em;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
      margin-bottom: var(--_space);
    }
    label {
      font-weight: 600;
    }
    .choice {
      font-weight: 400;
    }
    .size-nombre {
      width: 9em;
    }
    .size-petit {
      width: 12em;
    }
    .size-mots {
      width: 20em;
    }
    .size-phrase,
    .size-paragraphe,
    select {
      width: 100%;
    }
    textarea {
      font: inherit;
      padding: 0.4em 0.6em;
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      max-width: 100%;
      color: var(--_text);
      background: var(--_bg);
    }
    textarea[aria-invalid='true'] {
      border-color: var(--_error);
    }
    .widget {
      margin-bottom: var(--_space);
    }
    .help {
      background: var(--_surface);
      border-radius: var(--_radius);
      padding: var(--_space);
      margin-top: var(--_space);
    }
    .links {
      margin: 0;
      padding-inline-start: 1.25em;
    }
    .links a {
      color: var(--_primary);
      display: inline-block;
      min-height: var(--_target);
      padding-block: 0.6em;
    }
    .outcome {
      font-weight: 600;
    }
  `,
];
