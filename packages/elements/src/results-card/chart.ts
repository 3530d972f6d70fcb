/**
 * The participant's bar chart: the courses with at least one success and their share of successes,
 * an image named by the same figures. Courses not started or with no success are left out, so the
 * participant never reads a "0 %" (docs/player.md, "<obs-results-card>").
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Lang } from '@observatoire/core';
import type { CourseSummary } from '../shared/course-summary.js';

/** Drawing units of the chart (the SVG scales to its box). */
const CHART = { width: 320, row: 56, label: 18, barY: 26, barHeight: 20, barWidth: 230 } as const;

/**
 * The courses the chart shows: ended, with at least one success.
 *
 * @example
 * chartedCourses(courseSummaries(definition, state)).map((s) => s.courseId); // ['manipulation']
 */
export function chartedCourses(summaries: readonly CourseSummary[]): CourseSummary[] {
  return summaries.filter((summary) => summary.status === 'ended' && summary.succeeded > 0);
}

/** The chart, or nothing when no course has a success to show. */
export function chartTemplate(summaries: readonly CourseSummary[], lang: Lang, percent: (rate: number) => string, title: (figures: string) => string): TemplateResult | typeof nothing {
  const shown = chartedCourses(summaries);
  if (shown.length === 0) return nothing;
  const figures = shown.map((s) => `${s.title[lang]} ${percent(s.rate)}`).join(', ');
  const height = shown.length * CHART.row;
  return html`<svg
    class="chart"
    part="chart"
    role="img"
    aria-labelledby="chart-title"
    viewBox="0 0 ${CHART.width} ${height}"
    width=${CHART.width}
    height=${height}
    focusable="false"
  >
    <title id="chart-title">${title(figures)}</title>
    ${shown.map((s, i) => {
      const y = i * CHART.row;
      return svg`<text x="0" y=${y + CHART.label} font-size="15">${s.title[lang]}</text>
        <rect class="track" x="0" y=${y + CHART.barY} width=${CHART.barWidth} height=${CHART.barHeight} rx="3"></rect>
        <rect class="bar" x="0" y=${y + CHART.barY} width=${Math.round(s.rate * CHART.barWidth)} height=${CHART.barHeight} rx="3"></rect>
        <text x=${CHART.barWidth + 8} y=${y + CHART.barY + 15} font-size="15">${percent(s.rate)}</text>`;
    })}
  </svg>`;
}
