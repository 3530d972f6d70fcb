import { LitElement } from 'lit';
import { define } from '../shared/define.js';

/** Placeholder until the element is built. */
export class ObsCourseChainer extends LitElement {}

define('obs-course-chainer', ObsCourseChainer);
