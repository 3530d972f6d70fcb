import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { challengeSeconds, skippedBy, type PlayedAnswerLike } from './challenge-play.js';

const answer = (status: PlayedAnswerLike['status'], actor: PlayedAnswerLike['actor'], durationMs: number, skippedRemaining = false): PlayedAnswerLike => ({
  status,
  actor,
  durationMs,
  skippedRemaining,
});

describe('who skipped a challenge (docs/outcomes.md, "Who skipped, and how long")', () => {
  const cases: [string, PlayedAnswerLike, 'participant' | 'mediator' | null][] = [
    ['the person’s « Je passe »', answer('aband', 'participant', 12_000), 'participant'],
    ['the mediator’s « passer » on this challenge', answer('aband', 'mediator', 30_000), 'mediator'],
    ['a remaining challenge skipped at once by the mediator', answer('aband', 'mediator', 0, true), 'mediator'],
    ['a remaining challenge, whatever the actor sent', answer('aband', 'participant', 0, true), 'mediator'],
    ['answered right', answer('ok', 'participant', 20_000), null],
    ['answered wrong', answer('ko', 'participant', 20_000), null],
    ['timed out: not a skip', answer('timedout', 'participant', 60_000), null],
    ['answered by the mediator: not a skip', answer('ok', 'mediator', 20_000), null],
  ];
  for (const [name, given, expected] of cases) test(name, () => assert.equal(skippedBy(given), expected));
});

describe('the time a challenge took, in whole seconds', () => {
  const cases: [string, PlayedAnswerLike, number | null][] = [
    ['rounded to the nearest second', answer('ok', 'participant', 41_600), 42],
    ['half a second rounds up', answer('ko', 'participant', 2_500), 3],
    ['a skip by the person has its time', answer('aband', 'participant', 9_400), 9],
    ['a time-out has its time', answer('timedout', 'participant', 60_000), 60],
    ['instant: 0', answer('ok', 'participant', 0), 0],
    ['a negative duration (clock stepped back) is 0', answer('ok', 'participant', -500), 0],
    ['closed by the mediator’s skip of the remaining challenges: none', answer('aband', 'mediator', 0, true), null],
    ['the shown challenge of that skip: none either', answer('aband', 'mediator', 15_000, true), null],
  ];
  for (const [name, given, expected] of cases) test(name, () => assert.equal(challengeSeconds(given), expected));
});
