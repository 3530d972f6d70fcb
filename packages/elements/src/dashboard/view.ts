/**
 * What the dashboard's template functions share: the language, the texts, number and date formats,
 * and the names the survey definition gives (courses, competences). Without a definition, ids stand in.
 */
import { html, type TemplateResult } from 'lit';
import type { Lang, Skill, SurveyDefinition } from '@observatoire/core';
import type { DashboardMessageKey, DashboardText } from './messages.js';
import { skillName } from '../shared/skill-name.js';

export interface DashboardView {
  lang: Lang;
  t: DashboardText;
  definition: SurveyDefinition | undefined;
}

/** `0.667` → `67 %` (French) or `67%`. */
export function percent(view: DashboardView, rate: number): string {
  return new Intl.NumberFormat(view.lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** A day, in the language's format (`12/05/2025`). */
export function day(view: DashboardView, at: number): string {
  return new Intl.DateTimeFormat(view.lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short' }).format(at);
}

/** A time of day (`09:30`). */
export function clock(view: DashboardView, at: number): string {
  return new Intl.DateTimeFormat(view.lang === 'fr' ? 'fr-FR' : 'en-GB', { timeStyle: 'short' }).format(at);
}

/** `95_000` → `1 min 35 s`. */
export function duration(view: DashboardView, ms: number): string {
  const seconds = Math.round(ms / 1000);
  return view.t('minutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

export function courseTitle(view: DashboardView, courseId: string): string {
  return view.definition?.courses.find((course) => course.id === courseId)?.title[view.lang] ?? courseId;
}

/** A competence in words (the content's name, else the framework's), never a bare code when either names it. */
export function competenceName(view: DashboardView, skill: Skill): string {
  const name = view.definition ? skillName(view.definition, skill) : undefined;
  return name?.[view.lang] ?? view.t('competenceCode', { code: skill.competence ?? skill.area });
}

/** `Participant 3`: participants are numbered in arrival order, never named (docs/dashboard.md, "Privacy"). */
export function participantName(view: DashboardView, number: number): string {
  return view.t('participantName', { n: number });
}

/**
 * A table in a focusable region named by its caption, which scrolls when wider than the element (320 px).
 *
 * @example
 * tableTemplate(view, { id: 'campaigns', caption: t('campaignsCaption'), columns: ['colCode', 'colLabel'], part: 'table' }, rows);
 */
export function tableTemplate(
  view: DashboardView,
  table: { id: string; caption: string; columns: readonly DashboardMessageKey[]; part: string },
  rows: readonly TemplateResult[],
): TemplateResult {
  return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="${table.id}-caption">
    <table part=${table.part}>
      <caption id="${table.id}-caption">${table.caption}</caption>
      <thead>
        <tr>
          ${table.columns.map((column) => html`<th scope="col">${view.t(column)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}
