/**
 * Plans over time compare money exactly (SPEC 5, SPEC 8): a program's BAC summed in another order — its
 * projects' files renamed — is the same BAC, though floating point rounds the two sums differently.
 */
import { strict as assert } from 'node:assert';
import { analyzePlans, diffPlans, PlanWorkspace, planSnapshot, toDiffJson } from '../../src/core';
import { day } from '../utils/plans';

const options = { statusDate: day('2026-01-05') };
const sides = { base: { ref: 'v1', commit: 'a'.repeat(40) }, head: { ref: null, commit: null } };

const program = 'program:\n  id: g\n  name: G\n';
const project = (id: string, budget: string, duration = '10d') =>
  `project:\n  id: ${id}\n  name: ${id}\n  program: g\n  start: 2026-01-01\n  duration: ${duration}\n  budget: ${budget}\n`;

/** The program and one file per project, named so that they are read in the order given. */
function snapshot(order: ReadonlyArray<[string, string, string?]>) {
  const files = [{ path: 'g.plan.yaml', text: program }, ...order.map(([id, budget, duration], i) => ({ path: `${i}-${id}.plan.yaml`, text: project(id, budget, duration) }))];
  return planSnapshot(analyzePlans(files, options));
}

describe('plans over time: money compared exactly', () => {
  it('a program whose projects are read in another order has not changed (0.1 + 0.2 + 0.3 against 0.3 + 0.2 + 0.1)', () => {
    // In floating point 0.1 + 0.2 + 0.3 = 0.6000000000000001 and 0.3 + 0.2 + 0.1 = 0.6; exactly both are 3/5.
    const base = snapshot([['a', '0.1'], ['b', '0.2'], ['c', '0.3']]);
    const head = snapshot([['c', '0.3'], ['b', '0.2'], ['a', '0.1']]);
    assert.notEqual(base.programs[0].bac, head.programs[0].bac, 'the float sums differ (else this test checks nothing)');
    const json = toDiffJson(diffPlans(base, head, sides));
    assert.deepEqual(json.programs, []);
    assert.deepEqual(json.projects, []);
  });

  it('a program that changed for another reason shows its BAC and EAC unchanged (Δ 0)', () => {
    const base = snapshot([['a', '0.1'], ['b', '0.2'], ['c', '0.3']]);
    // Read in another order, and a runs 20 days: the program ends 2026-01-20 instead of 2026-01-10 (+10).
    const head = snapshot([['c', '0.3'], ['b', '0.2'], ['a', '0.1', '20d']]);
    const [g] = toDiffJson(diffPlans(base, head, sides)).programs;
    assert.equal(g.change, 'changed');
    assert.deepEqual([g.delta.end, g.delta.bac, g.delta.eac], [10, 0, 0]);
  });

  it('a cent more is a change of a cent', () => {
    const base = snapshot([['a', '0.1'], ['b', '0.2'], ['c', '0.3']]);
    const head = snapshot([['c', '0.3'], ['b', '0.2'], ['a', '0.11']]);
    const [g] = toDiffJson(diffPlans(base, head, sides)).programs;
    // ΣBAC 0.6 → 0.61: Δ exactly 0.01 (floating point: 0.61 − 0.6000000000000001).
    assert.equal(g.delta.bac, 0.01);
    assert.equal(g.delta.eac, 0.01);
  });

  it('two revisions analysed one after the other by one workspace (as diff and trend do) keep their own exact money', () => {
    // The workspace refreshes the project in place for the second revision: the first snapshot's exact
    // BAC must still read 10000000.00, or the cent (1e-9 of it: within floating point's hair) is lost.
    const workspace = new PlanWorkspace();
    const files = (budget: string) => [{ path: 'g.plan.yaml', text: program }, { path: 'a.plan.yaml', text: project('a', budget) }];
    for (const file of files('10000000.00')) workspace.set(file.path, file.text);
    const base = planSnapshot(workspace.analyze(options));
    for (const file of files('10000000.01')) workspace.set(file.path, file.text);
    const head = planSnapshot(workspace.analyze(options));
    const json = toDiffJson(diffPlans(base, head, sides));
    assert.deepEqual(json.projects.map((p) => [p.id, p.change, p.delta.bac]), [['a', 'changed', 0.01]]);
    assert.deepEqual(json.programs.map((p) => [p.id, p.change, p.delta.bac]), [['g', 'changed', 0.01]]);
  });

  it("a project's budget and progress change by what was written: 0.2 → 0.3 is +0.1, 33.3 → 66.6 is +33.3", () => {
    const base = planSnapshot(analyzePlans([{ path: 'a.plan.yaml', text: 'project:\n  id: a\n  name: A\n  start: 2026-01-01\n  duration: 10d\n  budget: 0.2\n  progress: 33.3\n' }], options));
    const head = planSnapshot(analyzePlans([{ path: 'a.plan.yaml', text: 'project:\n  id: a\n  name: A\n  start: 2026-01-01\n  duration: 10d\n  budget: 0.3\n  progress: 66.6\n' }], options));
    assert.equal(0.3 - 0.2, 0.09999999999999998, 'floating point (else this test checks nothing)');
    const [a] = toDiffJson(diffPlans(base, head, sides)).projects;
    assert.deepEqual([a.delta.bac, a.delta.budget, a.delta.progress], [0.1, 0.1, 33.3]);
  });

  it('a cent on a budget of 10 million is a change (close is not the same)', () => {
    const base = snapshot([['a', '10000000.00']]);
    const head = snapshot([['a', '10000000.01']]);
    const json = toDiffJson(diffPlans(base, head, sides));
    assert.deepEqual(json.programs.map((p) => p.change), ['changed']);
    assert.equal(json.programs[0].delta.bac, 0.01);
  });
});
