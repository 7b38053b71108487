/**
 * Diagnostics (SPEC section 6): "A value the schema rejects is not used further (no follow-on warning
 * computed from it)." Each case writes one value the schema rejects where, read as absent (a budget
 * of 0, a milestone not done, a risk still open, a full-time allocation…), it would have produced a
 * plan-logic problem; only the schema error may be reported. Then the suggestions that say what to
 * write instead: the closest key of that entity, and numbers written as text.
 *
 * YAML is written as arrays of lines with the 1-based line number in a comment.
 */
import assert from 'node:assert/strict';
import { analyzePlans } from '../../src/core';
import { day, diagnose, expectDiagnostic, expectOnly, filesOf, show } from '../utils/plans';

const STATUS = { statusDate: day('2026-06-01') };

describe('a value the schema rejects is not used further (SPEC section 6)', () => {
  it('a negative budget: the schema error only, no overspent against a budget of 0', () => {
    const text = [
      'project:', //               1
      '  id: ci-upgrade', //       2
      '  name: Upgrade CI', //     3
      '  start: 2026-01-05', //    4
      '  duration: 8w', //         5
      '  budget: -600000', //      6
      '  spent: 1000', //          7
    ].join('\n');
    expectOnly(text, [{ code: 'schema', line: 6, column: 11, message: /^budget of project 'ci-upgrade' must be >= 0$/ }], STATUS);
  });

  it('a baseline budget written as text: no overspent', () => {
    const text = ['project:', '  id: a', '  name: A', '  start: 2026-01-05', '  duration: 8w', '  baseline: { budget: 1k }', '  spent: 1000'].join('\n');
    expectOnly(text, [{ code: 'schema', line: 6, column: 23 }], STATUS);
  });

  /** A program with a budget of 100 and project lines (each written at 4 spaces) from line 5 on. */
  const program = (...projects: string[]) => ['program:', '  id: platform', '  name: Platform', '  budget: 100', '  projects:', ...projects].join('\n');

  it("a project budget the schema rejects: no over-budget from the program's other projects", () => {
    const text = program(
      '    - id: a', //                6
      '      name: A', //              7
      '      start: 2026-01-05', //    8
      '      duration: 2w', //         9
      '      budget: 1,400,000', //    10
      '    - { id: b, name: B, start: 2026-01-05, duration: 2w, budget: 500 }', // 11: 500 > 100 alone, but the sum is unknown
    );
    expectOnly(text, [{ code: 'schema', line: 10, column: 15 }], STATUS);
  });

  it("a project the schema rejects (not a mapping): no over-budget from the program's other projects", () => {
    // The list of projects is found invalid after the program is made: the program still knows it.
    const text = program('    - { id: b, name: B, start: 2026-01-05, duration: 2w, budget: 500 }', '    - 5'); // 7: a project of unknown budget
    expectOnly(text, [{ code: 'schema', line: 7, column: 7 }], STATUS);
  });

  it('a state the schema rejects: not read as "not cancelled" in the program sums', () => {
    const text = program(
      '    - id: a', //                6
      '      name: A', //              7
      '      start: 2026-01-05', //    8
      '      duration: 2w', //         9
      '      budget: 500', //          10
      '      state: Cancelled', //     11  <- states are lower-case
    );
    expectOnly(text, [{ code: 'schema', line: 11, column: 14, message: /must be one of 'planned', 'active', 'on-hold', 'done', 'cancelled'/ }], STATUS);
  });

  it('progress written as text: no progress-mismatch with state done', () => {
    const text = ['project:', '  id: a', '  name: A', '  start: 2026-01-05', '  duration: 2w', '  state: done', '  progress: 40%'].join('\n');
    expectOnly(text, [{ code: 'schema', line: 7, column: 13, message: /^progress of project 'a' must be a number: write 40 — no % sign$/ }], STATUS);
  });

  it("a milestone's done the schema rejects: no missed-milestone", () => {
    const text = [
      'project:', //                   1
      '  id: a', //                    2
      '  name: A', //                  3
      '  start: 2026-01-05', //        4
      '  duration: 30w', //            5
      '  milestones:', //              6
      '    - name: Beta', //           7
      '      date: 2026-02-01', //     8  (before the status date)
      '      done: yes', //            9  (YAML 1.2: text, not true)
    ].join('\n');
    expectOnly(text, [{ code: 'schema', line: 9, column: 13, message: /done of milestone 'Beta' must be true or false/ }], STATUS);
  });

  it("a risk's state the schema rejects: no unmitigated-risk", () => {
    const text = [
      'project:', '  id: a', '  name: A', '  start: 2026-01-05', '  duration: 30w', '  risks:',
      '    - title: Vendor late', '      likelihood: 5', '      impact: 5', '      state: Closed', //  10
    ].join('\n');
    expectOnly(text, [{ code: 'schema', line: 10, column: 14 }], STATUS);
  });

  it("an issue's state the schema rejects: no overdue-issue", () => {
    const text = [
      'project:', '  id: a', '  name: A', '  start: 2026-01-05', '  duration: 30w', '  issues:',
      '    - title: Staging unstable', '      severity: high', '      due: 2026-03-01', '      state: resolved', //  10
    ].join('\n');
    expectOnly(text, [{ code: 'schema', line: 10, column: 14 }], STATUS);
  });

  it('an allocation written as text: no overallocated, in either project', () => {
    const files = {
      'a.plan.yaml': [
        'project:', '  id: a', '  name: A', '  start: 2026-01-05', '  duration: 30w',
        '  team:', '    - person: bob', '      allocation: 60%', //  8
      ].join('\n'),
      'b.plan.yaml': ['project:', '  id: b', '  name: B', '  start: 2026-01-05', '  duration: 30w', '  team:', '    - person: bob', '      allocation: 50'].join('\n'),
      'people.plan.yaml': ['people:', '  - id: bob', '    name: Bob'].join('\n'),
    };
    expectOnly(files, [{ code: 'schema', file: 'a.plan.yaml', line: 8, column: 19, message: /write 60 — no % sign/ }], STATUS);
  });

  it("another person's allocation or a progress the schema rejects: bob's overallocated stays (only from it)", () => {
    // SPEC 6: no follow-on warning computed from a rejected value, and only from it. Bob's load on the plan
    // basis reads his own allocations, the projects' windows and whether they are cancelled: not amy's
    // allocation, not a progress.
    const files = {
      'a.plan.yaml': [
        'project:', '  id: a', '  name: A', '  start: 2026-01-05', '  duration: 30w', '  progress: 150', //  6
        '  team:', '    - person: bob', '      allocation: 60', '    - person: amy', '      allocation: 0', //  11
      ].join('\n'),
      'b.plan.yaml': ['project:', '  id: b', '  name: B', '  start: 2026-01-05', '  duration: 30w', '  team:', '    - person: bob', '      allocation: 50'].join('\n'),
      'people.plan.yaml': ['people:', '  - id: bob', '  - id: amy'].join('\n'),
    };
    expectOnly(files, [
      { code: 'schema', file: 'a.plan.yaml', line: 6, column: 13 },
      // On the entry of the project that starts last; a tie: the smallest id.
      { code: 'overallocated', file: 'a.plan.yaml', line: 8, column: 15, message: /'bob' is over capacity .* a peak of 110%/ },
      { code: 'schema', file: 'a.plan.yaml', line: 11, column: 19 },
    ], STATUS);
  });

  it("a project's progress or spent the schema rejects: its program's over-budget stays (Σ BAC reads neither), forecast-over-budget goes", () => {
    const program = (id: string, extra: string) =>
      ['program:', `  id: ${id}`, `  name: ${id}`, '  budget: 100', '  projects:', `    - { id: ${id}-1, name: P, start: 2026-01-01, end: 2026-01-10, budget: 200, ${extra} }`].join('\n');
    const files = { 'a.plan.yaml': program('ob', 'progress: 150'), 'b.plan.yaml': program('oc', 'spent: -5') };
    const found = diagnose(files, { statusDate: day('2026-01-05') });
    assert.deepEqual(found.map((d) => `${d.file} ${d.code}`), ['a.plan.yaml over-budget', 'a.plan.yaml schema', 'b.plan.yaml over-budget', 'b.plan.yaml schema']);
  });

  it('an amount past the largest whole number held exactly (1e308) is a schema error, and no figure is worked out from it', () => {
    const text = [
      'program:', '  id: big', '  name: Big', '  projects:',
      '    - { id: a, name: A, start: 2026-01-05, duration: 3w, budget: 1e308, spent: 1.7e308, progress: 50 }',
      '    - { id: b, name: B, start: 2026-01-05, duration: 3w, budget: 9007199254740991, spent: 9007199254740991, progress: 50 }',
    ].join('\n');
    const found = diagnose({ 'a.plan.yaml': text }, { statusDate: day('2026-01-12') });
    assert.deepEqual(found.filter((d) => d.severity === 'error').map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`), [
      "5:66 budget of project 'a' must be <= 9007199254740991",
      "5:80 spent of project 'a' must be <= 9007199254740991",
    ]);
  });

  it("a project's spent the schema rejects: its program's status-mismatch still says SPI (Σ EV / Σ PV reads no spent)", () => {
    const text = [
      'program:', '  id: sp', '  name: SP', '  health: green', '  projects:',
      '    - { id: t1, name: T1, start: 2026-01-01, end: 2026-01-10, budget: 200, progress: 10, spent: -5 }',
    ].join('\n');
    const mismatch = diagnose({ 'a.plan.yaml': text }, { statusDate: day('2026-01-10') }).filter((d) => d.code === 'status-mismatch' && d.message.startsWith('Program'));
    assert.equal(mismatch.length, 1);
    assert.match(mismatch[0].message, /^Program 'sp' is declared green but computes as red: SPI 0\.10 < 0\.90; forecast 90 days after its planned end 2026-01-10$/);
  });

  it('a rejected duration or depends_on item: the end before the start, the other dependency violated and a missing end are still said', () => {
    const files = {
      // Start and end disagree whatever the duration was: the conflict reads only them.
      'g.plan.yaml': ['project:', '  id: g', '  name: G', '  start: 2026-01-05', '  end: 2026-01-04', '  duration: 0d'].join('\n'),
      'a.plan.yaml': ['project:', '  id: a', '  name: A', '  start: 2026-01-05', '  end: 2026-01-11'].join('\n'),
      // Its second item is rejected; the first, a, still ends after b starts.
      'b.plan.yaml': ['project:', '  id: b', '  name: B', '  depends_on: [a, "x y"]', '  start: 2026-01-05', '  duration: 3d'].join('\n'),
      // h's duration is rejected; k has no end or duration whatever h is.
      'h.plan.yaml': ['project:', '  id: h', '  name: H', '  start: 2026-01-05', '  duration: 0d'].join('\n'),
      'k.plan.yaml': ['project:', '  id: k', '  name: K', '  depends_on: [h]'].join('\n'),
    };
    const shown = diagnose(files, STATUS).map((d) => `${d.file}:${d.range.start.line + 1} ${d.code}`);
    assert.deepEqual(shown, [
      'b.plan.yaml:4 schema',
      'b.plan.yaml:5 dependency-violation',
      'g.plan.yaml:5 date-conflict',
      'g.plan.yaml:6 schema',
      'h.plan.yaml:5 schema',
      'k.plan.yaml:2 unscheduled',
    ]);
  });

  it('a rejected date sets aside only the problems about it: the missing end beside a rejected start, the dependency that is not the rejected one', () => {
    const files = {
      // m's start is rejected: its end is missing all the same (no start is said to be missing: the schema error says it).
      'm.plan.yaml': ['project:', '  id: m', '  name: M', '  start: 2026-13-01'].join('\n'),
      // n's duration is rejected: its start is missing all the same.
      'n.plan.yaml': ['project:', '  id: n', '  name: N', '  duration: 0d'].join('\n'),
      // b waits for a and c; c's duration is rejected, but b starts before a ends whatever c is.
      'a.plan.yaml': ['project:', '  id: a', '  name: A', '  start: 2026-01-05', '  end: 2026-01-11'].join('\n'),
      'c.plan.yaml': ['project:', '  id: c', '  name: C', '  start: 2026-01-05', '  end: 2026-01-06', '  duration: 0d'].join('\n'),
      'b.plan.yaml': ['project:', '  id: b', '  name: B', '  depends_on: [a, c]', '  start: 2026-01-08', '  duration: 3d'].join('\n'),
    };
    const shown = diagnose(files, STATUS).map((d) => `${d.file}:${d.range.start.line + 1} ${d.code} ${d.code === 'unscheduled' ? d.message : ''}`.trim());
    assert.deepEqual(shown, [
      'b.plan.yaml:5 dependency-violation',
      'c.plan.yaml:6 schema',
      "m.plan.yaml:2 unscheduled Project 'm' has no end: give an end or a duration",
      'm.plan.yaml:4 schema',
      "n.plan.yaml:2 unscheduled Project 'n' has no start: give a start or depends_on",
      'n.plan.yaml:4 schema',
    ]);
  });

  it('one mistake, one error: a nested project naming another program, an id a risk and a person share', () => {
    const nested = ['program:', '  id: pg', '  name: PG', '  projects:', '    - id: a', '      name: A', '      program: nosuch', '      start: 2026-01-05', '      duration: 3d'].join('\n');
    // A name of no entity: an unknown reference (SPEC 6), and only that; another program's name: they must agree (SPEC 3), a schema error only.
    const where = (files: Record<string, string>) => diagnose(files, STATUS).map((d) => `${d.file} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
    assert.deepEqual(where({ 'n.plan.yaml': nested }), ['n.plan.yaml 7:16 unknown-reference']);
    assert.deepEqual(where({ 'n.plan.yaml': nested.replace('nosuch', 'other'), 'o.plan.yaml': 'program:\n  id: other\n  name: Other\n' }), ['n.plan.yaml 7:16 schema']);
    // The name of a project, not a program: the unknown reference says so.
    const ofProject = where({ 'n.plan.yaml': nested.replace('nosuch', 'other'), 'o.plan.yaml': 'project:\n  id: other\n  name: Other\n  start: 2026-01-05\n  duration: 1d\n' });
    assert.deepEqual(ofProject, ['n.plan.yaml 7:16 unknown-reference']);
    const portfolio = ['portfolio:', '  id: pf', '  name: PF', '  programs:', '    - id: p', '      name: P', '      portfolio: nope'].join('\n');
    assert.deepEqual(where({ 'p.plan.yaml': portfolio }), ['p.plan.yaml 7:18 unknown-reference']);
    const shared = [
      'people:', '  - id: bob', 'project:', '  id: p', '  name: P', '  manager: bob', '  start: 2026-01-05', '  duration: 3d',
      '  team: [{ person: bob, allocation: 50 }]', '  risks:', '    - { id: bob, title: Bob leaves, likelihood: 1, impact: 1 }',
    ].join('\n');
    // The risk is written after the person: bob names the person; written first, the duplicate-id errors say it all.
    const codes = (text: string) => diagnose({ 's.plan.yaml': text }, STATUS).map((d) => d.code);
    assert.deepEqual(codes(shared), ['duplicate-id', 'duplicate-id']);
    const riskFirst = ['project:', '  id: p', '  name: P', '  manager: bob', '  start: 2026-01-05', '  duration: 3d', '  team: [{ person: bob, allocation: 50 }]',
      '  risks:', '    - { id: bob, title: Bob leaves, likelihood: 1, impact: 1 }', '---', 'people:', '  - id: bob'].join('\n');
    assert.deepEqual(codes(riskFirst), ['duplicate-id', 'duplicate-id']);
  });

  it("one of bob's own allocations the schema rejects: no overallocated from his others (his load is not known)", () => {
    const team = (id: string, allocation: string) => ['project:', `  id: ${id}`, `  name: ${id}`, '  start: 2026-01-05', '  duration: 30w', '  team:', '    - person: bob', `      allocation: ${allocation}`].join('\n');
    const files = { 'a.plan.yaml': team('a', '0'), 'b.plan.yaml': team('b', '60'), 'c.plan.yaml': team('c', '50'), 'people.plan.yaml': ['people:', '  - id: bob'].join('\n') };
    expectOnly(files, [{ code: 'schema', file: 'a.plan.yaml', line: 8, column: 19 }], STATUS);
  });

  it("a state the schema rejects on one of bob's projects: no overallocated (the project may be cancelled)", () => {
    const team = (id: string, extra: string[] = []) => ['project:', `  id: ${id}`, `  name: ${id}`, '  start: 2026-01-05', '  duration: 30w', ...extra, '  team:', '    - person: bob', '      allocation: 60'].join('\n');
    const files = { 'a.plan.yaml': team('a', ['  state: dropped']), 'b.plan.yaml': team('b'), 'people.plan.yaml': ['people:', '  - id: bob'].join('\n') };
    expectOnly(files, [{ code: 'schema', file: 'a.plan.yaml', line: 6, column: 10 }], STATUS);
  });

  it("a person's capacity the schema rejects: no overallocated against the default 100", () => {
    const team = (id: string) => ['project:', `  id: ${id}`, `  name: ${id}`, '  start: 2026-01-05', '  duration: 30w', '  team:', '    - person: bob', '      allocation: 60'].join('\n');
    const files = { 'a.plan.yaml': team('a'), 'b.plan.yaml': team('b'), 'people.plan.yaml': ['people:', '  - id: bob', '    capacity: -50'].join('\n') };
    expectOnly(files, [{ code: 'schema', file: 'people.plan.yaml', line: 3, column: 15 }], STATUS);
  });

  it('an end date the schema rejects: no problem in the file that depends on it', () => {
    const files = {
      'a.plan.yaml': ['project:', '  id: a', '  name: A', '  start: 2026-01-05', '  end: 2026-02-30'].join('\n'),
      'b.plan.yaml': ['project:', '  id: b', '  name: B', '  depends_on: [a]', '  start: 2026-01-10', '  duration: 1w'].join('\n'),
    };
    expectOnly(files, [{ code: 'schema', file: 'a.plan.yaml', line: 5, column: 8, message: /real calendar date/ }], STATUS);
  });

  it('a currency the schema rejects: no currency-mismatch', () => {
    const text = ['portfolio:', '  id: f', '  name: F', '  programs:', '    - id: p', '      name: P', '      currency: usd', '    - id: q', '      name: Q', '      currency: EUR'].join('\n');
    expectOnly(text, [{ code: 'schema', line: 7, column: 17, message: /ISO 4217/ }], STATUS);
  });

  it('a currency the schema rejects: the other programs that disagree still get currency-mismatch ("and only from it")', () => {
    const text = [
      'portfolio:', '  id: f', '  name: F', '  programs:',
      '    - { id: p1, name: P1, currency: USD }',
      '    - { id: p4, name: P4, currency: EUR }',
      '    - { id: p3, name: P3, currency: usd }',
    ].join('\n');
    expectOnly(text, [
      { code: 'currency-mismatch', line: 5, column: 37, message: /'p1' USD, 'p4' EUR$/ },
      { code: 'currency-mismatch', line: 6, column: 37, message: /'p1' USD, 'p4' EUR$/ },
      { code: 'schema', line: 7, column: 37, message: /ISO 4217/ },
    ], STATUS);
  });

  it('keeps the depends_on items the schema accepts', () => {
    const text = [
      'program:', '  id: p', '  name: P', '  projects:',
      '    - { id: a, name: A, start: 2026-01-05, duration: 1w }',
      '    - { id: b, name: B, depends_on: [a, 7], duration: 1w }', //  6
    ].join('\n');
    expectOnly(text, [{ code: 'schema', line: 6, column: 41 }], STATUS);
    const b = analyzePlans(filesOf(text), STATUS).index.projects.find((p) => p.id === 'b')!;
    assert.deepEqual(b.dependsOn.map((r) => r.name), ['a']);
  });

  it('references the schema rejects are not looked up: no unknown-reference on top', () => {
    const text = [
      'project:', //                     1
      '  id: a', //                      2
      '  name: A', //                    3
      '  program: my prog', //           4  <- not an id (a space)
      '  depends_on: [ci upgrade]', //   5
      '  start: 2026-01-05', //          6
      '  duration: 1w', //               7
      '  team:', //                      8
      '    - person: Bob Ortiz', //      9
    ].join('\n');
    expectOnly(text, [
      { code: 'schema', line: 4, column: 12, message: /^program of project 'a' must be an id/ },
      { code: 'schema', line: 5, column: 16, message: /^depends_on item 1 of project 'a' must be an id/ },
      { code: 'schema', line: 9, column: 15, message: /^person of team entry 'Bob Ortiz' must be an id/ },
    ], STATUS);
  });

  it('an id the schema rejects still names its entity: references to it resolve', () => {
    const files = {
      'a.plan.yaml': ['project:', '  id: 2026', '  name: Year plan', '  start: 2026-01-05', '  duration: 1w'].join('\n'), // a number, not text
      'b.plan.yaml': ['project:', '  id: b', '  name: B', '  depends_on: ["2026"]', '  duration: 1w'].join('\n'),
    };
    expectOnly(files, [{ code: 'schema', file: 'a.plan.yaml', line: 2, column: 7, message: /^id of project '2026' must be text$/ }], STATUS);
  });

  it('still reports what a rejected value does not touch', () => {
    const text = [
      'project:', //                 1
      '  id: a', //                  2
      '  name: A', //                3
      '  start: 2026-01-05', //      4
      '  duration: 2w', //           5
      '  health: Green', //          6  <- schema: health is lower-case
      '  budget: 100', //            7
      '  spent: 200', //             8  <- overspent: budget and spent are both valid
    ].join('\n');
    expectOnly(text, [{ code: 'schema', line: 6, column: 11 }, { code: 'overspent', line: 8, column: 10 }], STATUS);
  });
});

describe('a rejected budget sets aside only the health reasons computed from it (SPEC 6, status-mismatch)', () => {
  /**
   * A project declared green, active since Jan 5, spent 1000 at progress 40: its budget misspelt (read as
   * 0, so CPI 0 — red, but only because of the rejected value). `end` decides whether it also slips.
   */
  const project = (end: string, budget = '  budgte: 5000') =>
    [
      'project:', //              1
      '  id: app', //             2
      '  name: App', //           3
      '  start: 2026-01-05', //   4
      `  end: ${end}`, //         5
      '  health: green', //       6
      budget, //                  7
      '  spent: 1000', //         8
      '  progress: 40', //        9
    ].join('\n');
  const schemaError = { code: 'schema', line: 7, column: 3, message: /^Unknown key 'budgte' in project 'app'; did you mean 'budget'\?$/ } as const;

  it('rejected budget and a slip: status-mismatch stays, for the slip, without the CPI of the rejected budget', () => {
    // Ended Apr 30, still active at S = Jun 1: forecast Jun 1, 32 days after its planned end (red).
    expectOnly(project('2026-04-30'), [
      { code: 'status-mismatch', line: 6, column: 11, message: /^Project 'app' is declared green but computes as red: forecast 32 days after its planned end 2026-04-30$/ },
      schemaError,
    ], STATUS);
  });

  it('rejected budget and only CPI red: status-mismatch is silenced', () => {
    // Ends Dec 31: forecast on its plan, no slip; SPI unknown (BAC 0). Only CPI 0 < 0.90 makes it red.
    expectOnly(project('2026-12-31'), [schemaError], STATUS);
    // A budget of 500 written correctly: CPI = 0.40 × 500 / 1000 = 0.2, a reason of its own (and overspent).
    expectOnly(project('2026-12-31', '  budget: 500'), [
      { code: 'status-mismatch', line: 6, column: 11, message: /computes as red: CPI 0\.20 < 0\.90$/ },
      { code: 'overspent', line: 8, column: 10 },
    ], STATUS);
  });

  it("a program's red project, red only by its rejected budget, is set aside; its own late milestone is not", () => {
    const text = (milestoneDate: string) =>
      [
        'program:', //                         1
        '  id: mobile', //                     2
        '  name: Mobile', //                   3
        '  health: green', //                  4
        '  milestones:', //                    5
        `    - { id: launch, name: Launch, date: ${milestoneDate} }`, // 6
        '  projects:', //                      7
        '    - id: app', //                    8
        '      name: App', //                  9
        '      start: 2026-01-05', //          10
        '      end: 2026-12-31', //            11
        '      budget: 5,000', //              12  rejected: thousands separator
        '      spent: 1000', //                13
        '      progress: 40', //               14
      ].join('\n');
    const schema = { code: 'schema', line: 12, column: 15 } as const;
    // Launch Dec 1 is on track: the program's only concerns are app's CPI and "project 'app' is red".
    expectOnly(text('2026-12-01'), [schema], STATUS);
    // Launch May 1 is missed (before S): amber, whatever the budget.
    expectOnly(text('2026-05-01'), [
      { code: 'status-mismatch', line: 4, column: 11, message: /^Program 'mobile' is declared green but computes as amber: milestone 'launch' missed \(2026-05-01\)$/ },
      { code: 'missed-milestone', line: 6, column: 41 },
      schema,
    ], STATUS);
  });
});

describe('unknown keys suggest the closest key of that entity', () => {
  it("'dependson' in a project: one error, 'did you mean depends_on?', and no unscheduled from the missing dependency", () => {
    const files = {
      'a.plan.yaml': [
        'project:', //                1
        '  id: auth', //              2
        '  name: Auth', //            3
        '  dependson: [ci]', //       4
        '  duration: 2w', //          5
      ].join('\n'),
      'b.plan.yaml': ['project:', '  id: ci', '  name: CI', '  start: 2026-01-05', '  duration: 2w'].join('\n'),
    };
    const [only] = expectOnly(files, [
      { code: 'schema', file: 'a.plan.yaml', line: 4, column: 3, endLine: 4, endColumn: 12, message: /^Unknown key 'dependson' in project 'auth'; did you mean 'depends_on'\?$/ },
    ], STATUS);
    assert.deepEqual(only.data, { kind: 'replace', replacement: 'depends_on' });
  });

  it('suggests from the keys of the entity where the key is written', () => {
    const text = [
      'program:', //                    1
      '  id: p', //                     2
      '  name: P', //                   3
      '  projets:', //                  4  program key → projects
      '    - id: a', //                 5
      '      name: A', //               6
      '  milestones:', //               7
      '    - name: M', //               8
      '      dat: 2026-09-01', //       9  milestone key → date
      '  risks:', //                    10
      '    - title: R', //              11
      '      likelyhood: 2', //         12  risk key → likelihood
      '      impact: 2', //             13
      '      likelihood: 1', //         14
    ].join('\n');
    const all = diagnose(text, STATUS).filter((d) => d.code === 'schema' && /Unknown key/.test(d.message));
    assert.deepEqual(
      all.map((d) => [d.range.start.line + 1, d.message]),
      [
        [4, "Unknown key 'projets' in program 'p'; did you mean 'projects'?"],
        [9, "Unknown key 'dat' in milestone 'M'; did you mean 'date'?"],
        // likelihood is written too: the closest key not yet written is suggested, or none.
        [12, "Unknown key 'likelyhood' in risk 'R' (user extensions start with 'x-')"],
      ],
      show(all),
    );
  });

  it('a misspelt required key: one error, not also "missing"', () => {
    const text = ['project:', '  id: a', '  nmae: A', '  start: 2026-01-05', '  duration: 1w'].join('\n');
    expectOnly(text, [{ code: 'schema', line: 3, column: 3, message: /^Unknown key 'nmae' in project 'a'; did you mean 'name'\?$/ }], STATUS);
  });

  it('suggests nothing for a key unlike any, and accepts x- keys', () => {
    const text = ['project:', '  id: a', '  name: A', '  start: 2026-01-05', '  duration: 1w', '  owner_notes: call Bob', '  x-notes: fine'].join('\n');
    expectOnly(text, [{ code: 'schema', line: 6, column: 3, message: /^Unknown key 'owner_notes' in project 'a' \(user extensions start with 'x-'\)$/ }], STATUS);
  });

  it("'programme' at the root: one error, 'did you mean program?', read as the program so nothing spills into other files", () => {
    const files = {
      'platform.plan.yaml': [
        'programme:', //                 1
        '  id: platform', //             2
        '  name: Platform', //           3
      ].join('\n'),
      'checkout.plan.yaml': ['project:', '  id: checkout', '  name: Checkout', '  program: platform', '  start: 2026-01-05', '  duration: 2w'].join('\n'),
    };
    const [only] = expectOnly(files, [
      { code: 'schema', file: 'platform.plan.yaml', line: 1, column: 1, endLine: 1, endColumn: 10, message: /^Unknown key 'programme' in the document; did you mean 'program'\?$/ },
    ], STATUS);
    assert.deepEqual(only.data, { kind: 'replace', replacement: 'program' });
  });

  it('a misspelt root entity is still checked as that entity', () => {
    const text = ['projet:', '  id: a', '  start: 2026-01-05', '  duration: 1w'].join('\n');
    expectOnly(text, [
      { code: 'schema', line: 1, column: 1, message: /^Missing required key 'name' in project 'a'$/ },
      { code: 'schema', line: 1, column: 1, message: /^Unknown key 'projet' in the document; did you mean 'project'\?$/ },
    ], STATUS);
  });
});

describe('numbers written as text say how to write them', () => {
  const budget = (value: string) => ['project:', '  id: a', '  name: A', '  start: 2026-01-05', '  duration: 1w', `  budget: ${value}`].join('\n');
  const cases: Array<[string, string, string]> = [
    ['1,400,000', '1400000', 'no thousands separators'],
    ['1 400 000', '1400000', 'no thousands separators'],
    ['1.400.000', '1400000', 'no thousands separators'],
    ['"250000"', '250000', 'without quotes'],
    ['$200k', '200000', "no currency (it is set once, with currency:), no 'k' for thousands"],
    ['1.5M', '1500000', "no 'M' for millions"],
    ['1.400,50', '1400.5', 'no thousands separators, a decimal point, not a comma'],
  ];
  for (const [written, number, why] of cases) {
    it(`budget: ${written} → write ${number}`, () => {
      const found = expectDiagnostic(budget(written), { code: 'schema', line: 6, column: 11, message: new RegExp(`^budget of project 'a' must be a number: write ${number} — ${why.replace(/[()]/g, '\\$&')}$`) }, STATUS);
      assert.deepEqual(found.data, { kind: 'replace', replacement: number });
    });
  }

  it('progress: 40% → write 40', () => {
    const text = ['project:', '  id: a', '  name: A', '  start: 2026-01-05', '  duration: 1w', '  progress: 40%'].join('\n');
    expectOnly(text, [{ code: 'schema', line: 6, column: 13, message: /^progress of project 'a' must be a number: write 40 — no % sign$/ }], STATUS);
  });

  it('text that is no number keeps the plain message', () => {
    expectOnly(budget('a lot'), [{ code: 'schema', line: 6, column: 11, message: /^budget of project 'a' must be a number$/ }], STATUS);
  });
});
