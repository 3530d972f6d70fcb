/**
 * The event `<obs-course-chainer>` sends once the courses are over and it has nothing more to
 * show: the session is finished and, in learning mode, the help of a last challenge missed has
 * been read ("Voir mes résultats"). `<obs-survey>` shows the results then; a page that uses the
 * chainer alone does the same.
 *
 * @example
 * chainer.addEventListener('obs-courses-done', (event) => {
 *   const card = document.createElement('obs-results-card');
 *   card.definition = definition;
 *   card.state = event.detail.state;
 *   chainer.replaceWith(card);
 * });
 */
import type { SessionState } from '@observatoire/core';

export interface CoursesDoneDetail {
  /** The finished session's state. */
  state: SessionState;
}

export const COURSES_DONE_EVENT = 'obs-courses-done';

declare global {
  interface HTMLElementEventMap {
    'obs-courses-done': CustomEvent<CoursesDoneDetail>;
  }
}
