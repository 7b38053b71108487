/**
 * SPEC v3 (issue 18 items 1–4): health that counts slips (5, the slip rule), the re-planned forecast
 * (5.1), cancelled projects that ask for no attention (5, "Cancelled projects (v3)"), and a rejected
 * value that silences only what depends on it (6). The worked examples are read from docs/FORMAT.md.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzePlans, forecastNote, rollupCsv, rollupMarkdown, toRollupJson, type AnalysisOptions, type Project } from '../../src/core';
import { byId, day, repoRoot, runMain, yaml } from '../utils/plans';

const at = (date: string, extra: AnalysisOptions = {}): AnalysisOptions => ({ statusDate: day(date), ...extra });
const analyse = (text: string, options: AnalysisOptions = {}) => analyzePlans([{ path: 'plan.plan.yaml', text }], options);
const projectOf = (analysis: ReturnType<typeof analyse>, id: string) => [...analysis.rollup.projects].find(([p]) => p.id === id)![1];

/** One active project Jan 1 .. Jan 10, no budget (no SPI: its forecast is its end, or S when later). */
const lone = yaml`
  project:
    id: p
    name: P
    start: 2026-01-01
    end: 2026-01-10
    progress: 50
`;

describe('v3: the slip rule (SPEC 5)', () => {
  const health = (S: string, options: AnalysisOptions = {}) => {
    const json = toRollupJson(analyse(lone, at(S, options)));
    const f = byId(json.projects, 'p').figures;
    return [f.slip, f.health];
  };

  it('slip = forecastEnd − pe: 0 green, 30 amber, 31 red (whole days, exactly)', () => {
    // S = Jan 10: forecast Jan 10, slip 0 → green. S = Feb 9: forecast Feb 9, 40 − 10 = 30 → amber (not > 30).
    // S = Feb 10: 41 − 10 = 31 → red. S = Jan 11: 1 → amber (> 0).
    assert.deepEqual(health('2026-01-10'), [0, 'green']);
    assert.deepEqual(health('2026-01-11'), [1, 'amber']);
    assert.deepEqual(health('2026-02-09'), [30, 'amber']);
    assert.deepEqual(health('2026-02-10'), [31, 'red']);
  });

  it('names the slip in the health reasons', () => {
    const analysis = analyse(lone, at('2026-02-10'));
    assert.deepEqual(projectOf(analysis, 'p').healthReasons, ['forecast 31 days after its planned end 2026-01-10']);
  });

  it('takes the thresholds from the options (slipRedDays 10, slipAmberDays 3)', () => {
    const options = { thresholds: { red: 0.9, amber: 0.95, slipRedDays: 10, slipAmberDays: 3 } };
    // S = Jan 13: slip 3 → green; Jan 14: 4 → amber; Jan 20: 10 → amber; Jan 21: 11 → red.
    assert.deepEqual(health('2026-01-13', options), [3, 'green']);
    assert.deepEqual(health('2026-01-14', options), [4, 'amber']);
    assert.deepEqual(health('2026-01-20', options), [10, 'amber']);
    assert.deepEqual(health('2026-01-21', options), [11, 'red']);
  });

  it('is null for a done project, and negative (and green) for one ahead of its plan', () => {
    const done = toRollupJson(analyse(lone.replace('progress: 50', 'progress: 100'), at('2026-03-01')));
    assert.deepEqual([byId(done.projects, 'p').figures.slip, byId(done.projects, 'p').figures.health], [null, 'green']);
    // Baseline end Jan 20, scheduled end Jan 10, S = Jan 5: forecast Jan 10 → slip 10 − 20 = −10.
    const ahead = toRollupJson(analyse(`${lone}  baseline: { end: 2026-01-20 }\n`, at('2026-01-05')));
    assert.deepEqual([byId(ahead.projects, 'p').figures.slip, byId(ahead.projects, 'p').figures.health], [-10, 'green']);
  });

  const program = (end: string) => yaml`
    portfolio:
      id: pf
      name: PF
      programs:
        - id: a
          name: A
          ${end}
          milestones:
            - { id: review, name: Review, date: 2026-01-15, done: true }
          projects:
            - { id: a1, name: A1, start: 2026-01-01, end: 2026-01-10, progress: 50 }
            - { id: a2, name: A2, start: 2026-01-01, end: 2026-01-05, progress: 100 }
        - id: b
          name: B
          projects:
            - { id: b1, name: B1, start: 2026-01-01, end: 2026-01-31, progress: 50 }
  `;

  it('a program: forecastEnd − its declared end, else the latest pe and milestone date; a portfolio: its largest', () => {
    // S = Feb 1. a1 forecast Feb 1 (slip 22); a2 done. Program a: forecast end Feb 1 (the latest of a1's
    // Feb 1, a2's Jan 5, review's Jan 15). Planned end = max(pe Jan 10, Jan 5, review Jan 15) = Jan 15 →
    // slip 17; declared end Jan 31 → slip 1. b: b1 forecast Feb 1 − Jan 31 = 1. Portfolio: max(17, 1) = 17.
    const planned = toRollupJson(analyse(program(''), at('2026-02-01')));
    assert.equal(byId(planned.projects, 'a1').figures.slip, 22);
    assert.equal(byId(planned.projects, 'a2').figures.slip, null);
    assert.equal(byId(planned.programs, 'a').figures.slip, 17);
    assert.equal(byId(planned.programs, 'b').figures.slip, 1);
    assert.equal(byId(planned.portfolios, 'pf').figures.slip, 17);
    const declared = toRollupJson(analyse(program('end: 2026-01-31'), at('2026-02-01')));
    assert.equal(byId(declared.programs, 'a').figures.slip, 1);
    assert.equal(byId(declared.portfolios, 'pf').figures.slip, 1);
  });

  it('a portfolio is red for a program more than 30 days late, and says which program', () => {
    // S = Mar 20: b1 forecast Mar 20 − Jan 31 = 48 days; program a: Mar 20 − Jan 15 = 64 days.
    const analysis = analyse(program(''), at('2026-03-20'));
    const portfolio = [...analysis.rollup.portfolios.values()][0];
    assert.equal(portfolio.figures.slip, 64);
    assert.equal(portfolio.figures.health, 'red');
    assert.ok(portfolio.healthReasons.includes("program 'a' forecast 64 days after its planned end 2026-01-15"), portfolio.healthReasons.join('; '));
  });

  it('is null for a program with nothing left to finish (all done, or only cancelled projects)', () => {
    const text = yaml`
      program:
        id: p
        name: P
        projects:
          - { id: x, name: X, start: 2026-01-01, end: 2026-01-10, progress: 100 }
          - { id: y, name: Y, start: 2026-01-01, end: 2026-01-10, state: cancelled }
    `;
    assert.equal(byId(toRollupJson(analyse(text, at('2026-03-01'))).programs, 'p').figures.slip, null);
  });
});

describe('v3: the slip thresholds on the command line', () => {
  // The lone project at S = Feb 10: slip 31 days.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'slip-'));
  fs.writeFileSync(path.join(folder, 'p.plan.yaml'), lone);
  const health = (stdout: string) => (JSON.parse(stdout) as { projects: Array<{ figures: { health: string } }> }).projects[0].figures.health;

  it('--slip-red-days 40 makes a 31-day slip amber, and says so on stderr', async () => {
    const result = await runMain(['rollup', '--format', 'json', '--status-date', '2026-02-10', '--slip-red-days', '40'], folder);
    assert.equal(result.code, 0);
    assert.equal(health(result.stdout), 'amber');
    assert.match(result.stderr, /red when the forecast is more than 40 days late, amber more than 0; default currency USD \(from --slip-red-days\)/);
  });

  it('a bad value is named on stderr with the default used (red at 31 days)', async () => {
    const result = await runMain(['rollup', '--format', 'json', '--status-date', '2026-02-10', '--slip-red-days=-3'], folder);
    assert.equal(result.code, 0);
    assert.equal(health(result.stdout), 'red');
    assert.match(result.stderr, /plan-as-code: --slip-red-days '-3' is not a number of days \(expected a number 0 or more, like 30\); the default 30 is used/);
  });
});

describe('v3: the re-planned forecast (SPEC 5.1)', () => {
  // The issue's example: baseline Apr 1 .. 10, re-planned to end Apr 20, S = Apr 7.
  // PV = 10000 × 7/10 = 7000; EV = 10000 × 69.02% = 6902; SPI = 0.986.
  // Pace end = Apr 1 + ceil(10 / 0.986 = 10.14) − 1 = Apr 11; own = max(Apr 20, Apr 11) = Apr 20.
  const text = yaml`
    project:
      id: migration
      name: Data migration
      start: 2026-04-01
      end: 2026-04-20
      budget: 10000
      progress: 69.02
      baseline: { start: 2026-04-01, end: 2026-04-10 }
  `;

  it('is never before the current plan: Apr 20, not Apr 11, and says its current plan decided', () => {
    const analysis = analyse(text, at('2026-04-07'));
    const result = projectOf(analysis, 'migration');
    assert.equal(toRollupJson(analysis).projects[0].figures.forecastEnd, '2026-04-20');
    assert.deepEqual(result.forecast.reason, { kind: 'current-plan', spi: result.figures.spi, paceEnd: day('2026-04-11') });
    assert.equal(forecastNote(result.forecast, result.state), 'its current plan decides: at SPI 0.99 its pace would end it 2026-04-11, before its re-planned end');
  });

  it('still stretches past the current plan when the pace is slower: own pace decides', () => {
    // progress 35 → SPI 3500 / 7000 = 0.5 → Apr 1 + ceil(10 / 0.5) − 1 = Apr 20 … = e; progress 30 → SPI 3/7:
    // ceil(10 × 7/3 = 23.3) = 24 → Apr 24, 4 days after Apr 20.
    const result = projectOf(analyse(text.replace('69.02', '30'), at('2026-04-07')), 'migration');
    assert.equal(result.forecast.end, day('2026-04-24'));
    assert.equal(result.forecast.reason.kind, 'own-pace');
  });
});

describe('v3: cancelled projects ask for no attention (SPEC 5)', () => {
  /** A project that triggers every warning a project can carry, as `state`, beside a busy colleague. */
  const twin = (state: string) => yaml`
    program:
      id: web
      name: Web
      start: 2026-01-10
      end: 2026-12-31
      budget: 1000
      status_date: 2026-05-01
      milestones:
        - { id: go-live, name: Go live, date: 2026-05-15, depends_on: [portal] }
      projects:
        - id: base
          name: Base
          start: 2026-01-10
          end: 2026-03-31
          progress: 100
          state: done
          team:
            - { person: ann, allocation: 100 }
        - id: portal
          name: Portal
          state: ${state}
          manager: nobody
          health: green
          depends_on: [base]
          start: 2026-01-05
          end: 2026-06-30
          budget: 50000
          spent: 80000
          progress: 100
          team:
            - { person: ann, allocation: 100 }
          risks:
            - { id: legacy-auth, title: Legacy auth, likelihood: 5, impact: 5 }
          issues:
            - { id: outage, title: Outage, severity: critical, due: 2026-04-01 }
          milestones:
            - { id: beta, name: Beta, date: 2026-03-01 }
            - { id: rc, name: RC, date: 2026-06-01, depends_on: [late] }
        - id: late
          name: Late
          start: 2026-04-01
          end: 2026-07-31
    people:
      - { id: ann, name: Ann }
  `;
  // Active: explicit start Jan 5 before the program's Jan 10 (outside-window) and on/before base's end
  // (dependency-violation); spent 80,000 > 50,000 (overspent); progress 100 but active (progress-mismatch);
  // beta Mar 1 < S (missed-milestone); rc waits for late, ending Jul 31 (milestone-at-risk); risk 25
  // without mitigation (unmitigated-risk); critical issue due Apr 1 < S (overdue-issue); declared green,
  // computes red (status-mismatch); manager 'nobody' (unknown-person); ann at 200% Jan 10 .. Mar 31
  // (overallocated); budget 50,000 > program 1,000 (over-budget, forecast-over-budget).
  const portalWarnings = [
    'dependency-violation', 'milestone-at-risk', 'missed-milestone', 'outside-window', 'overdue-issue', 'overspent',
    'progress-mismatch', 'status-mismatch', 'unknown-person', 'unmitigated-risk',
  ];
  const codesOn = (state: string) => {
    const analysis = analyse(twin(state), {});
    const lines = twin(state).split('\n');
    const from = lines.findIndex((l) => l.includes('- id: portal'));
    const to = lines.findIndex((l) => l.includes('- id: late'));
    // overallocated is checked workspace-wide: which team entry carries it is SPEC 6's own rule.
    const on = analysis.diagnostics.filter((d) => d.range.start.line >= from && d.range.start.line < to && d.code !== 'overallocated').map((d) => d.code);
    return { analysis, on: [...new Set(on)].sort(), all: [...new Set(analysis.diagnostics.map((d) => d.code))].sort() };
  };

  it('the active twin triggers every warning', () => {
    const { on, all } = codesOn('active');
    assert.deepEqual(on, portalWarnings);
    for (const code of ['overallocated', 'over-budget', 'forecast-over-budget'] as const) assert.ok(all.includes(code), `${code} in ${all.join(', ')}`);
  });

  it('the cancelled twin triggers none, and nothing above it counts it', () => {
    const { analysis, on, all } = codesOn('cancelled');
    assert.deepEqual(on, []);
    // Not overallocated, not over budget; go-live not at risk, and not in violation of a dependency that
    // will never be delivered (engine choice, docs/FORMAT.md).
    assert.deepEqual(all, []);
    const json = toRollupJson(analysis);
    const portal = byId(json.projects, 'portal').figures;
    assert.deepEqual([portal.health, portal.slip, portal.forecastEnd], [null, null, null]);
    // Its own row still shows its risks and issues (SPEC: "its own row may show them"); the program's does not.
    assert.deepEqual([portal.risks.high, portal.issues.critical], [1, 1]);
    const web = byId(json.programs, 'web').figures;
    assert.deepEqual([web.risks.high, web.issues.critical, web.bac, web.health], [0, 0, 0, 'green']);
    const status = (id: string) => json.milestones.find((m) => m.id === id)!;
    assert.deepEqual([status('beta').status, status('beta').forecast], ['cancelled', null]);
    assert.deepEqual([status('rc').status, status('rc').forecast], ['cancelled', null]);
    // go-live waits for nothing from the cancelled portal: on track on its date.
    assert.deepEqual([status('go-live').status, status('go-live').forecast], ['on-track', '2026-05-15']);
  });

  it('shows it as cancelled in rollup Markdown (a State column, no health) and CSV (state, empty slip)', () => {
    const json = toRollupJson(analyse(twin('cancelled')));
    const lines = rollupMarkdown(json).split('\n');
    const header = lines.find((l) => l.startsWith('| Level'))!.split('|').map((c) => c.trim());
    const row = lines.find((l) => l.includes('| portal |'))!.split('|').map((c) => c.trim());
    assert.equal(row[header.indexOf('State')], 'cancelled');
    assert.equal(row[header.indexOf('Health')], '—');
    assert.equal(row[header.indexOf('Slip (days)')], '');
    // late: active, no budget, S = May 1 before its end Jul 31: forecast Jul 31, slip 0.
    const late = lines.find((l) => l.includes('| late |'))!.split('|').map((c) => c.trim());
    assert.deepEqual([late[header.indexOf('State')], late[header.indexOf('Slip (days)')]], ['active', '0']);
    const csv = rollupCsv(json).split('\r\n');
    const csvHeader = csv[0].split(',');
    const portal = csv.find((l) => l.startsWith('project,portal,'))!.split(',');
    assert.deepEqual([portal[csvHeader.indexOf('state')], portal[csvHeader.indexOf('slip')], portal[csvHeader.indexOf('health')]], ['cancelled', '', '']);
  });

  it('keeps the structural problems on a cancelled project (schema, unknown-reference)', () => {
    const text = twin('cancelled').replace('depends_on: [base]', 'depends_on: [nowhere]').replace(/progress: 100(\n\s+team)/, 'progress: lots$1');
    const codes: string[] = analyse(text).diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['schema', 'unknown-reference']);
  });
});

describe('v3: a rejected value silences only what depends on it (SPEC 6)', () => {
  const text = yaml`
    program:
      id: mobile
      name: Mobile
      status_date: 2026-03-01
      budget: 100
      health: green
      milestones:
        - { id: store-release, name: Store release, date: 2026-03-10, depends_on: [app] }
      projects:
        - id: app
          name: App
          start: 2026-02-01
          end: 2026-03-20
          budgte: 120000
          spent: 150000
          progress: 40
        - id: web
          name: Web
          start: 2026-02-01
          end: 2026-03-05
          milestones:
            - { id: web-beta, name: Web beta, date: 2026-03-04, depends_on: [app] }
  `;

  it('a misspelt budget keeps milestone-at-risk (its own project\'s and another\'s) and silences the money warnings', () => {
    const diagnostics = analyse(text).diagnostics;
    const codes = diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}`);
    // store-release (line 8) and web-beta (line 22) wait for app, forecast to end Mar 20: at risk (and dated
    // before app's end: dependency-violation, from dates alone). over-budget and overspent rest on app's
    // budget: silenced. The program computes red from app's CPI (its budget read as 0) and amber from its
    // milestone at risk: its declared green is still worse than amber — said for the milestone alone.
    assert.deepEqual(codes.sort(), ['dependency-violation 22', 'dependency-violation 8', 'milestone-at-risk 22', 'milestone-at-risk 8', 'schema 14', 'status-mismatch 6']);
    const mismatch = diagnostics.find((d) => d.code === 'status-mismatch')!;
    assert.equal(mismatch.message, "Program 'mobile' is declared green but computes as amber: milestone 'store-release' at risk (due 2026-03-10, forecast 2026-03-20)");
  });
});

describe('docs/FORMAT.md: the worked examples of the v3 rules', () => {
  const format = fs.readFileSync(path.join(repoRoot, 'docs', 'FORMAT.md'), 'utf8');
  const example = (name: string) => {
    const found = new RegExp('```yaml\\n# example: ' + name + '\\n([\\s\\S]*?)```').exec(format);
    assert.ok(found, `docs/FORMAT.md has the example '${name}'`);
    return found[1];
  };

  it('slip: 42 days red; 30 amber, 31 red, 0 green; the program 11 days', () => {
    const text = example('slip');
    const run = (S?: string): ReturnType<typeof analyse> => analyse(text, S ? at(S) : {});
    const analysis = run();
    const json = toRollupJson(analysis);
    assert.deepEqual([byId(json.projects, 'checkout-v2').figures.slip, byId(json.projects, 'checkout-v2').figures.health], [42, 'red']);
    assert.deepEqual(projectOf(analysis, 'checkout-v2').healthReasons, ['forecast 42 days after its planned end 2026-06-30']);
    assert.ok(format.includes('("forecast 42 days after its planned end 2026-06-30")'));
    const on = (S: string): unknown[] => {
      const f = byId(toRollupJson(run(S)).projects, 'checkout-v2').figures;
      return [f.slip, f.health];
    };
    assert.deepEqual([on('2026-07-30'), on('2026-07-31'), on('2026-06-30')], [[30, 'amber'], [31, 'red'], [0, 'green']]);
    assert.deepEqual([byId(json.programs, 'payments').figures.slip, byId(json.programs, 'payments').figures.health], [11, 'amber']);
  });

  it('re-plan: forecast 2026-04-20, pace 2026-04-11, slip 10 amber', () => {
    const analysis = analyse(example('re-plan'), at('2026-04-07'));
    const result = projectOf(analysis, 'migration');
    assert.deepEqual([result.figures.forecastEnd, result.figures.slip, result.figures.health], [day('2026-04-20'), 10, 'amber']);
    assert.equal((result.forecast.reason as { paceEnd: number }).paceEnd, day('2026-04-11'));
  });

  it('cancelled: no problem at all; go-live on track; the program green with no high risk and BAC 0', () => {
    const analysis = analyse(example('cancelled'));
    assert.deepEqual(analysis.diagnostics.map((d) => d.code), []);
    const json = toRollupJson(analysis);
    assert.deepEqual(json.milestones.map((m) => [m.id, m.status, m.forecast]), [['go-live', 'on-track', '2026-05-15'], ['portal-beta', 'cancelled', null]]);
    const web = byId(json.programs, 'web').figures;
    assert.deepEqual([web.health, web.risks.high, web.bac], ['green', 0, 0]);
  });

  it('rejected value: schema and milestone-at-risk, no overspent', () => {
    const analysis = analyse(example('rejected value'));
    // Sorted by place: the milestone (line 8) before the misspelt key.
    assert.deepEqual(analysis.diagnostics.map((d) => d.code), ['milestone-at-risk', 'schema']);
    assert.match(analysis.diagnostics[0].message, /app.*2026-03-14/);
    assert.equal([...analysis.index.projects].find((p: Project) => p.id === 'app')!.invalid.has('budget'), true);
  });

  it('rejected value and health: red from the rejected budget, status-mismatch for the slip and the milestone alone', () => {
    const text = example('rejected value and health');
    const analysis = analyse(text);
    assert.equal(analysis.rollup.programs.get(analysis.index.programs[0])!.figures.health, 'red');
    assert.deepEqual(analysis.diagnostics.map((d) => d.code), ['status-mismatch', 'milestone-at-risk', 'schema']);
    assert.equal(
      analysis.diagnostics[0].message,
      "Program 'mobile' is declared green but computes as amber: forecast 4 days after its planned end 2026-03-10; milestone 'store-release' at risk (due 2026-03-10, forecast 2026-03-14)",
    );
    // The milestone due after the forecast: no slip, nothing at risk, only the schema error.
    assert.deepEqual(analyse(text.replace('date: 2026-03-10', 'date: 2026-03-20')).diagnostics.map((d) => d.code), ['schema']);
  });
});
