/** Look of `<obs-dashboard>`: tables scroll inside a labelled region at 320 px, groups flow in columns that wrap. */
import { css } from 'lit';
import { tableStyles } from '../shared/table-styles.js';

export const dashboardStyles = [
  tableStyles,
  css`
  :host {
    display: block;
    max-width: 100%;
  }
  section {
    margin-bottom: calc(var(--_space) * 1.5);
  }
  h4 {
    font-size: 1.05em;
    margin: var(--_space) 0 calc(var(--_space) * 0.5);
  }
  h5 {
    font-size: 1em;
    margin: 0 0 0.25em;
  }
  .code {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .stages {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
    margin: 0 0 var(--_space);
  }
  .stages div {
    display: flex;
    flex-direction: column-reverse;
  }
  .stages dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .groups {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16em), 1fr));
    gap: var(--_space);
  }
  .group-list {
    display: grid;
    gap: 0.75em;
  }
  .group {
    border-inline-start: 4px solid var(--_primary);
    padding-inline-start: 0.75em;
  }
  .members {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .results {
    margin-bottom: var(--_space);
  }
  .challenges {
    padding-inline-start: 1.5em;
  }
  .live {
    color: var(--_muted);
  }
  [role='alert'] {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75em;
  }
`,
];
