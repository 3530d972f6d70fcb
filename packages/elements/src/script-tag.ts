/**
 * The entry of the script-tag bundle (`dist/observatoire.js`, docs/loading.md): only what the
 * first screen needs, i.e. `<obs-survey>` with its information screen and the core session. The
 * questionnaire is a separate file fetched at once, beside it; the course chainer, challenge
 * player, results card and outbox are separate files that `<obs-survey>` fetches in idle time;
 * the package entry (`index.ts`) defines everything at once.
 * @packageDocumentation
 */
import './survey/obs-survey.define.js';
