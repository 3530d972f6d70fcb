/** Look of `<obs-report>`: charts scale to their box, tables scroll inside a labelled region at 320 px. */
import { css } from 'lit';
import { tableStyles } from '../shared/table-styles.js';

export const reportStyles = [
  tableStyles,
  css`
  section {
    margin-bottom: calc(var(--_space) * 1.5);
  }
  h4 {
    font-size: 1.05em;
    margin: var(--_space) 0 calc(var(--_space) * 0.5);
  }
  figure {
    margin: 0 0 var(--_space);
  }
  figcaption {
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  .chart {
    display: block;
    width: 100%;
    max-width: 40rem;
    height: auto;
  }
  .chart text {
    fill: var(--_text);
  }
  .chart .track {
    fill: var(--_surface);
  }
  .chart .bar {
    fill: var(--_primary);
  }
  .chart .whisker {
    stroke: var(--_text);
    stroke-width: 2;
  }
  .chart .axis {
    stroke: var(--_border);
    stroke-width: 1;
  }
  td.number {
    text-align: end;
    white-space: nowrap;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    margin-bottom: var(--_space);
    max-width: 100%;
  }
  .field label {
    font-weight: 600;
  }
  select {
    width: 100%;
    max-width: 32rem;
  }
  .skipped {
    border-inline-start: 4px solid var(--_border);
    padding-inline-start: 0.75em;
  }
  .warning {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75em;
    font-weight: 600;
  }
  .source {
    overflow-wrap: anywhere;
  }
  ul {
    padding-inline-start: 1.25em;
  }
  button.disclosure {
    text-align: start;
    max-width: 100%;
  }
  button.disclosure::before {
    content: '▸';
    margin-inline-end: 0.5em;
  }
  button.disclosure[aria-expanded='true']::before {
    content: '▾';
  }
`,
];
