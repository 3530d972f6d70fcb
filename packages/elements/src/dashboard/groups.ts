/**
 * The group view (docs/dashboard.md, docs/outcomes.md "Participant progress"): the followed campaign's
 * participants sorted by staircase level and by the competences they missed, to form workshops. The
 * grouping is the core's `workshopGroups`; this only names the groups and their members.
 */
import { html, type TemplateResult } from 'lit';
import { workshopGroups } from '@observatoire/core/analysis';
import type { ParticipantProgress } from '@observatoire/core/api';
import { competenceName, participantName, type DashboardView } from './view.js';

function members(view: DashboardView, ids: readonly string[], numbers: ReadonlyMap<string, number>): TemplateResult {
  const n = ids.length;
  return html`<p class="hint">${view.t(n === 1 ? 'groupCount' : 'groupCountMany', { n })}</p>
    <ul class="members">
      ${ids.map((id) => html`<li>${participantName(view, numbers.get(id) ?? 0)}</li>`)}
    </ul>`;
}

export function groupsTemplate(view: DashboardView, participants: readonly ParticipantProgress[]): TemplateResult {
  const { t } = view;
  const numbers = new Map(participants.map((p, i) => [p.sessionId, i + 1]));
  const groups = workshopGroups(view.definition ?? { challenges: [] }, participants.map((p) => ({ id: p.sessionId, courses: p.courses })));
  return html`<p>${t('groupsIntro')}</p>
    <div class="groups">
      <section aria-labelledby="by-level">
        <h4 id="by-level">${t('groupsByLevel')}</h4>
        <ul class="plain group-list" part="level-groups">
          ${groups.byLevel.map(
            (group) => html`<li class="group">
              <h5>${group.level === null ? t('groupNoLevel') : t('groupLevel', { level: group.level })}</h5>
              ${members(view, group.participants, numbers)}
            </li>`,
          )}
        </ul>
      </section>
      <section aria-labelledby="by-competence">
        <h4 id="by-competence">${t('groupsByCompetence')}</h4>
        ${groups.byCompetence.length === 0
          ? html`<p>${t('noCompetenceGroup')}</p>`
          : html`<ul class="plain group-list" part="competence-groups">
              ${groups.byCompetence.map(
                (group) => html`<li class="group">
                  <h5>${competenceName(view, group.skill)}</h5>
                  ${members(view, group.participants, numbers)}
                </li>`,
              )}
            </ul>`}
      </section>
    </div>`;
}
