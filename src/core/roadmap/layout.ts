/**
 * Pure layout of the roadmap: zoom levels, day ↔ x, the time axis's ticks, which rows show under the
 * filters, and which rows a scroll offset makes visible. Shared by the webview and the exports.
 */
import { calendarOf, dayOfCalendar, type Day } from '../base/dates';
import type { Health } from '../model/entities';
import type { RoadmapModel } from './model';

export type ZoomUnit = 'week' | 'month' | 'quarter';

/** Pixels per day of the zoom buttons. */
export const zoomPresets: Readonly<Record<ZoomUnit, number>> = { week: 14, month: 4, quarter: 1.4 };
export const minZoom = 0.5;
export const maxZoom = 40;
const zoomStep = 1.25;

/** Row height, axis height and label column width, in pixels. */
export const geometry = { rowHeight: 28, axisHeight: 44, labelWidth: 300 } as const;

export function clampZoom(pxPerDay: number): number {
  if (!Number.isFinite(pxPerDay)) return zoomPresets.month;
  return Math.min(maxZoom, Math.max(minZoom, pxPerDay));
}

export function zoomIn(pxPerDay: number, steps = 1): number {
  return clampZoom(pxPerDay * zoomStep ** steps);
}

export function zoomOut(pxPerDay: number, steps = 1): number {
  return clampZoom(pxPerDay / zoomStep ** steps);
}

/** The tick unit that reads well at a zoom level. */
export function zoomUnit(pxPerDay: number): ZoomUnit {
  if (pxPerDay >= 8) return 'week';
  if (pxPerDay >= 2.5) return 'month';
  return 'quarter';
}

/** x of the left edge of a day (days run left to right from the range start). */
export function dayToX(day: Day, rangeStart: Day, pxPerDay: number): number {
  return (day - rangeStart) * pxPerDay;
}

/** The day under an x. */
export function xToDay(x: number, rangeStart: Day, pxPerDay: number): Day {
  return rangeStart + Math.floor(x / pxPerDay);
}

export function chartWidth(range: { start: Day; end: Day }, pxPerDay: number): number {
  return (range.end - range.start + 1) * pxPerDay;
}

export interface Tick {
  readonly day: Day;
  readonly label: string;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/**
 * Ticks of the two-tier axis over [from, to]: minor ticks in the zoom's unit (weeks start on Monday)
 * and major ticks one level up (months above weeks, years above months and quarters). A tick at or
 * before `from` is included so a label can run into view.
 */
export function axisTicks(from: Day, to: Day, unit: ZoomUnit): { major: Tick[]; minor: Tick[] } {
  const minor: Tick[] = [];
  const major: Tick[] = [];
  if (to < from) return { major, minor };
  const start = calendarOf(from);
  if (unit === 'week') {
    // 1970-01-05 (day 4) was a Monday.
    let monday = from - ((((from - 4) % 7) + 7) % 7);
    for (; monday <= to; monday += 7) minor.push({ day: monday, label: String(calendarOf(monday).date) });
    for (let m = dayOfCalendar(start.year, start.month); m <= to; ) {
      const { year, month } = calendarOf(m);
      major.push({ day: m, label: `${monthNames[month]} ${year}` });
      m = dayOfCalendar(year, month + 1);
    }
    return { major, minor };
  }
  const step = unit === 'month' ? 1 : 3;
  const firstMonth = unit === 'month' ? start.month : start.month - (start.month % 3);
  for (let m = dayOfCalendar(start.year, firstMonth); m <= to; ) {
    const { year, month } = calendarOf(m);
    minor.push({ day: m, label: unit === 'month' ? monthNames[month] : `Q${month / 3 + 1}` });
    m = dayOfCalendar(year, month + step);
  }
  for (let y = start.year; dayOfCalendar(y, 0) <= to; y++) major.push({ day: dayOfCalendar(y, 0), label: String(y) });
  return { major, minor };
}

/** What the roadmap shows; empty strings and an empty health list mean "all". */
export interface RoadmapFilters {
  /** A portfolio id. */
  readonly portfolio: string;
  /** A lane key (`program:<id>` or `unassigned`). */
  readonly lane: string;
  readonly health: readonly Health[];
  /** Matches a project's id or name, case-insensitively. */
  readonly text: string;
}

export const noFilters: RoadmapFilters = { portfolio: '', lane: '', health: [], text: '' };

export type RoadmapRow =
  | { readonly kind: 'lane'; readonly lane: number }
  | { readonly kind: 'bar'; readonly lane: number; readonly bar: number };

/**
 * The rows drawn under the filters, top to bottom: each lane's header row, then its projects. A lane
 * whose projects are all filtered out is hidden when a project filter (health, text) is active.
 */
export function roadmapRows(model: RoadmapModel, filters: RoadmapFilters = noFilters): RoadmapRow[] {
  const text = filters.text.trim().toLowerCase();
  const health = new Set(filters.health);
  const projectFilter = text !== '' || health.size > 0;
  const barsOfLane: number[][] = model.lanes.map(() => []);
  model.bars.forEach((bar, index) => {
    if (health.size > 0 && (bar.health === null || !health.has(bar.health))) return;
    if (text !== '' && !bar.id.toLowerCase().includes(text) && !bar.name.toLowerCase().includes(text)) return;
    barsOfLane[bar.lane]?.push(index);
  });
  const rows: RoadmapRow[] = [];
  model.lanes.forEach((lane, index) => {
    if (filters.portfolio !== '' && lane.portfolio?.id !== filters.portfolio) return;
    if (filters.lane !== '' && lane.key !== filters.lane) return;
    const bars = barsOfLane[index];
    if (projectFilter && bars.length === 0) return;
    rows.push({ kind: 'lane', lane: index });
    for (const bar of bars) rows.push({ kind: 'bar', lane: index, bar });
  });
  return rows;
}

/** Rows [first, last) that a viewport shows at a scroll offset, widened by `overscan` rows each way. */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number, overscan = 0): { first: number; last: number } {
  const top = Math.max(0, scrollTop);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(rowCount, Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight) + overscan);
  return { first: Math.min(first, last), last };
}
