/**
 * `@observatoire/elements/adaptive-test`: defines `<obs-adaptive-test>`, the adaptive positioning test
 * (docs/adaptive.md). A separate entry point so the survey's bundle does not carry it.
 */
import './obs-adaptive-test.define.js';

export { ObsAdaptiveTest } from './obs-adaptive-test.js';
export { ADAPTIVE_FINISHED_EVENT, type AdaptiveFinishedDetail } from './events.js';
