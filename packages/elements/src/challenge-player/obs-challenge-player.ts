import { LitElement } from 'lit';
import { define } from '../shared/define.js';

/** Placeholder until the element is built. */
export class ObsChallengePlayer extends LitElement {}

define('obs-challenge-player', ObsChallengePlayer);
