/**
 * The roadmap: its render model (lanes, bars, milestones, dependencies, critical path, sources), the
 * pure layout (zoom, day ↔ x, axis ticks, rows under filters, visible rows), the scene, and the static
 * SVG and Mermaid exports, including plan strings written to break them.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  analyzePlans, arrowsScene, axisTicks, barShape, buildRoadmap, chartWidth, clampZoom, createView, dayToX, formatDay, joinRoadmap, labelsScene, maxZoom,
  mermaidText, minZoom, monthEnd, monthStart, noFilters, outlineCountsText, outlineModel, outlineView, roadmapCountsText, roadmapDetails, roadmapMermaid, roadmapOutline, roadmapPoster, roadmapRows, showsPortfolio,
  roadmapSources, roadmapSvg, rowsScene, truncate,
  visibleRows, xmlEscape, xToDay, zoomIn, zoomOut, zoomPresets, zoomUnit,
  type Analysis, type RoadmapModel, type Shape,
} from '../../src/core';
import { day, filesOf } from '../utils/plans';

/** A file's text from its lines, each ended by a line break. */
function fileText(lines: string[]): string {
  return lines.join('\n') + '\n';
}

const files = {
  'plans/portfolio.plan.yaml': fileText([
    'version: 1',
    'portfolio:',
    '  id: pf',
    '  name: Portfolio One',
    '  status_date: 2026-03-01',
    '  programs:',
    '    - id: alpha',
    '      name: Alpha',
    '      milestones:',
    '        - id: alpha-ga',
    '          name: Alpha GA',
    '          date: 2026-05-01',
    '      projects:',
    '        - id: a1',
    '          name: First',
    '          start: 2026-01-05',
    '          end: 2026-01-31',
    '          budget: 100',
    '          spent: 50',
    '          progress: 100',
    '        - id: a2',
    '          name: Second',
    '          depends_on: [a1]',
    '          duration: 4w',
    '          budget: 100',
    '          progress: 10',
    '          baseline: { start: 2026-01-20, end: 2026-02-20 }',
    '          milestones:',
    '            - id: a2-done',
    '              name: Second done',
    '              date: 2026-02-15',
    '        - id: a3',
    '          name: Third, started too early',
    '          depends_on: [a1]',
    '          start: 2026-01-20',
    '          end: 2026-03-31',
    '        - id: a4',
    '          name: Fourth',
    '          start: 2026-02-01',
    '          duration: 10d',
    '          state: cancelled',
  ]),
  'plans/beta.plan.yaml': fileText([
    'version: 1',
    'program:',
    '  id: beta',
    '  name: Beta',
    '  milestones:',
    '    - id: beta-review',
    '      name: Beta review',
    '      date: 2026-05-10',
    '      depends_on: [b1]',
    '  projects:',
    '    - id: b1',
    '      name: Beta one',
    '      depends_on: [alpha-ga]',
    '      duration: 30d',
  ]),
  'plans/solo.plan.yaml': fileText(['project:', '  id: solo', '  name: Solo', '  start: 2026-02-02', '  end: 2026-02-27']),
};

function analyse(extra: Record<string, string> = {}): Analysis {
  return analyzePlans(filesOf({ ...files, ...extra }));
}

/** Every shape in a tree, depth first. */
function flatten(shapes: readonly Shape[]): Shape[] {
  return shapes.flatMap((shape) => (shape.t === 'g' ? [shape, ...flatten(shape.children)] : [shape]));
}

describe('roadmap render model', () => {
  let model: RoadmapModel;
  before(() => {
    model = buildRoadmap(analyse());
  });

  it('has lanes portfolio › program, then programs without a portfolio, then Unassigned', () => {
    assert.deepEqual(model.lanes.map((l) => l.key), ['program:alpha', 'program:beta', 'unassigned']);
    assert.deepEqual(model.lanes[0].portfolio, { id: 'pf', name: 'Portfolio One' });
    assert.deepEqual(model.lanes[0].program, { id: 'alpha', name: 'Alpha' });
    assert.equal(model.lanes[1].portfolio, null);
    assert.equal(model.lanes[2].program, null);
    assert.equal(model.title, 'Portfolio One');
    assert.equal(model.statusDate, day('2026-03-01'));
  });

  it('has one bar per project in lane order, with its scheduled window, state and progress', () => {
    assert.deepEqual(model.bars.map((b) => [b.id, b.lane]), [['a1', 0], ['a2', 0], ['a3', 0], ['a4', 0], ['b1', 1], ['solo', 2]]);
    const [a1, a2, , a4, b1] = model.bars;
    assert.deepEqual([a1.start, a1.end, a1.progress, a1.state], [day('2026-01-05'), day('2026-01-31'), 100, 'done']);
    // a2 starts the day after a1 ends and runs 4 weeks: Feb 1 .. Feb 28.
    assert.deepEqual([a2.start, a2.end, a2.progress, a2.state], [day('2026-02-01'), day('2026-02-28'), 10, 'active']);
    assert.equal(a4.cancelled, true);
    assert.equal(a4.state, 'cancelled');
    // b1 starts the day after the milestone alpha-ga (May 1) and runs 30 days.
    assert.deepEqual([b1.start, b1.end], [day('2026-05-02'), day('2026-05-31')]);
  });

  it('carries the baseline, the forecast end and the computed and declared health', () => {
    const a2 = model.bars[1];
    assert.deepEqual([a2.baselineStart, a2.baselineEnd], [day('2026-01-20'), day('2026-02-20')]);
    // Baseline window Jan 20 .. Feb 20 (32 days) has passed at S: PV = 100, EV = 10, SPI = 0.1,
    // so the forecast end is Jan 20 + ceil(32 / 0.1) − 1 = Jan 20 + 319 days.
    assert.equal(a2.forecastEnd, day('2026-01-20') + 319);
    assert.equal(a2.health, 'red');
    assert.equal(a2.declaredHealth, null);
    assert.equal(model.bars[0].forecastEnd, model.bars[0].end);
  });

  it('marks the critical path: float ≤ 0 inside a program; never cancelled or programless projects', () => {
    // alpha ends Mar 31 (a3). a3 has no successor: float 0. a2: latest start Mar 4, float 31.
    // a1 must finish by min(Mar 3, Jan 19) = Jan 19: float −12 (a3's explicit start breaks the link).
    assert.deepEqual(model.bars.map((b) => [b.id, b.critical, b.float]), [
      ['a1', true, -12], ['a2', false, 31], ['a3', true, 0], ['a4', false, null], ['b1', true, 0], ['solo', false, null],
    ]);
  });

  it('places milestones on their project row or their program lane, missed when due before S and not done', () => {
    const byId = new Map(model.milestones.map((m) => [m.id, m]));
    assert.deepEqual(
      [...byId.values()].map((m) => [m.id, m.project, m.lane, formatDay(m.date), m.done, m.status === 'missed']),
      [
        ['alpha-ga', null, 0, '2026-05-01', false, false],
        ['a2-done', 'a2', 0, '2026-02-15', false, true],
        ['beta-review', null, 1, '2026-05-10', false, false],
      ],
    );
  });

  it('lists dependencies from predecessor to successor, violated where the successor starts or falls too early', () => {
    const links = model.dependencies.map((l) => `${l.from}→${l.to}${l.violated ? ' violated' : ''}`).sort();
    // a3 starts Jan 20, before a1 ends (Jan 31); beta-review (May 10) falls before b1 ends (May 31).
    assert.deepEqual(links, ['a1→a2', 'a1→a3 violated', 'alpha-ga→b1', 'b1→beta-review violated']);
  });

  it('keeps where each entity is defined, 0-based, for click-to-open', () => {
    const text = files['plans/portfolio.plan.yaml'];
    const offset = text.indexOf('id: a2') + 'id: '.length;
    const before = text.slice(0, offset).split('\n');
    assert.deepEqual(model.bars[1].source, { file: 'plans/portfolio.plan.yaml', line: before.length - 1, character: before[before.length - 1].length });
    const sources = roadmapSources(model);
    assert.deepEqual([...sources.keys()].sort(), ['a1', 'a2', 'a2-done', 'a3', 'a4', 'alpha', 'alpha-ga', 'b1', 'beta', 'beta-review', 'solo']);
    assert.equal(sources.get('beta')?.file, 'plans/beta.plan.yaml');
  });

  it('spans every drawn date and the status date, padded to whole months', () => {
    // Earliest: a1 starts Jan 5 (minus a week: Dec 29, 2025). Latest: a2's forecast end.
    assert.equal(model.range.start, day('2025-12-01'));
    assert.equal(model.range.end, monthEnd(day('2026-01-20') + 319 + 7));
    assert.equal(monthStart(day('2024-02-29')), day('2024-02-01'));
    assert.equal(monthEnd(day('2024-02-10')), day('2024-02-29'));
  });

  it('is plain JSON and carries the rollup figures', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(model)), model);
    assert.deepEqual(model.rollup.projects.map((p) => p.id).sort(), ['a1', 'a2', 'a3', 'a4', 'b1', 'solo']);
    assert.equal(model.rollup.statusDate, '2026-03-01');
  });

  it('draws a repeated id once and leaves out projects without an id', () => {
    const more = buildRoadmap(analyse({ 'plans/dup.plan.yaml': fileText(['project:', '  id: a1', '  name: Copy', '  start: 2026-01-01', '  end: 2026-01-02']) }));
    assert.equal(more.bars.filter((b) => b.id === 'a1').length, 1);
    const noId = buildRoadmap(analyse({ 'plans/noid.plan.yaml': fileText(['project:', '  name: Nameless', '  start: 2026-01-01', '  end: 2026-01-02']) }));
    assert.equal(noId.bars.length, 6);
  });
});

describe('roadmap in two parts: the outline for the first frame, the details after it', () => {
  let model: RoadmapModel;
  before(() => {
    model = buildRoadmap(analyse());
  });

  it('puts in the outline the header, the lanes and each bar as columns in row order, and nothing else', () => {
    const outline = roadmapOutline(model);
    assert.deepEqual(Object.keys(outline), ['version', 'title', 'statusDate', 'range', 'lanes', 'bars']);
    assert.deepEqual([outline.title, outline.statusDate, outline.range, outline.lanes], [model.title, model.statusDate, model.range, model.lanes]);
    assert.deepEqual(outline.bars.id, ['a1', 'a2', 'a3', 'a4', 'b1', 'solo']);
    assert.deepEqual(outline.bars.lane, [0, 0, 0, 0, 1, 2]);
    const drawn = ['id', 'name', 'lane', 'start', 'end', 'progress', 'health', 'state', 'cancelled', 'critical', 'baselineStart', 'baselineEnd', 'forecastStart', 'forecastEnd'] as const;
    assert.deepEqual(Object.keys(outline.bars), drawn);
    for (const key of drawn) assert.deepEqual(outline.bars[key], model.bars.map((bar) => bar[key]), key);
  });

  it('puts the rest in the details: per bar why its health, its float, its forecast note and where it is defined; milestones, dependencies, rollup', () => {
    const details = roadmapDetails(model);
    assert.deepEqual(Object.keys(details), ['version', 'bars', 'milestones', 'dependencies', 'rollup']);
    assert.deepEqual(details.bars.float, [-12, 31, 0, null, 0, null]);
    assert.deepEqual(details.bars.source, model.bars.map((bar) => bar.source));
    assert.ok(details.bars.healthReasons[1].length > 0, 'a2 is red, and says why');
    assert.deepEqual([details.milestones, details.dependencies, details.rollup], [model.milestones, model.dependencies, model.rollup]);
  });

  it('joins the two parts, sent as JSON, back into the very model (same keys in the same order)', () => {
    const sent = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
    const joined = joinRoadmap(sent(roadmapOutline(model)), sent(roadmapDetails(model)));
    assert.equal(JSON.stringify(joined), JSON.stringify(model));
  });

  it('draws from the outline alone the same bars, without details, milestones, dependencies or figures', () => {
    const first = outlineModel(roadmapOutline(model));
    assert.deepEqual(
      first.bars,
      model.bars.map((bar) => ({ ...bar, declaredHealth: null, healthReasons: [], float: null, forecastNote: null, source: { file: '', line: 0, character: 0 } })),
    );
    assert.deepEqual([first.milestones, first.dependencies], [[], []]);
    assert.deepEqual(first.rollup, { version: 1, statusDate: '2026-03-01', portfolios: [], programs: [], projects: [], milestones: [] });
    assert.equal(roadmapCountsText(first), roadmapCountsText(model));
  });

  it('makes a first frame\'s view of the outline equal to the whole one, reading only the bars of the rows drawn', () => {
    const outline = roadmapOutline(model);
    const eager = createView(outlineModel(outline));
    // Counts which bars' names are read.
    const read = new Set<number>();
    const counted = { ...outline, bars: { ...outline.bars, name: new Proxy([...outline.bars.name], { get: (target, key, receiver) => (typeof key === 'string' && /^\d+$/.test(key) && read.add(Number(key)), Reflect.get(target, key, receiver)) }) } };
    const lazy = outlineView(counted);
    assert.equal(lazy.rows.length, eager.rows.length);
    assert.deepEqual(rowsScene(lazy, 0, 3, 4, 900), rowsScene(eager, 0, 3, 4, 900));
    assert.deepEqual(labelsScene(lazy, 0, 3, 300), labelsScene(eager, 0, 3, 300));
    // Rows 0–2: the first lane's header and its first two bars.
    assert.deepEqual([...read].sort(), [0, 1]);
    assert.deepEqual([...lazy.rows], eager.rows);
    assert.deepEqual([...lazy.model.bars], eager.model.bars);
    assert.deepEqual([lazy.rowOfBar, lazy.rowOfLane, lazy.showPortfolio], [eager.rowOfBar, eager.rowOfLane, eager.showPortfolio]);
    assert.deepEqual([...lazy.barIndex], [...eager.barIndex]);
    assert.deepEqual(rowsScene(lazy, 0, eager.rows.length, 4, 900), rowsScene(eager, 0, eager.rows.length, 4, 900));
    assert.equal(outlineCountsText(outline), roadmapCountsText(model));
    // A bar of no lane has no row, as in the whole view.
    const astray = { ...outline, bars: { ...outline.bars, lane: outline.bars.lane.map((lane, i) => (i === 1 ? 99 : lane)) } };
    assert.deepEqual([...outlineView(astray).rows], createView(outlineModel(astray)).rows);
    assert.deepEqual(outlineView(astray).rowOfBar, createView(outlineModel(astray)).rowOfBar);
  });

  it('cuts a poster from the outline: its first rows draw as the whole outline\'s first rows, with the whole one\'s counts and number of rows', () => {
    const outline = roadmapOutline(model);
    const whole = outlineView(outline);
    // Row by row: lane 0's header and its four bars, lane 1's header and its bar, lane 2's header and its bar (8 rows).
    for (let rows = 1; rows <= whole.rows.length + 1; rows++) {
      const poster = roadmapPoster(outline, rows);
      const first = outlineView(poster.outline, showsPortfolio(poster.lanes));
      const shown = Math.min(rows, whole.rows.length);
      assert.equal(first.rows.length, shown, `${rows} rows`);
      assert.deepEqual(rowsScene(first, 0, shown, 4, 900), rowsScene(whole, 0, shown, 4, 900), `${rows} rows`);
      assert.deepEqual(labelsScene(first, 0, shown, 300), labelsScene(whole, 0, shown, 300), `${rows} rows`);
      assert.deepEqual([poster.counts, poster.rows], [outlineCountsText(outline), whole.rows.length]);
      assert.deepEqual([poster.outline.title, poster.outline.statusDate, poster.outline.range], [outline.title, outline.statusDate, outline.range]);
    }
    // Only the lanes of those rows, without their health reasons (no hover card on a poster); a bar of no lane has no row.
    const astray = { ...outline, bars: { ...outline.bars, lane: outline.bars.lane.map((lane, i) => (i === 0 ? 99 : lane)) } };
    const three = roadmapPoster(astray, 3).outline;
    assert.deepEqual(three.bars.id, ['a2', 'a3']);
    assert.deepEqual(three.bars.lane, [0, 0]);
    assert.deepEqual(three.lanes, [{ ...outline.lanes[0], healthReasons: [] }]);
    // Every lane for the filters, without health reasons.
    assert.deepEqual(roadmapPoster(astray, 3).lanes, outline.lanes.map((lane) => ({ ...lane, healthReasons: [] })));
    assert.equal(roadmapPoster(astray, 3).rows, whole.rows.length - 1);
  });

  it('refuses details that belong to another outline', () => {
    const fewer = buildRoadmap(analyzePlans(filesOf({ 'solo.plan.yaml': files['plans/solo.plan.yaml'] })));
    assert.throws(() => joinRoadmap(roadmapOutline(model), roadmapDetails(fewer)), /the roadmap details do not match its outline/);
  });
});

describe('roadmap layout', () => {
  it('converts days to x and back at any zoom', () => {
    const start = day('2026-01-01');
    assert.equal(dayToX(start, start, 4), 0);
    assert.equal(dayToX(start + 10, start, 4), 40);
    assert.equal(xToDay(40, start, 4), start + 10);
    assert.equal(xToDay(43.9, start, 4), start + 10);
    for (const zoom of [0.5, 1.4, 4, 14, 40]) for (const offset of [0, 1, 99, 730]) assert.equal(xToDay(dayToX(start + offset, start, zoom), start, zoom), start + offset);
    assert.equal(chartWidth({ start, end: start + 9 }, 3), 30);
  });

  it('zooms within limits and picks the tick unit from the zoom', () => {
    assert.equal(clampZoom(1000), maxZoom);
    assert.equal(clampZoom(0), minZoom);
    assert.equal(clampZoom(Number.NaN), zoomPresets.month);
    assert.ok(zoomIn(4) > 4 && zoomOut(4) < 4);
    assert.equal(zoomOut(zoomIn(4)), 4);
    assert.equal(zoomIn(maxZoom), maxZoom);
    assert.deepEqual([zoomUnit(zoomPresets.week), zoomUnit(zoomPresets.month), zoomUnit(zoomPresets.quarter)], ['week', 'month', 'quarter']);
  });

  it('makes week ticks on Mondays with month ticks above', () => {
    const { minor, major } = axisTicks(day('2026-01-01'), day('2026-02-10'), 'week');
    // 2026-01-01 is a Thursday: the first tick is the Monday before, Dec 29.
    assert.deepEqual(minor.map((t) => formatDay(t.day)), ['2025-12-29', '2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09']);
    assert.deepEqual(minor.map((t) => t.label), ['29', '5', '12', '19', '26', '2', '9']);
    for (const tick of minor) assert.equal(new Date(tick.day * 86_400_000).getUTCDay(), 1, formatDay(tick.day));
    assert.deepEqual(major.map((t) => [formatDay(t.day), t.label]), [['2026-01-01', 'Jan 2026'], ['2026-02-01', 'Feb 2026']]);
  });

  it('makes month and quarter ticks with year ticks above', () => {
    const months = axisTicks(day('2026-11-15'), day('2027-02-01'), 'month');
    assert.deepEqual(months.minor.map((t) => [formatDay(t.day), t.label]), [['2026-11-01', 'Nov'], ['2026-12-01', 'Dec'], ['2027-01-01', 'Jan'], ['2027-02-01', 'Feb']]);
    assert.deepEqual(months.major.map((t) => [formatDay(t.day), t.label]), [['2026-01-01', '2026'], ['2027-01-01', '2027']]);
    const quarters = axisTicks(day('2026-05-20'), day('2027-01-01'), 'quarter');
    assert.deepEqual(quarters.minor.map((t) => [formatDay(t.day), t.label]), [['2026-04-01', 'Q2'], ['2026-07-01', 'Q3'], ['2026-10-01', 'Q4'], ['2027-01-01', 'Q1']]);
    assert.deepEqual(axisTicks(10, 5, 'month'), { major: [], minor: [] });
  });

  it('finds the visible rows for a scroll offset, with overscan, clamped to the rows there are', () => {
    assert.deepEqual(visibleRows(0, 280, 28, 1000), { first: 0, last: 10 });
    assert.deepEqual(visibleRows(28 * 100 + 5, 280, 28, 1000), { first: 100, last: 111 });
    assert.deepEqual(visibleRows(28 * 100, 280, 28, 1000, 5), { first: 95, last: 115 });
    assert.deepEqual(visibleRows(28 * 995, 280, 28, 1000, 5), { first: 990, last: 1000 });
    assert.deepEqual(visibleRows(-50, 100, 28, 3, 2), { first: 0, last: 3 });
    assert.deepEqual(visibleRows(0, 500, 28, 0), { first: 0, last: 0 });
  });

  it('lists lane and project rows under the filters', () => {
    const model = buildRoadmap(analyse());
    const ids = (filters = noFilters) => roadmapRows(model, filters).map((r) => (r.kind === 'lane' ? model.lanes[r.lane].key : model.bars[r.bar].id));
    assert.deepEqual(ids(), ['program:alpha', 'a1', 'a2', 'a3', 'a4', 'program:beta', 'b1', 'unassigned', 'solo']);
    assert.deepEqual(ids({ ...noFilters, portfolio: 'pf' }), ['program:alpha', 'a1', 'a2', 'a3', 'a4']);
    assert.deepEqual(ids({ ...noFilters, lane: 'program:beta' }), ['program:beta', 'b1']);
    assert.deepEqual(ids({ ...noFilters, health: ['red'] }), ['program:alpha', 'a2']);
    assert.deepEqual(ids({ ...noFilters, text: 'SOLO' }), ['unassigned', 'solo']);
    assert.deepEqual(ids({ ...noFilters, text: 'started too' }), ['program:alpha', 'a3']);
    assert.deepEqual(ids({ ...noFilters, text: 'nothing like this' }), []);
  });
});

describe('roadmap scene', () => {
  const model = buildRoadmap(analyse());
  const view = createView(model);

  it('draws a bar with its project id, health and flags, the progress in proportion', () => {
    const a2 = model.bars[1];
    const shape = barShape(a2, 2, model.range.start, 4);
    assert.equal(shape.t, 'g');
    if (shape.t !== 'g') return;
    assert.deepEqual(shape.data, { id: 'a2' });
    assert.match(shape.cls, /\bbar\b/);
    assert.match(shape.cls, /\bhealth-red\b/);
    const rect = (cls: string) => flatten([shape]).find((s) => s.t === 'rect' && s.cls === cls) as Extract<Shape, { t: 'rect' }> | undefined;
    const body = rect('body')!;
    assert.equal(body.x, (a2.start! - model.range.start) * 4);
    assert.equal(body.w, 28 * 4);
    assert.equal(body.y, 2 * 28 + 7);
    assert.equal(rect('progress')!.w, body.w * 0.1);
    assert.ok(rect('forecast'), 'a late project shows its forecast');
    assert.ok(rect('baseline'), 'a baselined project shows its baseline');
    assert.match(shape.label!, /Second \(a2\).*10% complete.*health red/);
    const cancelled = barShape(model.bars[3], 3, model.range.start, 4);
    assert.match(cancelled.cls, /\bcancelled\b/);
    assert.ok(flatten([cancelled]).some((s) => s.cls === 'strike'), 'a cancelled bar is struck through');
    assert.match(barShape(model.bars[2], 3, model.range.start, 4).cls, /\bcritical\b/);
  });

  it('draws the rows of a window only, and the arrows that touch it', () => {
    const all = rowsScene(view, 0, view.rows.length, 4, 1000);
    assert.equal(all.length, view.rows.length);
    assert.deepEqual(
      flatten(all).flatMap((s) => (s.t === 'g' && s.data?.id ? [s.data.id] : [])),
      ['a1', 'a2', 'a3', 'a4', 'b1', 'solo'],
    );
    const window = rowsScene(view, 1, 3, 4, 1000);
    assert.deepEqual(window.map((s) => (s.t === 'g' ? s.data?.id : undefined)), ['a1', 'a2']);
    const arrows = arrowsScene(view, 0, view.rows.length, 4);
    assert.equal(arrows.length, 4);
    assert.equal(arrows.filter((a) => /\bviolated\b/.test(a.cls)).length, 2);
    // Rows 7..8 (Unassigned, solo) touch no dependency.
    assert.equal(arrowsScene(view, 7, 9, 4).length, 0);
  });

  it('labels rows with the names, shortened to fit', () => {
    const labels = labelsScene(view, 0, view.rows.length, 300);
    const texts = flatten(labels).flatMap((s) => (s.t === 'text' ? [s.text] : []));
    // Two portfolios (pf and none): lane titles name the portfolio.
    assert.deepEqual(texts, ['Portfolio One › Alpha', 'First', 'Second', 'Third, started too early', 'Fourth', 'Beta', 'Beta one', 'Unassigned projects', 'Solo']);
    const onePortfolio = createView(buildRoadmap(analyse({ 'plans/beta.plan.yaml': files['plans/beta.plan.yaml'].replace('  name: Beta\n', '  name: Beta\n  portfolio: pf\n') })));
    const laneTexts = flatten(labelsScene(onePortfolio, 0, onePortfolio.rows.length, 300)).flatMap((s) => (s.t === 'text' && s.cls === 'lane-text' ? [s.text] : []));
    assert.deepEqual(laneTexts, ['Alpha', 'Beta', 'Unassigned projects']);
    assert.equal(truncate('A long project name', 8), 'A long …');
    assert.equal(truncate('Short', 8), 'Short');
    assert.equal(truncate('line\nbreak', 20), 'line break');
  });
});

/** A workspace whose every string tries to break out of SVG, HTML or Mermaid. */
const hostile = {
  script: '<script>alert(1)</script>',
  img: '"><img src=x onerror=alert(1)>',
  cdata: ']]><x>',
  mermaid: '%%{init: {"theme":"dark"}}%% done: crit; #35; click x call alert(1)',
  click: 'click t_a1 href "javascript:alert(1)"',
};

const hostileFiles = [
  {
    path: 'hostile.plan.yaml',
    text: fileText([
      'portfolio:',
      '  id: pf',
      `  name: ${JSON.stringify(hostile.script)}`,
      '  programs:',
      '    - id: prog',
      `      name: ${JSON.stringify(hostile.mermaid)}`,
      '      milestones:',
      '        - id: ms',
      `          name: ${JSON.stringify(hostile.cdata)}`,
      '          date: 2026-03-01',
      '      projects:',
      '        - id: a1',
      `          name: ${JSON.stringify(hostile.img)}`,
      '          start: 2026-01-05',
      '          duration: 4w',
      '        - id: a2',
      `          name: ${JSON.stringify(hostile.click)}`,
      '          start: 2026-02-05',
      '          duration: 4w',
      '        - id: a3',
      '          name: "Control \\u0001 characters \\uFFFF and a new\\nline"',
      '          start: 2026-02-05',
      '          duration: 4w',
      // An id that breaks the id pattern (a schema error) is still drawn, escaped.
      '        - id: "x\\"><svg onload=alert(1)>"',
      '          name: Bad id',
      '          start: 2026-02-05',
      '          duration: 1w',
    ]),
  },
];

describe('roadmap SVG export', () => {
  const model = buildRoadmap(analyzePlans(hostileFiles, { statusDate: day('2026-02-10') }));
  const svg = roadmapSvg(model);

  it('escapes text and attribute values for XML', () => {
    assert.equal(xmlEscape(`<a href="x">&'`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    assert.equal(xmlEscape('a\u0001b\uFFFFc\uD800d\tok'), 'a\uFFFDb\uFFFDc\uFFFDd\tok');
    assert.equal(xmlEscape('emoji 🚀 stays'), 'emoji 🚀 stays');
  });

  it('has every project bar as an element with data-id', () => {
    const ids = [...svg.matchAll(/<g class="bar[^"]*" data-id="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['a1', 'a2', 'a3', 'x&quot;&gt;&lt;svg onload=alert(1)&gt;']);
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  });

  it('never lets a plan string become markup', () => {
    assert.ok(!/<script|<img|<x>|<svg onload/i.test(svg), 'no element from a plan string');
    assert.ok(!svg.includes('\u0001') && !svg.includes('\uFFFF'), 'no character XML forbids');
    assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the name shows as text');
    assert.ok(svg.includes(']]&gt;&lt;x&gt;'));
    // The only elements are SVG drawing elements.
    const tags = new Set([...svg.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]));
    assert.deepEqual([...tags].sort(), ['circle', 'clipPath', 'g', 'line', 'path', 'rect', 'style', 'svg', 'text', 'title']);
  });
});

describe('roadmap Mermaid export', () => {
  const examples = buildRoadmap(analyse());

  it('is a fenced gantt block: the status date, a section per lane, a task per scheduled project coloured by health, and the milestones', () => {
    const text = roadmapMermaid(examples);
    const lines = text.split('\n');
    assert.equal(lines[0], '```mermaid');
    assert.equal(lines[1], 'gantt');
    assert.ok(lines.includes('    dateFormat YYYY-MM-DD'));
    assert.equal(lines.at(-2), '```');
    assert.deepEqual(lines.filter((l) => l.startsWith('    section ')), ['    section Status date', '    section Alpha', '    section Beta', '    section Unassigned projects']);
    // The status date (S = 2026-03-01, from the portfolio) is shown: Mermaid's own today marker would be the day it is viewed.
    assert.equal(lines[lines.indexOf('    section Status date') + 1], '    Status date 2026-03-01 :milestone, t_status_date, 2026-03-01, 0d');
    const tasks = lines.filter((l) => / :/.test(l) && !l.includes('milestone'));
    assert.deepEqual(tasks, [
      // Mermaid's end dates are exclusive: the day after the plan's inclusive end. Tags are computed
      // health, not the critical path: a1 is done (grey); a2 is red (SPI 10/100 = 0.1 < 0.9: crit);
      // a3 and b1 are green (no budget, so no index: plain); a4 is cancelled (grey); v3: solo, unfinished
      // at S = Mar 1 after its end Feb 27, is forecast Mar 1, a 2-day slip: amber (at risk).
      '    First :done, t_a1, 2026-01-05, 2026-02-01',
      '    Second (off track) :crit, t_a2, 2026-02-01, 2026-03-01',
      '    Third, started too early :t_a3, 2026-01-20, 2026-04-01',
      '    Fourth (cancelled) :done, t_a4, 2026-02-01, 2026-02-11',
      '    Beta one :t_b1, 2026-05-02, 2026-06-01',
      '    Solo (at risk) :active, t_solo, 2026-02-02, 2026-02-28',
    ]);
    assert.deepEqual(lines.filter((l) => l.includes(':milestone') && !l.includes('t_status_date')), [
      '    Alpha GA :milestone, t_alpha_ga, 2026-05-01, 0d',
      // Due 2026-02-15 < S and not done: missed, red.
      '    Second done (missed) :milestone, crit, t_a2_done, 2026-02-15, 0d',
      // Waits for b1, forecast to end 2026-05-31 > 2026-05-10: at risk, Mermaid's "active" stands for amber.
      '    Beta review (at risk) :milestone, active, t_beta_review, 2026-05-10, 0d',
    ]);
    assert.equal(roadmapMermaid(examples, { fenced: false }).split('\n')[0], 'gantt');
  });

  it('reduces plan text to what Mermaid reads as text', () => {
    assert.equal(mermaidText('a: b; c # d'), 'a b c d');
    assert.equal(mermaidText('%%{init: {"theme":"dark"}}%%'), '\uff05 init theme dark %');
    assert.equal(mermaidText('100% done'), '100% done');
    assert.equal(mermaidText('two\nlines\u2028here'), 'two lines here');
    assert.equal(mermaidText('click me'), '‹click me›');
    assert.equal(mermaidText('Section of work'), '‹Section of work›');
    assert.equal(mermaidText('Sections matter'), 'Sections matter');
  });

  it("never writes a task name that Mermaid 11's gantt lexer reads as something else (a task is then lost, or the chart rejected)", () => {
    // The rules that mermaid@11.17.2's gantt lexer tries before a task's text (ganttDiagram-*.mjs, `rules`),
    // at the start of a line after its indentation: comments and directives, keywords, a date.
    const before = [
      /^%%\{/i, /^accTitle\s*:\s*/i, /^accDescr\s*:\s*/i, /^accDescr\s*\{\s*/i, /^%%(?!\{)*[^\n]*/i, /^[^}]%%*[^\n]*/i, /^%%*[^\n]*[\n]*/i,
      /^%[^\n]*/i, /^href[\s]+["]/i, /^call[\s]+/i, /^click[\s]+/i, /^gantt\b/i, /^dateFormat\s[^#\n;]+/i, /^inclusiveEndDates\b/i,
      /^topAxis\b/i, /^axisFormat\s[^#\n;]+/i, /^tickInterval\s[^#\n;]+/i, /^includes\s[^#\n;]+/i, /^excludes\s[^#\n;]+/i,
      /^todayMarker\s[^\n;]+/i, /^weekday\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i, /^weekend\s+(friday|saturday)\b/i,
      /^\d\d\d\d-\d\d-\d\d\b/i, /^title\s[^\n]+/i, /^accDescription\s[^#\n;]+/i, /^section\s[^\n]+/i,
    ];
    const starts = ['', 'title ', 'accDescription ', 'accDescr', 'accTitle', 'dateFormat ', 'weekday monday', 'weekend friday', 'todayMarker ', 'click ', 'call ', 'href "', 'section ', 'gantt', '2026-01-01 ', '%', '%%', '5%', 'a%', '}%', '%%{'];
    fc.assert(
      fc.property(fc.constantFrom(...starts), fc.string({ maxLength: 12 }), (start, rest) => {
        const text = mermaidText(start + rest);
        if (text === '') return;
        for (const rule of before) assert.ok(!rule.test(text), `${JSON.stringify(start + rest)} → ${JSON.stringify(text)} reads as ${rule}`);
        assert.ok(!/[:\n]/.test(text));
      }),
      { seed: 20261206, numRuns: 3000 },
    );
  });

  it('keeps hostile names from adding statements, comments, directives or markup', () => {
    const model = buildRoadmap(analyzePlans(hostileFiles, { statusDate: day('2026-02-10') }));
    const body = roadmapMermaid(model, { fenced: false }).split('\n').slice(1).filter((l) => l !== '');
    for (const line of body) {
      assert.match(line, /^ {4}\S/, `indented statement: ${line}`);
      assert.ok(!line.includes('%%') || line.startsWith('    %% '), `no comment or directive: ${line}`);
      assert.ok(!/[<>#;{}"]/.test(line), `no markup, entity or separator: ${line}`);
      if (/^ {4}(title|dateFormat|axisFormat|todayMarker|section|%%) /.test(line)) continue;
      // A task: text, one colon, then tags, an id, a start and an end or duration.
      assert.match(line, /^ {4}[^:]+ :((crit|done|active|milestone), )*t_\w+, \d{4}-\d{2}-\d{2}, (\d{4}-\d{2}-\d{2}|0d)$/, line);
      assert.ok(!/^ {4}click\b/i.test(line), line);
    }
    assert.ok(body.some((line) => line.startsWith('    ‹click t_a1 href javascript alert(1)› :')), body.join('\n'));
  });
});
