/** The questionnaire's look, on top of the shared `base` (tokens, buttons, `.choice` rows). */
import { css } from 'lit';
import { base } from '../shared/styles.js';

export const styles = [
  base,
  css`
    .progress {
      color: var(--_muted);
      font-weight: 600;
      margin-bottom: calc(var(--_space) * 0.25);
    }
    .field,
    fieldset {
      margin-bottom: var(--_space);
    }
    .field label,
    fieldset > label:not(.choice) {
      display: block;
      font-weight: 600;
    }
    .field h2 label {
      font-weight: inherit;
    }
    .title:focus {
      outline: none;
    }
    .title:focus-visible {
      outline: 3px solid var(--_focus);
    }
    .optional {
      font-weight: 400;
      color: var(--_muted);
    }
    .hint,
    .error {
      margin: 0.25em 0 0.5em;
    }
    .prefilled {
      display: block;
      margin: 0.25em 0 0.5em;
      padding-inline-start: 0.5em;
      border-inline-start: 4px solid var(--_primary, currentColor);
      font-weight: 600;
    }
    .short {
      width: 7em;
    }
    .long {
      width: 100%;
    }
    input[aria-invalid='true'] {
      border-width: 3px;
    }
    fieldset:has(> .error),
    .field:has(> .error) {
      border-inline-start: 4px solid var(--_error);
      padding-inline-start: calc(var(--_space) * 0.75);
    }
    .communes {
      margin-top: var(--_space);
    }
    .communes legend {
      font-size: 1em;
    }
    .error-summary {
      border: 3px solid var(--_error);
      border-radius: var(--_radius);
      padding: var(--_space);
      margin-bottom: var(--_space);
    }
    .error-summary ul {
      margin: 0;
      padding-inline-start: 1.25em;
    }
    .error-summary button.link {
      color: var(--_error);
      text-align: start;
    }
    .note,
    .mediator {
      background: var(--_surface);
      border-radius: var(--_radius);
      padding: 0.5em 0.75em;
    }
    .mediator {
      margin-top: calc(var(--_space) * 1.5);
    }
    .mediator .choice {
      margin: 0;
      background: var(--_bg);
    }
    .mediator .choice + .choice {
      margin-top: 0.5em;
    }
    .summary {
      margin: 0 0 var(--_space);
    }
    .summary .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 1em;
      padding: 0.5em 0;
      border-bottom: 1px solid var(--_border);
    }
    .summary dt {
      font-weight: 600;
      flex: 1 1 14em;
    }
    .summary dd {
      margin: 0;
      flex: 1 1 10em;
      overflow-wrap: anywhere;
    }
    .summary dd:last-child:not(:nth-child(2)) {
      flex: none;
    }
  `,
];
