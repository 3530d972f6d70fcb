import { LitElement } from 'lit';
import { define } from '../shared/define.js';

/** Placeholder until the element is built. */
export class ObsResultsCard extends LitElement {}

define('obs-results-card', ObsResultsCard);
