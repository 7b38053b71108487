/**
 * The roadmap panel's People tab (SPEC 10): the heatmap of people × ISO weeks the extension worked out
 * (core views/peopleHeatmap.ts; nothing is computed here), each cell the week's peak as a percent of the
 * person's capacity, the weeks over capacity marked by a sign and a heavy outline as well as by colour;
 * a plan/forecast switch; a cell's projects on hover; the periods over capacity and the suggestions
 * below, their people and projects as links to the plan files. Virtualised in both directions like the
 * rollup table: only the rows and weeks in view (plus a few) are in the DOM.
 */
import { formatDay, heatmapCellLoad, visibleRows, weekLabel, type HeatmapPerson, type LoadBasis, type PeopleHeatmap } from '../core';
import { h, setSize } from './dom';

const NAME_WIDTH = 220;
const CELL_WIDTH = 52;
const ROW_HEIGHT = 24;
const OVERSCAN_ROWS = 4;
const OVERSCAN_WEEKS = 2;
/** People and suggestions listed under the heatmap at most (the heatmap has everyone, the overloaded first). */
const LIST_LIMIT = 20;
/** Over-capacity cells a `peopleRendered` report lists at most (MAX_REPORTED_CELLS in the protocol). */
const REPORTED_CELLS = 200;

const basisLabels: ReadonlyArray<[LoadBasis, string, string]> = [
  ['plan', 'Plan', 'Load on the scheduled dates'],
  ['forecast', 'Forecast', 'Load on the forecast dates (where the slips push the work)'],
];

export interface PeopleEvents {
  /** The user chose a basis. */
  basis(basis: LoadBasis): void;
  /** Open a person's definition, or their team entry on a project. */
  open(person: string, project?: string): void;
  /** A cell is hovered (a card of lines), or nothing (null). */
  point(card: { title: string; subtitle: string; lines: Array<[string, string]> } | null, at: { x: number; y: number } | Element): void;
  /** A heatmap was drawn. */
  rendered(report: { basis: LoadBasis; people: number; cells: number; elements: number; over: Array<[string, string, string]> }): void;
}

export class PeopleTab {
  readonly element: HTMLElement;
  private readonly basisButtons = new Map<LoadBasis, HTMLButtonElement>();
  private readonly summary = h('p', { className: 'people-summary', attrs: { role: 'status', 'aria-live': 'polite' }, text: 'Loading the people…' });
  private readonly scroller = h('div', { className: 'heatmap-scroller', attrs: { tabindex: '0', 'aria-label': 'Heatmap: scroll with the arrow keys' } });
  private readonly table = h('table', { className: 'heatmap', attrs: { 'aria-label': 'Weekly peak load, as a percent of each person\u2019s capacity' } });
  private readonly head = h('tr');
  private readonly body = h('tbody');
  private readonly periods = h('section', { className: 'people-periods', attrs: { 'aria-label': 'Periods over capacity' } });
  private readonly suggestions = h('section', { className: 'people-suggestions', attrs: { 'aria-label': 'Suggestions' } });
  private heatmap: PeopleHeatmap | undefined;
  private drawn: { rows: { first: number; last: number }; weeks: { first: number; last: number } } | undefined;
  private frame = 0;
  /** Whether the heatmap has been scrolled to the status date once (a new one keeps the position). */
  private placed = false;
  private visible = false;

  constructor(private readonly events: PeopleEvents) {
    const basisGroup = h('div', { className: 'group', attrs: { role: 'group', 'aria-label': 'Basis' } });
    for (const [basis, label, title] of basisLabels) {
      const button = h('button', { className: 'button segment', attrs: { type: 'button', title, 'aria-pressed': 'false', 'data-basis': basis }, text: label });
      button.addEventListener('click', () => this.events.basis(basis));
      this.basisButtons.set(basis, button);
      basisGroup.append(button);
    }
    this.table.append(h('thead', {}, this.head), this.body);
    this.scroller.append(this.table);
    this.scroller.addEventListener('scroll', () => this.drawSoon(), { passive: true });
    new ResizeObserver(() => this.drawSoon()).observe(this.scroller);
    this.element = h(
      'div',
      { className: 'people-tab', attrs: { role: 'tabpanel', id: 'tab-panel-people', 'aria-labelledby': 'tab-people' } },
      h('nav', { className: 'toolbar', attrs: { 'aria-label': 'People controls' } }, basisGroup, this.summary),
      h('section', { className: 'heatmap-section', attrs: { 'aria-label': 'People heatmap' } }, this.scroller),
      h('div', { className: 'people-lists' }, this.periods, this.suggestions),
    );
    // Clicks and hovers are handled once for every cell, drawn or redrawn.
    this.element.addEventListener('click', (event) => {
      const target = event.target as Element;
      const button = target.closest('button[data-person]');
      if (button instanceof HTMLButtonElement) return this.events.open(button.dataset.person!, button.dataset.project);
      const cell = this.cellAt(target);
      if (cell?.project !== undefined) this.events.open(cell.person.id, cell.project);
    });
    this.body.addEventListener('mouseover', (event) => this.hover(event.target as Element, { x: event.clientX, y: event.clientY }));
    this.body.addEventListener('mouseleave', () => this.events.point(null, { x: 0, y: 0 }));
  }

  /** The tab is shown (true) or hidden: only a shown heatmap is drawn. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.draw(true);
    else this.clear();
  }

  /** The basis chosen (before its heatmap arrives). */
  setBasis(basis: LoadBasis): void {
    for (const [key, button] of this.basisButtons) button.setAttribute('aria-pressed', String(key === basis));
    if (this.heatmap && this.heatmap.basis !== basis) this.summary.textContent = `Loading the ${basis} basis…`;
  }

  setHeatmap(heatmap: PeopleHeatmap): void {
    this.heatmap = heatmap;
    const over = heatmap.people.filter((p) => p.overloaded).length;
    this.summary.textContent =
      `${heatmap.basis === 'plan' ? 'Plan' : 'Forecast'} basis · ${heatmap.people.length === 1 ? '1 person' : `${heatmap.people.length} people`} · ` +
      (over === 0 ? 'no one over capacity' : `${over} over capacity`) +
      (heatmap.truncated ? ` · the first ${heatmap.weeks.length} weeks with load` : '');
    this.table.setAttribute('aria-rowcount', String(heatmap.people.length + 1));
    this.table.setAttribute('aria-colcount', String(heatmap.weeks.length + 1));
    setSize(this.table, NAME_WIDTH + heatmap.weeks.length * CELL_WIDTH, null);
    this.fillLists(heatmap);
    if (!this.placed && this.visible && this.scroller.clientWidth > 0) this.placeAtStatusDate(heatmap);
    this.draw(true);
  }

  /** Scrolls the weeks so that the status date's week is the second one in view (once). */
  private placeAtStatusDate(heatmap: PeopleHeatmap): void {
    this.placed = true;
    const week = heatmap.weeks.findIndex((monday) => heatmap.statusDate >= monday && heatmap.statusDate < monday + 7);
    this.scroller.scrollLeft = week > 0 ? (week - 1) * CELL_WIDTH : 0;
  }

  private drawSoon(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw(false);
    });
  }

  private clear(): void {
    this.head.replaceChildren();
    this.body.replaceChildren();
    this.drawn = undefined;
  }

  /** Draws the rows and weeks in view (and a few more); unless `force`, only when scrolling left what is drawn. */
  private draw(force: boolean): void {
    const heatmap = this.heatmap;
    if (!heatmap || !this.visible) return;
    if (!this.placed && this.scroller.clientWidth > 0) this.placeAtStatusDate(heatmap);
    const height = Math.max(0, this.scroller.clientHeight - ROW_HEIGHT);
    const width = Math.max(0, this.scroller.clientWidth - NAME_WIDTH);
    const rowsSeen = visibleRows(this.scroller.scrollTop, height, ROW_HEIGHT, heatmap.people.length);
    const weeksSeen = visibleRows(this.scroller.scrollLeft, width, CELL_WIDTH, heatmap.weeks.length);
    const d = this.drawn;
    if (!force && d && d.rows.first <= rowsSeen.first && d.rows.last >= rowsSeen.last && d.weeks.first <= weeksSeen.first && d.weeks.last >= weeksSeen.last) return;
    const rows = visibleRows(this.scroller.scrollTop, height, ROW_HEIGHT, heatmap.people.length, OVERSCAN_ROWS);
    const weeks = visibleRows(this.scroller.scrollLeft, width, CELL_WIDTH, heatmap.weeks.length, OVERSCAN_WEEKS);
    const before = weeks.first * CELL_WIDTH;
    const after = (heatmap.weeks.length - weeks.last) * CELL_WIDTH;

    const gap = (tag: 'th' | 'td', size: number) => {
      const cell = h(tag, { className: 'gap', attrs: { 'aria-hidden': 'true' } });
      setSize(cell, size, null);
      return cell;
    };
    const corner = h('th', { className: 'heatmap-corner', attrs: { scope: 'col' }, text: 'Person · capacity' });
    setSize(corner, NAME_WIDTH, null);
    const headCells: HTMLElement[] = [corner, gap('th', before)];
    for (let w = weeks.first; w < weeks.last; w++) {
      const monday = heatmap.weeks[w];
      const th = h('th', { className: monday <= heatmap.statusDate && heatmap.statusDate < monday + 7 ? 'week status-week' : 'week', attrs: { scope: 'col', title: `Week of ${formatDay(monday)}` }, text: weekLabel(monday) });
      setSize(th, CELL_WIDTH, null);
      headCells.push(th);
    }
    headCells.push(gap('th', after));
    this.head.replaceChildren(...headCells);

    const fragment = document.createDocumentFragment();
    const columns = weeks.last - weeks.first + 3;
    if (rows.first > 0) fragment.append(this.spacer(rows.first, columns));
    for (let r = rows.first; r < rows.last; r++) fragment.append(this.row(heatmap.people[r], r, weeks, before, after));
    if (rows.last < heatmap.people.length) fragment.append(this.spacer(heatmap.people.length - rows.last, columns));
    if (heatmap.people.length === 0) fragment.append(h('tr', {}, h('td', { className: 'none', text: 'No one in the people registry: list people under `people:` and put them in a project\u2019s team.' })));
    this.body.replaceChildren(fragment);
    this.drawn = { rows, weeks };
    if (force) this.report(heatmap);
  }

  private spacer(rows: number, columns: number): HTMLTableRowElement {
    const cell = h('td', { attrs: { colspan: String(columns) } });
    setSize(cell, null, rows * ROW_HEIGHT);
    return h('tr', { className: 'spacer', attrs: { 'aria-hidden': 'true' } }, cell);
  }

  private row(person: HeatmapPerson, r: number, weeks: { first: number; last: number }, before: number, after: number): HTMLTableRowElement {
    const who = `${person.name}${person.capacity === null ? '' : ` · ${person.capacity}%`}`;
    const name = h('button', {
      className: 'link',
      attrs: { type: 'button', 'data-person': person.id, title: `${person.id}${person.role ? ` · ${person.role}` : ''}${person.overloaded ? ' · over capacity' : ''}: open where the person is defined` },
      text: who,
    });
    const tr = h('tr', { className: person.overloaded ? 'overloaded' : '', attrs: { 'aria-rowindex': String(r + 2), 'data-row': String(r) } }, h('th', { className: 'name', attrs: { scope: 'row' } }, name));
    const left = h('td', { className: 'gap', attrs: { 'aria-hidden': 'true' } });
    setSize(left, before, null);
    tr.append(left);
    for (let w = weeks.first; w < weeks.last; w++) {
      const level = person.levels[w];
      const td = h('td', { className: `cell ${level}`, attrs: { 'data-week': String(w) }, text: person.cells[w] });
      if (level === 'over') td.setAttribute('aria-label', `${person.cells[w]}, over capacity`);
      tr.append(td);
    }
    const right = h('td', { className: 'gap', attrs: { 'aria-hidden': 'true' } });
    setSize(right, after, null);
    tr.append(right);
    return tr;
  }

  /** The cell under an element: its person, week and the project a click opens (the largest allocation that week). */
  private cellAt(element: Element): { person: HeatmapPerson; week: number; project: string | undefined } | undefined {
    const heatmap = this.heatmap;
    const td = element.closest('td.cell');
    const tr = td?.closest('tr[data-row]');
    if (!heatmap || !(td instanceof HTMLElement) || !(tr instanceof HTMLElement)) return undefined;
    const person = heatmap.people[Number(tr.dataset.row)];
    const week = Number(td.dataset.week);
    if (!person || !(week >= 0)) return undefined;
    const here = this.projectsIn(person, week);
    return { person, week, project: here[0] ? heatmap.projects[here[0].project].id : undefined };
  }

  /** The person's projects with load in a week, the largest allocation first. */
  private projectsIn(person: HeatmapPerson, week: number) {
    return person.projects.filter((a) => a.from <= week && week <= a.to).sort((a, b) => b.allocation - a.allocation);
  }

  private hover(element: Element, at: { x: number; y: number }): void {
    const heatmap = this.heatmap;
    const cell = heatmap && this.cellAt(element);
    if (!heatmap || !cell) return this.events.point(null, at);
    const { person, week } = cell;
    const lines: Array<[string, string]> = [['Load', heatmapCellLoad(person, week)]];
    for (const a of this.projectsIn(person, week)) lines.push([heatmap.projects[a.project].name, `${a.allocation}%`]);
    this.events.point({ title: person.name, subtitle: `Week of ${formatDay(heatmap.weeks[week])} · ${heatmap.basis} basis`, lines }, at);
  }

  private fillLists(heatmap: PeopleHeatmap): void {
    const link = (text: string, person: string, project?: string) =>
      h('button', { className: 'link', attrs: { type: 'button', 'data-person': person, ...(project === undefined ? {} : { 'data-project': project }), title: project === undefined ? `${person}: open where the person is defined` : `Open ${person}'s team entry on ${project}` }, text });
    const over = heatmap.people.filter((p) => p.overloaded);
    // Long lists are cut: the rest is in the heatmap and in `plan-as-code people --format md`.
    const more = (count: number, what: string) =>
      count > LIST_LIMIT ? [h('p', { className: 'none', text: `… and ${count - LIST_LIMIT} more ${what}: plan-as-code people --format md lists them all.` })] : [];
    this.periods.replaceChildren(
      h('h2', { className: 'table-title', text: 'Periods over capacity' }),
      over.length === 0
        ? h('p', { className: 'none', text: 'No one is over capacity on this basis.' })
        : h(
            'ul',
            { className: 'people-period-list' },
            ...over.slice(0, LIST_LIMIT).map((p) =>
              h(
                'li',
                { attrs: { 'data-person': p.id } },
                link(p.name, p.id),
                ` (capacity ${p.capacity ?? '—'}%): ${p.periods.join('; ')} · team entries: `,
                ...p.projects.flatMap((a, i) => [i > 0 ? ', ' : '', link(`${heatmap.projects[a.project].name} ${a.allocation}%`, p.id, heatmap.projects[a.project].id)]),
              ),
            ),
          ),
      ...more(over.length, 'people over capacity'),
    );
    this.suggestions.replaceChildren(
      h('h2', { className: 'table-title', text: 'Suggestions' }),
      heatmap.basis !== 'plan'
        ? h('p', { className: 'none', text: 'Suggestions are worked out on the plan basis.' })
        : heatmap.suggestions.length === 0
          ? h('p', { className: 'none', text: 'None: no period can be resolved by starting one planned project later within its float.' })
          : h('ul', { className: 'people-suggestion-list' }, ...heatmap.suggestions.slice(0, LIST_LIMIT).map((s) => h('li', {}, `${s.text} `, link('open the team entry', s.person, s.project)))),
      ...(heatmap.basis === 'plan' ? more(heatmap.suggestions.length, 'suggestions') : []),
    );
  }

  /** Tells the host what this frame shows: cells and elements in the DOM, the over-capacity cells drawn. */
  private report(heatmap: PeopleHeatmap): void {
    const cells = this.body.querySelectorAll('td.cell');
    const over: Array<[string, string, string]> = [];
    for (const td of this.body.querySelectorAll<HTMLElement>('td.cell.over')) {
      if (over.length >= REPORTED_CELLS) break;
      const row = td.closest<HTMLElement>('tr[data-row]');
      const person = heatmap.people[Number(row?.dataset.row)];
      if (person) over.push([person.id, formatDay(heatmap.weeks[Number(td.dataset.week)]), td.textContent ?? '']);
    }
    this.events.rendered({ basis: heatmap.basis, people: heatmap.people.length, cells: cells.length, elements: this.element.getElementsByTagName('*').length, over });
  }
}
