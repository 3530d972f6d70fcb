import { LitElement } from 'lit';
import { define } from '../shared/define.js';

/** Placeholder until the element is built. */
export class ObsSurvey extends LitElement {}

define('obs-survey', ObsSurvey);
