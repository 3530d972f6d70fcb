import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ContentError } from '../errors.js';
import { adaptiveItems, parseAdaptiveBank } from './bank.js';

function bank(edit: (b: any) => void = () => {}): unknown {
  const b = {
    schemaVersion: 1,
    id: 'b',
    version: '1',
    title: { fr: 'Banque', en: 'Bank' },
    provenance: { author: 'Observatoire', status: 'project', parameters: 'experts', description: { fr: 'Experts', en: 'Experts' } },
    items: [
      {
        challenge: {
          id: 'q1',
          type: 'QCU',
          skill: { area: '1', competence: '1.1', level: 2 },
          instruction: { fr: 'Choisissez.', en: 'Choose.' },
          proposals: [
            { fr: 'Oui', en: 'Yes' },
            { fr: 'Non', en: 'No' },
          ],
          solution: 1,
          timer: 60,
        },
        parameters: { a: 1.2, b: -0.5 },
        source: 'experts',
      },
    ],
  };
  edit(b);
  return b;
}

describe('the bank schema', () => {
  test('a sound bank parses, and its items carry area, competence and timer', () => {
    assert.deepEqual(adaptiveItems(parseAdaptiveBank(bank())), [{ id: 'q1', parameters: { a: 1.2, b: -0.5 }, area: '1', competence: '1.1', timed: true }]);
  });

  const cases: { name: string; edit: (b: any) => void; path: string }[] = [
    { name: 'a discrimination of 0', edit: (b) => (b.items[0].parameters.a = 0), path: 'items[0].parameters.a' },
    { name: 'a guessing parameter of 1', edit: (b) => (b.items[0].parameters.c = 1), path: 'items[0].parameters.c' },
    { name: 'no source for the parameters', edit: (b) => delete b.items[0].source, path: 'items[0].source' },
    { name: 'an unknown source', edit: (b) => (b.items[0].source = 'guess'), path: 'items[0].source' },
    { name: 'no provenance', edit: (b) => delete b.provenance, path: 'provenance' },
    { name: 'a provenance in words only (no author, status, parameters)', edit: (b) => (b.provenance = { fr: 'Experts', en: 'Experts' }), path: 'provenance.author' },
    { name: 'an unknown status', edit: (b) => (b.provenance.status = 'official'), path: 'provenance.status' },
    { name: 'a provenance without words', edit: (b) => delete b.provenance.description, path: 'provenance.description' },
    { name: 'calibrated parameters claimed while an item\'s are the experts\'', edit: (b) => (b.provenance.parameters = 'calibrated'), path: 'provenance.parameters' },
    { name: 'experts\' parameters claimed while every item is calibrated', edit: (b) => (b.items[0].source = 'calibrated'), path: 'provenance.parameters' },
    { name: 'a challenge without English', edit: (b) => delete b.items[0].challenge.instruction.en, path: 'items[0].challenge.instruction.en' },
    { name: 'a challenge without skill', edit: (b) => delete b.items[0].challenge.skill, path: 'items[0].challenge.skill' },
    { name: 'a skill without competence', edit: (b) => delete b.items[0].challenge.skill.competence, path: 'items[0].challenge.skill.competence' },
    { name: 'a duplicate id', edit: (b) => b.items.push(structuredClone(b.items[0])), path: 'items[1].challenge.id' },
    { name: 'no item', edit: (b) => (b.items = []), path: 'items' },
    { name: 'tutorials for something that is not a competence', edit: (b) => (b.tutorials = { '9.9': [{ title: { fr: 'T', en: 'T' }, url: 'https://example.org' }] }), path: 'tutorials.9.9' },
    { name: 'a tutorial with a javascript: link', edit: (b) => (b.tutorials = { '1.1': [{ title: { fr: 'T', en: 'T' }, url: 'javascript:alert(1)' }] }), path: 'tutorials.1.1[0].url' },
  ];
  for (const c of cases)
    test(`refuses ${c.name}, naming ${c.path}`, () => {
      assert.throws(
        () => parseAdaptiveBank(bank(c.edit)),
        (e: unknown) => e instanceof ContentError && e.issues.some((issue) => issue.path === c.path),
      );
    });
});
