/** Defines `<obs-course-chainer>` (guarded: loading the bundle twice must not throw). */
import '../challenge-player/obs-challenge-player.define.js';
import { define } from '../shared/define.js';
import { ObsCourseChainer } from './obs-course-chainer.js';

define('obs-course-chainer', ObsCourseChainer);

declare global {
  interface HTMLElementTagNameMap {
    'obs-course-chainer': ObsCourseChainer;
  }
}
