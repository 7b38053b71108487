/**
 * An analysis's per-node values (analysis/nodeMap.ts) stay readable after a later analysis numbered the
 * same projects again: a view may still hold the older analysis (the tree, a hover under way). The lookup
 * by the older numbering goes through a map made only then.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { PlanWorkspace, runToEnd } from '../../src/core';
import { MilestoneOutlooks, ProjectForecasts, type MilestoneOutlook, type ProjectForecast } from '../../src/core/analysis/forecast';
import { ProjectNumbers } from '../../src/core/analysis/nodeMap';
import { ScheduledDays } from '../../src/core/analysis/schedule';
import type { Project } from '../../src/core/model/entities';

const plan = (progress: number) => `version: 1
program:
  id: web
  name: Web
  projects:
    - id: shop
      name: Shop
      start: 2026-01-05
      duration: 10d
      budget: 1000
      progress: ${progress}
    - id: blog
      name: Blog
      start: 2026-01-05
      duration: 20d
      depends_on: [shop]
`;

describe('node maps', () => {
  it('an older analysis still answers for its projects after a new one renumbered them', () => {
    const workspace = new PlanWorkspace();
    workspace.set('web.plan.yaml', plan(40));
    const older = workspace.analyze({ statusDate: 20_460 });
    const [shop, blog] = older.index.projects;
    const before = { shop: older.rollup.projects.get(shop)!.figures.ev, blogStart: older.schedule.dates.get(blog)!.start };

    // Another full analysis numbers the same entities anew (same objects: the file did not change).
    const newer = runToEnd(workspace.analyzeFully({ statusDate: 20_460 }));
    assert.equal(newer.index.projects[0], shop, 'the entities are the same objects');
    assert.notEqual(newer.index.positions, older.index.positions, 'and numbered again');

    assert.equal(older.rollup.projects.get(shop)!.figures.ev, before.shop);
    assert.equal(older.schedule.dates.get(blog)!.start, before.blogStart);
    assert.equal(older.rollup.projects.size, 2);
    assert.deepEqual([...older.rollup.projects.keys()].map((p) => p.id), ['shop', 'blog']);
    // The newer analysis answers by the nodes' own numbers.
    assert.equal(newer.rollup.projects.get(shop)!.figures.ev, before.shop);
  });
});

/**
 * The schedule's and the forecast's columns (issue 22): each reads back exactly what was set, as a map
 * does, whatever was set, cleared and set again before.
 */
describe('the schedule and forecast columns', () => {
  const workspace = new PlanWorkspace();
  workspace.set('web.plan.yaml', `${plan(40)}      milestones:
        - id: beta
          name: Beta
          date: 2026-02-20
  milestones:
    - id: launch
      name: Launch
      date: 2026-03-01
`);
  const analysis = workspace.analyze({ statusDate: 20_460 });
  const { positions } = analysis.index;
  const [shop, blog] = analysis.index.projects;
  const [beta, launch] = analysis.index.milestones;

  it('the forecast keeps each kind of reason, and what pushed it', () => {
    const forecasts = new ProjectForecasts(positions);
    const written: ProjectForecast[] = [
      { start: null, end: null, reason: { kind: 'none' } },
      { start: 20_460, end: 20_470, reason: { kind: 'as-planned' } },
      { start: 20_460, end: 20_475, reason: { kind: 'own-pace', spi: 0.625, days: 5 } },
      { start: 20_460, end: 20_470, reason: { kind: 'current-plan', spi: 0.9, paceEnd: 20_468 } },
      { start: 20_461, end: 20_480, reason: { kind: 'status-date', days: 10 } },
      { start: 20_471, end: 20_490, reason: { kind: 'pushed', by: shop, days: 3 } },
      { start: 20_471, end: 20_490, reason: { kind: 'pushed', by: launch, days: 2 } },
    ];
    for (const forecast of written) {
      forecasts.set(blog, forecast);
      assert.deepEqual(forecasts.get(blog), forecast);
      assert.equal(forecasts.startOf(blog), forecast.start);
      assert.equal(forecasts.endOf(blog), forecast.end);
    }
    assert.equal(forecasts.size, 1);
    assert.equal(forecasts.get(shop), undefined);
    assert.equal(forecasts.endOf(shop), null);
    assert.ok(forecasts.delete(blog));
    assert.equal(forecasts.has(blog), false);
    assert.equal(forecasts.size, 0);
  });

  it('a milestone keeps its status, forecast and what it waits for', () => {
    const outlooks = new MilestoneOutlooks(positions);
    const written: MilestoneOutlook[] = [
      { status: 'on-track', forecast: 20_500, waitsFor: undefined },
      { status: 'at-risk', forecast: 20_512, waitsFor: { on: blog, finish: 20_512 } },
      { status: 'missed', forecast: 20_470, waitsFor: { on: beta, finish: 20_470 } },
      { status: 'done', forecast: null, waitsFor: undefined },
      { status: 'cancelled', forecast: null, waitsFor: undefined },
    ];
    for (const outlook of written) {
      outlooks.set(launch, outlook);
      assert.deepEqual(outlooks.get(launch), outlook);
      assert.equal(outlooks.statusOf(launch), outlook.status);
      assert.equal(outlooks.forecastOf(launch), outlook.forecast);
    }
    // Milestones have rows of their own after the projects': one milestone's outlook is not another's.
    assert.equal(outlooks.get(beta), undefined);
    outlooks.set(beta, written[0]);
    assert.deepEqual([...outlooks.keys()], [beta, launch]);
  });

  it('reads as a Map after any sequence of sets and deletes', () => {
    const day = fc.option(fc.integer({ min: -1_000_000, max: 3_000_000 }), { nil: undefined });
    const op = fc.record({ project: fc.constantFrom(shop, blog), start: day, end: day, remove: fc.boolean(), float: fc.integer({ min: -500, max: 500 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const dates = new ScheduledDays(positions);
        const floats = new ProjectNumbers(positions);
        const model = new Map<Project, { start: number | undefined; end: number | undefined }>();
        const floatModel = new Map<Project, number>();
        for (const { project, start, end, remove, float } of ops) {
          if (remove) {
            assert.equal(dates.delete(project), model.delete(project));
            assert.equal(floats.delete(project), floatModel.delete(project));
          } else {
            if (start === end) dates.set(project, { start, end });
            else dates.date(project, start, end);
            model.set(project, { start, end });
            floats.set(project, float);
            floatModel.set(project, float);
          }
        }
        const ordered = <V>(map: Map<Project, V>) => [shop, blog].filter((p) => map.has(p)).map((p) => [p, map.get(p)]);
        assert.deepEqual([...dates], ordered(model));
        assert.deepEqual([...floats], ordered(floatModel));
        assert.equal(dates.size, model.size);
        for (const project of [shop, blog]) {
          assert.equal(dates.startOf(project), model.get(project)?.start);
          assert.equal(dates.endOf(project), model.get(project)?.end);
        }
      }),
    );
  });

  it('a node of another index has no value, and setting one is refused', () => {
    const other = new PlanWorkspace();
    other.set('other.plan.yaml', plan(10).replace('id: shop', 'id: till'));
    const [till] = other.analyze({ statusDate: 20_460 }).index.projects;
    const dates = new ScheduledDays(positions);
    assert.equal(dates.get(till), undefined);
    assert.equal(dates.startOf(till), undefined);
    assert.throws(() => dates.date(till, 1, 2), /ScheduledDays: project 'till' is not in the index/);
  });
});
