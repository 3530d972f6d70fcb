/**
 * Adaptive tests (docs/collector.md, "Adaptive sessions"): create a session with its bank, seed and
 * configuration; post each answer in the order the items were asked; finish. The collector re-runs
 * the test with the core from what it stored (`replayAdaptive`), so every verdict is its own and an
 * item the engine would not have asked at that place is refused. The export is open to every key
 * within its scope, erasure to admin keys only; both are audited (docs/collector.md, "Access").
 */
import { AnswerShapeError } from '@observatoire/core';
import { AdaptiveError, adaptiveTransition, competenceProfile, type AdaptiveBank, type AdaptiveState } from '@observatoire/core/adaptive';
import { CreateAdaptiveSessionBody, FinishAdaptiveBody, PostAdaptiveAnswerBody, unscoredFields, type KeyRole } from '@observatoire/core/api';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import { actionOf, replayAdaptive } from '../adaptive-replay.js';
import { errorResponse, invalidRequest } from '../api/errors.js';
import { adaptiveExportColumns, adaptiveExportRows } from '../export/adaptive.js';
import { parseExportQuery, withinTerritories } from '../export/stream.js';
import { SESSION_START_TOLERANCE_MS } from '../limits.js';
import type { AdaptiveAnswerRecord, AdaptiveSessionData, AdaptiveSessionRecord } from '../store/adaptive-types.js';
import { scopedFilter } from '../scope.js';
import { hashToken, sameHash } from '../token.js';
import { audit } from './audit.js';
import { authorizeAdaptiveSession, readBody, type RouteContext } from './context.js';
import { exportResponse } from './export-response.js';

export function adaptiveRoutes(app: Hono, ctx: RouteContext, keys: (...roles: KeyRole[]) => MiddlewareHandler): void {
  app.post('/v1/adaptive-sessions', async (c) => {
    const body = await readBody(c, CreateAdaptiveSessionBody);
    if (!body.ok) return body.response;
    const input = body.data;
    const bank = ctx.banks.get(input.bankId, input.bankVersion);
    if (!bank) return invalidRequest(c, [{ path: 'bankVersion', message: `unknown bank "${input.bankId}" version "${input.bankVersion}"` }]);
    let first: AdaptiveState;
    try {
      first = replayAdaptive(bank, newRecord(input, '', 0), []);
    } catch (error) {
      if (error instanceof AdaptiveError) return invalidRequest(c, [{ path: 'config', message: error.message }]);
      throw error;
    }
    // The core names a session after its seed: the id and the seed must go together.
    if (first.sessionId !== input.sessionId) return invalidRequest(c, [{ path: 'sessionId', message: 'is not the session id its seed gives' }]);
    const tokenHash = await hashToken(input.token);
    const { created, session } = await ctx.store.createAdaptiveSession(newRecord(input, tokenHash, ctx.now()));
    if (!sameHash(session.tokenHash, tokenHash)) return errorResponse(c, 409, 'session_exists', `Session "${session.id}" already exists with another token.`);
    return c.json({ sessionId: session.id, token: input.token }, created ? 201 : 200);
  });

  app.post('/v1/adaptive-sessions/:id/answers', async (c) => {
    const auth = await authorizeAdaptiveSession(c, ctx);
    if (!auth.ok) return auth.response;
    const { session, answers } = auth.data;
    const body = await readBody(c, PostAdaptiveAnswerBody);
    if (!body.ok) return body.response;
    const input = body.data;
    const bank = bankOf(ctx, session);
    const same = answers.find((answer) => answer.answerId === input.answerId);
    if (same) {
      // A retry gets the first verdict, whatever happened to the test since.
      const then = bank ? replayAdaptive(bank, { ...session, stopReason: null }, answers.slice(0, same.seq)) : undefined;
      return c.json(answerView(same, then?.phase === 'finished'), 200);
    }
    if (input.startedAt < session.startedAt - SESSION_START_TOLERANCE_MS) return invalidRequest(c, [{ path: 'startedAt', message: 'is before the session started' }]);
    if (session.endedAt !== null) return finished(c);
    if (!bank) return unknownBank(c, session);
    const taken = answers.find((answer) => answer.seq === input.seq);
    if (taken) return alreadyAnswered(c, taken);
    if (input.seq !== answers.length + 1)
      return errorResponse(c, 409, 'item_not_expected', `Answer ${answers.length + 1} has not arrived: answers are taken in the order the items were asked.`);
    const state = replayAdaptive(bank, session, answers);
    if (state.phase === 'finished' || !state.current)
      return errorResponse(c, 409, 'session_finished', `This test ended after ${answers.length} answers (${state.stopReason}): it takes no more.`);
    const challenge = bank.items.find((item) => item.challenge.id === input.itemId)?.challenge;
    const unscored = challenge?.type === 'interactive' ? unscoredFields(challenge, input.answer) : [];
    if (challenge && unscored.length > 0)
      return invalidRequest(c, unscored.map((field) => ({ path: `answer.${field}`, message: `is not scored by item "${challenge.id}", so it is not stored` })));
    let next: AdaptiveState;
    try {
      next = adaptiveTransition(bank, state, actionOf(input), { now: input.answeredAt, seed: session.seed });
    } catch (error) {
      if (error instanceof AdaptiveError && error.code === 'not_current_item')
        return errorResponse(c, 409, 'item_not_expected', `At place ${input.seq} this test asks "${state.current.itemId}", not "${input.itemId}".`);
      if (error instanceof AnswerShapeError || (error instanceof AdaptiveError && error.code === 'invalid_action'))
        return invalidRequest(c, [{ path: 'answer', message: error.message }]);
      throw error;
    }
    const verdict = next.responses[next.responses.length - 1]!;
    const result = await ctx.store.addAdaptiveAnswer({
      sessionId: session.id,
      answerId: input.answerId,
      seq: input.seq,
      itemId: input.itemId,
      answer: input.answer,
      timedOut: input.timedOut === true,
      status: verdict.status,
      actor: input.actor,
      startedAt: input.startedAt,
      answeredAt: input.answeredAt,
      durationMs: input.durationMs,
      theta: next.estimate.theta,
      se: next.estimate.se,
      receivedAt: ctx.now(),
    });
    if (result.outcome === 'closed') return finished(c);
    if (result.outcome === 'conflict') return alreadyAnswered(c, result.record);
    return c.json(answerView(result.record, next.phase === 'finished'), result.outcome === 'inserted' ? 201 : 200);
  });

  app.post('/v1/adaptive-sessions/:id/finish', async (c) => {
    const auth = await authorizeAdaptiveSession(c, ctx);
    if (!auth.ok) return auth.response;
    const { session, answers } = auth.data;
    const body = await readBody(c, FinishAdaptiveBody);
    if (!body.ok) return body.response;
    const input = body.data;
    const bank = bankOf(ctx, session);
    if (session.endedAt !== null) {
      if (session.finishEventId !== input.eventId) return finished(c);
      return bank ? c.json(finishView(bank, { session, answers }), 200) : unknownBank(c, session);
    }
    if (!bank) return unknownBank(c, session);
    const state = replayAdaptive(bank, session, answers);
    // A test the engine has not ended ends only by the mediator's stop; one it has ended keeps its own reason.
    if (state.phase === 'asking' && input.reason !== 'stopped')
      return errorResponse(c, 409, 'test_not_finished', `After ${answers.length} answers this test goes on: only the mediator can end it now ("reason": "stopped").`);
    const stopReason = state.stopReason ?? 'stopped';
    const stored = await ctx.store.finishAdaptiveSession(session.id, { endedAt: input.at, stopReason, finishEventId: input.eventId });
    if (stored.finishEventId !== input.eventId) return finished(c);
    return c.json(finishView(bank, { session: stored, answers }), 201);
  });

  app.get('/v1/export/adaptive', keys('admin', 'structure', 'territory'), async (c) => {
    const parsed = parseExportQuery(c.req.query());
    if (!parsed.ok) return invalidRequest(c, parsed.issues);
    if (parsed.query.territory) return invalidRequest(c, [{ path: 'territory', message: 'adaptive tests carry no territory' }]);
    // A scoped key reads what its scope selects: adaptive tests belong to no campaign and carry no commune.
    const principal = c.get('principal');
    const query = { ...parsed.query, filter: scopedFilter(principal, parsed.query.filter) };
    const rows = withinTerritories(adaptiveExportRows(ctx.store, ctx.banks, query.filter), [principal.territory ?? undefined]);
    return exportResponse(c, ctx, { file: 'observatoire-positionnement', action: 'adaptive_export', format: query.format, limit: query.limit, columns: adaptiveExportColumns(ctx.banks), rows });
  });

  app.delete('/v1/adaptive-sessions/:id', keys('admin'), async (c) => {
    const id = c.req.param('id');
    const erased = await ctx.store.deleteAdaptiveSession(id, ctx.now());
    await audit(ctx, c, 'adaptive_erase', id);
    if (!erased) return errorResponse(c, 404, 'session_not_found', `No adaptive session "${id}" (its id is refused from now on all the same).`);
    return c.body(null, 204);
  });
}

function newRecord(input: z.output<typeof CreateAdaptiveSessionBody>, tokenHash: string, receivedAt: number): AdaptiveSessionRecord {
  return {
    id: input.sessionId,
    tokenHash,
    bankId: input.bankId,
    bankVersion: input.bankVersion,
    seed: input.seed,
    config: input.config,
    organisation: input.organisation ?? null,
    device: input.device,
    lang: input.lang,
    startedAt: input.startedAt,
    receivedAt,
    endedAt: null,
    stopReason: null,
    finishEventId: null,
  };
}

function bankOf(ctx: RouteContext, session: AdaptiveSessionRecord): AdaptiveBank | undefined {
  return ctx.banks.get(session.bankId, session.bankVersion);
}

function unknownBank(c: Context, session: AdaptiveSessionRecord): Response {
  return errorResponse(c, 409, 'unknown_bank', `The bank "${session.bankId}" version "${session.bankVersion}" is no longer known.`);
}

function finished(c: Context): Response {
  return errorResponse(c, 409, 'session_finished', 'This test is finished: it takes no more answers.');
}

function alreadyAnswered(c: Context, first: AdaptiveAnswerRecord): Response {
  return errorResponse(c, 409, 'item_already_answered', `Place ${first.seq} of this test already has an answer ("${first.answerId}", item "${first.itemId}").`);
}

function answerView(record: AdaptiveAnswerRecord, finishedNow: boolean) {
  return { answerId: record.answerId, seq: record.seq, itemId: record.itemId, status: record.status, theta: record.theta, se: record.se, finished: finishedNow };
}

function finishView(bank: AdaptiveBank, data: AdaptiveSessionData) {
  const state = replayAdaptive(bank, data.session, data.answers);
  return {
    sessionId: data.session.id,
    stopReason: data.session.stopReason ?? state.stopReason ?? 'stopped',
    items: data.answers.length,
    theta: state.estimate.theta,
    se: state.estimate.se,
    totalPix: competenceProfile(bank, state.responses).totalPix,
  };
}
