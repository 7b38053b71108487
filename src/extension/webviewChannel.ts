/**
 * A channel to a webview that holds messages until the page says it is ready.
 *
 * A webview without `retainContextWhenHidden` loses its page whenever it is hidden and loads it again
 * when shown; a message posted while the page is loading, gone or not yet listening is lost. So the
 * page posts `ready` each time its script starts, and the channel then delivers:
 * - state (`setState`): the latest message of each type, again on every `ready` (a new page has none);
 * - events (`send`): queued until the next `ready`, delivered once;
 * - before the state, what a page that has just loaded needs first (`opening`, asked for on each `ready`:
 *   the roadmap's outline, so that a new page paints its bars before the whole model arrives).
 * The channel never guesses readiness from view-state events: only the page's own `ready` counts, and a
 * post that VS Code reports undelivered sends the channel back to waiting.
 */
import type * as vscode from 'vscode';

export class WebviewChannel<Out extends { readonly type: string }> {
  private ready = false;
  /** Counts the page's `ready`s, so a late report about an earlier page changes nothing. */
  private page = 0;
  private readonly state = new Map<Out['type'], Out>();
  private events: Out[] = [];

  constructor(
    private readonly webview: vscode.Webview,
    private readonly opening: () => Out | undefined = () => undefined,
  ) {}

  /** True between the page's `ready` and the next undelivered post. */
  get isReady(): boolean {
    return this.ready;
  }

  /** The page's script has started and listens: deliver the state, then the queued events. */
  pageReady(): void {
    this.ready = true;
    this.page++;
    const first = this.opening();
    if (first) this.deliver(first, false);
    for (const message of this.state.values()) this.deliver(message, false);
    const events = this.events;
    this.events = [];
    for (const message of events) this.deliver(message, true);
  }

  /** Replaces the state of this message's type; the page gets it now if it is ready, else on `ready`. */
  setState(message: Out): void {
    this.state.set(message.type, message);
    if (this.ready) this.deliver(message, false);
  }

  /** Forgets the state of this message's type: a page that says `ready` later does not get it. */
  clearState(type: Out['type']): void {
    this.state.delete(type);
  }

  /** An event for the page: delivered once, now or on the next `ready`. */
  send(message: Out): void {
    if (this.ready) this.deliver(message, true);
    else this.events.push(message);
  }

  private deliver(message: Out, isEvent: boolean): void {
    const page = this.page;
    const undelivered = () => {
      // That page is gone (hidden, reloading): the next one says `ready` and gets the state then.
      if (isEvent) this.events.push(message);
      if (page === this.page) this.ready = false;
    };
    void this.webview.postMessage(message).then((delivered) => {
      if (!delivered) undelivered();
    }, undelivered);
  }
}
