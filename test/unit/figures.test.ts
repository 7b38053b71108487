/**
 * Figure formatting: the one display shape of money, indices, percents, ratios and date windows that
 * every view shows (hover, tree tooltip, roadmap card). Expected strings are worked out by hand from
 * the rules: money is compact (k from a thousand, M from a million, B from a billion) with three
 * significant digits, trailing zeros kept (one precision per column); indices have two decimals; a missing or non-finite figure
 * is an em dash.
 */
import { strict as assert } from 'node:assert';
import { figureRows, formatEarnedSchedule, formatIndex, formatMoney, formatPercent, formatRatio, formatWindow, type FiguresJson } from '../../src/core';
import { day } from '../utils/plans';

const missing = [null, NaN, Infinity, -Infinity];

describe('figure formatting', () => {
  describe('formatMoney', () => {
    it('is an em dash for a missing or non-finite amount, with or without a currency', () => {
      for (const value of missing) {
        assert.equal(formatMoney(value), '—', String(value));
        assert.equal(formatMoney(value, 'EUR'), '—', String(value));
      }
    });

    it('shows amounts below a thousand as whole numbers', () => {
      assert.equal(formatMoney(0), '0');
      assert.equal(formatMoney(-0), '0');
      assert.equal(formatMoney(7), '7');
      assert.equal(formatMoney(999), '999');
      assert.equal(formatMoney(999.4), '999');
      assert.equal(formatMoney(12.75), '13');
    });

    it('switches to k at exactly a thousand, M at a million, B at a billion', () => {
      assert.equal(formatMoney(1000), '1.00k');
      assert.equal(formatMoney(1e6), '1.00M');
      assert.equal(formatMoney(1e9), '1.00B');
      assert.equal(formatMoney(999_000), '999k');
      assert.equal(formatMoney(999_000_000), '999M');
    });

    it('keeps three significant digits, trailing zeros too, so that a column reads evenly (issue 17: "2.90M" beside "2.84M")', () => {
      assert.equal(formatMoney(1234), '1.23k');
      assert.equal(formatMoney(1500), '1.50k');
      assert.equal(formatMoney(12_345), '12.3k');
      assert.equal(formatMoney(12_000), '12.0k');
      assert.equal(formatMoney(123_456), '123k');
      assert.equal(formatMoney(2_400_000), '2.40M');
      assert.equal(formatMoney(2_900_000), '2.90M');
      assert.equal(formatMoney(2_840_000), '2.84M');
      assert.equal(formatMoney(45_600_000), '45.6M');
      assert.equal(formatMoney(1_500_000_000), '1.50B');
      assert.equal(formatMoney(2.5e12), '2500B');
    });

    it('rounds within a unit up to the next round figure', () => {
      // 9.999k to two decimals is 10.00k, four digits: to one decimal, 10.0k; 99.99k to one decimal is 100.0k: to none, 100k.
      assert.equal(formatMoney(9_999), '10.0k');
      assert.equal(formatMoney(99_990), '100k');
    });

    it('chooses the unit after rounding: what rounds to 1,000 of a unit is one of the next', () => {
      assert.equal(formatMoney(999.5), '1.00k');
      assert.equal(formatMoney(-999.5), '-1.00k');
      assert.equal(formatMoney(999_999), '1.00M');
      assert.equal(formatMoney(999_999_999), '1.00B');
    });

    it('never shows a negative zero', () => {
      assert.equal(formatMoney(-0.4), '0');
      assert.equal(formatRatio(-0.004), '0%');
      assert.equal(formatPercent(-0.4), '0%');
    });

    it('keeps the sign of a negative amount, with the same units', () => {
      assert.equal(formatMoney(-250), '-250');
      assert.equal(formatMoney(-1500), '-1.50k');
      assert.equal(formatMoney(-12_345), '-12.3k');
      assert.equal(formatMoney(-2_400_000, 'USD'), '-2.40M USD');
    });

    it('writes the currency after the amount, separated by a space', () => {
      assert.equal(formatMoney(100, 'EUR'), '100 EUR');
      assert.equal(formatMoney(1500, 'USD'), '1.50k USD');
      assert.equal(formatMoney(1500, ''), '1.50k');
    });
  });

  describe('formatIndex', () => {
    it('has two decimals, rounding half up', () => {
      assert.equal(formatIndex(1), '1.00');
      assert.equal(formatIndex(0.8), '0.80');
      assert.equal(formatIndex(1.234), '1.23');
      assert.equal(formatIndex(0.956), '0.96');
      assert.equal(formatIndex(0.125), '0.13');
      assert.equal(formatIndex(0), '0.00');
      assert.equal(formatIndex(-0.5), '-0.50');
    });

    it('is an em dash when missing or not finite', () => {
      for (const value of missing) assert.equal(formatIndex(value), '—', String(value));
    });
  });

  describe('formatPercent', () => {
    it('is a whole percent by default, with the decimals asked for', () => {
      assert.equal(formatPercent(70), '70%');
      assert.equal(formatPercent(0), '0%');
      assert.equal(formatPercent(99.6), '100%');
      assert.equal(formatPercent(12.5, 1), '12.5%');
      assert.equal(formatPercent(33.333, 1), '33.3%');
      assert.equal(formatPercent(-5), '-5%');
    });

    it('is an em dash when missing or not finite', () => {
      for (const value of missing) assert.equal(formatPercent(value), '—', String(value));
    });
  });

  describe('formatRatio', () => {
    it('shows a ratio as a whole percent', () => {
      assert.equal(formatRatio(0.25), '25%');
      assert.equal(formatRatio(1), '100%');
      assert.equal(formatRatio(1.6), '160%');
      assert.equal(formatRatio(0), '0%');
      assert.equal(formatRatio(-0.1), '-10%');
      assert.equal(formatRatio(0.125), '13%');
    });

    it('is an em dash when missing or not finite', () => {
      for (const value of missing) assert.equal(formatRatio(value), '—', String(value));
    });
  });

  describe('formatWindow', () => {
    it('is start → end, with ? for an unknown side', () => {
      assert.equal(formatWindow(day('2026-01-05'), day('2026-03-01')), '2026-01-05 → 2026-03-01');
      assert.equal(formatWindow(day('2026-01-05'), null), '2026-01-05 → ?');
      assert.equal(formatWindow(undefined, day('2026-03-01')), '? → 2026-03-01');
    });

    it('is "unscheduled" when both sides are unknown', () => {
      assert.equal(formatWindow(null, null), 'unscheduled');
      assert.equal(formatWindow(undefined, undefined), 'unscheduled');
      assert.equal(formatWindow(null, undefined), 'unscheduled');
    });

    it('takes day 0 (1970-01-01) as a date, not as missing', () => {
      assert.equal(formatWindow(day('1970-01-01'), day('1970-01-02')), '1970-01-01 → 1970-01-02');
      assert.equal(formatWindow(null, day('1970-01-01')), '? → 1970-01-01');
    });
  });

  describe('formatEarnedSchedule', () => {
    it('says SPI(t) with the earned days (rounded) against the elapsed ones', () => {
      // ES 46.6 → 47 whole days; 47/60 = 0.783 → "0.78".
      assert.equal(formatEarnedSchedule({ es: 46.6, at: 60, spiT: 46.6 / 60 }), '0.78: 47 of 60 planned days earned after 60 elapsed');
      assert.equal(formatEarnedSchedule({ es: 0.4, at: 1, spiT: 0.4 }), '0.40: 0 of 1 planned day earned after 1 elapsed');
      assert.equal(formatEarnedSchedule({ es: 0, at: 0, spiT: null }), '—');
    });
  });

  describe('figureRows', () => {
    const figures: FiguresJson = {
      bac: 200_000, pv: 100_000, ev: 80_000, ac: 100_000, cv: -20_000, sv: -20_000, cpi: 0.8, spi: 0.8,
      eac: 250_000, etc: 150_000, vac: -50_000, progress: 40, forecastEnd: '2026-07-01', benefits: 500_000,
      roiPlanned: 1.5, roiForecast: 1, health: 'red', declaredHealth: 'green',
      risks: { high: 1, medium: 2, low: 0 }, issues: { critical: 0, high: 1, medium: 0, low: 3 }, slip: 5,
      es: 47.4, at: 60, spiT: 0.79, svT: -12.6, ieacT: '2026-08-15',
    };

    it('lists the key figures in reading order, money in the given currency', () => {
      assert.deepEqual(figureRows(figures, 'EUR'), [
        ['Health', 'red (declared green)'],
        ['Progress', '40%'],
        ['BAC', '200k EUR'],
        ['AC', '100k EUR'],
        ['EV', '80.0k EUR'],
        ['PV', '100k EUR'],
        ['CPI', '0.80'],
        ['SPI', '0.80'],
        ['SPI(t)', '0.79: 47 of 60 planned days earned after 60 elapsed'],
        ['EAC', '250k EUR'],
        ['VAC', '-50.0k EUR'],
        ['ROI planned', '150%'],
        ['ROI forecast', '100%'],
        ['Forecast end', '2026-07-01'],
        ['Forecast end (ES)', '2026-08-15'],
        ['Open risks', '1 high · 2 medium · 0 low'],
        ['Open issues', '0 critical · 1 high · 0 medium · 3 low'],
      ]);
    });

    it('names the declared health only where it differs, and shows missing figures as em dashes', () => {
      const sparse: FiguresJson = {
        ...figures, pv: null, sv: null, cpi: null, spi: null, progress: null, forecastEnd: null, roiPlanned: null, roiForecast: null,
        health: 'green', declaredHealth: 'green', es: 0, at: 0, spiT: null, svT: null, ieacT: null,
      };
      const rows = new Map(figureRows(sparse));
      assert.equal(rows.get('Health'), 'green');
      for (const label of ['Progress', 'PV', 'CPI', 'SPI', 'ROI planned', 'ROI forecast', 'Forecast end', 'SPI(t)', 'Forecast end (ES)']) assert.equal(rows.get(label), '—', label);
      assert.equal(rows.get('BAC'), '200k', 'no currency: the amount alone');
      assert.equal(new Map(figureRows({ ...sparse, health: 'amber', declaredHealth: null })).get('Health'), 'amber');
    });
  });
});
