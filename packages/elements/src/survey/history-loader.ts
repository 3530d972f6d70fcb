/**
 * `<obs-survey history>`'s controller (docs/elements.md, "History") is a file of its own, fetched only
 * when the attribute is set: most hosts never use it, and the first screen does not need it.
 */
import type { ReactiveControllerHost } from 'lit';
import type { HistoryHost } from './history-controller.js';
import type { Screen } from './screens.js';
import type { SurveyMessageKey } from './messages.js';

/**
 * Load the history controller and attach it to `host`; the host renders again once it is in. A
 * file that could not be fetched (network cut) rejects: `<obs-survey>` asks again at its next render.
 *
 * @example
 * if (this.history) void loadHistory(this, { screen: () => this.#screen, t: this.#t });
 */
export async function loadHistory(host: HistoryHost & ReactiveControllerHost, options: { screen: () => Screen; t: (key: SurveyMessageKey) => string }): Promise<void> {
  const { HistoryController } = await import('./history-controller.js');
  new HistoryController(host, options);
  host.requestUpdate();
}
