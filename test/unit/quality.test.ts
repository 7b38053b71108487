/**
 * Schedule quality (SPEC 11), metric by metric, on small workspaces whose every count is worked out by
 * hand in the comments, with the boundaries: exactly 5 % passes, cpli exactly 0.95 passes, a metric
 * with nothing to count is null and passes.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlans, buildRoadmap, buildSteeringReport, defaultQualityThresholds, effectiveQualityThresholds, joinRoadmap, readTeamSettings, roadmapDetails, roadmapOutline, steeringReportHtml, qualityMetricIds, qualityText, qualityThresholdText, qualityValueText, scheduleQuality, type AnalysisOptions, type QualityMetric, type QualityMetricId, type ScheduleQuality } from '../../src/core';
import { day, filesOf, repoRoot, type PlanInput } from '../utils/plans';

type Fields = Record<string, string | number | boolean | readonly string[]>;

/** A project as plan-file lines under a program's `projects:`. */
function projectLines(id: string, fields: Fields): string[] {
  const lines = [`    - id: ${id}`, `      name: ${id}`];
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'team') lines.push('      team:', ...(value as string[]).map((person) => `        - person: ${person}`));
    else lines.push(`      ${key}: ${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}`);
  }
  return lines;
}

/** A program document: `head` lines under `program:` (after id and name), then its projects. */
function program(id: string, projects: Record<string, Fields>, head: readonly string[] = []): string {
  const body = Object.entries(projects).flatMap(([pid, fields]) => projectLines(pid, fields));
  return ['version: 1', 'program:', `  id: ${id}`, `  name: Program ${id}`, ...head.map((l) => `  ${l}`), ...(body.length > 0 ? ['  projects:', ...body] : []), ''].join('\n');
}

const S = '2026-03-01';
const at = (date = S): AnalysisOptions => ({ statusDate: day(date) });

function quality(input: PlanInput, options: AnalysisOptions = at(), thresholds = defaultQualityThresholds): ScheduleQuality {
  const analysis = analyzePlans(filesOf(input), options);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => d.message), [], 'the fixture is a valid plan');
  return scheduleQuality(analysis, thresholds);
}

function metricOf(q: ScheduleQuality, id: QualityMetricId, scope: string | null = null): QualityMetric {
  const found = q.scopes.find((s) => s.id === scope)?.metrics.find((m) => m.id === id);
  assert.ok(found, `${id} of ${scope ?? 'the workspace'}`);
  return found;
}

/** value, pass, count, total and offenders in one line, for compact expectations. */
const summary = (m: QualityMetric) => ({ value: m.value, pass: m.pass, count: m.count, total: m.total, offenders: m.offenders });

/** n projects in a chain (each depends on the one before), every one linked. */
function chain(n: number, prefix = 'c'): Record<string, Fields> {
  const projects: Record<string, Fields> = {};
  for (let i = 1; i <= n; i++) projects[`${prefix}${i}`] = i === 1 ? { start: '2026-04-01', duration: '5d', budget: 100 } : { depends_on: [`${prefix}${i - 1}`], duration: '5d', budget: 100 };
  return projects;
}

describe('schedule quality (SPEC 11)', () => {
  describe('missing-logic', () => {
    it('exactly 5 % passes: 1 of 20 projects without links; 2 of 21 (9.52 %) fails', () => {
      // c1 … c19 a chain (each linked), lone without any depends_on link: 1 / 20 × 100 = 5 ≤ 5.
      const passes = quality(program('pg', { ...chain(19), lone: { start: '2026-04-01', duration: '5d', budget: 1 } }));
      assert.deepEqual(summary(metricOf(passes, 'missing-logic')), { value: 5, pass: true, count: 1, total: 20, offenders: ['lone'] });
      // A second one: 2 / 21 × 100 = 9.5238… > 5.
      const fails = quality(program('pg', { ...chain(19), lone: { start: '2026-04-01', duration: '5d', budget: 1 }, alone: { start: '2026-04-01', duration: '5d', budget: 1 } }));
      const m = metricOf(fails, 'missing-logic');
      assert.deepEqual({ pass: m.pass, count: m.count, total: m.total, offenders: m.offenders }, { pass: false, count: 2, total: 21, offenders: ['alone', 'lone'] });
      assert.equal(m.value, 200 / 21);
    });

    it('links count across programs and through milestones, not to or from cancelled projects', () => {
      const one = program('one', {
        // b depends on a's milestone: a has a dependent, b a dependency.
        a: { start: '2026-04-01', duration: '5d', budget: 1 },
        b: { depends_on: ['a-done'], duration: '5d', budget: 1 },
        // c's own milestone depends on d: c has a dependency, d a dependent.
        c: { start: '2026-04-01', duration: '5d', budget: 1 },
        d: { start: '2026-04-01', duration: '5d', budget: 1 },
        // e depends on x in program two: both linked.
        e: { depends_on: ['x'], duration: '5d', budget: 1 },
        // f depends on the cancelled g only: no logic; g is out of scope.
        f: { depends_on: ['g'], duration: '5d', budget: 1 },
        g: { start: '2026-04-01', duration: '5d', state: 'cancelled', budget: 1 },
        // h's own milestone depends on h: a link within one project is no logic.
        h: { start: '2026-04-01', duration: '5d', budget: 1 },
        // k depends on a milestone of the cancelled g: no logic.
        k: { depends_on: ['g-done'], duration: '5d', budget: 1 },
        // m depends on the program's milestone (which itself depends on nothing): a link.
        m: { depends_on: ['gate'], duration: '5d', budget: 1 },
      }, ['milestones:', '  - { id: gate, name: Gate, date: 2026-03-20 }']);
      // The projects' milestones, as flow mappings under their names.
      const text = one
        .replace('      name: a\n', '      name: a\n      milestones:\n        - { id: a-done, name: A done, date: 2026-04-05 }\n')
        .replace('      name: c\n', '      name: c\n      milestones:\n        - { id: c-done, name: C done, date: 2026-04-05, depends_on: [d] }\n')
        .replace('      name: g\n', '      name: g\n      milestones:\n        - { id: g-done, name: G done, date: 2026-04-05 }\n')
        .replace('      name: h\n', '      name: h\n      milestones:\n        - { id: h-done, name: H done, date: 2026-04-05, depends_on: [h] }\n');
      const two = program('two', { x: { start: '2026-04-01', duration: '5d', budget: 1 }, y: { start: '2026-04-01', duration: '5d', budget: 1 } });
      const q = quality({ 'one.plan.yaml': text, 'two.plan.yaml': two });
      // one: a b c d e m linked; f, h, k not; g cancelled (out). 3 of 9 = 33.3 %.
      assert.deepEqual(metricOf(q, 'missing-logic', 'one').offenders, ['f', 'h', 'k']);
      assert.equal(metricOf(q, 'missing-logic', 'one').total, 9);
      // two: x linked (from e), y not. Workspace: 4 of 11.
      assert.deepEqual(metricOf(q, 'missing-logic', 'two').offenders, ['y']);
      assert.deepEqual(summary(metricOf(q, 'missing-logic')), { value: (4 * 100) / 11, pass: false, count: 4, total: 11, offenders: ['f', 'h', 'k', 'y'] });
    });

    it('a cancelled project depending on a live one gives it no dependent', () => {
      // b (cancelled) depends on a: a has no logic; d depends on c: both linked. 1 of 3 in scope.
      const q = quality(program('pg', {
        a: { start: '2026-04-01', duration: '5d', budget: 1 },
        b: { depends_on: ['a'], duration: '5d', budget: 1, state: 'cancelled' },
        c: { start: '2026-04-01', duration: '5d', budget: 1 },
        d: { depends_on: ['c'], duration: '5d', budget: 1 },
      }));
      assert.deepEqual(summary(metricOf(q, 'missing-logic')), { value: 100 / 3, pass: false, count: 1, total: 3, offenders: ['a'] });
    });

    it('counts only in programs of two or more projects in scope; all scope projects are the denominator', () => {
      // solo's program has one project (and a cancelled one): no missing logic; the unassigned project neither.
      const solo = program('solo', { s1: { start: '2026-04-01', duration: '5d', budget: 1 }, s2: { start: '2026-04-01', duration: '5d', budget: 1, state: 'cancelled' } });
      const loose = 'version: 1\nproject:\n  id: u\n  name: u\n  start: 2026-04-01\n  duration: 5d\n  budget: 1\n';
      const q = quality({ 'solo.plan.yaml': solo, 'u.plan.yaml': loose });
      assert.deepEqual(summary(metricOf(q, 'missing-logic')), { value: 0, pass: true, count: 0, total: 2, offenders: [] });
    });
  });

  it('hard-constraints: an explicit start with depends_on', () => {
    // b: start and depends_on (1); c: depends_on only; a: start only. 1 of 3 = 33.3 %.
    const q = quality(program('pg', {
      a: { start: '2026-04-01', duration: '5d', budget: 1 },
      b: { start: '2026-04-10', depends_on: ['a'], duration: '5d', budget: 1 },
      c: { depends_on: ['a'], duration: '5d', budget: 1 },
    }));
    assert.deepEqual(summary(metricOf(q, 'hard-constraints')), { value: 100 / 3, pass: false, count: 1, total: 3, offenders: ['b'] });
  });

  it('high-float: more than 44 days, of the projects with a float', () => {
    // long: Apr 1 + 100d − 1 = Jul 9, the program's end, float 0. f44: 56 days, latest start = Jul 9 − 56 + 1
    // = May 15, float = May 15 − Apr 1 = 44 (not high). f45: 55 days, float 45 (high). loose (no program): no float.
    const q = quality({
      'p.plan.yaml': program('pg', {
        long: { start: '2026-04-01', duration: '100d', budget: 1 },
        f44: { start: '2026-04-01', duration: '56d', budget: 1 },
        f45: { start: '2026-04-01', duration: '55d', budget: 1 },
      }),
      'u.plan.yaml': 'version: 1\nproject:\n  id: loose\n  name: loose\n  start: 2026-04-01\n  duration: 5d\n  budget: 1\n',
    });
    assert.deepEqual(summary(metricOf(q, 'high-float')), { value: 100 / 3, pass: false, count: 1, total: 3, offenders: ['f45'] });
    assert.deepEqual(summary(metricOf(q, 'negative-float')), { value: 0, pass: true, count: 0, total: 3, offenders: [] });
  });

  it('negative-float: a count, failing at 1', () => {
    // a: Apr 1 .. Apr 10; b depends on a but starts Apr 5 (explicit), ends Apr 14 = program end, float 0.
    // a: latest finish = b's latest start − 1 = Apr 4, latest start = Apr 4 − 10 + 1 = Mar 26, float −6.
    const q = quality(program('pg', {
      a: { start: '2026-04-01', duration: '10d', budget: 1 },
      b: { start: '2026-04-05', depends_on: ['a'], duration: '10d', budget: 1 },
    }));
    assert.deepEqual(summary(metricOf(q, 'negative-float')), { value: 1, pass: false, count: 1, total: 2, offenders: ['a'] });
    // With a threshold of 1 it passes (count ≤ threshold).
    const lenient = scheduleQuality(analyzePlans(filesOf(program('pg', { a: { start: '2026-04-01', duration: '10d', budget: 1 }, b: { start: '2026-04-05', depends_on: ['a'], duration: '10d', budget: 1 } })), at()), { ...defaultQualityThresholds, 'negative-float': 1 });
    assert.equal(metricOf(lenient, 'negative-float').pass, true);
  });

  it('invalid-dates: planned but started before S, done but ending after S', () => {
    // S = Mar 1. p1 planned from Feb 28 (before S: invalid); p2 planned from Mar 1 (= S: fine);
    // d1 done ending Mar 2 (after S: invalid); d2 done ending Mar 1 (fine); d3 progress 100 (done) ending Mar 5 (invalid).
    const q = quality(program('pg', {
      p1: { start: '2026-02-28', duration: '5d', state: 'planned', budget: 1 },
      p2: { start: '2026-03-01', duration: '5d', state: 'planned', budget: 1 },
      d1: { start: '2026-02-01', end: '2026-03-02', state: 'done', progress: 100, budget: 1 },
      d2: { start: '2026-02-01', end: '2026-03-01', state: 'done', progress: 100, budget: 1 },
      d3: { start: '2026-02-01', end: '2026-03-05', progress: 100, budget: 1 },
    }));
    assert.deepEqual(summary(metricOf(q, 'invalid-dates')), { value: 3, pass: false, count: 3, total: 5, offenders: ['d1', 'd3', 'p1'] });
  });

  it('missing-resources: BAC 0 and no team entry', () => {
    // none: no budget, no team; zero: budget 0; based: budget 0 but a baseline budget (BAC 1000); staffed: a team.
    const q = quality(program('pg', {
      none: { start: '2026-04-01', duration: '5d' },
      zero: { start: '2026-04-01', duration: '5d', budget: 0 },
      based: { start: '2026-04-01', duration: '5d', budget: 0, baseline: '{ budget: 1000 }' },
      staffed: { start: '2026-04-01', duration: '5d', team: ['ann'] },
    }, []) + '---\nversion: 1\npeople:\n  - { id: ann }\n');
    assert.deepEqual(summary(metricOf(q, 'missing-resources')), { value: 50, pass: false, count: 2, total: 4, offenders: ['none', 'zero'] });
  });

  describe('missed and bei', () => {
    /** n projects ending by S done, `late` ending by S not done, `early` done ending after S. */
    const projects = (done: number, late: number, early = 0): Record<string, Fields> => {
      const list: Record<string, Fields> = {};
      for (let i = 1; i <= done; i++) list[`d${String(i).padStart(2, '0')}`] = { start: '2026-02-01', end: '2026-02-20', state: 'done', progress: 100, budget: 1 };
      for (let i = 1; i <= late; i++) list[`l${i}`] = { start: '2026-02-01', end: '2026-03-01', state: 'active', progress: 50, budget: 1 };
      for (let i = 1; i <= early; i++) list[`e${i}`] = { start: '2026-02-01', end: '2026-02-20', state: 'done', progress: 100, budget: 1, baseline: '{ end: 2026-04-30 }' };
      return list;
    };

    it('19 of 20 due done: missed exactly 5 % and bei exactly 0.95 pass', () => {
      // l1 ends on S (Mar 1 ≤ S: due) and is not done: missed 1 / 20 × 100 = 5; bei = 19 / 20 = 0.95.
      const q = quality(program('pg', projects(19, 1)));
      assert.deepEqual(summary(metricOf(q, 'missed')), { value: 5, pass: true, count: 1, total: 20, offenders: ['l1'] });
      assert.deepEqual(summary(metricOf(q, 'bei')), { value: 0.95, pass: true, count: 19, total: 20, offenders: ['l1'] });
    });

    it('18 of 19 due done: bei 0.947… fails, missed 5.26 % fails', () => {
      const q = quality(program('pg', projects(18, 1)));
      assert.equal(metricOf(q, 'bei').pass, false);
      assert.equal(metricOf(q, 'bei').value, 18 / 19);
      assert.equal(metricOf(q, 'missed').pass, false);
      // Written so that a failing value never reads as its threshold: not "0.95 ≥ 0.95".
      const bei = qualityText(q).split('\n').find((line) => /FAIL\s+bei/.test(line))!;
      assert.match(bei, /FAIL\s+bei\s+0\.947\s+≥ 0\.95 /);
      assert.equal(qualityValueText({ id: 'missed', value: 5.04, threshold: 5 }), '5.04%');
      assert.equal(qualityValueText({ id: 'missed', value: 5.26, threshold: 5 }), '5.3%');
      assert.equal(qualityValueText({ id: 'bei', value: 0.95, threshold: 0.95 }), '0.95');
      // A threshold set with three decimals is written with them.
      assert.equal(qualityThresholdText({ id: 'bei', threshold: 0.951 }), '≥ 0.951');
      assert.equal(qualityThresholdText({ id: 'missed', threshold: 5 }), '≤ 5%');
    });

    it('bei counts early finishes too and may exceed 1; the planned end is the baseline end', () => {
      // d01, d02 due and done; e1 done but planned (baseline) to end Apr 30, after S: bei = 3 / 2 = 1.5.
      const q = quality(program('pg', projects(2, 0, 1)));
      assert.deepEqual(summary(metricOf(q, 'bei')), { value: 1.5, pass: true, count: 3, total: 2, offenders: [] });
      assert.deepEqual(summary(metricOf(q, 'missed')), { value: 0, pass: true, count: 0, total: 2, offenders: [] });
    });
  });

  describe('cpli', () => {
    // S = Mar 1. One planned project Mar 2 .. Mar 20: the program's forecast end is Mar 20,
    // forecastEnd − S + 1 = 20 days.
    const work = { w: { start: '2026-03-02', end: '2026-03-20', budget: 1 } };

    it('exactly 0.95 passes: declared end Mar 19, (Mar 19 − Mar 1 + 1) / 20 = 19 / 20', () => {
      const q = quality(program('pg', work, ['end: 2026-03-19']));
      assert.deepEqual(summary(metricOf(q, 'cpli', 'pg')), { value: 0.95, pass: true, count: 1, total: 1, offenders: [] });
    });

    it('end Mar 18: 18 / 20 = 0.9 fails; the workspace takes the lowest program; end before S is negative', () => {
      const q = quality({
        'a.plan.yaml': program('a', work, ['end: 2026-03-18']),
        'b.plan.yaml': program('b', { v: { start: '2026-03-02', end: '2026-03-20', budget: 1 } }, ['end: 2026-03-19']),
        // Declared end Feb 20, before S: (Feb 20 − Mar 1 + 1) / 20 = (−9 + 1) / 20 = −0.4.
        'c.plan.yaml': program('c', { u: { start: '2026-03-02', end: '2026-03-20', budget: 1 } }, ['end: 2026-02-20']),
        // No declared end: no cpli.
        'd.plan.yaml': program('d', { t: { start: '2026-03-02', end: '2026-03-20', budget: 1 } }),
      });
      assert.deepEqual(summary(metricOf(q, 'cpli', 'a')), { value: 0.9, pass: false, count: 1, total: 1, offenders: ['a'] });
      assert.equal(metricOf(q, 'cpli', 'c').value, -0.4);
      assert.deepEqual(summary(metricOf(q, 'cpli', 'd')), { value: null, pass: true, count: 0, total: 1, offenders: [] });
      assert.deepEqual(summary(metricOf(q, 'cpli')), { value: -0.4, pass: false, count: 3, total: 4, offenders: ['a', 'c'] });
    });

    it('a forecast end on S counts: (Mar 10 − Mar 1 + 1) / (Mar 1 − Mar 1 + 1) = 10', () => {
      const q = quality(program('pg', { w: { start: '2026-02-01', end: '2026-03-01', state: 'done', progress: 100, budget: 1 } }, ['end: 2026-03-10']));
      assert.deepEqual(summary(metricOf(q, 'cpli', 'pg')), { value: 10, pass: true, count: 1, total: 1, offenders: [] });
    });

    it('a program whose forecast end is before S has no cpli', () => {
      const q = quality(program('pg', { w: { start: '2026-02-01', end: '2026-02-20', state: 'done', progress: 100, budget: 1 } }, ['end: 2026-02-25']));
      assert.deepEqual(summary(metricOf(q, 'cpli', 'pg')), { value: null, pass: true, count: 0, total: 1, offenders: [] });
    });
  });

  it('nothing to count: every metric null and passing; cancelled projects count nowhere', () => {
    const q = quality(program('pg', { gone: { start: '2026-01-01', end: '2026-02-01', state: 'cancelled' } }));
    for (const scope of q.scopes) {
      assert.deepEqual(scope.metrics.map((m) => m.id), [...qualityMetricIds]);
      for (const m of scope.metrics) assert.deepEqual({ id: m.id, value: m.value, pass: m.pass, count: m.count, total: m.total }, { id: m.id, value: null, pass: true, count: 0, total: m.id === 'cpli' ? 1 : 0 });
    }
  });

  it('scopes: the workspace first, then programs by id; thresholds as given', () => {
    const q = quality({ 'z.plan.yaml': program('zeta', chain(2, 'z')), 'a.plan.yaml': program('alpha', chain(2, 'a')), 'm.plan.yaml': program('Mid', chain(2, 'm')) });
    assert.deepEqual(q.scopes.map((s) => [s.kind, s.id]), [['workspace', null], ['program', 'Mid'], ['program', 'alpha'], ['program', 'zeta']]);
    assert.deepEqual(q.scopes[0].metrics.map((m) => m.threshold), qualityMetricIds.map((id) => defaultQualityThresholds[id]));
  });

  describe('thresholds in .plan-as-code.yaml (quality.<metric>)', () => {
    const read = (text: string) => readTeamSettings('.plan-as-code.yaml', text);
    const problems = (text: string) => read(text).diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);

    it('reads each metric\'s threshold; the rest keep their defaults; editor overrides win', () => {
      const file = read('version: 1\nquality:\n  missing-logic: 10\n  cpli: 0.9\n');
      assert.deepEqual(file.diagnostics, []);
      assert.deepEqual(file.settings.quality, { 'missing-logic': 10, cpli: 0.9 });
      const effective = effectiveQualityThresholds(file.settings, { cpli: 0.8 });
      assert.deepEqual(effective, { ...defaultQualityThresholds, 'missing-logic': 10, cpli: 0.8 });
    });

    it('a threshold that is not a number of 0 or more: an error naming the setting and the default used', () => {
      assert.deepEqual(problems('version: 1\nquality:\n  cpli: high\n  missed: -1\n  bei: 0.9\n'), [
        '3:9 quality.cpli must be a number of 0 or more, not "high"; the default 0.95 is used',
        '4:11 quality.missed must be a number of 0 or more, not -1; the default 5 is used',
      ]);
      assert.deepEqual(read('version: 1\nquality:\n  cpli: high\n  bei: 0.9\n').settings.quality, { bei: 0.9 });
      assert.deepEqual(problems('version: 1\nquality:\n  misssed: 3\n'), ["3:3 Unknown key 'misssed' in quality (user extensions start with 'x-'); did you mean 'missed'?"]);
      assert.deepEqual(problems('version: 1\nquality: 5\n'), ['2:10 quality must be a mapping']);
    });
  });

  describe('in the steering report and the roadmap panel', () => {
    // The FORMAT.md example's shape, smaller: docs (planned, started before S, no budget, alone) and x, y linked.
    const text = program('pg', {
      x: { start: '2026-04-01', duration: '5d', budget: 1 },
      y: { depends_on: ['x'], duration: '5d', budget: 1 },
      docs: { start: '2026-02-16', duration: '2w', state: 'planned' },
    }).replace('      name: docs\n', '      name: Release notes\n');
    const analysis = analyzePlans(filesOf(text), at());

    it('the report holds the workspace\'s metrics, failing ones with their offenders by name', () => {
      const report = buildSteeringReport(analysis);
      assert.equal(report.quality.metrics.length, 9);
      const logic = report.quality.metrics[0];
      // 1 of 3 = 33.3 %: fails, docs named "Release notes".
      assert.deepEqual({ ...logic, offenders: [...logic.offenders] }, {
        id: 'missing-logic', label: 'Missing logic', pass: false, value: '33.3%', threshold: '≤ 5%',
        basis: '1 of 3 projects have no dependency and no dependent', offenders: [{ id: 'docs', name: 'Release notes' }], more: 0,
      });
      const html = steeringReportHtml(report, buildRoadmap(analysis), { sha256Base64: () => 'x' });
      const section = html.slice(html.indexOf('<section class="quality"'), html.indexOf('</section>', html.indexOf('<section class="quality"')));
      assert.match(section, /Schedule quality \(\d metrics failing\)/);
      assert.match(section, /Missing logic <span class="id">missing-logic<\/span><\/td><td class="num">33.3%<\/td>.*Release notes <span class="id">docs<\/span>/);
    });

    it('lists the first 12 offenders of a metric and counts the rest (a report row fits a page)', () => {
      // 15 projects alone beside a chain of 2: missing logic names l01 … l12 and 3 more.
      const alone: Record<string, Fields> = {};
      for (let i = 1; i <= 15; i++) alone[`l${String(i).padStart(2, '0')}`] = { start: '2026-04-01', duration: '5d', budget: 1 };
      const report = buildSteeringReport(analyzePlans(filesOf(program('pg', { ...chain(2), ...alone })), at()));
      const logic = report.quality.metrics[0];
      assert.deepEqual(logic.offenders.map((o) => o.id), ['l01', 'l02', 'l03', 'l04', 'l05', 'l06', 'l07', 'l08', 'l09', 'l10', 'l11', 'l12']);
      assert.equal(logic.more, 3);
      const html = steeringReportHtml(report, buildRoadmap(analyzePlans(filesOf(program('pg', chain(2))), at())), { sha256Base64: () => 'x' });
      assert.match(html, /, l12 and 3 more<\/td>/);
    });

    it('the roadmap model carries it only when asked, and through its outline and details', () => {
      assert.equal(buildRoadmap(analysis).quality, undefined);
      const model = buildRoadmap(analysis, { quality: { ...defaultQualityThresholds, 'missing-logic': 40 } });
      assert.ok(model.quality);
      assert.equal(model.quality.metrics[0].pass, true);
      assert.deepEqual(joinRoadmap(roadmapOutline(model), roadmapDetails(model)), model);
    });
  });

  it('the worked example of docs/FORMAT.md: the text the CLI prints', () => {
    const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'FORMAT.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Schedule quality'));
    const example = /```yaml\n(version: 1\nprogram:[\s\S]*?)```/.exec(section)?.[1];
    const printed = /```text\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(example && printed, 'FORMAT.md has the example and what quality prints');
    const actual = qualityText(quality(example, { today: day('2026-01-01') }));
    assert.equal(actual, printed, `FORMAT.md's example prints, now:\n${actual}`);
  });
});
