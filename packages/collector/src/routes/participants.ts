/**
 * `GET /v1/sessions/:id` for keys (docs/collector.md, "Access"): one participant's progress and
 * results, for an admin key, the `structure` key of the session's campaign's organisation, or the
 * `territory` key of its commune's department or region. Any other session, known or not, is 403.
 */
import type { KeyRole, ParticipantResults } from '@observatoire/core/api';
import type { Hono, MiddlewareHandler } from 'hono';
import { errorResponse } from '../api/errors.js';
import { sessionOutcome } from '../export/progress.js';
import { exportColumns, exportRowOf } from '../export/rows.js';
import { maySeeSession } from '../scope.js';
import type { RouteContext } from './context.js';

export function participantRoutes(app: Hono, ctx: RouteContext, keys: (...roles: KeyRole[]) => MiddlewareHandler): void {
  app.get('/v1/sessions/:id', keys('admin', 'structure', 'territory'), async (c) => {
    const principal = c.get('principal');
    const data = await ctx.store.getSessionData(c.req.param('id'));
    const row = data ? exportRowOf(data, ctx.surveys, exportColumns(ctx.surveys)) : null;
    // An unknown id answers as another organisation's: a key cannot probe which ids exist.
    if (!data || !row || !(await maySeeSession(principal, ctx.store, data.session.campaign, row)))
      return principal.role === 'admin'
        ? errorResponse(c, 404, 'session_not_found', `No session "${c.req.param('id')}".`)
        : errorResponse(c, 403, 'forbidden', 'This key does not open this session.');
    const survey = ctx.surveys.get(data.session.surveyId, data.session.contentVersion);
    const outcome = survey ? sessionOutcome(survey.definition, data) : null;
    c.header('Cache-Control', 'no-store');
    const body: ParticipantResults = {
      sessionId: data.session.id,
      surveyId: data.session.surveyId,
      contentVersion: data.session.contentVersion,
      organisation: data.session.organisation,
      campaign: data.session.campaign ?? null,
      startedAt: data.session.startedAt,
      questionnaireValidated: data.questionnaire !== null,
      endReason: outcome?.endReason ?? data.session.endReason ?? 'in_progress',
      testTimeMs: outcome?.testTimeMs ?? 0,
      courses: outcome?.courses ?? [],
      answers: data.answers.map((a) => ({ challengeId: a.challengeId, status: a.status, actor: a.actor, durationMs: a.durationMs, skippedRemaining: a.skippedRemaining })),
    };
    return c.json(body);
  });
}
