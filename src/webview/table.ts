/**
 * The rollup table under the roadmap: portfolio › program › project rows with the earned-value figures,
 * sortable by any column (siblings are sorted, the hierarchy stays). Virtualised like the chart.
 */
import { displayName, figureTable, formatFigure, isCancelled, isNumericFigure, programOrder, formatDayDelta, formatMoneyDelta, type FigureKey, type FigureSpec, type FiguresJson, type PortfolioJson, type ProgramJson, type ProjectJson, type RollupJson, type Health, visibleRows, type RoadmapDelta, type RoadmapView } from '../core';
import { h, setSize } from './dom';
import { ColumnChooser } from './columns';
import type { ColumnChoice, SortKey, ViewState } from './state';
import { ALL_ROWS_LIMIT } from './timeline';

type Level = 'portfolio' | 'program' | 'project';
type Entry = PortfolioJson | ProgramJson | ProjectJson;
interface Row {
  readonly level: Level;
  readonly entry: Entry;
}
interface Node {
  readonly row: Row;
  readonly children: Node[];
}

const ROW_HEIGHT = 26;
export const LOADING = 'Loading the figures…';
const OVERSCAN = 6;
const healthRank: Record<Health, number> = { green: 0, amber: 1, red: 2 };

interface Column {
  readonly key: SortKey;
  readonly label: string;
  readonly title: string;
  readonly numeric: boolean;
  /** The row's value for sorting; `d` is its Δ while comparing. */
  readonly value: (e: Entry, d: RoadmapDelta | undefined) => number | string | null;
  /** The cell's text, money in the row's `currency`; `d` is its Δ while comparing. */
  readonly text: (e: Entry, currency: string, d: RoadmapDelta | undefined) => string;
  /** A Δ column, shown only while comparing with another revision (and then by default). */
  readonly delta?: boolean;
  /**
   * Shown unless the user hides it in the column chooser: the essential columns, which together fit a
   * window 1,400 px wide. Any other column is opt-in (so a new figure does not push Health off screen).
   */
  readonly byDefault?: true;
}

const openIssues = (f: FiguresJson) => f.issues.critical + f.issues.high + f.issues.medium + f.issues.low;

/**
 * A column of a figure: its header, tooltip, alignment and text as the figure table (the core's
 * views/figureTable.ts) gives them; its sort value the figure's own unless `overrides` says otherwise.
 */
function figureColumn<K extends FigureKey & SortKey>(key: K, overrides: Partial<Pick<Column, 'byDefault' | 'value' | 'text'>> = {}): Column {
  const spec: Pick<FigureSpec, 'label' | 'short' | 'column' | 'title'> = figureTable[key];
  return {
    key,
    label: spec.column ?? spec.short,
    title: spec.title ?? spec.label,
    numeric: isNumericFigure(key),
    value: (e) => (e.figures[key] as number | string | null | undefined) ?? null,
    text: (e, currency) => formatFigure(key, e.figures[key], currency),
    ...overrides,
  };
}

export const columns: readonly Column[] = [
  { key: 'name', label: 'Name', title: 'Portfolio, program or project', numeric: false, byDefault: true, value: (e) => displayName(e).toLowerCase(), text: (e) => displayName(e) },
  { key: 'start', label: 'Start', title: 'Start', numeric: false, byDefault: true, value: (e) => e.start, text: (e) => e.start ?? '—' },
  { key: 'end', label: 'End', title: 'End', numeric: false, byDefault: true, value: (e) => e.end, text: (e) => e.end ?? '—' },
  figureColumn('forecastStart'),
  figureColumn('forecastEnd', { byDefault: true }),
  { key: 'deltaEnd', label: 'Δ end', title: 'Days the end moved since the compared revision', numeric: true, delta: true, value: (_, d) => d?.end ?? null, text: (_, _currency, d) => deltaText(d, formatDayDelta, d?.end) },
  {
    key: 'deltaForecastEnd',
    label: 'Δ fcst end',
    title: 'Days the forecast end moved since the compared revision',
    numeric: true,
    delta: true,
    value: (_, d) => d?.forecastEnd ?? null,
    text: (_, _currency, d) => deltaText(d, formatDayDelta, d?.forecastEnd),
  },
  figureColumn('bac', { byDefault: true }),
  { key: 'deltaBac', label: 'Δ BAC', title: 'BAC now minus BAC in the compared revision', numeric: true, delta: true, value: (_, d) => d?.bac ?? null, text: (_, _currency, d) => deltaText(d, formatMoneyDelta, d?.bac) },
  ...(['ac', 'ev', 'pv'] as const).map((key) => figureColumn(key)),
  figureColumn('cpi', { byDefault: true }),
  figureColumn('spi', { byDefault: true }),
  ...(['spiT', 'ieacT'] as const).map((key) => figureColumn(key)),
  figureColumn('eac', { byDefault: true }),
  { key: 'deltaEac', label: 'Δ EAC', title: 'EAC now minus EAC in the compared revision', numeric: true, delta: true, value: (_, d) => d?.eac ?? null, text: (_, _currency, d) => deltaText(d, formatMoneyDelta, d?.eac) },
  figureColumn('vac'),
  figureColumn('roiPlanned'),
  figureColumn('roiForecast'),
  figureColumn('progress', { byDefault: true }),
  // Counts, right-aligned like numbers; sorted by high, then medium, then low.
  { ...figureColumn('risks', { byDefault: true, value: (e) => e.figures.risks.high * 1e6 + e.figures.risks.medium * 1e3 + e.figures.risks.low }), numeric: true },
  { ...figureColumn('issues', { byDefault: true, value: (e) => openIssues(e.figures) }), numeric: true },
  // A cancelled project computes no health (v3): the cell says cancelled.
  figureColumn('health', { byDefault: true, value: (e) => (e.figures.health === null ? -1 : healthRank[e.figures.health]), text: (e) => e.figures.health ?? 'cancelled' }),
  {
    key: 'healthChange',
    label: 'Health before → after',
    title: 'Computed health in the compared revision and now',
    numeric: false,
    delta: true,
    value: (_, d) => (d?.healthBefore && d.healthAfter && d.healthBefore !== d.healthAfter ? healthRank[d.healthAfter] - healthRank[d.healthBefore] : null),
    text: (_, _currency, d) =>
      !d ? '' : d.healthBefore === null ? `new: ${d.healthAfter ?? 'cancelled'}` : d.healthBefore === d.healthAfter ? '' : `${d.healthBefore} → ${d.healthAfter ?? 'cancelled'}`,
  },
  figureColumn('declaredHealth', { byDefault: true, value: (e) => (e.figures.declaredHealth ? healthRank[e.figures.declaredHealth] : null) }),
];

/** A Δ cell: "new" for an added entry, the difference when it is not zero, else empty. */
function deltaText(d: RoadmapDelta | undefined, format: (value: number) => string, value: number | null | undefined): string {
  if (!d) return '';
  if (d.change === 'added') return 'new';
  return value === null || value === undefined || value === 0 ? '' : format(value);
}

/** The columns there are: the Δ columns only while comparing. */
export function availableColumns(comparing: boolean): readonly Column[] {
  return comparing ? columns : columns.filter((column) => !column.delta);
}

/**
 * The columns shown: of those there are, the ones the user chose, else those shown by default (the
 * essential ones, and the Δ columns while comparing). The name is always shown.
 */
export function shownColumns(comparing: boolean, choice: ColumnChoice = {}): readonly Column[] {
  return availableColumns(comparing).filter((column) => column.key === 'name' || (choice[column.key] ?? (column.byDefault === true || column.delta === true)));
}

/** A row's Δ while comparing (portfolios have none). */
const deltaOfRow = (view: RoadmapView, row: Row) => (row.level === 'portfolio' ? undefined : view.deltaOf.get(`${row.level}:${row.entry.id}`));

/** The table's rows in display order: the hierarchy of the visible lanes, siblings sorted. */
export function tableRows(rollup: RollupJson, view: RoadmapView, sort: ViewState['sort']): Row[] {
  const { model } = view;
  const shownPrograms = new Set<string>();
  const shownProjects = new Set<string>();
  let unassignedShown = false;
  model.lanes.forEach((lane, i) => {
    if (view.rowOfLane[i] < 0) return;
    if (lane.program) shownPrograms.add(lane.program.id);
    else unassignedShown = true;
  });
  model.bars.forEach((bar, i) => {
    if (view.rowOfBar[i] >= 0) shownProjects.add(bar.id);
  });
  const projects = new Map(rollup.projects.map((p) => [p.id, p]));
  const programs = new Map(rollup.programs.map((p) => [p.id, p]));
  const projectNodes = (ids: readonly string[]): Node[] =>
    ids.flatMap((id) => {
      const p = projects.get(id);
      return p && shownProjects.has(id) ? [{ row: { level: 'project' as const, entry: p }, children: [] }] : [];
    });
  const programNode = (p: ProgramJson): Node => ({ row: { level: 'program', entry: p }, children: projectNodes(p.projects) });
  const roots: Node[] = [];
  for (const group of programOrder(rollup.portfolios, rollup.programs, (p) => shownPrograms.has(p.id))) {
    const children = group.programs.map(programNode);
    if (!group.portfolio) roots.push(...children);
    else if (children.length > 0) roots.push({ row: { level: 'portfolio', entry: group.portfolio }, children });
  }
  if (unassignedShown) roots.push(...projectNodes(rollup.projects.filter((p) => p.program === null || !programs.has(p.program)).map((p) => p.id)));

  const column = sort ? availableColumns(view.comparison !== null).find((c) => c.key === sort.key) : undefined;
  const rows: Row[] = [];
  const value = (node: Node) => column!.value(node.row.entry, deltaOfRow(view, node.row));
  const visit = (nodes: Node[]) => {
    const ordered = column ? [...nodes].sort((a, b) => compare(value(a), value(b), sort!.descending)) : nodes;
    for (const node of ordered) {
      rows.push(node.row);
      visit(node.children);
    }
  };
  visit(roots);
  return rows;
}

/** The currency of every row's figures: a program's lane currency, for its projects too; a portfolio's its programs' (EUR+USD when they differ). */
function currenciesOf(view: RoadmapView): Map<string, string> {
  const currencies = new Map<string, string>();
  const { lanes, bars } = view.model;
  // A portfolio's sums are of its programs' currencies, unconverted: it names each (EUR+USD), as currencyOf does.
  const ofPortfolio = new Map<string, string[]>();
  for (const lane of lanes) {
    if (lane.program) currencies.set(lane.program.id, lane.currency);
    if (!lane.portfolio || !lane.program) continue;
    const list = ofPortfolio.get(lane.portfolio.id) ?? [];
    if (!list.includes(lane.currency)) list.push(lane.currency);
    ofPortfolio.set(lane.portfolio.id, list);
  }
  for (const [id, list] of ofPortfolio) currencies.set(id, list.join('+'));
  for (const bar of bars) currencies.set(bar.id, lanes[bar.lane]?.currency ?? '');
  return currencies;
}

/** Nulls last in either direction; ties keep the plan's order (sort is stable). */
function compare(a: number | string | null, b: number | string | null, descending: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = a < b ? -1 : 1;
  return descending ? -order : order;
}

export interface TableEvents {
  open(id: string): void;
  sort(sort: ViewState['sort']): void;
  moved(): void;
  /** The user chose the columns shown (to keep in the view state). */
  columns(choice: ColumnChoice): void;
}

export class RollupTable {
  readonly element: HTMLElement;
  /** The column chooser, placed by the app beside the table's title. */
  readonly chooser: ColumnChooser;
  private choice: ColumnChoice = {};
  private comparing = false;
  private readonly scroller: HTMLElement;
  private readonly headRow = h('tr');
  private readonly body: HTMLTableSectionElement;
  private headers: HTMLTableCellElement[] = [];
  private shown: readonly Column[] = shownColumns(false);
  private view: RoadmapView | undefined;
  private rows: Row[] = [];
  private openable = new Set<string>();
  private drawn: { first: number; last: number } | undefined;
  private sort: ViewState['sort'] = null;
  private frame = 0;
  /** The currency of each portfolio's, program's and project's figures (by id). */
  private currencies = new Map<string, string>();
  /** While printing every row is drawn. */
  private printingAll = false;

  constructor(private readonly events: TableEvents) {
    this.chooser = new ColumnChooser({ choose: (key, shown) => this.choose(key, shown) });
    this.buildHeader();
    this.body = h('tbody');
    const table = h('table', { className: 'rollup', attrs: { 'aria-label': 'Rollup' } }, h('thead', {}, this.headRow), this.body);
    this.scroller = h('div', { className: 'table-scroller' }, table);
    this.scroller.addEventListener('scroll', () => {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.draw(false);
        this.events.moved();
      });
    }, { passive: true });
    this.body.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button[data-open]');
      if (button instanceof HTMLButtonElement && button.dataset.open !== undefined) this.events.open(button.dataset.open);
    });
    this.element = h('section', { className: 'table-section', attrs: { 'aria-label': 'Rollup table' } }, this.scroller);
    new ResizeObserver(() => this.draw(false)).observe(this.scroller);
    this.showMessage(LOADING, true);
    this.updateColumns();
  }

  get scrollTop(): number {
    return this.scroller.scrollTop;
  }

  /** Rows of the table that have a Δ (while comparing). */
  get deltaRows(): number {
    const view = this.view;
    return view ? this.rows.filter((row) => deltaOfRow(view, row) !== undefined).length : 0;
  }

  private buildHeader(): void {
    this.headers = this.shown.map((column) => {
      const button = h('button', { className: 'sort', attrs: { type: 'button', title: `Sort by ${column.title}` }, text: column.label });
      button.addEventListener('click', () => {
        const next: ViewState['sort'] =
          this.sort?.key !== column.key ? { key: column.key, descending: column.numeric } : this.sort.descending === column.numeric ? { key: column.key, descending: !column.numeric } : null;
        this.events.sort(next);
      });
      return h('th', { className: `${column.numeric ? 'num' : ''}${column.delta ? ' delta' : ''}`.trim(), attrs: { scope: 'col', 'aria-sort': 'none' } }, button);
    });
    this.headRow.replaceChildren(...this.headers);
  }

  /** The columns chosen (from the view state): shown from now on. */
  setColumnChoice(choice: ColumnChoice): void {
    this.choice = choice;
    this.updateColumns();
  }

  /** A choice in the chooser: one column shown or hidden, or all back to their defaults (`key` null). */
  private choose(key: SortKey | null, shown: boolean): void {
    this.choice = key === null ? {} : { ...this.choice, [key]: shown };
    this.events.columns(this.choice);
    this.updateColumns();
    // Sorted by a column no longer shown: back to the plan's order, which the header can show.
    if (this.sort && !this.shown.some((column) => column.key === this.sort?.key)) this.events.sort(null);
  }

  /** Rebuilds the header, the chooser and the rows drawn when the columns shown changed. */
  private updateColumns(): void {
    const shown = shownColumns(this.comparing, this.choice);
    const keys = new Set(shown.map((column) => column.key));
    this.chooser.setColumns(availableColumns(this.comparing).filter((column) => column.key !== 'name'), keys);
    if (shown.length === this.shown.length && shown.every((column, i) => column === this.shown[i])) return;
    this.shown = shown;
    this.buildHeader();
    this.markSort();
    if (this.view) this.draw(true);
    else for (const cell of this.body.querySelectorAll('td.none')) cell.setAttribute('colspan', String(shown.length));
  }

  private markSort(): void {
    const sort = this.sort;
    this.headers.forEach((cell, i) => {
      const key = this.shown[i].key;
      cell.setAttribute('aria-sort', sort?.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none');
    });
  }

  /** Instead of rows (before the figures arrive, or when they cannot): one row saying why; `busy` while they load. */
  showMessage(text: string, busy: boolean): void {
    this.view = undefined;
    this.rows = [];
    this.drawn = undefined;
    if (busy) this.element.setAttribute('aria-busy', 'true');
    else this.element.removeAttribute('aria-busy');
    this.body.replaceChildren(h('tr', {}, h('td', { className: 'none', attrs: { colspan: String(this.shown.length) }, text })));
  }

  setRows(rollup: RollupJson, view: RoadmapView, sort: ViewState['sort'], scrollTop?: number): void {
    this.element.removeAttribute('aria-busy');
    this.view = undefined;
    this.comparing = view.comparison !== null;
    this.updateColumns();
    this.view = view;
    this.sort = sort;
    this.rows = tableRows(rollup, view, sort);
    this.openable = new Set([...view.model.bars.map((b) => b.id), ...view.model.lanes.flatMap((l) => (l.program ? [l.program.id] : []))]);
    this.currencies = currenciesOf(view);
    this.markSort();
    if (scrollTop !== undefined) this.scroller.scrollTop = scrollTop;
    this.draw(true);
  }

  /** Printing: every row drawn (no virtual window), until printing ends. */
  printing(on: boolean): void {
    if (on === this.printingAll) return;
    this.printingAll = on;
    this.draw(true);
  }

  private draw(force: boolean): void {
    if (!this.view) return;
    const total = this.rows.length;
    const height = Math.max(0, this.scroller.clientHeight - ROW_HEIGHT);
    const seen = visibleRows(this.scroller.scrollTop, height, ROW_HEIGHT, total);
    if (!force && this.drawn && this.drawn.first <= seen.first && this.drawn.last >= seen.last) return;
    const window = total <= ALL_ROWS_LIMIT || this.printingAll ? { first: 0, last: total } : visibleRows(this.scroller.scrollTop, height, ROW_HEIGHT, total, OVERSCAN);
    const fragment = document.createDocumentFragment();
    if (window.first > 0) fragment.append(this.spacer(window.first));
    for (let i = window.first; i < window.last; i++) fragment.append(this.rowElement(this.rows[i]));
    if (window.last < total) fragment.append(this.spacer(total - window.last));
    if (total === 0) fragment.append(h('tr', {}, h('td', { className: 'none', attrs: { colspan: String(this.shown.length) }, text: 'Nothing to show.' })));
    this.body.replaceChildren(fragment);
    this.drawn = window;
  }

  private spacer(rows: number): HTMLTableRowElement {
    const cell = h('td', { attrs: { colspan: String(this.shown.length) } });
    const row = h('tr', { className: 'spacer', attrs: { 'aria-hidden': 'true' } }, cell);
    setSize(cell, null, rows * ROW_HEIGHT);
    return row;
  }

  private rowElement(row: Row): HTMLTableRowElement {
    const e = row.entry;
    const cancelled = isCancelled(e);
    const tr = h('tr', { className: `level-${row.level} health-${cancelled ? 'none' : e.figures.health}` });
    const currency = this.currencies.get(e.id) ?? '';
    const d = this.view ? deltaOfRow(this.view, row) : undefined;
    this.shown.forEach((column, i) => {
      const text = column.text(e, currency, d);
      if (i === 0) {
        const name = this.openable.has(e.id)
          ? h('button', { className: 'link', attrs: { type: 'button', 'data-open': e.id, title: `${text} (${e.id}): open where it is defined` }, text })
          : h('span', { attrs: { title: `${text} (${e.id})` }, text });
        tr.append(h('th', { className: 'name', attrs: { scope: 'row' } }, name));
      } else if (column.key === 'health' || column.key === 'declaredHealth') {
        const health = column.key === 'health' ? e.figures.health : e.figures.declaredHealth;
        // A cancelled project is grey everywhere: its health no longer concerns anyone.
        // v3: it computes no health at all; its cell says cancelled, grey.
        const look = cancelled && (health || column.key === 'health') ? 'none' : health;
        tr.append(h('td', { className: look ? `health health-${look}` : 'health' }, look ? h('span', { className: 'dot', attrs: { 'aria-hidden': 'true' } }) : null, text));
      } else if (column.delta) {
        const value = column.value(e, d);
        const direction = typeof value !== 'number' || value === 0 ? '' : value > 0 ? ' up' : ' down';
        tr.append(h('td', { className: `delta${column.numeric ? ' num' : ''}${direction}${d?.change === 'added' ? ' new' : ''}`, text }));
      } else {
        tr.append(h('td', { className: column.numeric ? 'num' : '', text }));
      }
    });
    if (cancelled) tr.classList.add('cancelled');
    return tr;
  }
}
