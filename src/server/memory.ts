/**
 * Memory given back when the server is idle. V8 grows its heap to hold the garbage an analysis makes and
 * keeps the room afterwards; in a browser its memory reducer returns it when the page goes idle, but Node
 * never tells V8 it is idle. So, once no analysis has run for a while, the server asks for one full,
 * compacting collection: its memory stays near what the plans need instead of the high-water mark of its busiest
 * edit (SPEC 13: flat over edits). bench/lsp.bench.mjs reports the RSS after the edits, settled.
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

/**
 * V8's `gc()`, exposed for this process (undefined where the runtime refuses), as jest's leak detector does;
 * the collection compacts: without it, V8 frees the garbage but keeps the half-empty pages the edits left
 * (measured on L: old space 158 MB holding 87 MB after 1,000 edits; compacted, RSS back near where it was
 * after indexing). The flag is set for this one collection only.
 */
export function exposedGc(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    if (typeof gc !== 'function') return undefined;
    return () => {
      v8.setFlagsFromString('--compact-on-every-full-gc');
      try {
        (gc as () => void)();
      } finally {
        v8.setFlagsFromString('--no-compact-on-every-full-gc');
      }
    };
  } catch {
    return undefined;
  }
}
