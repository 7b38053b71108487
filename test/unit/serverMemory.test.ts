/** The server's idle collection (src/server/memory.ts): one collection after a burst of work, none during it. */
import { strict as assert } from 'node:assert';
import * as v8 from 'node:v8';
import { exposedGc, IdleCollector } from '../../src/server/memory';

const oldSpace = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')!;

describe('server memory: the idle collection', () => {
  it("gets V8's gc() in this runtime (Node 20)", () => {
    const gc = exposedGc();
    assert.equal(typeof gc, 'function');
    gc!();
  });

  it('compacts: the pages left half empty by garbage are given back', function () {
    this.timeout(60_000);
    const gc = exposedGc()!;
    // Old space filled, then seven objects in eight thrown away: every page keeps a few live ones.
    let all: Array<{ i: number; s: string }> | undefined = [];
    const kept: Array<{ i: number; s: string }> = [];
    for (let i = 0; i < 1_500_000; i++) {
      const o = { i, s: `x${i}` };
      all.push(o);
      if (i % 8 === 0) kept.push(o);
    }
    gc();
    all = undefined;
    gc();
    const { space_size: size, space_used_size: used } = oldSpace();
    const slack = size - used;
    // Without compaction V8 keeps most of the freed pages (measured: old space 107 MB holding 25 MB).
    assert.ok(slack < Math.max(8 * 1024 * 1024, used * 0.25), `old space ${(size / 2 ** 20).toFixed(0)} MB holding ${(used / 2 ** 20).toFixed(0)} MB after the collection`);
    assert.equal(kept.length, 187_500);
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
