import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { main } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'obs-calibrate-'));

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { text: () => string };
  stream.text = () => chunks.join('');
  return stream;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(args, { stdout, stderr });
  return { code, out: stdout.text(), err: stderr.text() };
}

/** An export of 600 sessions on 6 items, some cells empty (not asked), as the collector writes it. */
function exportCsv(): string {
  // A small linear congruential generator: the figures only need to be the same on every run.
  let state = 12345;
  const uniform = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
  const items = [-1.5, -0.8, -0.2, 0.3, 0.9, 1.6];
  const lines = [['session_id', ...items.map((_, i) => `ch_pos-${i}`)].join(',')];
  for (let j = 0; j < 600; j++) {
    const theta = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    const cells = items.map((b) => (uniform() < 0.2 ? '' : uniform() < 1 / (1 + Math.exp(1.4 * (b - theta))) ? 'ok' : uniform() < 0.8 ? 'ko' : 'aband'));
    lines.push([`s${j}`, ...cells].join(','));
  }
  return `${lines.join('\n')}\n`;
}

const data = join(dir, 'export.csv');
writeFileSync(data, exportCsv());

describe('observatoire calibrate', () => {
  test('writes the 2PL parameters as JSON, marked calibrated, in difficulty order of the simulated items', async () => {
    const out = join(dir, 'parametres.json');
    const { code, err } = await run(['calibrate', '--data', data, '--out', out]);
    assert.equal(code, 0, err);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { persons: number; converged: boolean; items: { id: string; parameters: { a: number; b: number }; source: string }[] };
    assert.equal(result.persons, 600);
    assert.ok(result.converged);
    assert.deepEqual(result.items.map((i) => i.id), ['pos-0', 'pos-1', 'pos-2', 'pos-3', 'pos-4', 'pos-5']);
    assert.ok(result.items.every((i) => i.source === 'calibrated'));
    const difficulties = result.items.map((i) => i.parameters.b);
    assert.deepEqual([...difficulties].sort((x, y) => x - y), difficulties);
  });

  test('prints a Markdown table with the items to review by default', async () => {
    const { code, out } = await run(['calibrate', '--data', data, '--min-answers', '1000']);
    assert.equal(code, 0);
    assert.match(out, /\| item \| a \(SE\) \| b \(SE\) \|/);
    assert.match(out, /Items to review: 6\./);
  });

  const usage: { name: string; args: string[] }[] = [
    { name: 'no --data', args: ['calibrate'] },
    { name: 'an unknown format', args: ['calibrate', '--data', data, '--format', 'html'] },
    { name: 'a bad --min-answers', args: ['calibrate', '--data', data, '--min-answers', 'many'] },
    { name: 'an unknown option', args: ['calibrate', '--data', data, '--bins', '3'] },
  ];
  for (const c of usage)
    test(`exits 2 on ${c.name}`, async () => {
      const { code, err } = await run(c.args);
      assert.equal(code, 2);
      assert.match(err, /Usage: observatoire calibrate/);
    });

  test('exits 1 on a missing file', async () => {
    const { code, err } = await run(['calibrate', '--data', join(dir, 'nope.csv')]);
    assert.equal(code, 1);
    assert.match(err, /cannot read/);
  });

  test('exits 1 on an unknown status, naming the row and column', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'session_id,ch_q1\ns1,peut-etre\n');
    const { code, err } = await run(['calibrate', '--data', bad]);
    assert.equal(code, 1);
    assert.match(err, /row 2, column ch_q1: unknown status "peut-etre"/);
  });
});
