/**
 * Input that began before a screen was shown never acts on it (docs/player.md, "Double
 * activation"). Many people double-click or double-tap everything: the second click of
 * "Commencer" must not answer the first challenge. As a lit controller, the host calls
 * `screenChanged()` whenever it shows a new screen; the guard then drops, before any of the
 * host's own listeners see them:
 * - a pointer click unless its pointer-down happened on the new screen, after a settle time;
 * - a keyboard click unless a fresh key press (not an auto-repeat) happened on the new screen.
 * Clicks made by scripts (`element.click()`, not trusted) are left alone.
 *
 * @example
 * private guard = new ScreenGuard(this);
 * private reset() { this.guard.screenChanged(); }
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Time after a screen change during which a pointer-down does not count (a slow double-tap is ~400 ms). */
export const SETTLE_MS = 500;

export class ScreenGuard implements ReactiveController {
  /** Settle time in ms (tests of other behaviour may set 0). */
  settleMs = SETTLE_MS;
  private changedAt = Number.NEGATIVE_INFINITY;
  private pointerDown = true;
  private keyDown = true;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly now: () => number = () => performance.now(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('pointerdown', this.onPointerDown, true);
    this.host.addEventListener('keydown', this.onKeyDown, true);
    this.host.addEventListener('click', this.onClick, true);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', this.onPointerDown, true);
    this.host.removeEventListener('keydown', this.onKeyDown, true);
    this.host.removeEventListener('click', this.onClick, true);
  }

  /** A new screen is shown: input that began before it is ignored. */
  screenChanged(): void {
    this.changedAt = this.now();
    this.pointerDown = false;
    this.keyDown = false;
  }

  private onPointerDown = (): void => {
    if (this.now() - this.changedAt >= this.settleMs) this.pointerDown = true;
  };

  private onKeyDown = (event: KeyboardEvent): void => {
    if (!event.repeat) this.keyDown = true;
  };

  private onClick = (event: MouseEvent): void => {
    if (!event.isTrusted) return;
    // `detail` is 0 for a click made by the keyboard (Enter, Space, a form's implicit submission).
    const allowed = event.detail === 0 ? this.keyDown : this.pointerDown;
    if (allowed) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
}
