/**
 * The screen headings that take the focus when a new screen opens (`tabindex="-1"`, so a
 * screen reader starts there): no ring when the browser judges the focus not worth showing
 * (after a click), the usual ring when it is (keyboard use). `h2:focus` would otherwise win
 * over the `:focus-visible` ring of `base`, hence the rule restated here.
 *
 * @example
 * static override styles = [base, headingFocus, css`.extra { … }`];
 */
import { css } from 'lit';

export const headingFocus = css`
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;
