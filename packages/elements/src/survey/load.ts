/**
 * Loading a survey definition for `<obs-survey>`: fetched when given as a URL, then validated by
 * the core's schemas (loaded on demand); a failure becomes the `path: message` lines shown to
 * the integrator. A definition validated at build time is trusted after its digest is checked
 * (docs/loading.md).
 */
import { ContentError, ObservatoireError, type SurveyDefinition, type SurveyDefinitionInput } from '@observatoire/core';
import { isTrusted } from './loading.js';
import { trustedDigests } from './trusted-digests.js';

/** A survey definition: the URL of its JSON file, or the object itself (validated either way). */
export type SurveyDefinitionSource = string | SurveyDefinitionInput;

/** Why the survey could not start. */
export interface LoadFailure {
  code: string;
  /** `path: message` lines for the integrator. */
  details: readonly string[];
}

/**
 * The definition given to `<obs-survey>`, validated, and the base URL of its relative links.
 *
 * @example
 * const { definition, baseUrl } = await loadDefinition('/surveys/observatoire-2025.json');
 */
export async function loadDefinition(source: SurveyDefinitionSource): Promise<{ definition: SurveyDefinition; baseUrl: string }> {
  if (typeof source !== 'string') return { definition: await validate(source), baseUrl: document.baseURI };
  const url = new URL(source, document.baseURI);
  // No waterfall: without build-time digests the validator is needed anyway, so it is fetched
  // together with the definition; with them, it is fetched only for a definition they miss.
  const validator = trustedDigests.length === 0 ? loadValidator() : undefined;
  validator?.catch(() => undefined);
  const text = await fetchText(url);
  if (await isTrusted(text)) return { definition: JSON.parse(text) as SurveyDefinition, baseUrl: url.href };
  return { definition: await validate(text, validator), baseUrl: url.href };
}

/**
 * The typed error of a failed load and its lines for the integrator.
 *
 * @example
 * failureOf(new ContentError([{ path: 'courses[0]', message: 'is required' }])).failure.details; // ['courses[0]: is required']
 */
export function failureOf(error: unknown): { error: ObservatoireError; failure: LoadFailure } {
  if (error instanceof ContentError) {
    const details = error.issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
    return { error, failure: { code: error.code, details } };
  }
  const failure = error instanceof ObservatoireError ? error : new ObservatoireError('load_failed', String(error));
  return { error: failure, failure: { code: failure.code, details: [failure.message] } };
}

/**
 * Validate a definition with the core's content schemas, loaded on demand: zod is the heaviest
 * part of the core and only content needs it (in the script-tag bundle it is the separate file
 * `observatoire-validate.js`, beside `observatoire.js`). An error from that module is turned
 * into this bundle's `ContentError`, so `instanceof` holds for the host.
 */
async function validate(json: unknown, validator = loadValidator()): Promise<SurveyDefinition> {
  const { parseSurveyDefinition } = await validator;
  try {
    return parseSurveyDefinition(json);
  } catch (error) {
    const issues = (error as Partial<ContentError> | null)?.issues;
    if ((error as Partial<ContentError> | null)?.code === 'invalid_content' && Array.isArray(issues)) throw new ContentError(issues);
    throw error;
  }
}

function loadValidator(): Promise<typeof import('@observatoire/core/validate')> {
  return import('@observatoire/core/validate');
}

async function fetchText(url: URL): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (error) {
    throw new ObservatoireError('load_failed', `${url.href}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new ObservatoireError('load_failed', `${url.href}: HTTP ${response.status} ${response.statusText}`.trim());
  return response.text();
}
