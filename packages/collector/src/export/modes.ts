/**
 * `mode_<challengeId>`: how the task was done (`drag`, `keyboard`, `tap`) for every challenge whose
 * answer carries it (core's `carriesMode`), so the analysis reads a drag apart from its keyboard
 * alternative (docs/export-format.md, "How the task was done").
 */
import type { SurveyDefinition } from '@observatoire/core';
import { answerMode, carriesMode } from '@observatoire/core/widget';
import type { AnswerRecord } from '../store/types.js';

/**
 * The mode columns of these definitions, in content order, each once.
 *
 * @example
 * modeColumns([observatoire2025]); // ['mode_glisser-photo']
 */
export function modeColumns(definitions: Iterable<SurveyDefinition>): string[] {
  const columns = new Set<string>();
  for (const definition of definitions) for (const challenge of definition.challenges) if (carriesMode(challenge)) columns.add(`mode_${challenge.id}`);
  return [...columns];
}

/**
 * A session's mode cells: the mode of each stored answer that says it (empty otherwise).
 *
 * @example
 * modeCells(definition, data.answers); // { 'mode_glisser-photo': 'drag' }
 */
export function modeCells(definition: SurveyDefinition, answers: readonly AnswerRecord[]): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const record of answers) {
    const challenge = definition.challenges.find((c) => c.id === record.challengeId);
    const mode = challenge && answerMode(challenge, record.answer);
    if (mode) cells[`mode_${record.challengeId}`] = mode;
  }
  return cells;
}
