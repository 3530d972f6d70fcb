/**
 * `<obs-survey>`'s reactive properties (lit's `static properties`): public attributes and properties
 * first (documented on the element), then its internal state.
 */
import type { PropertyDeclarations } from 'lit';

export const surveyProperties = {
  definition: {},
  lang: { reflect: true },
  mediator: { type: Boolean, reflect: true },
  theme: { reflect: true },
  mode: { reflect: true },
  endpoint: {},
  organisation: {},
  campaign: {},
  organisationName: { attribute: 'organisation-name' },
  contact: {},
  retentionMonths: { attribute: 'retention-months', type: Number },
  history: { type: Boolean },
  externalRef: { attribute: 'external-ref' },
  followUpCode: { attribute: 'follow-up-code' },
  linkFailure: { state: true },
  channel: {},
  prefill: { attribute: false },
  sink: { attribute: false },
  referralLinks: { attribute: false },
  sessionState: { state: true },
  failure: { state: true },
  campaignRefusal: { state: true },
  consent: { state: true },
  consentError: { state: true },
  paperDateError: { state: true },
  awaitingChainer: { state: true },

} satisfies PropertyDeclarations;

/**
 * The organisation and campaign the host page gives, sent with a session or a refusal.
 *
 * @example
 * placeOf(survey); // { organisation: 'MED-35', campaign: 'automne' }
 */
export function placeOf(host: { organisation?: string | undefined; campaign?: string | undefined }): { organisation?: string; campaign?: string } {
  return { ...(host.organisation && { organisation: host.organisation }), ...(host.campaign && { campaign: host.campaign }) };
}
