/**
 * `@observatoire/elements/report`: defines `<obs-report>`. A separate entry point (and script,
 * `dist/observatoire-report.js`) so the report never weighs on the survey's bundle.
 */
import './obs-report.define.js';

export { ObsReport } from './obs-report.js';
export { checkReport, ReportLoadError, type ReportLoadErrorCode } from './check.js';
