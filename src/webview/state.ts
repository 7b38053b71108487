/**
 * What the roadmap remembers across updates and window reloads (VS Code's getState/setState): zoom,
 * scroll position, filters, the table's sort and its columns, the tab shown and the People tab's basis. Read back defensively: state may come from an older version.
 */
import { clampZoom, healthValues, noFilters, zoomPresets, type LoadBasis, type RoadmapFilters } from '../core';
import type { RoadmapTab } from '../shared/protocol';

export type SortKey = (typeof sortKeys)[number];
export const sortKeys = [
  'name', 'start', 'end', 'forecastStart', 'forecastEnd', 'bac', 'ac', 'ev', 'pv', 'cpi', 'spi', 'spiT', 'ieacT', 'eac', 'vac', 'roiPlanned', 'roiForecast', 'progress', 'risks', 'issues', 'health', 'declaredHealth',
  // While comparing with another revision.
  'deltaEnd', 'deltaForecastEnd', 'deltaBac', 'deltaEac', 'healthChange',
] as const;

export interface ViewState {
  readonly version: 1;
  /** Pixels per day. */
  readonly zoom: number;
  /** The day at the left edge of the chart, so a new time range keeps the same view. */
  readonly leftDay: number | null;
  readonly scrollTop: number;
  readonly filters: RoadmapFilters;
  readonly sort: { readonly key: SortKey; readonly descending: boolean } | null;
  readonly tableScrollTop: number;
  /**
   * The table's columns the user showed (true) or hid (false) in the column chooser; the others show
   * or not by default. Kept as choices, so a column added in a later version takes its own default.
   */
  readonly columns: ColumnChoice;
  readonly tab: RoadmapTab;
  /** The People tab's basis. */
  readonly basis: LoadBasis;
}

export type ColumnChoice = Readonly<Partial<Record<SortKey, boolean>>>;

export const initialState: ViewState = { version: 1, zoom: zoomPresets.month, leftDay: null, scrollTop: 0, filters: noFilters, sort: null, tableScrollTop: 0, columns: {}, tab: 'timeline', basis: 'plan' };

/** The column choices of a saved state: known columns and true/false only. */
function readColumns(raw: unknown): ColumnChoice {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const choice: Partial<Record<SortKey, boolean>> = {};
  for (const key of sortKeys) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value === 'boolean') choice[key] = value;
  }
  return choice;
}

const finite = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const text = (value: unknown, max = 200) => (typeof value === 'string' ? value.slice(0, max) : '');

export function readState(raw: unknown): ViewState {
  if (typeof raw !== 'object' || raw === null) return initialState;
  const state = raw as Record<string, unknown>;
  if (state.version !== 1) return initialState;
  const filters = (typeof state.filters === 'object' && state.filters !== null ? state.filters : {}) as Record<string, unknown>;
  const sort = state.sort as Record<string, unknown> | null | undefined;
  return {
    version: 1,
    zoom: clampZoom(finite(state.zoom, initialState.zoom)),
    leftDay: typeof state.leftDay === 'number' && Number.isInteger(state.leftDay) ? state.leftDay : null,
    scrollTop: Math.max(0, finite(state.scrollTop, 0)),
    filters: {
      portfolio: text(filters.portfolio),
      lane: text(filters.lane),
      health: Array.isArray(filters.health) ? healthValues.filter((h) => (filters.health as unknown[]).includes(h)) : [],
      text: text(filters.text),
    },
    sort:
      sort && typeof sort === 'object' && (sortKeys as readonly unknown[]).includes(sort.key)
        ? { key: sort.key as SortKey, descending: sort.descending === true }
        : null,
    tableScrollTop: Math.max(0, finite(state.tableScrollTop, 0)),
    columns: readColumns(state.columns),
    tab: state.tab === 'people' ? 'people' : 'timeline',
    basis: state.basis === 'forecast' ? 'forecast' : 'plan',
  };
}
