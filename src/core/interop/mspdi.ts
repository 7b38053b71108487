/**
 * Microsoft Project XML (MSPDI) shared by import and export: the marker our export writes, the custom
 * fields that carry plan ids, dates with times, and money in hundredths (SPEC 12, docs/INTEROP.md).
 */
import { formatDay, parseDay, type Day } from '../base/dates';

/** `<Author>` of a file written by `plan-as-code export`: such a file imports with programs at level 1, projects at 2. */
export const EXPORT_AUTHOR = 'Plan as Code export';

/** Task custom fields (MS Project's Text1..Text3) and the resource Text1: the plan's ids, kinds and declared states. */
export const fields = {
  taskId: { id: '188743731', name: 'Text1', alias: 'Plan id' },
  taskKind: { id: '188743734', name: 'Text2', alias: 'Plan kind' },
  taskState: { id: '188743737', name: 'Text3', alias: 'Plan state' },
  /** Progress as written when it is not a whole percent (PercentComplete is an integer). */
  taskProgress: { id: '188743767', name: 'Number1', alias: 'Plan progress' },
  resourceId: { id: '205520904', name: 'Text1', alias: 'Plan id' },
} as const;

/** The day of an MSPDI dateTime (`2026-03-02T08:00:00`), or undefined. */
export function dayOf(text: string | undefined): Day | undefined {
  if (text === undefined) return undefined;
  return parseDay(text.trim().slice(0, 10));
}

/** True when a dateTime is at 00:00 (a finish then ends on the day before). */
export function atMidnight(text: string): boolean {
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  return time !== null && Number(time[1]) === 0 && Number(time[2]) === 0 && Number(time[3] ?? 0) === 0;
}

/** The last day of a finish: its day, or the day before when it is at 00:00. */
export function finishDay(text: string | undefined): Day | undefined {
  const day = dayOf(text);
  return day !== undefined && text !== undefined && atMidnight(text) ? day - 1 : day;
}

export const startTime = (day: Day) => `${formatDay(day)}T08:00:00`;
export const finishTime = (day: Day) => `${formatDay(day)}T17:00:00`;

/**
 * Money from hundredths, exactly as written: `125000` → 1250, `10000004` → 100000.04 (moving the decimal
 * point in the text, so no binary rounding creeps in). Undefined when it is not a number.
 */
export function fromHundredths(text: string): number | undefined {
  const match = /^\s*(-?)(\d+)(?:\.(\d+))?\s*$/.exec(text);
  if (!match) return undefined;
  const digits = match[2].padStart(3, '0');
  const whole = digits.slice(0, -2);
  const fraction = `${digits.slice(-2)}${match[3] ?? ''}`.replace(/0+$/, '');
  const amount = Number(`${match[1]}${whole}${fraction ? `.${fraction}` : ''}`);
  // More digits than a number holds (read as Infinity) are no amount.
  return Number.isFinite(amount) ? amount : undefined;
}

/** Money in hundredths as a decimal text: 1250 → `125000`, 100000.04 → `10000004`, 0.125 → `12.5`. */
export function toHundredths(value: number): string {
  const text = String(value);
  if (/e/i.test(text)) return String(Math.round(value * 100));
  const [whole, fraction = ''] = text.split('.');
  const padded = fraction.padEnd(2, '0');
  const integer = `${whole}${padded.slice(0, 2)}`.replace(/^(-?)0+(?=\d)/, '$1');
  const rest = padded.slice(2);
  return rest ? `${integer}.${rest}` : integer;
}

/** Element text of MS Project XML: escaped, and characters XML 1.0 forbids (a control character in a name) replaced. */
export { xmlText } from '../base/xml';
