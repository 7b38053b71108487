/** Calendar dates as whole days since 1970-01-01 (UTC); SPEC dates are `YYYY-MM-DD` strings. */

export type Day = number;

export const DAY_MS = 86_400_000;
/** The day of a `YYYY-MM-DD` string, or undefined when it is not a real calendar date. */
export function parseDay(text: unknown): Day | undefined {
  // Read digit by digit (no match, no Date): every date of a workspace is read, on each read of its file.
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** The number written by the ASCII digits from `from` to `to`, or -1 when one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a date of the proleptic Gregorian calendar (what Date.UTC counts), year ≥ 0. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * `YYYY-MM-DD`; after the year 9999 (a forecast at a very low SPI) the year simply has more digits,
 * `10087-08-21`; days beyond what a Date can hold (±273,790 years) are written as a day count.
 */
export function formatDay(day: Day): string {
  const time = day * DAY_MS;
  if (!Number.isFinite(time) || Math.abs(time) > 8.64e15) return `day ${day}`;
  const iso = new Date(time).toISOString();
  // Years outside 0000..9999 come as ±YYYYYY-MM-DDT…: drop the sign's padding, keep the day.
  return iso.startsWith('+') ? `${Number(iso.slice(1, 7))}${iso.slice(7, 13)}` : iso.slice(0, iso.indexOf('T'));
}

/** `Nd` or `Nw` (calendar days) as a number of days, or undefined. */
export function parseDuration(text: unknown): number | undefined {
  // What /^([1-9][0-9]{0,5})([dw])$/ matches, read without a match.
  if (typeof text !== 'string' || text.length < 2 || text.length > 7) return undefined;
  const unit = text.charCodeAt(text.length - 1);
  if (unit !== 100 && unit !== 119) return undefined; // d, w
  const count = digits(text, 0, text.length - 1);
  if (count < 1 || text.charCodeAt(0) === 48) return undefined;
  return unit === 119 ? count * 7 : count;
}

export function today(): Day {
  const now = new Date();
  return Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY_MS);
}

/** Year, month (0-based) and day of the month of a day. */
export function calendarOf(day: Day): { year: number; month: number; date: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), date: d.getUTCDate() };
}

/** The day of a calendar date (month 0-based; months and days out of range roll over, as in Date.UTC). */
export function dayOfCalendar(year: number, month: number, date = 1): Day {
  return Math.round(Date.UTC(year, month, date) / DAY_MS);
}

/** The first day of the month of `day`. */
export function monthStart(day: Day): Day {
  const { year, month } = calendarOf(day);
  return dayOfCalendar(year, month, 1);
}

/** The last day of the month of `day`. */
export function monthEnd(day: Day): Day {
  const { year, month } = calendarOf(day);
  return dayOfCalendar(year, month + 1, 1) - 1;
}
