/**
 * The roadmap app: header and toolbar, the timeline, the rollup table and the hover card, wired to a
 * host. Data flows one way: model (from the host) + view state → view → drawing. The view state
 * (zoom, scroll, filters, sort) survives model updates and, through the host, window reloads.
 */
import { comparedRange, plural, formatDay, outlineCountsText, outlineView, type LoadBasis, type PeopleHeatmap, roadmapCountsText, type Health, type RoadmapComparison, type RoadmapModel, type RoadmapLane, type RoadmapOutline, type RoadmapPoster, showsPortfolio, legendLines, legendShapes, legendWidth, zoomIn, zoomOut, zoomPresets, zoomUnit, type RoadmapFilters, type ZoomUnit, createView, laneTitle, type RoadmapView } from '../core';
import type { CopyFormat, RoadmapTab } from '../shared/protocol';
import { h } from './dom';
import type { Host } from './host';
import { whenPainted } from './paint';
import { PeopleTab } from './people';
import { readState, type ViewState } from './state';
import { drawInto, svgElement } from './svg';
import { QualityPanel } from './quality';
import { LOADING, RollupTable } from './table';
import { Timeline, type Target } from './timeline';
import { Tooltip } from './tooltip';

const healthLabels: ReadonlyArray<[Health, string]> = [['green', 'On track'], ['amber', 'At risk'], ['red', 'Off track']];
/** The longest the outline waits for the poster's paint after its frame is handed over (it takes ~30 ms). */
const POSTER_WAIT_MS = 150;
/** The legend wraps at this width: it fits a printed landscape page. */
const LEGEND_MAX_WIDTH = 880;
const zoomLabels: ReadonlyArray<[ZoomUnit, string]> = [['week', 'Weeks'], ['month', 'Months'], ['quarter', 'Quarters']];
const unfiltered = (f: RoadmapFilters) => f.portfolio === '' && f.lane === '' && f.health.length === 0 && f.text.trim() === '';

export class RoadmapApp {
  private model: RoadmapModel | undefined;
  /** False while the model shown is an outline: bars without their figures, milestones and dependencies. */
  private complete = false;
  /** A whole model that came while the outline's first frame was being drawn: shown right after it. */
  private waiting: RoadmapModel | undefined;
  /** The first frame: not yet drawn, asked for (waiting for its animation frame), or handed over for painting. */
  private firstFrame: 'none' | 'asked' | 'drawn' = 'none';
  /** Whether a frame with the figures has been drawn. */
  private figuresDrawn = false;
  /** The poster shown, if one was: the first view opens where it was painted (it is the first frame on screen). */
  private poster: { position: { zoom: number; leftDay: number | null }; range: RoadmapModel['range'] } | undefined;
  /** Why the whole model cannot come, once known. */
  private failure: string | undefined;
  private comparison: RoadmapComparison | null = null;
  private view: RoadmapView | undefined;
  /** While an outline is shown: its view, whose rows and bars are made as they are drawn. */
  private outlineView: RoadmapView | undefined;
  private state: ViewState;
  /** True when the view state came back from an earlier session (window reload). */
  private readonly restored: boolean;
  private saveTimer = 0;
  private root: HTMLElement | undefined;
  private readonly title = h('h1', { className: 'title', text: 'Roadmap' });
  private readonly subtitle = h('p', { className: 'subtitle', text: 'Loading the plans…' });
  private readonly notice = h('p', { className: 'notice', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly zoomButtons = new Map<ZoomUnit, HTMLButtonElement>();
  private readonly portfolioSelect = h('select', { attrs: { 'aria-label': 'Portfolio' } });
  private readonly laneSelect = h('select', { attrs: { 'aria-label': 'Program' } });
  private readonly healthBoxes = new Map<Health, HTMLInputElement>();
  private readonly search = h('input', { attrs: { type: 'search', placeholder: 'Filter projects', 'aria-label': 'Filter projects by name or id' } });
  private readonly timeline: Timeline;
  private readonly table: RollupTable;
  private readonly tooltip = new Tooltip();
  /** While comparing: which revision, with a button to stop. */
  private readonly compareBanner = h('div', { className: 'compare-banner', attrs: { role: 'status' } });
  /** Schedule quality (SPEC 11), when the model has it. */
  private readonly quality = new QualityPanel((id) => this.host.open(id));
  /** While comparing: every change, by kind. */
  private readonly changes = h('section', { className: 'changes', attrs: { 'aria-label': 'Changes since the compared revision' } });
  /** The People tab (SPEC 10): the heatmap the extension works out while the tab is shown. */
  private readonly people: PeopleTab;
  private readonly tabButtons = new Map<RoadmapTab, HTMLButtonElement>();
  /** The People tab's first frame, once measured. */
  private peopleFirstFrame = false;

  constructor(root: HTMLElement, private readonly host: Host) {
    const saved = host.getState();
    this.state = readState(saved);
    this.restored = saved !== undefined && saved !== null;
    this.timeline = new Timeline({
      open: (target) => this.open(target),
      point: (target, at) => (target && this.view ? this.tooltip.show(this.view, target, at) : this.tooltip.hide()),
      moved: () => this.saveSoon(),
      zoomed: () => this.updateZoomButtons(),
    });
    this.table = new RollupTable({
      open: (id) => this.host.open(id),
      sort: (sort) => {
        this.state = { ...this.state, sort };
        if (this.model && this.view && this.complete) this.table.setRows(this.model.rollup, this.view, sort);
        this.saveSoon();
      },
      moved: () => this.saveSoon(),
      columns: (columns) => {
        this.state = { ...this.state, columns };
        this.saveSoon();
      },
    });
    this.table.setColumnChoice(this.state.columns);
    this.people = new PeopleTab({
      basis: (basis) => this.setBasis(basis),
      open: (person, project) => this.host.openPerson(person, project),
      point: (card, at) => (card ? this.tooltip.showCard(card.title, card.subtitle, card.lines, at) : this.tooltip.hide()),
      rendered: (report) => this.host.peopleRendered({ type: 'peopleRendered', ...report }),
    });
    // The timeline's parts: hidden together while the People tab is shown.
    const timelineParts = [
      this.toolbar(),
      this.legend(),
      this.timeline.element,
      h('div', { className: 'table-head' }, h('h2', { className: 'table-title', text: 'Rollup' }), this.table.chooser.element),
      this.table.element,
      this.quality.element,
      this.changes,
    ];
    for (const part of timelineParts) part.classList.add('timeline-tab');
    root.replaceChildren(
      h('header', { className: 'header' }, h('div', { className: 'heading' }, this.title, this.subtitle), this.notice),
      this.compareBanner,
      ...(host.hasPeople ? [this.tabStrip(), this.people.element] : []),
      ...timelineParts,
      this.tooltip.element,
    );
    this.root = root;
    this.compareBanner.hidden = true;
    this.changes.hidden = true;
    this.changes.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button[data-open]');
      if (button instanceof HTMLButtonElement && button.dataset.open !== undefined) this.host.open(button.dataset.open);
    });
    if (host.hasPeople) this.showTab(this.state.tab, false);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.tooltip.hide();
    });
    // Printing shows the whole plan: every row, the whole time range fitted to a landscape page.
    window.addEventListener('beforeprint', () => this.print(true));
    window.addEventListener('afterprint', () => this.print(false));
  }

  /**
   * Shows a poster — the first screen of a large plan, painted on a canvas before its outline is read
   * (an exported file) — as the first frame, and calls `then` once that frame is on screen: the outline
   * and the whole model follow as usual, and the outline's frame replaces the poster. A poster
   * that cannot be drawn (a block that does not hold what a poster holds, no canvas) shows nothing and
   * calls `then` at once: the outline's frame is then the first.
   */
  showPoster(poster: RoadmapPoster, then: () => void): void {
    let bars: number | undefined;
    if (!this.model) {
      try {
        const { outline } = poster;
        const position = this.firstPosition(outline.range);
        // The toolbar as the outline will fill it, so that nothing moves when it does.
        this.fillFilters(poster.lanes);
        bars = this.timeline.showPoster(outlineView(outline, showsPortfolio(poster.lanes)), position, poster.rows);
        if (bars !== undefined) {
          this.poster = { position, range: outline.range };
          this.updateZoomButtons();
          this.title.textContent = outline.title;
          this.subtitle.textContent = `Status date ${formatDay(outline.statusDate)} · ${poster.counts}`;
        }
      } catch {
        bars = undefined;
      }
    }
    if (bars === undefined) {
      this.timeline.dropPoster();
      then();
      return;
    }
    const shown = bars;
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      then();
    };
    requestAnimationFrame(() => {
      // The outline's work waits for the poster on screen: begun at the hand-over, it took the CPU that
      // rasters the poster, which then showed no sooner than the outline's frame. At most POSTER_WAIT_MS:
      // a browser that reports no paint (a page not shown) must not hold the chart back.
      whenPainted((time, clock) => {
        performance.mark('roadmap:painted', { startTime: time, detail: { bars: shown, milestones: 0, figures: false, clock, poster: true } });
        start();
      });
      setTimeout(start, POSTER_WAIT_MS);
    });
  }

  /**
   * Whether the first view opens where the poster was painted: the poster's canvas gave the chart its
   * scrollbars, so working out the fit again would give another zoom; a poster of another range (a file
   * edited by hand) does not decide it.
   */
  private posterFits(model: RoadmapModel): boolean {
    return this.poster !== undefined && this.poster.range.start === model.range.start && this.poster.range.end === model.range.end;
  }

  /** Where a first view opens: as saved, else the whole plan when it fits the width, else quarters from the months before the status date. */
  private firstPosition(range: RoadmapModel['range']): { zoom: number; leftDay: number | null } {
    if (this.restored) return { zoom: this.state.zoom, leftDay: this.state.leftDay };
    const fit = this.timeline.fitZoom(range);
    return { zoom: Math.min(zoomPresets.week, Math.max(zoomPresets.quarter, fit)), leftDay: fit >= zoomPresets.quarter ? range.start : null };
  }

  /**
   * Shows an outline — the bars, before their figures, milestones and dependencies — as the first
   * frame. Once a whole model is shown, outlines are ignored: the whole model of an update follows.
   */
  showOutline(outline: RoadmapOutline): void {
    if (this.complete) return;
    // Made as drawn: the first frame reads the rows in view, not the 10,000 bars of a large plan.
    this.outlineView = outlineView(outline);
    this.show(this.outlineView.model, false, outlineCountsText(outline));
  }

  /** Shows a model: the first one, or an update that keeps zoom, scroll and filters. */
  setModel(model: RoadmapModel): void {
    // The outline's frame first: drawing the whole model now would only delay it.
    if (this.firstFrame === 'asked') this.waiting = model;
    else this.show(model, true);
  }

  private show(model: RoadmapModel, complete: boolean, counts = roadmapCountsText(model)): void {
    const first = this.model === undefined;
    if (complete) this.outlineView = undefined;
    // The table's restored scroll position, once it has rows to scroll.
    const tableScrollTop = complete && !this.complete ? this.state.tableScrollTop : undefined;
    this.model = model;
    this.complete = complete;
    this.waiting = undefined;
    this.title.textContent = model.title;
    this.subtitle.textContent = `Status date ${formatDay(model.statusDate)} · ${counts}`;
    this.tooltip.setModel(model);
    this.quality.set(model.quality);
    this.fillFilters(model.lanes);
    const position = first
      ? { ...(this.posterFits(model) ? this.poster!.position : this.firstPosition(model.range)), scrollTop: this.state.scrollTop }
      : { zoom: this.timeline.zoomLevel, leftDay: this.timeline.leftDay, scrollTop: this.timeline.scrollTop };
    this.refresh(position, tableScrollTop);
  }

  /** The whole model cannot come (an exported file cut short): says so where the figures would be. */
  showFailure(message: string): void {
    this.failure = message;
    this.notice.textContent = message;
    this.table.showMessage(message, false);
  }

  /** Compares with another revision (ghost bars, Δ columns, the list of changes), or stops (null). */
  setComparison(comparison: RoadmapComparison | null): void {
    this.comparison = comparison;
    this.showComparison();
    if (this.model) this.refresh({ zoom: this.timeline.zoomLevel, leftDay: this.timeline.leftDay, scrollTop: this.timeline.scrollTop });
  }

  private showComparison(): void {
    const comparison = this.comparison;
    this.compareBanner.hidden = comparison === null;
    this.changes.hidden = comparison === null;
    if (!comparison) {
      this.compareBanner.replaceChildren();
      this.changes.replaceChildren();
      return;
    }
    const stop = h('button', { className: 'button', attrs: { type: 'button', title: 'Plan: Stop Comparing' }, text: 'Stop comparing' });
    stop.addEventListener('click', () => this.host.stopComparing());
    const count = comparison.count === 0 ? 'no changes' : `${plural(comparison.count, 'change')}`;
    this.compareBanner.replaceChildren(
      h('span', { className: 'compare-text' }, 'Compared with ', h('strong', { text: comparison.label }), ` · ${comparison.statusDates} · ${count} · dashed outlines are its dates`),
      stop,
    );
    const sections = comparison.changes.map((section) =>
      h(
        'div',
        { className: 'change-section' },
        h('h3', { text: `${section.title} (${section.entries.length})` }),
        h(
          'ul',
          {},
          ...section.entries.map((entry) =>
            h(
              'li',
              { className: `change change-${entry.change}` },
              h('span', { className: 'change-kind', text: entry.change }),
              entry.id !== null
                ? h('button', { className: 'link', attrs: { type: 'button', 'data-open': entry.id, title: `${entry.id}: open where it is defined` }, text: entry.label })
                : h('span', { className: 'change-label', text: entry.label }),
              entry.details.length > 0 ? h('ul', { className: 'change-details' }, ...entry.details.map((detail) => h('li', { text: detail }))) : null,
            ),
          ),
        ),
      ),
    );
    this.changes.replaceChildren(
      h('h2', { className: 'table-title', text: `Changes since ${comparison.label}` }),
      ...(sections.length > 0 ? sections : [h('p', { className: 'none', text: 'No changes to projects, programs, milestones, risks or issues.' })]),
    );
  }

  private refresh(position: { zoom: number; leftDay: number | null; scrollTop: number }, tableScrollTop?: number): void {
    const shown = this.model;
    if (!shown) return;
    // The other revision's windows may lie outside this one's range: widen it while comparing.
    const model = this.comparison ? { ...shown, range: comparedRange(shown, this.comparison) } : shown;
    const started = performance.now();
    const outline = this.outlineView;
    this.view = outline && outline.model === shown && !this.comparison && unfiltered(this.state.filters) ? outline : createView(model, this.state.filters, this.comparison);
    this.timeline.setView(this.view, position);
    if (this.complete) this.table.setRows(model.rollup, this.view, this.state.sort, tableScrollTop);
    else this.table.showMessage(this.failure ?? LOADING, this.failure === undefined);
    this.updateZoomButtons();
    this.tooltip.hide();
    const firstFrame = this.firstFrame === 'none';
    const firstFigures = this.complete && !this.figuresDrawn;
    if (firstFrame) {
      this.firstFrame = 'asked';
      performance.measure('roadmap:render', { start: started });
    }
    this.figuresDrawn ||= this.complete;
    requestAnimationFrame(() => {
      // This frame is being rendered now, showing what the DOM holds at this point.
      const shown = { bars: this.timeline.drawnBars, milestones: this.timeline.drawnMilestones, figures: this.complete };
      // After a poster, the poster was the first frame on screen (showPoster marks it).
      if (firstFrame && !this.poster) whenPainted((time, clock) => performance.mark('roadmap:painted', { startTime: time, detail: { ...shown, clock } }));
      // A task queued here runs once the frame has been handed over for painting.
      setTimeout(() => {
        if (firstFrame) {
          performance.mark('roadmap:frame', { detail: shown });
          this.firstFrame = 'drawn';
          if (this.waiting) this.show(this.waiting, true);
        }
        if (firstFigures) performance.mark('roadmap:figures', { detail: shown });
      }, 0);
      this.host.rendered({
        type: 'rendered',
        bars: model.bars.length,
        drawn: this.timeline.drawnBars,
        rows: this.view?.rows.length ?? 0,
        ...(this.comparison ? { ghosts: this.timeline.drawnGhosts, deltas: this.table.deltaRows } : {}),
      });
    });
    this.saveSoon();
  }

  /** The tab strip: Timeline and People, arrow keys move between them (the WAI-ARIA tabs pattern). */
  private tabStrip(): HTMLElement {
    const strip = h('div', { className: 'tabs', attrs: { role: 'tablist', 'aria-label': 'Roadmap views' } });
    const tabs: ReadonlyArray<[RoadmapTab, string, string]> = [
      ['timeline', 'Timeline', 'The roadmap and the rollup'],
      ['people', 'People', 'Load per person and week against capacity'],
    ];
    for (const [tab, label, title] of tabs) {
      const button = h('button', { className: 'tab', attrs: { type: 'button', role: 'tab', id: `tab-${tab}`, title, 'aria-selected': 'false', tabindex: '-1' }, text: label });
      button.addEventListener('click', () => this.showTab(tab, true));
      this.tabButtons.set(tab, button);
      strip.append(button);
    }
    this.tabButtons.get('people')!.setAttribute('aria-controls', 'tab-panel-people');
    strip.addEventListener('keydown', (event) => {
      const order = tabs.map(([tab]) => tab);
      const at = order.indexOf(this.state.tab);
      const next = event.key === 'ArrowRight' ? order[(at + 1) % order.length] : event.key === 'ArrowLeft' ? order[(at + order.length - 1) % order.length] : event.key === 'Home' ? order[0] : event.key === 'End' ? order[order.length - 1] : undefined;
      if (!next) return;
      event.preventDefault();
      this.showTab(next, true);
      this.tabButtons.get(next)?.focus();
    });
    return strip;
  }

  /** Shows a tab: the timeline's parts, or the People tab (which asks the host for its heatmap while shown). */
  showTab(tab: RoadmapTab, save = true): void {
    if (!this.host.hasPeople) return;
    this.state = { ...this.state, tab };
    for (const [key, button] of this.tabButtons) {
      button.setAttribute('aria-selected', String(key === tab));
      button.tabIndex = key === tab ? 0 : -1;
    }
    this.root?.classList.toggle('showing-people', tab === 'people');
    this.tooltip.hide();
    this.people.setBasis(this.state.basis);
    this.people.setVisible(tab === 'people');
    this.host.people(tab === 'people' ? this.state.basis : null);
    if (save) this.saveSoon();
  }

  private setBasis(basis: LoadBasis): void {
    this.state = { ...this.state, basis };
    this.people.setBasis(basis);
    this.host.people(basis);
    this.saveSoon();
  }

  /** The People tab's heatmap, from the host: shown when it is on the basis chosen (an older answer is dropped). */
  setPeople(heatmap: PeopleHeatmap): void {
    if (heatmap.basis !== this.state.basis) return;
    const first = !this.peopleFirstFrame && this.state.tab === 'people';
    const started = performance.now();
    this.people.setHeatmap(heatmap);
    if (!first) return;
    this.peopleFirstFrame = true;
    performance.measure('people:render', { start: started });
    // A task queued from the frame runs once that frame has been handed over for painting.
    requestAnimationFrame(() => setTimeout(() => performance.mark('people:frame', { detail: { elements: document.getElementsByTagName('*').length } }), 0));
  }

  private print(on: boolean): void {
    this.tooltip.hide();
    this.timeline.printing(on);
    this.table.printing(on);
  }

  /** Shows one lane only (the Plans view's "Open Roadmap" on a program); the filters can clear it. */
  focusLane(lane: string): void {
    this.setFilters({ ...this.state.filters, portfolio: '', lane, health: [], text: '' });
  }

  private setFilters(filters: RoadmapFilters): void {
    this.state = { ...this.state, filters };
    if (this.model) this.fillFilters(this.model.lanes);
    this.refresh({ zoom: this.timeline.zoomLevel, leftDay: this.timeline.leftDay, scrollTop: 0 }, 0);
  }

  private open(target: Target): void {
    const model = this.model;
    if (!model) return;
    if (target.kind === 'bar') this.host.open(target.id);
    else if (target.kind === 'milestone') {
      const id = model.milestones.find((m) => m.key === target.key)?.id;
      if (id) this.host.open(id);
    } else {
      const id = model.lanes.find((l) => l.key === target.key)?.program?.id;
      if (id) this.host.open(id);
    }
  }

  private async copy(format: CopyFormat): Promise<void> {
    if (!this.model) return;
    if (!this.complete) {
      this.notice.textContent = this.failure ?? 'The figures are still loading: copy again in a moment';
      return;
    }
    try {
      this.notice.textContent = await this.host.copy(format, this.model);
    } catch (error) {
      this.notice.textContent = `Could not copy: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private saveSoon(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => {
      // Before the first model is drawn the timeline has no position of its own: saving it then would
      // overwrite the position restored from the last session with the defaults.
      if (!this.view) return;
      this.state = {
        ...this.state,
        zoom: this.timeline.zoomLevel,
        leftDay: this.timeline.leftDay,
        scrollTop: this.timeline.scrollTop,
        tableScrollTop: this.table.scrollTop,
      };
      this.host.setState(this.state);
    }, 150);
  }

  private toolbar(): HTMLElement {
    const button = (text: string, title: string, action: () => void, className = '') => {
      const b = h('button', { className: `button ${className}`.trim(), attrs: { type: 'button', title }, text });
      b.addEventListener('click', action);
      return b;
    };
    const zoomGroup = h('div', { className: 'group', attrs: { role: 'group', 'aria-label': 'Zoom' } });
    for (const [unit, label] of zoomLabels) {
      const b = button(label, `Zoom to ${label.toLowerCase()}`, () => this.timeline.setZoom(zoomPresets[unit]), 'segment');
      this.zoomButtons.set(unit, b);
      zoomGroup.append(b);
    }
    zoomGroup.append(
      button('−', 'Zoom out (-, or Ctrl+wheel)', () => this.timeline.setZoom(zoomOut(this.timeline.zoomLevel)), 'icon'),
      button('+', 'Zoom in (+, or Ctrl+wheel)', () => this.timeline.setZoom(zoomIn(this.timeline.zoomLevel)), 'icon'),
      button('Fit', 'Fit the whole plan in the width', () => {
        this.timeline.setZoom(this.timeline.fitZoom());
        if (this.model) this.timeline.scrollToDay(this.model.range.start);
      }),
      button('Status date', 'Scroll to the status date', () => this.model && this.timeline.scrollToDay(this.model.statusDate)),
    );

    this.portfolioSelect.addEventListener('change', () => this.setFilters({ ...this.state.filters, portfolio: this.portfolioSelect.value, lane: '' }));
    this.laneSelect.addEventListener('change', () => this.setFilters({ ...this.state.filters, lane: this.laneSelect.value }));
    const healthGroup = h('div', { className: 'group health-filter', attrs: { role: 'group', 'aria-label': 'Health' } });
    for (const [health, label] of healthLabels) {
      const box = h('input', { attrs: { type: 'checkbox', 'aria-label': `Show ${label.toLowerCase()} projects` } });
      box.checked = true;
      box.addEventListener('change', () => {
        const chosen = healthLabels.map(([value]) => value).filter((value) => this.healthBoxes.get(value)!.checked);
        this.setFilters({ ...this.state.filters, health: chosen.length === healthLabels.length ? [] : chosen });
      });
      this.healthBoxes.set(health, box);
      healthGroup.append(h('label', { className: `check health-${health}` }, box, h('span', { className: 'dot', attrs: { 'aria-hidden': 'true' } }), label));
    }
    let searchTimer = 0;
    this.search.addEventListener('input', () => {
      clearTimeout(searchTimer);
      searchTimer = window.setTimeout(() => this.setFilters({ ...this.state.filters, text: this.search.value }), 150);
    });
    const filters = h('div', { className: 'group filters', attrs: { role: 'group', 'aria-label': 'Filters' } }, this.portfolioSelect, this.laneSelect, healthGroup, this.search);
    const copy = h(
      'div',
      { className: 'group', attrs: { role: 'group', 'aria-label': 'Copy the rollup' } },
      button('Copy as Markdown', 'Copy the rollup table as Markdown', () => void this.copy('markdown')),
      button('Copy as CSV', 'Copy the rollup table as CSV', () => void this.copy('csv')),
    );
    return h('nav', { className: 'toolbar', attrs: { 'aria-label': 'Roadmap controls' } }, zoomGroup, filters, copy);
  }

  private legend(): HTMLElement {
    // Wrapped within the width of a printed landscape page.
    const svg = svgElement('svg', { class: 'legend', height: 2 + 18 * legendLines(LEGEND_MAX_WIDTH), width: legendWidth(LEGEND_MAX_WIDTH), 'aria-hidden': 'true' });
    const group = svgElement('g', { transform: 'translate(2 10)' });
    svg.append(group);
    drawInto(group, legendShapes(LEGEND_MAX_WIDTH));
    return h('div', { className: 'legend-row' }, svg);
  }

  /** Fills the filter controls from the model; a filter naming a portfolio or program that is gone is dropped. */
  private fillFilters(lanes: readonly RoadmapLane[]): void {
    const portfolios = new Map<string, string>();
    for (const lane of lanes) if (lane.portfolio) portfolios.set(lane.portfolio.id, lane.portfolio.name);
    let { filters } = this.state;
    if (filters.portfolio !== '' && !portfolios.has(filters.portfolio)) filters = { ...filters, portfolio: '' };
    if (filters.lane !== '' && !lanes.some((lane) => lane.key === filters.lane)) filters = { ...filters, lane: '' };
    this.state = { ...this.state, filters };
    const option = (value: string, text: string) => h('option', { attrs: { value }, text });
    this.portfolioSelect.replaceChildren(option('', 'All portfolios'), ...[...portfolios].map(([id, name]) => option(id, name)));
    this.portfolioSelect.value = portfolios.has(filters.portfolio) ? filters.portfolio : '';
    this.portfolioSelect.hidden = portfolios.size < 2;
    const shown = lanes.filter((lane) => filters.portfolio === '' || lane.portfolio?.id === filters.portfolio);
    this.laneSelect.replaceChildren(option('', 'All programs'), ...shown.map((lane) => option(lane.key, laneTitle(lane, false))));
    this.laneSelect.value = shown.some((lane) => lane.key === filters.lane) ? filters.lane : '';
    for (const [health, box] of this.healthBoxes) box.checked = filters.health.length === 0 || filters.health.includes(health);
    if (this.search.value !== filters.text) this.search.value = filters.text;
  }

  private updateZoomButtons(): void {
    const unit = zoomUnit(this.timeline.zoomLevel);
    for (const [key, button] of this.zoomButtons) button.setAttribute('aria-pressed', String(key === unit));
  }
}
