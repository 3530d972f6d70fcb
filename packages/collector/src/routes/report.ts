/**
 * `GET /v1/report`: the analysis report (`ObservatoireReport`, the same JSON as
 * `npx observatoire report --format json`) built from the export rows. An admin key gets it whole;
 * a `structure` or `territory` key gets the national figures and its own domain only, estimated
 * once it has 100 valid respondents, counts only below (docs/collector.md, "Access").
 * Weighted on the margins the server was started with (`MARGINS_FILE`); without margins the figures
 * are unweighted and the report says so (`weighting.method: "none"`).
 */
import { buildReport, parseTerritory, ReportError, WeightingError, type Margin, type ObservatoireReport, type TerritoryRef } from '@observatoire/core/analysis';
import type { KeyRole } from '@observatoire/core/api';
import type { Hono, MiddlewareHandler } from 'hono';
import { errorResponse, invalidRequest } from '../api/errors.js';
import { refusalRow } from '../export/refusals.js';
import { allExportRows } from '../export/stream.js';
import type { Principal } from '../middleware/api-key/index.js';
import { audit } from './audit.js';
import type { RouteContext } from './context.js';

export interface ReportRouteOptions {
  keys: (...roles: KeyRole[]) => MiddlewareHandler;
  /** Weighting margins; empty or absent: unweighted report. */
  margins?: readonly Margin[] | undefined;
  /** Domain names by `kind:code` (e.g. `department:35` → `Ille-et-Vilaine`), shown in the report. */
  names?: Readonly<Record<string, string>> | undefined;
}

/**
 * Registers `GET /v1/report?territory=dep:35` (query optional: `dep:`, `region:`, `epci:`, `org:`).
 * 400 on a bad territory, 409 when the data cannot be reported on (no valid session, margins that do
 * not fit the data), 401/403 without a key. A scoped key's own domain is the focus, whatever `territory` says.
 *
 * @example
 * reportRoutes(app, ctx, { keys: keyAuth({ adminToken: 'secret', store }), margins });
 * // curl -H "Authorization: Bearer secret" "http://localhost:8787/v1/report?territory=dep:35"
 */
export function reportRoutes(app: Hono, ctx: RouteContext, options: ReportRouteOptions): void {
  app.get('/v1/report', options.keys('admin', 'structure', 'territory'), async (c) => {
    const principal = c.get('principal');
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
    const own = ownDomain(principal);
    if (own) territory = own;
    const rows = await allExportRows(ctx.store, ctx.surveys);
    // People offered the survey who did not take it, counted in the sample description (national).
    const refusals = (await ctx.store.refusals.listRefusals()).map(refusalRow);
    try {
      const full = buildReport(rows, options.margins ?? [], {
        refusals,
        // The survey's definition picks the report: a quick diagnostic gets its own (docs/analysis.md).
        definitions: ctx.surveys.all().map((known) => known.definition),
        ...(territory ? { territory } : {}),
        ...(surveyId ? { survey: { surveyId } } : {}),
        ...(options.names ? { names: options.names } : {}),
        generatedAt: new Date(ctx.now()).toISOString(),
      });
      const report = own ? narrowed(full, own) : full;
      await audit(ctx, c, 'report', territory ? `${territory.kind}:${territory.code}` : null, rows.length);
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

/** The domain a scoped key reports on: its organisation or its territory; none for an admin. */
function ownDomain(principal: Principal): TerritoryRef | undefined {
  if (principal.role === 'structure') return { kind: 'organisation', code: principal.organisation ?? '' };
  if (principal.role === 'territory' && principal.territory) return principal.territory;
  return undefined;
}

/** The report without any other domain than `own`: the national figures stay, other territories and organisations go. */
function narrowed(report: ObservatoireReport, own: TerritoryRef): ObservatoireReport {
  const mine = (d: { kind: string; code: string }) => d.kind === own.kind && d.code === own.code;
  return {
    ...report,
    domains: report.domains.filter(mine),
    progress: { ...report.progress, territories: report.progress.territories.filter(mine) },
  };
}
