/**
 * Saving and restoring a session. A snapshot is plain JSON (it goes to `localStorage` or the
 * collector), so on the way back in it is untrusted: its shape and its consistency with the
 * definition are checked before it becomes a state again.
 */
import * as z from 'zod/mini';
import type { SurveyDefinition } from '../content/types.js';
import { formatPath, ProtocolError } from '../errors.js';
import { sessionIdFromSeed } from './random.js';
import { deepFreeze, normalizeAction } from './transition.js';
import type { SessionSnapshot, SessionState } from './types.js';

const Time = z.number();
const Count = z.number().check(z.int(), z.gte(0));
const Actor = z.enum(['participant', 'mediator']);

const QuestionAnswer = z.union([
  z.string(),
  z.number(),
  z.array(z.string()),
  z.record(z.string(), z.union([z.string(), z.boolean()])),
]);

const ChallengeResult = z.strictObject({
  challengeId: z.string(),
  status: z.enum(['ok', 'ko', 'aband', 'timedout']),
  answer: z.optional(z.union([z.string(), z.record(z.string(), z.string())])),
  details: z.strictObject({ keys: z.optional(z.record(z.string(), z.enum(['ok', 'ko']))) }),
  startedAt: Time,
  answeredAt: Time,
  durationMs: Time,
  actor: Actor,
  eventId: z.string(),
  skippedRemaining: z.optional(z.boolean()),
});

const State = z.strictObject({
  sessionId: z.string(),
  surveyId: z.string(),
  contentVersion: z.string(),
  phase: z.enum(['information', 'questionnaire', 'review', 'validated', 'course', 'endOfCourse', 'finished']),
  startedAt: Time,
  questionnaire: z.strictObject({
    answers: z.record(z.string(), QuestionAnswer),
    filledByMediator: z.boolean(),
    locked: z.boolean(),
    validatedAt: z.optional(Time),
  }),
  testRun: z.boolean(),
  courses: z.array(
    z.strictObject({
      courseId: z.string(),
      status: z.enum(['pending', 'inProgress', 'ended', 'notReached']),
      startedAt: z.optional(Time),
      endedAt: z.optional(Time),
      results: z.array(ChallengeResult),
      skippedRemaining: z.boolean(),
    }),
  ),
  courseIndex: z.number().check(z.int(), z.gte(-1)),
  current: z.optional(
    z.strictObject({
      challengeId: z.string(),
      index: Count,
      startedAt: Time,
      proposalOrder: z.optional(z.array(z.number().check(z.int(), z.gte(1)))),
    }),
  ),
  endReason: z.optional(z.enum(['completed', 'quit'])),
  interruptions: Count,
  events: z.array(
    z.strictObject({
      id: z.string(),
      seq: z.number().check(z.int(), z.gte(1)),
      at: Time,
      actor: Actor,
      action: z.looseObject({ type: z.string() }),
    }),
  ),
});

const Snapshot = z.strictObject({
  format: z.literal('observatoire-session'),
  formatVersion: z.literal(1),
  surveyId: z.string(),
  contentVersion: z.string(),
  seed: z.string(),
  state: State,
});

/**
 * The snapshot of a session: everything needed to restore it exactly.
 *
 * @example
 * localStorage.setItem('observatoire', JSON.stringify(toSnapshot(seed, state)));
 */
export function toSnapshot(seed: string, state: SessionState): SessionSnapshot {
  return { format: 'observatoire-session', formatVersion: 1, surveyId: state.surveyId, contentVersion: state.contentVersion, seed, state };
}

/**
 * Check a snapshot read back from storage and return its seed and a frozen copy of its state.
 *
 * @example
 * const { seed, state } = readSnapshot(definition, JSON.parse(localStorage.getItem('observatoire')!));
 * @throws {ProtocolError} `invalid_snapshot` when it is not a (sound) session snapshot,
 *   `restore_mismatch` when it belongs to another survey or content version.
 */
export function readSnapshot(definition: SurveyDefinition, input: unknown): { seed: string; state: SessionState } {
  if (typeof input !== 'object' || input === null || (input as { format?: unknown }).format !== 'observatoire-session')
    throw invalid('not a session snapshot (expected format "observatoire-session")');
  const header = input as { formatVersion?: unknown; surveyId?: unknown; contentVersion?: unknown };
  if (header.formatVersion !== 1) throw invalid(`unsupported snapshot formatVersion ${JSON.stringify(header.formatVersion)} (expected 1)`);
  if (header.surveyId !== definition.id || header.contentVersion !== definition.version)
    throw new ProtocolError(
      'restore_mismatch',
      `the snapshot is of survey "${String(header.surveyId)}" version "${String(header.contentVersion)}", not "${definition.id}" version "${definition.version}"`,
    );
  const parsed = Snapshot.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`${formatPath(issue?.path ?? []) || 'snapshot'}: ${issue?.message ?? 'invalid'}`);
  }
  // Validated; work on a JSON copy of the input itself so no key is added or lost.
  const snapshot = JSON.parse(JSON.stringify(input)) as SessionSnapshot;
  const { seed, state } = snapshot;
  const problem = inconsistency(definition, snapshot);
  if (problem) throw invalid(problem);
  return { seed, state: deepFreeze(state) };
}

/** What in a well-formed snapshot does not fit together or with the definition, if anything. */
function inconsistency(definition: SurveyDefinition, { seed, surveyId, contentVersion, state }: SessionSnapshot): string | null {
  if (state.surveyId !== surveyId || state.contentVersion !== contentVersion) return 'state.surveyId/contentVersion differ from the snapshot header';
  if (state.sessionId !== sessionIdFromSeed(seed)) return 'state.sessionId does not come from the snapshot seed';
  const courseIds = definition.courses.map((course) => course.id);
  if (state.courses.length !== courseIds.length || state.courses.some((course, i) => course.courseId !== courseIds[i]))
    return `state.courses must be the definition's courses (${courseIds.join(', ')})`;
  if (state.courseIndex >= courseIds.length) return `state.courseIndex ${state.courseIndex} is past the last course`;
  if (state.phase === 'course') {
    const course = definition.courses[state.courseIndex];
    if (!course || !state.current || course.challenges[state.current.index] !== state.current.challengeId)
      return 'state.current must be a challenge of the running course';
  } else if (state.current) return `state.current must be absent in phase "${state.phase}"`;
  if (!definition.questionnaire && ['questionnaire', 'review', 'validated'].includes(state.phase))
    return `phase "${state.phase}" but the definition has no questionnaire`;
  for (const [i, event] of state.events.entries()) {
    if (event.seq !== i + 1 || event.id !== `${state.sessionId}-${event.seq}`) return `state.events[${i}]: seq and id must follow the log order`;
    try {
      normalizeAction(event.action);
    } catch (error) {
      return `state.events[${i}].action: ${(error as Error).message}`;
    }
  }
  return null;
}

function invalid(message: string): ProtocolError {
  return new ProtocolError('invalid_snapshot', message);
}
