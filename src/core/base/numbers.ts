/** How a number is rounded for people: the one rule every figure shown follows (views/format.ts builds on it). */

/**
 * The one rounding rule of every figure shown: to `digits` decimals, half away from zero, on the number
 * as written (4.85 → "4.9", as a reader and `toLocaleString` round it; `toFixed` alone would round the
 * binary double just below 4.85 down), and never a negative zero ("-0" when a small negative rounds away).
 */
export function fixedNumber(value: number, digits: number): string {
  // A figure out of range (sums past the largest number, 0/0) is written as JavaScript writes it, never thrown on.
  if (!Number.isFinite(value)) return String(value);
  const written = String(Math.abs(value));
  let text: string;
  if (/e/.test(written)) text = Math.abs(value).toFixed(digits);
  else {
    const [whole, fraction = ''] = written.split('.');
    const kept = fraction.slice(0, digits).padEnd(digits, '0');
    let units = BigInt(whole + kept);
    if (fraction.length > digits && fraction[digits] >= '5') units += 1n;
    const all = units.toString().padStart(digits + 1, '0');
    text = digits === 0 ? all : `${all.slice(0, -digits)}.${all.slice(-digits)}`;
  }
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/**
 * The fewest decimals, from `from` up to `max`, at which `format` writes `a` and `b` apart — for a figure
 * shown beside a threshold or its other side that rounding would write alike ("0.95 < 0.95"); `max` when
 * none does, `from` when they are equal.
 */
export function digitsApart<T>(a: T, b: T, from: number, max: number, format: (value: T, digits: number) => string): number {
  let digits = from;
  while (digits < max && a !== b && format(a, digits) === format(b, digits)) digits++;
  return digits;
}
