/**
 * Where focus goes after the player renders: the heading of a new screen, the start button,
 * the outcome once the answer is sent, or the first field in error (else the widget, else the
 * message). Moving focus tells screen-reader users that the screen changed.
 */

/** The next focus the player asked for. */
export type PlayerFocus = 'heading' | 'error' | 'start' | 'outcome';

/**
 * Focus the target of `focus` inside `root`; `widget` is focused for an error on the widget.
 *
 * @example
 * moveFocus(this.renderRoot, 'heading', undefined);
 */
export function moveFocus(root: ParentNode, focus: PlayerFocus | undefined, widget: HTMLElement | undefined): void {
  if (focus === 'heading') root.querySelector<HTMLElement>('#heading')?.focus();
  else if (focus === 'start') root.querySelector<HTMLElement>('#start')?.focus();
  else if (focus === 'outcome') root.querySelector<HTMLElement>('.outcome')?.focus();
  else if (focus === 'error') (root.querySelector<HTMLElement>('form [aria-invalid="true"]') ?? widget ?? root.querySelector<HTMLElement>('#error, #failure'))?.focus();
}
