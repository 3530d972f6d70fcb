/**
 * Tables of the analysts' and structures' elements (`<obs-report>`, `<obs-dashboard>`): a table scrolls
 * inside a focusable, labelled region (`.table-wrap`) when it is wider than the element, at 320 px.
 */
import { css } from 'lit';

export const tableStyles = css`
  .table-wrap {
    overflow-x: auto;
    max-width: 100%;
    margin-bottom: var(--_space);
  }
  .table-wrap:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  table {
    border-collapse: collapse;
    min-width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25em;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--_border);
    padding: 0.4em 0.75em 0.4em 0;
  }
`;
