import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { itemModeStatistics } from './item-modes.js';
import { reportFormat } from './report-messages.js';
import type { ObservatoireReport } from './report-types.js';
import { itemsSection } from './report-view-tables.js';

describe('success by how the task was done (docs/analysis.md, "Per challenge")', () => {
  const row = (ch: string, mode: string) => ({ ch_drag: ch, mode_drag: mode, ch_other: 'ok' });
  const rows = [
    row('ok', 'drag'), row('ok', 'drag'), row('ko', 'drag'), row('ok', 'drag'),
    row('ok', 'keyboard'), row('ko', 'keyboard'),
    row('aband', ''), // a skip has no mode
    row('ok', ''), // an answer sent before the widget reported a mode
    row('', ''), // not played
  ];
  const weights = [1, 1, 1, 1, 3, 1, 1, 1, 1];
  const lines = itemModeStatistics(rows, weights);

  const cases: [string, string, number, number][] = [
    ['a drag is analysed apart', 'drag', 4, 0.75],
    ['the keyboard alternative is analysed apart, weighted', 'keyboard', 2, 0.75],
  ];
  for (const [why, mode, n, success] of cases)
    test(why, () => assert.deepEqual(lines.find((l) => l.mode === mode), { challengeId: 'drag', mode, n, success }));
  test('a mode nobody used has no line, and plays without a mode are in none', () =>
    assert.deepEqual(lines.map((l) => l.mode), ['drag', 'keyboard']));
  test('a challenge without a mode column has no line', () => assert.ok(lines.every((l) => l.challengeId === 'drag')));
  test('no rows, no lines', () => assert.deepEqual(itemModeStatistics([], []), []));

  const report = (itemModes: ObservatoireReport['itemModes']) => ({ items: [], ...(itemModes ? { itemModes } : {}) }) as unknown as ObservatoireReport;
  test('the per-challenge section shows the modes in a table of their own, in words', () => {
    const section = itemsSection(report(lines), reportFormat('fr'), 'fr');
    const table = section.blocks.find((b) => b.kind === 'table' && b.id === 'item-modes');
    assert.ok(table && table.kind === 'table');
    assert.deepEqual(table.head, ['Défi', 'Façon de faire', 'Répondants', 'Réussite']);
    assert.deepEqual(table.rows.map((r) => r.slice(0, 3)), [['drag', 'Glisser (souris, stylet ou doigt)', '4'], ['drag', 'Clavier', '2']]);
  });
  test('a report made before modes shows no mode table', () =>
    assert.ok(!itemsSection(report(undefined), reportFormat('en'), 'en').blocks.some((b) => b.kind === 'table' && b.id === 'item-modes')));
});
