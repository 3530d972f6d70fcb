/**
 * The participant's side of the API: create a session, put the questionnaire once, post answers
 * and protocol events (each idempotent by its client-made id), read the results.
 */
import { AnswerShapeError, checkQuestionnaire, evaluateAnswer, isTestRun, type QuestionnaireAnswers, type SurveyDefinition } from '@observatoire/core';
import { CreateSessionBody, newToken, paperDateProblem, PostAnswerBody, PostEventBody, PutQuestionnaireBody, unscoredFields } from '@observatoire/core/api';
import type { Hono } from 'hono';
import { errorResponse, invalidRequest, type RequestIssue } from '../api/errors.js';
import { sessionOutcome } from '../export/progress.js';
import { MAX_EVENTS_PER_SESSION, SESSION_START_TOLERANCE_MS } from '../limits.js';
import type { AnswerRecord, EventRecord, SessionData, SessionRecord } from '../store/types.js';
import type { WebhookEvent } from '../store/webhook-types.js';
import { bearerToken, hashToken, sameHash } from '../token.js';
import { authorizeSession, readBody, type RouteContext } from './context.js';
import { openCampaign } from './campaign-check.js';
import { webhookEvent } from '../webhooks/payload.js';

export function sessionRoutes(app: Hono, ctx: RouteContext): void {
  app.post('/v1/sessions', async (c) => {
    const body = await readBody(c, CreateSessionBody);
    if (!body.ok) return body.response;
    const { surveyId, contentVersion, sessionId, token } = body.data;
    if (!ctx.surveys.get(surveyId, contentVersion))
      return invalidRequest(c, [{ path: 'contentVersion', message: `unknown survey "${surveyId}" version "${contentVersion}"` }]);
    if (sessionId !== undefined && token === undefined)
      return invalidRequest(c, [{ path: 'token', message: 'is required with a client-made sessionId, so a retry can prove it is the same client' }]);
    const paper = paperIssue(body.data, ctx.now());
    if (paper) return invalidRequest(c, [paper]);
    const secret = token ?? newToken();
    const tokenHash = await hashToken(secret);
    const now = ctx.now();
    const campaign = body.data.campaign === undefined ? null : await openCampaign(c, ctx, body.data, tokenHash);
    if (campaign instanceof Response) return campaign;
    const { created, session: stored } = await ctx.store.createSession({
      id: sessionId ?? crypto.randomUUID(),
      tokenHash,
      surveyId,
      contentVersion,
      // A campaign's session belongs to the campaign's organisation, whatever the page says.
      organisation: campaign?.organisation ?? body.data.organisation ?? null,
      campaign: campaign?.code ?? null,
      externalRef: body.data.externalRef ?? null,
      followUpCode: body.data.followUpCode ?? null,
      channel: body.data.channel ?? 'online',
      paperDate: body.data.paperDate ?? null,
      device: body.data.device,
      lang: body.data.lang,
      startedAt: body.data.startedAt ?? now,
      receivedAt: now,
      endedAt: null,
      endReason: null,
    });
    if (!sameHash(stored.tokenHash, tokenHash))
      return errorResponse(c, 409, 'session_exists', `Session "${stored.id}" already exists with another token.`);
    return c.json({ sessionId: stored.id, token: secret }, created ? 201 : 200);
  });

  app.put('/v1/sessions/:id/questionnaire', async (c) => {
    const auth = await authorizeSession(c, ctx);
    if (!auth.ok) return auth.response;
    const session = auth.data;
    const body = await readBody(c, PutQuestionnaireBody);
    if (!body.ok) return body.response;
    const survey = ctx.surveys.get(session.surveyId, session.contentVersion);
    const questionnaire = survey?.definition.questionnaire;
    if (!survey || !questionnaire) return errorResponse(c, 409, 'no_questionnaire', 'This survey has no questionnaire.');
    if (session.hasQuestionnaire) return alreadyValidated(c);
    if (session.endedAt !== null) return errorResponse(c, 409, 'session_finished', 'This session is finished: it takes no questionnaire.');
    // The core's rule, as the session applies it at validation (docs/questionnaire.md, "Validation"):
    // answers of hidden questions are dropped, not refused; year bounds from the session's clock.
    const checked = checkQuestionnaire(questionnaire, body.data.answers as QuestionnaireAnswers, ctx.now());
    const issues: RequestIssue[] = checked.issues.map((issue) => ({ path: `answers.${issue.questionId}`, message: issue.message }));
    const prefilled = body.data.prefilled ?? [];
    issues.push(...prefilledIssues(prefilled, checked.answers));
    if (issues.length > 0) return invalidRequest(c, issues);
    const answers = checked.answers;
    const record = { sessionId: session.id, answers, filledByMediator: body.data.filledByMediator, validatedAt: body.data.validatedAt, receivedAt: ctx.now(), prefilled };
    // Queued with the questionnaire (docs/webhooks.md): no answer can come before it, so the summary is the
    // empty one. Only a campaign's session can reach a webhook.
    const event = session.campaign ? webhookEvent('questionnaire.validated', survey.definition, { session, questionnaire: record, answers: [], events: [] }, record.receivedAt) : undefined;
    const stored = await ctx.store.putQuestionnaire(record, event);
    if (!stored) return alreadyValidated(c);
    // The session can take answers now: its first answer need not look it up nor hash the token again.
    const token = bearerToken(c.req.header('Authorization'));
    if (token) ctx.openSessions?.remember({ ...session, hasQuestionnaire: true }, token);
    return c.json({ sessionId: session.id, testRun: isTestRun(questionnaire, answers) }, 201);
  });

  app.post('/v1/sessions/:id/answers', async (c) => {
    const auth = await authorizeSession(c, ctx, { cached: true });
    if (!auth.ok) return auth.response;
    const session = auth.data;
    const body = await readBody(c, PostAnswerBody);
    if (!body.ok) return body.response;
    const input = body.data;
    if (input.startedAt < session.startedAt - SESSION_START_TOLERANCE_MS)
      return invalidRequest(c, [{ path: 'startedAt', message: 'is before the session started' }]);
    const survey = ctx.surveys.get(session.surveyId, session.contentVersion);
    const refusal =
      session.channel === 'paper'
        ? errorResponse(c, 409, 'paper_session', 'A paper form has no course: this session takes no challenge answer.')
        : survey?.definition.questionnaire && !session.hasQuestionnaire
        ? errorResponse(c, 409, 'questionnaire_missing', 'Put the validated questionnaire before the answers.')
        : session.endedAt !== null
          ? errorResponse(c, 409, 'session_finished', 'This session is finished: it takes no more answers.')
          : null;
    if (refusal || !survey) {
      // A retry still gets the first verdict, whatever happened to the session since.
      const first = await ctx.store.findAnswer(session.id, input.answerId);
      if (first) return c.json(answerView(first), 200);
      if (refusal) return refusal;
      return errorResponse(c, 409, 'unknown_survey', `The survey "${session.surveyId}" version "${session.contentVersion}" is no longer known.`);
    }
    // The common path: no look-up first; the insert's conflict handling answers retries.
    const challenge = survey.challenges.get(input.challengeId);
    if (!challenge || !survey.courseOf.has(input.challengeId))
      return invalidRequest(c, [{ path: 'challengeId', message: `unknown challenge "${input.challengeId}" in survey "${session.surveyId}"` }]);
    // Only what is scored is stored: a field the challenge does not score (a name typed in a simulated
    // form) is refused, named (docs/checking.md). A QROCM's unknown input is refused by the checking.
    const unscored = challenge.type === 'interactive' ? unscoredFields(challenge, input.answer) : [];
    if (unscored.length > 0)
      return invalidRequest(c, unscored.map((field) => ({ path: `answer.${field}`, message: `is not scored by challenge "${challenge.id}", so it is not stored` })));
    // Only a timed challenge can run out of time (docs/protocol.md, "Time limits"), as the core session rules.
    if (input.timedOut === true && challenge.timer === undefined)
      return invalidRequest(c, [{ path: 'timedOut', message: `challenge "${challenge.id}" has no time limit` }]);
    let verdict;
    try {
      verdict = evaluateAnswer(challenge, input.answer, { timedOut: input.timedOut === true });
    } catch (error) {
      if (error instanceof AnswerShapeError) return invalidRequest(c, [{ path: 'answer', message: error.message }]);
      throw error;
    }
    const result = await ctx.store.addAnswer({
      sessionId: session.id,
      answerId: input.answerId,
      challengeId: input.challengeId,
      answer: input.answer,
      timedOut: input.timedOut === true,
      status: verdict.status,
      details: verdict.details,
      actor: input.actor,
      startedAt: input.startedAt,
      answeredAt: input.answeredAt,
      durationMs: input.durationMs,
      skippedRemaining: input.skippedRemaining === true,
      receivedAt: ctx.now(),
    });
    if (result.outcome === 'closed') {
      ctx.openSessions?.forget(session.id);
      return errorResponse(c, 409, 'session_finished', 'This session is finished: it takes no more answers.');
    }
    if (result.outcome === 'conflict')
      return errorResponse(c, 409, 'challenge_already_answered', `Challenge "${input.challengeId}" already has an answer ("${result.record.answerId}").`);
    return c.json(answerView(result.record), result.outcome === 'inserted' ? 201 : 200);
  });

  app.post('/v1/sessions/:id/events', async (c) => {
    const auth = await authorizeSession(c, ctx);
    if (!auth.ok) return auth.response;
    const session = auth.data;
    const body = await readBody(c, PostEventBody);
    if (!body.ok) return body.response;
    const input = body.data;
    const first = await ctx.store.findEvent(session.id, input.eventId);
    if (first) return c.json({ eventId: first.eventId, type: first.type }, 200);
    const survey = ctx.surveys.get(session.surveyId, session.contentVersion);
    if (input.courseId !== undefined && !survey?.definition.courses.some((course) => course.id === input.courseId))
      return invalidRequest(c, [{ path: 'courseId', message: `unknown course "${input.courseId}" in survey "${session.surveyId}"` }]);
    if (session.endedAt !== null) return errorResponse(c, 409, 'session_finished', 'This session is finished: it takes no more events.');
    const record = {
      sessionId: session.id,
      eventId: input.eventId,
      type: input.type,
      courseId: input.courseId ?? null,
      at: input.at,
      actor: input.actor,
      detail: input.detail ?? null,
      receivedAt: ctx.now(),
    };
    const result = await ctx.store.addEvent(record, MAX_EVENTS_PER_SESSION, survey && (await endingWebhook(ctx, survey.definition, session, record)));
    if (result.outcome === 'too_many')
      return errorResponse(c, 409, 'too_many_events', `This session already has ${MAX_EVENTS_PER_SESSION} events: it takes no more.`);
    return c.json({ eventId: result.record.eventId, type: result.record.type }, result.outcome === 'inserted' ? 201 : 200);
  });

  app.get('/v1/sessions/:id/results', async (c) => {
    const auth = await authorizeSession(c, ctx);
    if (!auth.ok) return auth.response;
    const session = auth.data;
    const survey = ctx.surveys.get(session.surveyId, session.contentVersion);
    const data = await ctx.store.getSessionData(session.id);
    if (!survey || !data) return errorResponse(c, 409, 'unknown_survey', `The survey "${session.surveyId}" version "${session.contentVersion}" is no longer known.`);
    const outcome = sessionOutcome(survey.definition, data);
    return c.json({
      sessionId: session.id,
      surveyId: session.surveyId,
      contentVersion: session.contentVersion,
      endReason: outcome.endReason,
      testTimeMs: outcome.testTimeMs,
      courses: outcome.courses,
      answers: data.answers.map(answerView),
    });
  });
}

/**
 * The webhook event of a `finished` or `quit` event (docs/webhooks.md, "Events"): the summary of the
 * session as this event ends it. The store queues it only if this event is the one that ends it.
 */
async function endingWebhook(ctx: RouteContext, definition: SurveyDefinition, session: SessionRecord, record: EventRecord): Promise<WebhookEvent | undefined> {
  // Only a campaign's session can reach a webhook (docs/webhooks.md, "Endpoints").
  if ((record.type !== 'finished' && record.type !== 'quit') || !session.campaign) return undefined;
  const data = await ctx.store.getSessionData(record.sessionId);
  if (!data) return undefined;
  const endReason = record.type === 'quit' ? 'quit' : 'completed';
  const ended = { ...data, session: { ...data.session, endedAt: record.at, endReason }, events: [...data.events, record] } satisfies SessionData;
  return webhookEvent(endReason === 'quit' ? 'session.left' : 'session.completed', definition, ended, record.receivedAt);
}

/** A paper form comes with the date written on it, and only a paper form (docs/protocol.md, "Paper channel"). */
function paperIssue(body: { channel?: string | undefined; paperDate?: string | undefined }, now: number): RequestIssue | null {
  if (body.channel !== 'paper')
    return body.paperDate === undefined ? null : { path: 'paperDate', message: 'goes with channel "paper" only' };
  if (body.paperDate === undefined) return { path: 'paperDate', message: 'is required with channel "paper"' };
  const problem = paperDateProblem(body.paperDate, now);
  return problem ? { path: 'paperDate', message: problem } : null;
}

/** Each prefilled id names a kept answer, once (docs/questionnaire.md, "Prefill"). */
function prefilledIssues(prefilled: readonly string[], answers: QuestionnaireAnswers): RequestIssue[] {
  return prefilled.flatMap((id, i): RequestIssue[] => {
    if (prefilled.indexOf(id) !== i) return [{ path: `prefilled[${i}]`, message: `"${id}" is named twice` }];
    return answers[id] === undefined ? [{ path: `prefilled[${i}]`, message: `"${id}" has no answer in this questionnaire` }] : [];
  });
}

function alreadyValidated(c: Parameters<typeof errorResponse>[0]): Response {
  return errorResponse(c, 409, 'questionnaire_already_validated', 'The questionnaire of this session was already validated; it cannot change.');
}

function answerView(record: AnswerRecord) {
  return { answerId: record.answerId, challengeId: record.challengeId, status: record.status, details: record.details };
}
