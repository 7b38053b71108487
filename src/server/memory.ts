/**
 * Memory given back when the server is idle. V8 grows its heap to hold the garbage an analysis makes and
 * keeps the room afterwards; in a browser its memory reducer returns it when the page goes idle, but Node
 * never tells V8 it is idle. So, once no analysis has run for a while, the server asks for one full,
 * compacting collection: its memory stays near what the plans need instead of the high-water mark of its busiest
 * edit (SPEC 13: flat over edits). bench/lsp.bench.mjs reports the RSS after the edits, settled.
 * And in the short pause after each analysis, the young generation is swept when it holds more than a
 * little (youngCollection), so that the next edit does not pay for the last one's garbage.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/**
 * How long after the last analysis the server counts as idle: long enough that the collection (a
 * compacting one: ~0.3 s on the 10,000-project workspace, a few ms on a small one) seldom falls on the
 * next keystroke of someone who paused to think.
 */
export const IDLE_MS = 5000;

export class IdleCollector {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly idleMs = IDLE_MS,
    private readonly collect: (() => void) | undefined = exposedGc(),
  ) {}

  /** Work was done: collect once `idleMs` pass without more. */
  worked(): void {
    if (!this.collect) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.collect?.();
    }, this.idleMs);
    // A pending collection never keeps the process alive.
    this.timer.unref();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** V8's `gc()` for this process, exposed as jest's leak detector does; undefined where the runtime refuses. */
function v8Gc(): ((options?: { type: 'major' | 'minor' }) => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as (options?: { type: 'major' | 'minor' }) => void) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A full collection that compacts (undefined where the runtime refuses gc()): without compaction, V8
 * frees the garbage but keeps the half-empty pages the edits left (measured on L: old space 158 MB holding
 * 87 MB after 1,000 edits; compacted, RSS back near where it was after indexing). The flag is set for
 * this one collection only.
 */
export function exposedGc(): (() => void) | undefined {
  const gc = v8Gc();
  if (!gc) return undefined;
  return () => {
    v8.setFlagsFromString('--compact-on-every-full-gc');
    try {
      gc();
    } finally {
      v8.setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
}

/**
 * How long after an analysis the server sweeps its young generation: the pause between keystrokes
 * (typing at 10 keys a second leaves ~80 ms after an edit's analysis on the 10,000-project workspace).
 */
export const YOUNG_IDLE_MS = 30;

/** Less than this in the young generation is not worth a collection of its own. */
export const YOUNG_MIN_BYTES = 1024 * 1024;

/**
 * A collection of the young generation when it holds at least `minBytes` (undefined where the runtime
 * refuses gc()). An edit of the 10,000-project workspace leaves a few MB there; V8 collects it when it is
 * full, which fell inside two edits in five and added 9–18 ms to their edit → publishDiagnostics
 * (bench/lsp.bench.mjs, the server's profile). A browser does such collections in idle time; Node never
 * tells V8 it is idle, so the server does it in the pause after an analysis (an IdleCollector of
 * YOUNG_IDLE_MS): the next edit starts with room for its garbage.
 */
export function youngCollection(
  minBytes = YOUNG_MIN_BYTES,
  youngBytes = youngGenerationBytes,
  gc: ((options: { type: 'minor' }) => void) | undefined = v8Gc(),
): (() => void) | undefined {
  if (!gc) return undefined;
  return () => {
    if (youngBytes() >= minBytes) gc({ type: 'minor' });
  };
}

/** What the young generation holds now, in bytes. */
export function youngGenerationBytes(): number {
  return v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_used_size ?? 0;
}
