/** The styles of `<obs-course-chainer>`: the mediator's bar, the course title, the end-of-course screen. */
import { css } from 'lit';
import { base } from '../shared/styles.js';

export const styles = [
  base,
  css`
    .course-title {
      font-weight: 600;
      color: var(--_muted);
      margin-bottom: 0.5em;
    }
    .mediator-bar {
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.5em 0.75em;
      margin-bottom: var(--_space);
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
    }
    .mediator-bar p {
      margin: 0;
    }
    .confirm {
      flex-basis: 100%;
    }
    .confirm .actions {
      margin-top: 0.5em;
    }
    .reasons {
      padding-inline-start: 1.25em;
    }
  `,
];
