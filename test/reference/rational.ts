/**
 * Exact rational numbers on BigInt, for the reference implementation of SPEC 5 ("every ratio, threshold
 * comparison and day count behaves as if computed with exact rational numbers on the values as written").
 * Written for obviousness, not speed: every value is kept in lowest terms with a positive denominator.
 */

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    if (den === 0n) throw new Error('Rational: division by zero');
    if (den < 0n) [num, den] = [-num, -den];
    const g = gcd(num, den);
    this.num = g > 1n ? num / g : num;
    this.den = g > 1n ? den / g : den;
  }

  static of(value: number | bigint): Rational {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new Error(`Rational.of: ${value} is not an integer`);
    return new Rational(BigInt(value), 1n);
  }

  static ratio(num: number | bigint, den: number | bigint): Rational {
    return new Rational(BigInt(num), BigInt(den));
  }

  /** The exact value of a decimal as written in a plan file (`10000.04`, `37.5`, `-2`, `1e3`). */
  static decimal(text: string): Rational {
    const match = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!match) throw new Error(`Rational.decimal: '${text}' is not a decimal`);
    const [, sign, whole, fraction = '', exponent = '0'] = match;
    let value = new Rational(BigInt(whole + fraction), 10n ** BigInt(fraction.length));
    const power = Number(exponent);
    value = power >= 0 ? value.mul(Rational.of(10n ** BigInt(power))) : value.div(Rational.of(10n ** BigInt(-power)));
    return sign === '-' ? value.neg() : value;
  }

  static readonly zero = Rational.of(0);
  static readonly one = Rational.of(1);
  static readonly hundred = Rational.of(100);

  add(other: Rational): Rational {
    return new Rational(this.num * other.den + other.num * this.den, this.den * other.den);
  }
  sub(other: Rational): Rational {
    return new Rational(this.num * other.den - other.num * this.den, this.den * other.den);
  }
  mul(other: Rational): Rational {
    return new Rational(this.num * other.num, this.den * other.den);
  }
  div(other: Rational): Rational {
    return new Rational(this.num * other.den, this.den * other.num);
  }
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  /** −1, 0 or 1 as this is below, equal to or above `other`. */
  cmp(other: Rational): number {
    const difference = this.num * other.den - other.num * this.den;
    return difference < 0n ? -1 : difference > 0n ? 1 : 0;
  }
  lt(other: Rational): boolean {
    return this.cmp(other) < 0;
  }
  gt(other: Rational): boolean {
    return this.cmp(other) > 0;
  }
  eq(other: Rational): boolean {
    return this.cmp(other) === 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }

  /** The least integer ≥ this. */
  ceil(): bigint {
    const q = this.num / this.den; // truncates toward zero
    return this.num > 0n && q * this.den !== this.num ? q + 1n : q;
  }

  /** The nearest double (both parts are far below 2^1000 here, so each conversion is within an ulp). */
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }

  /** Exact decimal text when the denominator has only the factors 2 and 5, else a fraction. */
  toString(): string {
    let den = this.den;
    let places = 0;
    while (den % 10n === 0n || den % 2n === 0n || den % 5n === 0n) {
      if (den % 10n === 0n) den /= 10n;
      else if (den % 2n === 0n) den /= 2n;
      else den /= 5n;
      places += 1;
    }
    if (den !== 1n) return `${this.num}/${this.den}`;
    const scaled = (this.num * 10n ** BigInt(places)) / this.den;
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
    const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return negative ? `-${text}` : text;
  }
}

export const sum = (values: readonly Rational[]): Rational => values.reduce((a, b) => a.add(b), Rational.zero);
export const maxOf = (a: Rational, b: Rational): Rational => (a.cmp(b) >= 0 ? a : b);
export const minOf = (a: Rational, b: Rational): Rational => (a.cmp(b) <= 0 ? a : b);
