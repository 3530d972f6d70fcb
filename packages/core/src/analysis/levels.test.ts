import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { coursePassed, staircaseLevel } from '../outcome.js';
import { courseFromRow, respondentFromRow } from './from-export.js';
import { distanceLevel, isIllectronic } from './levels.js';
import type { Row } from './margins.js';

/** The course outcomes of an export row. */
const outcomes = (row: Row) => respondentFromRow(row).courses;

/** A row with the courses given as [status, rate] pairs. */
function courses(...list: [string, string][]): Record<string, string> {
  const row: Record<string, string> = {};
  list.forEach(([status, rate], i) => {
    row[`course${i + 1}_status`] = status;
    row[`course${i + 1}_success_rate`] = rate;
  });
  return row;
}
const ENDED_OK: [string, string] = ['ended', '1'];

describe('a course is passed strictly above 60%', () => {
  const cases: [string, [string, string], boolean][] = [
    ['exactly 60% is not passed', ['ended', '0.6'], false],
    ['just above 60% is passed', ['ended', '0.6000001'], true],
    ['2 of 3 (0.6667) is passed', ['ended', '0.6667'], true],
    ['4 of 7 (0.5714) is not passed', ['ended', '0.5714'], false],
    ['a course ended by the mediator skip counts with its rate', ['skipped_remaining', '0.8'], true],
    ['a course in progress is not passed', ['in_progress', ''], false],
    ['a course not reached is not passed', ['not_reached', ''], false],
    ['an ended course without a rate is not passed', ['ended', ''], false],
    ['a rate above 1 is not valid', ['ended', '1.5'], false],
  ];
  for (const [name, course, expected] of cases) test(name, () => assert.equal(coursePassed(courseFromRow(courses(course), 1)), expected));
});

describe('staircase level: consecutive courses passed from course 1', () => {
  const cases: [string, Row, number | undefined][] = [
    ['0: course 1 not passed', courses(['ended', '0.3333'], ['not_reached', ''], ['not_reached', '']), 0],
    ['1: course 1 passed, course 2 not passed', courses(ENDED_OK, ['ended', '0.5714'], ['not_reached', '']), 1],
    ['1: course 1 passed, left before course 2', courses(ENDED_OK, ['not_reached', ''], ['not_reached', '']), 1],
    ['1: course 1 passed, left in the middle of course 2', courses(ENDED_OK, ['in_progress', ''], ['not_reached', '']), 1],
    ['2: courses 1 and 2 passed, course 3 not passed', courses(ENDED_OK, ['ended', '0.7143'], ['ended', '0.6']), 2],
    ['3: all three courses passed', courses(ENDED_OK, ['ended', '0.7143'], ['ended', '0.8']), 3],
    ['0: passing course 2 does not count when course 1 was not passed', courses(['ended', '0.3333'], ['ended', '1'], ['ended', '1']), 0],
    ['undefined: course 1 did not end', courses(['in_progress', ''], ['not_reached', ''], ['not_reached', '']), undefined],
  ];
  for (const [name, row, expected] of cases) test(name, () => assert.equal(staircaseLevel(outcomes(row)), expected));
});

describe('levels of digital distance (INSEE usage criterion combined with the tests)', () => {
  const user = { q_dernier_usage_internet: 'moins_de_3_mois' };
  const cases: [string, Row, string | undefined, boolean | undefined][] = [
    ['last use more than 3 months ago: non_user, illectronic', { q_dernier_usage_internet: 'plus_de_3_mois', ...courses(ENDED_OK) }, 'non_user', true],
    ['never used the Internet: non_user, illectronic', { q_dernier_usage_internet: 'jamais', ...courses(ENDED_OK) }, 'non_user', true],
    ['user who did not pass course 1: user_level_0, illectronic', { ...user, ...courses(['ended', '0.3333']) }, 'user_level_0', true],
    ['user who passed course 1 only: user_level_1, not illectronic', { ...user, ...courses(ENDED_OK, ['ended', '0.2857']) }, 'user_level_1', false],
    ['user who passed courses 1 and 2: user_level_2', { ...user, ...courses(ENDED_OK, ENDED_OK, ['ended', '0.4']) }, 'user_level_2', false],
    ['user who passed all: user_level_3', { ...user, ...courses(ENDED_OK, ENDED_OK, ENDED_OK) }, 'user_level_3', false],
    ['last use not answered, course 1 not passed: level unknown, illectronic', courses(['ended', '0']), undefined, true],
    ['last use not answered, course 1 passed: both unknown', courses(ENDED_OK), undefined, undefined],
  ];
  for (const [name, row, level, illectronic] of cases)
    test(name, () => {
      assert.equal(distanceLevel(respondentFromRow(row)), level);
      assert.equal(isIllectronic(respondentFromRow(row)), illectronic);
    });
});

describe('reading a course from an export row', () => {
  const cases: [string, Row, ReturnType<typeof courseFromRow>][] = [
    ['a known status and a rate', { course1_id: 'm', course1_status: 'ended', course1_success_rate: '0.5' }, { courseId: 'm', status: 'ended', successRate: 0.5 }],
    ['an unknown status reads as missing', { course1_status: 'inProgress', course1_success_rate: '' }, undefined],
    ['no status column reads as missing', {}, undefined],
    ['a malformed rate reads as no rate', { course1_status: 'ended', course1_success_rate: '60%' }, { courseId: '', status: 'ended', successRate: null }],
  ];
  for (const [name, row, expected] of cases) test(name, () => assert.deepEqual(courseFromRow(row, 1), expected));
});
