/**
 * What the referral sheet says, from the session state and the definition (docs/player.md,
 * "<obs-referral-sheet>"). Pure. Only valorising facts about what was done (never a rate or a count of
 * misses); the competences to work on are those of the results card's next step (the first course
 * not passed), named in words; a competence without a name is left out rather than shown as a code.
 */
import { COURSE_STATUS, type Challenge, type Link, type LocalizedText, type SessionState, type SurveyDefinition } from '@observatoire/core';
import { skillName } from '../shared/skill-name.js';
import { courseSummaries, nextStep } from '../shared/course-summary.js';

/** The content's links that fit on the page beside the structure's. */
export const MAX_RESOURCES = 4;

export interface ReferralContent {
  /** Titles of the courses passed. */
  coursesPassed: LocalizedText[];
  /** Names of the competences of the challenges succeeded. */
  strengths: LocalizedText[];
  /** Names of the competences to work on next. */
  toWork: LocalizedText[];
  /** The content's tutorials and "learn more" links of the challenges to work on, each once. */
  resources: Link[];
}

/**
 * @example
 * referralContent(definition, state);
 * // { coursesPassed: [{ fr: 'Manipuler', … }], strengths: [{ fr: 'Évoluer dans un environnement numérique', … }], toWork: […], resources: [{ title: …, url: 'https://lesbonsclics.fr' }] }
 */
export function referralContent(definition: SurveyDefinition, state: SessionState): ReferralContent {
  const challenge = new Map(definition.challenges.map((c) => [c.id, c]));
  const succeeded = new Set(state.courses.flatMap((course) => course.results.filter((r) => r.status === 'ok').map((r) => r.challengeId)));
  const named = (challenges: (Challenge | undefined)[]) =>
    distinct(challenges.flatMap((c) => (c?.skill ? [skillName(definition, c.skill)] : [])).filter((name) => name !== undefined), (name) => name.fr);
  const next = nextStep(definition, state);
  // As for the next step's skills: a course never started has nothing missed (docs/player.md).
  const started = state.courses.some((p) => p.courseId === next?.courseId && p.status !== COURSE_STATUS.notReached);
  const missed = started ? (definition.courses.find((c) => c.id === next?.courseId)?.challenges ?? []).filter((id) => !succeeded.has(id)) : [];
  const links = missed.flatMap((id) => [...(challenge.get(id)?.help?.tutorials ?? []), ...(challenge.get(id)?.help?.learnMore ?? [])]);
  return {
    coursesPassed: courseSummaries(definition, state).filter((summary) => summary.passed).map((summary) => summary.title),
    strengths: named([...succeeded].map((id) => challenge.get(id))),
    toWork: distinct((next?.skills ?? []).map((skill) => skillName(definition, skill)).filter((name) => name !== undefined), (name) => name.fr),
    resources: distinct(links, (link) => link.url).slice(0, MAX_RESOURCES),
  };
}

/** Each item once, in order of first appearance. */
function distinct<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}
