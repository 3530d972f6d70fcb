/**
 * `@observatoire/elements/dashboard`: defines `<obs-dashboard>`, a structure's view of the participant
 * progress of its campaigns (docs/dashboard.md). A separate entry point (and script, `dist/observatoire-dashboard.js`)
 * so neither the survey's nor the report's bundle carries it.
 */
import './obs-dashboard.define.js';

export { ObsDashboard } from './obs-dashboard.js';
export { DashboardError, type DashboardErrorCode } from './requests.js';
