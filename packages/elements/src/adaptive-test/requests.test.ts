import { expect } from '@open-wc/testing';
import { createAdaptiveSession, parseAdaptiveBank, type AdaptiveBank } from '@observatoire/core/adaptive';
import type { SessionTarget } from '../outbox/requests.js';
import { adaptiveRequestsFor, adaptiveSessionRequest } from './requests.js';

const t = (fr: string, en: string) => ({ fr, en });
const bank: AdaptiveBank = parseAdaptiveBank({
  schemaVersion: 1,
  id: 'test-bank',
  version: '1',
  title: t('Banque', 'Bank'),
  provenance: { author: 'Observatoire', status: 'project', parameters: 'experts', description: { fr: 'Experts', en: 'Experts' } },
  items: Array.from({ length: 6 }, (_, i) => ({
    challenge: {
      id: `q${i}`,
      type: 'QCU',
      skill: { area: '1', competence: '1.1', level: 1 },
      instruction: t(`Question ${i}`, `Question ${i}`),
      proposals: [t('Non', 'No'), t('Oui', 'Yes')],
      solution: 2,
    },
    parameters: { a: 1.5, b: -1 + i / 3 },
    source: 'experts',
  })),
});
const target: SessionTarget = { endpoint: 'https://collecte.example/', token: 'x'.repeat(43), lang: 'fr', device: 'tablet', organisation: 'ORG' };

function session() {
  let now = 1_000_000;
  return createAdaptiveSession(bank, { seed: 'requests', config: { stopping: { maxItems: 2 } }, clock: () => (now += 1500.4) });
}

describe('what the collector is told after each event of an adaptive test (docs/outbox.md)', () => {
  it('the creation carries the bank, the seed and the configuration, so the collector can re-run the test', () => {
    const s = session();
    const request = adaptiveSessionRequest(s.toJSON(), target);
    expect(request).to.include({ kind: 'session', id: s.state.sessionId, url: 'https://collecte.example/v1/adaptive-sessions', method: 'POST' });
    expect(request.body).to.deep.include({ bankId: 'test-bank', bankVersion: '1', seed: 'requests', config: { stopping: { maxItems: 2 } }, organisation: 'ORG' });
  });

  const cases: { rule: string; play: (s: ReturnType<typeof session>) => void; expected: { kind: string; url: string; body: Record<string, unknown> }[] }[] = [
    {
      rule: 'an answer: its place, item and answer; times in whole milliseconds, the duration between them',
      play: (s) => s.dispatch({ type: 'answerItem', itemId: s.state.current!.itemId, answer: '2' }),
      expected: [{ kind: 'answer', url: '/answers', body: { seq: 1, answer: '2', actor: 'participant', startedAt: 1001500, answeredAt: 1003001, durationMs: 1501 } }],
    },
    {
      rule: 'a skip is an answer of null',
      play: (s) => s.dispatch({ type: 'skipItem', itemId: s.state.current!.itemId }),
      expected: [{ kind: 'answer', url: '/answers', body: { seq: 1, answer: null } }],
    },
    {
      rule: 'the answer that ends the test is followed by its finish, completed',
      play: (s) => {
        s.dispatch({ type: 'answerItem', itemId: s.state.current!.itemId, answer: '2' });
        s.dispatch({ type: 'answerItem', itemId: s.state.current!.itemId, answer: '1' });
      },
      expected: [
        { kind: 'answer', url: '/answers', body: { seq: 2, answer: '1' } },
        { kind: 'event', url: '/finish', body: { reason: 'completed', actor: 'participant' } },
      ],
    },
    {
      rule: "the mediator's stop is a finish, stopped",
      play: (s) => s.dispatch({ type: 'stop' }),
      expected: [{ kind: 'event', url: '/finish', body: { reason: 'stopped', actor: 'mediator' } }],
    },
  ];
  for (const c of cases)
    it(c.rule, () => {
      const s = session();
      c.play(s);
      const event = s.state.events[s.state.events.length - 1]!;
      const requests = adaptiveRequestsFor(s.state, event, target);
      expect(requests.map((r) => r.kind)).to.deep.equal(c.expected.map((e) => e.kind));
      requests.forEach((request, i) => {
        expect(request.url).to.equal(`https://collecte.example/v1/adaptive-sessions/${s.state.sessionId}${c.expected[i]!.url}`);
        expect(request.body).to.deep.include(c.expected[i]!.body);
        expect(request.id).to.match(new RegExp(`^${event.id}`));
      });
    });
});
