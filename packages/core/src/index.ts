/**
 * @observatoire/core: the headless part of Observatoire. No DOM, no I/O.
 * @packageDocumentation
 */
export * from './errors.js';
/** The zod schemas of the content model (for validation at other boundaries and JSON Schema generation). */
export * as schemas from './content/schema.js';
export { SCHEMA_VERSION } from './content/schema.js';
export * from './content/types.js';
export { parseSurveyDefinition, parseChallenge } from './content/parse.js';
export * from './checking/types.js';
export * from './questionnaire/types.js';
export * from './session/types.js';
export * from './checking/evaluate.js';
export * from './questionnaire/logic.js';
export * from './session/session.js';
export * from './scoring.js';
export * from './analysis/index.js';
export { translate, toLang, type Catalogue, type MessageParams } from './i18n.js';
export { WIDGET_ANSWER_EVENT, type WidgetProperties, type WidgetAnswerDetail } from './widget.js';
