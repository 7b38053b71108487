/** The roadmap as one static SVG: the webview's own shapes, serialised with every string escaped. */
import { formatDay } from '../base/dates';
import { xmlEscape } from '../base/xml';
import { chartWidth, geometry } from './layout';
import { roadmapCountsText, type RoadmapModel } from './model';
import { arrowsScene, axisScene, createView, gridScene, labelsScene, n, rowsScene, statusLineScene, type Shape } from './scene';


const dataAttributes = { id: 'data-id', milestone: 'data-milestone', lane: 'data-lane', project: 'data-project' } as const;

/** One shape as SVG markup. */
export function shapeToSvg(shape: Shape): string {
  const cls = `class="${xmlEscape(shape.cls)}"`;
  switch (shape.t) {
    case 'g': {
      const data = Object.entries(shape.data ?? {})
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => ` ${dataAttributes[key as keyof typeof dataAttributes]}="${xmlEscape(value as string)}"`)
        .join('');
      const title = shape.title ? `<title>${xmlEscape(shape.title)}</title>` : '';
      return `<g ${cls}${data}>${title}${shape.children.map(shapeToSvg).join('')}</g>`;
    }
    case 'rect':
      return `<rect ${cls} x="${n(shape.x)}" y="${n(shape.y)}" width="${n(Math.max(0, shape.w))}" height="${n(shape.h)}"${shape.rx ? ` rx="${shape.rx}"` : ''}/>`;
    case 'line':
      return `<line ${cls} x1="${n(shape.x1)}" y1="${n(shape.y1)}" x2="${n(shape.x2)}" y2="${n(shape.y2)}"/>`;
    case 'path':
      return `<path ${cls} d="${xmlEscape(shape.d)}"/>`;
    case 'circle':
      return `<circle ${cls} cx="${n(shape.cx)}" cy="${n(shape.cy)}" r="${n(shape.r)}"/>`;
    case 'text':
      return `<text ${cls} x="${n(shape.x)}" y="${n(shape.y)}"${shape.anchor && shape.anchor !== 'start' ? ` text-anchor="${shape.anchor}"` : ''}>${xmlEscape(shape.text)}</text>`;
  }
}

/** Health colours of the static SVG (light); the webview takes them from the VS Code theme. */
const svgHealth: Record<string, string> = { green: '#2da44e', amber: '#bf8700', red: '#cf222e', none: '#8c959f' };

/** The light palette of the static SVG as [selectors, declarations], plain class rules (no custom properties, for any SVG reader). */
const svgRules: ReadonlyArray<readonly [string, string]> = [
  ['svg', 'font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:12px;background:#fff'],
  ['text', 'fill:#1f2328'],
  ['.title', 'font-size:18px;font-weight:600'],
  ['.subtitle,.legend-text', 'fill:#57606a'],
  ['.axis-bg', 'fill:#f6f8fa'],
  ['.axis-rule,.axis-tick', 'stroke:#d0d7de'],
  ['.axis-major', 'font-weight:600'],
  ['.axis-minor', 'fill:#57606a;font-size:11px'],
  ['.grid', 'stroke:#eaeef2'],
  ['.grid.major', 'stroke:#d0d7de'],
  ['.lane-band', 'fill:#f6f8fa'],
  ['.lane-text', 'font-weight:600'],
  ['.bar-label.cancelled .name', 'text-decoration:line-through;fill:#8c959f'],
  ...Object.entries(svgHealth).flatMap(([health, c]): Array<[string, string]> => [
    [`.dot.health-${health}`, `fill:${c}`],
    [`.bar.health-${health} .body`, `fill:${c};fill-opacity:.28;stroke:${c}`],
    [`.bar.health-${health} .progress`, `fill:${c}`],
    [`.bar.health-${health} .forecast`, `fill:${c};fill-opacity:.12;stroke:${c};stroke-dasharray:3 2`],
    [`.summary.health-${health}`, `fill:${c};fill-opacity:.85`],
  ]),
  ['.bar .baseline', 'fill:#8c959f;fill-opacity:.55'],
  ['.bar.critical .body', 'stroke:#bc4c00;stroke-width:2'],
  ['.bar.cancelled .body,.bar.cancelled .progress', 'fill:#8c959f;stroke:#8c959f'],
  ['.strike', 'stroke:#57606a;stroke-width:1.5'],
  ['.bar-text', 'fill:#57606a;font-size:11px'],
  ['.milestone .diamond', 'fill:#fff;stroke:#1f2328;stroke-width:1.5'],
  ['.milestone.done .diamond', 'fill:#1f2328'],
  // Ringed in white: it stands out on a red bar too.
  ['.milestone.missed .diamond', 'fill:#cf222e;stroke:#fff;stroke-width:2'],
  ['.missed-mark', 'stroke:#fff;stroke-width:1.5'],
  ['.milestone-text', 'font-size:11px;fill:#57606a'],
  ['.lane .milestone-text', 'paint-order:stroke;stroke:#f6f8fa;stroke-width:3px;stroke-linejoin:round'],
  ['.milestone.at-risk .diamond', 'stroke:#bf8700;stroke-width:2'],
  ['.milestone .forecast-diamond', 'fill:none;stroke:#bf8700;stroke-width:1.5'],
  ['.milestone .slip', 'stroke:#bf8700;stroke-width:1.5;stroke-dasharray:3 2'],
  ['.milestone.missed .forecast-diamond,.milestone.missed .slip', 'stroke:#cf222e'],
  ['.dependency .link', 'fill:none;stroke:#8c959f;stroke-width:1.2'],
  ['.dependency .head', 'fill:#8c959f'],
  ['.dependency.critical .link', 'stroke:#bc4c00'],
  ['.dependency.critical .head', 'fill:#bc4c00'],
  ['.dependency.violated .link', 'stroke:#cf222e;stroke-dasharray:4 2'],
  ['.dependency.violated .head', 'fill:#cf222e'],
  ['.status-line', 'stroke:#0969da;stroke-width:1.5;stroke-dasharray:5 3'],
  ['.status-flag', 'fill:#0969da'],
];

/**
 * The static SVG's stylesheet. With `scope` (a selector such as `svg.roadmap`), every rule applies only
 * inside the SVGs it selects: for an HTML page that holds several SVGs, where a `<style>` is global.
 */
export function roadmapSvgStyle(scope = ''): string {
  const scoped = (selector: string) => (scope === '' ? selector : selector === 'svg' ? scope : `${scope} ${selector}`);
  return svgRules.map(([selectors, declarations]) => `${selectors.split(',').map(scoped).join(',')}{${declarations}}`).join('\n');
}

export interface RoadmapSvgOptions {
  /** The picture's width in pixels; the time axis is laid out to fill it (default: up to 1,400 px of chart). */
  readonly width?: number;
  /** The title and subtitle (default true). */
  readonly heading?: boolean;
  /** The legend (default true). */
  readonly legend?: boolean;
  /** The rows [first, last) to draw (default all): a tall roadmap in page-sized pieces, each with its axis. */
  readonly rows?: { readonly first: number; readonly last: number };
  /** A prefix for the ids inside the SVG, unique per SVG when a page holds several. */
  readonly idPrefix?: string;
  /** False: no stylesheet inside (a page holding several SVGs gives `roadmapSvgStyle(scope)` once). */
  readonly embedStyle?: boolean;
  readonly className?: string;
}

/** Room right of the chart for the text beside the last bars. */
const END_ROOM = 90;

/** The roadmap (or some of its rows) as one static SVG: lanes and projects, the axis, arrows and a legend. */
export function roadmapSvg(model: RoadmapModel, options: RoadmapSvgOptions = {}): string {
  const view = createView(model);
  const { labelWidth, axisHeight, rowHeight } = geometry;
  const days = model.range.end - model.range.start + 1;
  const pxPerDay = options.width !== undefined ? Math.max(0.2, (options.width - labelWidth - END_ROOM) / days) : Math.min(14, Math.max(1, 1400 / days));
  const chart = chartWidth(model.range, pxPerDay);
  const first = Math.max(0, options.rows?.first ?? 0);
  const last = Math.min(view.rows.length, options.rows?.last ?? view.rows.length);
  const heading = options.heading ?? true;
  const legend = (options.legend ?? true) ? legendLayout(heading ? Infinity : labelWidth + chart + END_ROOM - 24) : undefined;
  // With a heading the legend runs on one line under the subtitle (beside it, a long subtitle ran under
  // the legend); without, it starts at the left and wraps.
  const legendAt = heading ? { x: 12, y: 64 } : { x: 12, y: 14 };
  const headerHeight = heading ? 78 : legend ? 12 + legend.lines * LEGEND_LINE : 0;
  const rowsHeight = Math.max(0, last - first) * rowHeight;
  const width = Math.ceil(labelWidth + chart + END_ROOM);
  const height = headerHeight + axisHeight + rowsHeight + 8;
  const clipId = `${options.idPrefix ?? ''}chart-area`;
  const translate = (x: number, y: number, shapes: readonly Shape[]) =>
    `<g transform="translate(${n(x)} ${n(y)})">${shapes.map(shapeToSvg).join('')}</g>`;
  const className = options.className ? ` class="${xmlEscape(options.className)}"` : '';
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg"${className} width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${xmlEscape(`Roadmap: ${model.title}`)}">`,
    ...(options.embedStyle === false ? [] : [`<style>\n${roadmapSvgStyle()}\n</style>`]),
    `<title>${xmlEscape(`${model.title} — roadmap at ${formatDay(model.statusDate)}`)}</title>`,
    ...(heading
      ? [
          `<text class="title" x="12" y="26">${xmlEscape(model.title)}</text>`,
          `<text class="subtitle" x="12" y="46">${xmlEscape(`Roadmap at ${formatDay(model.statusDate)} · ${roadmapCountsText(model)}`)}</text>`,
        ]
      : []),
    ...(legend ? [translate(legendAt.x, legendAt.y, [{ t: 'g', cls: 'legend', children: legend.shapes }])] : []),
    `<rect class="axis-bg" x="${labelWidth}" y="${headerHeight}" width="${n(chart)}" height="${axisHeight}"/>`,
    `<clipPath id="${xmlEscape(clipId)}"><rect x="0" y="${-axisHeight}" width="${n(chart + END_ROOM)}" height="${axisHeight + rowsHeight}"/></clipPath>`,
    `<g clip-path="url(#${xmlEscape(clipId)})" transform="translate(${labelWidth} ${headerHeight + axisHeight})">`,
    translate(0, -axisHeight, axisScene(model, pxPerDay, model.range.start, model.range.end)),
    translate(0, -first * rowHeight, [
      ...gridScene(model, pxPerDay, model.range.start, model.range.end, first * rowHeight, last * rowHeight),
      ...rowsScene(view, first, last, pxPerDay, chart),
      ...arrowsScene(view, first, last, pxPerDay),
      statusLineScene(model, pxPerDay, first * rowHeight, last * rowHeight),
    ]),
    '</g>',
    translate(0, headerHeight + axisHeight - first * rowHeight, labelsScene(view, first, last, labelWidth)),
    '</svg>',
  ];
  return out.join('\n') + '\n';
}

/** Height of one line of the legend. */
const LEGEND_LINE = 18;

/** The legend as shapes, laid out left to right from (0, 0) and wrapped at `maxWidth`; each item styled like what it explains. */
export function legendShapes(maxWidth = Infinity): Shape[] {
  return [{ t: 'g', cls: 'legend', children: legendLayout(maxWidth).shapes }];
}

/** How wide the legend is (its longest line) when wrapped at `maxWidth`, in pixels: for the element that holds it. */
export function legendWidth(maxWidth = Infinity): number {
  return legendLayout(maxWidth).width;
}

/** How many lines the legend takes when wrapped at `maxWidth`. */
export function legendLines(maxWidth = Infinity): number {
  return legendLayout(maxWidth).lines;
}

function legendLayout(maxWidth: number): { shapes: Shape[]; width: number; lines: number } {
  // Each swatch is drawn around (x, y): y is the middle of its line.
  const bar = (x: number, y: number): Shape[] => [{ t: 'rect', cls: 'body', x, y: y - 5, w: 22, h: 10, rx: 2 }];
  const diamond = (x: number, y: number): Shape[] => [{ t: 'path', cls: 'diamond', d: `M${x + 11} ${y - 6}L${x + 17} ${y}L${x + 11} ${y + 6}L${x + 5} ${y}Z` }];
  const late = (x: number, y: number): Shape[] => [
    { t: 'path', cls: 'diamond', d: `M${x + 6} ${y - 6}L${x + 12} ${y}L${x + 6} ${y + 6}L${x} ${y}Z` },
    { t: 'line', cls: 'slip', x1: x + 12, y1: y, x2: x + 18, y2: y },
    { t: 'path', cls: 'forecast-diamond', d: `M${x + 24} ${y - 6}L${x + 30} ${y}L${x + 24} ${y + 6}L${x + 18} ${y}Z` },
  ];
  // label, classes, swatch, swatch width
  const items: ReadonlyArray<[string, string, (x: number, y: number) => Shape[], number]> = [
    ['on track', 'bar health-green', bar, 22],
    ['at risk', 'bar health-amber', bar, 22],
    ['off track', 'bar health-red', bar, 22],
    ['critical path', 'bar health-green critical', bar, 22],
    ['baseline', 'bar health-none', (x, y) => [{ t: 'rect', cls: 'baseline', x, y: y - 2, w: 22, h: 4, rx: 1 }], 22],
    ['forecast', 'bar health-amber', (x, y) => [{ t: 'rect', cls: 'forecast', x, y: y - 5, w: 22, h: 10, rx: 2 }], 22],
    ['milestone', 'milestone on-track', diamond, 22],
    ['late: forecast', 'milestone at-risk late', late, 30],
    ['missed', 'milestone missed', diamond, 22],
    ['dependency violated', 'dependency violated', (x, y) => [{ t: 'line', cls: 'link', x1: x, y1: y, x2: x + 16, y2: y }, { t: 'path', cls: 'head', d: `M${x + 16} ${y - 4}L${x + 22} ${y}L${x + 16} ${y + 4}Z` }], 22],
    ['status date', 'status', (x, y) => [{ t: 'line', cls: 'status-line', x1: x + 11, y1: y - 7, x2: x + 11, y2: y + 7 }], 22],
  ];
  const shapes: Shape[] = [];
  let x = 0;
  let line = 0;
  let width = 0;
  for (const [label, cls, swatch, swatchWidth] of items) {
    const itemWidth = swatchWidth + 6 + label.length * 6.5;
    if (x > 0 && x + itemWidth > maxWidth) {
      x = 0;
      line++;
    }
    const y = line * LEGEND_LINE;
    shapes.push({ t: 'g', cls: `legend-item ${cls}`, children: [...swatch(x, y), { t: 'text', cls: 'legend-text', x: x + swatchWidth + 6, y: y + 4, text: label }] });
    width = Math.max(width, x + itemWidth);
    x += itemWidth + 16;
  }
  return { shapes, width: Math.ceil(width), lines: line + 1 };
}
