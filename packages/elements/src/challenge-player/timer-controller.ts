/**
 * The time limit of a timed challenge, as a lit controller. The limit is the session's: it reads the
 * time left from `session.timeLeftMs()` (docs/protocol.md, "Time limits"), so what the person sees is
 * what the session judges; the controller only ticks while its host is in the page and the challenge
 * is being answered, and tells the host what to announce (docs/player.md, "Time limits").
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SurveySession } from '@observatoire/core';
import { crossedThreshold, type PlayerClock } from './timer.js';

/** What the live region should say: the time left (at a threshold, or at the start), or that it is up. */
export type TimerNews = { kind: 'left'; ms: number } | { kind: 'up' };

/** The session actions about the time limit (docs/protocol.md, "Time limits"). */
export type TimeAction = 'startTimeLimit' | 'extendTime' | 'removeTimeLimit';

export class TimerController implements ReactiveController {
  private running = false;
  private left: number | null = null;
  private stopTicking: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clock: () => PlayerClock,
    private readonly session: () => SurveySession | undefined,
    /** The challenge shown: the limit is the session's while it is its current one (a resumed one included). */
    private readonly challengeId: () => string | undefined,
    private readonly onNews: (news: TimerNews) => void,
    /** Records a time action in the session (the host's own, or a parent's through an event). */
    private readonly record: (action: TimeAction, challengeId: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.running && !this.stopTicking) this.tickEvery();
  }

  hostDisconnected(): void {
    this.clearTicks();
  }

  /** The session's limit in milliseconds; `null`: no time limit (none in the content, or removed, or another challenge is current). */
  get limitMs(): number | null {
    return this.timed()?.state.current?.timeLimitMs ?? null;
  }

  /** The session, while the challenge shown is its current one. */
  private timed(): SurveySession | undefined {
    const session = this.session();
    const id = this.challengeId();
    return id !== undefined && session?.state.current?.challengeId === id ? session : undefined;
  }

  /** Time left at the last reading (the whole limit before the start). */
  get remainingMs(): number {
    return this.left ?? this.limitMs ?? 0;
  }

  /** The time ran out, by the session's clock: the person may still answer (the answer says `timedOut`). */
  get timedOut(): boolean {
    return this.left !== null && this.left <= 0;
  }

  /** "Commencer": the session starts the limit (`startTimeLimit`); tick and say how much time there is. */
  start(): void {
    if (!this.act('startTimeLimit')) return;
    this.read();
    if (this.left === null) return;
    this.running = true;
    this.tickEvery();
    this.onNews({ kind: 'left', ms: this.left });
  }

  /** "Plus de temps": the session doubles the limit; returns the time now left (the whole limit before the start). */
  extend(): number | undefined {
    if (!this.act('extendTime')) return undefined;
    return (this.running ? this.left : this.limitMs) ?? undefined;
  }

  /** "Sans limite de temps": the session removes the limit; false when there was none. */
  remove(): boolean {
    return this.act('removeTimeLimit');
  }

  /** Read the time left from the session now (before an answer is sent). */
  sync(): void {
    if (this.running) this.read();
  }

  private act(action: TimeAction): boolean {
    const challengeId = this.challengeId();
    if (challengeId === undefined || this.limitMs === null) return false;
    this.record(action, challengeId);
    if (this.running) this.read();
    if (this.limitMs === null) this.halt();
    this.host.requestUpdate();
    return true;
  }

  /** Stop for good (the answer is sent, the limit removed, or the challenge changed). */
  halt(): void {
    this.running = false;
    this.clearTicks();
  }

  /** A new challenge: nothing read yet. */
  reset(): void {
    this.halt();
    this.left = null;
  }

  private read(): void {
    this.left = this.timed()?.timeLeftMs() ?? null;
  }

  private tickEvery(): void {
    this.stopTicking = this.clock().every(1000, () => this.tick());
  }

  private clearTicks(): void {
    this.stopTicking?.();
    this.stopTicking = undefined;
  }

  private tick(): void {
    const before = this.left;
    this.read();
    const after = this.left;
    if (!this.running || before === null || after === null) return this.halt();
    this.host.requestUpdate();
    if (after <= 0) {
      this.halt();
      this.onNews({ kind: 'up' });
      return;
    }
    if (crossedThreshold(before, after) !== undefined) this.onNews({ kind: 'left', ms: after });
  }
}
