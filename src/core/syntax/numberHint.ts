/**
 * How to write a number that was written as text: `1,400,000`, `1 400 000`, `1.400.000`, `40%`,
 * `$200k`, `1.5M`, `"40"`. YAML reads these as text, so the schema says "must be a number"; this says
 * what to write instead and why.
 */

export interface NumberHint {
  /** The number as it should be written (plain digits, a decimal point). */
  readonly written: string;
  /** What was wrong, in words: 'no thousands separators', 'no % sign', … */
  readonly reasons: readonly string[];
}

const PLAIN = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const CURRENCY_SYMBOL = /^[$€£¥₹]|[$€£¥₹]$/;
const CURRENCY_CODE = /^[A-Z]{3}\s*(?=[\d.,+-])|(?<=[\d.])\s*[A-Z]{3}$/;
const SHORTHAND: Readonly<Record<string, number>> = { k: 3, K: 3, m: 6, M: 6, bn: 9, B: 9 };

/** The number `text` most likely means, and why it is not written so; undefined when it is no number. */
export function numberHint(text: string): NumberHint | undefined {
  let t = text.trim();
  const reasons: string[] = [];
  if (t === '') return undefined;
  if (CURRENCY_SYMBOL.test(t) || CURRENCY_CODE.test(t)) {
    t = t.replace(CURRENCY_SYMBOL, '').replace(CURRENCY_CODE, '').trim();
    reasons.push('no currency (it is set once, with currency:)');
  }
  if (t.endsWith('%')) {
    t = t.slice(0, -1).trim();
    reasons.push('no % sign');
  }
  let shift = 0;
  const shorthand = /^(.*\d)\s*(k|K|m|M|bn|B)$/.exec(t);
  if (shorthand) {
    t = shorthand[1];
    shift = SHORTHAND[shorthand[2]];
    reasons.push(`no '${shorthand[2]}' for ${shift === 3 ? 'thousands' : shift === 6 ? 'millions' : 'billions'}`);
  }
  // Groups of three digits: 1,400,000 · 1 400 000 · 1'400'000 · 1_400_000 (then a decimal point), or
  // 1.400.000 · 1.400,50 (then a decimal comma).
  const pointDecimals = /^([-+]?\d{1,3})((?:([,\s'_\u00a0\u202f])\d{3})(?:\3\d{3})*)(\.\d+)?$/.exec(t);
  const commaDecimals = /^([-+]?\d{1,3})((?:\.\d{3}){2,}|\.\d{3}(?=,))(,\d+)?$/.exec(t);
  if (pointDecimals) {
    t = pointDecimals[1] + pointDecimals[2].replace(/\D/g, '') + (pointDecimals[4] ?? '');
    reasons.push('no thousands separators');
  } else if (commaDecimals) {
    t = commaDecimals[1] + commaDecimals[2].replace(/\D/g, '') + (commaDecimals[3] ?? '').replace(',', '.');
    reasons.push('no thousands separators');
    if (commaDecimals[3]) reasons.push('a decimal point, not a comma');
  } else if (/^[-+]?\d+,\d+$/.test(t)) {
    t = t.replace(',', '.');
    reasons.push('a decimal point, not a comma');
  }
  if (!PLAIN.test(t)) return undefined;
  if (reasons.length === 0) reasons.push('without quotes');
  return { written: shiftDecimal(t, shift), reasons };
}

/** `digits` × 10^places, exactly (no binary rounding: 0.1k is 100). */
function shiftDecimal(digits: string, places: number): string {
  const sign = digits.startsWith('-') ? '-' : '';
  const unsigned = digits.replace(/^[-+]/, '');
  const [whole, fraction = ''] = unsigned.split('.');
  const padded = fraction.padEnd(places, '0');
  const intPart = (whole + padded.slice(0, places)).replace(/^0+(?=\d)/, '') || '0';
  const rest = padded.slice(places).replace(/0+$/, '');
  return `${sign}${intPart}${rest ? `.${rest}` : ''}`;
}
