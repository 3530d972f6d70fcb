import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AnswerStatus } from './checking/types.js';
import { isMissed, participantStage, stageChanges, workshopGroups, type GroupedParticipant, type ParticipantStage, type StageFacts } from './participant-progress.js';
import type { CourseStatus, SessionEndReason } from './outcome.js';

describe('a participant stage is the furthest one reached (docs/outcomes.md, "Participant progress")', () => {
  const running = (status: CourseStatus) => [{ courseId: 'c1', status, successRate: null }];
  const facts = (questionnaireValidated: boolean, endReason: SessionEndReason | null, courses: StageFacts['courses'] = []): StageFacts => ({ questionnaireValidated, endReason, courses });
  const cases: [string, StageFacts, ParticipantStage][] = [
    ['a session only created', facts(false, null), 'started'],
    ['a session still in progress without questionnaire', facts(false, 'in_progress'), 'started'],
    ['the questionnaire validated, no course started', facts(true, 'in_progress', running('not_reached')), 'questionnaire_validated'],
    ['a course in progress', facts(true, 'in_progress', running('in_progress')), 'course_reached'],
    ['a course ended, the next not started', facts(true, 'in_progress', running('ended')), 'course_reached'],
    ['completed after the last course', facts(true, 'completed', running('ended')), 'finished'],
    ['quit at an end of course', facts(true, 'quit', running('ended')), 'left'],
  ];
  for (const [name, given, expected] of cases) test(name, () => assert.equal(participantStage(given), expected));
});

describe('a missed challenge was tried and not succeeded, or left unplayed by an ended course', () => {
  const cases: [CourseStatus, AnswerStatus | null, boolean, string][] = [
    ['ended', 'ok', false, 'succeeded'],
    ['ended', 'ko', true, 'wrong'],
    ['ended', 'aband', true, 'skipped by the participant'],
    ['in_progress', 'timedout', true, 'out of time, course still running'],
    ['skipped_remaining', null, true, 'skipped by the mediator'],
    ['ended', null, true, 'unplayed in an ended course'],
    ['in_progress', null, false, 'not yet played'],
    ['not_reached', null, false, 'course not reached'],
  ];
  for (const [course, status, expected, why] of cases) test(`${why}: ${expected ? 'missed' : 'not missed'}`, () => assert.equal(isMissed(course, status), expected));
});

describe('workshop groups: by staircase level and by missed competence', () => {
  const definition = {
    challenges: [
      { id: 'a1', skill: { area: '1', competence: '1.1', level: 2 } },
      { id: 'a2', skill: { area: '1', competence: '1.1', level: 1 } },
      { id: 'a3', skill: { area: '2', competence: '2.1', level: 1 } },
      { id: 'b1', skill: { area: '1', competence: '1.10', level: 1 } },
      { id: 'b2', skill: { area: '5', level: 1 } },
      { id: 'b3' },
    ],
  };
  type Play = Record<string, AnswerStatus | null>;
  const course = (courseId: string, status: CourseStatus, plays: Play) => {
    const statuses = Object.values(plays);
    const ended = status === 'ended' || status === 'skipped_remaining';
    return {
      courseId,
      status,
      successRate: ended ? statuses.filter((s) => s === 'ok').length / statuses.length : null,
      challenges: Object.entries(plays).map(([challengeId, s]) => ({ challengeId, status: s })),
    };
  };
  const notReached = course('c2', 'not_reached', { b1: null, b2: null, b3: null });
  const p = (id: string, ...courses: GroupedParticipant['courses'][number][]): GroupedParticipant => ({ id, courses });
  const perfect = course('c1', 'ended', { a1: 'ok', a2: 'ok', a3: 'ok' });
  const participants = [
    p('level-0', course('c1', 'ended', { a1: 'ko', a2: 'ok', a3: 'aband' }), notReached),
    p('level-2', perfect, course('c2', 'ended', { b1: 'ok', b2: 'ok', b3: 'ok' })),
    p('level-1', perfect, course('c2', 'skipped_remaining', { b1: 'ko', b2: null, b3: null })),
    p('running', course('c1', 'in_progress', { a1: 'ko', a2: null, a3: null }), notReached),
    p('second-level-0', course('c1', 'ended', { a1: 'ok', a2: 'timedout', a3: 'ko' }), notReached),
  ];
  const groups = workshopGroups(definition, participants);

  test('levels from 0 up, participants without a level last, empty levels left out', () =>
    assert.deepEqual(groups.byLevel, [
      { level: 0, participants: ['level-0', 'second-level-0'] },
      { level: 1, participants: ['level-1'] },
      { level: 2, participants: ['level-2'] },
      { level: null, participants: ['running'] },
    ]));

  test('a competence groups everyone who missed one of its challenges, the most shared first, then by code as numbers', () =>
    assert.deepEqual(
      groups.byCompetence.map((g) => [g.code, g.participants]),
      [
        ['1.1', ['level-0', 'running', 'second-level-0']],
        ['2.1', ['level-0', 'second-level-0']],
        ['1.10', ['level-1']],
        ['5', ['level-1']],
      ],
    ));

  test('each competence keeps its lowest-level skill tag missed', () =>
    assert.deepEqual(groups.byCompetence[0]?.skill, { area: '1', competence: '1.1', level: 1 }));

  test('challenges without a skill tag and unplayed challenges of a running course name no competence', () => {
    const only = workshopGroups(definition, [p('x', perfect, course('c2', 'in_progress', { b1: 'ok', b2: null, b3: 'ko' }))]);
    assert.deepEqual(only.byCompetence, []);
    assert.deepEqual(only.byLevel, [{ level: 1, participants: ['x'] }]);
  });

  test('no participant: no group', () => assert.deepEqual(workshopGroups(definition, []), { byLevel: [], byCompetence: [] }));
});

describe('changes between two readings of a campaign', () => {
  const none = { started: 0, questionnaire_validated: 0, course_reached: 0, finished: 0, left: 0 };
  const cases: [string, Parameters<typeof stageChanges>[0], Parameters<typeof stageChanges>[1], ReturnType<typeof stageChanges>][] = [
    ['nothing changed', [{ id: 'a', stage: 'started' }], [{ id: 'a', stage: 'started' }], { joined: 0, moved: none }],
    ['a new participant counts at its stage', [], [{ id: 'a', stage: 'questionnaire_validated' }], { joined: 1, moved: { ...none, questionnaire_validated: 1 } }],
    [
      'two moved on, one stayed',
      [{ id: 'a', stage: 'course_reached' }, { id: 'b', stage: 'course_reached' }, { id: 'c', stage: 'started' }],
      [{ id: 'a', stage: 'finished' }, { id: 'b', stage: 'left' }, { id: 'c', stage: 'started' }],
      { joined: 0, moved: { ...none, finished: 1, left: 1 } },
    ],
  ];
  for (const [name, before, after, expected] of cases) test(name, () => assert.deepEqual(stageChanges(before, after), expected));
});
