/** The roadmap as one static SVG: the webview's own shapes, serialised with every string escaped. */
import { formatDay } from '../base/dates';
import { chartWidth, geometry } from './layout';
import type { RoadmapModel } from './model';
import { arrowsScene, axisScene, createView, gridScene, labelsScene, n, rowsScene, statusLineScene, type Shape } from './scene';

/** Text and attribute values for XML: escaped, and characters XML 1.0 forbids replaced. */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

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

/** The light palette of the static SVG, as plain class rules (no custom properties, for any SVG reader). */
const svgStyle = [
  'svg{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:12px;background:#fff}',
  'text{fill:#1f2328}.title{font-size:18px;font-weight:600}.subtitle,.legend-text{fill:#57606a}',
  '.axis-bg{fill:#f6f8fa}.axis-rule,.axis-tick{stroke:#d0d7de}.axis-major{font-weight:600}.axis-minor{fill:#57606a;font-size:11px}',
  '.grid{stroke:#eaeef2}.grid.major{stroke:#d0d7de}.lane-band{fill:#f6f8fa}.lane-text{font-weight:600}',
  '.bar-label.cancelled .name{text-decoration:line-through;fill:#8c959f}',
  ...Object.entries(svgHealth).map(
    ([health, c]) =>
      `.dot.health-${health}{fill:${c}}.bar.health-${health} .body{fill:${c};fill-opacity:.28;stroke:${c}}.bar.health-${health} .progress{fill:${c}}` +
      `.bar.health-${health} .forecast{fill:${c};fill-opacity:.12;stroke:${c};stroke-dasharray:3 2}.summary.health-${health}{fill:${c};fill-opacity:.85}`,
  ),
  '.bar .baseline{fill:#8c959f;fill-opacity:.55}.bar.critical .body{stroke:#bc4c00;stroke-width:2}',
  '.bar.cancelled .body,.bar.cancelled .progress{fill:#8c959f;stroke:#8c959f}.strike{stroke:#57606a;stroke-width:1.5}',
  '.bar-text{fill:#57606a;font-size:11px}',
  '.milestone .diamond{fill:#fff;stroke:#1f2328;stroke-width:1.5}.milestone.done .diamond{fill:#1f2328}',
  '.milestone.missed .diamond{fill:#cf222e;stroke:#cf222e}.missed-mark{stroke:#fff;stroke-width:1.5}.milestone-text{font-size:11px;fill:#57606a}',
  '.milestone.at-risk .diamond{stroke:#bf8700;stroke-width:2}.milestone .forecast-diamond{fill:none;stroke:#bf8700;stroke-width:1.5}',
  '.milestone .slip{stroke:#bf8700;stroke-width:1.5;stroke-dasharray:3 2}.milestone.missed .forecast-diamond,.milestone.missed .slip{stroke:#cf222e}',
  '.dependency .link{fill:none;stroke:#8c959f;stroke-width:1.2}.dependency .head{fill:#8c959f}',
  '.dependency.critical .link{stroke:#bc4c00}.dependency.critical .head{fill:#bc4c00}',
  '.dependency.violated .link{stroke:#cf222e;stroke-dasharray:4 2}.dependency.violated .head{fill:#cf222e}',
  '.status-line{stroke:#0969da;stroke-width:1.5;stroke-dasharray:5 3}.status-flag{fill:#0969da}',
].join('\n');

/** The whole roadmap as one static SVG: every lane and project, the axis, arrows and a legend. */
export function roadmapSvg(model: RoadmapModel): string {
  const view = createView(model);
  const days = model.range.end - model.range.start + 1;
  const pxPerDay = Math.min(14, Math.max(1, 1400 / days));
  const chart = chartWidth(model.range, pxPerDay);
  const { labelWidth, axisHeight, rowHeight } = geometry;
  const headerHeight = 64;
  const rowsHeight = view.rows.length * rowHeight;
  const width = Math.ceil(labelWidth + chart + 90);
  const height = headerHeight + axisHeight + rowsHeight + 8;
  const translate = (x: number, y: number, shapes: readonly Shape[]) =>
    `<g transform="translate(${n(x)} ${n(y)})">${shapes.map(shapeToSvg).join('')}</g>`;
  const legend = legendShapes();
  const projects = model.bars.length;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${xmlEscape(`Roadmap: ${model.title}`)}">`,
    `<style>\n${svgStyle}\n</style>`,
    `<title>${xmlEscape(`${model.title} — roadmap at ${formatDay(model.statusDate)}`)}</title>`,
    `<text class="title" x="12" y="26">${xmlEscape(model.title)}</text>`,
    `<text class="subtitle" x="12" y="46">${xmlEscape(`Roadmap at ${formatDay(model.statusDate)} · ${projects} project${projects === 1 ? '' : 's'} · ${model.lanes.length} lane${model.lanes.length === 1 ? '' : 's'}`)}</text>`,
    translate(labelWidth, 50, legend),
    `<rect class="axis-bg" x="${labelWidth}" y="${headerHeight}" width="${n(chart)}" height="${axisHeight}"/>`,
    `<clipPath id="chart-area"><rect x="0" y="${-axisHeight}" width="${n(chart + 90)}" height="${axisHeight + rowsHeight}"/></clipPath>`,
    `<g clip-path="url(#chart-area)" transform="translate(${labelWidth} ${headerHeight + axisHeight})">`,
    translate(0, -axisHeight, axisScene(model, pxPerDay, model.range.start, model.range.end)),
    ...[
      ...gridScene(model, pxPerDay, model.range.start, model.range.end, 0, rowsHeight),
      ...rowsScene(view, 0, view.rows.length, pxPerDay, chart),
      ...arrowsScene(view, 0, view.rows.length, pxPerDay),
      statusLineScene(model, pxPerDay, 0, rowsHeight),
    ].map(shapeToSvg),
    '</g>',
    translate(0, headerHeight + axisHeight, labelsScene(view, 0, view.rows.length, labelWidth)),
    '</svg>',
  ];
  return out.join('\n') + '\n';
}

/** The legend as shapes, laid out left to right from (0, 0); each item styled like what it explains. */
export function legendShapes(): Shape[] {
  return [{ t: 'g', cls: 'legend', children: legendItems().shapes }];
}

/** How wide the legend is, in pixels (for the element that holds it). */
export function legendWidth(): number {
  return legendItems().width;
}

function legendItems(): { shapes: Shape[]; width: number } {
  const bar = (x: number): Shape[] => [{ t: 'rect', cls: 'body', x, y: -5, w: 22, h: 10, rx: 2 }];
  const diamond = (x: number): Shape[] => [{ t: 'path', cls: 'diamond', d: `M${x + 11} -6L${x + 17} 0L${x + 11} 6L${x + 5} 0Z` }];
  const late = (x: number): Shape[] => [
    { t: 'path', cls: 'diamond', d: `M${x + 6} -6L${x + 12} 0L${x + 6} 6L${x} 0Z` },
    { t: 'line', cls: 'slip', x1: x + 12, y1: 0, x2: x + 18, y2: 0 },
    { t: 'path', cls: 'forecast-diamond', d: `M${x + 24} -6L${x + 30} 0L${x + 24} 6L${x + 18} 0Z` },
  ];
  // label, classes, swatch, swatch width
  const items: ReadonlyArray<[string, string, (x: number) => Shape[], number]> = [
    ['on track', 'bar health-green', bar, 22],
    ['at risk', 'bar health-amber', bar, 22],
    ['off track', 'bar health-red', bar, 22],
    ['critical path', 'bar health-green critical', bar, 22],
    ['baseline', 'bar health-none', (x) => [{ t: 'rect', cls: 'baseline', x, y: -2, w: 22, h: 4, rx: 1 }], 22],
    ['forecast', 'bar health-amber', (x) => [{ t: 'rect', cls: 'forecast', x, y: -5, w: 22, h: 10, rx: 2 }], 22],
    ['milestone', 'milestone on-track', diamond, 22],
    ['late: forecast', 'milestone at-risk late', late, 30],
    ['missed', 'milestone missed', diamond, 22],
    ['status date', 'status', (x) => [{ t: 'line', cls: 'status-line', x1: x + 11, y1: -7, x2: x + 11, y2: 7 }], 22],
  ];
  const shapes: Shape[] = [];
  let x = 0;
  for (const [label, cls, swatch, swatchWidth] of items) {
    shapes.push({ t: 'g', cls: `legend-item ${cls}`, children: [...swatch(x), { t: 'text', cls: 'legend-text', x: x + swatchWidth + 6, y: 4, text: label }] });
    x += swatchWidth + 6 + label.length * 6.5 + 16;
  }
  return { shapes, width: Math.ceil(x) };
}
