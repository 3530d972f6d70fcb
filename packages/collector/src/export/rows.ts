/**
 * One row per respondent, exactly the columns of `docs/export-format.md`. Every value is a
 * string; an empty string means no value.
 */
import {
  COURSE_STATUS,
  currentYearAt,
  isTestCommune,
  isTestRun,
  testCommune,
  type CommuneAnswer,
  type QuestionAnswer,
  type SurveyDefinition,
} from '@observatoire/core';
import { challengeSeconds, officialCodes, OFFICIAL_COLUMNS, skippedBy } from '@observatoire/core/analysis';
import type { SurveyIndex } from '../definitions.js';
import type { SessionData } from '../store/types.js';
import { sessionOutcome } from './progress.js';
import { modeCells, modeColumns } from './modes.js';

export interface ExportTable {
  columns: string[];
  rows: Record<string, string>[];
}

const HEAD = [
  'session_id', 'survey_id', 'content_version', 'organisation',
  'campaign', 'external_ref', 'follow_up_code',
  'device', 'lang', 'started_at', 'test_run',
  'filled_by_mediator', 'left_mid_course', 'resumed', 'interruptions', 'end_reason', 'test_time_seconds',
  'channel', 'paper_date', 'prefilled',
] as const;
/** The official codes beside the survey's own (core's `OFFICIAL_COLUMNS`), then the commune's. */
const DERIVED = [...OFFICIAL_COLUMNS.map((c) => c.column), 'postal_code', 'department', 'region', 'epci'] as const;

/**
 * Build the export. Columns are the union over the known definitions: questions and challenges
 * in content order, as many course column groups as the longest survey has courses.
 *
 * @example
 * const { columns, rows } = exportTable(await store.listSessionData(), surveys);
 * rows[0]['ch_c1']; // 'ok'
 */
export function exportTable(sessions: readonly SessionData[], surveys: SurveyIndex): ExportTable {
  const columns = exportColumns(surveys);
  return { columns, rows: sessions.map((data) => exportRowOf(data, surveys, columns)) };
}

/**
 * The export's columns for these definitions (see `exportTable`).
 *
 * @example
 * exportColumns(surveys).slice(0, 2); // ['session_id', 'survey_id']
 */
export function exportColumns(surveys: SurveyIndex): string[] {
  const questionIds: string[] = [];
  const challengeIds: string[] = [];
  let courseCount = 0;
  for (const { definition } of surveys.all()) {
    for (const question of definition.questionnaire?.questions ?? []) if (!questionIds.includes(question.id)) questionIds.push(question.id);
    for (const course of definition.courses)
      for (const id of course.challenges) if (!challengeIds.includes(id)) challengeIds.push(id);
    courseCount = Math.max(courseCount, definition.courses.length);
  }
  const courseColumns: string[] = [];
  for (let n = 1; n <= courseCount; n++) courseColumns.push(`course${n}_id`, `course${n}_status`, `course${n}_success_rate`);
  return [
    ...HEAD,
    ...questionIds.map((id) => `q_${id}`),
    ...DERIVED,
    ...courseColumns,
    ...challengeIds.map((id) => `ch_${id}`),
    ...challengeIds.map((id) => `t_${id}`),
    ...challengeIds.map((id) => `skip_${id}`),
    ...modeColumns(surveys.all().map((s) => s.definition)),
  ];
}

/**
 * One session's export row, every column present (empty when no value).
 *
 * @example
 * exportRowOf(data, surveys, exportColumns(surveys))['ch_c1']; // 'ok'
 */
export function exportRowOf(data: SessionData, surveys: SurveyIndex, columns: readonly string[]): Record<string, string> {
  const row: Record<string, string> = Object.fromEntries(columns.map((column) => [column, '']));
  return Object.assign(row, exportRow(data, surveys.get(data.session.surveyId, data.session.contentVersion)?.definition));
}

function exportRow(data: SessionData, definition: SurveyDefinition | undefined): Record<string, string> {
  const { session, questionnaire } = data;
  const answers = questionnaire?.answers ?? {};
  const row: Record<string, string> = {
    session_id: session.id,
    survey_id: session.surveyId,
    content_version: session.contentVersion,
    organisation: session.organisation ?? '',
    campaign: session.campaign ?? '',
    external_ref: session.externalRef ?? '',
    follow_up_code: session.followUpCode ?? '',
    device: session.device,
    lang: session.lang,
    started_at: new Date(session.startedAt).toISOString(),
    filled_by_mediator: flag(questionnaire?.filledByMediator === true),
    end_reason: session.endReason ?? COURSE_STATUS.inProgress,
    channel: session.channel ?? 'online',
    paper_date: session.paperDate ?? '',
    prefilled: (questionnaire?.prefilled ?? []).join('|'),
    ...officialCodes(answers, currentYearAt(session.startedAt)),
  };
  // Without its definition (removed from the server) only what needs no content is exported.
  if (!definition) return row;
  const testRun = definition.questionnaire ? isTestRun(definition.questionnaire, answers) : false;
  row['test_run'] = flag(testRun);
  for (const question of definition.questionnaire?.questions ?? []) {
    const answer = answers[question.id];
    if (answer !== undefined) row[`q_${question.id}`] = questionCell(answer);
    if (question.kind === 'commune' && isCommune(answer) && answer.test !== true && !testRun) {
      row['postal_code'] = answer.postalCode;
      row['department'] = answer.department;
      row['region'] = answer.region;
      row['epci'] = answer.epci ?? '';
    }
  }
  const outcome = sessionOutcome(definition, data);
  row['left_mid_course'] = flag(outcome.leftMidCourse);
  row['resumed'] = flag(outcome.resumed);
  row['interruptions'] = String(outcome.interruptions);
  row['test_time_seconds'] = String(Math.round(outcome.testTimeMs / 1000));
  outcome.courses.forEach((course, i) => {
    row[`course${i + 1}_id`] = course.courseId;
    row[`course${i + 1}_status`] = course.status;
    row[`course${i + 1}_success_rate`] = course.successRate === null ? '' : String(course.successRate);
    for (const challenge of course.challenges) row[`ch_${challenge.challengeId}`] = challenge.status ?? '';
  });
  // Time and who skipped, per challenge played (docs/outcomes.md, "Who skipped, and how long").
  const played = new Set(definition.courses.flatMap((course) => course.challenges));
  for (const answer of data.answers) {
    if (!played.has(answer.challengeId)) continue;
    const seconds = challengeSeconds(answer);
    row[`t_${answer.challengeId}`] = seconds === null ? '' : String(seconds);
    row[`skip_${answer.challengeId}`] = skippedBy(answer) ?? '';
  }
  Object.assign(row, modeCells(definition, data.answers));
  return row;
}

/** Option code; codes joined by `|`; the year; the commune's INSEE code, or `TEST`. */
function questionCell(answer: QuestionAnswer): string {
  if (typeof answer === 'string') return answer;
  if (typeof answer === 'number') return String(answer);
  if (Array.isArray(answer)) return answer.join('|');
  return isTestCommune(answer) ? testCommune().name : (answer as CommuneAnswer & { test?: false }).code;
}

function isCommune(answer: QuestionAnswer | undefined): answer is CommuneAnswer {
  return typeof answer === 'object' && answer !== null && !Array.isArray(answer);
}

function flag(value: boolean): string {
  return value ? '1' : '0';
}
