/**
 * Two small lit controllers of the course chainer, both switched off when it leaves the page:
 * the confirmation before the tab is closed mid-course (leaving loses the session for good), and
 * the periodic refresh of the mediator's test time.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Asks the browser to confirm before the tab is closed, while `set(true)`. */
export class LeaveGuard implements ReactiveController {
  private on = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.set(false);
  }

  set(on: boolean): void {
    if (on === this.on) return;
    this.on = on;
    if (on) window.addEventListener('beforeunload', confirmLeave);
    else window.removeEventListener('beforeunload', confirmLeave);
  }
}

function confirmLeave(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older browsers need returnValue set to show the dialog.
  event.returnValue = '';
}

/** Re-renders the host every `ms` milliseconds, while `set(true)`. */
export class Refresh implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ms: number,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.set(false);
  }

  set(on: boolean): void {
    if (on && this.timer === undefined) this.timer = setInterval(() => this.host.requestUpdate(), this.ms);
    if (!on && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
