/**
 * Content validation on its own entry point (`@observatoire/core/validate`): zod and the
 * schemas are the heaviest part of the core, and a page only needs them when it loads
 * content. The script-tag bundle loads this module lazily, next to the content it checks.
 *
 * @example
 * const { parseSurveyDefinition } = await import('@observatoire/core/validate');
 * const definition = parseSurveyDefinition(await (await fetch('/survey.json')).json());
 */
export { parseSurveyDefinition, parseChallenge } from './content/parse.js';
export { SCHEMA_VERSION } from './content/version.js';
export { readingScore, type ReadingScore } from './content/reading.js';
export { checkReferralLinks, MAX_REFERRAL_LINKS, type ReferralLink } from './content/referral.js';
