/**
 * The one line chart of figures over commits (SPEC 8's trend page, SPEC 9's report): a small static
 * SVG, oldest commit on the left. Commits are spaced by their order, not their date, so several
 * commits of one day stay apart; each point says its commit (date, short id, subject) on hover; the
 * health thresholds can be drawn as labelled lines. Lines only: the stylesheet below never fills a series.
 */
import { escapeHtml } from './page';

export interface TrendChartCommit {
  readonly date: string;
  readonly commit: string;
  readonly subject?: string;
}

export interface TrendChartSeries {
  readonly name: string;
  /** Its colour class (`cpi`, `spi`, `spit`, `eac`, `bac`). */
  readonly cls: string;
  readonly values: ReadonlyArray<number | null>;
}

/** A horizontal line at a value, labelled at the right end (the health thresholds, 1.00). */
export interface TrendChartLine {
  readonly value: number;
  readonly label: string;
  /** Its class: `threshold-red`, `threshold-amber`, `reference`. */
  readonly cls: string;
}

export interface TrendChart {
  readonly title: string;
  readonly commits: readonly TrendChartCommit[];
  readonly series: readonly TrendChartSeries[];
  readonly format: (value: number) => string;
  readonly lines?: readonly TrendChartLine[];
}

const width = 460;
const height = 170;
const pad = { left: 56, right: 74, top: 22, bottom: 26 };
/** At most this many date labels under the axis (the first and the last always). */
const MAX_LABELS = 5;
const r1 = (v: number) => Math.round(v * 10) / 10;

/** How a commit is named on hover and in the table: date, short id, subject. */
export function commitLabel(commit: TrendChartCommit): string {
  return `${commit.date} ${commit.commit.slice(0, 7)}${commit.subject ? ` ${commit.subject}` : ''}`;
}

/** The chart as SVG, or '' when no series has a value. */
export function trendChart(chart: TrendChart): string {
  const t = escapeHtml;
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  if (values.length === 0) return '';
  const lines = chart.lines ?? [];
  let min = Math.min(...values, ...lines.map((l) => l.value));
  let max = Math.max(...values, ...lines.map((l) => l.value));
  if (min === max) {
    min -= Math.abs(min) * 0.1 || 1;
    max += Math.abs(max) * 0.1 || 1;
  }
  const count = chart.commits.length;
  const plotWidth = width - pad.left - pad.right;
  const plotBottom = height - pad.bottom;
  const x = (i: number) => r1(pad.left + (count === 1 ? plotWidth / 2 : (i * plotWidth) / (count - 1)));
  const y = (v: number) => r1(pad.top + ((max - v) * (plotBottom - pad.top)) / (max - min));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${t(chart.title)}">`,
    `<title>${t(chart.title)}</title>`,
    ...chart.series.map((s, i) => `<text class="legend ${s.cls}" x="${pad.left + i * 90}" y="13">${t(s.name)}</text>`),
    `<line class="axis" x1="${pad.left}" y1="${plotBottom}" x2="${width - pad.right}" y2="${plotBottom}"/>`,
    `<text class="tick" x="${pad.left - 4}" y="${y(max) + 4}" text-anchor="end">${t(chart.format(max))}</text>`,
    `<text class="tick" x="${pad.left - 4}" y="${y(min) + 4}" text-anchor="end">${t(chart.format(min))}</text>`,
  ];
  for (const line of lines) {
    parts.push(`<line class="${line.cls}" x1="${pad.left}" y1="${y(line.value)}" x2="${width - pad.right}" y2="${y(line.value)}"/>`);
    parts.push(`<text class="tick ${line.cls}" x="${width - pad.right + 4}" y="${y(line.value) + 3}">${t(line.label)}</text>`);
  }
  // Date labels: evenly picked from the last commit back, a date said once when several commits share
  // it; the first starts at its point and the last ends at its point, so neither runs off the chart.
  const step = Math.max(1, Math.ceil((count - 1) / (MAX_LABELS - 1)));
  const labelled: number[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const right = labelled[labelled.length - 1];
    const due = i === count - 1 || i === 0 || (count - 1 - i) % step === 0;
    if (due && (right === undefined || (chart.commits[i].date !== chart.commits[right].date && right - i >= step / 2))) labelled.push(i);
  }
  for (const i of labelled) {
    const anchor = count === 1 ? 'middle' : i === 0 ? 'start' : i === count - 1 ? 'end' : 'middle';
    parts.push(`<text class="tick" x="${x(i)}" y="${height - 8}" text-anchor="${anchor}">${t(chart.commits[i].date)}</text>`);
  }
  for (const s of chart.series) {
    let d = '';
    let pen = 'M';
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) {
        pen = 'M';
        return;
      }
      d += `${pen}${x(i)} ${y(v)} `;
      pen = 'L';
    });
    parts.push(`<path class="series ${s.cls}" d="${d.trim()}"/>`);
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) return;
      parts.push(`<circle class="point ${s.cls}" cx="${x(i)}" cy="${y(v)}" r="3"><title>${t(`${s.name} ${chart.format(v)} at ${commitLabel(chart.commits[i])}`)}</title></circle>`);
    });
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The charts' rules for a page's one stylesheet (it defines --border, --muted, --amber, --red): a series is a line (never filled), a point a dot. */
export const trendChartStyle = [
  '.trend-charts{display:flex;flex-wrap:wrap;gap:12px;break-inside:avoid}',
  '.trend-chart{max-width:100%;height:auto}',
  '.trend-chart .axis{stroke:var(--border)}',
  '.trend-chart text{stroke:none;font-size:10px}.trend-chart .tick{fill:var(--muted)}.trend-chart .legend{font-size:11px;font-weight:600}',
  '.trend-chart .reference{stroke:var(--muted);stroke-dasharray:2 3}',
  '.trend-chart line.threshold-amber{stroke:var(--amber);stroke-dasharray:6 3}.trend-chart line.threshold-red{stroke:var(--red);stroke-dasharray:6 3}',
  '.trend-chart text.threshold-amber{fill:var(--amber)}.trend-chart text.threshold-red{fill:var(--red)}',
  ...[['cpi', '#0969da'], ['spi', '#8250df'], ['spit', '#bf3989'], ['eac', '#cf222e'], ['bac', '#57606a'], ['forecast', '#1a7f37']].map(([cls, colour]) => `.trend-chart .series.${cls}{stroke:${colour}}.trend-chart .point.${cls},.trend-chart .legend.${cls}{fill:${colour}}`),
  '.trend-chart path.series{fill:none;stroke-width:2;stroke-linejoin:round}',
  '.trend-chart .series.bac,.trend-chart .series.spit{stroke-dasharray:6 3}',
].join('\n');
