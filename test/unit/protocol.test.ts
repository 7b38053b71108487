/**
 * The extension ↔ webview protocol: messages from the webview are untrusted, so only well-formed ones
 * pass, and `open` only for ids the roadmap shows.
 */
import { strict as assert } from 'node:assert';
import { parseWebviewMessage } from '../../src/shared/protocol';

const known = new Set(['a1', 'platform']);
const parse = (value: unknown) => parseWebviewMessage(value, (id) => known.has(id));

describe('webview messages', () => {
  it('accepts every well-formed message', () => {
    assert.deepEqual(parse({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parse({ type: 'open', id: 'a1' }), { type: 'open', id: 'a1' });
    assert.deepEqual(parse({ type: 'copy', format: 'markdown' }), { type: 'copy', format: 'markdown' });
    assert.deepEqual(parse({ type: 'copy', format: 'csv' }), { type: 'copy', format: 'csv' });
    assert.deepEqual(parse({ type: 'rendered', bars: 17, drawn: 17, rows: 20 }), { type: 'rendered', bars: 17, drawn: 17, rows: 20 });
    assert.deepEqual(parse({ type: 'rendered', bars: 3, drawn: 3, rows: 5, ghosts: 2, deltas: 4 }), { type: 'rendered', bars: 3, drawn: 3, rows: 5, ghosts: 2, deltas: 4 });
    assert.deepEqual(parse({ type: 'stopComparing' }), { type: 'stopComparing' });
  });

  it('opens only ids the roadmap shows', () => {
    assert.equal(parse({ type: 'open', id: 'nope' }), undefined);
    assert.equal(parse({ type: 'open', id: '' }), undefined);
    assert.equal(parse({ type: 'open', id: '__proto__' }), undefined);
    assert.equal(parse({ type: 'open', id: 'a1'.padEnd(2000, 'x') }), undefined);
  });

  it('rejects anything malformed', () => {
    const bad: unknown[] = [
      undefined, null, 'ready', 42, [], ['ready'], {},
      { type: 'READY' }, { type: 'ready', extra: 1 }, { type: 'unknown' },
      { type: 'open' }, { type: 'open', id: 7 }, { type: 'open', id: ['a1'] }, { type: 'open', id: 'a1', uri: 'command:evil' },
      { type: 'copy' }, { type: 'copy', format: 'html' }, { type: 'copy', format: 'csv', text: 'x' },
      { type: 'rendered', bars: -1, drawn: 0, rows: 0 }, { type: 'rendered', bars: 1.5, drawn: 0, rows: 0 },
      { type: 'rendered', bars: '3', drawn: 0, rows: 0 }, { type: 'rendered', bars: 1, drawn: 1 },
      { type: 'rendered', bars: 1, drawn: 1, rows: 1, ghosts: 2 }, { type: 'rendered', bars: 1, drawn: 1, rows: 1, ghosts: -1, deltas: 0 },
      { type: 'stopComparing', ref: 'HEAD' }, { type: 'compareWith', ref: 'HEAD' },
      { type: 'command', command: 'workbench.action.terminal.new' },
    ];
    for (const value of bad) assert.equal(parse(value), undefined, JSON.stringify(value) ?? String(value));
  });

  it('is not fooled by inherited properties', () => {
    const sneaky = Object.create({ type: 'ready' });
    assert.equal(parse(sneaky), undefined);
  });
});
