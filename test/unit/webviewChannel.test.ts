/**
 * The channel to the roadmap's page: nothing is posted before the page says `ready`; then what a new
 * page needs first (the outline), the state (latest of each type) and the queued events, in that
 * order, again on every `ready`. A webview is stood in for by what the channel uses of it.
 */
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { WebviewChannel } from '../../src/extension/webviewChannel';

type Message = { readonly type: 'outline' | 'model' | 'comparison' | 'focus'; readonly n: number };

function channel(opening: () => Message | undefined = () => undefined) {
  const posted: Message[] = [];
  const webview = { postMessage: async (message: Message) => (posted.push(message), true) } as unknown as vscode.Webview;
  return { posted, channel: new WebviewChannel<Message>(webview, opening) };
}

describe('webview channel', () => {
  it('posts nothing before the page is ready, then the opening, the state and the events, in that order', () => {
    let latest = 1;
    const { posted, channel: c } = channel(() => ({ type: 'outline', n: latest }));
    c.setState({ type: 'model', n: 1 });
    c.setState({ type: 'comparison', n: 1 });
    c.send({ type: 'focus', n: 1 });
    assert.deepEqual(posted, []);
    c.pageReady();
    assert.deepEqual(posted, [{ type: 'outline', n: 1 }, { type: 'model', n: 1 }, { type: 'comparison', n: 1 }, { type: 'focus', n: 1 }]);

    // An update while the page is ready: the state only, no opening.
    latest = 2;
    posted.length = 0;
    c.setState({ type: 'model', n: 2 });
    assert.deepEqual(posted, [{ type: 'model', n: 2 }]);

    // The page reloads: the opening is asked for again (the latest), then the latest state; events went out once.
    posted.length = 0;
    c.pageReady();
    assert.deepEqual(posted, [{ type: 'outline', n: 2 }, { type: 'model', n: 2 }, { type: 'comparison', n: 1 }]);
  });

  it('posts no opening while there is none (the first analysis is not done yet)', () => {
    const { posted, channel: c } = channel();
    c.pageReady();
    assert.deepEqual(posted, []);
    c.setState({ type: 'model', n: 1 });
    assert.deepEqual(posted, [{ type: 'model', n: 1 }]);
  });
});
