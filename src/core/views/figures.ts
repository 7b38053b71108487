/**
 * Figures as people read them — compact money, indices, percents and date ranges — and the one list of
 * labelled figures that every view shows (editor hover, tree tooltip, roadmap hover card).
 */
import { formatDay, type Day } from '../base/dates';
import type { FiguresJson } from './rollupReport';

export function formatMoney(value: number | null, currency = ''): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const [scaled, suffix] = abs >= 1e9 ? [value / 1e9, 'B'] : abs >= 1e6 ? [value / 1e6, 'M'] : abs >= 1e3 ? [value / 1e3, 'k'] : [value, ''];
  const digits = suffix === '' ? 0 : Math.abs(scaled) >= 100 ? 0 : Math.abs(scaled) >= 10 ? 1 : 2;
  const text = `${scaled.toFixed(digits).replace(/\.0+$|(\.\d*?)0+$/, '$1')}${suffix}`;
  return currency ? `${text} ${currency}` : text;
}

export function formatIndex(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : value.toFixed(2);
}

export function formatPercent(value: number | null, digits = 0): string {
  return value === null || !Number.isFinite(value) ? '—' : `${value.toFixed(digits)}%`;
}

export function formatRatio(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : `${(value * 100).toFixed(0)}%`;
}

export function formatWindow(start: Day | null | undefined, end: Day | null | undefined): string {
  if (start == null && end == null) return 'unscheduled';
  return `${start == null ? '?' : formatDay(start)} → ${end == null ? '?' : formatDay(end)}`;
}

/** Label/value pairs of the key figures, in reading order. */
export function figureRows(f: FiguresJson, currency = ''): Array<[string, string]> {
  return [
    ['Health', f.declaredHealth && f.declaredHealth !== f.health ? `${f.health} (declared ${f.declaredHealth})` : f.health],
    ['Progress', formatPercent(f.progress)],
    ['BAC', formatMoney(f.bac, currency)],
    ['AC', formatMoney(f.ac, currency)],
    ['EV', formatMoney(f.ev, currency)],
    ['PV', formatMoney(f.pv, currency)],
    ['CPI', formatIndex(f.cpi)],
    ['SPI', formatIndex(f.spi)],
    ['EAC', formatMoney(f.eac, currency)],
    ['VAC', formatMoney(f.vac, currency)],
    ['ROI planned', formatRatio(f.roiPlanned)],
    ['ROI forecast', formatRatio(f.roiForecast)],
    ['Forecast end', f.forecastEnd ?? '—'],
    ['Open risks', `${f.risks.high} high · ${f.risks.medium} medium · ${f.risks.low} low`],
    ['Open issues', `${f.issues.critical} critical · ${f.issues.high} high · ${f.issues.medium} medium · ${f.issues.low} low`],
  ];
}
