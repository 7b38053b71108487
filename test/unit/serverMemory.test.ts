/** The server's idle collection (src/server/memory.ts): one collection after a burst of work, none during it. */
import { strict as assert } from 'node:assert';
import * as v8 from 'node:v8';
import { exposedGc, IdleCollector, youngCollection, youngGenerationBytes } from '../../src/server/memory';

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

  it("sweeps the young generation: the garbage an edit left there is gone after it", () => {
    const enough = 512 * 1024;
    const sweep = youngCollection(enough)!;
    assert.equal(typeof sweep, 'function');
    // Short-lived objects, as an edit's analysis leaves (a few MB on the 10,000-project workspace), until
    // the young generation holds enough (V8 may sweep it on its own while they are made).
    let sink = 0;
    for (let i = 0; i < 10_000_000 && youngGenerationBytes() < enough; i++) {
      for (let k = 0; k < 100; k++) sink += { i, s: `x${i}` }.s.length;
    }
    const before = youngGenerationBytes();
    assert.ok(before >= enough, `the young generation holds ${(before / 2 ** 20).toFixed(1)} MB before`);
    sweep();
    const after = youngGenerationBytes();
    assert.ok(after < before / 4, `young generation ${(before / 2 ** 20).toFixed(1)} MB before the sweep, ${(after / 2 ** 20).toFixed(1)} MB after`);
    assert.ok(sink > 0);
  });

  it('sweeps only a young generation holding at least the given bytes, and only the young one', () => {
    const asked: unknown[] = [];
    let held = 0;
    const sweep = youngCollection(1000, () => held, (options) => asked.push(options))!;
    held = 999;
    sweep();
    assert.deepEqual(asked, [], 'not worth a collection');
    held = 1000;
    sweep();
    assert.deepEqual(asked, [{ type: 'minor' }]);
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
