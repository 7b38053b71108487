/**
 * SPEC 5.2, earned schedule: es, at, spiT, svT, ieacT for projects, programs and portfolios.
 * Every expectation is worked out by hand in the comments. Days count inclusively: x = 1 is the end of
 * the first planned day, and at S = PS one day has passed (AT = 1).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlans, toRollupJson, type FiguresJson, type RollupJson } from '../../src/core';
import { byId, day, repoRoot, yaml } from '../utils/plans';

function rollup(text: string, statusDate: string): RollupJson {
  return toRollupJson(analyzePlans([{ path: 'p.plan.yaml', text }], { statusDate: day(statusDate) }));
}

function close(actual: number | null, expected: number | null, what: string): void {
  if (expected === null) return assert.equal(actual, null, `${what}: expected null, got ${actual}`);
  assert.ok(actual !== null && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: expected ${expected}, got ${actual}`);
}

function schedule(f: FiguresJson, expected: { es: number | null; at: number | null; spiT: number | null; svT: number | null; ieacT: string | null }, who: string): void {
  close(f.es, expected.es, `${who}.es`);
  close(f.at, expected.at, `${who}.at`);
  close(f.spiT, expected.spiT, `${who}.spiT`);
  close(f.svT, expected.svT, `${who}.svT`);
  assert.equal(f.ieacT, expected.ieacT, `${who}.ieacT`);
}

/** The worked example of docs/FORMAT.md ("Earned schedule"), read from the document itself. */
function formatExample(): string {
  const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'FORMAT.md'), 'utf8');
  const section = doc.slice(doc.indexOf('### Earned schedule'));
  const match = /```yaml\n([\s\S]*?)```/.exec(section);
  assert.ok(match, 'docs/FORMAT.md has the earned schedule example');
  return match[1];
}

/** A program of design (2026-01-01 .. 01-10) and build (01-06 .. 01-25), each with the extra fields given. */
const twoProjects = (design: readonly string[], build: readonly string[]) =>
  [
    'program:',
    '  id: pg',
    '  name: Program',
    '  projects:',
    '    - id: design',
    '      name: Design',
    '      start: 2026-01-01',
    '      end: 2026-01-10',
    ...design.map((line) => `      ${line}`),
    '    - id: build',
    '      name: Build',
    '      start: 2026-01-06',
    '      end: 2026-01-25',
    ...build.map((line) => `      ${line}`),
    '',
  ].join('\n');

describe('earned schedule (SPEC 5.2)', () => {
  it('one project: ES = PD × progress / 100', () => {
    // 2026-01-01 .. 2026-01-30: PD = 30; progress 40 → ES = 12. S = 2026-01-20 → AT = 20.
    // SPI(t) = 12/20 = 0.6, SV(t) = −8; IEAC(t) = PS + ceil(30 / 0.6) − 1 = Jan 1 + 49 = 2026-02-19.
    const json = rollup(
      yaml`
        project:
          id: p
          name: P
          start: 2026-01-01
          end: 2026-01-30
          budget: 600
          progress: 40
      `,
      '2026-01-20',
    );
    schedule(byId(json.projects, 'p').figures, { es: 12, at: 20, spiT: 0.6, svT: -8, ieacT: '2026-02-19' }, 'p');
  });

  it('the worked example of docs/FORMAT.md: a program of two overlapping projects', () => {
    // design 01-01..01-10 (BAC 1000, 80 %), build 01-06..01-25 (BAC 2000, 20 %); S = 2026-01-15.
    // PS = 01-01, PE = 01-25: PD = 25, AT = 15. EV = 800 + 400 = 1200.
    // PV(x) = 100x on [0, 5]; 100x + 100(x − 5) = 200x − 500 on [5, 10] (PV(10) = 1500).
    // 200x − 500 = 1200 → ES = 8.5. SPI(t) = 8.5/15, SV(t) = −6.5.
    // IEAC(t) = 01-01 + ceil(25 × 15 / 8.5) − 1 = ceil(44.117…) = 45 → 01-01 + 44 = 2026-02-14.
    const json = rollup(formatExample(), '2026-01-15');
    const program = byId(json.programs, 'es-example');
    schedule(program.figures, { es: 8.5, at: 15, spiT: 8.5 / 15, svT: -6.5, ieacT: '2026-02-14' }, 'es-example');
    // Each project on its own line: design ES = 10 × 0.8 = 8, AT = 15; build ES = 20 × 0.2 = 4, AT = 10.
    // design: IEAC(t) = 01-01 + ceil(10 × 15 / 8) − 1 = ceil(18.75) = 19 → 2026-01-19.
    // build:  IEAC(t) = 01-06 + ceil(20 × 10 / 4) − 1 = 50 → 01-06 + 49 = 2026-02-24.
    schedule(byId(json.projects, 'design').figures, { es: 8, at: 15, spiT: 8 / 15, svT: -7, ieacT: '2026-01-19' }, 'design');
    schedule(byId(json.projects, 'build').figures, { es: 4, at: 10, spiT: 0.4, svT: -6, ieacT: '2026-02-24' }, 'build');
  });

  it('a portfolio is the set of all its programs\' projects (not a mean of the programs)', () => {
    // The example's two projects in two programs of one portfolio: the same curve, so the same ES 8.5.
    const text = yaml`
      portfolio:
        id: pf
        name: PF
        programs:
          - id: a
            name: A
            projects:
              - id: design
                name: Design
                start: 2026-01-01
                end: 2026-01-10
                budget: 1000
                progress: 80
          - id: b
            name: B
            projects:
              - id: build
                name: Build
                start: 2026-01-06
                end: 2026-01-25
                budget: 2000
                progress: 20
    `;
    const json = rollup(text, '2026-01-15');
    schedule(byId(json.portfolios, 'pf').figures, { es: 8.5, at: 15, spiT: 8.5 / 15, svT: -6.5, ieacT: '2026-02-14' }, 'pf');
    // Program b alone is build alone: PS = 01-06, ES = 4, AT = 10.
    schedule(byId(json.programs, 'b').figures, { es: 4, at: 10, spiT: 0.4, svT: -6, ieacT: '2026-02-24' }, 'b');
  });

  it('where Σ BAC = 0 every project weighs 1', () => {
    // No budgets: EV = 0.8 + 0.2 = 1. PV(x) = x/10 + (x − 5)/20 = (3x − 5)/20 on [5, 10]; = 1 → ES = 25/3.
    // AT = 15: SPI(t) = (25/3)/15 = 5/9, SV(t) = 25/3 − 15 = −20/3.
    // IEAC(t) = 01-01 + ceil(25 × 15 / (25/3)) − 1 = 45 exactly (44.99… or 45.00…01 in floating point) → 2026-02-14.
    const json = rollup(twoProjects(['progress: 80'], ['progress: 20']), '2026-01-15');
    schedule(byId(json.programs, 'pg').figures, { es: 25 / 3, at: 15, spiT: 5 / 9, svT: -20 / 3, ieacT: '2026-02-14' }, 'pg');
  });

  it('a project without budget weighs nothing when another has one', () => {
    // design has BAC 0: EV = build's 400, PV(x) = 2000 × (x − 5)/20 = 100(x − 5) → ES = 9 (not 8.5).
    const json = rollup(twoProjects(['progress: 80'], ['budget: 2000', 'progress: 20']), '2026-01-15');
    close(byId(json.programs, 'pg').figures.es, 9, 'pg.es');
  });

  it('a gap in the plan: ES is the first day the curve reaches EV, not the end of the flat stretch', () => {
    // a 01-01..01-10 done (BAC 100), b 01-21..01-30 (BAC 100) not started: EV = 100.
    // PV(10) = 100 already, flat until day 20: ES = 10. S = 2026-01-25 → AT = 25; IEAC(t) = ceil(30 × 25 / 10) = 75 → 01-01 + 74 = 2026-03-16.
    const json = rollup(
      yaml`
        program:
          id: pg
          name: Program
          projects:
            - id: a
              name: A
              start: 2026-01-01
              end: 2026-01-10
              budget: 100
              state: done
              progress: 100
            - id: b
              name: B
              start: 2026-01-21
              end: 2026-01-30
              budget: 100
      `,
      '2026-01-25',
    );
    schedule(byId(json.programs, 'pg').figures, { es: 10, at: 25, spiT: 0.4, svT: -15, ieacT: '2026-03-16' }, 'pg');
  });

  it('a tie that floating point misses: EV = 0.1 + 0.2 is exactly the 0.3 of the curve\'s flat stretch', () => {
    // a 01-01..01-10 (BAC 0.3, 0 %), b and c 01-21..01-30 (BAC 10, 1 % and 2 %): EV = 0 + 0.1 + 0.2 = 0.3,
    // 0.30000000000000004 in floating point. PV(10) = 0.3 (a's whole weight), flat until day 20: ES = 10,
    // not 20 and a bit. S = 2026-01-20: AT = 20, SPI(t) = 0.5; IEAC(t) = 01-01 + ceil(30 / 0.5) − 1 = 2026-03-01.
    const project = (id: string, start: string, end: string, budget: string, progress: number) =>
      [`    - id: ${id}`, `      name: ${id}`, `      start: ${start}`, `      end: ${end}`, `      budget: ${budget}`, `      progress: ${progress}`];
    const text = [
      'program:',
      '  id: pg',
      '  name: Program',
      '  projects:',
      ...project('a', '2026-01-01', '2026-01-10', '0.3', 0),
      ...project('b', '2026-01-21', '2026-01-30', '10', 1),
      ...project('c', '2026-01-21', '2026-01-30', '10', 2),
      '',
    ].join('\n');
    schedule(byId(rollup(text, '2026-01-20').programs, 'pg').figures, { es: 10, at: 20, spiT: 0.5, svT: -10, ieacT: '2026-03-01' }, 'pg');
  });

  it('a plan of many years (found by bisecting the days, not walking them) gives the same kind of answer', () => {
    // design 01-01..01-10 (BAC 1000, 80 %), build 2026-01-06..2047-11-26 (7995 days, BAC 799500 = 100 a day, 0 %).
    // PD = 5 + 7995 = 8000 (over the walk's limit of 8 × 2 + 4096 days). EV = 800.
    // PV(x) = 100x + 100(x − 5) = 200x − 500 on [5, 10] → ES = 6.5; S = 2026-01-15 → AT = 15.
    // IEAC(t) = 01-01 + ceil(8000 × 15 / 6.5) − 1 = ceil(18461.5…) − 1 = 18461 days → 2076-07-18.
    const text = twoProjects(['budget: 1000', 'progress: 80'], ['budget: 799500']).replace('end: 2026-01-25', 'end: 2047-11-26');
    schedule(byId(rollup(text, '2026-01-15').programs, 'pg').figures, { es: 6.5, at: 15, spiT: 6.5 / 15, svT: -8.5, ieacT: '2076-07-18' }, 'pg');
  });

  it('all projects done: ieacT is null, the other figures are reported', () => {
    // Both at 100 %: EV = 3000 = PV(25) → ES = 25; S = 2026-01-20 → AT = 20, SPI(t) = 1.25, SV(t) = 5.
    const json = rollup(twoProjects(['budget: 1000', 'progress: 100'], ['budget: 2000', 'progress: 100']), '2026-01-20');
    schedule(byId(json.programs, 'pg').figures, { es: 25, at: 20, spiT: 1.25, svT: 5, ieacT: null }, 'pg');
    schedule(byId(json.projects, 'design').figures, { es: 10, at: 20, spiT: 0.5, svT: -10, ieacT: null }, 'design');
  });

  it('AT = 0 (status date before the plan starts): spiT, svT and ieacT are null', () => {
    // S = 2025-12-31, the day before PS: AT = max(0, −1 + 1) = 0. Progress 0: ES = 0.
    const json = rollup(twoProjects(['budget: 1000'], ['budget: 2000']), '2025-12-31');
    schedule(byId(json.programs, 'pg').figures, { es: 0, at: 0, spiT: null, svT: null, ieacT: null }, 'pg');
    schedule(byId(json.projects, 'build').figures, { es: 0, at: 0, spiT: null, svT: null, ieacT: null }, 'build');
  });

  it('no work earned: spiT 0 and no forecast end by earned schedule', () => {
    // Progress 0 everywhere: ES = 0; S = 2026-01-05 → AT = 5, SPI(t) = 0, SV(t) = −5, IEAC(t) null (spiT not > 0).
    const json = rollup(twoProjects(['budget: 1000'], ['budget: 2000']), '2026-01-05');
    schedule(byId(json.programs, 'pg').figures, { es: 0, at: 5, spiT: 0, svT: -5, ieacT: null }, 'pg');
  });

  it('spiT exactly 0.95: the forecast day count is exact, not one day later', () => {
    // 2026-01-01 .. 2026-02-26: PD = 57; progress 65 → ES = 57 × 0.65 = 37.05; S = 2026-02-08 → AT = 39.
    // SPI(t) = 37.05 / 39 = 0.95 exactly; PD / SPI(t) = 57 / 0.95 = 60 exactly (60.00000000000001 in floating
    // point, whose ceiling would be 61). IEAC(t) = 01-01 + 60 − 1 = 2026-03-01.
    const json = rollup(
      yaml`
        project:
          id: p
          name: P
          start: 2026-01-01
          end: 2026-02-26
          budget: 1000
          progress: 65
      `,
      '2026-02-08',
    );
    const f = byId(json.projects, 'p').figures;
    schedule(f, { es: 37.05, at: 39, spiT: 0.95, svT: 37.05 - 39, ieacT: '2026-03-01' }, 'p');
    // Green-side where it is compared with the 0.95 threshold: the float is not below it.
    assert.ok(f.spiT! >= 0.95, `spiT ${f.spiT} is not below 0.95`);
  });

  it('cancelled projects have no earned schedule and are left out of the sets', () => {
    // build cancelled: the program is design alone: ES = 8, AT = 15, IEAC(t) = 2026-01-19 (as in the example).
    const json = rollup(twoProjects(['budget: 1000', 'progress: 80'], ['budget: 2000', 'progress: 20', 'state: cancelled']), '2026-01-15');
    schedule(byId(json.projects, 'build').figures, { es: null, at: null, spiT: null, svT: null, ieacT: null }, 'build');
    schedule(byId(json.programs, 'pg').figures, { es: 8, at: 15, spiT: 8 / 15, svT: -7, ieacT: '2026-01-19' }, 'pg');
  });

  it('a program with no counted projects has none', () => {
    const json = rollup(yaml`
      program:
        id: pg
        name: Program
    `, '2026-01-15');
    schedule(byId(json.programs, 'pg').figures, { es: null, at: null, spiT: null, svT: null, ieacT: null }, 'pg');
  });
});
