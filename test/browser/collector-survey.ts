/**
 * An `<obs-survey>` on the shipped definition, sending to the collector's own routes in the page (msw
 * forwards `/collector` to the collector app over an in-memory store), and the collector's export read
 * back: what tests of the survey with its collector share. Apart from helpers.ts and drive.ts so tests
 * that do not talk to a collector never load it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { createMockHandlers } from '@observatoire/collector/mock';
import type { SurveyDefinition } from '@observatoire/core';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { deleteDatabase, DEFAULT_DATABASE } from '../../packages/elements/src/outbox/idb.js';
import type { Outbox } from '../../packages/elements/src/outbox/outbox.js';
import { sharedOutbox } from '../../packages/elements/src/outbox/recorder.js';
import { observatoire2025, until } from '../../packages/elements/src/outbox/test-helpers.js';
import type { ObsSurvey } from '../../packages/elements/src/survey/obs-survey.js';

export const ENDPOINT = '/collector';
export const DEFINITION_URL = '/packages/content/surveys/observatoire-2025.json';
export const ADMIN = 'observatoire-mock-admin';

/** The collector in the page: the definition it knows, msw's worker, the page's outbox (emptied first). */
export async function startCollector(): Promise<{ definition: SurveyDefinition; worker: SetupWorker; outbox: Outbox }> {
  await deleteDatabase(DEFAULT_DATABASE);
  const definition = await observatoire2025();
  const worker = setupWorker(...createMockHandlers({ endpoint: ENDPOINT, definitions: [definition] }));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  return { definition, worker, outbox: await sharedOutbox() };
}

/** The rows of an export (`/v1/export`, `/v1/export/refusals`), read with the admin token. */
export async function exportRows(path: string): Promise<Record<string, string>[]> {
  const response = await fetch(`${ENDPOINT}${path}?format=json`, { headers: { authorization: `Bearer ${ADMIN}` } });
  expect(response.status, path).to.equal(200);
  return (await response.json()) as Record<string, string>[];
}

export interface SurveyAttributes {
  organisation?: string;
  externalRef?: string;
  followUpCode?: string;
  mediator?: boolean;
  channel?: 'paper';
  prefill?: Readonly<Record<string, unknown>>;
}

/**
 * An `<obs-survey>` with these attributes, once `ready` says so; the codes of its `obs-error` events
 * as they come.
 */
export async function openSurvey(attributes: SurveyAttributes, ready: (survey: ObsSurvey) => boolean, what: string): Promise<{ survey: ObsSurvey; errors: string[] }> {
  const errors: string[] = [];
  const survey = await fixture<ObsSurvey>(
    html`<obs-survey
      definition=${DEFINITION_URL}
      endpoint=${ENDPOINT}
      organisation=${attributes.organisation ?? nothing}
      external-ref=${attributes.externalRef ?? nothing}
      follow-up-code=${attributes.followUpCode ?? nothing}
      channel=${attributes.channel ?? nothing}
      ?mediator=${attributes.mediator === true}
      .prefill=${attributes.prefill}
      @obs-error=${(e: CustomEvent<{ code: string }>) => errors.push(e.detail.code)}
    ></obs-survey>`,
  );
  await until(() => ready(survey), what);
  await survey.updateComplete;
  return { survey, errors };
}
