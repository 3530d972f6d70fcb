/**
 * A structure's participant progress (docs/outcomes.md, "Participant progress: stages and
 * workshop groups"): where each participant is in the survey, and groups of participants at the same
 * staircase level or who missed the same competence, to form workshops. Pure: the dashboard and
 * the collector read the same rules from here.
 */
import type { AnswerStatus } from './checking/types.js';
import type { Challenge, Skill } from './content/types.js';
import { COURSE_STATUS, hasEnded, staircaseLevel, type CourseOutcome, type SessionEndReason, type StaircaseLevel } from './outcome.js';

/**
 * Where a participant is, furthest first: `finished` (completed), `left` (quit at an end of
 * course), `course_reached` (a course started), `questionnaire_validated`, `started`.
 */
export type ParticipantStage = 'started' | 'questionnaire_validated' | 'course_reached' | 'finished' | 'left';

/** The stages in the order a participant goes through them (`left` is an end, like `finished`). */
export const PARTICIPANT_STAGES: readonly ParticipantStage[] = ['started', 'questionnaire_validated', 'course_reached', 'finished', 'left'];

/** What `participantStage` reads of a participant. */
export interface StageFacts {
  questionnaireValidated: boolean;
  endReason: SessionEndReason | null;
  courses: readonly CourseOutcome[];
}

/**
 * The furthest stage a participant reached.
 *
 * @example
 * participantStage({ questionnaireValidated: true, endReason: 'in_progress', courses: [{ courseId: 'c1', status: 'in_progress', successRate: null }] });
 * // 'course_reached'
 */
export function participantStage(facts: StageFacts): ParticipantStage {
  if (facts.endReason === 'completed') return 'finished';
  if (facts.endReason === 'quit') return 'left';
  if (facts.courses.some((course) => course.status !== COURSE_STATUS.notReached)) return 'course_reached';
  return facts.questionnaireValidated ? 'questionnaire_validated' : 'started';
}

/** A participant as the groups read them: an id and each course's outcome with its challenges. */
export interface GroupedParticipant {
  id: string;
  courses: readonly { courseId: string; status: CourseOutcome['status']; successRate: number | null; challenges: readonly { challengeId: string; status: AnswerStatus | null }[] }[];
}

/** Participants at one staircase level; `level: null` for those whose first course has not ended. */
export interface LevelGroup {
  level: StaircaseLevel | null;
  participants: string[];
}

/** Participants who missed at least one challenge of a competence (or of an area, for tags without competence). */
export interface CompetenceGroup {
  /** The competence code (`1.1`) or area code (`1`). */
  code: string;
  /** The lowest-level skill tag missed with this code: enough to name it (`skillName`). */
  skill: Skill;
  participants: string[];
}

export interface WorkshopGroups {
  /** Levels 0 to 3 in that order, then the participants without a level; empty groups left out. */
  byLevel: LevelGroup[];
  /** The most shared competence first (then by code); competences nobody missed left out. */
  byCompetence: CompetenceGroup[];
}

/**
 * A challenge is **missed** when it was played and not succeeded (`ko`, `aband`, `timedout`), or was
 * left unplayed in a course that ended (the mediator's skip). Unplayed challenges of a course still
 * running or not reached are not missed: nothing was tried yet.
 *
 * @example
 * isMissed('ended', null); // true
 * isMissed('in_progress', null); // false
 */
export function isMissed(courseStatus: CourseOutcome['status'], status: AnswerStatus | null): boolean {
  if (status === null) return hasEnded(courseStatus);
  return status !== 'ok';
}

/**
 * Sorts participants into groups by staircase level and by the competences they missed, to form
 * workshops. A participant is in one level group and in every group of a competence they missed.
 * Challenges without a skill tag name no competence.
 *
 * @example
 * const { byLevel, byCompetence } = workshopGroups(definition, participants);
 * byLevel[0]; // { level: 0, participants: ['p2', 'p5'] }
 * byCompetence[0]; // { code: '1.1', skill: { area: '1', competence: '1.1', level: 1 }, participants: ['p2', 'p3', 'p5'] }
 */
export function workshopGroups(definition: { challenges: readonly Pick<Challenge, 'id' | 'skill'>[] }, participants: readonly GroupedParticipant[]): WorkshopGroups {
  const skills = new Map(definition.challenges.map((challenge) => [challenge.id, challenge.skill]));
  const levels = new Map<StaircaseLevel | null, string[]>();
  const competences = new Map<string, CompetenceGroup>();
  for (const participant of participants) {
    const level = staircaseLevel(participant.courses) ?? null;
    levels.set(level, [...(levels.get(level) ?? []), participant.id]);
    const missed = new Map<string, Skill>();
    for (const course of participant.courses)
      for (const challenge of course.challenges) {
        const skill = skills.get(challenge.challengeId);
        if (!skill || !isMissed(course.status, challenge.status)) continue;
        const code = skill.competence ?? skill.area;
        const known = missed.get(code);
        if (!known || skill.level < known.level) missed.set(code, skill);
      }
    for (const [code, skill] of missed) {
      const group = competences.get(code);
      if (!group) competences.set(code, { code, skill, participants: [participant.id] });
      else {
        group.participants.push(participant.id);
        if (skill.level < group.skill.level) group.skill = skill;
      }
    }
  }
  const order: (StaircaseLevel | null)[] = [0, 1, 2, 3, null];
  return {
    byLevel: order.filter((level) => levels.has(level)).map((level) => ({ level, participants: levels.get(level) ?? [] })),
    byCompetence: [...competences.values()].sort((a, b) => b.participants.length - a.participants.length || compareCodes(a.code, b.code)),
  };
}

/** `1.2` before `1.10`: codes compared part by part as numbers. */
function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** What changed between two readings of a campaign's participants (`stageChanges`). */
export interface StageChanges {
  /** Participants not in the first reading. */
  joined: number;
  /** Participants who moved to each stage (new participants counted at theirs); unchanged ones not counted. */
  moved: Record<ParticipantStage, number>;
}

/**
 * What changed between two readings of a campaign's participants, for a short spoken summary
 * (docs/dashboard.md, "Live updates"): how many joined, and how many reached each stage.
 *
 * @example
 * stageChanges([{ id: 'a', stage: 'started' }], [{ id: 'a', stage: 'course_reached' }, { id: 'b', stage: 'started' }]);
 * // { joined: 1, moved: { started: 1, questionnaire_validated: 0, course_reached: 1, finished: 0, left: 0 } }
 */
export function stageChanges(before: readonly { id: string; stage: ParticipantStage }[], after: readonly { id: string; stage: ParticipantStage }[]): StageChanges {
  const was = new Map(before.map((p) => [p.id, p.stage]));
  const moved = Object.fromEntries(PARTICIPANT_STAGES.map((stage) => [stage, 0])) as Record<ParticipantStage, number>;
  let joined = 0;
  for (const participant of after) {
    const previous = was.get(participant.id);
    if (previous === undefined) joined += 1;
    if (previous !== participant.stage) moved[participant.stage] += 1;
  }
  return { joined, moved };
}
