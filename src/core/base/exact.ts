/**
 * Exact arithmetic where floating point could decide wrongly (SPEC 5): a health threshold met exactly,
 * a forecast day count that is a whole number, money sums compared with a budget.
 *
 * Figures are computed in floating point, which is fast and, away from a boundary, right. Where a
 * float result lies within a hair of the boundary it is compared with, the comparison is made again
 * with exact rationals built from the values as written (`Rational.of` reads a number's shortest
 * decimal form, which is how it was written for up to 15 significant digits).
 */

/** A fraction of big integers, always in lowest terms with a positive denominator. */
export class Rational {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly zero = new Rational(0n, 1n);

  static fraction(num: bigint, den: bigint): Rational {
    if (den === 0n) throw new RangeError('division by zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const divisor = gcd(num < 0n ? -num : num, den);
    return divisor > 1n ? new Rational(num / divisor, den / divisor) : new Rational(num, den);
  }

  /**
   * A number as written in the plan: `text` when it is a decimal (its digits, however many), else the
   * number's shortest decimal form. Beyond 15 significant digits only the text says what was written.
   */
  static written(text: string | undefined, value: number): Rational {
    const match = text === undefined ? null : /^\s*([-+]?)(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?\s*$/.exec(text);
    if (!match) return Rational.of(value);
    const [, sign, whole, fraction = '', exponentText] = match;
    return Rational.decimal(sign === '-', whole, fraction, Number(exponentText ?? 0));
  }

  private static decimal(negative: boolean, whole: string, fraction: string, exponent: number): Rational {
    let num = BigInt(whole + fraction);
    let den = 10n ** BigInt(fraction.length);
    if (exponent > 0) num *= 10n ** BigInt(exponent);
    else if (exponent < 0) den *= 10n ** BigInt(-exponent);
    return Rational.fraction(negative ? -num : num, den);
  }

  /** The number as written: its shortest decimal form (`0.1` is 1/10, not the double nearest to it). */
  static of(value: number): Rational {
    if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number`);
    if (Number.isInteger(value) && Number.isSafeInteger(value)) return new Rational(BigInt(value), 1n);
    const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
    if (!match) throw new RangeError(`cannot read ${value} exactly`);
    const [, sign, whole, fraction = '', exponentText] = match;
    return Rational.decimal(sign === '-', whole, fraction, Number(exponentText ?? 0));
  }

  add(other: Rational): Rational {
    return Rational.fraction(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Rational): Rational {
    return Rational.fraction(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  mul(other: Rational): Rational {
    return Rational.fraction(this.num * other.num, this.den * other.den);
  }

  div(other: Rational): Rational {
    return Rational.fraction(this.num * other.den, this.den * other.num);
  }

  /** −1, 0 or 1 as this is below, equal to or above `other`. */
  compare(other: Rational): number {
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  /** The nearest number (exactly it for a decimal of up to 15 significant digits, such as a difference of amounts). */
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }

  /** The smallest integer not below this. */
  ceil(): bigint {
    const quotient = this.num / this.den;
    return this.num > quotient * this.den ? quotient + 1n : quotient;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** How close (relative) a float must be to a boundary before the exact comparison is made. */
const NEAR = 1e-9;

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= NEAR * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * −1, 0 or 1 as `value` is below, equal to or above `limit`, where `value` is the float of a figure and
 * `exact` computes the same figure exactly (only called when the float is too close to tell).
 */
export function compareExactly(value: number, exact: () => Rational, limit: number, exactLimit?: () => Rational): number {
  if (!near(value, limit)) return value < limit ? -1 : 1;
  return exact().compare(exactLimit ? exactLimit() : Rational.of(limit));
}

/** `Math.ceil` of a quotient computed as `value`, exact where `value` is within a hair of an integer. */
export function ceilExactly(value: number, exact: () => Rational): number {
  const nearest = Math.round(value);
  if (!near(value, nearest)) return Math.ceil(value);
  return Number(exact().ceil());
}
