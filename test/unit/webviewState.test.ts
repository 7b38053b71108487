/**
 * What the roadmap webview keeps across reloads (src/webview/state.ts), read back defensively: the tab
 * shown and the People tab's basis, anything else falling back to the timeline and the plan basis.
 */
import { strict as assert } from 'node:assert';
import { initialState, readState } from '../../src/webview/state';

describe('the roadmap webview state', () => {
  it('keeps the tab and the People basis', () => {
    const state = readState({ ...initialState, tab: 'people', basis: 'forecast' });
    assert.equal(state.tab, 'people');
    assert.equal(state.basis, 'forecast');
  });

  it('falls back to the timeline on the plan basis for anything else', () => {
    for (const saved of [{ version: 1 }, { version: 1, tab: 'People', basis: 'baseline' }, { version: 1, tab: 7, basis: null }, undefined]) {
      const state = readState(saved);
      assert.equal(state.tab, 'timeline', JSON.stringify(saved));
      assert.equal(state.basis, 'plan', JSON.stringify(saved));
    }
  });
});
