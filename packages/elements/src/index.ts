/**
 * @observatoire/elements: accessible custom elements that run the Observatoire survey.
 * Importing this module defines every survey element (guarded against double registration).
 * The report element has its own entry point (`@observatoire/elements/report`).
 * @packageDocumentation
 */
export * from './widget.js';
export * from './events.js';
export * from './context.js';
export * from './questionnaire/obs-questionnaire.js';
export * from './challenge-player/obs-challenge-player.js';
export * from './course-chainer/obs-course-chainer.js';
export * from './results-card/obs-results-card.js';
export * from './survey/obs-survey.js';
export type * from './jsx.js';
export * from './outbox/index.js';
