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
import { xmlEscape } from '../roadmap/svg';

interface Series {
  readonly name: string;
  readonly cls: string;
  readonly values: ReadonlyArray<number | null>;
}

interface Chart {
  readonly title: string;
  readonly series: readonly Series[];
  /** Commit labels along the x axis, oldest first. */
  readonly labels: readonly string[];
  readonly format: (value: number) => string;
  /** Values always inside the y range (1.0 for the indices). */
  readonly include?: readonly number[];
}

const width = 560;
const height = 220;
const left = 78;
const right = 16;
const top = 30;
const bottom = 44;
const round = (value: number) => Math.round(value * 10) / 10;

function lineChart(chart: Chart): string {
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const parts: string[] = [`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${xmlEscape(chart.title)}">`];
  parts.push(`<text class="chart-title" x="${left}" y="18">${xmlEscape(chart.title)}</text>`);
  if (values.length === 0) {
    parts.push(`<text class="empty" x="${width / 2}" y="${height / 2}" text-anchor="middle">no figures</text></svg>`);
    return parts.join('');
  }
  let low = Math.min(...values, ...(chart.include ?? []));
  let high = Math.max(...values, ...(chart.include ?? []));
  if (low === high) {
    low -= Math.abs(low) * 0.1 || 1;
    high += Math.abs(high) * 0.1 || 1;
  }
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const count = chart.labels.length;
  const x = (i: number) => round(left + (count === 1 ? plotWidth / 2 : (plotWidth * i) / (count - 1)));
  const y = (v: number) => round(top + plotHeight - ((v - low) / (high - low)) * plotHeight);
  for (const tick of [low, (low + high) / 2, high]) {
    parts.push(`<line class="grid" x1="${left}" x2="${width - right}" y1="${y(tick)}" y2="${y(tick)}"/>`);
    parts.push(`<text class="tick" x="${left - 6}" y="${y(tick) + 4}" text-anchor="end">${xmlEscape(chart.format(tick))}</text>`);
  }
  for (const reference of chart.include ?? []) parts.push(`<line class="reference" x1="${left}" x2="${width - right}" y1="${y(reference)}" y2="${y(reference)}"/>`);
  const step = Math.max(1, Math.ceil(count / 6));
  chart.labels.forEach((label, i) => {
    if (i % step === 0 || i === count - 1) parts.push(`<text class="tick" x="${x(i)}" y="${height - bottom + 16}" text-anchor="middle">${xmlEscape(label)}</text>`);
  });
  chart.series.forEach((series, s) => {
    let d = '';
    let pen = 'M';
    series.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) {
        pen = 'M';
        return;
      }
      d += `${pen}${x(i)} ${y(v)}`;
      pen = 'L';
    });
    if (d) parts.push(`<path class="line ${series.cls}" d="${d}"/>`);
    series.values.forEach((v, i) => {
      if (v !== null && Number.isFinite(v)) parts.push(`<circle class="point ${series.cls}" cx="${x(i)}" cy="${y(v)}" r="3"><title>${xmlEscape(`${series.name} ${chart.format(v)} at ${chart.labels[i]}`)}</title></circle>`);
    });
    const legendX = left + s * 120;
    parts.push(`<line class="line ${series.cls}" x1="${legendX}" x2="${legendX + 18}" y1="${height - 10}" y2="${height - 10}"/>`);
    parts.push(`<text class="legend" x="${legendX + 24}" y="${height - 6}">${xmlEscape(series.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

const healthDot = (health: string) => `<span class="health health-${escapeHtml(health)}">${escapeHtml(health)}</span>`;

function entitySection(kind: 'Portfolio' | 'Program', id: string, points: readonly TrendPointJson[], pick: (point: TrendPointJson) => TrendFiguresJson | undefined): string {
  const figures = points.map(pick);
  const labels = points.map((point) => point.date);
  const series = (name: string, cls: string, value: (f: TrendFiguresJson) => number | null): Series => ({ name, cls, values: figures.map((f) => (f ? value(f) : null)) });
  const latest = [...figures].reverse().find((f) => f !== undefined);
  const charts = [
    lineChart({
      title: 'CPI, SPI and SPI(t)',
      labels,
      format: formatIndex,
      include: [1],
      series: [series('CPI', 'cpi', (f) => f.cpi), series('SPI', 'spi', (f) => f.spi), series('SPI(t)', 'spit', (f) => f.spiT ?? null)],
    }),
    lineChart({ title: 'EAC against BAC', labels, format: (v) => formatMoney(v), series: [series('BAC', 'bac', (f) => f.bac), series('EAC', 'eac', (f) => f.eac)] }),
    lineChart({ title: 'Forecast end', labels, format: (v) => formatDay(Math.round(v)), series: [series('Forecast end', 'forecast', (f) => (f.forecastEnd === null ? null : (parseDay(f.forecastEnd) ?? null)))] }),
  ];
  return [
    `<section class="entity" data-${kind.toLowerCase()}="${escapeHtml(id)}">`,
    `<h2>${kind} <code>${escapeHtml(id)}</code> ${latest?.health ? healthDot(latest.health) : ''}</h2>`,
    `<div class="charts">${charts.join('')}</div>`,
    '</section>',
  ].join('\n');
}

/** The trend page's stylesheet (light and dark): the caller allows it in the page's CSP. */
export const trendStyle = [
  ':root{color-scheme:light dark;--fg:#1f2328;--muted:#57606a;--grid:#d0d7de;--bg:#fff;--cpi:#0969da;--spi:#8250df;--spit:#bf3989;--bac:#57606a;--eac:#bc4c00;--forecast:#1a7f37}',
  '@media (prefers-color-scheme: dark){:root{--fg:#e6edf3;--muted:#8d96a0;--grid:#30363d;--bg:#0d1117;--cpi:#4493f8;--spi:#ab7df8;--spit:#db61a2;--bac:#8d96a0;--eac:#f0883e;--forecast:#3fb950}}',
  'body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg);margin:24px}',
  'h1{font-size:22px;margin:0 0 4px}p.lead{color:var(--muted);margin:0 0 16px}h2{font-size:17px;margin:24px 0 8px}',
  '.charts{display:flex;flex-wrap:wrap;gap:12px}.chart{max-width:100%;height:auto}',
  '.chart text{fill:var(--fg);font-size:11px}.chart .chart-title{font-size:13px;font-weight:600}.chart .tick,.chart .empty{fill:var(--muted)}',
  '.chart .grid{stroke:var(--grid);stroke-width:1}.chart .reference{stroke:var(--muted);stroke-dasharray:4 3}',
  '.chart .line{fill:none;stroke-width:2}.chart .point{stroke:none}',
  ...['cpi', 'spi', 'spit', 'bac', 'eac', 'forecast'].map((s) => `.chart .line.${s}{stroke:var(--${s})}.chart .point.${s}{fill:var(--${s})}`),
  '.chart .line.bac{stroke-dasharray:6 3}.chart .line.spit{stroke-dasharray:4 2}',
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
