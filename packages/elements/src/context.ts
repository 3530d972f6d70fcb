/**
 * What `<obs-survey>` shares with the elements nested in it (@lit/context). Every element
 * also works alone: given its data as properties, it does not need a provider.
 */
import { createContext } from '@lit/context';
import type { Lang, SessionState, SurveyDefinition, SurveySession } from '@observatoire/core';
import type { SessionLinks } from './events.js';

export type SurveyMode = 'measurement' | 'learning';

export interface SurveyContextValue {
  session: SurveySession;
  /** The session's state at the last render: elements read it, never copy it. */
  state: SessionState;
  definition: SurveyDefinition;
  lang: Lang;
  /** A mediator is beside the participant: mediator controls are shown. */
  mediator: boolean;
  /** `measurement` (default) shows no correction; `learning` shows help after a miss. */
  mode: SurveyMode;
  /** Base URL to resolve the content's relative links and pictures against. */
  baseUrl: string;
  /** The host's reference and the follow-up code of the session: added to the nested elements' events. */
  links: SessionLinks;
}

export const surveyContext = createContext<SurveyContextValue | undefined>(Symbol('obs-survey-context'));
