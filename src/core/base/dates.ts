/** Calendar dates as whole days since 1970-01-01 (UTC); SPEC dates are `YYYY-MM-DD` strings. */

export type Day = number;

export const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day of a `YYYY-MM-DD` string, or undefined when it is not a real calendar date. */
export function parseDay(text: unknown): Day | undefined {
  if (typeof text !== 'string') return undefined;
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  // Date.UTC maps 0..99 to 1900..1999; setUTCFullYear keeps the year as written.
  check.setUTCFullYear(year);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return Math.round(check.getTime() / DAY_MS);
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
  if (typeof text !== 'string') return undefined;
  const match = /^([1-9][0-9]{0,5})([dw])$/.exec(text);
  if (!match) return undefined;
  const count = Number(match[1]);
  return match[2] === 'w' ? count * 7 : count;
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
