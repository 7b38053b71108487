/**
 * When the first frame was on screen. A task queued from `requestAnimationFrame` runs once the main
 * thread has handed the frame over, but the pixels come later: raster and display run elsewhere, and
 * on a busy machine tens of milliseconds later. The browser's own first-contentful-paint entry gives
 * the time that frame was shown — when nothing was painted before it, as in an exported file, where
 * the first frame is the one with the bars. Where the page showed something earlier (VS Code's webview
 * says "Loading the plans…" first), or the browser has no paint timing, the hand-over time stands in,
 * and the caller is told which it got.
 */

/** How a paint time was known: the browser's first contentful paint, or the frame's hand-over. */
export type PaintClock = 'first-contentful-paint' | 'frame';

/** Waiting longer than this for the paint entry means it will not come (a page that is hidden). */
const PAINT_WAIT_MS = 2000;

/** Calls `then` once with the time the frame now being rendered was shown. Call it from a `requestAnimationFrame` callback. */
export function whenPainted(then: (time: number, clock: PaintClock) => void): void {
  const asked = performance.now();
  let handedOver: number | undefined;
  let paint: number | undefined;
  let done = false;
  const settle = (waitedLongEnough = false) => {
    if (done || handedOver === undefined) return;
    // A first contentful paint before this frame was asked for showed something else.
    if (paint !== undefined && paint >= asked) then(paint, 'first-contentful-paint');
    else if (paint !== undefined || !observer || waitedLongEnough) then(handedOver, 'frame');
    else return;
    done = true;
    observer?.disconnect();
  };
  const observer = paintObserver((time) => {
    paint = time;
    settle();
  });
  setTimeout(() => {
    handedOver = performance.now();
    settle();
    setTimeout(() => settle(true), PAINT_WAIT_MS);
  }, 0);
}

function paintObserver(onFirstContentfulPaint: (time: number) => void): PerformanceObserver | undefined {
  if (typeof PerformanceObserver === 'undefined' || !(PerformanceObserver.supportedEntryTypes ?? []).includes('paint')) return undefined;
  const observer = new PerformanceObserver((list) => {
    const entry = list.getEntriesByName('first-contentful-paint')[0];
    if (entry) onFirstContentfulPaint(entry.startTime);
  });
  observer.observe({ type: 'paint', buffered: true });
  return observer;
}
