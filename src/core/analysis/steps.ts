/**
 * Work that can pause. The engine's workspace-wide passes are generators that yield every few hundred
 * items: the extension runs them in time slices so its host never blocks for long, the CLI and tests
 * run them straight to the end.
 */
export type Steps<T> = Generator<void, T, void>;

/** Items processed between pauses (the extension measures its time slices in milliseconds, `SLICE_MS`). */
export const ITEMS_PER_PAUSE = 256;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
