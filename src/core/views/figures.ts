/**
 * Figures as people read them — compact money, indices, percents and date ranges — and the one list of
 * labelled figures that every view shows (editor hover, tree tooltip, roadmap hover card).
 */
import { formatIndex, formatMoney, formatPercent, formatRatio } from './format';
import type { FiguresJson } from './rollupReport';

export { formatIndex, formatMoney, formatPercent, formatRatio, formatWindow } from './format';

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
