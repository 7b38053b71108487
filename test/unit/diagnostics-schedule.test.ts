/**
 * Diagnostics (SPEC section 6), part 3: the schedule — dependency-cycle, unscheduled, date-conflict,
 * dependency-violation and outside-window.
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
import { diagnose, expectClean, expectDiagnostic, expectExactly, expectNoDiagnostic } from '../utils/plans';

describe('diagnostics (SPEC section 6)', () => {
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

    it('one mistake, one error: a link on a cycle is not also a dependency-violation (explicit dates on the cycle); a link off it still is', () => {
      const text = [
        'program:', //                   1
        '  id: platform', //             2
        '  name: Platform', //           3
        '  milestones:', //              4
        '    - id: gate', //             5
        '      name: Gate', //           6
        '      date: 2026-06-01', //     7
        '      depends_on: [build]', //  8
        '  projects:', //                9
        '    - id: solo', //             10
        '      name: Solo', //           11
        '      start: 2026-01-01', //    12
        '      depends_on: [solo]', //   13
        '      duration: 10d', //        14
        '    - id: build', //            15
        '      name: Build', //          16
        '      start: 2026-06-02', //    17
        '      depends_on: [gate, solo]', // 18: solo (off the cycle) ends 2026-01-10, before build starts
        '      duration: 10d', //        19
        '    - id: late', //             20
        '      name: Late', //           21
        '      start: 2026-06-05', //    22
        '      depends_on: [build]', //  23: off any cycle, build ends 2026-06-11
        '      duration: 1d', //         24
      ].join('\n');
      const codes = diagnose(text).map((d) => `${d.range.start.line + 1} ${d.code}`);
      assert.deepEqual(codes.filter((c) => /dependency-(cycle|violation)/.test(c)), ['8 dependency-cycle', '13 dependency-cycle', '18 dependency-cycle', '22 dependency-violation']);
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

    it("reports a baseline that ends before it starts beside the project's own date conflict: two mistakes, two errors", () => {
      const text = [
        'project:', //                                                      1
        '  id: a', //                                                       2
        '  name: A', //                                                     3
        '  start: 2026-01-10', //                                           4
        '  end: 2026-01-15', //                                             5  (10 + 3d − 1 = 12)
        '  duration: 3d', //                                                6
        '  baseline: { start: 2026-01-10, end: 2026-01-05, budget: 1 }', // 7
      ].join('\n');
      expectExactly(text, 'date-conflict', [
        { line: 5, column: 8, message: /2026-01-12/ },
        { line: 7, column: 39, message: /The baseline of project 'a' ends 2026-01-05, before it starts 2026-01-10/ },
      ]);
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
});
