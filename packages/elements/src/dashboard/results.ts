/**
 * One participant's results (docs/dashboard.md): per course its status, success and whether it is
 * passed, each challenge's outcome and who skipped it, the test time and the staircase level. Passes and
 * levels are the core's (`coursePassed`, `staircaseLevel`, docs/outcomes.md): nothing is decided here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { COURSE_STATUS } from '@observatoire/core';
import { coursePassed, hasEnded, skippedBy, staircaseLevel } from '@observatoire/core/analysis';
import type { ParticipantResults } from '@observatoire/core/api';
import type { ResultsState } from './follow-controller.js';
import { courseTitle, duration, percent, tableTemplate, type DashboardView } from './view.js';

type Course = ParticipantResults['courses'][number];

function challengeText(view: DashboardView, results: ParticipantResults, challenge: Course['challenges'][number]): string {
  const { t } = view;
  if (challenge.status === null) return t('status_none');
  const answer = results.answers.find((a) => a.challengeId === challenge.challengeId);
  if (answer?.skippedRemaining) return t('remainingSkipped');
  const status = t(`status_${challenge.status}`);
  // Who skipped: the participant's « Je passe » or the mediator's (core's rule, the export's skip_ column).
  const by = answer ? skippedBy(answer) : null;
  return by ? `${status} ${t(by === 'mediator' ? 'byMediator' : 'byParticipant')}` : status;
}

function courseRow(view: DashboardView, course: Course): TemplateResult {
  const { t } = view;
  const ended = hasEnded(course.status);
  return html`<tr>
    <th scope="row">${courseTitle(view, course.courseId)}</th>
    <td>${t(`course_${course.status}`, { percent: percent(view, course.successRate ?? 0) })}</td>
    <td>${ended ? t(coursePassed(course) ? 'yes' : 'notYet') : '–'}</td>
  </tr>`;
}

export function resultsTemplate(view: DashboardView, state: ResultsState | undefined, name: string, onClose: () => void): TemplateResult | typeof nothing {
  if (!state) return nothing;
  const { t } = view;
  const results = state.results;
  const started = results?.courses.filter((course) => course.status !== COURSE_STATUS.notReached) ?? [];
  const level = results ? staircaseLevel(results.courses) : undefined;
  return html`<section class="card results" part="results" aria-labelledby="results-heading">
    <h3 id="results-heading" tabindex="-1">${t('resultsTitle', { name })}</h3>
    ${state.error
      ? html`<p class="error" role="alert">${t(`error_${state.error.code}`, { status: state.error.status ?? '', endpoint: '', detail: state.error.message })}</p>`
      : !results
        ? html`<p>${t('resultsLoading')}</p>`
        : html`
            <p>${t('testTime', { time: duration(view, results.testTimeMs) })}</p>
            <p class="level">${level === undefined ? t('noLevel') : t('level', { level })}</p>
            ${started.length > 0
              ? html`${tableTemplate(view, { id: 'courses', caption: t('coursesCaption', { name }), columns: ['colCourse', 'colSuccess', 'colPassed'], part: 'table' }, started.map((course) => courseRow(view, course)))}
                  ${started.map(
                    (course) => html`<h4>${t('challengesOf', { course: courseTitle(view, course.courseId) })}</h4>
                      <ol class="challenges">
                        ${course.challenges.map((challenge, i) => html`<li>${t('line', { label: t('challenge', { n: i + 1 }), value: challengeText(view, results, challenge) })}</li>`)}
                      </ol>`,
                  )}`
              : nothing}
          `}
    <button type="button" @click=${onClose}>${t('closeResults')}</button>
  </section>`;
}
