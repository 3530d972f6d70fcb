/**
 * What a polite live region says, as a lit controller: the host renders `announcer.text` in its
 * `aria-live` element and calls `say()`. Screen readers read a change; the same sentence twice
 * in a row would not be a change, so it is made to differ by an invisible space.
 *
 * @example
 * private announcer = new Announcer(this);
 * this.announcer.say('Il reste 30 s.');
 * html`<p aria-live="polite">${this.announcer.text}</p>`;
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class Announcer implements ReactiveController {
  text = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Say `text` (again, if it was the last thing said). */
  say(text: string): void {
    this.text = text === this.text ? `${text}\u00A0` : text;
    this.host.requestUpdate();
  }

  /** Say nothing (a new screen). */
  clear(): void {
    this.text = '';
    this.host.requestUpdate();
  }
}
