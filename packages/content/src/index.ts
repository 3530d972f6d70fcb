/**
 * @observatoire/content: the Observatoire survey content, checked by the core's schemas.
 *
 * The JSON files in `surveys/` are the source: a deployer copies one, edits it and points
 * `<obs-survey definition="…">` at its URL. This module exports them already parsed (defaults
 * filled in), so importing it also proves they are valid: a broken file throws a `ContentError`
 * at import time, naming each path.
 *
 * The widgets of the interactive challenges are defined by `@observatoire/content/widgets`.
 * @packageDocumentation
 */
import { parseSurveyDefinition, type SurveyDefinition } from '@observatoire/core';
import observatoireJson from '../surveys/observatoire-2025.json' with { type: 'json' };
import diagnosticJson from '../surveys/diagnostic-rapide.json' with { type: 'json' };

/**
 * The Observatoire 2025 survey: information and consent, the 13-question questionnaire,
 * and the staircase courses `manipulation` (3), `bases` (7) and `culture` (5).
 *
 * @example
 * import { observatoire2025 } from '@observatoire/content';
 * observatoire2025.courses.map((c) => c.id); // ['manipulation', 'bases', 'culture']
 */
export const observatoire2025: SurveyDefinition = parseSurveyDefinition(observatoireJson);

/**
 * The quick diagnostic: 10 untimed challenges in one course, no questionnaire.
 *
 * @example
 * import { diagnosticRapide } from '@observatoire/content';
 * diagnosticRapide.challenges.length; // 10
 */
export const diagnosticRapide: SurveyDefinition = parseSurveyDefinition(diagnosticJson);

/**
 * Every survey definition of this package, for tools that pick one by its id (the collector, the
 * report command).
 *
 * @example
 * import { surveyDefinitions } from '@observatoire/content';
 * surveyDefinitions.map((d) => d.id); // ['observatoire-2025', 'diagnostic-rapide']
 */
export const surveyDefinitions: readonly SurveyDefinition[] = [observatoire2025, diagnosticRapide];

export { widgetSpecs, parseWidgetConfig, type WidgetSpec, type ReportedValues } from './widgets/specs.js';
