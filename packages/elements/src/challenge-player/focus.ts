/**
 * Where focus goes after the player renders: the heading of a new screen, the start button,
 * the outcome once the answer is sent (in learning mode after a miss, the heading of the help that
 * follows it), the question of "Je passe" (and "Je passe" again when it is cancelled), or the first field in error
 * (else the message itself: never a widget's control, which would answer on the next Enter).
 * Moving focus tells screen-reader users that the screen changed (docs/player.md, "Focus").
 */

/** The next focus the player asked for. */
export type PlayerFocus = 'heading' | 'error' | 'start' | 'outcome' | 'skip' | 'skip-button';

/**
 * Focus the target of `focus` inside `root`.
 *
 * @example
 * moveFocus(this.renderRoot, 'heading');
 */
export function moveFocus(root: ParentNode, focus: PlayerFocus | undefined): void {
  if (focus === 'heading') root.querySelector<HTMLElement>('#heading')?.focus();
  else if (focus === 'start') root.querySelector<HTMLElement>('#start')?.focus();
  else if (focus === 'outcome') (root.querySelector<HTMLElement>('.help h3') ?? root.querySelector<HTMLElement>('.outcome'))?.focus();
  else if (focus === 'skip') root.querySelector<HTMLElement>('#skip-question')?.focus();
  else if (focus === 'skip-button') root.querySelector<HTMLElement>('#skip')?.focus();
  else if (focus === 'error') (root.querySelector<HTMLElement>('form [aria-invalid="true"]') ?? root.querySelector<HTMLElement>('#error, #failure'))?.focus();
}
