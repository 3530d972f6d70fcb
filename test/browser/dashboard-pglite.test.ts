/**
 * `<obs-dashboard>` against a running collector on PGlite: the compiled collector app served by the test
 * runner under /pglite-collector/ (scripts/dev-server/test-collector.mjs). A participant's session appears
 * and progresses live. The other dashboard tests (dashboard.test.ts) run on the collector's routes over
 * memory (msw): seeding 100 respondents on PGlite does not fit the runner's time per file.
 */
import { expect } from '@open-wc/testing';
import type { SurveyDefinition } from '@observatoire/core';
import { observatoire2025, until } from '../../packages/elements/src/outbox/test-helpers.js';
import { collectorDriver, row, text } from './dashboard-helpers.js';

/** The test collector's admin secret (TEST_COLLECTOR_ADMIN of scripts/dev-server/test-collector.mjs). */
const ADMIN = 'observatoire-test-collector-admin-7Kq2xW9pLm4vR8tZ';
/** One database serves every browser of a run: each run's organisation gets its own id. */
const RUN = Math.random().toString(36).slice(2, 8);

let definition: SurveyDefinition;

before(async () => {
  definition = await observatoire2025();
});

describe('<obs-dashboard> with a collector on PGlite', function () {
  // The collector starts on the first request; each write is a transaction on disk.
  this.timeout(120_000);

  it("a participant's session appears and progresses live", async () => {
    const { structure, participant, courseOf, openDashboard } = collectorDriver('/pglite-collector', ADMIN, definition);
    const { code, key } = await structure(`pglite-${RUN}`);
    const dashboard = await openDashboard(key);
    const person = await participant(code);
    await until(() => row(dashboard, 'Participant 1') !== undefined, 'the new session is listed', 20_000);
    await person.validate();
    await until(() => text(row(dashboard, 'Participant 1')!.children[2]) === 'Questionnaire validé', 'the questionnaire stage', 20_000);
    for (const id of courseOf('manipulation')) await person.play(id, true);
    await until(() => text(row(dashboard, 'Participant 1')!.children[2]) === 'Parcours commencé', 'the course stage', 20_000);
    expect(text(dashboard.shadowRoot!.querySelector('[role="status"]'))).to.include('Parcours commencé\u00a0: 1 de plus.');
    await expect(dashboard).to.be.accessible();
  });
});
