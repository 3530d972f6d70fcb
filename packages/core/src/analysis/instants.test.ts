import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createCsvTableReader } from './csv-table.js';
import { exactInstant, instantsOf, parseInstant, yearOfInstant } from './instants.js';
import { agesAtSession, ageAtSession, probableDuplicates } from './integrity.js';
import { instantText, rowsOfTable, subTable, tableFromRows, valueAt } from './table.js';

describe('start times read as instants (docs/analysis.md, "Start times")', () => {
  // [text, milliseconds since 1970 UTC or NaN]
  const cases: [string, number][] = [
    ['2026-10-12T09:00:00.000Z', Date.UTC(2026, 9, 12, 9)],
    ['2026-10-12T09:00:00Z', Date.UTC(2026, 9, 12, 9)],
    ['2026-10-12T09:00:00.5Z', Date.UTC(2026, 9, 12, 9, 0, 0, 500)],
    ['2026-10-12T09:00:00.123456Z', Date.UTC(2026, 9, 12, 9, 0, 0, 123)],
    ['2026-10-12T09:00', Date.UTC(2026, 9, 12, 9)], // no offset: UTC, as the export writes
    ['2026-10-12T11:00:00+02:00', Date.UTC(2026, 9, 12, 9)],
    ['2026-10-12T03:30:00-05:30', Date.UTC(2026, 9, 12, 9)],
    ['2026-10-12', Date.UTC(2026, 9, 12)],
    ['2024-02-29T00:00:00.000Z', Date.UTC(2024, 1, 29)],
    ['2000-02-29', Date.UTC(2000, 1, 29)],
    ['0050-06-01T00:00:00.000Z', new Date('0050-06-01T00:00:00.000Z').getTime()],
    ['2026-02-29', NaN], // not a leap year
    ['1900-02-29', NaN],
    ['2026-13-01', NaN],
    ['2026-04-31', NaN],
    ['2026-10-12T24:00:00Z', NaN],
    ['2026-10-12T09:60:00Z', NaN],
    ['12/10/2026', NaN],
    ['2026-10-12 09:00:00', NaN],
    ['hier', NaN],
    ['', NaN],
  ];
  for (const [text, expected] of cases) {
    test(`parseInstant(${JSON.stringify(text)})`, () => assert.equal(parseInstant(text), expected));
  }

  test('the export\'s form is read straight from the text, and only that form', () => {
    for (const [text, expected] of cases) {
      const exact = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(text) && !Number.isNaN(expected);
      assert.equal(exactInstant(new TextEncoder().encode(`xx${text}yy`), 2, 2 + text.length), exact ? expected : NaN, text);
    }
  });

  test('random instants of years 0 to 9999: read back exactly, same UTC year as the engine', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
    const start = new Date('0000-01-01T00:00:00.000Z').getTime();
    const end = new Date('9999-12-31T23:59:59.999Z').getTime();
    for (let k = 0; k < 20_000; k++) {
      const t = Math.floor(start + random() * (end - start));
      const text = new Date(t).toISOString();
      assert.equal(exactInstant(new TextEncoder().encode(text)), t, text);
      assert.equal(parseInstant(text), t, text);
      assert.equal(yearOfInstant(t), new Date(t).getUTCFullYear(), text);
    }
    assert.ok(Number.isNaN(yearOfInstant(NaN)));
  });

  test('a table read with instants gives the same text, ages and duplicates as one read as text', () => {
    const rows = [
      { organisation: 'A', device: 'd', q_annee_naissance: '1960', q_genre: 'f', q_commune: '35238', end_reason: 'in_progress', started_at: '2026-10-12T09:00:00.000Z' },
      { organisation: 'A', device: 'd', q_annee_naissance: '1960', q_genre: 'f', q_commune: '35238', end_reason: 'completed', started_at: '2026-10-12T15:00:00+02:00' },
      { organisation: 'A', device: 'd', q_annee_naissance: '2012', q_genre: 'f', q_commune: '35238', end_reason: 'completed', started_at: '2027-01-01T00:30:00+01:00' },
      { organisation: 'A', device: 'd', q_annee_naissance: '1950', q_genre: 'm', q_commune: '35238', end_reason: 'completed', started_at: '' },
      { organisation: 'A', device: 'd', q_annee_naissance: '1950', q_genre: 'm', q_commune: '35238', end_reason: 'in_progress', started_at: 'hier' },
    ];
    const csv = `${Object.keys(rows[0] as object).join(',')}\n${rows.map((r) => Object.values(r).join(',')).join('\n')}\n`;
    const reader = createCsvTableReader({ instants: ['started_at'] });
    reader.push(csv);
    const asInstants = reader.end();
    const asText = tableFromRows(rows);
    assert.deepEqual(rowsOfTable(asInstants), rowsOfTable(asText));
    assert.equal(valueAt(asInstants, 'started_at', 1), '2026-10-12T15:00:00+02:00');
    assert.deepEqual([...(instantsOf(asInstants, 'started_at') ?? [])], [...(instantsOf(asText, 'started_at') ?? [])]);
    const ages = [...agesAtSession(asInstants)];
    assert.deepEqual(ages, [...agesAtSession(asText)]);
    assert.deepEqual(ages, [66, 66, 14, NaN, NaN], 'the UTC year: 2027-01-01T00:30+01:00 is still 2026');
    assert.deepEqual(ages, rows.map((r) => ageAtSession(r) ?? NaN), 'the row rule says the same');
    assert.deepEqual(probableDuplicates(asInstants, 24), new Set([0]));
    assert.deepEqual(probableDuplicates(asText, 24), new Set([0]));
    const kept = subTable(asInstants, Int32Array.of(4, 1));
    assert.deepEqual(rowsOfTable(kept).map((r) => r.started_at), ['hier', '2026-10-12T15:00:00+02:00']);
    const column = asInstants.instants?.get('started_at');
    assert.ok(column);
    assert.equal(instantText(column, 0), '2026-10-12T09:00:00.000Z');
    assert.equal(instantText(column, 3), '');
  });
});
