/**
 * After the next frame is painted, or when the page is idle: work that must follow a new screen
 * (moving the focus to it) or may wait for it, but need not delay it. Focusing at once makes the browser compute style and layout for the
 * focus before the screen is drawn; after the paint, they are done and only the focus is left
 * (docs/loading.md, "Where the time went").
 */

/**
 * Resolves once the next frame is painted (its `requestAnimationFrame`, then a task), or after
 * 100 ms when no frame comes (a page in the background draws none).
 *
 * @example
 * await afterPaint();
 * heading.focus();
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

/**
 * Run `task` when the main thread is idle (or soon, where `requestIdleCallback` is missing),
 * so that it never delays a screen being drawn.
 *
 * @example
 * whenIdle(() => void loadLaterPhases());
 */
export function whenIdle(task: () => void, timeout = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout });
  else setTimeout(task, 50);
}
