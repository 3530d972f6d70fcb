/**
 * `<obs-report>` is loaded only when the structure's report is shown: a structure below 100
 * respondents never downloads it (docs/dashboard.md, "Report"; its own chunk in the script-tag build).
 */
import type { ObservatoireReport } from '@observatoire/core/analysis';

/**
 * Whether the report is shown by `<obs-report>`: its structure's figures are estimated.
 *
 * @example
 * if (reportShown(report)) await loadReportElement();
 */
export function reportShown(report: ObservatoireReport): boolean {
  return report.focus?.status === 'estimated';
}

/**
 * Defines `<obs-report>`, fetched the first time a report is shown (its own chunk in the script-tag build).
 *
 * @example
 * await loadReportElement(); // customElements.get('obs-report') is defined
 */
export async function loadReportElement(): Promise<void> {
  await import('../report/obs-report.define.js');
}
