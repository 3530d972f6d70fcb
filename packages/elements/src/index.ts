/**
 * @observatoire/elements: accessible custom elements that run the Observatoire survey.
 * Importing this module defines every element (guarded against double registration).
 * @packageDocumentation
 */
export * from './widget.js';
