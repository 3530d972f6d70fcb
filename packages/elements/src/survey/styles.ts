/** The styles of `<obs-survey>`'s own screens (information, load failure), on top of the shared base. */
import { css } from 'lit';
import { base } from '../shared/styles.js';

export const styles = [
  base,
  css`
    .screen {
      max-width: 48rem;
    }
    .consent {
      margin-top: var(--_space);
    }
    .consent .choice {
      align-items: flex-start;
    }
    .consent .choice input {
      margin-top: 0.15em;
    }
    .error-box {
      border: 2px solid var(--_error);
      border-radius: var(--_radius);
      padding: var(--_space);
      overflow-wrap: anywhere;
    }
    .error-box ul {
      margin: 0;
      padding-inline-start: 1.25em;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.9em;
    }
    h2 {
      overflow-wrap: break-word;
    }
  `,
];
