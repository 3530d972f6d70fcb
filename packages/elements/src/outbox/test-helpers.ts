/**
 * Test helpers for the outbox (imported by tests only): a hand-driven clock for the retry
 * timers, a scripted `fetch`, and a complete, valid run of the Observatoire 2025 survey.
 */
import { createSurveySession, parseSurveyDefinition, type Challenge, type ChallengeAnswer, type SurveyDefinition } from '@observatoire/core';
import type { OutboxTimers } from './types.js';

/** Timers that fire only when the test says so; `delays` lists every wait asked for. */
export class ManualTimers implements OutboxTimers {
  readonly delays: number[] = [];
  private readonly waiting = new Map<number, () => void>();
  private next = 1;

  set(callback: () => void, ms: number): unknown {
    this.delays.push(ms);
    const id = this.next++;
    this.waiting.set(id, callback);
    return id;
  }

  clear(handle: unknown): void {
    this.waiting.delete(handle as number);
  }

  get pending(): number {
    return this.waiting.size;
  }

  /** Run every waiting callback (as if their time had come). */
  fireAll(): void {
    const callbacks = [...this.waiting.values()];
    this.waiting.clear();
    for (const callback of callbacks) callback();
  }
}

export interface SentRequest {
  url: string;
  method: string;
  body: Record<string, unknown>;
  authorization: string | null;
}

/**
 * A `fetch` that answers from `respond` (a Response, or a thrown error for a network failure)
 * and records what was sent.
 */
export function scriptedFetch(respond: (request: SentRequest, index: number) => Response | Promise<Response>): {
  fetch: typeof fetch;
  sent: SentRequest[];
  /** Requests in flight right now (to check one at a time per session). */
  inFlight: () => number;
  maxInFlight: () => number;
} {
  const sent: SentRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const request: SentRequest = {
      url: String(input),
      method: init?.method ?? 'GET',
      body: JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>,
      authorization: headers.get('authorization'),
    };
    sent.push(request);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      return await respond(request, sent.length - 1);
    } finally {
      inFlight -= 1;
    }
  };
  return { fetch: fake as typeof fetch, sent, inFlight: () => inFlight, maxInFlight: () => maxInFlight };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** Wait until `check` holds (the outbox works through IndexedDB and promises). */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let definition: Promise<SurveyDefinition> | undefined;

/** The real Observatoire 2025 survey (3 courses: 3, 7 and 5 challenges). */
export function observatoire2025(): Promise<SurveyDefinition> {
  definition ??= fetch('/packages/content/surveys/observatoire-2025.json')
    .then((response) => response.text())
    .then((text) => parseSurveyDefinition(text));
  return definition;
}

/** A valid questionnaire, as a participant would fill it: the first option of each question, a test city. */
export function fillQuestionnaire(session: ReturnType<typeof createSurveySession>): void {
  const questionnaire = session.definition.questionnaire!;
  for (const question of questionnaire.questions) {
    if (question.id === 'thematiques_demarches') continue;
    const value =
      question.kind === 'year'
        ? 1955
        : question.kind === 'commune'
          ? { test: true as const, name: 'TEST' }
          : question.kind === 'multiple'
            ? [question.options[0]!.code]
            : question.kind === 'single'
              ? question.options[0]!.code
              : 'texte';
    session.dispatch({ type: 'answerQuestion', questionId: question.id, value });
  }
}

/** A right answer to a challenge (the first accepted value of each input). */
export function rightAnswer(challenge: Challenge): ChallengeAnswer {
  const solution = (challenge as { solution: unknown }).solution;
  if (challenge.type === 'QCU') return String(solution);
  if (challenge.type === 'QCM') return (solution as number[]).join(',');
  if (challenge.type === 'QROC') return String((solution as unknown[])[0]);
  return Object.fromEntries(Object.entries(solution as Record<string, string[]>).map(([key, values]) => [key, values[0]!]));
}
