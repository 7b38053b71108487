/**
 * The roadmap in two parts, so that its first frame needs little: the outline — the title, the lanes
 * and each bar's row, dates and look, written as columns — and the details: the rest of each bar (why
 * its health is what it is, its float, its forecast note, where it is defined), the milestones, the
 * dependencies and the rollup figures. The HTML export embeds the two as separate JSON blocks and the
 * page parses the details only after it has painted the bars; the VS Code panel sends a page that has
 * just loaded the outline before the whole model. `joinRoadmap(roadmapOutline(m), roadmapDetails(m))`
 * equals `m`.
 */
import { formatDay, type Day } from '../base/dates';
import type { Health, ProjectState } from '../model/entities';
import type { RollupJson } from '../views/rollupReport';
import { countsText, type RoadmapBar, type RoadmapDependency, type RoadmapLane, type RoadmapMilestone, type RoadmapModel, type RoadmapSource } from './model';

/**
 * Every bar's row, dates and look: entry i of each array is bar i (the bar's row order). Columns,
 * because JSON of a few long arrays parses several times faster than JSON of as many objects.
 */
export interface OutlineBars {
  readonly id: readonly string[];
  readonly name: readonly string[];
  readonly lane: readonly number[];
  readonly start: ReadonlyArray<Day | null>;
  readonly end: ReadonlyArray<Day | null>;
  readonly progress: readonly number[];
  readonly health: ReadonlyArray<Health | null>;
  readonly state: readonly ProjectState[];
  readonly cancelled: readonly boolean[];
  readonly critical: readonly boolean[];
  readonly baselineStart: ReadonlyArray<Day | null>;
  readonly baselineEnd: ReadonlyArray<Day | null>;
  readonly forecastStart: ReadonlyArray<Day | null>;
  readonly forecastEnd: ReadonlyArray<Day | null>;
}

/** What the first frame draws: the header, the lanes and the bars. */
export interface RoadmapOutline {
  readonly version: 1;
  readonly title: string;
  readonly statusDate: Day;
  readonly range: RoadmapModel['range'];
  readonly lanes: readonly RoadmapLane[];
  readonly bars: OutlineBars;
}

/** The rest of each bar, as columns in the outline's bar order. */
export interface DetailBars {
  readonly declaredHealth: ReadonlyArray<Health | null>;
  readonly healthReasons: ReadonlyArray<readonly string[]>;
  readonly float: ReadonlyArray<number | null>;
  readonly forecastNote: ReadonlyArray<string | null>;
  readonly source: readonly RoadmapSource[];
}

/** Everything of the model the outline leaves out. */
export interface RoadmapDetails {
  readonly version: 1;
  readonly bars: DetailBars;
  readonly milestones: readonly RoadmapMilestone[];
  readonly dependencies: readonly RoadmapDependency[];
  readonly rollup: RollupJson;
  readonly quality?: RoadmapModel['quality'];
}

const column = <K extends keyof RoadmapBar>(bars: readonly RoadmapBar[], key: K): Array<RoadmapBar[K]> => bars.map((bar) => bar[key]);

export function roadmapOutline(model: RoadmapModel): RoadmapOutline {
  const { bars } = model;
  return {
    version: 1,
    title: model.title,
    statusDate: model.statusDate,
    range: model.range,
    lanes: model.lanes,
    bars: {
      id: column(bars, 'id'),
      name: column(bars, 'name'),
      lane: column(bars, 'lane'),
      start: column(bars, 'start'),
      end: column(bars, 'end'),
      progress: column(bars, 'progress'),
      health: column(bars, 'health'),
      state: column(bars, 'state'),
      cancelled: column(bars, 'cancelled'),
      critical: column(bars, 'critical'),
      baselineStart: column(bars, 'baselineStart'),
      baselineEnd: column(bars, 'baselineEnd'),
      forecastStart: column(bars, 'forecastStart'),
      forecastEnd: column(bars, 'forecastEnd'),
    },
  };
}

export function roadmapDetails(model: RoadmapModel): RoadmapDetails {
  const { bars } = model;
  return {
    version: 1,
    bars: {
      declaredHealth: column(bars, 'declaredHealth'),
      healthReasons: column(bars, 'healthReasons'),
      float: column(bars, 'float'),
      forecastNote: column(bars, 'forecastNote'),
      source: column(bars, 'source'),
    },
    milestones: model.milestones,
    dependencies: model.dependencies,
    rollup: model.rollup,
    ...(model.quality ? { quality: model.quality } : {}),
  };
}

/** A bar's details before they arrive: no reasons, no note, no float, no place of definition. */
const noDetails: DetailBars = { declaredHealth: [], healthReasons: [], float: [], forecastNote: [], source: [] };
const nowhere: RoadmapSource = { file: '', line: 0, character: 0 };

/**
 * The model the outline alone can draw: its bars without their details, and no milestones,
 * dependencies or figures yet (the rollup's lists are empty).
 */
export function outlineModel(outline: RoadmapOutline): RoadmapModel {
  return modelOf(outline, noDetails, { version: 1, milestones: [], dependencies: [], rollup: emptyRollup(outline) });
}

/** The whole model again, from its two parts. */
export function joinRoadmap(outline: RoadmapOutline, details: RoadmapDetails): RoadmapModel {
  if (details.bars.source.length !== outline.bars.id.length) throw new Error('the roadmap details do not match its outline');
  return modelOf(outline, details.bars, details);
}

function modelOf(outline: RoadmapOutline, more: DetailBars, rest: Omit<RoadmapDetails, 'bars'>): RoadmapModel {
  const bars: RoadmapBar[] = new Array<RoadmapBar>(outline.bars.id.length);
  for (let i = 0; i < bars.length; i++) bars[i] = barOf(outline.bars, more, i);
  return wholeModel(outline, bars, rest);
}

/** Bar i: the outline's columns and, where given, its details. */
function barOf(b: OutlineBars, more: DetailBars, i: number): RoadmapBar {
  // The keys in the order buildRoadmap writes them, so that a joined model equals the built one.
  return {
    id: b.id[i],
    name: b.name[i],
    lane: b.lane[i],
    start: b.start[i],
    end: b.end[i],
    progress: b.progress[i],
    health: b.health[i],
    declaredHealth: more.declaredHealth[i] ?? null,
    healthReasons: more.healthReasons[i] ?? [],
    state: b.state[i],
    cancelled: b.cancelled[i],
    critical: b.critical[i],
    float: more.float[i] ?? null,
    baselineStart: b.baselineStart[i],
    baselineEnd: b.baselineEnd[i],
    forecastStart: b.forecastStart[i],
    forecastEnd: b.forecastEnd[i],
    forecastNote: more.forecastNote[i] ?? null,
    source: more.source[i] ?? nowhere,
  };
}

function wholeModel(outline: RoadmapOutline, bars: readonly RoadmapBar[], rest: Omit<RoadmapDetails, 'bars'>): RoadmapModel {
  return {
    version: 1,
    title: outline.title,
    statusDate: outline.statusDate,
    range: outline.range,
    lanes: outline.lanes,
    bars,
    milestones: rest.milestones,
    dependencies: rest.dependencies,
    rollup: rest.rollup,
    ...(rest.quality ? { quality: rest.quality } : {}),
  };
}

/**
 * The outline's model as `outlineModel` gives it, except that each bar is made when it is first read:
 * a first frame that draws the rows in view reads a few dozen of the bars, not all of them. Reading
 * every bar (a filter, a search) makes them all, as outlineModel would have; the array is otherwise
 * an ordinary one.
 */
export function lazyOutlineModel(outline: RoadmapOutline): RoadmapModel {
  const b = outline.bars;
  return wholeModel(outline, lazyArray(b.id.length, (i) => barOf(b, noDetails, i)), { version: 1, milestones: [], dependencies: [], rollup: emptyRollup(outline) });
}

/** An array of `length` entries, entry i made by `make(i)` when first read (and kept). */
export function lazyArray<T>(length: number, make: (index: number) => T): T[] {
  const index = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const i = Number(key);
    return Number.isInteger(i) && i >= 0 && i < length && String(i) === key ? i : -1;
  };
  return new Proxy(new Array<T>(length), {
    get(target, key, receiver) {
      const i = index(key);
      if (i >= 0 && !(i in target)) target[i] = make(i);
      return Reflect.get(target, key, receiver) as unknown;
    },
    // Array methods (forEach, filter, map…) skip holes: there are none, only entries not made yet.
    has: (target, key) => index(key) >= 0 || Reflect.has(target, key),
    getOwnPropertyDescriptor(target, key) {
      const i = index(key);
      if (i >= 0 && !(i in target)) target[i] = make(i);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      for (let i = 0; i < length; i++) if (!(i in target)) target[i] = make(i);
      return Reflect.ownKeys(target);
    },
  });
}

/**
 * The first screen of a roadmap, for a page to draw before it reads the whole outline (issue 22: the
 * HTML export's first frame): the outline cut to its first rows — each lane's header row, then its bars,
 * in the outline's row order — with the counts under the title, the number of rows of the whole outline
 * (they size the chart and its scrollbars as the whole outline will) and every lane (the toolbar's
 * filters list them; lane titles name their portfolio when the lanes are in more than one). Lanes leave
 * out their health reasons (the first frame has no hover card).
 */
export interface RoadmapPoster {
  readonly version: 1;
  readonly counts: string;
  /** Rows of the whole outline (lane header rows and bars). */
  readonly rows: number;
  /** Every lane of the whole outline. */
  readonly lanes: readonly RoadmapLane[];
  readonly outline: RoadmapOutline;
}

/** Enough rows for a window 2,240 pixels tall. */
export const POSTER_ROWS = 80;

export function roadmapPoster(outline: RoadmapOutline, rows = POSTER_ROWS): RoadmapPoster {
  const laneCount = outline.lanes.length;
  const barsOfLane: number[][] = outline.lanes.map(() => []);
  outline.bars.lane.forEach((lane, bar) => {
    // As outlineView: a bar of no lane has no row.
    if (Number.isInteger(lane) && lane >= 0 && lane < laneCount) barsOfLane[lane].push(bar);
  });
  const everyLane: RoadmapLane[] = outline.lanes.map((lane) => ({ ...lane, healthReasons: [] }));
  const lanes: RoadmapLane[] = [];
  const picked: number[] = [];
  const laneOfPicked: number[] = [];
  let total = 0;
  for (let lane = 0; lane < laneCount; lane++) {
    total += 1 + barsOfLane[lane].length;
    if (lanes.length + picked.length >= rows) continue;
    lanes.push(everyLane[lane]);
    for (const bar of barsOfLane[lane]) {
      if (lanes.length + picked.length >= rows) break;
      picked.push(bar);
      laneOfPicked.push(lanes.length - 1);
    }
  }
  const b = outline.bars;
  const pick = <T>(values: readonly T[]): T[] => picked.map((bar) => values[bar]);
  return {
    version: 1,
    counts: outlineCountsText(outline),
    rows: total,
    lanes: everyLane,
    outline: {
      version: 1,
      title: outline.title,
      statusDate: outline.statusDate,
      range: outline.range,
      lanes,
      bars: {
        id: pick(b.id),
        name: pick(b.name),
        lane: laneOfPicked,
        start: pick(b.start),
        end: pick(b.end),
        progress: pick(b.progress),
        health: pick(b.health),
        state: pick(b.state),
        cancelled: pick(b.cancelled),
        critical: pick(b.critical),
        baselineStart: pick(b.baselineStart),
        baselineEnd: pick(b.baselineEnd),
        forecastStart: pick(b.forecastStart),
        forecastEnd: pick(b.forecastEnd),
      },
    },
  };
}

/** The counts under the roadmap's title (as roadmapCountsText of its model), from the outline's columns. */
export function outlineCountsText(outline: RoadmapOutline): string {
  const programs = outline.lanes.filter((lane) => lane.program !== null).length;
  const outside = outline.lanes.findIndex((lane) => lane.program === null);
  let unassigned = 0;
  if (outside >= 0) for (const lane of outline.bars.lane) if (lane === outside) unassigned++;
  return countsText(outline.bars.id.length, programs, unassigned);
}

function emptyRollup(outline: RoadmapOutline): RollupJson {
  return { version: 1, statusDate: formatDay(outline.statusDate), portfolios: [], programs: [], projects: [], milestones: [] };
}
