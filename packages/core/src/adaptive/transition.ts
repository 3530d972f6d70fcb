/**
 * The adaptive test as a pure transition, in the house style of the survey protocol
 * (session/transition.ts): a frozen state and an action in, a new frozen state out, or an
 * `AdaptiveError`. The time and the seed come in through the context; each item's random draw
 * is derived from `seed/item/<n>`, so a replayed log draws the same items.
 */
import { evaluateAnswer } from '../checking/evaluate.js';
import { sessionIdFromSeed, seededRandom, shuffled } from '../session/random.js';
import { deepFreeze } from '../session/transition.js';
import type { TransitionContext } from '../session/types.js';
import { adaptiveItems, type AdaptiveBank } from './bank.js';
import { checkAdaptiveConfig, nextStep, type AdaptiveTestConfig, type PoolResponse, type Step } from './engine.js';
import { AdaptiveError } from './errors.js';
import { itemPool, type ItemPool } from './select.js';
import type { AdaptiveAction, AdaptiveEvent, AdaptiveResponse, AdaptiveState } from './types.js';

const pools = new WeakMap<AdaptiveBank, Map<string, ItemPool>>();

/**
 * The selection layout of a bank for a balancing mode, built once per bank object.
 *
 * @example
 * bankPool(bank, 'area').ids.length; // number of items
 */
export function bankPool(bank: AdaptiveBank, balanceBy: AdaptiveTestConfig['balanceBy'] = 'area'): ItemPool {
  let byMode = pools.get(bank);
  if (!byMode) pools.set(bank, (byMode = new Map()));
  let pool = byMode.get(balanceBy);
  if (!pool) byMode.set(balanceBy, (pool = itemPool(adaptiveItems(bank), balanceBy)));
  return pool;
}

/**
 * The state of a new adaptive test, already asking its first item.
 *
 * @example
 * const state = initialAdaptiveState(bank, DEFAULT_ADAPTIVE_CONFIG, { seed: 'abc', now: Date.now() });
 * state.current?.itemId;
 * @throws {AdaptiveError} `invalid_options` for a configuration that cannot work.
 */
export function initialAdaptiveState(bank: AdaptiveBank, config: AdaptiveTestConfig, context: TransitionContext): AdaptiveState {
  checkAdaptiveConfig(config);
  const step = nextStep(bankPool(bank, config.balanceBy), [], config, seededRandom(`${context.seed}/item/0`), context.seed);
  return deepFreeze(
    withStep(
      bank,
      {
        bankId: bank.id,
        bankVersion: bank.version,
        sessionId: sessionIdFromSeed(context.seed),
        startedAt: context.now,
        config: plainCopy(config),
        phase: 'asking',
        current: null,
        responses: [],
        estimate: step.estimate,
        stopReason: null,
        events: [],
      },
      step,
      context,
    ),
  );
}

/**
 * Apply one action.
 *
 * @example
 * state = adaptiveTransition(bank, state, { type: 'answerItem', itemId: state.current!.itemId, answer: '2' }, { now: Date.now(), seed });
 * @throws {AdaptiveError} `invalid_action`, `test_finished`, `not_current_item`; `AnswerShapeError` for an answer of the wrong kind.
 */
export function adaptiveTransition(bank: AdaptiveBank, state: AdaptiveState, action: AdaptiveAction, context: TransitionContext): AdaptiveState {
  checkAction(action);
  if (state.phase === 'finished' || state.current === null) throw new AdaptiveError('test_finished', `the test is finished: "${action.type}" is not possible any more`);
  const seq = state.events.length + 1;
  const event: AdaptiveEvent = { id: `${state.sessionId}-${seq}`, seq, at: context.now, action: plainCopy(action) };
  const events = [...state.events, event];
  if (action.type === 'stop') return deepFreeze({ ...state, phase: 'finished', current: null, stopReason: 'stopped', events });

  const { itemId } = action;
  if (itemId !== state.current.itemId)
    throw new AdaptiveError('not_current_item', `"${itemId}" is not the item being asked ("${state.current.itemId}")`, [itemId]);
  const pool = bankPool(bank, state.config.balanceBy);
  const challenge = bank.items[pool.indexOf.get(itemId) as number]?.challenge;
  if (!challenge) throw new AdaptiveError('not_current_item', `"${itemId}" is not in bank "${bank.id}"`, [itemId]);
  const status = action.type === 'skipItem' ? 'aband' : evaluateAnswer(challenge, action.answer, { timedOut: action.timedOut === true }).status;
  const response: AdaptiveResponse = {
    itemId,
    status,
    correct: status === 'ok',
    ...(action.type === 'answerItem' ? { answer: plainCopy(action.answer) } : {}),
    startedAt: state.current.startedAt,
    answeredAt: context.now,
    eventId: event.id,
  };
  const responses = [...state.responses, response];
  const poolResponses: PoolResponse[] = responses.map((r) => ({ index: pool.indexOf.get(r.itemId) as number, correct: r.correct }));
  const step = nextStep(pool, poolResponses, state.config, seededRandom(`${context.seed}/item/${responses.length}`), context.seed);
  return deepFreeze(withStep(bank, { ...state, responses, events }, step, context));
}

function withStep(bank: AdaptiveBank, state: AdaptiveState, step: Step, context: TransitionContext): AdaptiveState {
  if (step.stop) return { ...state, estimate: step.estimate, phase: 'finished', current: null, stopReason: step.stop };
  const pool = bankPool(bank, state.config.balanceBy);
  const itemId = pool.ids[step.next] as string;
  const challenge = bank.items[step.next]?.challenge;
  const current: NonNullable<AdaptiveState['current']> = { itemId, startedAt: context.now };
  // QCU/QCM with `shuffle` get their seeded order, as in the survey (session/course.ts).
  if ((challenge?.type === 'QCU' || challenge?.type === 'QCM') && challenge.shuffle)
    current.proposalOrder = shuffled(
      challenge.proposals.map((_, i) => i + 1),
      seededRandom(`${context.seed}/${itemId}`),
    );
  return { ...state, estimate: step.estimate, phase: 'asking', current, stopReason: null };
}

function checkAction(action: AdaptiveAction): void {
  if (typeof action !== 'object' || action === null) throw new AdaptiveError('invalid_action', 'an action must be an object with a type');
  switch (action.type) {
    case 'stop':
      return;
    case 'skipItem':
    case 'answerItem':
      if (typeof action.itemId !== 'string') throw new AdaptiveError('invalid_action', `${action.type}: itemId must be a string`);
      if (action.type === 'answerItem' && typeof action.answer !== 'string' && (typeof action.answer !== 'object' || action.answer === null))
        throw new AdaptiveError('invalid_action', 'answerItem: answer must be a string or an object of strings');
      return;
    default:
      throw new AdaptiveError('invalid_action', `unknown action type ${JSON.stringify((action as { type?: unknown }).type)} (expected answerItem, skipItem or stop)`);
  }
}

/** A deep copy of plain JSON data (actions and configurations are JSON: they go into snapshots). */
function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
