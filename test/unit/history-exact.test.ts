/**
 * Plans over time compare money exactly (SPEC 5, SPEC 8): a program's BAC summed in another order — its
 * projects' files renamed — is the same BAC, though floating point rounds the two sums differently.
 */
import { strict as assert } from 'node:assert';
import { analyzePlans, diffPlans, planSnapshot, toDiffJson } from '../../src/core';
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
    // ΣBAC 0.6 → 0.61.
    assert.equal(Math.round(g.delta.bac! * 100), 1);
  });

  it('a cent on a budget of 10 million is a change (close is not the same)', () => {
    const base = snapshot([['a', '10000000.00']]);
    const head = snapshot([['a', '10000000.01']]);
    const json = toDiffJson(diffPlans(base, head, sides));
    assert.deepEqual(json.programs.map((p) => p.change), ['changed']);
    assert.equal(Math.round(json.programs[0].delta.bac! * 100), 1);
  });
});
