/**
 * How views name and mark entities (issue 17): one display name rule, one "critical", one "cancelled",
 * one program order — shared by the reports, the roadmap, the editor and the webview.
 */
import { strict as assert } from 'node:assert';
import { displayName, isCancelled, isCritical, programOrder } from '../../src/core';
import { fixedNumber, formatGrouped } from '../../src/core/views/format';

describe('entity view', () => {
  it('displayName: the name, else the id, else the kind in words ("" for a JSON entry with neither)', () => {
    assert.equal(displayName({ kind: 'project', id: 'p', name: 'Payments' }), 'Payments');
    assert.equal(displayName({ kind: 'project', id: 'p' }), 'p');
    assert.equal(displayName({ kind: 'milestone' }), 'Milestone');
    assert.equal(displayName({ id: 'x', name: null }), 'x');
    assert.equal(displayName({ name: null, id: null }), '');
  });

  it('isCritical: float 0 or below; unknown float is not critical', () => {
    assert.equal(isCritical(0), true);
    assert.equal(isCritical(-3), true);
    assert.equal(isCritical(1), false);
    assert.equal(isCritical(null), false);
    assert.equal(isCritical(undefined), false);
  });

  it('isCancelled: a JSON state or a written state field that is cancelled; no state is not cancelled', () => {
    assert.equal(isCancelled({ state: 'cancelled' }), true);
    assert.equal(isCancelled({ state: { value: 'cancelled' } }), true);
    assert.equal(isCancelled({ state: 'active' }), false);
    assert.equal(isCancelled({ id: 'portfolio' }), false);
  });

  it('programOrder: portfolios in order with the programs they list (first listing wins), then the rest in file order', () => {
    const programs = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const groups = programOrder(
      [
        { id: 'p1', programs: ['c', 'a', 'missing'] },
        { id: 'p2', programs: ['a', 'b'] },
      ],
      programs,
    );
    const ids = groups.map((g) => [g.portfolio?.id ?? null, g.programs.map((p) => p.id)]);
    assert.deepEqual(ids, [
      ['p1', ['c', 'a']],
      ['p2', ['b']],
      [null, ['d']],
    ]);
    // A filter leaves programs out without moving the others; a portfolio keeps its (empty) group.
    const shown = programOrder([{ id: 'p1', programs: ['c', 'a'] }], programs, (p) => p.id !== 'a' && p.id !== 'b');
    assert.deepEqual(shown.map((g) => g.programs.map((p) => p.id)), [['c'], ['d']]);
  });
});

describe('the one rounding rule (views/format.ts)', () => {
  it('rounds half away from zero on the number as written, never a negative zero', () => {
    // 4.85 is stored just below 4.85 (4.8499999…): toFixed(1) gives "4.8", a reader (and toLocaleString) "4.9".
    assert.equal(fixedNumber(4.85, 1), '4.9');
    assert.equal(fixedNumber(-4.85, 1), '-4.9');
    // Out of range (a sum past the largest number, 0/0): written, not thrown on.
    assert.deepEqual([fixedNumber(Infinity, 0), fixedNumber(-Infinity, 2), fixedNumber(NaN, 1)], ['Infinity', '-Infinity', 'NaN']);
    assert.equal(fixedNumber(0.125, 2), '0.13');
    assert.equal(fixedNumber(-0.4, 0), '0');
    assert.equal(fixedNumber(999.96, 1), '1000.0');
    assert.equal(fixedNumber(1e-7, 2), '0.00');
  });

  it('formatGrouped writes full amounts grouped by thousands, as toLocaleString("en-US") did', () => {
    assert.equal(formatGrouped(1234567.891, 0), '1,234,568');
    assert.equal(formatGrouped(-1234.5, 0), '-1,235');
    assert.equal(formatGrouped(12.345, 2), '12.35');
    assert.equal(formatGrouped(-0.3, 0), '0');
    assert.equal(formatGrouped(null, 2), '—');
    for (const value of [0, 1, 999.5, 1000, 65432.1, -98765.45, 123456789.125, 0.05])
      for (const digits of [0, 1, 2]) assert.equal(formatGrouped(value, digits), value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }), `${value}, ${digits}`);
  });
});
