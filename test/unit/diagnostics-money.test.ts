/**
 * Diagnostics (SPEC section 6), part 4: money — over-budget (also summed across files, next to an
 * overallocation across files), forecast-over-budget, overspent and currency-mismatch.
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
import { expectClean, expectDiagnostic, expectExactly, expectNoDiagnostic } from '../utils/plans';

describe('diagnostics (SPEC section 6)', () => {
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
      // search starts last (Jan 31): the warning is on its entry, checkout-v2's is the related place.
      const message = [/bob/, /on 2026-01-31/, /'checkout-v2' 60%, 'search' 41%/];
      const d = expectExactly(files, 'overallocated', [{ file: 'search.plan.yaml', line: 7, column: 15, message }]);
      assert.deepEqual(d[0].related?.map((r) => `${r.file}:${r.range.start.line + 1}`), ['payments/checkout.plan.yaml:9']);
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
});
