/**
 * The `--obs-*` custom properties and their calm, neutral defaults, mapped to the private
 * `--_*` variables every element's styles use; `theme="dsfr"` (opt-in, State sites only) maps
 * them onto the DSFR's variables. A package of its own, below the elements and the content's
 * widgets, so both take the same theme and the widgets do not load the elements.
 *
 * @example
 * static override styles = [tokens, css`button { color: var(--_primary); }`];
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_font: var(--obs-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_text: var(--obs-color-text, #1f2328);
    --_muted: var(--obs-color-text-muted, #4d5560);
    --_bg: var(--obs-color-background, #ffffff);
    --_surface: var(--obs-color-surface, #f5f6f7);
    --_border: var(--obs-color-border, #8a9099);
    --_primary: var(--obs-color-primary, #2851a3);
    --_primary-text: var(--obs-color-on-primary, #ffffff);
    --_primary-soft: var(--obs-color-primary-soft, #e8eefa);
    --_success: var(--obs-color-success, #1d6b3a);
    --_error: var(--obs-color-error, #b3261e);
    --_focus: var(--obs-color-focus, #0a59d1);
    --_radius: var(--obs-radius, 8px);
    --_space: var(--obs-space, 1rem);
    --_font-size: var(--obs-font-size, 1.125rem);
    --_target: var(--obs-target-size, 48px);
    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_bg);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dsfr']) {
    --_font: var(--obs-font-family, Marianne, arial, sans-serif);
    --_text: var(--text-default-grey, #161616);
    --_muted: var(--text-mention-grey, #666666);
    --_bg: var(--background-default-grey, #ffffff);
    --_surface: var(--background-alt-grey, #f6f6f6);
    --_border: var(--border-default-grey, #929292);
    --_primary: var(--background-action-high-blue-france, #000091);
    --_primary-text: var(--text-inverted-blue-france, #f5f5fe);
    --_primary-soft: var(--background-action-low-blue-france, #e3e3fd);
    --_success: var(--text-default-success, #18753c);
    --_error: var(--text-default-error, #ce0500);
    --_focus: #0a76f6;
    --_radius: 0;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;
