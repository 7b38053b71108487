/**
 * SPEC 5: "Arithmetic is exact". Figures that land exactly on a threshold, a whole forecast day count or
 * a budget, with values that are not exact in binary floating point, must decide as exact fractions do.
 * Each case on a boundary decides wrongly in plain floating point (the float result is in the comment; checked by
 * making compareExactly and ceilExactly of src/core/base/exact.ts compare the floats: every such case then fails).
 * The cases just past a boundary check the other side.
 */
import { strict as assert } from 'node:assert';
import { analyzePlans, Rational, toRollupJson, type AnalysisOptions } from '../../src/core';
import { byId, day, yaml } from '../utils/plans';

const at = (date: string): AnalysisOptions => ({ statusDate: day(date) });

function run(text: string, options: AnalysisOptions) {
  const analysis = analyzePlans([{ path: 'plan.plan.yaml', text }], options);
  return { json: toRollupJson(analysis), codes: analysis.diagnostics.map((d) => d.code), analysis };
}

/** One project, Jan 1 .. Jan (window), with these figures. */
const project = (fields: { budget: number; progress: number; spent?: number; window: number }) => yaml`
  project:
    id: p
    name: P
    start: 2026-01-01
    duration: ${fields.window}d
    budget: ${fields.budget}
    progress: ${fields.progress}
    ${fields.spent === undefined ? '' : `spent: ${fields.spent}`}
`;
const jan = (dayOfMonth: number) => `2026-01-${String(dayOfMonth).padStart(2, '0')}`;

describe('exact arithmetic (SPEC 5)', () => {
  describe('health thresholds, met exactly', () => {
    it('SPI exactly 0.90 is amber, not red (budget 1,000, 30-day window, progress 75 on day 25)', () => {
      // PV = 1000 × 25/30 = 2500/3; EV = 750; SPI = 750 / (2500/3) = 9/10 (float: 0.8999999999999999).
      const { json } = run(project({ budget: 1000, progress: 75, window: 30 }), at(jan(25)));
      const figures = byId(json.projects, 'p').figures;
      assert.equal(figures.health, 'amber');
    });

    it('SPI exactly 0.95 is green (budget 12,345.67, 57-day window, progress 5 on day 3)', () => {
      // SPI = (5/100) × 57/3 = 0.95 (float: 0.9499999999999998); no spend, so no CPI.
      // v3: 57 / 0.95 = 60 days is a 3-day slip (amber by the slip rule); with slips not counted (amber above
      // 60 days) the SPI alone must leave it green.
      const { json } = run(project({ budget: 12345.67, progress: 5, window: 57 }), { ...at(jan(3)), thresholds: { red: 0.9, amber: 0.95, slipAmberDays: 60, slipRedDays: 60 } });
      assert.equal(byId(json.projects, 'p').figures.health, 'green');
    });

    it('CPI exactly 0.90 is amber, not red (EV 112,500.045 over AC 125,000.05)', () => {
      // EV = 250000.1 × 45/100 = 112500.045; CPI = 112500.045 / 125000.05 = 0.9 (float: 0.8999999999999999).
      // At day 10 of 20, PV = 125,000.05 → SPI = 0.9 as well: amber either way, never red.
      const { json } = run(project({ budget: 250000.1, progress: 45, spent: 125000.05, window: 20 }), at(jan(10)));
      assert.equal(byId(json.projects, 'p').figures.health, 'amber');
    });

    it('CPI exactly 0.95 is green (EV 11,728.3865 over AC 12,345.67)', () => {
      // EV = 12345.67 × 95/100; CPI = 0.95 (float: 0.9499999999999998); at day 19 of 20 PV = 12345.67 × 19/20 = EV, so
      // SPI = 1 → green.
      const { json } = run(project({ budget: 12345.67, progress: 95, spent: 12345.67, window: 20 }), at(jan(19)));
      assert.equal(byId(json.projects, 'p').figures.health, 'green');
    });

    it('a program whose summed SPI is exactly 0.90 is amber, though each project alone is 0.90 in floating point too', () => {
      // Both projects: 30-day window, day 25, progress 75, so each SPI = (75/100) / (25/30) = 9/10, and in floating point
      // 1125 / 1250 and 925.92 / 1028.8 are both 0.9: amber, not red, either way.
      // a: BAC 1,500 → EV 1125, PV 1250. b: BAC 1,234.56 → EV 925.92, PV 1028.8.
      // ΣEV / ΣPV = 2050.92 / 2278.8 = 0.9 exactly (float: (1125 + 925.92) / (1250 + 1028.8) = 0.8999999999999999).
      const { json } = run(yaml`
        program:
          id: g
          name: G
          projects:
            - { id: a, name: A, start: 2026-01-01, duration: 30d, budget: 1500, progress: 75 }
            - { id: b, name: B, start: 2026-01-01, duration: 30d, budget: 1234.56, progress: 75 }
      `, at(jan(25)));
      assert.deepEqual([byId(json.projects, 'a').figures.health, byId(json.projects, 'b').figures.health], ['amber', 'amber']);
      assert.equal(byId(json.programs, 'g').figures.health, 'amber');
    });
  });

  describe('the forecast day count', () => {
    it('SPI exactly 15/16 on a 30-day window forecasts 32 days, not 33 (progress 50 on day 16)', () => {
      // PV = 1000 × 16/30; EV = 500; SPI = 15/16; 30 / (15/16) = 32 → Jan 1 + 32 − 1 = Feb 1.
      const { json } = run(project({ budget: 1000, progress: 50, window: 30 }), at(jan(16)));
      assert.equal(byId(json.projects, 'p').figures.forecastEnd, '2026-02-01');
    });

    it('a whole day count just above an integer in floating point (1% done on day 5 of 11)', () => {
      // SPI = (1/100) × 11/5 = 11/500; 11 / SPI = 500 exactly (float: 500.00000000000006) → Jan 1 + 499 = 2027-05-15.
      const { json } = run(project({ budget: 1000, progress: 1, window: 11 }), at(jan(5)));
      assert.equal(byId(json.projects, 'p').figures.forecastEnd, '2027-05-15');
    });
  });

  describe('money', () => {
    it('projects of 10,000.04 and 5,000.01 are not over a program budget of 15,000.05', () => {
      // 10000.04 + 5000.01 = 15000.050000000001 in floating point.
      const { codes } = run(yaml`
        program:
          id: g
          name: G
          budget: 15000.05
          projects:
            - { id: a, name: A, start: 2026-01-01, duration: 10d, budget: 10000.04 }
            - { id: b, name: B, start: 2026-01-01, duration: 10d, budget: 5000.01 }
      `, at(jan(1)));
      assert.ok(!codes.includes('over-budget'), codes.join());
      assert.ok(!codes.includes('forecast-over-budget'), codes.join());
    });

    it('one cent over is over', () => {
      const { codes } = run(yaml`
        program:
          id: g
          name: G
          budget: 15000.04
          projects:
            - { id: a, name: A, start: 2026-01-01, duration: 10d, budget: 10000.04 }
            - { id: b, name: B, start: 2026-01-01, duration: 10d, budget: 5000.01 }
      `, at(jan(1)));
      assert.ok(codes.includes('over-budget'), codes.join());
    });

    it('a project that spent 1000000000000000.02 of a budget of 1000000000000000.01 is overspent', () => {
      // Both are 1e15 as doubles (the spacing of doubles there is 0.125): only the written values differ.
      const spending = (spent: string, budget = '1000000000000000.01') => run(yaml`
        project:
          id: p
          name: P
          start: 2026-01-01
          duration: 10d
          budget: ${budget}
          spent: ${spent}
      `, at(jan(5))).codes;
      assert.ok(spending('1000000000000000.02').includes('overspent'));
      assert.ok(!spending('1000000000000000.01').includes('overspent'), 'spent equal to the budget is not over it');
      assert.ok(!spending('1000000000000000.010').includes('overspent'), 'nor when written with a trailing zero');
      // The budget of a baseline is the BAC it is compared with.
      const rebaselined = run(yaml`
        project:
          id: p
          name: P
          start: 2026-01-01
          duration: 10d
          budget: 2000000000000000
          baseline: { start: 2026-01-01, end: 2026-01-10, budget: 1000000000000000.01 }
          spent: 1000000000000000.02
      `, at(jan(5))).codes;
      assert.ok(rebaselined.includes('overspent'), rebaselined.join());
    });

    it('allocations of 40.1 + 40.2 + 19.7 percent are not above a capacity of 100', () => {
      // 40.1 + 40.2 + 19.7 = 100 exactly (float: 100.00000000000001, which would report overallocated).
      const team = (allocation: number) => `[{ person: ana, allocation: ${allocation} }]`;
      const plans = (last: number) => yaml`
        program:
          id: g
          name: G
          projects:
            - { id: a, name: A, start: 2026-01-01, duration: 10d, team: ${team(40.1)} }
            - { id: b, name: B, start: 2026-01-01, duration: 10d, team: ${team(40.2)} }
            - { id: c, name: C, start: 2026-01-01, duration: 10d, team: ${team(last)} }
        people:
          - { id: ana, name: Ana }
      `;
      const { codes } = run(plans(19.7), at(jan(1)));
      assert.ok(!codes.includes('overallocated'), codes.join());
      // 40.1 + 40.2 + 19.8 = 100.1 is above it.
      assert.ok(run(plans(19.8), at(jan(1))).codes.includes('overallocated'));
    });
  });

  describe('Rational', () => {
    it('reads numbers as written, not as their binary value', () => {
      assert.equal(Rational.of(0.1).add(Rational.of(0.2)).compare(Rational.of(0.3)), 0);
      assert.equal(Rational.of(10000.04).add(Rational.of(5000.01)).compare(Rational.of(15000.05)), 0);
      assert.equal(Rational.of(1e-7).compare(Rational.fraction(1n, 10_000_000n)), 0);
      assert.equal(Rational.of(1.5e21).compare(Rational.fraction(1_500_000_000_000_000_000_000n, 1n)), 0);
    });

    it('ceils exactly, also for negatives', () => {
      assert.equal(Rational.fraction(7n, 2n).ceil(), 4n);
      assert.equal(Rational.fraction(-7n, 2n).ceil(), -3n);
      assert.equal(Rational.fraction(8n, 2n).ceil(), 4n);
    });
  });
});
