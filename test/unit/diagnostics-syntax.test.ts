/**
 * Diagnostics (SPEC section 6), part 1: the code list and what is wrong with a file as a file —
 * yaml-syntax, schema, multi-document files and YAML edge input (BOM, CRLF, tabs).
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
import { diagnosticCodes, parseDay, type PlanDiagnostic } from '../../src/core';
import { decodePlanText } from '../../src/node/files';
import { diagnose, expectClean, expectDiagnostic, expectExactly, expectNoDiagnostic, expectOnly, show, SPEC_SEVERITY, where } from '../utils/plans';

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

    it("says the parser's mistakes in a plan writer's words, on the line that has them", () => {
      const project = (line: string) => ['project:', '  id: p', '  name: P', line].join('\n');
      const cases: ReadonlyArray<[string, string, RegExp]> = [
        [project('  goal: "a\\qb"'), '4:11', /\\q is not an escape in double-quoted text; write \\\\ for a backslash, or put the text in single quotes$/],
        // A Windows path: the parser quotes what follows \U; the message names the escape only.
        [project('  goal: "C:\\Users\\me"'), '4:12', /: \\U is not an escape in double-quoted text; write \\\\ for a backslash, or put the text in single quotes$/],
        [project('  goal: &a &b x'), '4:12', /a value can have one anchor \(&name\) only; remove the others$/],
        [project('  goal: !a !b x'), '4:12', /a value can have one tag \(!name\) only; remove the others$/],
        [project('  tags: - a'), '4:9', /a list cannot start on its key's line; put each '- item' on a line of its own under the key, or write \[a, b\]$/],
        [project('- x'), '4:1', /a list item \('- …'\) stands where the mapping's keys are; indent it under the key it belongs to$/],
      ];
      for (const [text, at, message] of cases) {
        const syntax = diagnose(text).filter((d) => d.code === 'yaml-syntax');
        assert.deepEqual(syntax.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}`), [at], show(syntax));
        assert.match(syntax[0].message, message);
        assert.doesNotMatch(syntax[0].message, /node|block-seq-ind|implicit map key|Invalid escape/);
      }
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

    it('suggests the value meant for a near miss, with the fix that writes it (state: actve, health: Gren)', () => {
      const text = ['project:', '  id: p', '  name: P', '  start: 2026-01-05', '  duration: 3d', '  state: actve', '  health: Gren', '  risks:', '    - { id: r, title: R, likelihood: 2, impact: 2, state: opne }'].join('\n');
      const found = diagnose(text).filter((d) => d.code === 'schema');
      assert.deepEqual(found.map((d) => [d.range.start.line + 1, d.message.replace(/.*; /, ''), d.data]), [
        [6, "did you mean 'active'?", { kind: 'replace', replacement: 'active' }],
        [7, "did you mean 'green'?", { kind: 'replace', replacement: 'green' }],
        [9, "did you mean 'open'?", { kind: 'replace', replacement: 'open' }],
      ]);
      // Nothing near: the values only, no fix.
      const far = diagnose(text.replace('actve', 'purple')).find((d) => d.range.start.line === 5)!;
      assert.equal(far.message, "state of project 'p' must be one of 'planned', 'active', 'on-hold', 'done', 'cancelled'");
      assert.equal(far.data, undefined);
    });

    it('never gives an empty range where there is something to show: an empty mapping is shown whole, a document that is no mapping by its first line', () => {
      const at = (text: string) => diagnose(text).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code}`);
      // `    - {}`: the {} at columns 7–8.
      assert.deepEqual(at(['program:', '  id: p', '  name: P', '  projects:', '    - {}'].join('\n')), ['5:7-5:9 schema', '5:7-5:9 unscheduled', '5:7-5:9 unscheduled']);
      // `project: {}`: the missing keys on the key, the project's own problems on its {}.
      assert.deepEqual(at('project: {}\n'), ['1:1-1:8 schema', '1:10-1:12 unscheduled', '1:10-1:12 unscheduled']);
      assert.deepEqual(at(['people:', '  - id: bob', 'project:', '  id: q', '  name: Q', '  start: 2026-01-01', '  duration: 2d', '  team: [{}]'].join('\n')), ['8:10-8:12 schema']);
      assert.deepEqual(at('- a\n- b\n'), ['1:1-1:4 schema']);
      // An empty list item (`-`): its dash, in a block list or with spaces after it.
      assert.deepEqual(at(['program:', '  id: p', '  name: P', '  projects:', '    -', '    - { id: x, name: X, start: 2026-01-01, duration: 3d }'].join('\n')), ['5:5-5:6 schema']);
      assert.deepEqual(at(['people:', '  - id: bob', 'project:', '  id: q', '  name: Q', '  start: 2026-01-01', '  duration: 2d', '  team:', '    -   '].join('\n')), ['9:5-9:6 schema']);
    });

    it('ends a block scalar value with its text, not at the next line (literal and folded, clip, strip and keep)', () => {
      const at = (text: string) => diagnose(text).filter((d) => d.code === 'schema').map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`);
      // `  budget: >-` then `    abc`: 4:11 to just after abc (5:8).
      assert.deepEqual(at(['project:', '  id: a', '  name: A', '  budget: >-', '    abc', '  start: 2026-01-01', '  duration: 3d'].join('\n')), ['4:11-5:8']);
      assert.deepEqual(at(['project:', '  id: a', '  name: A', '  budget: |', '    x', '    yz', '', '  start: 2026-01-01', '  duration: 3d'].join('\n')), ['4:11-6:7']);
      // Keep (+) with empty lines and a comment after: still the text's end.
      assert.deepEqual(at(['project:', '  id: b', '  name: B', '  start: 2026-01-01', '  duration: 3d', '  budget: |+', '    x', '', '', '  # comment', ''].join('\n')), ['6:11-7:6']);
    });

    it('reads lone CR line breaks as line breaks (YAML 1.2, every editor), and CRLF and LF as before', () => {
      const lines = ['project:', '  id: a', '  name: A', '  start: 2026-02-30', '  duration: 3d', ''];
      for (const eol of ['\r', '\r\n', '\n']) {
        const found = diagnose(lines.join(eol)).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code}`);
        assert.deepEqual(found, ['4:10-4:20 schema'], JSON.stringify(eol));
      }
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

    it('an id YAML reads as a number is the id as written, in the schema error and as a name: 0x1F is not 31', () => {
      const text = [
        'program:', '  id: h', '  name: H', '  projects:',
        '    - { id: 0x1F, name: G, start: 2026-01-01, duration: 5d }',
        '    - { id: "31", name: H, start: 2026-01-01, duration: 5d }',
        '    - { id: 1.10, name: I, start: 2026-01-01, duration: 5d }',
        '    - { id: k, name: K, start: 2026-01-01, duration: 5d, depends_on: ["1.10"] }',
      ].join('\n');
      const found = diagnose(text, { statusDate: parseDay('2026-01-01') }).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
      assert.deepEqual(found, [
        "5:13 schema id of project '0x1F' must be text",
        "7:13 schema id of project '1.10' must be text",
        "8:32 dependency-violation Project 'k' starts 2026-01-01, not after '1.10' ends 2026-01-05",
      ]);
      // An alias of a number id is that id, not its own text '*x'.
      const aliased = ['program:', '  id: g', '  name: G', '  projects:', '    - { id: &x 12, name: A, start: 2026-01-01, duration: 2d }', '    - { id: *x, name: B, start: 2026-01-01, duration: 2d }'].join('\n');
      assert.deepEqual(diagnose(aliased).map((d) => `${d.range.start.line + 1} ${d.code} ${d.message.replace(/ \(also.*/, '')}`), [
        "5 duplicate-id Id '12' is defined 2 times",
        "5 schema id of project '12' must be text",
        "6 duplicate-id Id '12' is defined 2 times",
        "6 schema id of project '12' must be text",
      ]);
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

    it('reads a duration of up to six digits (999999d) and rejects a seventh', () => {
      const plan = (duration: string) => ['project:', '  id: p', '  name: P', '  start: 2026-01-05', `  duration: ${duration}`].join('\n');
      assert.deepEqual(diagnose(plan('999999d')).filter((d) => d.severity === 'error'), []);
      expectOnly(plan('1000000d'), [{ code: 'schema', line: 5, column: 13, message: /^duration of project 'p' must be a whole number of days or weeks from 1 to 999999, like '90d' or '8w'$/ }]);
    });

    it('says a duration of zero is too short, not too long', () => {
      const plan = (duration: string) => ['project:', '  id: p', '  name: P', '  start: 2026-01-05', `  duration: ${duration}`].join('\n');
      for (const zero of ['0d', '0w', '00d', '0']) {
        expectOnly(plan(zero), [{ code: 'schema', line: 5, column: 13, message: /^duration of project 'p' must be at least 1 day \(a whole number of days or weeks from 1 to 999999, like '90d' or '8w'\)$/ }]);
      }
    });

    it('says what to write for a date or a duration given as a number, and "an" before a vowel', () => {
      const text = ['project:', '  id: p', '  name: P', '  start: 20260101', '  duration: 3', '  depends_on: [i1]', '  issues:', '    - { id: i1, title: I, severity: high }'].join('\n');
      expectOnly(text, [
        { code: 'schema', line: 4, column: 10, message: /^start of project 'p' must be a date written YYYY-MM-DD$/ },
        { code: 'schema', line: 5, column: 13, message: /^duration of project 'p' must be a whole number of days or weeks .* like '90d' or '8w'$/ },
        { code: 'unknown-reference', line: 6, column: 16, message: /^depends_on 'i1' is an issue, not a project or milestone$/ },
      ]);
      assert.deepEqual(diagnose(text).find((d) => d.range.start.line === 4)?.data, { kind: 'replace', replacement: '3d' });
    });

    it('says the same problem at the same place once (a dependency written twice); an entity repeated by an alias is a second definition, reported at the alias', () => {
      const text = [
        'program:', '  id: g', '  name: G', '  projects:',
        '    - { id: a, name: A, start: 2026-01-05, end: 2026-01-11 }',
        '    - { id: b, name: B, start: 2026-01-05, duration: 3d, depends_on: [a, a] }',
        '    - &p { id: p1, name: P1, start: 2026-01-05, duration: 3d }',
        '    - *p',
      ].join('\n');
      const found = diagnose(text, { statusDate: parseDay('2026-01-01') }).map((d) => `${d.range.start.line + 1} ${d.code}`);
      assert.deepEqual(found, ['6 dependency-violation', '7 duplicate-id', '8 duplicate-id']);
      const [first, second] = diagnose(text, { statusDate: parseDay('2026-01-01') }).filter((d) => d.code === 'duplicate-id');
      assert.match(first.message, /also at plan\.plan\.yaml:8:7\)/);
      assert.match(second.message, /also at plan\.plan\.yaml:7:16\)/);
    });

    it('reports an alias to no anchor as a syntax error where it is written, the only error of its line (YAML 1.2)', () => {
      const text = ['project:', '  id: p', '  name: *nope', '  start: 2026-01-05', '  duration: 3d', '  x-note: *other'].join('\n');
      expectOnly(text, [
        { code: 'yaml-syntax', line: 3, column: 9, message: /^The alias \*nope names no anchor/ },
        { code: 'yaml-syntax', line: 6, column: 11, message: /^The alias \*other names no anchor/ },
      ]);
      expectOnly('*nope\n', [{ code: 'yaml-syntax', line: 1, column: 1 }]);
      expectClean(['project:', '  id: q', '  name: &n Q', '  x-note: *n', '  start: 2026-01-05', '  duration: 3d'].join('\n'));
    });

    it('says every key a mapping lacks in one error at its place (a milestone without name and date)', () => {
      const text = ['program:', '  id: g', '  name: G', '  milestones:', '    - { id: m1 }'].join('\n');
      expectOnly(text, [{ code: 'schema', line: 5, column: 9, message: /^Missing required keys 'name' and 'date' in milestone 'm1'$/ }]);
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
        '  label: Payments', // 7 <- unknown key, like no known one (and name missing)
      ].join('\r\n');
      expectDiagnostic(text, { code: 'schema', line: 7, column: 3, endLine: 7, endColumn: 8, message: /label/ });
      expectDiagnostic(text, { code: 'schema', line: 5, column: 1, message: /name/ });
    });

    it('a file saved as UTF-16 (either byte order, as files are read) is named so: save it as UTF-8', () => {
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample.join('\n'), 'utf16le')]);
      const be = Buffer.from(le).swap16();
      for (const [bytes, encoding] of [[le, 'little-endian'], [be, 'big-endian']] as const) {
        expectOnly(decodePlanText(bytes), [{ code: 'yaml-syntax', line: 1, column: 1, message: new RegExp(`^This file is saved as UTF-16 \\(${encoding}\\); plan files are UTF-8: save it as UTF-8 \\(it is not read\\)$`) }]);
      }
      expectOnly(decodePlanText(Buffer.from([0xff, 0xfe])), [{ code: 'yaml-syntax', line: 1, column: 1, message: /^This file is saved as UTF-16;/ }]);
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
