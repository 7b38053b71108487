/**
 * Memory given back when the server is idle. V8 grows its heap to hold the garbage an analysis makes and
 * keeps the room afterwards; in a browser its memory reducer returns it when the page goes idle, but Node
 * never tells V8 it is idle. So, once no analysis has run for a while, the server asks for one full
 * collection: its memory stays near what the plans need instead of the high-water mark of its busiest
 * edit (SPEC 13: flat over edits). bench/lsp.bench.mjs reports the RSS after the edits, settled.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** How long after the last analysis the server counts as idle. */
export const IDLE_MS = 2000;

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

/** V8's `gc()`, exposed for this process (undefined where the runtime refuses), as jest's leak detector does. */
export function exposedGc(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? () => (gc as () => void)() : undefined;
  } catch {
    return undefined;
  }
}
