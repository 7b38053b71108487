/** The server's idle collection (src/server/memory.ts): one collection after a burst of work, none during it. */
import { strict as assert } from 'node:assert';
import { exposedGc, IdleCollector } from '../../src/server/memory';

describe('server memory: the idle collection', () => {
  it("gets V8's gc() in this runtime (Node 20)", () => {
    const gc = exposedGc();
    assert.equal(typeof gc, 'function');
    gc!();
  });

  it('collects once after the last of several bursts of work, when idle', async () => {
    let calls = 0;
    let idle!: () => void;
    const done = new Promise<void>((resolve) => (idle = resolve));
    const collector = new IdleCollector(5, () => {
      calls++;
      idle();
    });
    collector.worked();
    collector.worked();
    collector.worked();
    assert.equal(calls, 0, 'nothing while work goes on');
    await done;
    // Past when any other timer of those bursts would have fired.
    await new Promise<void>((resolve) => new IdleCollector(10, resolve).worked());
    assert.equal(calls, 1);
  });

  it('collects nothing once disposed', async () => {
    let calls = 0;
    const collector = new IdleCollector(1, () => calls++);
    collector.worked();
    collector.dispose();
    // A later collector's run: by then the disposed one's (earlier) timer would have fired.
    await new Promise<void>((resolve) => new IdleCollector(5, resolve).worked());
    assert.equal(calls, 0);
  });
});
