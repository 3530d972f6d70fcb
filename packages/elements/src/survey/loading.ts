/**
 * Loading by phase (docs/loading.md): what the first screen does not show is fetched later, in
 * idle time, and a definition validated at build time is trusted after a cheap integrity check.
 */
import { whenIdle } from '../shared/after-paint.js';
import { trustedDigests } from './trusted-digests.js';

/**
 * Whether `text` is a definition validated at build time: its SHA-256 is one of the digests
 * the bundle ships with. False when nothing is trusted or `crypto.subtle` is unavailable
 * (plain http), so the definition is then fully validated.
 *
 * @example
 * if (await isTrusted(text)) definition = JSON.parse(text);
 */
export async function isTrusted(text: string, digests: readonly string[] = trustedDigests): Promise<boolean> {
  if (digests.length === 0 || !globalThis.crypto?.subtle) return false;
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  const hex = Array.from(hash, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return digests.includes(hex);
}

let questionnaire: Promise<void> | undefined;

/**
 * Define `<obs-questionnaire>`: in the script-tag bundle a file of its own, fetched at once beside
 * the information screen (never in its way), so that it is in the page when "Commencer" is pressed.
 *
 * @example
 * await loadQuestionnaire(); // customElements.get('obs-questionnaire') is now defined
 */
export function loadQuestionnaire(): Promise<void> {
  questionnaire ??= import('../questionnaire/obs-questionnaire.define.js').then(
    () => undefined,
    (error: unknown) => {
      // A failed fetch is tried again with the later phases, in idle time.
      questionnaire = undefined;
      throw error;
    },
  );
  return questionnaire;
}

let later: Promise<void> | undefined;

/** The later phases' files, each evaluated in an idle period of its own (docs/loading.md). */
const laterFiles = [
  () => import('../course-chainer/obs-course-chainer.define.js'),
  () => import('../results-card/obs-results-card.define.js'),
  () => import('../outbox/obs-sync-status.define.js'),
];

const idle = (): Promise<void> => new Promise((resolve) => whenIdle(resolve));

/**
 * Define the elements of the phases after the questionnaire (course chainer with the
 * challenge player, results card, sync status). In the script-tag bundle they are separate
 * files fetched once, during the questionnaire, so the courses start without the network.
 * One file is evaluated per idle period (`whenIdle`), so that defining their elements never
 * lands inside a click's frame while the person answers.
 *
 * @example
 * await loadLaterPhases(); // customElements.get('obs-course-chainer') is now defined
 */
export function loadLaterPhases(): Promise<void> {
  later ??= (async () => {
    await loadQuestionnaire();
    for (const load of laterFiles) {
      await idle();
      await load();
    }
  })().catch((error: unknown) => {
    // A failed fetch (network lost) is tried again on the next call.
    later = undefined;
    throw error;
  });
  return later;
}

/** The outbox's entry point and the resume dialog, as `loadRecorder()` gives them. */
export type Recorder = typeof import('./recorded.js');

/**
 * The outbox with its sending code and the resume dialog, needed only with a collector: a
 * separate file of the script-tag bundle, fetched once the first screen is painted, or before
 * it when a session may be resumed (docs/loading.md, "The outbox after the first screen").
 *
 * @example
 * const { openRecordedSession, askResumeOrNew } = await loadRecorder();
 */
export function loadRecorder(): Promise<Recorder> {
  return import('./recorded.js');
}
