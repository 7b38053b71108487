// parseDay reads `YYYY-MM-DD` digit by digit; it must give what reading it through a Date gives (the
// reference below), for every date and near-miss. The year 0000 is a leap year of the proleptic Gregorian
// calendar (ISO 8601, and the schema's date format): 0000-02-29 is a day (Date.UTC alone would take the
// year 0 for 1900, as the reading before this one did).
import * as assert from 'node:assert/strict';
import { parseDay, parseDuration } from '../../src/core/base/dates';

function throughDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return Math.round(check.getTime() / 86_400_000);
}

describe('parseDay', () => {
  it('reads every day of years 0000–0120, 1890–2110 and 9980–9999 (and every 7th year between) as Date.UTC does, near-misses included', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    let days = 0;
    for (let year = 0; year <= 9999; year += year < 120 || (year > 1890 && year < 2110) || year > 9980 ? 1 : 7) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
          const expected = throughDate(text);
          assert.equal(parseDay(text), expected, text);
          if (expected !== undefined) days++;
        }
      }
    }
    assert.ok(days > 100_000);
  });

  it('reads nothing else', () => {
    for (const text of ['2026-1-05', '2026-01-5', ' 2026-01-05', '2026-01-05 ', '２026-01-05', '2026/01/05', '2026-01-0a', '+026-01-05', '-026-01-05', '2026-01-05\n', '20260-01-05']) {
      assert.equal(parseDay(text), undefined, text);
    }
    assert.equal(parseDay(20_260_105), undefined);
    assert.equal(parseDay(null), undefined);
    assert.equal(parseDay('2026-01-05'), 20_458);
    assert.equal(parseDay('0000-02-29'), parseDay('0000-03-01')! - 1);
    assert.equal(parseDay('1900-02-29'), undefined);
  });
});

describe('parseDuration', () => {
  it('reads what /^([1-9][0-9]{0,5})([dw])$/ matches, as it did', () => {
    const byMatch = (text: string) => {
      const match = /^([1-9][0-9]{0,5})([dw])$/.exec(text);
      return match ? Number(match[1]) * (match[2] === 'w' ? 7 : 1) : undefined;
    };
    const texts = ['1d', '9w', '0d', '01d', '10d', '999999d', '1000000d', '123456w', '8W', '8', 'd', 'w8', '8 w', ' 8w', '8w ', '-8w', '+8w', '8.5w', '8ww', '8dw', '', '٣d', '1e3d'];
    for (let n = 0; n < 1200; n += 7) texts.push(`${n}d`, `${n}w`, `0${n}w`);
    for (const text of texts) assert.equal(parseDuration(text), byMatch(text), text);
    assert.equal(parseDuration(8), undefined);
    assert.equal(parseDuration('8w'), 56);
  });
});
