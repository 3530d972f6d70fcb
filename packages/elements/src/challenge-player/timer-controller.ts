/**
 * The time limit of a timed challenge, as a lit controller: it ticks only while its host is in
 * the page and the challenge is being answered, and tells the host what to announce. The person
 * can double the time or remove the limit, before and while it runs (RGAA 13.1; docs/player.md).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { crossedThreshold, type PlayerClock } from './timer.js';

/** What the live region should say: the time left (at a threshold, or at the start), or that it is up. */
export type TimerNews = { kind: 'left'; ms: number } | { kind: 'up' };

export class TimerController implements ReactiveController {
  /** `null`: no time limit (none in the content, or removed by the person). */
  limitMs: number | null = null;
  /** The time ran out: the person may still answer (the answer says `timedOut`). */
  timedOut = false;
  private startedAt = 0;
  private now = 0;
  private running = false;
  private stopTicking: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clock: () => PlayerClock,
    private readonly onNews: (news: TimerNews) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.running && !this.stopTicking) this.tickEvery();
  }

  hostDisconnected(): void {
    this.clearTicks();
  }

  /** A new challenge: its limit in seconds from the content, or none. */
  reset(seconds: number | undefined): void {
    this.halt();
    this.limitMs = seconds ? seconds * 1000 : null;
    this.timedOut = false;
  }

  /** The challenge is shown at `at`: its time (if any) starts now. */
  start(at: number): void {
    if (this.limitMs === null) return;
    this.startedAt = at;
    this.now = at;
    this.running = true;
    this.tickEvery();
    this.onNews({ kind: 'left', ms: this.limitMs });
  }

  /** Time left at the last tick. */
  get remainingMs(): number {
    return this.remainingAt(this.now);
  }

  /** Twice the time; returns the time now left (the whole limit before the start). */
  double(started: boolean): number | undefined {
    if (this.limitMs === null) return undefined;
    this.limitMs *= 2;
    const left = started ? this.remainingAt(this.clock().now()) : this.limitMs;
    this.now = this.clock().now();
    this.host.requestUpdate();
    return left;
  }

  /** No limit any more. */
  remove(): void {
    this.limitMs = null;
    this.halt();
    this.host.requestUpdate();
  }

  /** Stop for good (the answer is sent, or the challenge changed). */
  halt(): void {
    this.running = false;
    this.clearTicks();
  }

  private remainingAt(time: number): number {
    return (this.limitMs ?? 0) - (time - this.startedAt);
  }

  private tickEvery(): void {
    this.stopTicking = this.clock().every(1000, () => this.tick());
  }

  private clearTicks(): void {
    this.stopTicking?.();
    this.stopTicking = undefined;
  }

  private tick(): void {
    if (this.limitMs === null || !this.running) return this.halt();
    const before = this.remainingAt(this.now);
    this.now = this.clock().now();
    const after = this.remainingAt(this.now);
    this.host.requestUpdate();
    if (after <= 0) {
      this.timedOut = true;
      this.halt();
      this.onNews({ kind: 'up' });
      return;
    }
    if (crossedThreshold(before, after) !== undefined) this.onNews({ kind: 'left', ms: after });
  }
}
