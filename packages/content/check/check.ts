/**
 * `npm run content:check` (docs/content.md, "Checking content"): every definition of a content folder
 * (`surveys/*.json`, `adaptive/*.json`) checked at once, with a one-page summary per instrument.
 *
 * Checks: the schema and cross-references (core's parsers), the content rules of `rules.ts`
 * (translations, codes against the official lists and the export format, pictures and their alternative
 * text, widget configurations), the staircase (each course harder than the one before on the level tags),
 * no item shared between instruments (same id or same instruction), and the reading score of every
 * instruction of the surveys.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError, type Challenge, type SurveyDefinition } from '@observatoire/core';
import { parseSurveyDefinition, readingScore } from '@observatoire/core/validate';
import { parseAdaptiveBank, type AdaptiveBank } from '@observatoire/core/adaptive';
import { contentProblems } from './rules.js';

/** Instructions of the surveys must read at least this easily (Kandel–Moles; 60 to 70 is ordinary prose). */
export const MIN_READING_SCORE = 50;

export interface ContentReport {
  /** `file: path: message`, empty when everything passes. */
  problems: string[];
  /** One block of text per instrument. */
  summaries: string[];
}

interface Instrument {
  file: string;
  id: string;
  challenges: readonly Challenge[];
  survey?: SurveyDefinition;
  bank?: AdaptiveBank;
}

/**
 * Check every definition of a content folder (a folder holding `surveys/` and `adaptive/`).
 *
 * @example
 * const { problems, summaries } = checkContent('packages/content/');
 * if (problems.length > 0) process.exitCode = 1;
 */
export function checkContent(dir: string): ContentReport {
  const root = dir.endsWith('/') ? dir : `${dir}/`;
  const problems: string[] = [];
  const instruments: Instrument[] = [];
  const load = (folder: string, parse: (json: unknown) => Instrument | undefined) => {
    for (const name of list(join(root, folder))) {
      const file = `${folder}/${name}`;
      try {
        const instrument = parse(JSON.parse(readFileSync(join(root, file), 'utf8')));
        if (instrument) instruments.push({ ...instrument, file });
      } catch (error) {
        if (error instanceof ContentError) for (const issue of error.issues) problems.push(`${file}: ${issue.path || '(root)'}: ${issue.message}`);
        else problems.push(`${file}: ${(error as Error).message}`);
      }
    }
  };
  load('surveys', (json) => {
    const survey = parseSurveyDefinition(json);
    return { file: '', id: survey.id, challenges: survey.challenges, survey };
  });
  load('adaptive', (json) => {
    const bank = parseAdaptiveBank(json);
    return { file: '', id: bank.id, challenges: bank.items.map((item) => item.challenge), bank };
  });

  for (const { file, survey } of instruments) {
    if (!survey) continue;
    for (const problem of contentProblems(survey, root)) problems.push(`${file}: ${problem}`);
    for (const problem of staircaseProblems(survey)) problems.push(`${file}: ${problem}`);
    survey.challenges.forEach((challenge, i) => {
      const { score } = readingScore(challenge.instruction.fr);
      if (score < MIN_READING_SCORE)
        problems.push(`${file}: challenges[${i}].instruction.fr: reading score ${score}, under ${MIN_READING_SCORE}: shorter sentences, shorter words`);
    });
  }
  problems.push(...sharedItems(instruments));
  return { problems, summaries: instruments.map(summary) };
}

function list(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return [];
  }
}

function levelsOf(survey: SurveyDefinition): number[][] {
  const byId = new Map(survey.challenges.map((c) => [c.id, c]));
  return survey.courses.map((course) => course.challenges.map((id) => byId.get(id)?.skill?.level ?? 0));
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/** Course n+1 is harder than course n on the tags: a higher mean level, and neither a lower floor nor a lower ceiling. */
export function staircaseProblems(survey: SurveyDefinition): string[] {
  const levels = levelsOf(survey);
  const problems: string[] = [];
  for (let n = 1; n < levels.length; n++) {
    const before = levels[n - 1] ?? [];
    const after = levels[n] ?? [];
    const path = `courses[${n}]`;
    if (!(mean(after) > mean(before)))
      problems.push(`${path}: mean level ${mean(after).toFixed(2)} is not above the previous course's ${mean(before).toFixed(2)}`);
    else if (Math.min(...after) < Math.min(...before) || Math.max(...after) < Math.max(...before))
      problems.push(`${path}: levels ${Math.min(...after)}–${Math.max(...after)} go below the previous course's ${Math.min(...before)}–${Math.max(...before)}`);
  }
  return problems;
}

/** The same item in two instruments (same id, or same French instruction) would be met twice. */
function sharedItems(instruments: readonly Instrument[]): string[] {
  const problems: string[] = [];
  const seenId = new Map<string, string>();
  const seenText = new Map<string, string>();
  for (const { file, id, challenges } of instruments) {
    for (const challenge of challenges) {
      const text = challenge.instruction.fr.trim().toLowerCase();
      const otherId = seenId.get(challenge.id);
      const otherText = seenText.get(text);
      if (otherId && otherId !== id) problems.push(`${file}: challenge "${challenge.id}" is also an item of ${otherId}`);
      else if (otherText && otherText !== id) problems.push(`${file}: challenge "${challenge.id}" has the same instruction as an item of ${otherText}`);
    }
    for (const challenge of challenges) {
      seenId.set(challenge.id, id);
      seenText.set(challenge.instruction.fr.trim().toLowerCase(), id);
    }
  }
  return problems;
}

function summary({ file, id, challenges, survey, bank }: Instrument): string {
  const scores = challenges.map((c) => readingScore(c.instruction.fr).score);
  const competences = [...new Set(challenges.map((c) => c.skill?.competence ?? c.skill?.area ?? '?'))].sort();
  const lines = [
    `${id} (${file})${survey ? ` version ${survey.version}, ${survey.provenance.status} by ${survey.provenance.author}` : ''}${
      bank ? ` version ${bank.version}, ${bank.provenance.status} by ${bank.provenance.author}, parameters ${bank.provenance.parameters}` : ''
    }`,
    `  items ${challenges.length}; competences ${competences.join(' ')}; reading score min ${Math.min(...scores)}, mean ${Math.round(mean(scores))}`,
  ];
  if (survey) {
    levelsOf(survey).forEach((levels, n) => {
      const course = survey.courses[n];
      const ids = course?.challenges ?? [];
      const courseScores = ids.map((cid) => readingScore(survey.challenges.find((c) => c.id === cid)?.instruction.fr ?? '').score);
      lines.push(`  ${course?.id}: ${ids.length} items, levels ${levels.join(' ')} (mean ${mean(levels).toFixed(2)}), reading ${courseScores.join(' ')}`);
    });
    for (const capacity of survey.capacities ?? [])
      lines.push(`  capacity ${capacity.id}: ${survey.challenges.filter((c) => c.capacity === capacity.id).length} items`);
  } else {
    const low = challenges.filter((c) => readingScore(c.instruction.fr).score < MIN_READING_SCORE).map((c) => c.id);
    if (low.length > 0) lines.push(`  reading score under ${MIN_READING_SCORE} (not enforced for a bank): ${low.join(' ')}`);
  }
  return lines.join('\n');
}
