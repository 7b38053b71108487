/**
 * Diagnostics, code by code (SPEC section 6), written from the SPEC rather than from the engine.
 *
 * Every code has cases that MUST report it — with the exact code, severity and 1-based line and
 * column the SPEC's range rule gives ("the narrowest source range that shows the problem: the offending
 * value; a missing key on its parent's key; an unknown key on the key") — and close cases that must
 * NOT report it. YAML is written as arrays of lines with the 1-based line number in a comment, so each
 * expected position can be checked by eye.
 *
 * Where the SPEC is silent on the place of an entity-level problem, the tests follow the engine's
 * documented choice (e.g. `unscheduled` at the project's id value) and say so in the test name.
 */
import assert from 'node:assert/strict';
import { analyzePlans, diagnosticCodes, type PlanDiagnostic } from '../../src/core';
import { day, DEFAULT_FILE, diagnose, expectClean, expectDiagnostic, expectExactly, expectNoDiagnostic, show, SPEC_SEVERITY, where } from './helpers';

describe('diagnostics (SPEC section 6)', () => {
  describe('the code list', () => {
    it('has exactly the codes and severities of SPEC section 6', () => {
      assert.deepEqual({ ...diagnosticCodes }, { ...SPEC_SEVERITY });
    });

    it('a minimal valid project has no diagnostics', () => {
      const text = [
        'project:', //             1
        '  id: ci-upgrade', //     2
        '  name: Upgrade CI', //   3
        '  start: 2026-01-05', //  4
        '  duration: 8w', //       5
      ].join('\n');
      expectClean(text);
    });

    it('the SPEC section 2 example files have no errors', () => {
      const platform = [
        'version: 1',
        'program:',
        '  id: platform',
        '  name: Platform modernisation',
        '  manager: alice',
        '  goal: Cut hosting cost by 30% by Q4',
        '  budget: 1500000',
        '  currency: USD',
        '  health: green',
        '  benefits:',
        '    - name: Lower hosting cost',
        '      value: 2400000',
        '  milestones:',
        '    - id: platform-ga',
        '      name: General availability',
        '      date: 2026-11-30',
        '  projects:',
        '    - id: ci-upgrade',
        '      name: Upgrade CI',
        '      manager: bob',
        '      start: 2026-01-05',
        '      duration: 8w',
        '      budget: 200000',
        '      spent: 120000',
        '      progress: 70',
        '    - id: auth-migration',
        '      name: Move auth to OIDC',
        '      depends_on: [ci-upgrade]',
        '      duration: 90d',
        '      budget: 450000',
        '      spent: 100000',
        '      progress: 15',
        '      team:',
        '        - person: bob',
        '          allocation: 50',
        '      baseline: { start: 2026-02-23, end: 2026-05-20, budget: 400000 }',
        '      risks:',
        '        - id: auth-vendor',
        '          title: Vendor SDK ships late',
        '          likelihood: 4',
        '          impact: 4',
        '          mitigation: Build a thin shim over the old SDK',
        '          owner: bob',
        '      issues:',
        '        - title: Staging cluster unstable',
        '          severity: high',
        '          state: open',
        'people:',
        '  - { id: alice, name: Alice Ng, role: Program manager }',
        '  - { id: bob, name: Bob Ortiz, capacity: 100 }',
      ].join('\n');
      const engineering = ['portfolio:', '  id: engineering', '  name: Engineering'].join('\n');
      const checkout = [
        'project:',
        '  id: checkout-v2',
        '  name: Checkout v2',
        '  program: platform',
        '  start: 2026-03-02',
        '  end: 2026-06-30',
        '  budget: 300000',
      ].join('\n');
      const all = diagnose([
        { path: 'platform.plan.yaml', text: platform.replace('  goal:', '  portfolio: engineering\n  goal:') },
        { path: 'engineering.plan.yaml', text: engineering },
        { path: 'payments/checkout.plan.yaml', text: checkout },
      ]);
      const errors = all.filter((d) => d.severity === 'error');
      assert.equal(errors.length, 0, show(errors));
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('yaml-syntax', () => {
    it('reports a tab-indented line at the tab (and does not crash)', () => {
      const text = [
        'project:', //             1
        '  id: ci-upgrade', //     2
        '\tname: Upgrade CI', //   3  <- tab indentation
        '  start: 2026-01-05', //  4
        '  duration: 8w', //       5
      ].join('\n');
      expectDiagnostic(text, { code: 'yaml-syntax', line: 3, column: 1 });
    });

    it('reports a duplicate key in a mapping at the second occurrence', () => {
      const text = [
        'project:', //             1
        '  id: ci-upgrade', //     2
        '  name: Upgrade CI', //   3
        '  start: 2026-01-05', //  4
        '  name: CI upgrade', //   5  <- duplicate key
        '  duration: 8w', //       6
      ].join('\n');
      expectDiagnostic(text, { code: 'yaml-syntax', line: 5, column: 3 });
    });

    it('reports an unclosed flow sequence', () => {
      const text = [
        'project:', //                   1
        '  id: auth-migration', //       2
        '  name: Auth', //               3
        '  depends_on: [ci-upgrade', //  4
        '  duration: 90d', //            5
      ].join('\n');
      const all = diagnose(text);
      assert.ok(
        all.some((d) => d.code === 'yaml-syntax' && d.severity === 'error'),
        show(all),
      );
    });

    it('never throws on odd input', () => {
      for (const text of ['{', ']', '- - -', ': :', '"', 'a: &x [*x]', 'a: *nope', '? [a]\n: b', '%YAML 1.2\n---\n', '\u0000', '\t']) {
        assert.doesNotThrow(() => diagnose(text), `input ${JSON.stringify(text)}`);
      }
    });

    it('close: a tab as separation after a colon is fine', () => {
      const text = [
        'project:', //             1
        '  id: ci-upgrade', //     2
        '  name:\tUpgrade CI', //  3  <- tab after the colon, not indentation
        '  start: 2026-01-05', //  4
        '  duration: 8w', //       5
      ].join('\n');
      expectClean(text);
    });

    it('close: an empty file has no diagnostics', () => {
      expectClean('');
    });

    it('close: a comment-only file has no diagnostics', () => {
      expectClean(['# nothing planned yet', '# (a comment-only plan file)', ''].join('\n'));
    });

    it('close: a file with only document markers has no diagnostics', () => {
      expectClean(['---', '# empty', '---', ''].join('\n'));
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('schema', () => {
    it('reports an unknown key on the key', () => {
      const text = [
        'project:', //             1
        '  id: ci-upgrade', //     2
        '  name: Upgrade CI', //   3
        '  owner: bob', //         4  <- projects have manager, not owner
        '  start: 2026-01-05', //  5
        '  duration: 8w', //       6
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 4, column: 3, endLine: 4, endColumn: 8, message: /owner/ });
    });

    it('reports an unknown root key on the key', () => {
      const text = [
        'versoin: 1', //           1  <- typo
        'project:', //             2
        '  id: ci-upgrade', //     3
        '  name: Upgrade CI', //   4
        '  start: 2026-01-05', //  5
        '  duration: 8w', //       6
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 1, column: 1, message: /versoin/ });
    });

    it('reports an unknown key deep inside (a milestone of a project of a program)', () => {
      const text = [
        'program:', //                 1
        '  id: platform', //           2
        '  name: Platform', //         3
        '  projects:', //              4
        '    - id: ci-upgrade', //     5
        '      name: Upgrade CI', //   6
        '      start: 2026-01-05', //  7
        '      duration: 8w', //       8
        '      milestones:', //        9
        '        - id: ci-ready', //   10
        '          name: Ready', //    11
        '          date: 2026-02-01', // 12
        '          due: 2026-02-01', //  13 <- milestones have date, not due
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 13, column: 11, message: /due/ });
    });

    it('close: x- keys are allowed anywhere (root, entity, flow mapping, list item, person)', () => {
      const text = [
        'x-generated-by: sheet-export', //                                      1
        'project:', //                                                          2
        '  id: ci-upgrade', //                                                  3
        '  name: Upgrade CI', //                                                4
        '  x-jira: PLAT-1', //                                                  5
        '  start: 2026-01-05', //                                               6
        '  duration: 8w', //                                                    7
        '  baseline: { start: 2026-01-05, end: 2026-03-01, x-source: erp }', // 8
        '  team:', //                                                           9
        '    - person: bob', //                                                 10
        '      x-note: part time', //                                           11
        '      allocation: 50', //                                              12
        'people:', //                                                           13
        "  - { id: bob, x-slack: '@bob' }", //                                  14
      ].join('\n');
      expectClean(text);
    });

    it('reports a missing required key on the parent key (program without name → on `program:`)', () => {
      const text = [
        'program:', //        1  <- name missing
        '  id: platform', //  2
        '  budget: 100', //   3
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 1, column: 1, endLine: 1, endColumn: 8, message: [/name/, /platform/] });
    });

    it('reports a missing project id on the `project:` key', () => {
      const text = [
        'project:', //             1  <- id missing
        '  name: Upgrade CI', //   2
        '  start: 2026-01-05', //  3
        '  duration: 8w', //       4
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 1, column: 1, message: /\bid\b/ });
    });

    it('reports a missing key of a list item on the item’s first key (engine choice: a list item has no key)', () => {
      const text = [
        'program:', //                 1
        '  id: platform', //           2
        '  name: Platform', //         3
        '  milestones:', //            4
        '    - id: platform-ga', //    5  <- date missing
        '      name: GA', //           6
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 5, column: 7, message: [/date/, /platform-ga/] });
    });

    it('reports a bad enum value on the value', () => {
      const text = [
        'project:', //             1
        '  id: ci-upgrade', //     2
        '  name: Upgrade CI', //   3
        '  start: 2026-01-05', //  4
        '  duration: 8w', //       5
        '  state: finished', //    6  <- not a state
        '  health: yellow', //     7  <- not a RAG colour
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 6, column: 10, endLine: 6, endColumn: 18, message: /state/ });
      expectDiagnostic(text, { code: 'schema', line: 7, column: 11, message: /health/ });
    });

    it('reports an issue severity outside the enum', () => {
      const text = [
        'project:', //                  1
        '  id: ci-upgrade', //          2
        '  name: Upgrade CI', //        3
        '  start: 2026-01-05', //       4
        '  duration: 8w', //            5
        '  issues:', //                 6
        '    - title: Flaky runners', // 7
        '      severity: urgent', //    8
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 8, column: 17, message: /severity/ });
    });

    it('reports an invalid calendar date (2026-02-30) on the value', () => {
      const text = [
        'project:', //             1
        '  id: ci-upgrade', //     2
        '  name: Upgrade CI', //   3
        '  start: 2026-02-30', //  4  <- February has no 30th
        '  duration: 8w', //       5
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 4, column: 10, endLine: 4, endColumn: 20, message: /start/ });
    });

    it('reports a date not written YYYY-MM-DD on the value', () => {
      const text = [
        'project:', //             1
        '  id: ci-upgrade', //     2
        '  name: Upgrade CI', //   3
        '  start: 2026-1-5', //    4
        '  duration: 8w', //       5
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 4, column: 10 });
    });

    it('close: 29 February of a leap year is a real date', () => {
      const text = [
        'project:', //             1
        '  id: ci-upgrade', //     2
        '  name: Upgrade CI', //   3
        '  start: 2024-02-29', //  4
        '  duration: 8w', //       5
      ].join('\n');
      expectNoDiagnostic(text, 'schema');
    });

    it('reports out-of-range numbers on the value (progress 101, likelihood 6, allocation 0, negative budget)', () => {
      const text = [
        'project:', //                 1
        '  id: ci-upgrade', //         2
        '  name: Upgrade CI', //       3
        '  start: 2026-01-05', //      4
        '  duration: 8w', //           5
        '  budget: -5', //             6
        '  progress: 101', //          7
        '  team:', //                  8
        '    - person: bob', //        9
        '      allocation: 0', //      10
        '  risks:', //                 11
        '    - id: vendor-late', //    12
        '      title: Vendor late', // 13
        '      likelihood: 6', //      14
        '      impact: 1', //          15
        'people:', //                  16
        '  - id: bob', //              17
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 6, column: 11, message: /budget/ });
      expectDiagnostic(text, { code: 'schema', line: 7, column: 13, message: /progress/ });
      expectDiagnostic(text, { code: 'schema', line: 10, column: 19, message: /allocation/ });
      expectDiagnostic(text, { code: 'schema', line: 14, column: 19, message: /likelihood/ });
    });

    it('close: boundary numbers are in range (progress 0/100, allocation 1/100, budget 0, likelihood 1/5)', () => {
      const text = [
        'program:', //                   1
        '  id: platform', //             2
        '  name: Platform', //           3
        '  budget: 0', //                4
        '  projects:', //                5
        '    - id: ci-upgrade', //       6
        '      name: Upgrade CI', //     7
        '      start: 2026-01-05', //    8
        '      duration: 8w', //         9
        '      progress: 0', //          10
        '      team:', //                11
        '        - person: bob', //      12
        '          allocation: 1', //    13
        '    - id: auth-migration', //   14
        '      name: Auth', //           15
        '      start: 2026-01-05', //    16
        '      duration: 8w', //         17
        '      progress: 100', //        18
        '      state: done', //          19
        '      team:', //                20
        '        - person: bob', //      21
        '          allocation: 99', //   22
        '      risks:', //               23
        '        - id: vendor-late', //  24
        '          title: Late', //      25
        '          likelihood: 1', //    26
        '          impact: 5', //        27
        'people:', //                    28
        '  - id: bob', //                29
      ].join('\n');
      expectNoDiagnostic(text, 'schema');
    });

    it('reports a value of the wrong type on the value', () => {
      const text = [
        'project:', //                   1
        '  id: auth-migration', //       2
        '  name: Auth', //               3
        '  start: 2026-03-02', //        4
        '  duration: 90d', //            5
        '  budget: lots', //             6  <- not a number
        '  depends_on: ci-upgrade', //   7  <- not a list
        '  progress: "70"', //           8  <- text, not a number
        '  milestones:', //              9
        '    - name: Cutover', //        10
        '      date: 2026-05-01', //     11
        '      done: yes', //            12 <- YAML 1.2 core: a string, not a boolean
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 6, column: 11, message: /budget/ });
      expectDiagnostic(text, { code: 'schema', line: 7, column: 15, message: /depends_on/ });
      expectDiagnostic(text, { code: 'schema', line: 8, column: 13, message: /progress/ });
      expectDiagnostic(text, { code: 'schema', line: 12, column: 13, message: /done/ });
    });

    it('reports a bad duration format on the value (10, 2m, 0d)', () => {
      const make = (duration: string) =>
        [
          'project:', //                  1
          '  id: ci-upgrade', //          2
          '  name: Upgrade CI', //        3
          '  start: 2026-01-05', //       4
          `  duration: ${duration}`, //   5
        ].join('\n');
      for (const bad of ['10', '2m', '0d', '1.5w']) {
        expectDiagnostic(make(bad), { code: 'schema', line: 5, column: 13, message: /duration/ });
      }
      for (const good of ['1d', '90d', '8w']) expectClean(make(good));
    });

    it('reports two root entities in one document (on the second root key)', () => {
      const text = [
        'program:', //             1
        '  id: platform', //       2
        '  name: Platform', //     3
        'project:', //             4  <- a second root entity
        '  id: ci-upgrade', //     5
        '  name: Upgrade CI', //   6
        '  start: 2026-01-05', //  7
        '  duration: 8w', //       8
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 4, column: 1, message: [/program/, /project/] });
    });

    it('reports `version: 2` on the value; close: `version: 1` is fine', () => {
      const make = (version: string) =>
        [
          `version: ${version}`, //  1
          'project:', //             2
          '  id: ci-upgrade', //     3
          '  name: Upgrade CI', //   4
          '  start: 2026-01-05', //  5
          '  duration: 8w', //       6
        ].join('\n');
      expectDiagnostic(make('2'), { code: 'schema', line: 1, column: 10, endLine: 1, endColumn: 11, message: /version/ });
      expectClean(make('1'));
    });

    it('reports a document with no root entity', () => {
      expectDiagnostic(['version: 1'].join('\n'), { code: 'schema', line: 1, column: 1 });
    });

    it('reports a document that is not a mapping', () => {
      const text = [
        '- id: ci-upgrade', //  1
        '  name: Upgrade CI', // 2
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 1, column: 1 });
    });

    it('close: a document with only people is valid', () => {
      const text = [
        'people:', //                                       1
        '  - { id: alice, name: Alice Ng, role: PM }', //   2
        '  - id: bob', //                                   3
        '    capacity: 80', //                              4
      ].join('\n');
      expectClean(text);
    });

    it('reports an id that breaks the id pattern on the value', () => {
      const text = [
        'project:', //               1
        '  id: ci upgrade', //       2  <- space in an id
        '  name: Upgrade CI', //     3
        '  start: 2026-01-05', //    4
        '  duration: 8w', //         5
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 2, column: 7, message: /\bid\b/ });
    });

    it('reports a currency that is not an ISO 4217 code on the value', () => {
      const text = [
        'program:', //             1
        '  id: platform', //       2
        '  name: Platform', //     3
        '  currency: dollars', //  4
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 4, column: 13, message: /currency/ });
    });

    it('reports an unknown key inside a flow mapping on the key', () => {
      const text = [
        'project:', //                                         1
        '  id: ci-upgrade', //                                 2
        '  name: Upgrade CI', //                               3
        '  start: 2026-01-05', //                              4
        '  duration: 8w', //                                   5
        '  baseline: { start: 2026-01-05, budgt: 5000 }', //   6  <- typo for budget
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 6, column: 34, endLine: 6, endColumn: 39, message: /budgt/ });
    });

    it('reports an `X-` key (extensions are `x-`, lower case)', () => {
      const text = [
        'project:', //             1
        '  id: ci-upgrade', //     2
        '  name: Upgrade CI', //   3
        '  X-jira: PLAT-1', //     4
        '  start: 2026-01-05', //  5
        '  duration: 8w', //       6
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 4, column: 3, message: /X-jira/ });
    });

    it('reports a YAML 1.1 merge key (`<<`) as an unknown key: YAML 1.2 core has none', () => {
      const text = [
        'x-defaults: &defaults', //  1
        '  start: 2026-01-05', //    2
        'project:', //               3
        '  <<: *defaults', //        4
        '  id: ci-upgrade', //       5
        '  name: Upgrade CI', //     6
        '  duration: 8w', //         7
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 4, column: 3, endLine: 4, endColumn: 5 });
    });

    it('reports a missing required key of a risk on the item’s first key', () => {
      const text = [
        'project:', //               1
        '  id: ci-upgrade', //       2
        '  name: Upgrade CI', //     3
        '  start: 2026-01-05', //    4
        '  duration: 8w', //         5
        '  risks:', //               6
        '    - id: vendor-late', //  7  <- likelihood missing
        '      title: Late', //      8
        '      impact: 5', //        9
      ].join('\n');
      expectDiagnostic(text, { code: 'schema', line: 7, column: 7, message: [/likelihood/, /vendor-late/] });
    });

    it('reports a key with an empty value where it shows: on the key (not a zero-width range at the line end)', () => {
      const text = [
        'project:', //             1
        '  id: ci-upgrade', //     2
        '  name:', //              3  <- empty: null, not text
        '  start: 2026-01-05', //  4
        '  duration: 8w', //       5
      ].join('\n');
      const found = expectDiagnostic(text, { code: 'schema', line: 3, column: 3, message: /name/ });
      assert.ok(found.range.end.character > found.range.start.character, `zero-width range ${where(found)}`);
    });

    it('reports an empty root entity (`project:` with no value) on the key', () => {
      const text = [
        'project:', //  1  <- null, not a mapping
        'people:', //   2
        '  - id: bob', // 3
      ].join('\n');
      const found = expectDiagnostic(text, { code: 'schema', line: 1, column: 1, message: /project/ });
      assert.ok(found.range.end.character > found.range.start.character, `zero-width range ${where(found)}`);
    });

    it('reports a nested project whose `program:` names another program (on the value)', () => {
      const make = (program: string) =>
        [
          'program:', //                  1
          '  id: platform', //            2
          '  name: Platform', //          3
          '  projects:', //               4
          '    - id: ci-upgrade', //      5
          '      name: Upgrade CI', //    6
          `      program: ${program}`, // 7
          '      start: 2026-01-05', //   8
          '      duration: 8w', //        9
          '---', //                       10
          'program:', //                  11
          '  id: payments', //            12
          '  name: Payments', //          13
        ].join('\n');
      expectDiagnostic(make('payments'), { code: 'schema', line: 7, column: 16, message: [/ci-upgrade/, /platform/, /payments/] });
      // close: naming the program it is nested in is allowed ("must agree if both")
      expectClean(make('platform'));
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('duplicate-id', () => {
    it('reports both definitions of an id defined in two files, each at its own id value', () => {
      const a = [
        'program:', //          1
        '  id: platform', //    2
        '  name: Platform', //  3
      ].join('\n');
      const b = [
        'project:', //               1
        '  id: platform', //         2  <- same id, other kind, other file
        '  name: Platform work', //  3
        '  start: 2026-01-05', //    4
        '  duration: 8w', //         5
      ].join('\n');
      expectExactly(
        [
          { path: 'a.plan.yaml', text: a },
          { path: 'b.plan.yaml', text: b },
        ],
        'duplicate-id',
        [
          { file: 'a.plan.yaml', line: 2, column: 7, endLine: 2, endColumn: 15, message: /platform/ },
          { file: 'b.plan.yaml', line: 2, column: 7, endLine: 2, endColumn: 15, message: /platform/ },
        ],
      );
    });

    it('reports duplicates across kinds in one file (milestone, project, person)', () => {
      const text = [
        'program:', //                1
        '  id: platform', //          2
        '  name: Platform', //        3
        '  milestones:', //           4
        '    - id: launch', //        5
        '      name: Launch', //      6
        '      date: 2026-09-01', //  7
        '  projects:', //             8
        '    - id: launch', //        9
        '      name: Launch work', // 10
        '      start: 2026-01-05', // 11
        '      end: 2026-08-31', //   12
        'people:', //                 13
        '  - id: launch', //          14
      ].join('\n');
      expectExactly(text, 'duplicate-id', [
        { line: 5, column: 11, message: /launch/ },
        { line: 9, column: 11, message: /launch/ },
        { line: 14, column: 9, message: /launch/ },
      ]);
    });

    it('reports a person listed in two registries (people are entities too)', () => {
      const text = [
        'people:', //      1
        '  - id: bob', //  2
        '---', //          3
        'people:', //      4
        '  - id: bob', //  5
      ].join('\n');
      expectExactly(text, 'duplicate-id', [
        { line: 2, column: 9, message: /bob/ },
        { line: 5, column: 9, message: /bob/ },
      ]);
    });

    it('close: ids are case-sensitive (Auth and auth are two ids)', () => {
      const text = [
        'program:', //                1
        '  id: platform', //          2
        '  name: Platform', //        3
        '  projects:', //             4
        '    - id: auth', //          5
        '      name: Auth', //        6
        '      start: 2026-01-05', // 7
        '      duration: 8w', //      8
        '    - id: Auth', //          9
        '      name: Auth 2', //      10
        '      start: 2026-01-05', // 11
        '      duration: 8w', //      12
      ].join('\n');
      expectNoDiagnostic(text, 'duplicate-id');
    });

    it('close: risks and issues without ids are not duplicates', () => {
      const text = [
        'program:', //                1
        '  id: platform', //          2
        '  name: Platform', //        3
        '  issues:', //               4
        '    - title: One', //        5
        '      severity: low', //     6
        '    - title: One', //        7
        '      severity: low', //     8
        '  risks:', //                9
        '    - title: Two', //        10
        '      likelihood: 1', //     11
        '      impact: 1', //         12
        '    - title: Two', //        13
        '      likelihood: 1', //     14
        '      impact: 1', //         15
      ].join('\n');
      expectClean(text);
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('unknown-reference', () => {
    it('reports portfolio, depends_on and team person references that name nothing, on the value', () => {
      const text = [
        'program:', //                         1
        '  id: platform', //                   2
        '  name: Platform', //                 3
        '  portfolio: engineerin', //          4  <- typo
        '  projects:', //                      5
        '    - id: ci-upgrade', //             6
        '      name: Upgrade CI', //           7
        '      start: 2026-01-05', //          8
        '      duration: 8w', //               9
        '    - id: auth-migration', //         10
        '      name: Auth', //                 11
        '      depends_on: [ci-upgarde]', //   12 <- typo
        '      duration: 90d', //              13
        '      team:', //                      14
        '        - person: zed', //            15 <- nobody
        'people:', //                          16
        '  - id: bob', //                      17
      ].join('\n');
      expectExactly(text, 'unknown-reference', [
        { line: 4, column: 14, endLine: 4, endColumn: 24, message: /engineerin/ },
        { line: 12, column: 20, endLine: 12, endColumn: 30, message: /ci-upgarde/ },
        { line: 15, column: 19, message: /zed/ },
      ]);
    });

    it('reports a standalone project whose program names nothing', () => {
      const text = [
        'project:', //               1
        '  id: checkout-v2', //      2
        '  name: Checkout v2', //    3
        '  program: paltform', //    4  <- typo
        '  start: 2026-03-02', //    5
        '  end: 2026-06-30', //      6
      ].join('\n');
      expectDiagnostic(text, { code: 'unknown-reference', line: 4, column: 12, message: /paltform/ });
    });

    it('reports a program reference that names a project, not a program', () => {
      const text = [
        'project:', //               1
        '  id: checkout-v1', //      2
        '  name: Checkout v1', //    3
        '  start: 2026-01-05', //    4
        '  end: 2026-02-27', //      5
        '---', //                    6
        'project:', //               7
        '  id: checkout-v2', //      8
        '  name: Checkout v2', //    9
        '  program: checkout-v1', // 10 <- a project
        '  start: 2026-03-02', //    11
        '  end: 2026-06-30', //      12
      ].join('\n');
      expectDiagnostic(text, { code: 'unknown-reference', line: 10, column: 12, message: /checkout-v1/ });
    });

    it('reports a depends_on that names a person, not a project or milestone', () => {
      const text = [
        'project:', //              1
        '  id: ci-upgrade', //      2
        '  name: Upgrade CI', //    3
        '  depends_on: [bob]', //   4
        '  duration: 8w', //        5
        'people:', //               6
        '  - id: bob', //           7
      ].join('\n');
      expectDiagnostic(text, { code: 'unknown-reference', line: 4, column: 16, message: /bob/ });
    });

    it('close: references to ids defined in other files resolve (program, milestone, person)', () => {
      const platform = [
        'program:', //                1
        '  id: platform', //          2
        '  name: Platform', //        3
        '  milestones:', //           4
        '    - id: design-signed', // 5
        '      name: Design signed', // 6
        '      date: 2026-02-27', //  7
        '      done: true', //        8
      ].join('\n');
      const checkout = [
        'project:', //                       1
        '  id: checkout-v2', //              2
        '  name: Checkout v2', //            3
        '  program: platform', //            4
        '  depends_on: [design-signed]', //  5
        '  duration: 90d', //                6
        '  team:', //                        7
        '    - person: bob', //              8
      ].join('\n');
      const people = ['people:', '  - id: bob'].join('\n');
      expectClean([
        { path: 'platform.plan.yaml', text: platform },
        { path: 'payments/checkout.plan.yaml', text: checkout },
        { path: 'people.plan.yaml', text: people },
      ]);
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('dependency-cycle', () => {
    it('reports each depends_on link of a three-project cycle, at the link, naming the ids', () => {
      const text = [
        'program:', //                  1
        '  id: platform', //            2
        '  name: Platform', //          3
        '  projects:', //               4
        '    - id: design', //          5
        '      name: Design', //        6
        '      depends_on: [verify]', // 7
        '      duration: 10d', //       8
        '    - id: build', //           9
        '      name: Build', //         10
        '      depends_on: [design]', // 11
        '      duration: 10d', //       12
        '    - id: verify', //          13
        '      name: Verify', //        14
        '      depends_on:', //         15
        '        - build', //           16
        '      duration: 10d', //       17
        '    - id: release', //         18 <- depends on the cycle but is not in it
        '      name: Release', //       19
        '      depends_on: [verify]', // 20
        '      duration: 1d', //        21
      ].join('\n');
      expectExactly(text, 'dependency-cycle', [
        { line: 7, column: 20, endLine: 7, endColumn: 26, message: [/design/, /verify/] },
        { line: 11, column: 20, message: [/build/, /design/] },
        { line: 16, column: 11, message: [/verify/, /build/] },
      ]);
    });

    it('reports a project that depends on itself', () => {
      const text = [
        'project:', //              1
        '  id: solo', //            2
        '  name: Solo', //          3
        '  depends_on: [solo]', //  4
        '  duration: 10d', //       5
      ].join('\n');
      expectExactly(text, 'dependency-cycle', [{ line: 4, column: 16, message: /solo/ }]);
    });

    it('reports a cycle through a milestone', () => {
      const text = [
        'program:', //                  1
        '  id: platform', //            2
        '  name: Platform', //          3
        '  milestones:', //             4
        '    - id: gate', //            5
        '      name: Gate', //          6
        '      date: 2026-03-01', //    7
        '      depends_on: [build]', // 8
        '  projects:', //               9
        '    - id: build', //           10
        '      name: Build', //         11
        '      depends_on: [gate]', //  12
        '      duration: 10d', //       13
      ].join('\n');
      expectExactly(text, 'dependency-cycle', [
        { line: 8, column: 20, message: [/gate/, /build/] },
        { line: 12, column: 20, message: [/build/, /gate/] },
      ]);
    });

    it('close: a diamond (two paths to the same project) is not a cycle', () => {
      const text = [
        'program:', //                          1
        '  id: platform', //                    2
        '  name: Platform', //                  3
        '  projects:', //                       4
        '    - id: design', //                  5
        '      name: Design', //                6
        '      start: 2026-01-05', //           7
        '      duration: 10d', //               8
        '    - id: backend', //                 9
        '      name: Backend', //               10
        '      depends_on: [design]', //        11
        '      duration: 10d', //               12
        '    - id: frontend', //                13
        '      name: Frontend', //              14
        '      depends_on: [design]', //        15
        '      duration: 20d', //               16
        '    - id: release', //                 17
        '      name: Release', //               18
        '      depends_on: [backend, frontend]', // 19
        '      duration: 1d', //                20
      ].join('\n');
      expectClean(text);
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('unscheduled (engine choice: at the project id value, one per missing side)', () => {
    it('reports a project with a duration but no start and no depends_on', () => {
      const text = [
        'project:', //          1
        '  id: floating', //    2
        '  name: Floating', //  3
        '  duration: 10d', //   4
      ].join('\n');
      expectExactly(text, 'unscheduled', [{ line: 2, column: 7, endLine: 2, endColumn: 15, message: [/floating/, /start/] }]);
    });

    it('reports a project with a start but no end and no duration', () => {
      const text = [
        'project:', //             1
        '  id: open-ended', //     2
        '  name: Open ended', //   3
        '  start: 2026-01-05', //  4
      ].join('\n');
      expectExactly(text, 'unscheduled', [{ line: 2, column: 7, message: [/open-ended/, /end/] }]);
    });

    it('reports both sides of a project with no dates at all', () => {
      const text = [
        'project:', //        1
        '  id: someday', //   2
        '  name: Someday', // 3
      ].join('\n');
      expectExactly(text, 'unscheduled', [
        { line: 2, column: 7, message: /start/ },
        { line: 2, column: 7, message: /end/ },
      ]);
    });

    it('reports an empty depends_on list without a start (no dependency gives a day)', () => {
      const text = [
        'project:', //          1
        '  id: floating', //    2
        '  name: Floating', //  3
        '  depends_on: []', //  4
        '  duration: 10d', //   5
      ].join('\n');
      expectExactly(text, 'unscheduled', [{ line: 2, column: 7, message: [/floating/, /start/] }]);
    });

    it('close: start from depends_on plus duration is scheduled; start plus end is scheduled', () => {
      const text = [
        'program:', //                 1
        '  id: platform', //           2
        '  name: Platform', //         3
        '  projects:', //              4
        '    - id: design', //         5
        '      name: Design', //       6
        '      start: 2026-01-05', //  7
        '      end: 2026-01-30', //    8
        '    - id: build', //          9
        '      name: Build', //        10
        '      depends_on: [design]', // 11
        '      duration: 30d', //      12
        '    - id: verify', //         13
        '      name: Verify', //       14
        '      depends_on: [build]', // 15
        '      end: 2026-04-30', //    16
      ].join('\n');
      expectClean(text);
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('date-conflict (engine choice: on the end value)', () => {
    it('reports start + duration − 1 ≠ end, naming the dates', () => {
      const make = (end: string) =>
        [
          'project:', //             1
          '  id: ci-upgrade', //     2
          '  name: Upgrade CI', //   3
          '  start: 2026-01-05', //  4
          '  duration: 8w', //       5  (56 days: 2026-01-05 … 2026-03-01)
          `  end: ${end}`, //        6
        ].join('\n');
      expectDiagnostic(make('2026-03-02'), {
        code: 'date-conflict',
        line: 6,
        column: 8,
        endLine: 6,
        endColumn: 18,
        message: [/ci-upgrade/, /2026-03-01/, /2026-03-02/],
      });
      // close: the end is exactly start + duration − 1 (end is inclusive)
      expectClean(make('2026-03-01'));
    });

    it('reports an end before the start', () => {
      const text = [
        'project:', //             1
        '  id: ci-upgrade', //     2
        '  name: Upgrade CI', //   3
        '  start: 2026-03-01', //  4
        '  end: 2026-02-27', //    5
      ].join('\n');
      expectDiagnostic(text, { code: 'date-conflict', line: 5, column: 8, message: [/ci-upgrade/, /2026-02-27/, /2026-03-01/] });
    });

    it('close: a one-day project (end = start) is fine', () => {
      const text = [
        'project:', //             1
        '  id: cutover', //        2
        '  name: Cutover', //      3
        '  start: 2026-03-01', //  4
        '  end: 2026-03-01', //    5
        '  duration: 1d', //       6
      ].join('\n');
      expectClean(text);
    });

    it('reports an explicit end before the start computed from depends_on', () => {
      const text = [
        'program:', //                  1
        '  id: platform', //            2
        '  name: Platform', //          3
        '  projects:', //               4
        '    - id: design', //          5
        '      name: Design', //        6
        '      start: 2026-01-05', //   7
        '      end: 2026-03-31', //     8
        '    - id: build', //           9
        '      name: Build', //         10
        '      depends_on: [design]', // 11 (start computed: 2026-04-01)
        '      end: 2026-03-15', //     12
      ].join('\n');
      expectDiagnostic(text, { code: 'date-conflict', line: 12, column: 12, message: [/build/, /2026-03-15/, /2026-04-01/] });
    });

    it('reports a program window whose end is before its start', () => {
      const text = [
        'program:', //             1
        '  id: platform', //       2
        '  name: Platform', //     3
        '  start: 2026-06-30', //  4
        '  end: 2026-01-01', //    5
      ].join('\n');
      expectDiagnostic(text, { code: 'date-conflict', line: 5, column: 8, message: /platform/ });
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('dependency-violation', () => {
    const projects = (start: string) =>
      [
        'program:', //                       1
        '  id: platform', //                 2
        '  name: Platform', //               3
        '  projects:', //                    4
        '    - id: ci-upgrade', //           5
        '      name: Upgrade CI', //         6
        '      start: 2026-01-05', //        7
        '      end: 2026-02-22', //          8
        '    - id: auth-migration', //       9
        '      name: Auth', //               10
        '      depends_on: [ci-upgrade]', // 11
        `      start: ${start}`, //          12
        '      duration: 90d', //            13
      ].join('\n');

    it('reports an explicit start on the day a dependency ends, on the start value', () => {
      expectDiagnostic(projects('2026-02-22'), {
        code: 'dependency-violation',
        line: 12,
        column: 14,
        endLine: 12,
        endColumn: 24,
        message: [/auth-migration/, /ci-upgrade/, /2026-02-22/],
      });
    });

    it('reports an explicit start before a dependency ends', () => {
      expectDiagnostic(projects('2026-02-01'), { code: 'dependency-violation', line: 12, column: 14, message: [/ci-upgrade/, /2026-02-01/] });
    });

    it('close: a dependency whose end is the day before the explicit start', () => {
      expectClean(projects('2026-02-23'));
    });

    it('reports an explicit start on the computed end (start + duration − 1) of a dependency', () => {
      const text = [
        'project:', //               1
        '  id: design', //           2
        '  name: Design', //         3
        '  start: 2026-01-05', //    4
        '  duration: 10d', //        5  (ends 2026-01-14)
        '---', //                    6
        'project:', //               7
        '  id: build', //            8
        '  name: Build', //          9
        '  depends_on: [design]', // 10
        '  start: 2026-01-14', //    11
        '  duration: 1d', //         12
      ].join('\n');
      expectDiagnostic(text, { code: 'dependency-violation', line: 11, column: 10, message: [/build/, /design/, /2026-01-14/] });
      expectNoDiagnostic(text.replace('  start: 2026-01-14', '  start: 2026-01-15'), 'dependency-violation');
    });

    const milestone = (date: string) =>
      [
        'program:', //                       1
        '  id: platform', //                 2
        '  name: Platform', //               3
        '  milestones:', //                  4
        '    - id: platform-ga', //          5
        '      name: GA', //                 6
        `      date: ${date}`, //            7
        '      depends_on: [ci-upgrade]', // 8
        '  projects:', //                    9
        '    - id: ci-upgrade', //           10
        '      name: Upgrade CI', //         11
        '      start: 2026-01-05', //        12
        '      end: 2026-07-22', //          13
      ].join('\n');

    it('reports a milestone dated before a dependency ends, on the date value', () => {
      expectDiagnostic(milestone('2026-07-21'), {
        code: 'dependency-violation',
        line: 7,
        column: 13,
        message: [/platform-ga/, /ci-upgrade/, /2026-07-21/, /2026-07-22/],
      });
    });

    it('close: a milestone on the same day its dependency ends', () => {
      expectClean(milestone('2026-07-22'));
    });

    const onMilestone = (start: string) =>
      [
        'program:', //                       1
        '  id: platform', //                 2
        '  name: Platform', //               3
        '  milestones:', //                  4
        '    - id: design-signed', //        5
        '      name: Design signed', //      6
        '      date: 2026-02-27', //         7
        '      done: true', //               8
        '  projects:', //                    9
        '    - id: build', //                10
        '      name: Build', //              11
        '      depends_on: [design-signed]', // 12
        `      start: ${start}`, //          13
        '      duration: 30d', //            14
      ].join('\n');

    it('reports a project starting on the date of a milestone it depends on', () => {
      expectDiagnostic(onMilestone('2026-02-27'), { code: 'dependency-violation', line: 13, column: 14, message: [/build/, /design-signed/] });
    });

    it('close: a project starting the day after a milestone it depends on', () => {
      expectClean(onMilestone('2026-02-28'));
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('outside-window', () => {
    const text = [
      'program:', //                 1
      '  id: platform', //           2
      '  name: Platform', //         3
      '  start: 2026-01-01', //      4
      '  end: 2026-06-30', //        5
      '  milestones:', //            6
      '    - id: kickoff', //        7
      '      name: Kickoff', //      8
      '      date: 2025-12-15', //   9  <- before the program window
      '      done: true', //         10
      '  projects:', //              11
      '    - id: early', //          12
      '      name: Early', //        13
      '      start: 2025-12-01', //  14 <- starts before the window
      '      end: 2026-02-28', //    15
      '    - id: late', //           16
      '      name: Late', //         17
      '      start: 2026-05-01', //  18
      '      end: 2026-07-31', //    19 <- ends after the window
      '    - id: fits', //           20
      '      name: Fits', //         21
      '      start: 2026-01-01', //  22 <- exactly the window: fine
      '      end: 2026-06-30', //    23
      '      milestones:', //        24
      '        - id: fits-after', // 25
      '          name: After', //    26
      '          date: 2026-07-01', // 27 <- the day after its project
      '        - id: fits-last', //  28
      '          name: Last day', // 29
      '          date: 2026-06-30', // 30 <- its project’s last day: fine
    ].join('\n');

    it('reports projects outside their program window and milestones outside their project, on the offending date (a program’s own milestone is not checked against the program window: SPEC names only the two cases)', () => {
      expectExactly(text, 'outside-window', [
        { line: 14, column: 14, message: [/early/, /platform/, /2025-12-01/] },
        { line: 19, column: 12, message: [/late/, /platform/, /2026-07-31/] },
        { line: 27, column: 17, message: [/fits-after/, /fits/, /2026-07-01/] },
      ]);
    });

    it('close: a program without a window never reports projects outside it', () => {
      const noWindow = text.replace('  start: 2026-01-01\n  end: 2026-06-30\n', '');
      assert.notEqual(noWindow, text);
      expectExactly(noWindow, 'outside-window', [{ line: 25, column: 17, message: /fits-after/ }]);
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('over-budget (engine choice: on the program budget value)', () => {
    const make = (second: string, extra: string[] = []) =>
      [
        'program:', //                  1
        '  id: platform', //            2
        '  name: Platform', //          3
        '  budget: 100000', //          4
        '  projects:', //               5
        '    - id: ci-upgrade', //      6
        '      name: Upgrade CI', //    7
        '      start: 2026-01-05', //   8
        '      duration: 8w', //        9
        '      budget: 60000', //       10
        '    - id: auth-migration', //  11
        '      name: Auth', //          12
        '      start: 2026-03-02', //   13
        '      duration: 90d', //       14
        `      budget: ${second}`, //   15
        ...extra,
      ].join('\n');

    it('reports Σ project BAC above the program budget, naming the program', () => {
      expectDiagnostic(make('50000'), {
        code: 'over-budget',
        line: 4,
        column: 11,
        endLine: 4,
        endColumn: 17,
        message: [/platform/, /110,?000/, /100,?000/],
      });
    });

    it('close: Σ BAC exactly equal to the budget', () => {
      expectNoDiagnostic(make('40000'), 'over-budget');
    });

    it('close: a baseline budget (the BAC) within the program budget, though `budget` is above', () => {
      expectNoDiagnostic(make('70000', ['      baseline: { budget: 40000 }']), 'over-budget');
    });

    it('close: a cancelled project is excluded from the sum', () => {
      const text = make('40000', [
        '    - id: old-portal', //       16
        '      name: Old portal', //     17
        '      state: cancelled', //     18
        '      start: 2026-01-05', //    19
        '      duration: 8w', //         20
        '      budget: 500000', //       21
      ]);
      expectNoDiagnostic(text, 'over-budget');
      expectNoDiagnostic(text, 'forecast-over-budget');
    });
  });

  describe('over-budget and overallocated across files', () => {
    const program = [
      'program:', //          1
      '  id: platform', //    2
      '  name: Platform', //  3
      '  budget: 100', //     4
    ].join('\n');
    const checkout = [
      'project:', //               1
      '  id: checkout-v2', //      2
      '  name: Checkout v2', //    3
      '  program: platform', //    4
      '  start: 2026-01-01', //    5
      '  end: 2026-01-31', //      6
      '  budget: 101', //          7
      '  team:', //                8
      '    - person: bob', //      9
      '      allocation: 60', //   10
    ].join('\n');
    const search = [
      'project:', //               1
      '  id: search', //           2
      '  name: Search', //         3
      '  start: 2026-01-31', //    4  <- overlaps checkout-v2 on its last day
      '  end: 2026-02-28', //      5
      '  team:', //                6
      '    - person: bob', //      7
      '      allocation: 41', //   8
      'people:', //                9
      '  - id: bob', //            10
    ].join('\n');
    const files = [
      { path: 'platform.plan.yaml', text: program },
      { path: 'payments/checkout.plan.yaml', text: checkout },
      { path: 'search.plan.yaml', text: search },
    ];

    it('sums projects attached to the program by reference from another file', () => {
      expectDiagnostic(files, { code: 'over-budget', file: 'platform.plan.yaml', line: 4, column: 11, message: /platform/ });
    });

    it('reports an overallocation across files in each file', () => {
      const message = [/bob/, /2026-01-31/, /checkout-v2/, /search/];
      expectExactly(files, 'overallocated', [
        { file: 'payments/checkout.plan.yaml', line: 9, column: 15, message },
        { file: 'search.plan.yaml', line: 7, column: 15, message },
      ]);
    });
  });

  describe('forecast-over-budget (engine choice: on the program budget value)', () => {
    const make = (spent: string) =>
      [
        'program:', //                1
        '  id: platform', //          2
        '  name: Platform', //        3
        '  budget: 100000', //        4
        '  projects:', //             5
        '    - id: ci-upgrade', //    6
        '      name: Upgrade CI', //  7
        '      start: 2026-01-05', // 8
        '      end: 2026-12-31', //   9
        '      budget: 100000', //    10
        `      spent: ${spent}`, //   11
        '      progress: 40', //      12
      ].join('\n');

    it('reports Σ EAC above the program budget (CPI 0.8 → EAC 125,000), without over-budget', () => {
      const text = make('50000');
      expectDiagnostic(text, { code: 'forecast-over-budget', line: 4, column: 11, message: [/platform/, /125,?000/] });
      expectNoDiagnostic(text, 'over-budget');
    });

    it('close: CPI 1 → EAC equal to the budget', () => {
      expectNoDiagnostic(make('40000'), 'forecast-over-budget');
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('overspent', () => {
    const make = (spent: string, extra: string[] = []) =>
      [
        'project:', //              1
        '  id: ci-upgrade', //      2
        '  name: Upgrade CI', //    3
        '  start: 2026-01-05', //   4
        '  duration: 8w', //        5
        '  budget: 200000', //      6
        `  spent: ${spent}`, //     7
        ...extra,
      ].join('\n');

    it('reports AC > BAC on the spent value, naming the project', () => {
      expectDiagnostic(make('200001'), { code: 'overspent', line: 7, column: 10, endLine: 7, endColumn: 16, message: /ci-upgrade/ });
    });

    it('close: spent exactly the budget', () => {
      expectNoDiagnostic(make('200000'), 'overspent');
    });

    it('close: spent above `budget` but within the baseline budget (the BAC)', () => {
      expectNoDiagnostic(make('210000', ['  baseline: { budget: 250000 }']), 'overspent');
    });

    it('reports spent above a baseline budget even when `budget` is higher', () => {
      expectDiagnostic(make('190000', ['  baseline: { budget: 150000 }']), { code: 'overspent', line: 7, column: 10, message: /ci-upgrade/ });
    });
  });

  // -------------------------------------------------------------------------------------------------
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

    it('reports a past milestone of a cancelled project too (SPEC: date < S and not done), without making its program amber', () => {
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
      expectExactly(text, 'missed-milestone', [{ line: 10, column: 13 }]);
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
  describe('overallocated (engine choice: at each involved team entry’s person value)', () => {
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

    it('reports the first day above capacity, at each involved entry, naming the person, day and projects', () => {
      const message = [/bob/, /2026-03-15/, /ci-upgrade/, /auth-migration/];
      expectExactly(make(), 'overallocated', [
        { line: 10, column: 19, endLine: 10, endColumn: 22, message },
        { line: 18, column: 19, message },
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
        { line: 10, column: 19, message: /2026-03-15/ },
        { line: 18, column: 19, message: /2026-03-15/ },
      ]);
    });

    it('respects a lower capacity', () => {
      expectExactly(make({ capacity: '80', first: '40', second: '41' }), 'overallocated', [
        { line: 10, column: 19, message: /bob/ },
        { line: 18, column: 19, message: /bob/ },
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
      expectExactly(text, 'overallocated', [
        { line: 7, column: 15, message: [/bob/, /2026-01-01/, /ci-upgrade/] },
        { line: 9, column: 15, message: [/bob/, /2026-01-01/, /ci-upgrade/] },
      ]);
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
      expectExactly(text, 'overallocated', [
        { line: 7, column: 15, message: [/bob/, /2026-03-31/] },
        { line: 15, column: 15, message: [/bob/, /2026-03-31/] },
      ]);
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

    it('close: declared worse than computed (red when it computes red or green)', () => {
      expectNoDiagnostic(make('50000', 'red'), 'status-mismatch');
      expectNoDiagnostic(make('40000', 'red'), 'status-mismatch');
    });

    it('close: declared green when it computes green (CPI 1, SPI 0.96)', () => {
      expectClean(make('40000', 'green'));
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
  describe('unknown-person', () => {
    const program = [
      'program:', //                  1
      '  id: platform', //            2
      '  name: Platform', //          3
      '  manager: alise', //          4  <- typo for alice
      '  risks:', //                  5
      '    - id: vendor-late', //     6
      '      title: Vendor late', //  7
      '      likelihood: 2', //       8
      '      impact: 2', //           9
      '      owner: Carol Smith', //  10 <- not a person id
    ].join('\n');

    it('reports manager and owner values that are not person ids, once a registry exists', () => {
      const text = [program, 'people:', '  - id: alice'].join('\n');
      expectExactly(text, 'unknown-person', [
        { line: 4, column: 12, endLine: 4, endColumn: 17, message: /alise/ },
        { line: 10, column: 14, message: /Carol Smith/ },
      ]);
    });

    it('close: no people registry anywhere → free text is fine', () => {
      expectNoDiagnostic(program, 'unknown-person');
    });

    it('uses a registry from another file; close: a person id defined there resolves', () => {
      const people = ['people:', '  - id: alice', '  - id: carol'].join('\n');
      const fixed = program.replace('alise', 'alice');
      expectExactly(
        [
          { path: 'platform.plan.yaml', text: fixed },
          { path: 'people.plan.yaml', text: people },
        ],
        'unknown-person',
        [{ file: 'platform.plan.yaml', line: 10, column: 14, message: /Carol Smith/ }],
      );
    });

    it('reports a portfolio owner and an issue owner', () => {
      const text = [
        'portfolio:', //                 1
        '  id: engineering', //          2
        '  name: Engineering', //        3
        '  owner: dave', //              4
        '  programs:', //                5
        '    - id: platform', //         6
        '      name: Platform', //       7
        '      issues:', //              8
        '        - title: Flaky CI', //  9
        '          severity: low', //    10
        '          owner: erin', //      11
        'people:', //                    12
        '  - id: alice', //              13
      ].join('\n');
      expectExactly(text, 'unknown-person', [
        { line: 4, column: 10, message: /dave/ },
        { line: 11, column: 18, message: /erin/ },
      ]);
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('currency-mismatch (engine choice: at each program: its currency value, else its id)', () => {
    const portfolio = (second: string) =>
      [
        'portfolio:', //              1
        '  id: engineering', //       2
        '  name: Engineering', //     3
        '  programs:', //             4
        '    - id: platform', //      5
        '      name: Platform', //    6
        '      currency: USD', //     7
        '    - id: payments', //      8
        '      name: Payments', //    9
        `      currency: ${second}`, // 10
      ].join('\n');
    const data = [
      'program:', //                1
      '  id: data', //              2
      '  name: Data', //            3
      '  portfolio: engineering', // 4  (no currency: the default)
    ].join('\n');

    it('reports each program of a portfolio that mixes currencies, naming the portfolio', () => {
      expectExactly(
        [
          { path: 'a.plan.yaml', text: portfolio('EUR') },
          { path: 'b.plan.yaml', text: data },
        ],
        'currency-mismatch',
        [
          { file: 'a.plan.yaml', line: 7, column: 17, endLine: 7, endColumn: 20, message: [/engineering/, /USD/, /EUR/] },
          { file: 'a.plan.yaml', line: 10, column: 17, message: /engineering/ },
          { file: 'b.plan.yaml', line: 2, column: 7, message: /engineering/ },
        ],
      );
    });

    it('close: the same currency, written or by default', () => {
      expectNoDiagnostic(
        [
          { path: 'a.plan.yaml', text: portfolio('USD') },
          { path: 'b.plan.yaml', text: data },
        ],
        'currency-mismatch',
      );
    });

    it('close: the default currency setting applies to programs that name none', () => {
      const euro = portfolio('EUR').replace('currency: USD', 'currency: EUR');
      const files = [
        { path: 'a.plan.yaml', text: euro },
        { path: 'b.plan.yaml', text: data },
      ];
      expectNoDiagnostic(files, 'currency-mismatch', { defaultCurrency: 'EUR' });
      expectExactly(files, 'currency-mismatch', [
        { file: 'a.plan.yaml', line: 7, column: 17 },
        { file: 'a.plan.yaml', line: 10, column: 17 },
        { file: 'b.plan.yaml', line: 2, column: 7 },
      ]);
    });

    it('close: programs of different portfolios may use different currencies', () => {
      const text = [
        'program:', //           1
        '  id: platform', //     2
        '  name: Platform', //   3
        '  currency: USD', //    4
        '---', //                5
        'program:', //           6
        '  id: payments', //     7
        '  name: Payments', //   8
        '  currency: EUR', //    9
      ].join('\n');
      expectClean(text);
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('multi-document files', () => {
    it('reads each `---` document on its own; positions are file lines', () => {
      const text = [
        'program:', //              1
        '  id: platform', //        2
        '  name: Platform', //      3
        '---', //                   4
        'project:', //              5  <- a second root entity, but in its own document
        '  id: ci-upgrade', //      6
        '  name: Upgrade CI', //    7
        '  program: platform', //   8
        '  owner: bob', //          9  <- unknown key
        '  start: 2026-01-05', //   10
        '  duration: 8w', //        11
        '---', //                   12
        'people:', //               13
        '  - id: bob', //           14
      ].join('\n');
      const all = diagnose(text);
      assert.equal(all.length, 1, show(all));
      expectDiagnostic(text, { code: 'schema', line: 9, column: 3, message: /owner/ });
    });

    it('a syntax error in one document does not stop the next', () => {
      const text = [
        'project:', //              1
        '  id: alpha', //           2
        '  name: Alpha', //         3
        '  name: Alpha 2', //       4  <- duplicate key
        '---', //                   5
        'project:', //              6
        '  id: beta', //            7
        '  name: Beta', //          8
        '  colour: red', //         9  <- unknown key
        '  start: 2026-01-05', //   10
        '  duration: 1d', //        11
      ].join('\n');
      expectDiagnostic(text, { code: 'yaml-syntax', line: 4, column: 3 });
      expectDiagnostic(text, { code: 'schema', line: 9, column: 3, message: /colour/ });
    });

    it('reports a duplicate id across documents of one file at both file lines', () => {
      const text = [
        'project:', //              1
        '  id: ci-upgrade', //      2
        '  name: Upgrade CI', //    3
        '  start: 2026-01-05', //   4
        '  duration: 8w', //        5
        '---', //                   6
        'project:', //              7
        '  id: ci-upgrade', //      8
        '  name: Upgrade CI 2', //  9
        '  start: 2026-01-05', //   10
        '  duration: 8w', //        11
      ].join('\n');
      expectExactly(text, 'duplicate-id', [
        { line: 2, column: 7, message: /ci-upgrade/ },
        { line: 8, column: 7, message: /ci-upgrade/ },
      ]);
    });

    it('a depends_on resolves to a project in another document of the same file', () => {
      const text = [
        'project:', //                   1
        '  id: ci-upgrade', //           2
        '  name: Upgrade CI', //         3
        '  start: 2026-01-05', //        4
        '  end: 2026-02-22', //          5
        '---', //                        6
        'project:', //                   7
        '  id: auth-migration', //       8
        '  name: Auth', //               9
        '  depends_on: [ci-upgrade]', // 10
        '  start: 2026-02-20', //        11 <- before ci-upgrade ends
        '  duration: 90d', //            12
      ].join('\n');
      expectNoDiagnostic(text, 'unknown-reference');
      expectDiagnostic(text, { code: 'dependency-violation', line: 11, column: 10, message: /ci-upgrade/ });
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('YAML edge input', () => {
    const sample = [
      'versoin: 1', //             1  <- unknown key at column 1 of line 1
      'project:', //               2
      '  id: ci-upgrade', //       3
      '  name: Upgrade CI', //     4
      '  start: 2026-02-30', //    5  <- invalid date
      '  duration: 8w', //         6
      '  progress: 101', //        7  <- out of range
      '  spent: 10', //            8
      '  budget: 5', //            9  <- overspent
    ];

    const positions = (diagnostics: readonly PlanDiagnostic[]) =>
      diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);

    it('a byte order mark at file start does not shift columns', () => {
      const text = '\uFEFF' + sample.join('\n');
      expectDiagnostic(text, { code: 'schema', line: 1, column: 1, endLine: 1, endColumn: 8, message: /versoin/ });
      expectDiagnostic(text, { code: 'schema', line: 5, column: 10 });
      assert.deepEqual(positions(diagnose(text)), positions(diagnose(sample.join('\n'))));
    });

    it('CRLF line endings give the same positions as LF', () => {
      const lf = sample.join('\n');
      const crlf = sample.join('\r\n');
      const expected = positions(diagnose(lf));
      assert.ok(expected.length >= 4, expected.join('\n'));
      assert.deepEqual(positions(diagnose(crlf)), expected);
      expectDiagnostic(crlf, { code: 'schema', line: 5, column: 10, endLine: 5, endColumn: 20 });
      expectDiagnostic(crlf, { code: 'schema', line: 7, column: 13, endLine: 7, endColumn: 16 });
      expectDiagnostic(crlf, { code: 'overspent', line: 8, column: 10, endLine: 8, endColumn: 12 });
    });

    it('CRLF with several documents keeps file line numbers', () => {
      const text = [
        'program:', //          1
        '  id: platform', //    2
        '  name: Platform', //  3
        '---', //               4
        'program:', //          5
        '  id: payments', //    6
        '  nam: Payments', //   7 <- typo: unknown key (and name missing)
      ].join('\r\n');
      expectDiagnostic(text, { code: 'schema', line: 7, column: 3, endLine: 7, endColumn: 6, message: /nam/ });
      expectDiagnostic(text, { code: 'schema', line: 5, column: 1, message: /name/ });
    });

    it('close: a file of only a BOM, or only CRLF blank lines, has no diagnostics', () => {
      expectClean([
        { path: 'a.plan.yaml', text: '\uFEFF' },
        { path: 'b.plan.yaml', text: '\r\n\r\n' },
        { path: 'c.plan.yaml', text: '\uFEFF# only a comment\r\n' },
      ]);
    });

    it('BOM and CRLF together: same positions as plain LF', () => {
      const lf = sample.join('\n');
      const both = '\uFEFF' + sample.join('\r\n') + '\r\n';
      assert.deepEqual(positions(diagnose(both)), positions(diagnose(lf)));
      expectDiagnostic(both, { code: 'schema', line: 1, column: 1, endLine: 1, endColumn: 8 });
    });

    it('a tab-indented line is a yaml-syntax error, not a crash, with CRLF too', () => {
      const text = ['project:', '  id: ci-upgrade', '\tname: Upgrade CI', '  start: 2026-01-05', '  duration: 8w'].join('\r\n');
      expectDiagnostic(text, { code: 'yaml-syntax', line: 3, column: 1 });
    });

    it('duplicate keys in a flow mapping are a yaml-syntax error', () => {
      const text = [
        'people:', //                          1
        '  - { id: bob, name: Bob, id: rob }', // 2
      ].join('\n');
      expectDiagnostic(text, { code: 'yaml-syntax', line: 2, column: 27 });
    });
  });
});
