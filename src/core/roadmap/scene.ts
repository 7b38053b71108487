/**
 * The roadmap drawing as plain shapes (rect, line, path, text, groups) with class names from one fixed
 * vocabulary. The webview turns shapes into SVG elements (textContent, never markup); the SVG export
 * serialises the same shapes with every string escaped. So the view and the exports draw alike.
 *
 * Coordinates: the chart's x is days from the range start times pixels per day; y is row index times
 * the row height. The axis and the label column have their own origins (see each function).
 */
import { formatDay, type Day } from '../base/dates';
import type { Health } from '../model/entities';
import { milestoneStatusText } from '../views/forecastText';
import type { RoadmapComparison, RoadmapDelta, RoadmapGhost } from './comparison';
import { axisTicks, dayToX, geometry, roadmapRows, zoomUnit, type RoadmapFilters, type RoadmapRow } from './layout';
import { showsPortfolio, type RoadmapBar, type RoadmapLane, type RoadmapMilestone, type RoadmapModel } from './model';
import { lazyArray, lazyOutlineModel, type RoadmapOutline } from './outline';
import { fitText, textWidth } from './textWidth';

/** Data attributes a shape may carry; values are ids and keys from the model. */
export interface ShapeData {
  /** A project bar (`data-id`). */
  readonly id?: string;
  /** A milestone key (`data-milestone`). */
  readonly milestone?: string;
  /** A lane key (`data-lane`). */
  readonly lane?: string;
  /** The project a label row names (`data-project`). */
  readonly project?: string;
}

export type Shape =
  | {
      readonly t: 'g';
      readonly cls: string;
      readonly data?: ShapeData;
      /** Accessible name, for focusable groups. */
      readonly label?: string;
      /** A tooltip text (the SVG export writes it as `<title>`). */
      readonly title?: string;
      readonly children: readonly Shape[];
    }
  | { readonly t: 'rect'; readonly cls: string; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly rx?: number }
  | { readonly t: 'line'; readonly cls: string; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number }
  | { readonly t: 'path'; readonly cls: string; readonly d: string }
  | { readonly t: 'circle'; readonly cls: string; readonly cx: number; readonly cy: number; readonly r: number }
  | { readonly t: 'text'; readonly cls: string; readonly x: number; readonly y: number; readonly text: string; readonly anchor?: 'start' | 'middle' | 'end' };

/** The rows under the filters and quick lookups from ids to rows. Rebuilt when the model or filters change. */
export interface RoadmapView {
  readonly model: RoadmapModel;
  readonly rows: readonly RoadmapRow[];
  /** Row index of each bar (by bar index), or -1 when filtered out. */
  readonly rowOfBar: Int32Array;
  /** Row index of each lane's header row, or -1. */
  readonly rowOfLane: Int32Array;
  readonly barIndex: ReadonlyMap<string, number>;
  readonly milestoneById: ReadonlyMap<string, RoadmapMilestone>;
  readonly milestonesOfProject: ReadonlyMap<string, readonly RoadmapMilestone[]>;
  readonly milestonesOfLane: ReadonlyMap<number, readonly RoadmapMilestone[]>;
  /** Lane titles name the portfolio only when there is more than one. */
  readonly showPortfolio: boolean;
  /** The revision the roadmap is compared with, if any. */
  readonly comparison: RoadmapComparison | null;
  /** Its ghost of each project that moved or is new, by project id. */
  readonly ghostOf: ReadonlyMap<string, RoadmapGhost>;
  /** Its Δ cells, by `project:<id>` and `program:<id>`. */
  readonly deltaOf: ReadonlyMap<string, RoadmapDelta>;
}

export function createView(model: RoadmapModel, filters?: RoadmapFilters, comparison: RoadmapComparison | null = null): RoadmapView {
  const rows = roadmapRows(model, filters);
  const rowOfBar = new Int32Array(model.bars.length).fill(-1);
  const rowOfLane = new Int32Array(model.lanes.length).fill(-1);
  rows.forEach((row, index) => {
    if (row.kind === 'bar') rowOfBar[row.bar] = index;
    else rowOfLane[row.lane] = index;
  });
  const barIndex = new Map<string, number>();
  model.bars.forEach((bar, index) => barIndex.set(bar.id, index));
  const milestoneById = new Map<string, RoadmapMilestone>();
  const milestonesOfProject = new Map<string, RoadmapMilestone[]>();
  const milestonesOfLane = new Map<number, RoadmapMilestone[]>();
  for (const milestone of model.milestones) {
    if (milestone.id !== null) milestoneById.set(milestone.id, milestone);
    if (milestone.project !== null) push(milestonesOfProject, milestone.project, milestone);
    else push(milestonesOfLane, milestone.lane, milestone);
  }
  for (const list of milestonesOfLane.values()) list.sort((a, b) => a.date - b.date);
  const showPortfolio = showsPortfolio(model.lanes);
  const ghostOf = new Map((comparison?.ghosts ?? []).map((ghost) => [ghost.id, ghost]));
  const deltaOf = new Map((comparison?.deltas ?? []).map((delta) => [`${delta.kind}:${delta.id}`, delta]));
  return { model, rows, rowOfBar, rowOfLane, barIndex, milestoneById, milestonesOfProject, milestonesOfLane, showPortfolio, comparison, ghostOf, deltaOf };
}

/**
 * The view of an outline under no filters, equal to `createView(outlineModel(outline))`, made for a
 * first frame: its rows and bars are made when read (lazyOutlineModel), the row of each bar is found
 * with typed arrays, and the lookup from ids to bars is built when first asked. A virtualised chart
 * that draws the rows in view reads a few dozen of the 10,000 rows and bars. A poster's outline (the
 * first rows of a larger one) passes the larger one's `showPortfolio`.
 */
export function outlineView(outline: RoadmapOutline, showPortfolio = showsPortfolio(outline.lanes)): RoadmapView {
  const model = lazyOutlineModel(outline);
  const laneOfBar = outline.bars.lane;
  const laneCount = outline.lanes.length;
  const valid = (lane: number) => Number.isInteger(lane) && lane >= 0 && lane < laneCount;
  // As roadmapRows: each lane's header row, then its bars in their order; a bar of no lane has no row.
  const barsInLane = new Int32Array(laneCount);
  for (const lane of laneOfBar) if (valid(lane)) barsInLane[lane]++;
  const rowOfLane = new Int32Array(laneCount);
  const next = new Int32Array(laneCount);
  let total = 0;
  for (let lane = 0; lane < laneCount; lane++) {
    rowOfLane[lane] = total;
    next[lane] = total + 1;
    total += 1 + barsInLane[lane];
  }
  // Each row's entry: a bar's index, or -1 - a lane's index for its header row.
  const entry = new Int32Array(total);
  for (let lane = 0; lane < laneCount; lane++) entry[rowOfLane[lane]] = -1 - lane;
  const rowOfBar = new Int32Array(laneOfBar.length).fill(-1);
  laneOfBar.forEach((lane, bar) => {
    if (!valid(lane)) return;
    const row = next[lane]++;
    rowOfBar[bar] = row;
    entry[row] = bar;
  });
  const rows = lazyArray<RoadmapRow>(total, (row) => {
    const value = entry[row];
    return value < 0 ? { kind: 'lane', lane: -1 - value } : { kind: 'bar', lane: laneOfBar[value], bar: value };
  });
  const barIndex = new LazyMap(() => new Map(outline.bars.id.map((id, index) => [id, index])));
  return {
    model,
    rows,
    rowOfBar,
    rowOfLane,
    barIndex,
    milestoneById: new Map(),
    milestonesOfProject: new Map(),
    milestonesOfLane: new Map(),
    showPortfolio,
    comparison: null,
    ghostOf: new Map(),
    deltaOf: new Map(),
  };
}

/** A map built when first read. */
class LazyMap<K, V> implements ReadonlyMap<K, V> {
  private built: Map<K, V> | undefined;
  constructor(private readonly build: () => Map<K, V>) {}
  private get map(): Map<K, V> {
    return (this.built ??= this.build());
  }
  get size(): number {
    return this.map.size;
  }
  get(key: K): V | undefined {
    return this.map.get(key);
  }
  has(key: K): boolean {
    return this.map.has(key);
  }
  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    this.map.forEach((value, key) => callback.call(thisArg, value, key, this));
  }
  entries(): ReturnType<Map<K, V>['entries']> {
    return this.map.entries();
  }
  keys(): ReturnType<Map<K, V>['keys']> {
    return this.map.keys();
  }
  values(): ReturnType<Map<K, V>['values']> {
    return this.map.values();
  }
  [Symbol.iterator](): ReturnType<Map<K, V>['entries']> {
    return this.map.entries();
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const healthClass: Record<Health, string> = { green: 'health-green', amber: 'health-amber', red: 'health-red' };
const classOf = (health: Health | null): string => (health ? (healthClass[health] ?? 'health-none') : 'health-none');
const ROW = geometry.rowHeight;
const BAR_TOP = 7;
const BAR_HEIGHT = 14;

export function laneTitle(lane: RoadmapLane, withPortfolio = true): string {
  if (!lane.program) return 'Unassigned projects';
  return lane.portfolio && withPortfolio ? `${lane.portfolio.name} › ${lane.program.name}` : lane.program.name;
}

/** Shortens text to at most `max` characters, ending in an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' '));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** One line about a project for screen readers and tooltips. */
export function describeBar(bar: RoadmapBar): string {
  const parts = [`${bar.name} (${bar.id})`];
  parts.push(bar.start === null || bar.end === null ? 'unscheduled' : `${formatDay(bar.start)} to ${formatDay(bar.end)}`);
  parts.push(`${Math.round(bar.progress)}% complete`, `health ${bar.health}`, bar.state);
  if (bar.forecastStart !== null && bar.forecastEnd !== null && (bar.forecastStart !== bar.start || bar.forecastEnd !== bar.end)) {
    parts.push(`forecast ${formatDay(bar.forecastStart)} to ${formatDay(bar.forecastEnd)}${bar.forecastNote ? ` (${bar.forecastNote})` : ''}`);
  }
  if (bar.critical) parts.push('on the critical path');
  return parts.join(', ');
}

export function describeMilestone(milestone: RoadmapMilestone): string {
  const late = milestone.forecast !== null && milestone.forecast > milestone.date && !milestone.done ? `, forecast ${formatDay(milestone.forecast)}` : '';
  return `Milestone ${milestone.name}${milestone.id ? ` (${milestone.id})` : ''}, ${formatDay(milestone.date)}, ${milestoneStatusText[milestone.status]}${late}`;
}

/** The other revision's window behind a bar (a dashed outline) and where it was, in words. */
function ghostShape(ghost: RoadmapGhost, y: number, x: (day: Day) => number): Shape | undefined {
  if (ghost.start === null || ghost.end === null || ghost.end < ghost.start) return undefined;
  return { t: 'rect', cls: 'ghost', x: x(ghost.start), y: y + BAR_TOP - 1, w: Math.max(3, x(ghost.end + 1) - x(ghost.start)), h: BAR_HEIGHT + 2, rx: 3 };
}

const ghostText = (ghost: RoadmapGhost) =>
  ghost.start === null || ghost.end === null ? 'new since the compared revision' : `${ghost.label} against the compared revision (was ${formatDay(ghost.start)} to ${formatDay(ghost.end)})`;

/** A project's bar, in chart coordinates at row `row`; with a ghost, the compared revision's window behind it and its slip labelled. */
export function barShape(bar: RoadmapBar, row: number, rangeStart: Day, pxPerDay: number, milestones: readonly RoadmapMilestone[] = [], ghost?: RoadmapGhost): Shape {
  const y = row * ROW;
  const x = (day: Day) => dayToX(day, rangeStart, pxPerDay);
  const children: Shape[] = [];
  const ghostRect = ghost && ghostShape(ghost, y, x);
  const cls = ['bar', classOf(bar.cancelled ? null : bar.health), `state-${bar.state}`];
  if (bar.critical) cls.push('critical');
  if (bar.cancelled) cls.push('cancelled');
  if (bar.start === null || bar.end === null) {
    if (ghostRect) children.push(ghostRect);
    cls.push('unscheduled');
    children.push({ t: 'text', cls: 'bar-text', x: 6, y: y + 18, text: 'unscheduled' });
    return { t: 'g', cls: cls.join(' '), data: { id: bar.id }, label: describeBar(bar), title: describeBar(bar), children };
  }
  if (bar.baselineStart !== null || bar.baselineEnd !== null) {
    const start = bar.baselineStart ?? bar.start;
    const end = bar.baselineEnd ?? bar.end;
    if (end >= start) children.push({ t: 'rect', cls: 'baseline', x: x(start), y: y + BAR_TOP + BAR_HEIGHT + 1, w: Math.max(2, x(end + 1) - x(start)), h: 4, rx: 1 });
  }
  const left = x(bar.start);
  const width = Math.max(3, x(bar.end + 1) - left);
  const { forecastStart, forecastEnd } = bar;
  const forecastMoved = forecastStart !== null && forecastEnd !== null && (forecastStart !== bar.start || forecastEnd !== bar.end);
  if (forecastMoved) {
    // Where the project is heading, behind the plan: a pushed project shows an outline moved right.
    const fx = x(forecastStart);
    children.push({ t: 'rect', cls: 'forecast', x: fx, y: y + BAR_TOP - 3, w: Math.max(3, x(forecastEnd + 1) - fx), h: BAR_HEIGHT + 6, rx: 4 });
  }
  children.push({ t: 'rect', cls: 'body', x: left, y: y + BAR_TOP, w: width, h: BAR_HEIGHT, rx: 3 });
  const done = Math.max(0, Math.min(100, bar.progress)) / 100;
  if (done > 0) children.push({ t: 'rect', cls: 'progress', x: left, y: y + BAR_TOP, w: width * done, h: BAR_HEIGHT, rx: 3 });
  if (bar.cancelled) children.push({ t: 'line', cls: 'strike', x1: left - 2, y1: y + BAR_TOP + BAR_HEIGHT / 2, x2: left + width + 2, y2: y + BAR_TOP + BAR_HEIGHT / 2 });
  // The other revision's window over the bar: an outline only, so the bar shows through.
  if (ghostRect) children.push(ghostRect);
  for (const milestone of milestones) children.push(milestoneShape(milestone, row, rangeStart, pxPerDay));
  const textX = x(Math.max(bar.end, forecastMoved ? forecastEnd : bar.end, ghost?.end ?? bar.end) + 1) + 6;
  const status = bar.cancelled ? 'cancelled' : bar.state === 'on-hold' ? `${Math.round(bar.progress)}% · on hold` : `${Math.round(bar.progress)}%`;
  children.push({ t: 'text', cls: 'bar-text', x: textX, y: y + 18, text: status });
  if (ghost) {
    // The slip beside the status text (about 6.5 px a character at the bar text's size).
    children.push({ t: 'text', cls: `slip-label ${ghost.slipped ? 'later' : ghost.start === null ? 'new' : 'earlier'}`, x: textX + status.length * 6.5 + 8, y: y + 18, text: ghost.label });
  }
  const described = ghost ? `${describeBar(bar)}; ${ghostText(ghost)}` : describeBar(bar);
  return { t: 'g', cls: cls.join(' '), data: { id: bar.id }, label: described, title: described, children };
}

/** Where a milestone's name is written: right of its marks, or left of them when it fits there only. */
export interface MilestoneLabel {
  readonly text: string;
  readonly side: 'left' | 'right';
}

/** Half the width of a milestone diamond, and the gap between a mark and its name. */
const DIAMOND_R = 6;
const LABEL_GAP = 4;
/** The font size of milestone names (.milestone-text). */
const LABEL_FONT = 11;

/** A milestone diamond (with its name, when given a label), in chart coordinates at row `row`. */
export function milestoneShape(milestone: RoadmapMilestone, row: number, rangeStart: Day, pxPerDay: number, label?: MilestoneLabel): Shape {
  const cx = dayToX(milestone.date, rangeStart, pxPerDay) + pxPerDay / 2;
  const cy = row * ROW + ROW / 2;
  const r = DIAMOND_R;
  const cls = ['milestone', milestone.status];
  const children: Shape[] = [];
  let labelX = cx + r + LABEL_GAP;
  const diamond = (x: number) => `M${n(x)} ${n(cy - r)}L${n(x + r)} ${n(cy)}L${n(x)} ${n(cy + r)}L${n(x - r)} ${n(cy)}Z`;
  if (!milestone.done && milestone.forecast !== null && milestone.forecast > milestone.date) {
    // Late: a hollow diamond where it is heading, joined to the planned one.
    const fx = dayToX(milestone.forecast, rangeStart, pxPerDay) + pxPerDay / 2;
    cls.push('late');
    children.push({ t: 'line', cls: 'slip', x1: cx + r, y1: cy, x2: fx - r, y2: cy }, { t: 'path', cls: 'forecast-diamond', d: diamond(fx) });
    labelX = fx + r + LABEL_GAP;
  }
  children.push({ t: 'path', cls: 'diamond', d: diamond(cx) });
  if (milestone.status === 'missed') children.push({ t: 'path', cls: 'missed-mark', d: `M${n(cx - 2.5)} ${n(cy - 2.5)}L${n(cx + 2.5)} ${n(cy + 2.5)}M${n(cx + 2.5)} ${n(cy - 2.5)}L${n(cx - 2.5)} ${n(cy + 2.5)}` });
  if (label?.side === 'right') children.push({ t: 'text', cls: 'milestone-text', x: labelX, y: cy + 4, text: label.text });
  else if (label) children.push({ t: 'text', cls: 'milestone-text', x: cx - r - LABEL_GAP, y: cy + 4, text: label.text, anchor: 'end' });
  return { t: 'g', cls: cls.join(' '), data: { milestone: milestone.key }, label: describeMilestone(milestone), title: describeMilestone(milestone), children };
}

/** A lane's header row in the chart: the program's window as a summary bracket and its own milestones, named where there is room. */
export function laneShape(view: RoadmapView, laneIndex: number, row: number, pxPerDay: number, width: number): Shape {
  const { model } = view;
  const lane = model.lanes[laneIndex];
  const y = row * ROW;
  const x = (day: Day) => dayToX(day, model.range.start, pxPerDay);
  const children: Shape[] = [{ t: 'rect', cls: 'lane-band', x: 0, y, w: width, h: ROW }];
  if (lane.start !== null && lane.end !== null) {
    const left = x(lane.start);
    const right = x(lane.end + 1);
    children.push({ t: 'path', cls: `summary ${classOf(lane.health)}`, d: `M${n(left)} ${y + 25}V${y + 19}H${n(right)}V${y + 25}L${n(right - 4)} ${y + 22}H${n(left + 4)}Z` });
  }
  const milestones = view.milestonesOfLane.get(laneIndex) ?? [];
  const labels = milestoneLabels(milestones, model.range.start, pxPerDay, width);
  milestones.forEach((milestone, i) => children.push(milestoneShape(milestone, row, model.range.start, pxPerDay, labels[i])));
  return { t: 'g', cls: 'lane', data: { lane: lane.key }, children };
}

/** Names are cut at this many characters, however much room there is. */
const LABEL_MAX_CHARS = 48;

/**
 * Names for the milestones of one row (sorted by date), each inside the chart (0 to `width`) and clear
 * of every mark and of the names placed before it: right of its marks where the whole name fits, else
 * left of them where it fits, else cut (ending in "…") on the side with more room, else none.
 */
export function milestoneLabels(milestones: readonly RoadmapMilestone[], rangeStart: Day, pxPerDay: number, width: number): Array<MilestoneLabel | undefined> {
  const x = (day: Day) => dayToX(day, rangeStart, pxPerDay) + pxPerDay / 2;
  const late = (m: RoadmapMilestone) => !m.done && m.forecast !== null && m.forecast > m.date;
  // What is drawn in the row, as [left, right] spans: the diamonds, then the names as they are placed.
  const taken: Array<[number, number]> = [];
  const marks = milestones.map((m) => {
    const cx = x(m.date);
    const fx = late(m) ? x(m.forecast!) : cx;
    taken.push([cx - DIAMOND_R, cx + DIAMOND_R]);
    if (fx !== cx) taken.push([fx - DIAMOND_R, fx + DIAMOND_R]);
    return { left: cx - DIAMOND_R, right: fx + DIAMOND_R };
  });
  const edge = 2;
  /** Free room from `from` rightwards (or leftwards), up to the next span taken or the chart's edge. */
  const room = (from: number, direction: 1 | -1): number => {
    if (taken.some(([a, b]) => a < from && from < b)) return 0;
    let limit = direction > 0 ? width - edge : edge;
    for (const [a, b] of taken) {
      if (direction > 0 && a >= from) limit = Math.min(limit, a - LABEL_GAP);
      if (direction < 0 && b <= from) limit = Math.max(limit, b + LABEL_GAP);
    }
    return Math.max(0, (limit - from) * direction);
  };
  return milestones.map((m, i) => {
    const name = truncate(m.name, LABEL_MAX_CHARS);
    const need = textWidth(name, LABEL_FONT);
    const rightFrom = marks[i].right + LABEL_GAP;
    const leftFrom = marks[i].left - LABEL_GAP;
    const right = room(rightFrom, 1);
    const left = room(leftFrom, -1);
    const side: 'left' | 'right' = need <= right || (need > left && right >= left) ? 'right' : 'left';
    const text = fitText(name, side === 'right' ? right : left, LABEL_FONT);
    if (text === '') return undefined;
    const w = textWidth(text, LABEL_FONT);
    taken.push(side === 'right' ? [rightFrom, rightFrom + w] : [leftFrom - w, leftFrom]);
    return { text, side };
  });
}

/** The chart's rows [first, last): lane header rows and project bars. */
export function rowsScene(view: RoadmapView, first: number, last: number, pxPerDay: number, width: number): Shape[] {
  const shapes: Shape[] = [];
  const { model } = view;
  for (let row = first; row < last && row < view.rows.length; row++) {
    const entry = view.rows[row];
    if (entry.kind === 'lane') shapes.push(laneShape(view, entry.lane, row, pxPerDay, width));
    else {
      const bar = model.bars[entry.bar];
      shapes.push(barShape(bar, row, model.range.start, pxPerDay, view.milestonesOfProject.get(bar.id), view.ghostOf.get(bar.id)));
    }
  }
  return shapes;
}

/** Where a dependency end sits: a bar's start/end or a milestone's tips, with its row. */
function anchor(view: RoadmapView, id: string, side: 'from' | 'to', pxPerDay: number): { x: number; row: number } | undefined {
  const { model } = view;
  const barIndex = view.barIndex.get(id);
  if (barIndex !== undefined) {
    const bar = model.bars[barIndex];
    const row = view.rowOfBar[barIndex];
    if (row < 0 || bar.start === null || bar.end === null) return undefined;
    return { x: dayToX(side === 'from' ? bar.end + 1 : bar.start, model.range.start, pxPerDay), row };
  }
  const milestone = view.milestoneById.get(id);
  if (!milestone) return undefined;
  const row = milestone.project !== null ? view.rowOfBar[view.barIndex.get(milestone.project) ?? -1] ?? -1 : view.rowOfLane[milestone.lane];
  if (row === undefined || row < 0) return undefined;
  const cx = dayToX(milestone.date, model.range.start, pxPerDay) + pxPerDay / 2;
  return { x: side === 'from' ? cx + 6 : cx - 6, row };
}

/** Dependency arrows with an end in rows [first, last) (or passing through them). */
export function arrowsScene(view: RoadmapView, first: number, last: number, pxPerDay: number): Shape[] {
  const shapes: Shape[] = [];
  for (const dependency of view.model.dependencies) {
    const from = anchor(view, dependency.from, 'from', pxPerDay);
    if (!from) continue;
    const to = anchor(view, dependency.to, 'to', pxPerDay);
    if (!to) continue;
    if (Math.max(from.row, to.row) < first || Math.min(from.row, to.row) >= last) continue;
    const y1 = from.row * ROW + ROW / 2;
    const y2 = to.row * ROW + ROW / 2;
    let d: string;
    if (to.x - from.x >= 12) {
      const bend = from.x + 6;
      d = `M${n(from.x)} ${n(y1)}H${n(bend)}V${n(y2)}H${n(to.x - 1)}`;
    } else {
      // The successor starts before the predecessor ends: go round, between the rows.
      const between = (to.row > from.row ? from.row + 1 : from.row) * ROW;
      d = `M${n(from.x)} ${n(y1)}h6V${n(between)}H${n(to.x - 8)}V${n(y2)}H${n(to.x - 1)}`;
    }
    const head = `M${n(to.x)} ${n(y2)}l-5 -3.5v7Z`;
    const fromBar = view.barIndex.get(dependency.from);
    const toBar = view.barIndex.get(dependency.to);
    const critical = fromBar !== undefined && toBar !== undefined && view.model.bars[fromBar].critical && view.model.bars[toBar].critical;
    const cls = ['dependency', dependency.violated ? 'violated' : '', critical ? 'critical' : ''].filter(Boolean).join(' ');
    shapes.push({ t: 'g', cls, children: [{ t: 'path', cls: 'link', d }, { t: 'path', cls: 'head', d: head }] });
  }
  return shapes;
}

/** Vertical grid lines over [dayFrom, dayTo] and the status-date line, from y0 to y1. */
export function gridScene(model: RoadmapModel, pxPerDay: number, dayFrom: Day, dayTo: Day, y0: number, y1: number): Shape[] {
  const { major, minor } = axisTicks(dayFrom, dayTo, zoomUnit(pxPerDay));
  const majorDays = new Set(major.map((tick) => tick.day));
  const shapes: Shape[] = [];
  const x = (day: Day) => n(dayToX(day, model.range.start, pxPerDay));
  for (const tick of minor) if (!majorDays.has(tick.day)) shapes.push({ t: 'line', cls: 'grid', x1: x(tick.day), y1: y0, x2: x(tick.day), y2: y1 });
  for (const tick of major) shapes.push({ t: 'line', cls: 'grid major', x1: x(tick.day), y1: y0, x2: x(tick.day), y2: y1 });
  return shapes;
}

export function statusLineScene(model: RoadmapModel, pxPerDay: number, y0: number, y1: number): Shape {
  const x = n(dayToX(model.statusDate, model.range.start, pxPerDay) + pxPerDay / 2);
  return { t: 'line', cls: 'status-line', x1: x, y1: y0, x2: x, y2: y1 };
}

/** The two-tier time axis over [dayFrom, dayTo], in chart x and axis y (0 to the axis height). */
export function axisScene(model: RoadmapModel, pxPerDay: number, dayFrom: Day, dayTo: Day): Shape[] {
  const { major, minor } = axisTicks(dayFrom, dayTo, zoomUnit(pxPerDay));
  const h = geometry.axisHeight;
  const x = (day: Day) => n(dayToX(day, model.range.start, pxPerDay));
  const shapes: Shape[] = [{ t: 'line', cls: 'axis-rule', x1: x(dayFrom), y1: 20, x2: x(dayTo + 1), y2: 20 }];
  for (const tick of major) {
    shapes.push({ t: 'line', cls: 'axis-tick major', x1: x(tick.day), y1: 0, x2: x(tick.day), y2: h });
    shapes.push({ t: 'text', cls: 'axis-major', x: x(tick.day) + 5, y: 14, text: tick.label });
  }
  for (const tick of minor) {
    shapes.push({ t: 'line', cls: 'axis-tick', x1: x(tick.day), y1: 20, x2: x(tick.day), y2: h });
    shapes.push({ t: 'text', cls: 'axis-minor', x: x(tick.day) + 4, y: 36, text: tick.label });
  }
  const status = n(dayToX(model.statusDate, model.range.start, pxPerDay) + pxPerDay / 2);
  shapes.push({
    t: 'g',
    cls: 'status-marker',
    title: `Status date ${formatDay(model.statusDate)}`,
    children: [{ t: 'path', cls: 'status-flag', d: `M${status - 5} ${h - 8}h10l-5 8Z` }],
  });
  return shapes;
}

/** The label column's rows [first, last): lane titles and project names, in label x and chart y. */
export function labelsScene(view: RoadmapView, first: number, last: number, width: number): Shape[] {
  const shapes: Shape[] = [];
  const { model } = view;
  const maxChars = Math.max(4, Math.floor((width - 40) / 6.8));
  for (let row = first; row < last && row < view.rows.length; row++) {
    const entry = view.rows[row];
    const y = row * ROW;
    if (entry.kind === 'lane') {
      const lane = model.lanes[entry.lane];
      shapes.push({
        t: 'g',
        cls: 'lane-label',
        data: { lane: lane.key },
        title: laneTitle(lane, true),
        children: [
          { t: 'rect', cls: 'lane-band', x: 0, y, w: width, h: ROW },
          { t: 'circle', cls: `dot ${classOf(lane.health)}`, cx: 12, cy: y + ROW / 2, r: 4 },
          { t: 'text', cls: 'lane-text', x: 22, y: y + 18, text: truncate(laneTitle(lane, view.showPortfolio), maxChars) },
        ],
      });
    } else {
      const bar = model.bars[entry.bar];
      shapes.push({
        t: 'g',
        cls: `bar-label${bar.cancelled ? ' cancelled' : ''}${bar.critical ? ' critical' : ''}`,
        data: { project: bar.id },
        title: `${bar.name} (${bar.id})`,
        children: [
          // A cancelled project is grey everywhere: its health no longer concerns anyone.
          { t: 'circle', cls: `dot ${classOf(bar.cancelled ? null : bar.health)}`, cx: 24, cy: y + ROW / 2, r: 4 },
          { t: 'text', cls: 'name', x: 34, y: y + 18, text: truncate(bar.name, maxChars - 2) },
        ],
      });
    }
  }
  return shapes;
}

/** Numbers in path data and attributes: at most two decimals (the SVG export writes them so too). */
export function n(value: number): number {
  return Math.round(value * 100) / 100;
}
