/**
 * The one table of the figures (issue 17): for each figure of the rollup, its names (long, short, the
 * roadmap table's header), its unit, how people read it (compact, through views/format.ts), which
 * entities have it, and its columns in the CSV and the Markdown table. Every view of the figures —
 * CSV, Markdown, the hover / tree tooltip / roadmap card rows, the diff's labels, the trend table and
 * the roadmap table's figure columns — is drawn from it. A figure added to `Figures` fails to compile
 * until it has its entry here.
 */
import type { Figures } from '../analysis/rollup';
import { asPercent, formatGrouped, formatIndex, formatMoney, formatPercent, formatRatio } from './format';

/** The figures as SPEC 7 prints them: the engine's figures with days written as dates. */
export type FiguresJson = Omit<Figures, 'forecastStart' | 'forecastEnd' | 'ieacT'> & {
  /** Projects only. */
  readonly forecastStart?: string | null;
  readonly forecastEnd: string | null;
  readonly ieacT: string | null;
};

export type FigureKey = keyof Figures;
export type FigureUnit = 'money' | 'index' | 'percent' | 'ratio-as-percent' | 'date' | 'days' | 'health' | 'counts';
export type FigureLevel = 'project' | 'program' | 'portfolio';
export type CsvValue = string | number | boolean | null | undefined;

export interface FigureSpec<K extends FigureKey = FigureKey> {
  /** What it is called in full ("Budget at completion"). */
  readonly label: string;
  /** Its short name ("BAC"): hover rows, diff fields, the trend table. */
  readonly short: string;
  /** The roadmap table's header where narrower than `short` ("Fcst end"). */
  readonly column?: string;
  /** The roadmap table's tooltip where it says more than `label`. */
  readonly title?: string;
  readonly unit: FigureUnit;
  /** The entities that have it (the others leave it out of their JSON). */
  readonly levels: readonly FigureLevel[];
  /** The value as people read it, compact ("2.90M EUR", "0.87", "45%", "—"). */
  readonly format: (value: FiguresJson[K], currency: string) => string;
  /** The CSV's columns: name and unrounded value. Default: one column named by the key, the value as is. */
  readonly csv?: ReadonlyArray<readonly [string, (value: FiguresJson[K]) => CsvValue]>;
  /** The Markdown table's column: its header (default `short`) and cell (default: full value by unit); false: not shown. */
  readonly markdown: false | { readonly column?: string; readonly cell?: (value: FiguresJson[K]) => string };
  /** The hover rows (editor hover, tree tooltip, roadmap card): its label (default `short`) and text (default `format`); false: not listed. */
  readonly hover: false | { readonly label?: string; readonly text?: (f: FiguresJson, currency: string) => string };
}

export type FigureTable = { readonly [K in FigureKey]-?: FigureSpec<K> };

const all: readonly FigureLevel[] = ['project', 'program', 'portfolio'];
const money = (v: number | null, currency: string) => formatMoney(v, currency);
const index = (v: number | null) => formatIndex(v);
const ratio = (v: number | null) => formatRatio(v);
const date = (v: string | null | undefined) => v ?? '—';
const openIssues = (i: Figures['issues']) => i.critical + i.high + i.medium + i.low;

/**
 * Earned schedule (SPEC 5.2) in words: "0.78: 47 of 60 planned days earned after 60 elapsed" (ES rounded
 * to whole days), "—" where SPI(t) is undefined.
 */
export function formatEarnedSchedule(f: Pick<FiguresJson, 'es' | 'at' | 'spiT'>): string {
  if (f.spiT === null || f.es === null || f.at === null) return '—';
  return `${formatIndex(f.spiT)}: ${Math.round(f.es)} of ${f.at} planned ${f.at === 1 ? 'day' : 'days'} earned after ${f.at} elapsed`;
}

/** The figures in reading order: the Markdown table's columns and the hover's rows follow it. */
export const figureTable: FigureTable = {
  bac: { label: 'Budget at completion', short: 'BAC', unit: 'money', levels: all, format: money, markdown: {}, hover: {} },
  ac: { label: 'Actual cost', short: 'AC', unit: 'money', levels: all, format: money, markdown: {}, hover: {} },
  ev: { label: 'Earned value', short: 'EV', unit: 'money', levels: all, format: money, markdown: {}, hover: {} },
  pv: { label: 'Planned value', short: 'PV', unit: 'money', levels: all, format: money, markdown: {}, hover: {} },
  cv: { label: 'Cost variance (EV − AC)', short: 'CV', unit: 'money', levels: all, format: money, markdown: false, hover: false },
  sv: { label: 'Schedule variance (EV − PV)', short: 'SV', unit: 'money', levels: all, format: money, markdown: false, hover: false },
  cpi: { label: 'Cost performance index', title: 'Cost performance index (EV / AC)', short: 'CPI', unit: 'index', levels: all, format: index, markdown: {}, hover: {} },
  spi: { label: 'Schedule performance index', title: 'Schedule performance index (EV / PV)', short: 'SPI', unit: 'index', levels: all, format: index, markdown: {}, hover: {} },
  es: { label: 'Earned schedule', short: 'ES', unit: 'days', levels: all, format: (v) => (v === null ? '—' : String(Math.round(v))), markdown: false, hover: false },
  at: { label: 'Actual time', short: 'AT', unit: 'days', levels: all, format: (v) => (v === null ? '—' : String(v)), markdown: false, hover: false },
  spiT: {
    label: 'Schedule performance index by earned schedule',
    title: 'Schedule performance index by earned schedule (ES / AT): days of the plan earned per day elapsed',
    short: 'SPI(t)',
    unit: 'index',
    levels: all,
    format: index,
    markdown: {},
    hover: { text: formatEarnedSchedule },
  },
  svT: { label: 'Schedule variance by earned schedule (ES − AT)', short: 'SV(t)', unit: 'days', levels: all, format: (v) => (v === null ? '—' : String(v)), markdown: false, hover: false },
  eac: { label: 'Estimate at completion', short: 'EAC', unit: 'money', levels: all, format: money, markdown: {}, hover: {} },
  etc: { label: 'Estimate to complete', short: 'ETC', unit: 'money', levels: all, format: money, markdown: false, hover: false },
  vac: { label: 'Variance at completion', title: 'Variance at completion (BAC − EAC)', short: 'VAC', unit: 'money', levels: all, format: money, markdown: {}, hover: {} },
  benefits: { label: 'Benefits', short: 'Benefits', unit: 'money', levels: all, format: money, markdown: false, hover: false },
  roiPlanned: {
    label: 'Return on investment, planned',
    short: 'ROI planned',
    column: 'ROI plan',
    unit: 'ratio-as-percent',
    levels: all,
    format: ratio,
    csv: [['roiPlannedPercent', (v) => asPercent(v)]],
    markdown: {},
    hover: {},
  },
  roiForecast: {
    label: 'Return on investment, forecast',
    short: 'ROI forecast',
    column: 'ROI fcst',
    unit: 'ratio-as-percent',
    levels: all,
    format: ratio,
    csv: [['roiForecastPercent', (v) => asPercent(v)]],
    markdown: {},
    hover: {},
  },
  progress: { label: 'Percent complete', short: 'Progress', unit: 'percent', levels: all, format: (v) => formatPercent(v), markdown: { column: 'Progress %' }, hover: {} },
  forecastStart: {
    label: 'Forecast start',
    title: 'Forecast start: where the project is heading (projects only)',
    short: 'Forecast start',
    column: 'Fcst start',
    unit: 'date',
    levels: ['project'],
    format: date,
    markdown: {},
    hover: {},
  },
  forecastEnd: {
    label: 'Forecast end',
    title: 'Forecast end: own pace, pushed by dependencies, milestones included',
    short: 'Forecast end',
    column: 'Fcst end',
    unit: 'date',
    levels: all,
    format: date,
    markdown: {},
    hover: {},
  },
  ieacT: {
    label: 'Forecast end by earned schedule',
    title: "Forecast end by earned schedule: the plan's length stretched by 1 / SPI(t)",
    short: 'Forecast end (ES)',
    column: 'Fcst end (ES)',
    unit: 'date',
    levels: all,
    format: date,
    markdown: {},
    hover: {},
  },
  slip: { label: 'Slip', short: 'Slip', unit: 'days', levels: all, format: (v) => (v === null ? '—' : `${v} d`), markdown: { column: 'Slip (days)' }, hover: false },
  health: {
    label: 'Computed health',
    short: 'Health',
    unit: 'health',
    levels: all,
    format: (v) => v ?? '—',
    markdown: { cell: (v) => v ?? '—' },
    // A cancelled project computes no health (v3): it says so.
    hover: { text: (f) => (f.health === null ? 'none (cancelled)' : f.declaredHealth && f.declaredHealth !== f.health ? `${f.health} (declared ${f.declaredHealth})` : f.health) },
  },
  declaredHealth: { label: 'Declared health', short: 'Declared', unit: 'health', levels: all, format: (v) => v ?? '—', markdown: { cell: (v) => v ?? '' }, hover: false },
  risks: {
    label: 'Open risks',
    title: 'Open risks: high / medium / low',
    short: 'Open risks',
    column: 'Risks H/M/L',
    unit: 'counts',
    levels: all,
    format: (r) => `${r.high}/${r.medium}/${r.low}`,
    csv: [
      ['risksHigh', (r) => r.high],
      ['risksMedium', (r) => r.medium],
      ['risksLow', (r) => r.low],
    ],
    markdown: { column: 'Risks H/M/L' },
    hover: { text: (f) => `${f.risks.high} high · ${f.risks.medium} medium · ${f.risks.low} low` },
  },
  issues: {
    label: 'Open issues',
    short: 'Open issues',
    column: 'Issues',
    unit: 'counts',
    levels: all,
    format: (i) => String(openIssues(i)),
    csv: [
      ['issuesCritical', (i) => i.critical],
      ['issuesHigh', (i) => i.high],
      ['issuesMedium', (i) => i.medium],
      ['issuesLow', (i) => i.low],
    ],
    markdown: {},
    hover: { text: (f) => `${f.issues.critical} critical · ${f.issues.high} high · ${f.issues.medium} medium · ${f.issues.low} low` },
  },
};

/**
 * The CSV's figure columns in their order (a file format: a new figure goes at the end); a figure of
 * the table not listed here follows in table order.
 */
export const csvOrder: readonly FigureKey[] = [
  'bac', 'pv', 'ev', 'ac', 'cv', 'sv', 'cpi', 'spi', 'es', 'at', 'spiT', 'svT', 'eac', 'etc', 'vac', 'progress',
  'forecastStart', 'forecastEnd', 'ieacT', 'slip', 'benefits', 'roiPlanned', 'roiForecast', 'health', 'declaredHealth', 'risks', 'issues',
];
/** The hover lists these first, then the others in table order. */
export const hoverFirst: readonly FigureKey[] = ['health', 'progress'];

/** A table of figures with any keys (the views take one, so that a test can hand them a copy with a figure added). */
export type AnyFigureTable = Readonly<Record<string, object>>;
/** A spec seen without its key's types. */
interface Loose {
  readonly short: string;
  readonly unit: FigureUnit;
  readonly format: (value: unknown, currency: string) => string;
  readonly csv?: ReadonlyArray<readonly [string, (value: unknown) => CsvValue]>;
  readonly markdown: false | { readonly column?: string; readonly cell?: (value: unknown) => string };
  readonly hover: false | { readonly label?: string; readonly text?: (f: FiguresJson, currency: string) => string };
}
type FiguresRecord = Readonly<Record<string, unknown>>;

const entries = (table: AnyFigureTable) => Object.entries(table) as unknown as Array<[string, Loose]>;
const ordered = (table: AnyFigureTable, first: readonly string[]) => {
  const all = entries(table);
  return [...first.flatMap((key) => all.filter(([k]) => k === key)), ...all.filter(([k]) => !first.includes(k))];
};

/** The full value of a Markdown cell by unit: amounts grouped, indices to 2 decimals, percents to 1, ratios as whole percents, counts as people read them. */
function markdownCell({ unit, format }: Loose, value: unknown): string {
  switch (unit) {
    case 'money':
      return formatGrouped(value as number | null, 0);
    case 'index':
      return formatGrouped(value as number | null, 2);
    case 'percent':
      return formatGrouped(value as number | null, 1);
    case 'ratio-as-percent':
      return value === null ? '—' : `${formatGrouped(asPercent(value as number), 0)}%`;
    case 'counts':
      return format(value, '');
    default:
      // Dates, days, health: as written, empty when there is none.
      return value === null || value === undefined ? '' : String(value);
  }
}

/** A figure column of the Markdown table: header, right-aligned (a number) or not, cell. */
export interface MarkdownFigureColumn {
  readonly key: string;
  readonly header: string;
  readonly numeric: boolean;
  readonly cell: (f: FiguresJson) => string;
}

const numericUnits: ReadonlySet<FigureUnit> = new Set(['money', 'index', 'percent', 'ratio-as-percent', 'days']);
/** A number (right-aligned in a table), not a date, a health or counts. */
export const isNumericFigure = (key: FigureKey): boolean => numericUnits.has(figureTable[key].unit);

/** The Markdown table's figure columns, in table order. */
export function markdownFigureColumns(table: AnyFigureTable = figureTable): MarkdownFigureColumn[] {
  return entries(table).flatMap(([key, spec]) => {
    const md = spec.markdown;
    if (md === false) return [];
    return [
      {
        key,
        header: md.column ?? spec.short,
        numeric: numericUnits.has(spec.unit),
        cell: (f: FiguresJson) => (md.cell ? md.cell((f as unknown as FiguresRecord)[key]) : markdownCell(spec, (f as unknown as FiguresRecord)[key])),
      },
    ];
  });
}

/** The CSV's figure columns: name and unrounded value, in `csvOrder`. */
export function csvFigureColumns(table: AnyFigureTable = figureTable): Array<{ readonly name: string; readonly value: (f: FiguresJson) => CsvValue }> {
  return ordered(table, csvOrder).flatMap(([key, spec]) =>
    (spec.csv ?? [[key, (value: unknown) => value as CsvValue]]).map(([name, value]) => ({ name, value: (f: FiguresJson) => value((f as unknown as FiguresRecord)[key]) })),
  );
}

/** Label/value pairs of the key figures, in reading order (a figure an entity does not have is left out). */
export function figureRows(f: FiguresJson, currency = '', table: AnyFigureTable = figureTable): Array<[string, string]> {
  const values = f as unknown as FiguresRecord;
  return ordered(table, hoverFirst).flatMap(([key, spec]): Array<[string, string]> => {
    const hover = spec.hover;
    if (hover === false || values[key] === undefined) return [];
    return [[hover.label ?? spec.short, hover.text ? hover.text(f, currency) : spec.format(values[key], currency)]];
  });
}

/** A figure's value as people read it (compact), by key. */
export function formatFigure<K extends FigureKey>(key: K, value: FiguresJson[K], currency = ''): string {
  return (figureTable[key] as FigureSpec<K>).format(value, currency);
}
