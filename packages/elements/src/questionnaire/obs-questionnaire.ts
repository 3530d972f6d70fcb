import { LitElement } from 'lit';
import { define } from '../shared/define.js';

/** Placeholder until the element is built. */
export class ObsQuestionnaire extends LitElement {}

define('obs-questionnaire', ObsQuestionnaire);
