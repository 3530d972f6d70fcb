import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paperDateProblem } from './channel.js';

const NOW = Date.parse('2026-12-02T10:00:00Z');

test('paperDateProblem: the date written on a paper form', () => {
  const cases: [string, unknown, string | null][] = [
    ['today', '2026-12-02', null],
    ['last month', '2026-11-05', null],
    ['tomorrow in UTC: a form dated in a time zone ahead', '2026-12-03', null],
    ['366 days before', '2025-12-01', null],
    ['two days ahead', '2026-12-04', 'must not be after the day the form is entered'],
    ['more than 366 days before', '2025-11-30', 'must not be more than 366 days before the day the form is entered'],
    ['30 February', '2026-02-30', 'must be a real calendar date'],
    ['French order', '02/12/2026', 'must be a date written YYYY-MM-DD'],
    ['with a time', '2026-12-02T10:00', 'must be a date written YYYY-MM-DD'],
    ['a number', 20261202, 'must be a date written YYYY-MM-DD'],
    ['missing', undefined, 'must be a date written YYYY-MM-DD'],
  ];
  for (const [name, date, expected] of cases) assert.equal(paperDateProblem(date, NOW), expected, name);
});
