/**
 * People and capacity (SPEC 10) and `overallocated` (SPEC 6 v3), by hand: the load model's segments,
 * periods and peaks, exactness, what gives no load, the suggestions and their quick fix, and the
 * incremental analysis after edits that reach a suggestion from afar.
 */
import assert from 'node:assert/strict';
import { analyzePlans, formatDay, peopleLoad, peopleReport, PlanWorkspace } from '../../src/core';
import { day } from '../utils/plans';

/** Web 60% Apr 1–30 and Shop rebuild 50% Apr 3–20 (planned) for Olga; Ben 100% on Shop; a successor gives float. */
const plan = (o: { shopStart?: string; shopTeam?: string; webAllocation?: string; capacity?: string; tailDuration?: string; extra?: string } = {}) => `program:
  id: pg
  name: PG
  projects:
    - id: web
      name: Web
      start: 2026-04-01
      end: 2026-04-30
      team:
        - person: olga
          allocation: ${o.webAllocation ?? '60'}
    - id: shop
      name: Shop rebuild
      ${o.shopStart ?? 'start: 2026-04-03'}
      end: 2026-04-20
      state: planned
      team:
${o.shopTeam ?? '        - person: olga\n          allocation: 50\n        - person: ben'}
    - id: tail
      name: Tail
      depends_on: [web]
      duration: ${o.tailDuration ?? '70d'}
${o.extra ?? ''}people:
  - id: olga
    name: Olga
    capacity: ${o.capacity ?? '100'}
  - id: ben
    name: Ben
`;
const S = { statusDate: day('2026-03-01') };
const overallocated = (text: string) => analyzePlans([{ path: 'a.plan.yaml', text }], S).diagnostics.filter((d) => d.code === 'overallocated');

describe('people and capacity (SPEC 10)', () => {
  it('segments by set of projects, periods over capacity with peak and projects, on the plan basis', () => {
    const json = peopleReport(analyzePlans([{ path: 'a.plan.yaml', text: plan() }], S), 'plan').json;
    const olga = json.people.find((p) => p.id === 'olga')!;
    // Apr 1–2 web 60; Apr 3–20 web + shop 110; Apr 21–30 web 60.
    assert.deepEqual(olga.segments, [
      { from: '2026-04-01', to: '2026-04-02', load: 60, projects: ['web'] },
      { from: '2026-04-03', to: '2026-04-20', load: 110, projects: ['shop', 'web'] },
      { from: '2026-04-21', to: '2026-04-30', load: 60, projects: ['web'] },
    ]);
    assert.deepEqual(olga.overallocations, [{ from: '2026-04-03', to: '2026-04-20', peak: 110, projects: ['shop', 'web'] }]);
    assert.equal(olga.peak, 110);
    assert.deepEqual(olga.projects, [{ id: 'shop', allocation: 50 }, { id: 'web', allocation: 60 }]);
    assert.deepEqual(json.people.map((p) => p.id), ['ben', 'olga']);
    assert.equal(json.people[0].role, null);
  });

  it("each person's assignments: project, window on the basis, allocation in the person's units (none for a cancelled project)", () => {
    const analysis = analyzePlans([{ path: 'a.plan.yaml', text: plan({ webAllocation: '60.5', extra: '    - id: gone\n      name: Gone\n      start: 2026-04-01\n      duration: 5d\n      state: cancelled\n      team:\n        - person: olga\n' }) }], S);
    const olga = peopleLoad(analysis, 'plan').people.find((p) => p.person.id === 'olga')!;
    const seen = olga.assignments.map((a) => [a.project.id, a.start === undefined ? null : formatDay(a.start), a.end === undefined ? null : formatDay(a.end), a.units]);
    // Scale 2 (60.5 = 121/2): web 121, shop 100 units.
    assert.deepEqual(seen, [['web', '2026-04-01', '2026-04-30', 121n], ['shop', '2026-04-03', '2026-04-20', 100n]]);
    assert.equal(olga.exact.scale, 2n);
    assert.equal(olga.assignments, olga.assignments, 'made once');
  });

  it('suggests the smallest shift that resolves the period without a new day over capacity for anyone on the team', () => {
    const json = peopleReport(analyzePlans([{ path: 'a.plan.yaml', text: plan() }], S), 'plan').json;
    // Shift 18 would end the period (Apr 21 on) but puts shop 50 over web 60 on Apr 21–30 (110, new):
    // the gained days must start after Apr 30, so k = May 1 − Apr 3 = 28. Float: tail ends Apr 30 + 70
    // = Jul 9, the program's end; shop has no successor: float = Jul 9 − Apr 20 = 80.
    assert.deepEqual(json.suggestions, [{ person: 'olga', from: '2026-04-03', to: '2026-04-20', project: 'shop', shiftDays: 28 }]);
    assert.deepEqual(peopleReport(analyzePlans([{ path: 'a.plan.yaml', text: plan() }], S), 'forecast').json.suggestions, []);
  });

  it('no suggestion beyond the float (tail 40d: float = May 30 + … − Apr 20 = 27 < 28)', () => {
    // tail ends Apr 30 + 27 = May 27... float = May 27 − Apr 20 = 37? No: tail 27d ends May 27, float 37 ≥ 28.
    // tail 20d ends May 20: float = May 20 − Apr 20 = 30 ≥ 28; tail 17d ends May 17: float 27 < 28.
    const json = peopleReport(analyzePlans([{ path: 'a.plan.yaml', text: plan({ tailDuration: '17d' }) }], S), 'plan').json;
    assert.deepEqual(json.suggestions, []);
    const ok = peopleReport(analyzePlans([{ path: 'a.plan.yaml', text: plan({ tailDuration: '18d' }) }], S), 'plan').json;
    assert.equal(ok.suggestions[0]?.shiftDays, 28);
  });

  it('the warning names the suggestion, and its quick fix moves the explicit start and end', () => {
    const [d] = overallocated(plan());
    assert.match(d.message, /'olga' is over capacity from 2026-04-03 to 2026-04-20: a peak of 110% against a capacity of 100%, on 'shop' 50%, 'web' 60%/);
    assert.match(d.message, /Starting 'shop' 28 days later \(2026-05-01\) resolves it, within its 80 days of float/);
    assert.equal(d.range.start.line + 1, 18); // shop starts last: its `- person: olga` (line 18)
    assert.deepEqual(d.data, {
      kind: 'edits',
      fixes: [{
        title: "Start 'shop' 28 days later (2026-05-01)",
        edits: [
          { file: 'a.plan.yaml', range: { start: { line: 13, character: 13 }, end: { line: 13, character: 23 } }, newText: '2026-05-01' },
          { file: 'a.plan.yaml', range: { start: { line: 14, character: 11 }, end: { line: 14, character: 21 } }, newText: '2026-05-18' },
        ],
      }],
    });
  });

  it('a start computed from depends_on: the warning says so and carries no fix', () => {
    // kick ends Apr 1, so shop runs Apr 2–19… its end is explicit (Apr 20): the period is Apr 2–20, k = May 1 − Apr 2 = 29.
    const text = plan({ shopStart: 'depends_on: [kick]', extra: '    - { id: kick, name: Kick, start: 2026-03-30, duration: 3d }\n' });
    const [d] = overallocated(text);
    assert.match(d.message, /Starting 'shop' 29 days later would resolve it, within its \d+ days of float, but its start follows its depends_on/);
    assert.equal(d.data, undefined);
  });

  it('capacity 0: any allocation is over it, said plainly', () => {
    const [d] = overallocated(plan({ capacity: '0', shopTeam: '        - person: ben' }));
    assert.match(d.message, /'olga' has a capacity of 0%, so any allocation is over it: allocated from 2026-04-01 to 2026-04-30 \(a peak of 60%\)/);
  });

  it('exact: 33.3 + 33.3 + 33.4 is not over 100; 33.3 + 33.3 + 33.5 is (peak 100.1)', () => {
    const three = (last: string) => plan({ webAllocation: '33.3', shopTeam: `        - person: olga\n          allocation: 33.3\n        - person: olga\n          allocation: ${last}` });
    assert.equal(overallocated(three('33.4')).length, 0);
    const json = peopleReport(analyzePlans([{ path: 'a.plan.yaml', text: three('33.5') }], S), 'plan').json;
    assert.deepEqual(json.people.find((p) => p.id === 'olga')!.overallocations.map((o) => o.peak), [100.1]);
  });

  it('no load from a cancelled project, an unscheduled one, or an allocation the schema rejects', () => {
    const cancelled = plan().replace('state: planned', 'state: cancelled');
    assert.equal(peopleReport(analyzePlans([{ path: 'a.plan.yaml', text: cancelled }], S), 'plan').json.people.find((p) => p.id === 'olga')!.peak, 60);
    const rejected = plan({ shopTeam: '        - person: olga\n          allocation: 150' });
    const olga = peopleReport(analyzePlans([{ path: 'a.plan.yaml', text: rejected }], S), 'plan').json.people.find((p) => p.id === 'olga')!;
    assert.equal(olga.peak, 60);
    assert.deepEqual(olga.projects, [{ id: 'web', allocation: 60 }]);
    const unscheduled = plan({ shopStart: '' }).replace('      end: 2026-04-20\n', '');
    assert.equal(peopleReport(analyzePlans([{ path: 'a.plan.yaml', text: unscheduled }], S), 'plan').json.people.find((p) => p.id === 'olga')!.peak, 60);
  });

  it('the forecast basis: a planned project after the status date starts no earlier than S', () => {
    // S = Apr 10: shop (planned) is forecast Apr 10 – Apr 27; web active Apr 1–30.
    const json = peopleReport(analyzePlans([{ path: 'a.plan.yaml', text: plan() }], { statusDate: day('2026-04-10') }), 'forecast').json;
    assert.deepEqual(json.people.find((p) => p.id === 'olga')!.overallocations, [{ from: '2026-04-10', to: '2026-04-27', peak: 110, projects: ['shop', 'web'] }]);
  });

  describe('the incremental analysis follows edits in another file that reach a suggestion', () => {
    /** a.plan.yaml: the plan without tail; b.plan.yaml: what the edit changes. */
    const compare = (before: string, after: string) => {
      const main = plan().replace(/ {4}- id: tail\n.*\n.*\n.*\n/, '');
      const workspace = new PlanWorkspace();
      workspace.set('a.plan.yaml', main);
      workspace.set('b.plan.yaml', before);
      workspace.analyze(S);
      workspace.set('b.plan.yaml', after);
      const incremental = workspace.analyze(S);
      assert.equal(workspace.lastAnalysis, 'incremental');
      const full = analyzePlans([{ path: 'a.plan.yaml', text: main }, { path: 'b.plan.yaml', text: after }], S);
      assert.deepEqual(incremental.diagnostics, full.diagnostics);
      return incremental.diagnostics.filter((d) => d.code === 'overallocated');
    };
    const tail = (duration: string) => `project:\n  id: tail\n  name: Tail\n  program: pg\n  depends_on: [web]\n  duration: ${duration}\n`;

    it("the float of the project to move changes (another project's duration)", () => {
      assert.match(compare(tail('70d'), tail('71d'))[0].message, /within its 81 days of float/);
      assert.doesNotMatch(compare(tail('70d'), tail('17d'))[0].message, /Starting/);
    });

    it("a teammate's other project moves into the days the move would take", () => {
      // Ben gets 'side' 100% until May 10: shifting shop 28 days (May 1–18) would put Ben over: k jumps past May 10.
      const side = (start: string) => `${tail('70d')}---\nproject: { id: side, name: Side, start: ${start}, end: 2026-05-10, team: [{ person: ben }] }\n`;
      assert.match(compare(side('2026-05-25'), side('2026-05-01'))[0].message, /Starting 'shop' 38 days later/);
    });
  });
});
