/**
 * Figures as people read them — compact money, indices, percents and date ranges — and the one list of
 * labelled figures that every view shows (editor hover, tree tooltip, roadmap hover card).
 */
import { formatDay, type Day } from '../base/dates';
import type { FiguresJson } from './rollupReport';

const moneyUnits = [
  [1, ''],
  [1e3, 'k'],
  [1e6, 'M'],
  [1e9, 'B'],
] as const;

/** 1234 → "1.23k", 2400000 → "2.4M": three significant digits at most, the unit chosen after rounding (999,999 is "1M"). */
export function formatMoney(value: number | null, currency = ''): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  let unit = abs >= 1e9 ? 3 : abs >= 1e6 ? 2 : abs >= 1e3 ? 1 : 0;
  let fixed: string;
  for (;;) {
    const [size, suffix] = moneyUnits[unit];
    const scaled = abs / size;
    fixed = scaled.toFixed(suffix === '' ? 0 : scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2);
    if (Number(fixed) < 1000 || unit === moneyUnits.length - 1) break;
    unit++;
  }
  const digits = fixed.replace(/\.0+$|(\.\d*?)0+$/, '$1');
  const text = `${value < 0 && Number(fixed) !== 0 ? '-' : ''}${digits}${moneyUnits[unit][1]}`;
  return currency ? `${text} ${currency}` : text;
}

export function formatIndex(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : value.toFixed(2);
}

/** A fixed-point number without a negative zero ("-0" when a small negative rounds away). */
function fixedNumber(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
}

export function formatPercent(value: number | null, digits = 0): string {
  return value === null || !Number.isFinite(value) ? '—' : `${fixedNumber(value, digits)}%`;
}

export function formatRatio(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : `${fixedNumber(value * 100, 0)}%`;
}

export function formatWindow(start: Day | null | undefined, end: Day | null | undefined): string {
  if (start == null && end == null) return 'unscheduled';
  return `${start == null ? '?' : formatDay(start)} → ${end == null ? '?' : formatDay(end)}`;
}

/**
 * Earned schedule (SPEC 5.2) in words: "0.78: 47 of 60 planned days earned after 60 elapsed" (ES rounded
 * to whole days), "—" where SPI(t) is undefined.
 */
export function formatEarnedSchedule(f: Pick<FiguresJson, 'es' | 'at' | 'spiT'>): string {
  if (f.spiT === null || f.es === null || f.at === null) return '—';
  return `${formatIndex(f.spiT)}: ${Math.round(f.es)} of ${f.at} planned ${f.at === 1 ? 'day' : 'days'} earned after ${f.at} elapsed`;
}

/** Label/value pairs of the key figures, in reading order. */
export function figureRows(f: FiguresJson, currency = ''): Array<[string, string]> {
  return [
    // A cancelled project computes no health (v3): it says so.
    ['Health', f.health === null ? 'none (cancelled)' : f.declaredHealth && f.declaredHealth !== f.health ? `${f.health} (declared ${f.declaredHealth})` : f.health],
    ['Progress', formatPercent(f.progress)],
    ['BAC', formatMoney(f.bac, currency)],
    ['AC', formatMoney(f.ac, currency)],
    ['EV', formatMoney(f.ev, currency)],
    ['PV', formatMoney(f.pv, currency)],
    ['CPI', formatIndex(f.cpi)],
    ['SPI', formatIndex(f.spi)],
    ['SPI(t)', formatEarnedSchedule(f)],
    ['EAC', formatMoney(f.eac, currency)],
    ['VAC', formatMoney(f.vac, currency)],
    ['ROI planned', formatRatio(f.roiPlanned)],
    ['ROI forecast', formatRatio(f.roiForecast)],
    ...(f.forecastStart !== undefined ? [['Forecast start', f.forecastStart ?? '—'] as [string, string]] : []),
    ['Forecast end', f.forecastEnd ?? '—'],
    ['Forecast end (ES)', f.ieacT ?? '—'],
    ['Open risks', `${f.risks.high} high · ${f.risks.medium} medium · ${f.risks.low} low`],
    ['Open issues', `${f.issues.critical} critical · ${f.issues.high} high · ${f.issues.medium} medium · ${f.issues.low} low`],
  ];
}
