/**
 * Asking the collector about `<obs-survey campaign="ABC-234">` (docs/elements.md, "Campaigns"): part
 * of the small file fetched with the definition when there is an `endpoint`, so the question leaves
 * at once and never waits for the outbox's code (docs/loading.md, "The outbox after the first
 * screen"). Its refusal is explained on screen by campaign.ts.
 */
import type { ErrorCode } from '@observatoire/core/api';

/** The collector's refusal of a campaign code. */
export type CampaignRefusal = Extract<ErrorCode, 'campaign_unknown' | 'campaign_closed'>;

/**
 * Asks the collector (`GET /v1/campaigns/:code/status`, no key): its refusal, or `undefined` when
 * the campaign is open. Anything but a refusal counts as open: offline, the session starts and the
 * collector judges the campaign when the outbox delivers.
 *
 * @example
 * await refusedCampaign('https://collecte.example.fr', 'KXR-482'); // undefined (open)
 */
export async function refusedCampaign(endpoint: string, code: string, fetcher: typeof fetch = fetch): Promise<CampaignRefusal | undefined> {
  const url = new URL(`v1/campaigns/${encodeURIComponent(code)}/status`, new URL(endpoint.replace(/\/*$/, '/'), document.baseURI));
  try {
    const response = await fetcher(url, { headers: { accept: 'application/json' } });
    if (response.status !== 404 && response.status !== 409) return undefined;
    const body = (await response.json()) as { error?: unknown };
    return body.error === 'campaign_unknown' || body.error === 'campaign_closed' ? body.error : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The collector's verdict on a campaign, asked at once but never in the way of the first screen
 * (docs/loading.md, "The outbox after the first screen"): "Commencer" pressed before it is in
 * waits for it, the button marked busy (`aria-busy`, its name unchanged); a second press meanwhile
 * does nothing, and a refused campaign's session never starts.
 *
 * @example
 * const check = new CampaignCheck('https://collecte.example.fr', 'KXR-482');
 * if (check.mayStart(startButton, () => start())) start();
 */
export class CampaignCheck {
  /** The refusal, or `undefined` once the campaign is known to be open (or could not be checked). */
  readonly verdict: Promise<CampaignRefusal | undefined>;
  #known: CampaignRefusal | 'open' | undefined;
  #waiting = false;

  constructor(endpoint: string, code: string, fetcher: typeof fetch = fetch) {
    this.verdict = refusedCampaign(endpoint, code, fetcher);
    void this.verdict.then((refusal) => (this.#known = refusal ?? 'open'));
  }

  /** The refusal, when it is already in. */
  get refusal(): CampaignRefusal | undefined {
    return this.#known === 'open' ? undefined : this.#known;
  }

  /**
   * True when the campaign is known to be open: start now. Otherwise false, and `start` runs once
   * the verdict says open (never for a refused campaign), `button` busy meanwhile.
   */
  mayStart(button: HTMLElement | null, start: () => void): boolean {
    if (this.#known) return this.#known === 'open';
    if (this.#waiting) return false;
    this.#waiting = true;
    button?.setAttribute('aria-busy', 'true');
    if (button) button.style.cursor = 'progress';
    void this.verdict.then((refusal) => {
      this.#waiting = false;
      button?.removeAttribute('aria-busy');
      button?.style.removeProperty('cursor');
      if (!refusal) start();
    });
    return false;
  }
}
