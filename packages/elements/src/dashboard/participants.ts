/**
 * The followed campaign's participants (docs/dashboard.md): how many reached each stage, then one row
 * per participant in arrival order, numbered, never named; new participants are added at the end, so
 * the rows already read do not move.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { PARTICIPANT_STAGES } from '@observatoire/core/analysis';
import type { ParticipantProgress, ProgressCounts } from '@observatoire/core/api';
import { clock, courseTitle, duration, participantName, percent, tableTemplate, type DashboardView } from './view.js';

/** The count of each stage shown: a participant at a later stage went through the earlier ones. */
function stageCounts(counts: ProgressCounts): [(typeof PARTICIPANT_STAGES)[number], number][] {
  return [
    ['started', counts.started],
    ['questionnaire_validated', counts.questionnaireValidated],
    ['course_reached', counts.courseReached],
    ['finished', counts.completed],
    ['left', counts.quit],
  ];
}

export function stagesTemplate(view: DashboardView, counts: ProgressCounts): TemplateResult {
  return html`<dl class="stages" aria-label=${view.t('stagesCaption')}>
    ${stageCounts(counts).map(([stage, n]) => html`<div><dt>${view.t(`stage_${stage}`)}</dt><dd>${n}</dd></div>`)}
  </dl>`;
}

function coursesText(view: DashboardView, participant: ParticipantProgress): TemplateResult | typeof nothing {
  const started = participant.courses.filter((course) => course.status !== 'not_reached');
  if (started.length === 0) return nothing;
  return html`<ul class="plain">
    ${started.map(
      (course) => html`<li>${view.t('line', { label: courseTitle(view, course.courseId), value: view.t(`course_${course.status}`, { percent: percent(view, course.successRate ?? 0) }) })}</li>`,
    )}
  </ul>`;
}

export function participantsTemplate(view: DashboardView, participants: readonly ParticipantProgress[], opened: string | undefined, onOpen: (sessionId: string) => void): TemplateResult {
  const { t } = view;
  if (participants.length === 0) return html`<p>${t('noParticipant')}</p>`;
  return tableTemplate(
    view,
    { id: 'participants', caption: t('participantsCaption'), columns: ['colParticipant', 'colStarted', 'colStage', 'colCourses', 'colTime', 'colResults'], part: 'table participants' },
    participants.map((participant, i) => {
      const name = participantName(view, i + 1);
      return html`<tr data-session=${participant.sessionId}>
        <th scope="row">${name}<br /><span class="hint">${t('participantRef', { ref: participant.sessionId.slice(-6) })}</span></th>
        <td>${clock(view, participant.startedAt)}</td>
        <td>${t(`stage_${participant.stage}`)}</td>
        <td>${coursesText(view, participant)}</td>
        <td>${participant.testTimeMs > 0 ? duration(view, participant.testTimeMs) : '–'}</td>
        <td>
          <button type="button" aria-expanded=${opened === participant.sessionId ? 'true' : 'false'} aria-controls="results" @click=${() => onOpen(participant.sessionId)}>
            ${t('showResults')}<span class="visually-hidden"> ${t('resultsOf', { name })}</span>
          </button>
        </td>
      </tr>`;
    }),
  );
}
