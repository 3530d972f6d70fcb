/**
 * Loading content: structure first (zod), then cross-references. Every problem
 * comes back at once, each with its path, in a `ContentError`.
 */
import type * as z from 'zod/mini';
import { ContentError, formatPath, type ContentIssue } from '../errors.js';
import * as S from './schema.js';
import type { Challenge, Input, SurveyDefinition } from './types.js';

/**
 * Validate a survey definition (an object, or its JSON text) and return it with defaults filled in.
 *
 * @example
 * const definition = parseSurveyDefinition(await (await fetch('/survey.json')).json());
 * definition.chaining.successThreshold; // SUCCESS_THRESHOLD unless the content says otherwise
 * @throws {ContentError} naming each path and broken rule, e.g. `courses[1].challenges[3]: unknown challenge id "x"`.
 */
export function parseSurveyDefinition(json: unknown): SurveyDefinition {
  const definition = parseWith(S.SurveyDefinition, json);
  const issues = crossReferenceIssues(definition);
  if (issues.length > 0) throw new ContentError(issues);
  return definition;
}

/**
 * Validate one challenge.
 *
 * @example
 * const challenge = parseChallenge({ id: 'c1', type: 'QROC', instruction: { fr: '…', en: '…' },
 *   inputs: [{ key: 'r', label: { fr: 'Réponse', en: 'Answer' } }], solution: ['7'] });
 * @throws {ContentError}
 */
export function parseChallenge(json: unknown): Challenge {
  const challenge = parseWith(S.Challenge, json);
  const issues = challengeIssues(challenge, '');
  if (issues.length > 0) throw new ContentError(issues);
  return challenge;
}

function parseWith<T extends z.ZodMiniType>(schema: T, json: unknown): z.output<T> {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new ContentError([{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new ContentError(result.error.issues.map(toContentIssue));
  return result.data as z.output<T>;
}

type ZodIssue = z.core.$ZodIssue;

/** A zod issue as a content issue: its path written out, its message in plain words. */
export function toContentIssue(issue: ZodIssue): ContentIssue {
  return { path: formatPath(issue.path), message: describe(issue) };
}

function describe(issue: ZodIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `is required (${issue.expected})` : `must be a ${issue.expected}, not ${typeOf(issue.input)}`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `must be at least ${String(issue.minimum)}${issue.origin === 'array' ? ' item(s)' : ''}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${issue.origin === 'array' ? ' item(s)' : issue.origin === 'string' ? ' characters' : ''}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union':
      return 'does not match any allowed kind (check its "type" or "kind")';
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return 'is not valid';
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function duplicates(ids: readonly string[], at: (index: number) => string, what: string): ContentIssue[] {
  const seen = new Set<string>();
  const issues: ContentIssue[] = [];
  ids.forEach((id, index) => {
    if (seen.has(id)) issues.push({ path: at(index), message: `duplicate ${what} "${id}"` });
    seen.add(id);
  });
  return issues;
}

/** Rules inside one challenge that the schema alone cannot state. */
function challengeIssues(challenge: Challenge, prefix: string): ContentIssue[] {
  const at = (path: string) => (prefix ? `${prefix}.${path}` : path);
  const issues: ContentIssue[] = [];
  switch (challenge.type) {
    case 'QCU':
      if (challenge.solution > challenge.proposals.length)
        issues.push({ path: at('solution'), message: `proposal ${challenge.solution} does not exist (${challenge.proposals.length} proposals)` });
      break;
    case 'QCM':
      challenge.solution.forEach((index, i) => {
        if (index > challenge.proposals.length)
          issues.push({ path: at(`solution[${i}]`), message: `proposal ${index} does not exist (${challenge.proposals.length} proposals)` });
      });
      issues.push(...duplicates(challenge.solution.map(String), (i) => at(`solution[${i}]`), 'proposal'));
      break;
    case 'QROC':
      issues.push(...inputIssues(challenge.inputs, at));
      issues.push(...selectValueIssues(challenge.inputs[0], challenge.solution, at('solution')));
      break;
    case 'QROCM-dep':
      issues.push(...inputIssues(challenge.inputs, at));
      break;
    case 'QROCM-ind': {
      issues.push(...inputIssues(challenge.inputs, at));
      const keys = new Set(challenge.inputs.map((input) => input.key));
      for (const key of keys)
        if (!Object.hasOwn(challenge.solution, key)) issues.push({ path: at('solution'), message: `no accepted value for input "${key}"` });
      for (const key of Object.keys(challenge.solution))
        if (!keys.has(key)) issues.push({ path: at(`solution.${key}`), message: `unknown input "${key}"` });
      for (const input of challenge.inputs)
        if (Object.hasOwn(challenge.solution, input.key))
          issues.push(...selectValueIssues(input, challenge.solution[input.key] ?? [], at(`solution.${input.key}`)));
      break;
    }
    case 'interactive':
      if (Object.keys(challenge.solution).length === 0)
        issues.push({ path: at('solution'), message: 'needs at least 1 expected value reported by the widget' });
      break;
  }
  if (challenge.type === 'QROCM-dep' && challenge.solution.length < challenge.inputs.length)
    issues.push({ path: at('solution'), message: `${challenge.inputs.length} inputs need at least ${challenge.inputs.length} groups` });
  return issues;
}

function inputIssues(inputs: readonly Input[], at: (path: string) => string): ContentIssue[] {
  const issues = duplicates(inputs.map((input) => input.key), (i) => at(`inputs[${i}].key`), 'input key');
  inputs.forEach((input, i) => {
    if (input.kind === 'select' && !input.options)
      issues.push({ path: at(`inputs[${i}].options`), message: 'a select input needs options' });
  });
  return issues;
}

/** A select input can only ever be answered with one of its options. */
function selectValueIssues(input: Input | undefined, accepted: readonly string[], path: string): ContentIssue[] {
  if (input?.kind !== 'select' || !input.options) return [];
  const values = new Set(input.options.map((option) => option.value));
  return accepted
    .map((value, i) => ({ value, i }))
    .filter(({ value }) => !values.has(value))
    .map(({ value, i }) => ({ path: `${path}[${i}]`, message: `"${value}" is not one of the options of input "${input.key}"` }));
}

function crossReferenceIssues(definition: SurveyDefinition): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const challengeIds = new Set(definition.challenges.map((c) => c.id));
  issues.push(...duplicates(definition.challenges.map((c) => c.id), (i) => `challenges[${i}].id`, 'challenge id'));
  definition.challenges.forEach((challenge, i) => issues.push(...challengeIssues(challenge, `challenges[${i}]`)));
  issues.push(...duplicates(definition.courses.map((c) => c.id), (i) => `courses[${i}].id`, 'course id'));
  const used = new Map<string, string>();
  definition.courses.forEach((course, c) => {
    course.challenges.forEach((id, i) => {
      const path = `courses[${c}].challenges[${i}]`;
      if (!challengeIds.has(id)) issues.push({ path, message: `unknown challenge id "${id}"` });
      else if (used.has(id)) issues.push({ path, message: `challenge "${id}" is already played at ${used.get(id)}` });
      else used.set(id, path);
    });
  });
  issues.push(...capacityIssues(definition));
  issues.push(...skillNameIssues(definition));
  const questions = definition.questionnaire?.questions ?? [];
  issues.push(...duplicates(questions.map((q) => q.id), (i) => `questionnaire.questions[${i}].id`, 'question id'));
  questions.forEach((question, q) => {
    const path = `questionnaire.questions[${q}]`;
    if ('options' in question)
      issues.push(...duplicates(question.options.map((o) => o.code), (i) => `${path}.options[${i}].code`, 'option code'));
    if (question.kind === 'year' && question.max !== undefined && question.max < question.min)
      issues.push({ path: `${path}.max`, message: `must not be below min (${question.min})` });
    const condition = question.visibleWhen;
    if (!condition) return;
    const targetIndex = questions.findIndex((other) => other.id === condition.question);
    const target = questions[targetIndex];
    if (!target) {
      issues.push({ path: `${path}.visibleWhen.question`, message: `unknown question id "${condition.question}"` });
    } else if (targetIndex >= q) {
      issues.push({ path: `${path}.visibleWhen.question`, message: `"${condition.question}" must come before the question it conditions` });
    } else if (!('options' in target)) {
      issues.push({ path: `${path}.visibleWhen.question`, message: `"${condition.question}" has no options to depend on` });
    } else {
      const codes = new Set(target.options.map((o) => o.code));
      condition.anyOf.forEach((code, i) => {
        if (!codes.has(code))
          issues.push({ path: `${path}.visibleWhen.anyOf[${i}]`, message: `unknown option code "${code}" of question "${condition.question}"` });
      });
    }
  });
  return issues;
}

/** With named competences, each is named once and every skill tag's competence (or area) has its name. */
function skillNameIssues(definition: SurveyDefinition): ContentIssue[] {
  const names = definition.competences;
  if (!names) return [];
  const issues = duplicates(names.map((n) => n.code), (i) => `competences[${i}].code`, 'competence code');
  const codes = new Set(names.map((n) => n.code));
  definition.challenges.forEach((challenge, i) => {
    const skill = challenge.skill;
    if (!skill) return;
    const [key, code] = skill.competence !== undefined ? ['competence', skill.competence] : ['area', skill.area];
    if (!codes.has(code)) issues.push({ path: `challenges[${i}].skill.${key}`, message: `"${code}" has no name in competences` });
  });
  return issues;
}

/** With capacities, every challenge counts for one of them; without, no challenge names one. */
function capacityIssues(definition: SurveyDefinition): ContentIssue[] {
  const capacities = definition.capacities ?? [];
  const issues = duplicates(capacities.map((c) => c.id), (i) => `capacities[${i}].id`, 'capacity id');
  const ids = new Set(capacities.map((c) => c.id));
  definition.challenges.forEach((challenge, i) => {
    const path = `challenges[${i}].capacity`;
    if (challenge.capacity === undefined) {
      if (capacities.length > 0) issues.push({ path, message: 'is required when the definition has capacities' });
    } else if (!ids.has(challenge.capacity)) issues.push({ path, message: `unknown capacity "${challenge.capacity}"` });
  });
  capacities.forEach((capacity, i) => {
    if (!definition.challenges.some((c) => c.capacity === capacity.id))
      issues.push({ path: `capacities[${i}]`, message: `no challenge counts for capacity "${capacity.id}"` });
  });
  return issues;
}
