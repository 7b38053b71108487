/**
 * Entities share one empty list for every list with nothing in it (src/core/model/read.ts: `none`).
 * It is not frozen (V8 walks a frozen array by an iterator object per `for … of`), so nothing may add to
 * it: readonly by type, and checked here after every unit test of the run (a root hook) and after an
 * analysis, an edit analysed incrementally and the views that read every list.
 */
import { strict as assert } from 'node:assert';
import { PlanWorkspace, toRollupJson } from '../../src/core';
import { pushAll } from '../../src/core/base/lists';
import { none } from '../../src/core/model/read';
import { day, yaml } from '../utils/plans';

after('the one empty list is still empty after every unit test', () => {
  assert.deepEqual([...none], []);
});

describe('the one empty list', () => {
  it('is what an entity holds for a list with nothing in it, and stays empty through analyses and edits', () => {
    const workspace = new PlanWorkspace();
    const text = (progress: number) => yaml`
      program:
        id: g
        name: Growth
        projects:
          - { id: a, name: Alpha, start: 2026-01-01, duration: 10d, budget: 1000, progress: ${progress} }
          - { id: b, name: Beta, depends_on: [a], duration: 5d, budget: 500 }
    `;
    workspace.set('p.plan.yaml', text(10));
    const first = workspace.analyze({ statusDate: day('2026-01-05') });
    const alpha = first.index.projects.find((p) => p.id === 'a')!;
    assert.equal(alpha.risks, none, 'a project without risks holds the one empty list');
    assert.equal(alpha.milestones, none);
    workspace.set('p.plan.yaml', text(40));
    const edited = workspace.analyze({ statusDate: day('2026-01-05') });
    assert.equal(toRollupJson(edited).projects.length, 2);
    assert.deepEqual([...none], []);
  });
});

describe('pushAll', () => {
  it('appends a list of any length: the problems of one large file (push(...list) overflows the stack at a few hundred thousand)', () => {
    const list = [0];
    const many = Array.from({ length: 600_000 }, (_, i) => i + 1);
    pushAll(list, many);
    assert.equal(list.length, 600_001);
    assert.deepEqual([list[0], list[1], list.at(-1)], [0, 1, 600_000]);
  });
});
