/**
 * `GET /v1/report`: the analysis report (`ObservatoireReport`, the same JSON as
 * `npx observatoire report --format json`) built from the export rows, behind the admin token.
 * Weighted on the margins the server was started with (`MARGINS_FILE`); without margins the figures
 * are unweighted and the report says so (`weighting.method: "none"`).
 */
import { buildReport, parseTerritory, ReportError, WeightingError, type Margin, type TerritoryRef } from '@observatoire/core/analysis';
import type { Hono } from 'hono';
import { errorResponse, invalidRequest } from '../api/errors.js';
import { allExportRows } from '../export/stream.js';
import { requireAdmin } from '../middleware/admin-auth/index.js';
import type { RouteContext } from './context.js';

export interface ReportRouteOptions {
  adminToken: string | undefined;
  /** Weighting margins; empty or absent: unweighted report. */
  margins?: readonly Margin[] | undefined;
  /** Domain names by `kind:code` (e.g. `department:35` → `Ille-et-Vilaine`), shown in the report. */
  names?: Readonly<Record<string, string>> | undefined;
}

/**
 * Registers `GET /v1/report?territory=dep:35` (query optional: `dep:`, `region:`, `epci:`, `org:`).
 * 400 on a bad territory, 409 when the data cannot be reported on (no valid session, margins that do
 * not fit the data), 401/403 without the admin token.
 *
 * @example
 * reportRoutes(app, ctx, { adminToken: 'secret', margins });
 * // curl -H "Authorization: Bearer secret" "http://localhost:8787/v1/report?territory=dep:35"
 */
export function reportRoutes(app: Hono, ctx: RouteContext, options: ReportRouteOptions): void {
  app.get('/v1/report', requireAdmin(options.adminToken), async (c) => {
    const spec = c.req.query('territory');
    let territory: TerritoryRef | undefined;
    if (spec !== undefined && spec !== '') {
      try {
        territory = parseTerritory(spec);
      } catch (error) {
        if (!(error instanceof ReportError)) throw error;
        return invalidRequest(c, [{ path: 'territory', message: 'must be dep:<code>, region:<code>, epci:<SIREN> or org:<code>' }]);
      }
    }
    // One survey per report (docs/analysis.md, "One survey per report"): `survey=<id>` names it when
    // the collector holds several; a report mixing surveys is refused, never built silently.
    const surveyId = c.req.query('survey');
    if (surveyId !== undefined && !/^[a-z0-9][a-z0-9._-]{0,63}$/i.test(surveyId))
      return invalidRequest(c, [{ path: 'survey', message: 'must be a survey id such as observatoire-2025' }]);
    const rows = await allExportRows(ctx.store, ctx.surveys);
    try {
      const report = buildReport(rows, options.margins ?? [], {
        ...(territory ? { territory } : {}),
        ...(surveyId ? { survey: { surveyId } } : {}),
        ...(options.names ? { names: options.names } : {}),
        generatedAt: new Date(ctx.now()).toISOString(),
      });
      c.header('Cache-Control', 'no-store');
      return c.json(report, 200);
    } catch (error) {
      if (error instanceof ReportError && error.code === 'no_valid_respondents') return errorResponse(c, 409, 'no_valid_respondents', error.message);
      if (error instanceof ReportError && error.code === 'mixed_surveys')
        return errorResponse(c, 409, 'mixed_surveys', `${error.message} Name the survey with ?survey=<id>.`);
      if (error instanceof WeightingError) {
        return errorResponse(c, 409, 'weighting_failed', `The margins do not fit the collected data (${error.code}): ${error.message}. Fix MARGINS_FILE or restart without it for unweighted figures.`);
      }
      throw error;
    }
  });
}
