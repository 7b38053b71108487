/**
 * An analysis's per-node values (analysis/nodeMap.ts) stay readable after a later analysis numbered the
 * same projects again: a view may still hold the older analysis (the tree, a hover under way). The lookup
 * by the older numbering goes through a map made only then.
 */
import { strict as assert } from 'node:assert';
import { PlanWorkspace, runToEnd } from '../../src/core';

const plan = (progress: number) => `version: 1
program:
  id: web
  name: Web
  projects:
    - id: shop
      name: Shop
      start: 2026-01-05
      duration: 10d
      budget: 1000
      progress: ${progress}
    - id: blog
      name: Blog
      start: 2026-01-05
      duration: 20d
      depends_on: [shop]
`;

describe('node maps', () => {
  it('an older analysis still answers for its projects after a new one renumbered them', () => {
    const workspace = new PlanWorkspace();
    workspace.set('web.plan.yaml', plan(40));
    const older = workspace.analyze({ statusDate: 20_460 });
    const [shop, blog] = older.index.projects;
    const before = { shop: older.rollup.projects.get(shop)!.figures.ev, blogStart: older.schedule.dates.get(blog)!.start };

    // Another full analysis numbers the same entities anew (same objects: the file did not change).
    const newer = runToEnd(workspace.analyzeFully({ statusDate: 20_460 }));
    assert.equal(newer.index.projects[0], shop, 'the entities are the same objects');
    assert.notEqual(newer.index.positions, older.index.positions, 'and numbered again');

    assert.equal(older.rollup.projects.get(shop)!.figures.ev, before.shop);
    assert.equal(older.schedule.dates.get(blog)!.start, before.blogStart);
    assert.equal(older.rollup.projects.size, 2);
    assert.deepEqual([...older.rollup.projects.keys()].map((p) => p.id), ['shop', 'blog']);
    // The newer analysis answers by the nodes' own numbers.
    assert.equal(newer.rollup.projects.get(shop)!.figures.ev, before.shop);
  });
});
