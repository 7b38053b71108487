/**
 * At most one run of an action per interval: a request runs it at once, or, when it ran less than the
 * interval ago, once at the end of the interval (the requests in between fold into that one run).
 * The roadmap panel posts its model this way, and the Plans view asks VS Code to fetch its items.
 */
export class Throttle {
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly action: () => void,
  ) {}

  /** Runs the action now or at the end of the interval; a run already waiting covers this request. */
  request(): void {
    if (this.timer !== undefined) return;
    const wait = this.last + this.intervalMs - performance.now();
    if (wait <= 0) this.runNow();
    else this.timer = setTimeout(() => this.runNow(), wait);
  }

  /** Runs the action now (a waiting run is dropped: this one covers it). */
  runNow(): void {
    this.cancel();
    this.last = performance.now();
    this.action();
  }

  /** Drops a waiting run. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.cancel();
  }
}
