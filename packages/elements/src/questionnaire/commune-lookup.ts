/**
 * The commune question's lookup, as a lit controller: per question, the typed postal code and
 * its communes (docs/questionnaire.md). After each render it loads the communes of every
 * complete postal code not looked up yet, and tells the host what to announce; a postal code
 * with a single commune answers the question by itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { testCommune, type CommuneAnswer } from '@observatoire/core';
import { type MessageParams } from '@observatoire/core/i18n';
import { communeAnswer, communesOf, type CommuneRow } from './communes.js';
import type { MessageKey } from './messages.js';

/** What the commune field knows besides the answer: the typed postal code and its communes. */
export interface CommuneDraft {
  postal: string;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  rows: readonly CommuneRow[];
}

export const POSTAL_CODE = /^\d{5}$/;

export interface CommuneLookupOptions {
  /** Base URL of the shards, read at each lookup. */
  baseUrl: () => string;
  /** A sentence for the live region. */
  announce: (status: [MessageKey, MessageParams?]) => void;
  /** The postal code has one commune: it is the answer. */
  found: (questionId: string, answer: CommuneAnswer) => void;
}

export class CommuneLookup implements ReactiveController {
  private readonly drafts = new Map<string, CommuneDraft>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CommuneLookupOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    for (const [id, draft] of this.drafts) if (draft.status === 'idle' && POSTAL_CODE.test(draft.postal)) void this.load(id, draft);
  }

  /** The question's draft, if it has one. */
  get(questionId: string): CommuneDraft | undefined {
    return this.drafts.get(questionId);
  }

  /** What is wrong with the question's lookup: the list could not be loaded, or no commune has that code. */
  problem(questionId: string): 'communesFailed' | 'unknownPostalCode' | undefined {
    const draft = this.drafts.get(questionId);
    if (draft?.status === 'failed') return 'communesFailed';
    return draft?.status === 'ready' && !draft.rows.length ? 'unknownPostalCode' : undefined;
  }

  /** A draft for a question shown for the first time, from its saved answer. */
  ensure(questionId: string, answer: CommuneAnswer | undefined): void {
    if (!this.drafts.has(questionId))
      this.drafts.set(questionId, { postal: answer ? (answer.test ? testCommune().name : answer.postalCode) : '', status: 'idle', rows: [] });
  }

  /** A new postal code was typed: forget the previous lookup. */
  type(questionId: string, postal: string): void {
    this.drafts.set(questionId, { postal, status: 'idle', rows: [] });
    this.host.requestUpdate();
  }

  /** Look the postal code up again after a failure. */
  retry(questionId: string): void {
    const draft = this.drafts.get(questionId);
    if (draft) draft.status = 'idle';
    this.host.requestUpdate();
  }

  private async load(questionId: string, draft: CommuneDraft): Promise<void> {
    draft.status = 'loading';
    this.options.announce(['communesLoading']);
    let rows: readonly CommuneRow[];
    try {
      rows = await communesOf(draft.postal, this.options.baseUrl());
    } catch {
      if (this.drafts.get(questionId) !== draft) return;
      draft.status = 'failed';
      this.options.announce(['communesFailed']);
      return;
    }
    if (this.drafts.get(questionId) !== draft) return;
    draft.status = 'ready';
    draft.rows = rows;
    this.options.announce(rows.length ? ['communesFound', { n: rows.length, code: draft.postal }] : ['unknownPostalCode', { code: draft.postal }]);
    if (rows.length === 1) this.options.found(questionId, communeAnswer(draft.postal, rows[0]!));
  }
}
