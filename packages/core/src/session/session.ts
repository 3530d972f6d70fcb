/**
 * A survey session: the small object that holds the current state of the protocol, applies
 * actions through the pure `transition` function, and tells subscribers. The elements render
 * `session.state` and turn what people do into `session.dispatch(action)`.
 */
import type { SurveyDefinition } from '../content/types.js';
import { randomSeed } from './random.js';
import { toSnapshot } from './snapshot-format.js';
import { courseRecommendation, elapsedTestTimeMs } from './course.js';
import { initialSessionState, transition } from './transition.js';
import { timeLeftMs } from './time-limit.js';
import type { SessionAction, SessionEvent, SessionOptions, SessionState, SurveySession } from './types.js';

export { allowedActions, PROTOCOL } from './protocol.js';
export { courseRecommendation, elapsedTestTimeMs } from './course.js';
export { initialSessionState, transition } from './transition.js';
export type { TransitionContext } from './types.js';
export { toSnapshot } from './snapshot-format.js';

/**
 * Start a new session of a survey (to resume a saved one, `restoreSurveySession`).
 * Time comes only from `options.clock`; randomness only from `options.seed` (random when absent),
 * so the same seed, clock and actions give the same session.
 *
 * @example
 * const session = createSurveySession(definition);
 * session.subscribe((state) => render(state));
 * session.dispatch({ type: 'start', consent: true });
 * session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'feminin' });
 * localStorage.setItem('observatoire', JSON.stringify(session));
 */
export function createSurveySession(definition: SurveyDefinition, options: SessionOptions = {}): SurveySession {
  const clock = options.clock ?? Date.now;
  const seed = options.seed ?? randomSeed();
  return sessionOf(definition, seed, initialSessionState(definition, { seed, now: clock() }), clock);
}

/**
 * The session object around a state: `createSurveySession` gives it a new state,
 * `restoreSurveySession` the state its snapshot replays to.
 *
 * @example
 * const session = sessionOf(definition, seed, initialSessionState(definition, { seed, now: Date.now() }), Date.now);
 */
export function sessionOf(definition: SurveyDefinition, seed: string, initial: SessionState, clock: () => number): SurveySession {
  let state = initial;
  const listeners = new Set<(state: SessionState, event: SessionEvent) => void>();

  return {
    definition,
    get state() {
      return state;
    },
    dispatch(action: SessionAction): SessionState {
      state = transition(definition, state, action, { now: clock(), seed });
      const event = state.events[state.events.length - 1] as SessionEvent;
      for (const listener of [...listeners]) listener(state, event);
      return state;
    },
    recommendation() {
      return courseRecommendation(definition, state, clock());
    },
    testTimeMs() {
      return elapsedTestTimeMs(state, clock());
    },
    timeLeftMs() {
      return timeLeftMs(state.current, clock());
    },
    now() {
      return clock();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    toJSON() {
      return toSnapshot(seed, state);
    },
  };
}
