/**
 * SPEC 5 (Rollup at the status date S): earned value, forecast, ROI, risks, issues and health for
 * projects, programs and portfolios.
 *
 * Every expected figure is worked out by hand from SPEC 5 in the comments (never by running the
 * engine) and compared with a tolerance of 1e-9 (relative above 1). Days count inclusively:
 * a window Jan 1 .. Jan 10 is 10 days, and at S = Jan 4 four of them have passed.
 */
import { strict as assert } from 'node:assert';
import {
  analyzePlans,
  parseDay,
  toRollupJson,
  type Analysis,
  type AnalysisOptions,
  type FiguresJson,
  type PortfolioJson,
  type ProgramJson,
  type ProjectJson,
  type RollupJson,
} from '../../src/core';
import { byId, filesOf, yaml } from '../utils/plans';

/** Numbers within 1e-9 (relative to the expected value when it is above 1); null must be null. */
function close(actual: number | null | undefined, expected: number | null, what = ''): void {
  if (expected === null) {
    assert.equal(actual, null, `${what}: expected null, got ${actual}`);
    return;
  }
  assert.equal(typeof actual, 'number', `${what}: expected ${expected}, got ${actual}`);
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs((actual as number) - expected) <= tolerance, `${what}: expected ${expected}, got ${actual}`);
}

/** Compares the numeric figures given (and only those). */
function figures(actual: FiguresJson, expected: Partial<Record<keyof FiguresJson, number | null>>, who: string): void {
  for (const [key, value] of Object.entries(expected)) {
    close(actual[key as keyof FiguresJson] as number | null, value as number | null, `${who}.${key}`);
  }
}

interface Run {
  readonly analysis: Analysis;
  readonly json: RollupJson;
  project(id: string): ProjectJson;
  program(id: string): ProgramJson;
  portfolio(id: string): PortfolioJson;
}

function run(files: Record<string, string> | string, options: AnalysisOptions = {}): Run {
  const analysis = analyzePlans(filesOf(files), { today: parseDay('2030-01-01'), ...options });
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), [], 'the fixture has no error');
  const json = toRollupJson(analysis);
  return {
    analysis,
    json,
    project: (id) => byId(json.projects, id),
    program: (id) => byId(json.programs, id),
    portfolio: (id) => byId(json.portfolios, id),
  };
}

const at = (date: string): AnalysisOptions => ({ statusDate: parseDay(date) });

describe('rollup (SPEC 5)', () => {
  describe('project earned value', () => {
    const text = yaml`
      program:
        id: ev
        name: Earned value
        projects:
          - id: p-base
            name: Baseline budget and window
            start: 2026-01-01
            duration: 20d
            budget: 1000
            spent: 300
            progress: 25
            baseline: { start: 2026-01-01, end: 2026-01-10, budget: 800 }
          - id: p-budget
            name: Budget, baseline window only
            start: 2026-01-01
            end: 2026-01-20
            budget: 2000
            baseline: { start: 2026-01-01, end: 2026-01-10 }
          - id: p-window
            name: Baseline budget only
            start: 2026-01-11
            end: 2026-01-30
            budget: 500
            spent: 20
            progress: 10
            baseline: { budget: 400 }
          - id: p-nothing
            name: No money at all
            start: 2026-01-01
            end: 2026-01-10
    `;

    it('BAC and the planned window come from the baseline when it gives them (S = 2026-01-04)', () => {
      const r = run(text, at('2026-01-04'));
      // p-base: BAC = baseline budget 800 (not budget 1000). [ps, pe] = baseline Jan 1 .. Jan 10 = 10 days.
      //   PV  = 800 × (Jan 4 − Jan 1 + 1) / 10 = 800 × 4/10 = 320
      //   EV  = 800 × 25/100 = 200;  AC = 300
      //   CV  = 200 − 300 = −100;    SV = 200 − 320 = −120
      //   CPI = 200/300 = 2/3;       SPI = 200/320 = 0.625
      //   EAC = 800 / (2/3) = 1200;  ETC = 1200 − 300 = 900;  VAC = 800 − 1200 = −400
      const base = r.project('p-base');
      figures(base.figures, { bac: 800, pv: 320, ev: 200, ac: 300, cv: -100, sv: -120, cpi: 2 / 3, spi: 0.625, eac: 1200, etc: 900, vac: -400 }, 'p-base');
      // The schedule (not the baseline) gives the entity's own start/end: Jan 1 + 20 − 1 = Jan 20.
      assert.deepEqual([base.start, base.end], ['2026-01-01', '2026-01-20']);
      // Derived state: start Jan 1 ≤ S → active. 0 < SPI < 1:
      //   pace end = ps + ceil(10 / 0.625) − 1 = Jan 1 + 16 − 1 = Jan 16; v3: never before e = Jan 20.
      assert.equal(base.state, 'active');
      assert.equal(base.figures.forecastEnd, '2026-01-20');

      // p-budget: no baseline budget → BAC = budget 2000; window = baseline Jan 1 .. Jan 10.
      //   PV = 2000 × 4/10 = 800; EV = 0 (progress absent); AC = 0 (spent absent)
      //   CPI = null (AC = 0); SPI = 0/800 = 0
      //   EAC: CPI is not > 0 → AC + (BAC − EV) = 0 + 2000 − 0 = 2000; ETC 2000; VAC 0
      //   forecastEnd: SPI = 0 is not in (0, 1) → the scheduled end Jan 20.
      const budget = r.project('p-budget');
      figures(budget.figures, { bac: 2000, pv: 800, ev: 0, ac: 0, cv: 0, sv: -800, cpi: null, spi: 0, eac: 2000, etc: 2000, vac: 0 }, 'p-budget');
      assert.equal(budget.figures.forecastEnd, '2026-01-20');

      // p-window: BAC = 400 (baseline budget); the baseline gives no dates → window = schedule Jan 11 .. Jan 30.
      //   PV = 400 × clamp((Jan 4 − Jan 11 + 1) / 20) = 400 × clamp(−6/20) = 0
      //   EV = 400 × 10% = 40; AC = 20; CPI = 2; SPI = null (PV = 0)
      //   EAC = 400 / 2 = 200; ETC = 180; VAC = 200. Not started (Jan 11 > S) → planned.
      const window = r.project('p-window');
      figures(window.figures, { bac: 400, pv: 0, ev: 40, ac: 20, cv: 20, sv: 40, cpi: 2, spi: null, eac: 200, etc: 180, vac: 200 }, 'p-window');
      assert.equal(window.state, 'planned');
      assert.equal(window.figures.forecastEnd, '2026-01-30');

      // p-nothing: no baseline, no budget → BAC 0; everything 0, indices and ROI null.
      figures(r.project('p-nothing').figures, { bac: 0, pv: 0, ev: 0, ac: 0, cpi: null, spi: null, eac: 0, roiPlanned: null, roiForecast: null }, 'p-nothing');
    });

    describe('PV clamps to [0, BAC] and counts days inclusively', () => {
      const pvText = yaml`
        project:
          id: q
          name: Q
          start: 2026-03-01
          end: 2026-03-10
          budget: 1000
      `;
      // Window Mar 1 .. Mar 10 = 10 days; PV = 1000 × clamp((S − Mar 1 + 1) / 10, 0, 1).
      const cases: Array<[string, number, string]> = [
        ['2026-02-20', 0, 'before the start: (−8)/10 → 0'],
        ['2026-02-28', 0, 'the day before the start: 0/10'],
        ['2026-03-01', 100, 'the start day counts: 1/10'],
        ['2026-03-04', 400, 'mid-way: 4/10'],
        ['2026-03-10', 1000, 'the end day: 10/10'],
        ['2026-03-25', 1000, 'after the end: 25/10 → 1'],
      ];
      for (const [date, pv, why] of cases) {
        it(`S = ${date}: PV ${pv} (${why})`, () => {
          close(run(pvText, at(date)).project('q').figures.pv, pv, 'pv');
        });
      }
    });

    it('EV: progress absent counts 0, state done counts 100', () => {
      const r = run(
        yaml`
          program:
            id: evp
            name: EV and progress
            projects:
              - id: absent
                name: No progress
                start: 2026-01-01
                end: 2026-01-10
                budget: 600
              - id: done-state
                name: Done by state
                state: done
                start: 2026-01-01
                end: 2026-01-10
                budget: 600
              - id: done-state-40
                name: Done by state, progress says 40
                state: done
                progress: 40
                start: 2026-01-01
                end: 2026-01-10
                budget: 600
              - id: done-progress
                name: Done by progress
                progress: 100
                start: 2026-01-01
                end: 2026-01-10
                budget: 600
        `,
        at('2026-01-05'),
      );
      close(r.project('absent').figures.ev, 0, 'absent.ev'); // 600 × 0
      close(r.project('done-state').figures.ev, 600, 'done-state.ev'); // 600 × 100%
      close(r.project('done-state-40').figures.ev, 600, 'done-state-40.ev'); // state done wins: 100%
      close(r.project('done-progress').figures.ev, 600, 'done-progress.ev');
    });

    it('CPI null (AC = 0) and CPI = 0 both fall back to EAC = AC + (BAC − EV)', () => {
      const r = run(
        yaml`
          program:
            id: eac
            name: EAC
            projects:
              - id: no-spend
                name: Nothing spent
                start: 2026-01-01
                end: 2026-01-10
                budget: 1000
                progress: 40
              - id: no-value
                name: Nothing earned
                start: 2026-01-01
                end: 2026-01-10
                budget: 1000
                progress: 0
                spent: 100
        `,
        at('2026-01-05'),
      );
      // S = Jan 5 → PV = 1000 × 5/10 = 500.
      // no-spend: EV 400, AC 0 → CPI null; SPI 400/500 = 0.8; EAC = 0 + (1000 − 400) = 600; ETC 600; VAC 400.
      figures(r.project('no-spend').figures, { pv: 500, ev: 400, ac: 0, cv: 400, sv: -100, cpi: null, spi: 0.8, eac: 600, etc: 600, vac: 400 }, 'no-spend');
      // no-value: EV 0, AC 100 → CPI 0 (not > 0) → EAC = 100 + (1000 − 0) = 1100; ETC 1000; VAC −100; SPI 0.
      figures(r.project('no-value').figures, { ev: 0, ac: 100, cv: -100, cpi: 0, spi: 0, eac: 1100, etc: 1000, vac: -100 }, 'no-value');
    });
  });

  describe('forecastEnd', () => {
    const text = yaml`
      program:
        id: fc
        name: Forecasts
        projects:
          - id: slow
            name: Slow
            start: 2026-01-01
            end: 2026-01-10
            budget: 1000
            progress: 30
          - id: slow-baseline
            name: Slow against its baseline
            start: 2026-01-03
            duration: 20d
            budget: 1000
            progress: 30
            baseline: { start: 2026-01-01, end: 2026-01-10 }
          - id: fast
            name: Fast
            start: 2026-01-01
            duration: 20d
            budget: 1000
            progress: 60
            baseline: { start: 2026-01-01, end: 2026-01-10 }
          - id: on-hold
            name: On hold
            state: on-hold
            start: 2026-01-01
            end: 2026-01-10
            budget: 1000
            progress: 30
          - id: stalled
            name: Stalled
            start: 2026-01-01
            end: 2026-01-10
            budget: 1000
          - id: future
            name: Future
            start: 2026-02-01
            end: 2026-02-10
            budget: 1000
    `;

    it('uses ps + ceil((pe − ps + 1) / SPI) − 1 only for active and on-hold projects with 0 < SPI < 1 (S = 2026-01-05)', () => {
      const r = run(text, at('2026-01-05'));
      // PV = 1000 × 5/10 = 500 for every project planned Jan 1 .. Jan 10.
      // slow: EV 300 → SPI 0.6 → Jan 1 + ceil(10 / 0.6 = 16.67) − 1 = Jan 1 + 16 = Jan 17.
      close(r.project('slow').figures.spi, 0.6, 'slow.spi');
      assert.equal(r.project('slow').figures.forecastEnd, '2026-01-17');
      // slow-baseline: scheduled Jan 3 .. Jan 22, active (Jan 3 ≤ S); window = baseline Jan 1 .. Jan 10
      //   → the same SPI 0.6 and pace end Jan 17, from the baseline's ps; v3: max(e = Jan 22, Jan 17) = Jan 22.
      assert.equal(r.project('slow-baseline').state, 'active');
      assert.equal(r.project('slow-baseline').end, '2026-01-22');
      assert.equal(r.project('slow-baseline').figures.forecastEnd, '2026-01-22');
      // fast: EV 600 → SPI 1.2 → the scheduled end Jan 20 (not the baseline's Jan 10).
      close(r.project('fast').figures.spi, 1.2, 'fast.spi');
      assert.equal(r.project('fast').figures.forecastEnd, '2026-01-20');
      // on-hold: SPI 0.6, and work has begun (SPEC v2 5.1: active or on hold) → its own pace, Jan 17.
      assert.equal(r.project('on-hold').state, 'on-hold');
      assert.equal(r.project('on-hold').figures.forecastEnd, '2026-01-17');
      // stalled: active, SPI 0 → the scheduled end.
      assert.equal(r.project('stalled').figures.forecastEnd, '2026-01-10');
      // future: planned, SPI null → the scheduled end.
      assert.equal(r.project('future').figures.forecastEnd, '2026-02-10');
    });
  });

  describe('benefits and ROI', () => {
    it('sums benefit values; ROI = (benefits − BAC) / BAC and (benefits − EAC) / EAC, null on a 0 divisor', () => {
      const r = run(
        yaml`
          program:
            id: roi
            name: ROI
            projects:
              - id: with-roi
                name: With ROI
                start: 2026-01-01
                end: 2026-01-10
                budget: 1000
                progress: 50
                spent: 625
                benefits:
                  - { name: Savings, value: 1500 }
                  - { name: Revenue, value: 500, realized: 100 }
              - id: no-money
                name: No money
                start: 2026-01-01
                end: 2026-01-10
                benefits:
                  - { name: Goodwill, value: 100 }
        `,
        at('2026-01-05'),
      );
      // with-roi: benefits 1500 + 500 = 2000. EV 500, AC 625 → CPI 0.8 → EAC 1000 / 0.8 = 1250.
      //   roiPlanned = (2000 − 1000) / 1000 = 1;  roiForecast = (2000 − 1250) / 1250 = 0.6
      figures(r.project('with-roi').figures, { benefits: 2000, cpi: 0.8, eac: 1250, roiPlanned: 1, roiForecast: 0.6 }, 'with-roi');
      // no-money: BAC 0 and EAC = 0 + (0 − 0) = 0 → both ROI null.
      figures(r.project('no-money').figures, { benefits: 100, bac: 0, eac: 0, roiPlanned: null, roiForecast: null }, 'no-money');
    });
  });

  describe('risks and issues', () => {
    it('counts open risks by level and open issues by severity', () => {
      const r = run(yaml`
        project:
          id: rk
          name: Risky
          start: 2026-01-01
          end: 2026-01-10
          risks:
            - { id: r15, title: 5x3 = 15 high, likelihood: 5, impact: 3, mitigation: m }
            - { id: r15b, title: 3x5 = 15 high, likelihood: 3, impact: 5, mitigation: m, state: open }
            - { id: r16c, title: 4x4 = 16 closed, likelihood: 4, impact: 4, mitigation: m, state: closed }
            - { id: r12, title: 3x4 = 12 medium, likelihood: 3, impact: 4 }
            - { id: r8, title: 2x4 = 8 medium, likelihood: 2, impact: 4 }
            - { id: r6, title: 2x3 = 6 low, likelihood: 2, impact: 3 }
            - { id: r1c, title: closed low, likelihood: 1, impact: 1, state: closed }
          issues:
            - { title: Critical, severity: critical }
            - { title: High one, severity: high }
            - { title: High two, severity: high, state: open }
            - { title: High closed, severity: high, state: closed }
            - { title: Medium, severity: medium }
            - { title: Low closed, severity: low, state: closed }
      `, at('2026-01-05'));
      const f = r.project('rk').figures;
      // high: 15, 15 (16 is closed) = 2; medium: 12, 8 = 2; low: 6 = 1 (the closed 1 is not counted).
      assert.deepEqual(f.risks, { high: 2, medium: 2, low: 1 });
      assert.deepEqual(f.issues, { critical: 1, high: 2, medium: 1, low: 0 });
    });
  });

  describe('computed health', () => {
    // All planned Jan 1 .. Jan 10 with BAC 1000; at S = Jan 10, PV = 1000, so SPI = progress / 100
    // and CPI = EV / spent.
    const project = (id: string, progress: number, spent: number | null, extra = '') =>
      `  - id: ${id}\n    name: ${id}\n    start: 2026-01-01\n    end: 2026-01-10\n    budget: 1000\n    progress: ${progress}\n` +
      (spent === null ? '' : `    spent: ${spent}\n`) +
      extra.replace(/^(?=.)/gm, '    ');
    const text =
      'program:\n  id: health\n  name: Health\n  projects:\n' +
      [
        project('green-095', 95, 950), // CPI 950/950 = 1, SPI 0.95 (not < 0.95) → green
        project('amber-spi', 94, 940), // SPI 0.94 < 0.95 → amber
        project('amber-090', 90, 1000), // CPI 900/1000 = 0.9, SPI 0.9: not < 0.90 → amber
        project('red-cpi', 95, 1100), // CPI 950/1100 = 0.8636 < 0.90 → red
        project('red-spi', 89, 890), // SPI 0.89 < 0.90 → red
        project('red-issue', 95, 950, 'issues:\n  - { title: Outage, severity: critical }\n'),
        project('green-closed-critical', 95, 950, 'issues:\n  - { title: Outage, severity: critical, state: closed }\n'),
        project('amber-missed', 95, 950, 'milestones:\n  - { id: m-missed, name: Missed, date: 2026-01-05 }\n'),
        project('green-done-milestone', 95, 950, 'milestones:\n  - { id: m-done, name: Done, date: 2026-01-05, done: true }\n'),
        project('green-milestone-today', 95, 950, 'milestones:\n  - { id: m-today, name: Today, date: 2026-01-10 }\n'),
        project('amber-risk', 95, 950, 'risks:\n  - { id: big, title: Big, likelihood: 5, impact: 3, mitigation: m }\n'),
        project('green-closed-risk', 95, 950, 'risks:\n  - { id: gone, title: Gone, likelihood: 5, impact: 5, mitigation: m, state: closed }\n'),
        project('green-medium-risk', 95, 950, 'risks:\n  - { id: mid, title: Mid, likelihood: 2, impact: 4, mitigation: m }\n'),
        project('amber-issue', 95, 950, 'issues:\n  - { title: Flaky, severity: high }\n'),
        project('green-medium-issue', 95, 950, 'issues:\n  - { title: Meh, severity: medium }\n'),
      ].join('') +
      // Null indices: nothing spent (CPI null) and not started (PV 0 → SPI null) → nothing triggers → green.
      '  - id: green-null\n    name: green-null\n    start: 2026-02-01\n    end: 2026-02-10\n    budget: 1000\n';

    it('applies the default thresholds and the other rules (S = 2026-01-10)', () => {
      // v3: SPI 0.95 … 0.90 forecast Jan 1 + ceil(10 / SPI) − 1 = Jan 11 or Jan 12, a slip of 1 or 2 days that
      // would make every one of them amber; slips up to 2 days are let through here to test the other rules
      // (the slip rule has its own tests in slip.test.ts).
      const r = run(text, { ...at('2026-01-10'), thresholds: { red: 0.9, amber: 0.95, slipAmberDays: 2 } });
      const expected: Record<string, string> = {
        'green-095': 'green',
        'amber-spi': 'amber',
        'amber-090': 'amber',
        'red-cpi': 'red',
        'red-spi': 'red',
        'red-issue': 'red',
        'green-closed-critical': 'green',
        'amber-missed': 'amber',
        'green-done-milestone': 'green',
        'green-milestone-today': 'green',
        'amber-risk': 'amber',
        'green-closed-risk': 'green',
        'green-medium-risk': 'green',
        'amber-issue': 'amber',
        'green-medium-issue': 'green',
        'green-null': 'green',
      };
      close(r.project('amber-090').figures.cpi, 0.9, 'amber-090.cpi');
      close(r.project('amber-090').figures.spi, 0.9, 'amber-090.spi');
      figures(r.project('green-null').figures, { cpi: null, spi: null }, 'green-null');
      const actual = Object.fromEntries(Object.keys(expected).map((id) => [id, r.project(id).figures.health]));
      assert.deepEqual(actual, expected);
    });

    it('uses the thresholds given as options', () => {
      const r = run(text, { ...at('2026-01-10'), thresholds: { red: 0.95, amber: 0.99 } });
      assert.equal(r.project('green-095').figures.health, 'amber'); // 0.95 < 0.99
      assert.equal(r.project('amber-spi').figures.health, 'red'); // 0.94 < 0.95
    });

    it('reports the declared health beside the computed one', () => {
      const r = run(
        yaml`
          project:
            id: declared
            name: Declared
            health: amber
            start: 2026-01-01
            end: 2026-01-10
        `,
        at('2026-01-05'),
      );
      assert.equal(r.project('declared').figures.declaredHealth, 'amber');
      assert.equal(r.project('declared').figures.health, 'green');
    });
  });

  describe('derived state', () => {
    it('is done at progress 100, active when start ≤ S, else planned; an explicit state is kept', () => {
      const r = run(
        yaml`
          program:
            id: st
            name: States
            projects:
              - { id: s-done, name: Done early, start: 2026-02-01, end: 2026-02-10, progress: 100 }
              - { id: s-active, name: Starts on S, start: 2026-01-10, end: 2026-01-20 }
              - { id: s-planned, name: Starts after S, start: 2026-01-11, end: 2026-01-20 }
              - { id: s-derived-start, name: Computed start, depends_on: [s-active], duration: 5d }
              - { id: s-hold, name: Held, state: on-hold, start: 2026-01-01, end: 2026-01-20 }
        `,
        at('2026-01-10'),
      );
      assert.equal(r.project('s-done').state, 'done');
      assert.equal(r.project('s-active').state, 'active');
      assert.equal(r.project('s-planned').state, 'planned');
      // Computed start = Jan 21 > S → planned.
      assert.equal(r.project('s-derived-start').state, 'planned');
      assert.equal(r.project('s-hold').state, 'on-hold');
    });
  });

  describe('program', () => {
    const text = yaml`
      program:
        id: g
        name: G
        budget: 100000
        benefits:
          - { name: Program benefit, value: 1000 }
        risks:
          - { id: g-risk, title: Program risk, likelihood: 5, impact: 5, mitigation: Plan B }
        milestones:
          - { id: g-kickoff, name: Kickoff, date: 2025-12-20, done: true }
          - { id: g-review, name: Review, date: 2026-02-15 }
        projects:
          - id: g-a
            name: A
            start: 2026-01-01
            end: 2026-01-10
            budget: 1000
            spent: 500
            progress: 60
            benefits:
              - { name: A benefit, value: 200 }
            milestones:
              - { id: g-a-demo, name: Demo, date: 2026-01-08 }
          - id: g-b
            name: B
            start: 2026-01-01
            end: 2026-01-20
            budget: 3000
            spent: 600
            progress: 12
            issues:
              - { title: Slow reviews, severity: medium }
          - id: g-c
            name: C (cancelled)
            state: cancelled
            start: 2025-11-01
            end: 2026-12-31
            budget: 99999
            spent: 5555
            progress: 10
            benefits:
              - { name: C benefit, value: 5000 }
            milestones:
              - { id: g-c-late, name: Late, date: 2027-01-15 }
            issues:
              - { title: Dropped, severity: critical }
    `;

    it('sums its non-cancelled projects and recomputes CPI/SPI from the sums (S = 2026-01-05)', () => {
      const r = run(text, at('2026-01-05'));
      // g-a: window Jan 1 .. Jan 10 → PV = 1000 × 5/10 = 500; EV = 600; AC = 500
      //      CPI = SPI = 1.2; EAC = 1000 / 1.2 = 2500/3; ETC = 2500/3 − 500 = 1000/3; forecastEnd = end Jan 10.
      figures(r.project('g-a').figures, { pv: 500, ev: 600, cpi: 1.2, spi: 1.2, eac: 2500 / 3 }, 'g-a');
      // g-b: window Jan 1 .. Jan 20 → PV = 3000 × 5/20 = 750; EV = 360; AC = 600
      //      CPI = 0.6; SPI = 0.48; EAC = 3000 / 0.6 = 5000; ETC = 4400;
      //      forecastEnd = Jan 1 + ceil(20 / 0.48 = 41.67) − 1 = Jan 1 + 41 = Feb 11.
      figures(r.project('g-b').figures, { pv: 750, ev: 360, cpi: 0.6, spi: 0.48, eac: 5000 }, 'g-b');
      assert.equal(r.project('g-b').figures.forecastEnd, '2026-02-11');
      // g-c is cancelled: left out of every sum.
      const g = r.program('g');
      // ΣBAC 4000, ΣPV 1250, ΣEV 960, ΣAC 1100; CV = −140; SV = −290
      // CPI = 960/1100 = 0.8727… (the mean of 1.2 and 0.6 would be 0.9)
      // SPI = 960/1250 = 0.768   (the mean of 1.2 and 0.48 would be 0.84)
      // EAC = ΣEAC = 2500/3 + 5000 = 17500/3 (not ΣBAC / CPI = 4888.9); ETC = 1000/3 + 4400 = 14200/3
      // VAC = 4000 − 17500/3 = −5500/3; progress = 960 / 4000 × 100 = 24
      figures(
        g.figures,
        {
          bac: 4000, pv: 1250, ev: 960, ac: 1100, cv: -140, sv: -290,
          cpi: 960 / 1100, spi: 0.768,
          eac: 17500 / 3, etc: 14200 / 3, vac: -5500 / 3, progress: 24,
        },
        'g',
      );
      assert.ok(Math.abs((g.figures.cpi ?? 0) - 0.9) > 1e-3, 'CPI is not the mean of the project CPIs (0.9)');
      assert.ok(Math.abs((g.figures.spi ?? 0) - 0.84) > 1e-3, 'SPI is not the mean of the project SPIs (0.84)');
      // forecastEnd = latest of the projects' (Jan 10, Feb 11) and the milestones' forecasts (SPEC v2): g-review
      // is due Feb 15 and not done → Feb 15; g-a-demo Jan 8; g-kickoff done Dec 20 → Feb 15 (g-c's Dec 31 and
      // its milestone's Jan 15 2027 do not count: cancelled).
      assert.equal(g.figures.forecastEnd, '2026-02-15');
      // CPI 0.87 < 0.90 → red.
      assert.equal(g.figures.health, 'red');
      assert.deepEqual(g.projects, ['g-a', 'g-b', 'g-c']);
    });

    it('takes start/end from its projects and milestones (not the cancelled ones)', () => {
      const g = run(text, at('2026-01-05')).program('g');
      // Earliest of: g-a Jan 1, g-b Jan 1, milestones Dec 20 (g-kickoff), Feb 15, Jan 8 → 2025-12-20.
      // Latest of:   g-a Jan 10, g-b Jan 20, milestones Dec 20, Feb 15, Jan 8 → 2026-02-15.
      // (g-c's Nov 1 2025 .. Dec 31 2026 and its milestone of 2027-01-15 are out: it is cancelled.)
      assert.deepEqual([g.start, g.end], ['2025-12-20', '2026-02-15']);
    });

    it('adds the benefits of the program and its projects; ROI from the sums', () => {
      const g = run(text, at('2026-01-05')).program('g');
      // 1000 (program) + 200 (g-a) = 1200; g-c's 5000 is out (cancelled: all money sums skip it).
      // roiPlanned = (1200 − 4000) / 4000 = −0.7; roiForecast = (1200 − 17500/3) / (17500/3)
      figures(g.figures, { benefits: 1200, roiPlanned: -0.7, roiForecast: (1200 - 17500 / 3) / (17500 / 3) }, 'g');
    });

    it("counts the program's own risks and issues and its projects'", () => {
      const g = run(text, at('2026-01-05')).program('g');
      // Program risk 5×5 = 25 high; g-b's medium issue; g-c's critical issue is out (cancelled).
      assert.deepEqual(g.figures.risks, { high: 1, medium: 0, low: 0 });
      assert.deepEqual(g.figures.issues, { critical: 0, high: 0, medium: 1, low: 0 });
    });

    it('is at least amber when one of its projects is red', () => {
      const r = run(
        yaml`
          program:
            id: h
            name: H
            projects:
              - { id: h-a, name: Big and fine, start: 2026-01-01, end: 2026-01-10, budget: 10000, spent: 10000, progress: 100 }
              - { id: h-b, name: Small and overspent, start: 2026-01-01, end: 2026-01-10, budget: 100, spent: 200, progress: 100 }
        `,
        at('2026-01-10'),
      );
      // S = Jan 10 → PV = BAC. h-a: CPI 1, SPI 1. h-b: EV 100, AC 200 → CPI 0.5 → red.
      assert.equal(r.project('h-b').figures.health, 'red');
      // Program: ΣEV 10100, ΣAC 10200 → CPI 0.9902; ΣPV 10100 → SPI 1 → green by the indices, amber by the rule.
      figures(r.program('h').figures, { cpi: 10100 / 10200, spi: 1 }, 'h');
      assert.equal(r.program('h').figures.health, 'amber');
    });

    it("is red with an open critical issue in one of its projects (issues include the projects')", () => {
      const r = run(
        yaml`
          program:
            id: k
            name: K
            projects:
              - id: k-a
                name: Fine but on fire
                start: 2026-01-01
                end: 2026-01-10
                issues:
                  - { title: Production down, severity: critical }
        `,
        at('2026-01-05'),
      );
      assert.equal(r.program('k').figures.health, 'red');
    });

    it('is amber with a missed milestone of its own (date < S and not done)', () => {
      const r = run(
        yaml`
          program:
            id: mm
            name: Missed milestone
            milestones:
              - { id: mm-missed, name: Missed, date: 2026-01-04 }
              - { id: mm-done, name: Done, date: 2026-01-03, done: true }
            projects:
              - { id: mm-a, name: A, start: 2026-01-01, end: 2026-01-10 }
          ---
          program:
            id: mm2
            name: Only a done and a today milestone
            milestones:
              - { id: mm2-done, name: Done, date: 2026-01-03, done: true }
              - { id: mm2-today, name: Today, date: 2026-01-05 }
            projects:
              - { id: mm2-a, name: A, start: 2026-01-01, end: 2026-01-10 }
        `,
        at('2026-01-05'),
      );
      // No money → CPI and SPI null; only the milestone rule can act.
      assert.equal(r.project('mm-a').figures.health, 'green');
      assert.equal(r.program('mm').figures.health, 'amber'); // Jan 4 < Jan 5, not done
      assert.equal(r.program('mm2').figures.health, 'green'); // done, and Jan 5 is not < Jan 5
    });

    it('weights progress by planned days when ΣBAC = 0', () => {
      const r = run(
        yaml`
          program:
            id: w
            name: No budgets
            projects:
              - { id: w-x, name: X, start: 2026-01-01, end: 2026-01-10, progress: 50 }
              - id: w-y
                name: Y
                start: 2026-01-01
                end: 2026-01-30
                progress: 10
                baseline: { start: 2026-01-01, end: 2026-01-20 }
              - { id: w-z, name: Z, state: cancelled, start: 2026-01-01, end: 2026-01-10, progress: 90 }
        `,
        at('2026-01-10'),
      );
      // Planned days: w-x 10 (Jan 1 .. Jan 10), w-y 20 (its baseline Jan 1 .. Jan 20); w-z cancelled.
      // progress = (50 × 10 + 10 × 20) / (10 + 20) = 700 / 30 = 23.33…
      // (a plain mean would be 30; the scheduled windows 10 and 30 days would give 800 / 40 = 20)
      close(r.program('w').figures.progress, 700 / 30, 'w.progress');
    });

    it('with no projects: progress, start, end, CPI and SPI are null', () => {
      const r = run(yaml`
        program:
          id: empty
          name: Empty
      `, at('2026-01-05'));
      const e = r.program('empty');
      figures(e.figures, { bac: 0, ev: 0, ac: 0, cpi: null, spi: null, progress: null }, 'empty');
      assert.deepEqual([e.start, e.end, e.figures.forecastEnd], [null, null, null]);
      assert.equal(e.figures.health, 'green');
    });
  });

  describe('portfolio', () => {
    const files = {
      'pf.plan.yaml': yaml`
        portfolio:
          id: pf
          name: PF
          programs:
            - id: p1
              name: P1
              benefits:
                - { name: P1 benefit, value: 500 }
              milestones:
                - { id: p1-m, name: P1 milestone, date: 2026-02-01 }
              projects:
                - id: a1
                  name: A1
                  start: 2026-01-01
                  end: 2026-01-10
                  budget: 100
                  spent: 100
                  progress: 40
                  benefits:
                    - { name: A1 benefit, value: 100 }
                  risks:
                    - { id: a1-r, title: A1 risk, likelihood: 5, impact: 4, mitigation: Shim }
      `,
      'p2.plan.yaml': yaml`
        program:
          id: p2
          name: P2
          portfolio: pf
          milestones:
            - { id: p2-m, name: P2 milestone, date: 2025-12-01, done: true }
          issues:
            - { title: Medium issue, severity: medium }
          projects:
            - id: b1
              name: B1
              start: 2026-01-01
              end: 2026-01-10
              budget: 10000
              spent: 5000
              progress: 50
              benefits:
                - { name: B1 benefit, value: 2000 }
      `,
    };

    it('sums its inline and referencing programs (S = 2026-01-05)', () => {
      const r = run(files, at('2026-01-05'));
      // a1: PV = 100 × 5/10 = 50; EV 40; AC 100; CPI 0.4; SPI 0.8; EAC = 100 / 0.4 = 250; ETC 150
      //     forecastEnd = Jan 1 + ceil(10 / 0.8 = 12.5) − 1 = Jan 1 + 12 = Jan 13. p1 is red (CPI 0.4).
      // b1: PV 5000; EV 5000; AC 5000; CPI = SPI = 1; EAC 10000; ETC 5000; forecastEnd Jan 10. p2 green.
      assert.equal(r.program('p1').figures.health, 'red');
      assert.equal(r.program('p2').figures.health, 'green');
      assert.equal(r.program('p1').portfolio, 'pf');
      assert.equal(r.program('p2').portfolio, 'pf');
      const pf = r.portfolio('pf');
      assert.deepEqual([...pf.programs].sort(), ['p1', 'p2']);
      // ΣBAC 10100, ΣPV 5050, ΣEV 5040, ΣAC 5100; CV −60; SV −10
      // CPI = 5040/5100 = 0.98824; SPI = 5040/5050 = 0.99802 (both green)
      // EAC = 250 + 10000 = 10250; ETC = 150 + 5000 = 5150; VAC = 10100 − 10250 = −150
      // progress = 5040 / 10100 × 100 = 49.90…
      // benefits = (500 + 100) + 2000 = 2600; roiPlanned = (2600 − 10100)/10100; roiForecast = (2600 − 10250)/10250
      figures(
        pf.figures,
        {
          bac: 10100, pv: 5050, ev: 5040, ac: 5100, cv: -60, sv: -10,
          cpi: 5040 / 5100, spi: 5040 / 5050,
          eac: 10250, etc: 5150, vac: -150, progress: (5040 / 10100) * 100,
          benefits: 2600, roiPlanned: (2600 - 10100) / 10100, roiForecast: (2600 - 10250) / 10250,
        },
        'pf',
      );
      // start/end: p1 Jan 1 .. Feb 1 (its milestone), p2 Dec 1 2025 (its milestone) .. Jan 10 → Dec 1 .. Feb 1.
      assert.deepEqual([pf.start, pf.end], ['2025-12-01', '2026-02-01']);
      // forecastEnd: latest of p1 (a1's Jan 13, and its milestone p1-m, due Feb 1 and not done → Feb 1) and
      // p2 (b1's Jan 10; p2-m is done) → Feb 1.
      assert.equal(pf.figures.forecastEnd, '2026-02-01');
      assert.deepEqual(pf.figures.risks, { high: 1, medium: 0, low: 0 }); // a1-r 5×4 = 20
      assert.deepEqual(pf.figures.issues, { critical: 0, high: 0, medium: 1, low: 0 });
      // Indices green, but a program (p1) is red → at least amber.
      assert.equal(pf.figures.health, 'amber');
    });
  });

  describe('status date', () => {
    const withDate = yaml`
      program:
        id: sd
        name: Status date
        status_date: 2026-01-05
        projects:
          - { id: sd-a, name: A, start: 2026-01-01, end: 2026-01-10, budget: 1000 }
    `;
    const withoutDate = withDate.replace(/^ {2}status_date:.*\n/m, '');

    it("the option wins over the document's status_date", () => {
      const r = run(withDate, { statusDate: parseDay('2026-01-03'), today: parseDay('2026-01-08') });
      assert.equal(r.json.statusDate, '2026-01-03');
      close(r.project('sd-a').figures.pv, 300, 'pv'); // 1000 × 3/10
    });

    it("the document's status_date wins over today", () => {
      const r = run(withDate, { today: parseDay('2026-01-08') });
      assert.equal(r.json.statusDate, '2026-01-05');
      close(r.project('sd-a').figures.pv, 500, 'pv'); // 1000 × 5/10
    });

    it('today is the last resort', () => {
      assert.ok(!withoutDate.includes('status_date'));
      const r = run(withoutDate, { today: parseDay('2026-01-08') });
      assert.equal(r.json.statusDate, '2026-01-08');
      close(r.project('sd-a').figures.pv, 800, 'pv'); // 1000 × 8/10
    });

    it("a portfolio's status_date is the document's status date too", () => {
      const r = run(
        yaml`
          portfolio:
            id: sdp
            name: Portfolio with a status date
            status_date: 2026-01-04
            programs:
              - id: sdp-prog
                name: Program
                projects:
                  - { id: sdp-a, name: A, start: 2026-01-01, end: 2026-01-10, budget: 1000 }
        `,
        { today: parseDay('2026-01-08') },
      );
      assert.equal(r.json.statusDate, '2026-01-04');
      close(r.project('sdp-a').figures.pv, 400, 'pv'); // 1000 × 4/10
    });
  });
});

describe('rollup: each project its own figures, however many', () => {
  it('keeps 300 projects apart (their rows of numbers lie in several blocks): BAC, EV, AC, CPI and null PV each its own', () => {
    const projects = Array.from({ length: 300 }, (_, i) =>
      // Every third project has no dates: PV, SV and SPI unknown (null) for it alone.
      i % 3 === 0
        ? `    - { id: p${i}, name: P${i}, budget: ${1000 + i}, progress: 50, spent: ${i + 1} }`
        : `    - { id: p${i}, name: P${i}, start: 2026-01-01, duration: 10d, budget: ${1000 + i}, progress: 50, spent: ${i + 1} }`,
    );
    const text = `program:\n  id: g\n  name: Growth\n  projects:\n${projects.join('\n')}\n`;
    const json = toRollupJson(analyzePlans([{ path: 'g.plan.yaml', text }], { statusDate: parseDay('2026-01-05')! }));
    assert.equal(json.projects.length, 300);
    for (let i = 0; i < 300; i++) {
      const f = byId(json.projects, `p${i}`).figures;
      // BAC as budgeted, EV = BAC × 50 %, AC as spent, CPI = EV / AC.
      assert.deepEqual([f.bac, f.ev, f.ac], [1000 + i, (1000 + i) / 2, i + 1], `p${i}`);
      close(f.cpi, (1000 + i) / 2 / (i + 1), `p${i} cpi`);
      // Dated: 5 of 10 days passed, PV = BAC / 2.
      close(f.pv, i % 3 === 0 ? null : (1000 + i) / 2, `p${i} pv`);
    }
  });
});
