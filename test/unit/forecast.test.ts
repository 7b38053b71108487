/**
 * The forecast of SPEC 5.1, on small workspaces whose every expected date is worked out by hand in the
 * comments (calendar days; February 2026 has 28 days). Read through `rollup --format json`'s shape.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlans, toRollupJson, type AnalysisOptions, type RollupJson } from '../../src/core';
import { byId, day, filesOf, repoRoot, yaml, type PlanInput } from '../utils/plans';

const at = (date: string): AnalysisOptions => ({ statusDate: day(date) });

function rollup(input: PlanInput, options: AnalysisOptions): RollupJson {
  return toRollupJson(analyzePlans(filesOf(input), options));
}

function forecastOf(json: RollupJson, id: string): [string | null | undefined, string | null] {
  const figures = byId(json.projects, id).figures;
  return [figures.forecastStart, figures.forecastEnd];
}

function milestone(json: RollupJson, id: string) {
  const found = json.milestones.find((m) => m.id === id);
  assert.ok(found, `milestone ${id}`);
  return found;
}

function diagnosticsOf(input: PlanInput, options: AnalysisOptions) {
  return analyzePlans(filesOf(input), options).diagnostics;
}

// One project planned Feb 1 .. Mar 2 (28 + 2 = 30 days) with a budget of 1,000: at S = Feb 15, 15 of its
// 30 days have passed, PV = 1,000 × 15/30 = 500.
// `column` is where its `- ` stands in the template, so the lines after it line up under `id:`.
const late = (id: string, progress: number, column: number, ...extra: string[]) =>
  [`- id: ${id}`, `name: ${id}`, 'start: 2026-02-01', 'end: 2026-03-02', 'budget: 1000', `progress: ${progress}`, ...extra]
    .map((line, i) => (i === 0 ? line : `${' '.repeat(column + 2)}${line}`))
    .join('\n');

describe('forecast (SPEC 5.1)', () => {
  describe('projects by state', () => {
    const text = yaml`
      program:
        id: p
        name: P
        projects:
          - id: finished
            name: Finished
            state: done
            progress: 100
            start: 2026-01-01
            end: 2026-01-31
          ${late('slow', 30, 10)}
          ${late('fast', 60, 10)}
          - id: unbudgeted
            name: Unbudgeted
            start: 2026-02-01
            end: 2026-03-02
            progress: 10
          - id: overdue
            name: Overdue
            start: 2026-01-01
            end: 2026-01-31
            budget: 1000
          ${late('paused', 30, 10, 'state: on-hold')}
    `;
    const json = rollup(text, at('2026-02-15'));

    it('done: as scheduled, even when the status date is later', () => {
      assert.deepEqual(forecastOf(json, 'finished'), ['2026-01-01', '2026-01-31']);
    });

    it('active with SPI < 1: ps + ceil((pe − ps + 1) / SPI) − 1', () => {
      // EV = 300, PV = 500 → SPI 0.6; Feb 1 + ceil(30 / 0.6 = 50) − 1 = Feb 1 + 49 days = Mar 22.
      assert.equal(byId(json.projects, 'slow').figures.spi, 0.6);
      assert.deepEqual(forecastOf(json, 'slow'), ['2026-02-01', '2026-03-22']);
    });

    it('active with SPI ≥ 1: the scheduled end', () => {
      // EV = 600, PV = 500 → SPI 1.2 → own = e = Mar 2.
      assert.deepEqual(forecastOf(json, 'fast'), ['2026-02-01', '2026-03-02']);
    });

    it('active with SPI null (no budget, PV 0): the scheduled end', () => {
      assert.equal(byId(json.projects, 'unbudgeted').figures.spi, null);
      assert.deepEqual(forecastOf(json, 'unbudgeted'), ['2026-02-01', '2026-03-02']);
    });

    it('an overdue active project is clamped to the status date', () => {
      // Planned to end Jan 31; progress 0 → SPI 0 → own = e = Jan 31 < S → forecast end = S = Feb 15.
      assert.deepEqual(forecastOf(json, 'overdue'), ['2026-01-01', '2026-02-15']);
    });

    it('on hold: its own pace, like active (work has begun)', () => {
      // The same figures as 'slow': SPI 0.6 → Mar 22.
      assert.equal(byId(json.projects, 'paused').state, 'on-hold');
      assert.deepEqual(forecastOf(json, 'paused'), ['2026-02-01', '2026-03-22']);
    });
  });

  describe('planned projects pushed by their dependencies', () => {
    const text = yaml`
      program:
        id: p
        name: P
        milestones:
          - id: gate
            name: Gate
            date: 2026-03-10
            depends_on: [up]
        projects:
          ${late('up', 30, 10)}
          - id: down
            name: Down
            depends_on: [up]
            duration: 10d
          - id: after-gate
            name: After the gate
            depends_on: [gate]
            duration: 5d
          - id: dropped
            name: Dropped
            state: cancelled
            start: 2026-03-01
            end: 2026-03-31
          - id: after-dropped
            name: After the dropped one
            depends_on: [dropped]
            start: 2026-03-20
            duration: 10d
          - id: unpushed
            name: Not pushed
            start: 2026-06-01
            duration: 10d
    `;
    const json = rollup(text, at('2026-02-15'));

    it('by a project: the day after its forecast end, keeping its length', () => {
      // up forecasts Mar 22 (SPI 0.6). down is scheduled Mar 3 .. Mar 12 (10 days), planned.
      // forecastStart = max(Mar 3, S Feb 15, Mar 22 + 1) = Mar 23; end = Mar 23 + (Mar 12 − Mar 3 = 9) = Apr 1.
      assert.equal(byId(json.projects, 'down').state, 'planned');
      assert.deepEqual(forecastOf(json, 'down'), ['2026-03-23', '2026-04-01']);
    });

    it('by a milestone: the day after its forecast date', () => {
      // gate: date Mar 10, depends on up → forecast max(Mar 10, Feb 15, Mar 22) = Mar 22, at risk.
      // after-gate: scheduled Mar 11 .. Mar 15 → max(Mar 11, Feb 15, Mar 22 + 1) = Mar 23 .. Mar 27.
      assert.deepEqual(milestone(json, 'gate'), {
        id: 'gate', name: 'Gate', owner: { kind: 'program', id: 'p' }, date: '2026-03-10', done: false, forecast: '2026-03-22', status: 'at-risk',
      });
      assert.deepEqual(forecastOf(json, 'after-gate'), ['2026-03-23', '2026-03-27']);
    });

    // v3: a cancelled project gives nothing to the forecast (it used to push by its scheduled end).
    it('not by a cancelled project: it waits for nothing from it; the cancelled one has no forecast', () => {
      // after-dropped: explicit start Mar 20, 10 days → Mar 29, kept although dropped was planned to end Mar 31.
      assert.deepEqual(forecastOf(json, 'dropped'), [null, null]);
      assert.deepEqual(forecastOf(json, 'after-dropped'), ['2026-03-20', '2026-03-29']);
    });

    it('a planned project with nothing pushing it keeps its dates', () => {
      assert.deepEqual(forecastOf(json, 'unpushed'), ['2026-06-01', '2026-06-10']);
    });

    it('never starts before the status date', () => {
      // Explicitly planned but due to start before S: starts at S, same length.
      const json2 = rollup(yaml`
        project:
          id: waiting
          name: Waiting
          state: planned
          start: 2026-02-01
          duration: 5d
      `, at('2026-02-15'));
      assert.deepEqual(forecastOf(json2, 'waiting'), ['2026-02-15', '2026-02-19']);
    });
  });

  it('flows down a chain of three projects in three files', () => {
    const files = {
      'a.plan.yaml': yaml`
        project:
          id: p1
          name: First
          start: 2026-02-01
          end: 2026-03-02
          budget: 1000
          progress: 30
      `,
      'b.plan.yaml': yaml`
        project:
          id: p2
          name: Second
          depends_on: [p1]
          duration: 10d
      `,
      'c.plan.yaml': yaml`
        project:
          id: p3
          name: Third
          depends_on: [p2]
          duration: 5d
      `,
    };
    const json = rollup(files, at('2026-02-15'));
    // p1 → Mar 22 (SPI 0.6); p2 scheduled Mar 3 .. Mar 12 → Mar 23 .. Apr 1;
    // p3 scheduled Mar 13 .. Mar 17 → max(Mar 13, Apr 1 + 1) = Apr 2 .. Apr 6.
    assert.deepEqual(forecastOf(json, 'p1'), ['2026-02-01', '2026-03-22']);
    assert.deepEqual(forecastOf(json, 'p2'), ['2026-03-23', '2026-04-01']);
    assert.deepEqual(forecastOf(json, 'p3'), ['2026-04-02', '2026-04-06']);
  });

  describe('milestones', () => {
    const text = yaml`
      program:
        id: p
        name: P
        milestones:
          - id: alone
            name: On its own
            date: 2026-04-01
          - id: past
            name: Past
            date: 2026-02-01
          - id: finished
            name: Finished
            date: 2026-01-10
            done: true
          - id: same-day
            name: Same day as its dependency
            date: 2026-03-22
            depends_on: [up]
          - id: day-before
            name: A day before its dependency
            date: 2026-03-21
            depends_on: [up]
        projects:
          ${late('up', 30, 10)}
    `;
    const json = rollup(text, at('2026-02-15'));

    it('without depends_on: its date, on track', () => {
      assert.equal(milestone(json, 'alone').forecast, '2026-04-01');
      assert.equal(milestone(json, 'alone').status, 'on-track');
    });

    it('missed: due before S and not done, forecast no earlier than S', () => {
      assert.equal(milestone(json, 'past').status, 'missed');
      assert.equal(milestone(json, 'past').forecast, '2026-02-15');
    });

    it('done: its date', () => {
      assert.deepEqual([milestone(json, 'finished').status, milestone(json, 'finished').forecast], ['done', '2026-01-10']);
    });

    it('a forecast equal to its date is on track; a day later is at risk', () => {
      // up forecasts Mar 22.
      assert.deepEqual([milestone(json, 'same-day').forecast, milestone(json, 'same-day').status], ['2026-03-22', 'on-track']);
      assert.deepEqual([milestone(json, 'day-before').forecast, milestone(json, 'day-before').status], ['2026-03-22', 'at-risk']);
    });

    it('milestone-at-risk on the date, naming the milestone, dates, days late and what it waits for', () => {
      const atRisk = diagnosticsOf(text, at('2026-02-15')).filter((d) => d.code === 'milestone-at-risk');
      assert.equal(atRisk.length, 1);
      assert.equal(atRisk[0].severity, 'warning');
      assert.equal(atRisk[0].message, "Milestone 'day-before' is due 2026-03-21 but forecast 2026-03-22 (1 day late): it waits for 'up', forecast to end 2026-03-22");
      // On the value of day-before's `date:`: line 21 (program, id, name, milestones, then 4 + 3 + 4 + 4 lines
      // of the milestones before it, then its id and name), after 6 spaces and `date: ` → column 13.
      assert.deepEqual([atRisk[0].range.start.line + 1, atRisk[0].range.start.character + 1], [21, 13]);
    });

    it('names where the slip starts when the dependency is itself pushed', () => {
      const diagnostics = diagnosticsOf(yaml`
        program:
          id: p
          name: P
          milestones:
            - id: launch
              name: Launch
              date: 2026-03-25
              depends_on: [down]
          projects:
            ${late('up', 30, 12)}
            - id: down
              name: Down
              depends_on: [up]
              duration: 10d
      `, at('2026-02-15'));
      const message = diagnostics.find((d) => d.code === 'milestone-at-risk')?.message;
      // down forecasts Mar 23 .. Apr 1 (pushed by up, 20 days late at SPI 0.6): 7 days after Mar 25.
      assert.equal(message, "Milestone 'launch' is due 2026-03-25 but forecast 2026-04-01 (7 days late): it waits for 'down', forecast to end 2026-04-01; the slip starts at 'up', 20 days late at its own pace (SPI 0.60)");
    });
  });

  describe('programs and health', () => {
    const text = {
      'launch.plan.yaml': yaml`
        program:
          id: shop
          name: Shop
          milestones:
            - id: launch
              name: Launch
              date: 2026-03-01
              depends_on: [ext]
          projects:
            - id: built
              name: Built
              state: done
              progress: 100
              start: 2026-01-01
              end: 2026-02-10
              budget: 1000
              spent: 1000
      `,
      'platform.plan.yaml': yaml`
        program:
          id: platform
          name: Platform
          projects:
            ${late('ext', 30, 12, 'spent: 300')}
      `,
    };
    const json = rollup(text, at('2026-02-15'));

    it("a program's forecast end comes from a late milestone", () => {
      // built ends Feb 10 (done); launch (due Mar 1) waits for ext, forecast Mar 22 → shop forecasts Mar 22.
      assert.equal(byId(json.programs, 'shop').figures.forecastEnd, '2026-03-22');
      assert.equal(byId(json.programs, 'shop').end, '2026-03-01');
      assert.equal(milestone(json, 'launch').status, 'at-risk');
    });

    it('a milestone at risk makes its holder amber (and only its holder)', () => {
      // shop: CPI = 1000/1000 = 1, SPI = 1000/1000 = 1, no risks or issues: amber only from launch.
      assert.equal(byId(json.programs, 'shop').figures.health, 'amber');
      assert.equal(byId(json.projects, 'built').figures.health, 'green');
    });

    it("a project's missed milestone makes the project amber, not its program", () => {
      const json2 = rollup(yaml`
        program:
          id: p
          name: P
          projects:
            - id: a
              name: A
              start: 2026-01-01
              end: 2026-03-31
              milestones:
                - id: beta
                  name: Beta
                  date: 2026-02-01
      `, at('2026-02-15'));
      assert.equal(byId(json2.projects, 'a').figures.health, 'amber');
      assert.equal(byId(json2.programs, 'p').figures.health, 'green');
    });

    it('ROI is null where no benefit is declared, and computed where one is', () => {
      const json2 = rollup(yaml`
        program:
          id: p
          name: P
          projects:
            - { id: none, name: None, start: 2026-01-01, end: 2026-01-31, budget: 1000 }
            - id: some
              name: Some
              start: 2026-01-01
              end: 2026-01-31
              budget: 1000
              benefits: [{ name: Savings, value: 2500 }]
      `, at('2026-02-15'));
      assert.deepEqual([byId(json2.projects, 'none').figures.roiPlanned, byId(json2.projects, 'none').figures.roiForecast], [null, null]);
      // (2500 − 1000) / 1000 = 1.5; EAC = 1000 (no spend: AC + BAC − EV = 0 + 1000 − 0).
      assert.deepEqual([byId(json2.projects, 'some').figures.roiPlanned, byId(json2.projects, 'some').figures.roiForecast], [1.5, 1.5]);
      // The program declares none of its own but has its projects': (2500 − 2000) / 2000 = 0.25.
      assert.equal(byId(json2.programs, 'p').figures.roiPlanned, 0.25);
    });
  });

  it('cancelled projects have no forecast and add none to their program', () => {
    const json = rollup(yaml`
      program:
        id: p
        name: P
        projects:
          - { id: kept, name: Kept, start: 2026-01-01, end: 2026-01-31 }
          - { id: gone, name: Gone, state: cancelled, start: 2026-01-01, end: 2026-12-31 }
    `, at('2026-01-15'));
    assert.deepEqual(forecastOf(json, 'gone'), [null, null]);
    assert.equal(byId(json.programs, 'p').figures.forecastEnd, '2026-01-31');
    assert.ok(!('forecastStart' in byId(json.programs, 'p').figures), 'forecastStart is for projects only');
  });
});

describe("docs/FORMAT.md's worked forecast example", () => {
  // The example is read from the doc itself, so the doc cannot drift from what the engine does.
  const format = fs.readFileSync(path.join(repoRoot, 'docs', 'FORMAT.md'), 'utf8');
  const section = format.slice(format.indexOf('## Forecast'));
  const example = /```yaml\n([\s\S]*?)```/.exec(section)![1];

  it('gives the dates, the status and the message the doc states', () => {
    const files = [{ path: 'shop.plan.yaml', text: example }];
    const json = toRollupJson(analyzePlans(files, at('2026-02-15')));
    assert.deepEqual(forecastOf(json, 'checkout-api'), ['2026-02-01', '2026-03-22']);
    assert.deepEqual(forecastOf(json, 'checkout'), ['2026-03-23', '2026-04-01']);
    assert.deepEqual([milestone(json, 'launch').forecast, milestone(json, 'launch').status], ['2026-04-01', 'at-risk']);
    assert.equal(byId(json.programs, 'shop').figures.forecastEnd, '2026-04-01');
    assert.equal(byId(json.programs, 'shop').figures.health, 'red');
    const analysis = analyzePlans(files, at('2026-02-15'));
    const reasons = [...analysis.rollup.programs.values()][0].healthReasons;
    assert.deepEqual(reasons, ['SPI 0.60 < 0.90'], 'red: only the red reasons are given');
    const message = analysis.diagnostics.find((d) => d.code === 'milestone-at-risk')!.message;
    assert.ok(section.includes(message.replace(/ /g, ' ')) || section.replace(/\s+/g, ' ').includes(message), `the doc quotes: ${message}`);
  });
});
