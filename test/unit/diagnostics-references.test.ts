import { strict as assert } from 'node:assert';
/**
 * Diagnostics (SPEC section 6), part 2: ids and references — duplicate-id, unknown-reference and
 * unknown-person, within a file and across files.
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
import { diagnose, expectClean, expectDiagnostic, expectExactly, expectNoDiagnostic } from '../utils/plans';

describe('diagnostics (SPEC section 6)', () => {
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

    it('suggests an id as YAML reads it back: the fix for a near-miss of "2026" writes "2026", quoted (2026 is a number)', () => {
      const text = [
        'program:', '  id: p', '  name: P', '  projects:',
        '    - { id: "2026", name: Y, start: 2026-01-05, duration: 1w }',
        '    - { id: later, name: L, depends_on: ["2025"], duration: 1w }',
      ].join('\n');
      const found = diagnose(text).filter((d) => d.code === 'unknown-reference');
      assert.deepEqual(found.map((d) => d.data), [{ kind: 'replace', replacement: '"2026"' }]);
      // Applied, the reference resolves and nothing new is wrong.
      const fixed = text.replace('["2025"]', '["2026"]'.replace('"2026"', (found[0].data as { replacement: string }).replacement));
      expectClean(fixed);
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
});
