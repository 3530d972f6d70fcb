/**
 * What `<obs-dashboard>` shows, as a lit controller (docs/dashboard.md): it reads the campaigns, the
 * followed campaign's progress page by page, a participant's results and the structure's report,
 * and keeps the progress live by polling with `If-None-Match` while the page is shown. It stops when
 * the host leaves the page or the page is hidden, and starts again when it is shown. The element only
 * renders what this controller holds.
 *
 * @example
 * private follow = new FollowController(this, () => ({ endpoint: this.endpoint, apiKey: this.apiKey, intervalMs: 10_000 }));
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { stageChanges, type ObservatoireReport, type StageChanges } from '@observatoire/core/analysis';
import type { Campaign, CampaignProgress, ParticipantProgress, ParticipantResults, ProgressCounts } from '@observatoire/core/api';
import { loadReportElement, reportShown } from './report-element.js';
import { DashboardError, readCampaigns, readProgress, readReport, readResults, type Reader } from './requests.js';

/** Participants read per request. */
const PAGE = 100;

export interface CampaignEntry {
  campaign: Campaign;
  /** `null` until read. */
  counts: ProgressCounts | null;
}

/** One page of the followed campaign, kept with its `ETag` to ask again only for a change. */
interface Page {
  after: string | null;
  etag: string | null;
  participants: ParticipantProgress[];
  next: string | null;
}

export type ReportState = { kind: 'idle' | 'loading' | 'none' } | { kind: 'ready'; report: ObservatoireReport } | { kind: 'error'; error: DashboardError };
export type ResultsState = { sessionId: string; results: ParticipantResults | undefined; error: DashboardError | undefined };

export interface FollowOptions {
  endpoint: string | undefined;
  apiKey: string | undefined;
  intervalMs: number;
}

export class FollowController implements ReactiveController {
  campaigns: CampaignEntry[] | undefined;
  /** Code of the campaign followed. */
  followed: string | undefined;
  counts: ProgressCounts | undefined;
  /** The followed campaign's participants, in arrival order (every page). */
  participants: ParticipantProgress[] = [];
  results: ResultsState | undefined;
  report: ReportState = { kind: 'idle' };
  error: DashboardError | undefined;
  /** `true` while polling; `false` when stopped (hidden page, no campaign, disconnected). */
  live = false;
  /** Set after each poll that changed something (the host turns it into a spoken summary). */
  lastChanges: StageChanges | undefined;
  /** Server-independent time of the last successful read (the device's clock). */
  updatedAt: number | undefined;

  #pages: Page[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;
  #connected = false;
  #onVisibility = () => this.#schedule();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: () => FollowOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    // Back in the page after leaving it: what was being read was dropped, read it again.
    if (this.#abort?.signal.aborted) void this.load();
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#schedule();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#stop();
    this.#abort?.abort();
  }

  get #reader(): Reader {
    const { endpoint, apiKey } = this.options();
    return { endpoint: endpoint ?? '', apiKey, ...(this.#abort ? { signal: this.#abort.signal } : {}) };
  }

  /** Read everything again (the endpoint or the key changed): the campaigns, the first one followed, the report. */
  async load(): Promise<void> {
    this.#abort?.abort();
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    this.#stop();
    Object.assign(this, { campaigns: undefined, followed: undefined, counts: undefined, participants: [], results: undefined, error: undefined, lastChanges: undefined });
    this.#pages = [];
    this.host.requestUpdate();
    if (!this.options().endpoint) return;
    try {
      const campaigns = await readCampaigns(this.#reader);
      if (signal.aborted) return;
      this.campaigns = campaigns.map((campaign) => ({ campaign, counts: null }));
      this.host.requestUpdate();
      await Promise.all([this.#readCounts(signal), this.refreshReport()]);
      const first = this.campaigns.find((entry) => entry.counts !== null)?.campaign.code;
      if (first && !signal.aborted) await this.follow(first);
    } catch (error) {
      this.#fail(error, signal);
    }
  }

  /** Follow another campaign: read all its pages, then poll it. */
  async follow(code: string): Promise<void> {
    this.#stop();
    this.followed = code;
    this.participants = [];
    this.counts = this.campaigns?.find((entry) => entry.campaign.code === code)?.counts ?? undefined;
    this.results = undefined;
    this.lastChanges = undefined;
    this.#pages = [];
    this.host.requestUpdate();
    await this.#poll(false);
  }

  /** Show one participant's results (read now, never polled: they are read once per opening). */
  async open(sessionId: string): Promise<void> {
    this.results = { sessionId, results: undefined, error: undefined };
    this.host.requestUpdate();
    try {
      const results = await readResults(this.#reader, sessionId);
      if (this.results?.sessionId === sessionId) this.results = { sessionId, results, error: undefined };
    } catch (error) {
      if (this.results?.sessionId === sessionId && error instanceof DashboardError) this.results = { sessionId, results: undefined, error };
      else if (!(error instanceof DashboardError)) throw error;
    }
    this.host.requestUpdate();
  }

  close(): void {
    this.results = undefined;
    this.host.requestUpdate();
  }

  /** Read the structure's report again (each read is in the collector's audit log: never polled). */
  async refreshReport(): Promise<void> {
    this.report = { kind: 'loading' };
    this.host.requestUpdate();
    try {
      const report = await readReport(this.#reader);
      if (report && reportShown(report))
        await loadReportElement().catch((error: unknown) => {
          throw new DashboardError('report_load_failed', `<obs-report> could not be loaded: ${(error as Error).message}`);
        });
      this.report = report ? { kind: 'ready', report } : { kind: 'none' };
    } catch (error) {
      if (!(error instanceof DashboardError)) throw error;
      this.report = { kind: 'error', error };
    }
    this.host.requestUpdate();
  }

  /** Each campaign's counts, from a first page of one participant. */
  async #readCounts(signal: AbortSignal): Promise<void> {
    for (const entry of this.campaigns ?? []) {
      const page = await readProgress(this.#reader, entry.campaign.code, { limit: 1 });
      if (signal.aborted) return;
      if (page.kind === 'read') entry.counts = page.body.counts;
    }
    this.host.requestUpdate();
  }

  /** Read the followed campaign's pages again, each with its `ETag`; `announce` reports what changed. */
  async #poll(announce: boolean): Promise<void> {
    const code = this.followed;
    const signal = this.#abort?.signal;
    if (!code || !signal) return;
    try {
      const pages: Page[] = [];
      let counts: ProgressCounts | undefined = this.counts;
      let after: string | null = null;
      do {
        const known: Page | undefined = this.#pages.find((page) => page.after === after);
        const answer = await readProgress(this.#reader, code, { limit: PAGE, after, ...(known?.etag ? { etag: known.etag } : {}) });
        if (signal.aborted || this.followed !== code) return;
        const page: Page =
          answer.kind === 'unchanged' && known ? known : answer.kind === 'read' ? pageOf(after, answer.body, answer.etag) : { after, etag: null, participants: [], next: null };
        if (answer.kind === 'read') counts = answer.body.counts;
        pages.push(page);
        after = page.next;
      } while (after);
      const participants = pages.flatMap((page) => page.participants);
      const changes = stageChanges(this.participants.map(asStage), participants.map(asStage));
      const changed = changes.joined > 0 || Object.values(changes.moved).some((n) => n > 0);
      this.#pages = pages;
      this.participants = participants;
      this.counts = counts;
      const entry = this.campaigns?.find((e) => e.campaign.code === code);
      if (entry && counts) entry.counts = counts;
      this.error = undefined;
      this.updatedAt = Date.now();
      if (announce && changed) this.lastChanges = changes;
      this.host.requestUpdate();
    } catch (error) {
      this.#fail(error, signal);
    }
    this.#schedule();
  }

  #schedule(): void {
    this.#stop();
    const visible = document.visibilityState === 'visible';
    this.live = this.#connected && visible && this.followed !== undefined && this.error === undefined;
    if (this.live) this.#timer = setTimeout(() => void this.#poll(true), this.options().intervalMs);
    this.host.requestUpdate();
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #fail(error: unknown, signal: AbortSignal): void {
    if (signal.aborted) return;
    if (!(error instanceof DashboardError)) throw error;
    this.error = error;
    this.live = false;
    this.host.requestUpdate();
  }
}

function pageOf(after: string | null, body: CampaignProgress, etag: string | null): Page {
  return { after, etag, participants: body.participants, next: body.next };
}

const asStage = (p: ParticipantProgress) => ({ id: p.sessionId, stage: p.stage });
