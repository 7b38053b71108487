/** Debounce (analysis/steps.ts): the editor's and the language server's analysis after edits. */
import { strict as assert } from 'node:assert';
import { Debounce } from '../../src/core';

/** Resolves once a timer set now for `ms` has fired: every earlier-due timer has fired by then. */
const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('Debounce', () => {
  it('runs once, after the last of several requests', async () => {
    let runs = 0;
    const debounce = new Debounce(5, () => runs++);
    debounce.request();
    debounce.request();
    assert.equal(debounce.waiting, true);
    await after(20);
    assert.equal(runs, 1);
    assert.equal(debounce.waiting, false);
  });

  it('cancel drops the waiting run and says whether there was one', async () => {
    let runs = 0;
    const debounce = new Debounce(1, () => runs++);
    assert.equal(debounce.cancel(), false);
    debounce.request();
    assert.equal(debounce.cancel(), true);
    await after(10);
    assert.equal(runs, 0);
  });
});
