import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { evaluateAnswer, type ChallengeAnswer } from '@observatoire/core';
import { bankPool, calibrateExposure, parseAdaptiveBank, type BankItem } from '@observatoire/core/adaptive';
// The simulation helpers are not public API: the tests reach them by path.
import { correlation, normal, simulateAdaptiveTest } from '../../core/src/adaptive/simulate.js';
import { seededRandom } from '../../core/src/session/random.js';
import { diagnosticRapide, observatoire2025 } from '../src/index.js';

const bank = parseAdaptiveBank(JSON.parse(readFileSync(new URL('../adaptive/bank-2026.json', import.meta.url), 'utf8')));
const challenges = bank.items.map((item) => item.challenge);

function rightAnswer(item: BankItem): ChallengeAnswer {
  const c = item.challenge;
  if (c.type === 'QCU') return String(c.solution);
  if (c.type === 'QROC') return c.solution[0] as string;
  throw new Error(`${c.id}: no right answer known for type ${c.type}`);
}

describe('the adaptive bank (docs/adaptive.md, "Item bank")', () => {
  test('has at least 80 items', () => {
    assert.ok(bank.items.length >= 80, `${bank.items.length} items`);
  });

  test('covers the 5 areas and at least 12 of the 16 competences, at levels 1 to 4 only', () => {
    assert.deepEqual([...new Set(challenges.map((c) => c.skill?.area))].sort(), ['1', '2', '3', '4', '5']);
    assert.ok(new Set(challenges.map((c) => c.skill?.competence)).size >= 12);
    assert.deepEqual([...new Set(challenges.map((c) => c.skill?.level))].sort(), [1, 2, 3, 4]);
  });

  test('every item has provisional parameters set by content experts, and the bank says so', () => {
    assert.ok(bank.items.every((item) => item.source === 'experts'));
    assert.deepEqual([bank.provenance.author, bank.provenance.status, bank.provenance.parameters], ['Observatoire', 'project', 'experts']);
    assert.match(bank.provenance.description.fr, /provisoires.*experts/);
    assert.match(bank.provenance.description.en, /provisional.*experts/);
  });

  test('its items are distinct from those of the survey and the quick diagnostic', () => {
    const others = [...observatoire2025.challenges, ...diagnosticRapide.challenges];
    const ids = new Set(others.map((c) => c.id));
    const instructions = new Set(others.map((c) => c.instruction.fr));
    assert.deepEqual(challenges.filter((c) => ids.has(c.id) || instructions.has(c.instruction.fr)).map((c) => c.id), []);
  });

  test('every competence it measures has tutorials for the profile', () => {
    const measured = [...new Set(challenges.map((c) => c.skill?.competence as string))].sort();
    assert.deepEqual(Object.keys(bank.tutorials ?? {}).sort(), measured);
  });

  test('every item accepts its own solution', () => {
    for (const item of bank.items) assert.equal(evaluateAnswer(item.challenge, rightAnswer(item)).status, 'ok', item.challenge.id);
  });

  test('plain French: sentences of at most 25 words', () => {
    const long: string[] = [];
    for (const c of challenges) {
      const texts = [c.instruction.fr, ...('proposals' in c ? c.proposals.map((p) => p.fr) : [])];
      for (const text of texts) for (const sentence of text.split(/[.?!]\s/)) if (sentence.split(/\s+/).length > 25) long.push(`${c.id}: ${sentence}`);
    }
    assert.deepEqual(long, []);
  });
});

describe('simulated population on the shipped bank (1,000 people, at most 20 items)', () => {
  const pool = bankPool(bank, 'area');
  const population = seededRandom('population');
  const thetas = Array.from({ length: 1000 }, () => normal(population));

  function run(randomesque: number): { estimates: number[]; maxExposure: number } {
    const exposure = new Float64Array(pool.ids.length);
    const estimates = thetas.map((theta, p) => {
      const { responses, estimate } = simulateAdaptiveTest(pool, theta, { randomesque, stopping: { maxItems: 20 } }, `person-${p}`);
      for (const r of responses) exposure[r.index] = (exposure[r.index] as number) + 1;
      return estimate.theta;
    });
    return { estimates, maxExposure: Math.max(...exposure) / thetas.length };
  }

  const controlled = run(5);

  test('recovers θ with a correlation above 0.9', () => {
    const r = correlation(thetas, controlled.estimates);
    assert.ok(r > 0.9, `correlation ${r}`);
  });

  test('randomesque exposure control keeps every item under an exposure rate of 0.6', () => {
    assert.ok(controlled.maxExposure < 0.6, `max exposure ${controlled.maxExposure}`);
    // Without it (pure maximum information) the most used item is asked far more often.
    assert.ok(run(1).maxExposure > controlled.maxExposure + 0.2);
  });
});

describe('Sympson–Hetter exposure control on the shipped bank (docs/adaptive.md, "Exposure control")', () => {
  const pool = bankPool(bank, 'area');
  const config = { stopping: { maxItems: 20 } };
  // Calibrated on 500 simulated people, checked on 1,000 others: the stated maximum leaves room for
  // the sampling difference between the two populations.
  const TARGET = 0.4;
  const STATED_MAXIMUM = 0.45;
  const calibration = calibrateExposure(pool, config, { maxRate: TARGET, people: 500, seed: 'shipped-bank' });
  const population = seededRandom('exposure-check');
  const thetas = Array.from({ length: 1000 }, () => normal(population));
  const exposure = new Float64Array(pool.ids.length);
  const estimates = thetas.map((theta, p) => {
    const { responses, estimate } = simulateAdaptiveTest(pool, theta, { ...config, sympsonHetter: calibration.parameters }, `check-${p}`);
    for (const r of responses) exposure[r.index] = (exposure[r.index] as number) + 1;
    return estimate.theta;
  });

  test(`the calibration meets its target of ${TARGET} on its own population`, () => {
    assert.equal(calibration.converged, true, `max exposure ${calibration.maxExposure} after ${calibration.iterations} rounds`);
  });

  test(`every item is asked to fewer than ${STATED_MAXIMUM * 100} % of another population`, () => {
    const over = pool.ids.filter((_, i) => (exposure[i] as number) / thetas.length >= STATED_MAXIMUM);
    assert.deepEqual(over, [], `max exposure ${Math.max(...exposure) / thetas.length}`);
  });

  test('θ is still recovered with a correlation above 0.9', () => {
    const r = correlation(thetas, estimates);
    assert.ok(r > 0.9, `correlation ${r}`);
  });
});
