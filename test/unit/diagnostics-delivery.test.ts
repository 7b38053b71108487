/**
 * Diagnostics (SPEC section 6), part 5: delivery — missed-milestone, unmitigated-risk, overallocated,
 * status-mismatch and progress-mismatch.
 *
 * Written from the SPEC rather than from the engine. Every code has cases that MUST report it — with
 * the exact code, severity and 1-based line and column the SPEC's range rule gives ("the narrowest
 * source range that shows the problem: the offending value; a missing key on its parent's key; an
 * unknown key on the key") — and close cases that must NOT report it. YAML is written as arrays of
 * lines with the 1-based line number in a comment, so each expected position can be checked by eye.
 *
 * Where the SPEC is silent on the place of an entity-level problem, the tests follow the engine's
 * documented choice (e.g. `unscheduled` at the project's id value) and say so in the test name.
 * The assertions (expectDiagnostic, expectExactly, …) are in helpers.ts.
 */
import assert from 'node:assert/strict';
import { analyzePlans } from '../../src/core';
import { day, DEFAULT_FILE, expectClean, expectDiagnostic, expectExactly, expectNoDiagnostic, show } from '../utils/plans';

describe('diagnostics (SPEC section 6)', () => {
  describe('missed-milestone (on the date value)', () => {
    it('reports a milestone dated before the status date and not done, naming it and the dates', () => {
      const text = [
        'program:', //                1
        '  id: platform', //          2
        '  name: Platform', //        3
        '  milestones:', //           4
        '    - id: beta', //          5
        '      name: Beta', //        6
        '      date: 2026-05-31', //  7  <- the day before S
        '    - id: rc', //            8
        '      name: RC', //          9
        '      date: 2026-06-01', //  10 <- on S: not missed (date < S)
        '    - id: alpha', //         11
        '      name: Alpha', //       12
        '      date: 2026-03-01', //  13
        '      done: true', //        14 <- done: not missed
      ].join('\n');
      expectExactly(text, 'missed-milestone', [{ line: 7, column: 13, endLine: 7, endColumn: 23, message: [/beta/, /2026-05-31/] }]);
    });

    // v3: a cancelled project asks for no attention: its past milestone is cancelled, not missed.
    it('reports no missed milestone on a cancelled project (v3: its milestones are cancelled)', () => {
      const text = [
        'project:', //                    1
        '  id: old-portal', //            2
        '  name: Old portal', //          3
        '  state: cancelled', //          4
        '  start: 2026-01-05', //         5
        '  end: 2026-04-30', //           6
        '  milestones:', //               7
        '    - id: old-portal-launch', // 8
        '      name: Launch', //          9
        '      date: 2026-04-15', //      10
      ].join('\n');
      expectExactly(text, 'missed-milestone', []);
    });

    it('uses the document status_date when no status date is given, and the given one over it', () => {
      const text = [
        'program:', //                 1
        '  id: platform', //           2
        '  name: Platform', //         3
        '  status_date: 2026-05-01', // 4
        '  milestones:', //            5
        '    - id: beta', //           6
        '      name: Beta', //         7
        '      date: 2026-05-15', //   8
      ].join('\n');
      const files = [{ path: DEFAULT_FILE, text }];
      const fromDocument = analyzePlans(files, { today: day('2026-12-31') }).diagnostics;
      assert.equal(fromDocument.filter((d) => d.code === 'missed-milestone').length, 0, show(fromDocument));
      expectDiagnostic(text, { code: 'missed-milestone', line: 8, column: 13, message: /beta/ }, { statusDate: day('2026-06-01') });
    });
  });

  // -------------------------------------------------------------------------------------------------

  describe('unmitigated-risk (engine choice: at the risk id, else its first key)', () => {
    const make = (risk: string[]) =>
      [
        'project:', //                1
        '  id: auth-migration', //    2
        '  name: Auth', //            3
        '  start: 2026-01-05', //     4
        '  duration: 90d', //         5
        '  risks:', //                6
        ...risk, //                   7…
      ].join('\n');

    it('reports an open risk of score 15 (3 × 5) without mitigation, naming it', () => {
      const text = make([
        '    - id: auth-vendor', //   7
        '      title: Vendor late', // 8
        '      likelihood: 3', //     9
        '      impact: 5', //         10
      ]);
      expectDiagnostic(text, { code: 'unmitigated-risk', line: 7, column: 11, endLine: 7, endColumn: 22, message: /auth-vendor/ });
    });

    it('reports a high risk without an id at its first key', () => {
      const text = make([
        '    - title: Vendor late', // 7
        '      likelihood: 5', //     8
        '      impact: 5', //         9
      ]);
      expectDiagnostic(text, { code: 'unmitigated-risk', line: 7, column: 7, message: /Vendor late/ });
    });

    it('close: the highest medium score (12 = 3 × 4) without mitigation', () => {
      const text = make([
        '    - id: auth-vendor', //   7
        '      title: Vendor late', // 8
        '      likelihood: 3', //     9
        '      impact: 4', //         10
      ]);
      expectNoDiagnostic(text, 'unmitigated-risk');
    });

    it('close: a high risk with a mitigation', () => {
      const text = make([
        '    - id: auth-vendor', //   7
        '      title: Vendor late', // 8
        '      likelihood: 5', //     9
        '      impact: 5', //         10
        '      mitigation: Shim over the old SDK', // 11
      ]);
      expectNoDiagnostic(text, 'unmitigated-risk');
    });

    it('close: a closed high risk without mitigation', () => {
      const text = make([
        '    - id: auth-vendor', //   7
        '      title: Vendor late', // 8
        '      likelihood: 5', //     9
        '      impact: 5', //         10
        '      state: closed', //     11
      ]);
      expectNoDiagnostic(text, 'unmitigated-risk');
    });

    it('reports a high risk of a program too', () => {
      const text = [
        'program:', //               1
        '  id: platform', //         2
        '  name: Platform', //       3
        '  risks:', //               4
        '    - id: budget-cut', //   5
        '      title: Budget cut', // 6
        '      likelihood: 4', //    7
        '      impact: 4', //        8
      ].join('\n');
      expectDiagnostic(text, { code: 'unmitigated-risk', line: 5, column: 11, message: /budget-cut/ });
    });
  });

  // -------------------------------------------------------------------------------------------------

  describe('overallocated (SPEC 6 v3: one per person and period, on the entry of the project that starts last)', () => {
    const make = (o: { firstEnd?: string; first?: string; second?: string; secondState?: string; capacity?: string } = {}) =>
      [
        'program:', //                                 1
        '  id: platform', //                           2
        '  name: Platform', //                         3
        '  projects:', //                              4
        '    - id: ci-upgrade', //                     5
        '      name: Upgrade CI', //                   6
        '      start: 2026-01-01', //                  7
        `      end: ${o.firstEnd ?? '2026-03-31'}`, // 8
        '      team:', //                              9
        '        - person: bob', //                    10
        `          allocation: ${o.first ?? '60'}`, // 11
        '    - id: auth-migration', //                 12
        '      name: Auth', //                         13
        `      state: ${o.secondState ?? 'active'}`, // 14
        '      start: 2026-03-15', //                  15
        '      end: 2026-04-30', //                    16
        '      team:', //                              17
        '        - person: bob', //                    18
        `          allocation: ${o.second ?? '50'}`, // 19
        'people:', //                                  20
        '  - id: bob', //                              21
        `    capacity: ${o.capacity ?? '100'}`, //     22
      ].join('\n');

    it('reports the period once, on the entry of the project that starts last, naming the person, period, peak and projects', () => {
      // ci-upgrade 60% Jan 1 – Mar 31, auth-migration 50% Mar 15 – Apr 30: 110% from Mar 15 to Mar 31.
      const message = [/'bob'/, /from 2026-03-15 to 2026-03-31/, /peak of 110% against a capacity of 100%/, /'auth-migration' 50%, 'ci-upgrade' 60%/];
      const d = expectExactly(make(), 'overallocated', [{ line: 18, column: 19, endLine: 18, endColumn: 22, message }]);
      assert.deepEqual(d[0].related?.map((r) => [r.file, r.range.start.line + 1, r.range.start.character + 1, r.message]), [
        ['plan.plan.yaml', 10, 19, "'ci-upgrade' 60%, 2026-01-01 – 2026-03-31"],
      ]);
    });

    it('close: allocations exactly at capacity', () => {
      expectNoDiagnostic(make({ first: '40', second: '60' }), 'overallocated');
    });

    it('close: a cancelled project’s allocation does not count', () => {
      expectNoDiagnostic(make({ secondState: 'cancelled' }), 'overallocated');
    });

    it('close: back-to-back projects (end is inclusive; the next starts the day after)', () => {
      expectNoDiagnostic(make({ firstEnd: '2026-03-14', first: '100', second: '100' }), 'overallocated');
    });

    it('reports overlap on the last day (end is inclusive)', () => {
      expectExactly(make({ firstEnd: '2026-03-15', first: '100', second: '100' }), 'overallocated', [
        { line: 18, column: 19, message: [/on 2026-03-15:/, /peak of 200%/] },
      ]);
    });

    it('respects a lower capacity', () => {
      expectExactly(make({ capacity: '80', first: '40', second: '41' }), 'overallocated', [
        { line: 18, column: 19, message: [/bob/, /peak of 81% against a capacity of 80%/] },
      ]);
    });

    it('adds two entries of the same person in one project', () => {
      const text = [
        'project:', //              1
        '  id: ci-upgrade', //      2
        '  name: Upgrade CI', //    3
        '  start: 2026-01-01', //   4
        '  end: 2026-03-31', //     5
        '  team:', //               6
        '    - person: bob', //     7
        '      allocation: 50', //  8
        '    - person: bob', //     9
        '      allocation: 60', //  10
        'people:', //               11
        '  - id: bob', //           12
      ].join('\n');
      // 50 + 60 = 110 on every day of the project: one period, on the first entry, the second related.
      const d = expectExactly(text, 'overallocated', [
        { line: 7, column: 15, message: [/bob/, /from 2026-01-01 to 2026-03-31/, /peak of 110%/, /'ci-upgrade' 110%/] },
      ]);
      assert.deepEqual(d[0].related?.map((r) => r.range.start.line + 1), [9]);
    });

    it('counts an absent allocation as 100', () => {
      const text = [
        'project:', //              1
        '  id: ci-upgrade', //      2
        '  name: Upgrade CI', //    3
        '  start: 2026-01-01', //   4
        '  end: 2026-03-31', //     5
        '  team:', //               6
        '    - person: bob', //     7
        '---', //                   8
        'project:', //              9
        '  id: auth-migration', //  10
        '  name: Auth', //          11
        '  start: 2026-03-31', //   12
        '  end: 2026-04-30', //     13
        '  team:', //               14
        '    - person: bob', //     15
        '      allocation: 1', //   16
        'people:', //               17
        '  - id: bob', //           18
      ].join('\n');
      expectExactly(text, 'overallocated', [{ line: 15, column: 15, message: [/bob/, /on 2026-03-31/, /peak of 101%/, /'ci-upgrade' 100%/] }]);
    });
  });

  // -------------------------------------------------------------------------------------------------

  describe('status-mismatch (engine choice: on the health value)', () => {
    // 2026-01-01 … 2026-12-31, S = 2026-06-01: PV = 100,000 × 152/365 ≈ 41,644; EV = 40,000 → SPI ≈ 0.96.
    const make = (spent: string, health: string) =>
      [
        'project:', //             1
        '  id: ci-upgrade', //     2
        '  name: Upgrade CI', //   3
        '  start: 2026-01-01', //  4
        '  end: 2026-12-31', //    5
        '  budget: 100000', //     6
        `  spent: ${spent}`, //    7
        '  progress: 40', //       8
        `  health: ${health}`, //  9
      ].join('\n');

    it('reports a declared green project that computes red (CPI 0.80), saying why', () => {
      expectDiagnostic(make('50000', 'green'), {
        code: 'status-mismatch',
        line: 9,
        column: 11,
        endLine: 9,
        endColumn: 16,
        message: [/ci-upgrade/, /green/, /red/, /CPI/],
      });
    });

    it('reports a declared amber project that computes red', () => {
      expectDiagnostic(make('50000', 'amber'), { code: 'status-mismatch', line: 9, column: 11, message: [/amber/, /red/] });
    });

    it('writes an index with the digits that tell it from its threshold: SPI 0.946 < 0.95, not 0.95 < 0.95', () => {
      // 100 days from 2026-01-01, S = 2026-02-19 (day 50): PV = 1000 × 50/100 = 500; EV = 1000 × 47.3% = 473: SPI 0.946.
      const text = ['project:', '  id: p', '  name: P', '  start: 2026-01-01', '  duration: 100d', '  budget: 1000', '  spent: 473', '  progress: 47.3', '  health: green'].join('\n');
      expectExactly(text, 'status-mismatch', [{ line: 9, column: 11, message: /^Project 'p' is declared green but computes as amber: SPI 0\.946 < 0\.95; forecast 6 days after/ }], { statusDate: day('2026-02-19') });
      // A team's threshold of three decimals is written with them: "0.9505 < 0.951", not "0.9505 < 0.95".
      const team = text.replace('spent: 473', 'spent: 10000').replace('budget: 1000', 'budget: 10000').replace('progress: 47.3', 'progress: 95.05');
      expectExactly(team, 'status-mismatch', [{ line: 9, column: 11, message: /CPI 0\.9505 < 0\.951/ }], { statusDate: day('2026-04-10'), thresholds: { red: 0.5, amber: 0.951 } });
    });

    it('close: declared worse than computed (red when it computes red or green)', () => {
      expectNoDiagnostic(make('50000', 'red'), 'status-mismatch');
      expectNoDiagnostic(make('40000', 'red'), 'status-mismatch');
    });

    // v3: SPI 0.96 stretches the 365-day window to ceil(365 / (40000/41643.8)) = 380 days: a 15-day slip, amber.
    it('close: declared amber when it computes amber (CPI 1, SPI 0.96, forecast 15 days late)', () => {
      expectClean(make('40000', 'amber'));
    });

    it('reports a declared green program with a missed milestone (amber), naming the milestone', () => {
      const text = [
        'program:', //               1
        '  id: platform', //         2
        '  name: Platform', //       3
        '  health: green', //        4
        '  milestones:', //          5
        '    - id: beta', //         6
        '      name: Beta', //       7
        '      date: 2026-05-31', // 8
      ].join('\n');
      expectDiagnostic(text, { code: 'status-mismatch', line: 4, column: 11, message: [/platform/, /green/, /amber/, /beta/] });
    });

    it('reports a declared green program whose project is red', () => {
      const text = [
        'program:', //               1
        '  id: platform', //         2
        '  name: Platform', //       3
        '  health: green', //        4
        '  projects:', //            5
        '    - id: ci-upgrade', //   6
        '      name: Upgrade CI', // 7
        '      start: 2026-01-01', // 8
        '      end: 2026-12-31', //  9
        '      issues:', //          10
        '        - title: Prod down', // 11
        '          severity: critical', // 12
      ].join('\n');
      expectDiagnostic(text, { code: 'status-mismatch', line: 4, column: 11, message: [/platform/, /green/] });
    });
  });

  // -------------------------------------------------------------------------------------------------

  describe('progress-mismatch (engine choice: on the progress value)', () => {
    const make = (lines: string[]) =>
      [
        'project:', //             1
        '  id: ci-upgrade', //     2
        '  name: Upgrade CI', //   3
        '  start: 2026-01-05', //  4
        '  duration: 8w', //       5
        ...lines, //               6…
      ].join('\n');

    it('reports state done with progress below 100', () => {
      expectDiagnostic(make(['  state: done', '  progress: 80']), {
        code: 'progress-mismatch',
        line: 7,
        column: 13,
        endLine: 7,
        endColumn: 15,
        message: [/ci-upgrade/, /80/],
      });
    });

    it('reports progress 100 with a state that is not done', () => {
      expectDiagnostic(make(['  progress: 100', '  state: active']), { code: 'progress-mismatch', line: 6, column: 13, message: [/ci-upgrade/, /active/] });
    });

    it('close: progress 100 with state absent (state derives to done)', () => {
      expectNoDiagnostic(make(['  progress: 100']), 'progress-mismatch');
    });

    it('close: state done with progress 100, and state done with progress absent', () => {
      expectNoDiagnostic(make(['  state: done', '  progress: 100']), 'progress-mismatch');
      expectNoDiagnostic(make(['  state: done']), 'progress-mismatch');
    });

    it('close: progress below 100 with a state that is not done', () => {
      expectNoDiagnostic(make(['  state: on-hold', '  progress: 99']), 'progress-mismatch');
    });
  });

  // -------------------------------------------------------------------------------------------------
});
