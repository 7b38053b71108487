/**
 * The one way numbers are written for people (issue 17): money (compact or grouped), indices, percents,
 * ratios as percents, days and dates. Every view formats its figures here, so a value reads the same in
 * the hover, the roadmap table, the reports and the CLI's Markdown.
 */
import { formatDay, type Day } from '../base/dates';
import { plural } from '../base/messages';
import { fixedNumber } from '../base/numbers';

const moneyUnits = [
  [1, ''],
  [1e3, 'k'],
  [1e6, 'M'],
  [1e9, 'B'],
] as const;

export { fixedNumber };

/**
 * Compact money, one rounding rule for every value: three significant digits, trailing zeros kept, so
 * that a column reads evenly ("2.90M" beside "2.84M", never "2.9M"): 1234 → "1.23k", 2400000 → "2.40M",
 * 40000 → "40.0k". Amounts under a thousand are whole ("999", "13"); the unit is chosen after rounding
 * (999,999 is "1.00M"); above 999B the billions grow ("2500B").
 */
export function formatMoney(value: number | null, currency = ''): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  let unit = abs >= 1e9 ? 3 : abs >= 1e6 ? 2 : abs >= 1e3 ? 1 : 0;
  let fixed: string;
  for (;;) {
    const [size, suffix] = moneyUnits[unit];
    const scaled = abs / size;
    // Three significant digits: fewer decimals when rounding carries into another digit (9.996 is "10.0").
    let digits = suffix === '' ? 0 : scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
    fixed = fixedNumber(scaled, digits);
    while (digits > 0 && Number(fixed) >= 10 ** (3 - digits)) fixed = fixedNumber(scaled, --digits);
    if (Number(fixed) < 1000 || unit === moneyUnits.length - 1) break;
    unit++;
  }
  const text = `${value < 0 && Number(fixed) !== 0 ? '-' : ''}${fixed}${moneyUnits[unit][1]}`;
  return currency ? `${text} ${currency}` : text;
}

/** A money difference with its sign: "+40.0k", "-1.20M", "0". */
export function formatMoneyDelta(value: number | null): string {
  if (value === null) return '—';
  let text = formatMoney(value);
  // A change of less than 1 is not "0": with the decimals that show it (+0.1, −0.05).
  if (text === '0' && value !== 0 && Number.isFinite(value)) text = formatGrouped(value, Math.min(6, Math.max(1, Math.ceil(-Math.log10(Math.abs(value)) - 1e-9))));
  return value > 0 && text !== '0' ? `+${text}` : text;
}

/**
 * A number grouped by thousands with exactly `digits` decimals, as `toLocaleString('en-US')` writes it
 * (1234567.891, 0 → "1,234,568"; 0.5, 1 → "0.5"; never "-0"), without its cost: the full amounts of a Markdown table.
 */
export function formatGrouped(value: number | null, digits: number): string {
  if (value === null) return '—';
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return String(value);
  // No negative zero: a small negative that rounds away is written as zero.
  const text = fixedNumber(value, digits);
  const [whole, fraction] = text.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${text.startsWith('-') ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** A performance index (CPI, SPI, SPI(t)) to two decimals: "0.87"; "—" when undefined. */
export function formatIndex(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : fixedNumber(value, 2);
}

/** A percent (0 … 100) as "45%"; "—" when unknown. */
export function formatPercent(value: number | null, digits = 0): string {
  return value === null || !Number.isFinite(value) ? '—' : `${fixedNumber(value, digits)}%`;
}

/** A ratio (0.85) as a percent: "85%"; "—" when unknown. */
export function formatRatio(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : `${fixedNumber(value * 100, 0)}%`;
}

/**
 * A ratio as a percent, the one unit ROI is shown in (JSON keeps SPEC 5's ratio): 0.85 → 85, without the
 * binary noise of ×100 (0.07 × 100 is 7.000000000000001 in floating point).
 */
export function asPercent(ratio: number): number;
export function asPercent(ratio: number | null): number | null;
export function asPercent(ratio: number | null): number | null {
  return ratio === null ? null : Number((ratio * 100).toPrecision(15));
}

/** A count of days: "12 days", "1 day". */
export function formatDays(days: number | null): string {
  return days === null ? '—' : plural(days, 'day');
}

/** A day difference as a label: "+32 d", "-5 d", "0 d". */
export function formatDayDelta(days: number | null): string {
  if (days === null) return '—';
  return `${days > 0 ? '+' : ''}${days} d`;
}

/** A date as views write it; "—" when there is none. */
export const dateText = (value: string | null) => value ?? '—';

/** A date range: "2026-01-05 → 2026-03-31", "?" for a missing end, "unscheduled" without either. */
export function formatWindow(start: Day | null | undefined, end: Day | null | undefined): string {
  if (start == null && end == null) return 'unscheduled';
  return `${start == null ? '?' : formatDay(start)} → ${end == null ? '?' : formatDay(end)}`;
}
