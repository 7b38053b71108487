/**
 * The trend as charts (SPEC 8, `trend --format html`): per portfolio and program, CPI, SPI and SPI(t), EAC
 * against BAC, and the forecast end, one point per commit (oldest on the left). Static SVG inside one
 * page: no script, no external resource; every text escaped.
 */
import { plural } from '../base/messages';
import { formatDay, parseDay } from '../base/dates';
import type { TrendFiguresJson, TrendJson, TrendPointJson } from '../history/trend';
import { formatIndex, formatMoney } from '../views/figures';
import { escapeHtml } from './page';
import { trendChart, trendChartStyle, type TrendChart, type TrendChartSeries } from './trendChart';

const healthDot = (health: string) => `<span class="health health-${escapeHtml(health)}">${escapeHtml(health)}</span>`;

/** A chart, or a line saying it has no figures (a program whose figures are all unknown). */
function chartOrEmpty(chart: TrendChart): string {
  return trendChart(chart) || `<p class="empty">${escapeHtml(chart.title)}: no figures</p>`;
}

function entitySection(kind: 'Portfolio' | 'Program', id: string, points: readonly TrendPointJson[], pick: (point: TrendPointJson) => TrendFiguresJson | undefined): string {
  const figures = points.map(pick);
  const commits = points.map((point) => ({ date: point.date, commit: point.commit }));
  const series = (name: string, cls: string, value: (f: TrendFiguresJson) => number | null): TrendChartSeries => ({ name, cls, values: figures.map((f) => (f ? value(f) : null)) });
  const latest = [...figures].reverse().find((f) => f !== undefined);
  const charts = [
    chartOrEmpty({
      title: 'CPI, SPI and SPI(t)',
      commits,
      format: formatIndex,
      lines: [{ value: 1, label: '1.00', cls: 'reference' }],
      series: [series('CPI', 'cpi', (f) => f.cpi), series('SPI', 'spi', (f) => f.spi), series('SPI(t)', 'spit', (f) => f.spiT ?? null)],
    }),
    chartOrEmpty({ title: 'EAC against BAC', commits, format: (v) => formatMoney(v), series: [series('BAC', 'bac', (f) => f.bac), series('EAC', 'eac', (f) => f.eac)] }),
    chartOrEmpty({ title: 'Forecast end', commits, format: (v) => formatDay(Math.round(v)), series: [series('Forecast end', 'forecast', (f) => (f.forecastEnd === null ? null : (parseDay(f.forecastEnd) ?? null)))] }),
  ];
  return [
    `<section class="entity" data-${kind.toLowerCase()}="${escapeHtml(id)}">`,
    `<h2>${kind} <code>${escapeHtml(id)}</code> ${latest?.health ? healthDot(latest.health) : ''}</h2>`,
    `<div class="trend-charts">${charts.join('')}</div>`,
    '</section>',
  ].join('\n');
}

/** The trend page's stylesheet (light and dark): the caller allows it in the page's CSP. */
export const trendStyle = [
  ':root{color-scheme:light dark;--fg:#1f2328;--muted:#57606a;--border:#d0d7de;--bg:#fff;--amber:#9a6700;--red:#cf222e}',
  '@media (prefers-color-scheme: dark){:root{--fg:#e6edf3;--muted:#8d96a0;--border:#30363d;--bg:#0d1117;--amber:#d29922;--red:#f85149}}',
  'body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg);margin:24px}',
  'h1{font-size:22px;margin:0 0 4px}p.lead{color:var(--muted);margin:0 0 16px}h2{font-size:17px;margin:24px 0 8px}p.empty{color:var(--muted)}',
  trendChartStyle,
  '.health{font-size:12px;font-weight:600;padding:1px 8px;border-radius:10px;color:#fff;vertical-align:middle}',
  '.health-green{background:#2da44e}.health-amber{background:#bf8700}.health-red{background:#cf222e}',
  '@media print{.entity{break-inside:avoid}}',
].join('\n');

/** The page's title and body (charts per portfolio and program, oldest commit on the left). */
export function trendChartsBody(trend: TrendJson): { title: string; body: string } {
  const points = [...trend.commits].reverse();
  const title = 'Plan trend';
  const lines = [`<h1>${title}</h1>`];
  if (points.length === 0) {
    lines.push('<p class="lead">No commit in this history changed a plan file.</p>');
    return { title, body: lines.join('\n') };
  }
  lines.push(`<p class="lead">${plural(points.length, 'commit')} that changed a plan file, ${escapeHtml(points[0].date)} to ${escapeHtml(points[points.length - 1].date)}; each at its own status date.</p>`);
  for (const [kind, key] of [['Portfolio', 'portfolios'], ['Program', 'programs']] as const) {
    const ids: string[] = [];
    for (const point of points) for (const entry of point[key]) if (!ids.includes(entry.id)) ids.push(entry.id);
    for (const id of ids) lines.push(entitySection(kind, id, points, (point) => point[key].find((entry) => entry.id === id)));
  }
  return { title, body: lines.join('\n') };
}
