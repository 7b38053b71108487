/**
 * Calendar days for the reference implementation, written independently of the engine's base/dates:
 * a day is the number of days since 1970-01-01 (proleptic Gregorian), by the civil-from-days and
 * days-from-civil algorithms of Howard Hinnant (http://howardhinnant.github.io/date_algorithms.html).
 */

export type Day = number;

function daysFromCivil(year: number, month: number, date: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + date - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(day: Day): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, date];
}

/** The day of a `YYYY-MM-DD` text; throws on anything else (the generator only writes real dates). */
export function toDay(text: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a date: ${text}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = daysFromCivil(year, month, date);
  const back = civilFromDays(day);
  if (back[0] !== year || back[1] !== month || back[2] !== date) throw new Error(`not a calendar date: ${text}`);
  return day;
}

export function toDate(day: Day): string {
  const [year, month, date] = civilFromDays(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}
