/**
 * The roadmap chart: a sticky time axis, a sticky label column and the chart body, all SVG drawn from
 * the core's scene. With many rows only the visible window (plus some overscan) is in the DOM and it is
 * redrawn when scrolling leaves it; with few rows every row is drawn once, so every bar is in the DOM.
 */
import { chartWidth, clampZoom, dayToX, geometry, maxZoom, visibleRows, xToDay, zoomIn, zoomOut, arrowsScene, axisScene, gridScene, labelsScene, rowsScene, statusLineScene, type RoadmapView } from '../core';
import { h, setSize } from './dom';
import { paintShapes, readPalette } from './poster';
import { drawInto, svgElement } from './svg';

/** Up to this many rows, all are drawn; above it, only the visible window. */
export const ALL_ROWS_LIMIT = 300;
const OVERSCAN_ROWS = 10;
/** The width a printed roadmap is laid out to: fits A4 and Letter landscape inside their margins. */
export const PRINT_WIDTH = 960;
/** Room after the range end for the text beside the last bars. */
const END_PAD = 140;
const { rowHeight: ROW, axisHeight: AXIS, labelWidth: LABELS } = geometry;
/** The chart's least height on screen (it scrolls below that), and its height with no row to show. */
const MIN_HEIGHT = 180;
const EMPTY_HEIGHT = 120;

export type Target = { readonly kind: 'bar'; readonly id: string } | { readonly kind: 'milestone'; readonly key: string } | { readonly kind: 'lane'; readonly key: string };

export interface TimelineEvents {
  open(target: Target): void;
  /** A target is hovered or focused (null: nothing). `at` is a viewport point or the element. */
  point(target: Target | null, at: { x: number; y: number } | Element): void;
  /** Zoom or scroll changed (to save the view state). */
  moved(): void;
  zoomed(zoom: number): void;
}

interface Drawn {
  readonly view: RoadmapView;
  readonly zoom: number;
  readonly first: number;
  readonly last: number;
  readonly dayFrom: number;
  readonly dayTo: number;
}

function targetOf(element: Element | null): { target: Target; element: Element } | null {
  const hit = element?.closest('[data-id],[data-project],[data-milestone],[data-lane]');
  if (!(hit instanceof SVGElement)) return null;
  const { id, project, milestone, lane } = hit.dataset;
  if (id !== undefined) return { target: { kind: 'bar', id }, element: hit };
  if (project !== undefined) return { target: { kind: 'bar', id: project }, element: hit };
  if (milestone !== undefined) return { target: { kind: 'milestone', key: milestone }, element: hit };
  if (lane !== undefined) return { target: { kind: 'lane', key: lane }, element: hit };
  return null;
}

function sameTarget(a: Target, b: Target | null): boolean {
  if (!b || a.kind !== b.kind) return false;
  return a.kind === 'bar' ? a.id === (b as typeof a).id : a.key === (b as typeof a).key;
}

/** The day at the chart's left edge: as given, else a month before the status date (within the range). */
function leftDayOf(model: RoadmapView['model'], leftDay: number | null): number {
  const { start, end } = model.range;
  return leftDay ?? Math.max(start, Math.min(end, model.statusDate - 30));
}

export class Timeline {
  readonly element: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly axisSvg: SVGSVGElement;
  private readonly labelsSvg: SVGSVGElement;
  private readonly chartSvg: SVGSVGElement;
  private readonly gridLayer: SVGGElement;
  private readonly rowsLayer: SVGGElement;
  private readonly arrowsLayer: SVGGElement;
  private readonly statusLine: SVGLineElement;
  private readonly empty: HTMLElement;
  private readonly corner: HTMLElement;
  private view: RoadmapView | undefined;
  private zoom = 4;
  private drawn: Drawn | undefined;
  /** The bar row that takes Tab focus (roving tabindex), or -1. */
  private activeRow = -1;
  private frame = 0;
  /** While printing: the zoom and scroll to go back to; every row and day is drawn meanwhile. */
  private beforePrint: { zoom: number; scrollLeft: number; scrollTop: number } | undefined;
  /** The first screen drawn on a canvas over the chart (`showPoster`), until the first view is drawn. */
  private poster: HTMLCanvasElement | undefined;

  constructor(private readonly events: TimelineEvents) {
    this.axisSvg = svgElement('svg', { class: 'axis', 'aria-hidden': 'true' });
    this.labelsSvg = svgElement('svg', { class: 'labels' });
    this.chartSvg = svgElement('svg', { class: 'chart' });
    this.gridLayer = svgElement('g', { class: 'grid-layer', 'aria-hidden': 'true' });
    this.arrowsLayer = svgElement('g', { class: 'arrows-layer', 'aria-hidden': 'true' });
    this.rowsLayer = svgElement('g', { class: 'rows-layer' });
    this.statusLine = svgElement('line', { class: 'status-line', 'aria-hidden': 'true' });
    this.chartSvg.append(this.gridLayer, this.statusLine, this.arrowsLayer, this.rowsLayer);
    this.labelsSvg.setAttribute('aria-hidden', 'true');
    this.corner = h('div', { className: 'corner' }, h('span', { text: 'Program / project' }));
    const corner = this.corner;
    this.canvas = h(
      'div',
      { className: 'canvas' },
      h('div', { className: 'axis-row' }, corner, this.axisSvg),
      h('div', { className: 'body-row' }, h('div', { className: 'labels-box' }, this.labelsSvg), this.chartSvg),
    );
    this.scroller = h('div', {
      className: 'scroller',
      attrs: {
        tabindex: '0',
        role: 'group',
        'aria-roledescription': 'roadmap',
        'aria-label': 'Roadmap. Arrow keys move between projects and scroll time, Enter opens the project, plus and minus zoom.',
      },
    }, this.canvas);
    this.empty = h('div', { className: 'empty', attrs: { role: 'status' } });
    this.element = h('section', { className: 'timeline', attrs: { 'aria-label': 'Roadmap timeline' } }, this.scroller, this.empty);

    this.scroller.addEventListener('scroll', () => this.schedule(), { passive: true });
    this.scroller.addEventListener('keydown', (event) => this.onKey(event));
    this.scroller.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    // A redraw between the press and the release (an update, a scroll) replaces the element pressed,
    // and the browser then clicks nothing: the release opens what was pressed if it is over it again.
    let pressed: { target: Target; element: Element } | null = null;
    let openedOnRelease = false;
    this.scroller.addEventListener('pointerdown', (event) => {
      pressed = targetOf(event.target as Element);
      openedOnRelease = false;
    });
    this.scroller.addEventListener('pointerup', (event) => {
      const was = pressed;
      pressed = null;
      if (!was || was.element.isConnected) return;
      const hit = targetOf(event.target as Element);
      if (hit && sameTarget(hit.target, was.target)) {
        openedOnRelease = true;
        this.events.open(hit.target);
      }
    });
    this.scroller.addEventListener('click', (event) => {
      const hit = targetOf(event.target as Element);
      if (hit && !openedOnRelease) this.events.open(hit.target);
    });
    this.scroller.addEventListener('pointermove', (event) => {
      const hit = targetOf(event.target as Element);
      this.events.point(hit?.target ?? null, { x: event.clientX, y: event.clientY });
    });
    this.scroller.addEventListener('pointerleave', () => this.events.point(null, this.scroller));
    this.scroller.addEventListener('focusin', (event) => {
      const hit = targetOf(event.target as Element);
      if (hit?.target.kind === 'bar') {
        const row = this.rowOfId(hit.target.id);
        if (row >= 0) this.activeRow = row;
      }
      this.events.point(hit?.target ?? null, hit?.element ?? this.scroller);
    });
    this.scroller.addEventListener('focusout', () => this.events.point(null, this.scroller));
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
  }

  get zoomLevel(): number {
    return this.zoom;
  }

  get scrollTop(): number {
    return this.scroller.scrollTop;
  }

  /** The day at the left edge of the chart. */
  get leftDay(): number | null {
    return this.view ? xToDay(this.scroller.scrollLeft, this.view.model.range.start, this.zoom) : null;
  }

  /** Number of project bar elements in the DOM. */
  get drawnBars(): number {
    return this.rowsLayer.querySelectorAll('[data-id]').length;
  }

  /** Number of milestone elements in the DOM. */
  get drawnMilestones(): number {
    return this.rowsLayer.querySelectorAll('.milestone').length;
  }

  /** Number of ghost bars and slip labels of a comparison in the DOM. */
  get drawnGhosts(): number {
    return this.rowsLayer.querySelectorAll('.ghost, .slip-label').length;
  }

  /** Shows a view (new model or filters) at a zoom, keeping the given scroll position. */
  setView(view: RoadmapView, position: { zoom: number; leftDay: number | null; scrollTop: number }): void {
    this.dropPoster();
    this.view = view;
    this.zoom = clampZoom(position.zoom);
    if (this.activeRow >= view.rows.length || view.rows[this.activeRow]?.kind !== 'bar') this.activeRow = -1;
    this.layout();
    this.scroller.scrollLeft = dayToX(leftDayOf(view.model, position.leftDay), view.model.range.start, this.zoom);
    this.scroller.scrollTop = position.scrollTop;
    this.empty.textContent = view.rows.length > 0 ? '' : view.model.bars.length > 0 ? 'No project matches the filters.' : 'No projects in the plan files yet.';
    this.empty.hidden = view.rows.length > 0;
    this.draw(true);
  }

  /** The zoom that fits a time range in the visible width. */
  fitZoom(range = this.view?.model.range): number {
    if (!range) return this.zoom;
    const days = range.end - range.start + 1;
    // The room after the range end too: the names and figures written beside the last marks show whole.
    return clampZoom((this.scroller.clientWidth - LABELS - END_PAD) / days);
  }

  /**
   * Printing: the whole time range fitted to a printed page and every row drawn (the print stylesheet
   * lets the chart grow to its full height); afterwards, the zoom and scroll as they were.
   */
  printing(on: boolean): void {
    if (!this.view || on === (this.beforePrint !== undefined)) return;
    if (on) {
      this.beforePrint = { zoom: this.zoom, scrollLeft: this.scroller.scrollLeft, scrollTop: this.scroller.scrollTop };
      const days = this.view.model.range.end - this.view.model.range.start + 1;
      // Below the screen's smallest zoom if need be: on paper the whole range must fit.
      this.zoom = Math.min(maxZoom, Math.max(0.05, (PRINT_WIDTH - LABELS - END_PAD) / days));
      this.layout();
      this.draw(true);
      return;
    }
    const saved = this.beforePrint!;
    this.beforePrint = undefined;
    this.zoom = saved.zoom;
    this.layout();
    this.scroller.scrollLeft = saved.scrollLeft;
    this.scroller.scrollTop = saved.scrollTop;
    this.draw(true);
  }

  /** Zooms keeping the day under `clientX` (default: the middle of the chart) in place. */
  setZoom(zoom: number, clientX?: number): void {
    const next = clampZoom(zoom);
    if (!this.view || next === this.zoom) return;
    const box = this.scroller.getBoundingClientRect();
    const visibleWidth = this.scroller.clientWidth - LABELS;
    const anchor = clientX !== undefined ? Math.min(visibleWidth, Math.max(0, clientX - box.left - LABELS)) : visibleWidth / 2;
    const day = (this.scroller.scrollLeft + anchor) / this.zoom;
    this.zoom = next;
    this.layout();
    this.scroller.scrollLeft = day * next - anchor;
    this.draw(true);
    this.events.zoomed(next);
    this.events.moved();
  }

  /** Scrolls so a day sits a third of the way into the visible chart. */
  scrollToDay(day: number): void {
    if (!this.view) return;
    this.scroller.scrollLeft = dayToX(day, this.view.model.range.start, this.zoom) - (this.scroller.clientWidth - LABELS) / 3;
  }

  /** Scrolls a project's bar into view and focuses it. */
  reveal(id: string): void {
    const row = this.rowOfId(id);
    if (row < 0) return;
    this.activate(row);
  }

  /** Makes a row the active one: scrolled into view, drawn, and focused. */
  private activate(row: number): void {
    this.activeRow = row;
    this.ensureVisible(row);
    this.draw(true);
    this.focusActive();
  }

  private rowOfId(id: string): number {
    const index = this.view?.barIndex.get(id);
    return index === undefined ? -1 : (this.view?.rowOfBar[index] ?? -1);
  }

  /**
   * The chart is as tall as its axis and rows (and its horizontal scrollbar), no taller: under a few
   * rows there is no empty grid, and the table below takes the room. Many rows scroll as before.
   */
  private fitHeight(rows = this.view?.rows.length): void {
    if (rows === undefined || this.beforePrint) return;
    const scrollbar = this.scroller.offsetHeight - this.scroller.clientHeight;
    const border = this.element.offsetHeight - this.element.clientHeight;
    // No rows: room for the message saying why.
    const height = rows === 0 ? EMPTY_HEIGHT : AXIS + rows * ROW + scrollbar + border;
    const max = `${height}px`;
    const min = `${Math.min(height, MIN_HEIGHT)}px`;
    if (this.element.style.maxHeight !== max) this.element.style.maxHeight = max;
    if (this.element.style.minHeight !== min) this.element.style.minHeight = min;
  }

  private layout(): void {
    if (!this.view) return;
    const width = chartWidth(this.view.model.range, this.zoom) + END_PAD;
    const height = this.view.rows.length * ROW;
    setSize(this.canvas, LABELS + width, AXIS + height);
    setSize(this.axisSvg, width, AXIS);
    setSize(this.labelsSvg, LABELS, height);
    setSize(this.chartSvg, width, height);
    this.statusLine.setAttribute('x1', String(dayToX(this.view.model.statusDate, this.view.model.range.start, this.zoom) + this.zoom / 2));
    this.statusLine.setAttribute('x2', this.statusLine.getAttribute('x1')!);
    this.statusLine.setAttribute('y1', '0');
    this.statusLine.setAttribute('y2', String(height));
    this.fitHeight();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      // A resize may have added or removed the horizontal scrollbar.
      this.fitHeight();
      this.draw(false);
      this.events.moved();
    });
  }

  /**
   * Draws the first screen of a roadmap on a canvas over the chart, before its view exists (issue 22:
   * the first frame of a large exported file). `view` holds the first rows of a roadmap of `totalRows`
   * rows; the chart is sized and scrolled as `setView` will place the whole view at `position`, and the
   * rows in view are painted from the same scene as the SVG chart, in the same order (grid, status line,
   * bars; then the label column and the axis, which stick over them). `setView` takes the canvas away.
   * Returns the number of bars painted, or undefined when the page has no canvas to paint on.
   */
  showPoster(view: RoadmapView, position: { zoom: number; leftDay: number | null }, totalRows: number): number | undefined {
    const { model } = view;
    const { start, end } = model.range;
    const zoom = clampZoom(position.zoom);
    // The zoom the toolbar shows meanwhile; setView sets it again.
    this.zoom = zoom;
    const width = chartWidth(model.range, zoom) + END_PAD;
    // As layout(): the scroller gets the scrollbars the whole view will give it.
    setSize(this.canvas, LABELS + width, AXIS + totalRows * ROW);
    this.fitHeight(totalRows);
    this.scroller.scrollLeft = dayToX(leftDayOf(model, position.leftDay), start, zoom);
    const { scrollLeft, clientWidth, clientHeight } = this.scroller;
    // Where the chart, the axis and the label column are in the scroller's box (as scrolled), from the layout itself.
    const origin = this.scroller.getBoundingClientRect();
    const chartAt = this.chartSvg.getBoundingClientRect();
    const axisAt = this.axisSvg.getBoundingClientRect();
    const labelsAt = this.labelsSvg.getBoundingClientRect();
    const corner = this.corner.firstElementChild as HTMLElement;
    const cornerAt = corner.getBoundingClientRect();
    const cornerStyle = getComputedStyle(corner);
    const poster = document.createElement('canvas');
    poster.className = 'poster';
    poster.setAttribute('aria-hidden', 'true');
    const ratio = window.devicePixelRatio || 1;
    poster.width = Math.round(clientWidth * ratio);
    poster.height = Math.round(clientHeight * ratio);
    setSize(poster, clientWidth, clientHeight);
    const context = poster.getContext('2d');
    if (!context) return undefined;
    context.scale(ratio, ratio);
    const palette = readPalette(this.element);
    const rows = visibleRows(0, Math.max(0, clientHeight - AXIS), ROW, view.rows.length);
    const dayFrom = Math.max(start, xToDay(scrollLeft, start, zoom));
    const dayTo = Math.min(end, xToDay(scrollLeft + clientWidth, start, zoom));
    context.fillStyle = palette.bg;
    context.fillRect(0, 0, clientWidth, clientHeight);
    // The chart, right of the label column and its border, under the axis.
    context.save();
    context.translate(chartAt.left - origin.left, chartAt.top - origin.top);
    paintShapes(context, gridScene(model, zoom, dayFrom, dayTo, rows.first * ROW, rows.last * ROW), palette);
    paintShapes(context, [statusLineScene(model, zoom, 0, totalRows * ROW)], palette);
    paintShapes(context, rowsScene(view, rows.first, rows.last, zoom, width), palette);
    context.restore();
    // The label column and the axis row, each with its border, over the chart.
    context.fillStyle = palette.bg;
    context.fillRect(0, AXIS, LABELS, clientHeight - AXIS);
    context.save();
    context.translate(labelsAt.left - origin.left, labelsAt.top - origin.top);
    paintShapes(context, labelsScene(view, rows.first, rows.last, LABELS), palette);
    context.restore();
    context.fillStyle = palette.bg;
    context.fillRect(0, 0, clientWidth, AXIS);
    context.save();
    context.translate(axisAt.left - origin.left, axisAt.top - origin.top);
    paintShapes(context, axisScene(model, zoom, dayFrom, dayTo), palette);
    context.restore();
    // The borders: the corner's and the label column's right, the corner's and the axis's bottom (the axis as wide as the chart).
    context.fillStyle = palette.bg;
    context.fillRect(0, 0, LABELS, AXIS);
    context.fillStyle = palette.border;
    context.fillRect(LABELS - 1, 0, 1, AXIS);
    context.fillRect(LABELS, AXIS, 1, clientHeight - AXIS);
    context.fillRect(0, AXIS - 1, LABELS, 1);
    context.fillRect(LABELS, AXIS, Math.min(clientWidth, axisAt.right - origin.left) - LABELS, 1);
    // The corner's words, as its stylesheet sets them, on the baseline of their line box.
    context.font = `${cornerStyle.fontWeight} ${cornerStyle.fontSize} ${cornerStyle.fontFamily}`;
    context.fillStyle = palette.muted;
    context.textAlign = 'left';
    context.letterSpacing = cornerStyle.letterSpacing === 'normal' ? '0px' : cornerStyle.letterSpacing;
    const words = cornerStyle.textTransform === 'uppercase' ? (corner.textContent ?? '').toUpperCase() : (corner.textContent ?? '');
    const metrics = context.measureText(words);
    const leading = (cornerAt.height - metrics.fontBoundingBoxAscent - metrics.fontBoundingBoxDescent) / 2;
    context.fillText(words, cornerAt.left - origin.left, cornerAt.top - origin.top + leading + metrics.fontBoundingBoxAscent);
    context.letterSpacing = '0px';
    this.poster?.remove();
    this.poster = poster;
    this.element.append(poster);
    let bars = 0;
    for (let row = rows.first; row < rows.last; row++) if (view.rows[row].kind === 'bar') bars++;
    return bars;
  }

  /** Takes a poster away (one that could not be painted whole). */
  dropPoster(): void {
    this.poster?.remove();
    this.poster = undefined;
  }

  /** Draws the window around what is visible, unless what is drawn already covers it. */
  draw(force: boolean): void {
    const view = this.view;
    if (!view) return;
    const { scrollTop, scrollLeft, clientWidth, clientHeight } = this.scroller;
    const { model } = view;
    const total = view.rows.length;
    const rowsHeight = Math.max(0, clientHeight - AXIS);
    const seen = visibleRows(scrollTop, rowsHeight, ROW, total);
    const seenFrom = xToDay(Math.max(0, scrollLeft), model.range.start, this.zoom);
    const seenTo = xToDay(scrollLeft + Math.max(0, clientWidth - LABELS), model.range.start, this.zoom);
    const d = this.drawn;
    if (
      !force && d && d.view === view && d.zoom === this.zoom &&
      d.first <= seen.first && d.last >= seen.last &&
      d.dayFrom <= Math.max(seenFrom, model.range.start) && d.dayTo >= Math.min(seenTo, model.range.end)
    ) {
      return;
    }
    const all = total <= ALL_ROWS_LIMIT || this.beforePrint !== undefined;
    // The first drawing holds what is in view only, to be on screen sooner; later ones add a margin
    // around it (rows above and below, a width each side), so that scrolling finds it drawn.
    const margin = d ? 1 : 0;
    const rows = all ? { first: 0, last: total } : visibleRows(scrollTop, rowsHeight, ROW, total, margin * OVERSCAN_ROWS);
    const span = Math.max(200, clientWidth);
    const printing = this.beforePrint !== undefined;
    const dayFrom = printing ? model.range.start : Math.max(model.range.start, xToDay(scrollLeft - margin * span, model.range.start, this.zoom));
    const dayTo = printing ? model.range.end : Math.min(model.range.end, xToDay(scrollLeft + (1 + margin) * span, model.range.start, this.zoom));
    const width = chartWidth(model.range, this.zoom) + END_PAD;
    const hadFocus = this.rowsLayer.contains(document.activeElement);

    drawInto(this.gridLayer, gridScene(model, this.zoom, dayFrom, dayTo, rows.first * ROW, rows.last * ROW));
    drawInto(this.rowsLayer, rowsScene(view, rows.first, rows.last, this.zoom, width));
    drawInto(this.arrowsLayer, arrowsScene(view, rows.first, rows.last, this.zoom));
    drawInto(this.axisSvg, axisScene(model, this.zoom, dayFrom, dayTo));
    drawInto(this.labelsSvg, labelsScene(view, rows.first, rows.last, LABELS));
    this.drawn = { view, zoom: this.zoom, first: rows.first, last: rows.last, dayFrom, dayTo };

    // One tab stop in the chart: the active bar, else the first bar drawn; arrows move from there.
    const active = this.activeElement() ?? this.rowsLayer.querySelector<SVGElement>('[data-id]');
    if (active) {
      active.setAttribute('tabindex', '0');
      if (hadFocus) active.focus({ preventScroll: true });
    }
  }

  private activeElement(): SVGElement | null {
    if (!this.view || this.activeRow < 0) return null;
    const row = this.view.rows[this.activeRow];
    if (row?.kind !== 'bar') return null;
    const id = this.view.model.bars[row.bar].id;
    for (const child of this.rowsLayer.children) if (child instanceof SVGElement && child.dataset.id === id) return child;
    return null;
  }

  private focusActive(): void {
    this.activeElement()?.focus({ preventScroll: true });
  }

  private ensureVisible(row: number): void {
    if (!this.view) return;
    const rowsHeight = Math.max(ROW, this.scroller.clientHeight - AXIS);
    const top = row * ROW;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + ROW > this.scroller.scrollTop + rowsHeight) this.scroller.scrollTop = top + ROW - rowsHeight;
    const entry = this.view.rows[row];
    if (entry.kind !== 'bar') return;
    const bar = this.view.model.bars[entry.bar];
    if (bar.start === null || bar.end === null) return;
    const left = dayToX(bar.start, this.view.model.range.start, this.zoom);
    const right = dayToX(bar.end + 1, this.view.model.range.start, this.zoom);
    const visibleWidth = this.scroller.clientWidth - LABELS;
    if (right < this.scroller.scrollLeft || left > this.scroller.scrollLeft + visibleWidth) this.scroller.scrollLeft = left - 40;
  }

  /** Moves the active bar by `delta` bar rows (clamped), skipping lane rows. */
  private moveActive(delta: number): void {
    const view = this.view;
    if (!view || view.rows.length === 0) return;
    const direction = delta >= 0 ? 1 : -1;
    let row = this.activeRow < 0 ? (direction > 0 ? visibleRows(this.scroller.scrollTop, 1, ROW, view.rows.length).first - 1 : view.rows.length) : this.activeRow;
    let found = -1;
    for (let step = 0; step < Math.abs(delta) || found < 0; ) {
      row += direction;
      if (row < 0 || row >= view.rows.length) break;
      if (view.rows[row].kind === 'bar') {
        found = row;
        step++;
      }
    }
    if (found < 0) return;
    this.activate(found);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.altKey || event.metaKey || (event.ctrlKey && event.key !== 'Home' && event.key !== 'End')) return;
    const page = Math.max(1, Math.floor((this.scroller.clientHeight - AXIS) / ROW) - 1);
    const step = Math.max(40, (this.scroller.clientWidth - LABELS) / 8);
    switch (event.key) {
      case 'ArrowDown':
        this.moveActive(1);
        break;
      case 'ArrowUp':
        this.moveActive(-1);
        break;
      case 'PageDown':
        this.moveActive(page);
        break;
      case 'PageUp':
        this.moveActive(-page);
        break;
      case 'Home':
        this.activeRow = -1;
        this.scroller.scrollTop = 0;
        this.moveActive(1);
        break;
      case 'End':
        this.activeRow = -1;
        this.moveActive(-1);
        break;
      case 'ArrowLeft':
        this.scroller.scrollLeft -= step;
        break;
      case 'ArrowRight':
        this.scroller.scrollLeft += step;
        break;
      case '+':
      case '=':
        this.setZoom(zoomIn(this.zoom));
        break;
      case '-':
      case '_':
        this.setZoom(zoomOut(this.zoom));
        break;
      case 'Enter':
      case ' ': {
        const hit = targetOf(document.activeElement);
        if (!hit) return;
        this.events.open(hit.target);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  }

  private onWheel(event: WheelEvent): void {
    if (!event.ctrlKey) return;
    // Ctrl+wheel (and pinch) zooms the time axis, around the pointer.
    event.preventDefault();
    const steps = Math.max(-4, Math.min(4, -event.deltaY / 60));
    this.setZoom(this.zoom * 1.25 ** steps, event.clientX);
  }
}
