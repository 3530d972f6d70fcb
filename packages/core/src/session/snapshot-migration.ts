/**
 * Snapshots saved by an earlier version of the session (docs/protocol.md, "Snapshots of an earlier
 * version"). A format-1 snapshot is brought to the current format when the mapping is certain: its
 * `start` gains the consent the survey element already required, its course statuses take the
 * outcome vocabulary, and questions renamed in the content under the same version take their new
 * id. The migrated log must then replay, under today's rules, to the same session: the same phase,
 * answers, results and event ids. Otherwise the snapshot is refused as `snapshot_outdated`.
 */
import { ProtocolError } from '../errors.js';
import { COURSE_STATUS } from '../outcome.js';
import { SNAPSHOT_FORMAT_VERSION } from './snapshot-format.js';

/**
 * Questions renamed inside one content version (docs/content.md, "Changelog"): a snapshot of that
 * survey and version gets the new ids. Keyed by `<surveyId>@<contentVersion>`.
 */
export const RENAMED_QUESTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'observatoire-2025@2025.2': { materiel: 'appareils', orientation: 'connu_par' },
};

/** Format 1 course statuses and their names in the outcome vocabulary (docs/outcomes.md, "Course statuses"). */
const COURSE_STATUS_V1: Readonly<Record<string, string>> = {
  pending: COURSE_STATUS.notReached,
  notReached: COURSE_STATUS.notReached,
  inProgress: COURSE_STATUS.inProgress,
  ended: COURSE_STATUS.ended,
};

type Json = Record<string, unknown>;

/**
 * A format-1 snapshot rewritten in format 2, before it is checked like any other: consent on
 * `start`, course statuses renamed, renamed questions. Anything it cannot read is left for the check.
 *
 * @example
 * migrateV1(JSON.parse(saved)).formatVersion; // 2
 */
export function migrateV1(snapshot: Json): Json {
  const renamed = RENAMED_QUESTIONS[`${String(snapshot['surveyId'])}@${String(snapshot['contentVersion'])}`] ?? {};
  const rename = (id: unknown) => (typeof id === 'string' && Object.hasOwn(renamed, id) ? renamed[id] : id);
  const state = isObject(snapshot['state']) ? snapshot['state'] : {};
  const events = Array.isArray(state['events']) ? state['events'] : [];
  const questionnaire = isObject(state['questionnaire']) ? state['questionnaire'] : undefined;
  const answers = questionnaire && isObject(questionnaire['answers']) ? questionnaire['answers'] : undefined;
  return {
    ...snapshot,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    state: {
      ...state,
      events: events.map((event: unknown) => {
        if (!isObject(event) || !isObject(event['action'])) return event;
        const action = event['action'];
        if (action['type'] === 'start') return { ...event, action: { ...action, consent: true } };
        if (action['type'] === 'answerQuestion') return { ...event, action: { ...action, questionId: rename(action['questionId']) } };
        return event;
      }),
      ...(questionnaire && {
        questionnaire: { ...questionnaire, ...(answers && { answers: Object.fromEntries(Object.entries(answers).map(([id, value]) => [rename(id), value])) }) },
      }),
      ...(Array.isArray(state['courses']) && {
        courses: state['courses'].map((course: unknown) =>
          isObject(course) && typeof course['status'] === 'string' ? { ...course, status: COURSE_STATUS_V1[course['status']] ?? course['status'] } : course,
        ),
      }),
    },
  };
}

/**
 * What must be the same in a migrated session and in the one its log replays to: where the person
 * is, what they answered, and each result's outcome and event id. Fields that format 2 adds or
 * computes anew (time limits, scored fields only, `timedOut`) are not compared.
 *
 * @example
 * firstDifference(sessionFacts(replayed), sessionFacts(stored), 'state');
 */
export function sessionFacts(state: Json): Json {
  const results = (course: Json) => (Array.isArray(course['results']) ? course['results'] : []).map((r: Json) => [r['challengeId'], r['status'], r['eventId']]);
  const questionnaire = isObject(state['questionnaire']) ? state['questionnaire'] : {};
  return {
    sessionId: state['sessionId'],
    phase: state['phase'],
    courseIndex: state['courseIndex'],
    interruptions: state['interruptions'],
    testRun: state['testRun'],
    endReason: state['endReason'],
    answers: questionnaire['answers'],
    locked: questionnaire['locked'],
    filledByMediator: questionnaire['filledByMediator'],
    courses: (Array.isArray(state['courses']) ? state['courses'] : []).map((course: Json) => [course['courseId'], course['status'], course['skippedRemaining'], results(course)]),
    current: isObject(state['current']) ? state['current']['challengeId'] : undefined,
  };
}

/**
 * The typed refusal of a snapshot of an earlier version that cannot be brought to today's rules.
 *
 * @example
 * throw outdated('state.events[9]: no_time_limit');
 */
export function outdated(reason: string): ProtocolError {
  return new ProtocolError(
    'snapshot_outdated',
    `this session was saved by an earlier version and cannot be resumed under the current rules (${reason}); start a new one`,
  );
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
