/**
 * The first frame of a large exported roadmap, on a canvas (issue 22): the chart's first screen drawn
 * from the core's scene — the same shapes the SVG chart is made of — before the page has read the
 * whole outline or made a single SVG element. The timeline puts the canvas over its own box and takes
 * it away when it draws its first view; the styles below are those roadmap.css gives the shapes a
 * first frame has (lane bands and titles, health dots, bars, the axis and grid, the status line), the
 * colours read from the page's own custom properties, so a dark page gets a dark poster.
 */
import type { Shape } from '../core';

/** The page's colours and font, as the stylesheet resolves them. */
export interface PosterPalette {
  readonly fg: string;
  readonly muted: string;
  readonly bg: string;
  readonly border: string;
  readonly band: string;
  readonly grid: string;
  readonly gridStrong: string;
  readonly status: string;
  readonly critical: string;
  readonly health: Readonly<Record<'green' | 'amber' | 'red' | 'none', string>>;
  readonly font: string;
}

/** Reads the palette from the custom properties of the element's page (resolved to rgb() by a probe). */
export function readPalette(inside: HTMLElement): PosterPalette {
  const probe = document.createElement('span');
  probe.hidden = true;
  inside.append(probe);
  const color = (property: string) => {
    probe.style.color = `var(${property})`;
    return getComputedStyle(probe).color;
  };
  const palette: PosterPalette = {
    fg: color('--rm-fg'),
    muted: color('--rm-muted'),
    bg: color('--rm-bg'),
    border: color('--rm-border'),
    band: color('--rm-band'),
    grid: color('--rm-grid'),
    gridStrong: color('--rm-grid-strong'),
    status: color('--rm-status'),
    critical: color('--rm-critical'),
    health: { green: color('--rm-green'), amber: color('--rm-amber'), red: color('--rm-red'), none: color('--rm-none') },
    font: getComputedStyle(probe).fontFamily,
  };
  probe.remove();
  return palette;
}

const has = (classes: string, name: string) => ` ${classes} `.includes(` ${name} `);

function healthOf(classes: string, palette: PosterPalette): string {
  const match = /(?:^| )health-(green|amber|red|none)(?: |$)/.exec(classes);
  return palette.health[(match?.[1] ?? 'none') as keyof PosterPalette['health']];
}

/** Paints shapes as roadmap.css styles them; `outer` are the classes of the groups around them. */
export function paintShapes(context: CanvasRenderingContext2D, shapes: readonly Shape[], palette: PosterPalette, outer = ''): void {
  for (const shape of shapes) {
    const classes = `${outer} ${shape.cls}`;
    switch (shape.t) {
      case 'g':
        paintShapes(context, shape.children, palette, classes);
        break;
      case 'rect':
        paintRect(context, shape, classes, palette);
        break;
      case 'line':
        paintLine(context, shape, palette);
        break;
      case 'path': {
        const c = healthOf(classes, palette);
        const path = new Path2D(shape.d);
        if (has(shape.cls, 'summary')) fill(context, c, 0.85, () => context.fill(path));
        else if (has(shape.cls, 'status-flag')) fill(context, palette.status, 1, () => context.fill(path));
        break;
      }
      case 'circle':
        fill(context, healthOf(shape.cls, palette), 1, () => {
          context.beginPath();
          context.arc(shape.cx, shape.cy, shape.r, 0, 2 * Math.PI);
          context.fill();
        });
        break;
      case 'text':
        paintText(context, shape, classes, palette);
        break;
    }
  }
}

function fill(context: CanvasRenderingContext2D, color: string, alpha: number, draw: () => void): void {
  context.globalAlpha = alpha;
  context.fillStyle = color;
  draw();
  context.globalAlpha = 1;
}

function roundedRect(context: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  context.beginPath();
  if (r > 0 && typeof context.roundRect === 'function') context.roundRect(x, y, w, h, Math.min(r, w / 2, h / 2));
  else context.rect(x, y, w, h);
}

function paintRect(context: CanvasRenderingContext2D, shape: Extract<Shape, { t: 'rect' }>, classes: string, palette: PosterPalette): void {
  const { x, y, h } = shape;
  const w = Math.max(0, shape.w);
  const c = healthOf(classes, palette);
  roundedRect(context, x, y, w, h, shape.rx ?? 0);
  if (has(shape.cls, 'lane-band')) fill(context, palette.band, 1, () => context.fill());
  else if (has(shape.cls, 'body')) {
    fill(context, c, 0.3, () => context.fill());
    const critical = has(classes, 'critical');
    context.strokeStyle = critical ? palette.critical : c;
    context.lineWidth = critical ? 2 : 1;
    context.stroke();
  } else if (has(shape.cls, 'progress')) fill(context, c, 1, () => context.fill());
  else if (has(shape.cls, 'forecast')) {
    fill(context, c, 0.12, () => context.fill());
    context.strokeStyle = c;
    context.lineWidth = 1;
    context.setLineDash([3, 2]);
    context.stroke();
    context.setLineDash([]);
  } else if (has(shape.cls, 'baseline')) fill(context, palette.muted, 0.55, () => context.fill());
}

function paintLine(context: CanvasRenderingContext2D, shape: Extract<Shape, { t: 'line' }>, palette: PosterPalette): void {
  const cls = shape.cls;
  let color = palette.gridStrong;
  let width = 1;
  let dash: number[] = [];
  if (cls === 'grid') color = palette.grid;
  else if (cls === 'status-line') [color, width, dash] = [palette.status, 1.5, [5, 3]];
  else if (cls === 'strike') [color, width] = [palette.muted, 1.5];
  context.beginPath();
  context.moveTo(shape.x1, shape.y1);
  context.lineTo(shape.x2, shape.y2);
  context.strokeStyle = color;
  context.lineWidth = width;
  context.setLineDash(dash);
  context.stroke();
  context.setLineDash([]);
}

function paintText(context: CanvasRenderingContext2D, shape: Extract<Shape, { t: 'text' }>, classes: string, palette: PosterPalette): void {
  const small = has(shape.cls, 'axis-minor') || has(shape.cls, 'bar-text');
  const bold = has(shape.cls, 'axis-major') || has(shape.cls, 'lane-text');
  const cancelled = has(classes, 'cancelled') && has(shape.cls, 'name');
  context.font = `${bold ? '600 ' : ''}${small ? 11 : 12}px ${palette.font}`;
  context.fillStyle = small || cancelled ? palette.muted : palette.fg;
  context.textAlign = shape.anchor === 'middle' ? 'center' : shape.anchor === 'end' ? 'right' : 'left';
  context.fillText(shape.text, shape.x, shape.y);
  if (cancelled) {
    const width = context.measureText(shape.text).width;
    context.fillRect(shape.x, shape.y - 4, width, 1);
  }
}
