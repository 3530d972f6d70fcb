/**
 * The sheet's look, on screen (inside the element) and in the print frame, where it is the whole
 * page: one A4 sheet, black on white, large enough to read, addresses written out.
 */
import { css } from 'lit';

/** The sheet itself: the same rules on screen and on paper. */
export const sheetStyles = css`
  .sheet {
    color: var(--obs-color-text, #1a1a1a);
    line-height: 1.4;
  }
  .sheet h2 {
    font-size: 1.4em;
    margin: 0 0 0.4em;
  }
  .sheet h3 {
    font-size: 1.15em;
    margin: 1em 0 0.3em;
  }
  .sheet p,
  .sheet ul {
    margin: 0 0 0.4em;
  }
  .sheet ul {
    padding-inline-start: 1.25em;
  }
  .sheet .dated {
    color: var(--obs-color-text-muted, #3a3a3a);
  }
  .sheet .url {
    display: block;
    overflow-wrap: anywhere;
  }
  .sheet .follow-up {
    border: 2px solid currentColor;
    padding: 0.4em 0.75em;
    margin-top: 1em;
  }
`;

/**
 * The print frame's page: A4, the sheet alone on it, 11 pt. The fullest sheet (every link, long
 * titles, a follow-up code) still fits on one page: print.pdf.test.ts counts the pages.
 */
export const pageCss = `
  @page {
    size: A4;
    margin: 12mm 15mm;
  }
  html {
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
    font-size: 11pt;
    background: #fff;
  }
  body {
    margin: 0;
  }
  a {
    color: inherit;
  }
  ${sheetStyles.cssText}
  .sheet {
    line-height: 1.3;
  }
`;
