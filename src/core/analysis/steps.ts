/**
 * Work that can pause. The engine's workspace-wide passes are generators that yield every few hundred
 * items: the extension runs them in time slices so its host never blocks for long, the CLI and tests
 * run them straight to the end.
 */
export type Steps<T> = Generator<void, T, void>;

/** Items processed between pauses (the extension measures its time slices in milliseconds, `SLICE_MS`). */
export const ITEMS_PER_PAUSE = 256;

/**
 * When a pass should pause: it counts the items done since the last pause (an item that stands for many,
 * such as a person's check over all their allocations, counts as many).
 */
export class PauseCounter {
  private done = 0;

  /** Counts `items` more; true when a pause is due (and counting starts again). */
  due(items = 1): boolean {
    this.done += items;
    if (this.done < ITEMS_PER_PAUSE) return false;
    this.done = 0;
    return true;
  }
}

/**
 * Runs steps in time slices of about `sliceMs` (the editor's host, the language server), awaiting `pause()`
 * between slices; undefined when `current()` says, after a pause, that a newer run has taken over.
 */
export async function runInSlices<T>(steps: Steps<T>, sliceMs: number, pause: () => Promise<void>, current: () => boolean): Promise<T | undefined> {
  for (;;) {
    const sliceStart = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - sliceStart > sliceMs) break;
    }
    await pause();
    if (!current()) return undefined;
  }
}

/** One run of an action `delayMs` after the last request (the editor's and the language server's analysis after edits). */
export class Debounce {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly delayMs: number,
    private readonly action: () => void,
  ) {}

  /** Whether a run is waiting for its delay. */
  get waiting(): boolean {
    return this.timer !== undefined;
  }

  /** Runs the action `delayMs` (or `delay`, for this request) from now; a run already waiting is put off to then. */
  request(delay = this.delayMs): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.action();
    }, delay);
  }

  /** Drops the waiting run; true when there was one. */
  cancel(): boolean {
    const was = this.timer !== undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    return was;
  }
}

/** Runs where a newer one abandons an older one still under way (the editor's and the language server's analyses). */
export class LatestRun<T> {
  private generation = 0;
  /** The run under way, if any. */
  running: Promise<T | undefined> | undefined;

  /** Starts `job`, which asks `current()` whether it is still the newest run; a fault goes to `onError` and the run gives undefined. */
  start(job: (current: () => boolean) => Promise<T | undefined>, onError: (error: unknown) => void): Promise<T | undefined> {
    const generation = ++this.generation;
    const run = (async () => {
      try {
        return await job(() => generation === this.generation);
      } catch (error) {
        onError(error);
        return undefined;
      }
    })();
    this.running = run;
    void run.finally(() => {
      if (this.running === run) this.running = undefined;
    });
    return run;
  }

  /** Abandons the run under way: it gives undefined at its next pause. */
  abandon(): void {
    this.generation++;
  }
}

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
