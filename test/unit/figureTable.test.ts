/**
 * The one table of the figures (issue 17): it covers every figure of the rollup, and the CSV's header
 * and cells, the Markdown table's columns and the hover rows are drawn from it — a figure added to a
 * copy of the table shows up in all three, one taken out leaves all three.
 */
import { strict as assert } from 'node:assert';
import { analyzePlans, figureRows, rollupCsv, rollupMarkdown, toRollupJson, type FiguresJson, type RollupJson } from '../../src/core';
import type { Figures } from '../../src/core/analysis/rollup';
import { csvOrder, figureTable, type AnyFigureTable, type FigureSpec } from '../../src/core/views/figureTable';
import { formatMoney } from '../../src/core/views/format';
import { undertakingFields } from '../../src/core/views/diffFields';
import { day, yaml } from '../utils/plans';

// Compile-time: a key of Figures without its entry (or an entry of no figure) fails `tsc` here.
type Missing = Exclude<keyof Figures, keyof typeof figureTable>;
type Extra = Exclude<keyof typeof figureTable, keyof Figures>;
const covered: [Missing | Extra] extends [never] ? true : false = true;

const analysis = analyzePlans(
  [
    {
      path: 'p.plan.yaml',
      text: yaml`
        program:
          id: g
          name: Growth
          projects:
            - { id: a, name: Alpha, start: 2026-01-01, duration: 10d, budget: 2840000, progress: 50, spent: 1000 }
      `,
    },
  ],
  { statusDate: day('2026-01-05') },
);
const json = toRollupJson(analysis);

/** The rollup with one more figure, `extra`, on every entry: 1234.5 on each. */
function withExtra(rollup: RollupJson): RollupJson {
  const add = <E extends { figures: FiguresJson }>(e: E): E => ({ ...e, figures: { ...e.figures, extra: 1234.5 } });
  return { ...rollup, portfolios: rollup.portfolios.map(add), programs: rollup.programs.map(add), projects: rollup.projects.map(add) };
}
const extraSpec: FigureSpec<'bac'> = {
  label: 'An extra amount',
  short: 'XTR',
  unit: 'money',
  levels: ['project', 'program', 'portfolio'],
  format: (v, currency) => formatMoney(v, currency),
  markdown: {},
  hover: {},
};

describe('the figure table', () => {
  it('covers every figure the rollup computes, and the CSV orders every one', () => {
    assert.equal(covered, true);
    // A program's figures are an object of their own; a project's are read from its row of numbers,
    // every one of them there too.
    const computed = Object.keys(analysis.rollup.programs.get(analysis.index.programs[0])!.figures).sort();
    const project = analysis.rollup.projects.get(analysis.index.projects[0])!.figures;
    assert.deepEqual(computed.filter((key) => project[key as keyof Figures] === undefined), []);
    assert.deepEqual(Object.keys(figureTable).sort(), computed);
    assert.deepEqual([...csvOrder].sort(), computed);
  });

  it('a figure added to a copy of the table shows up in the CSV, the Markdown table and the hover rows', () => {
    const table: AnyFigureTable = { ...figureTable, extra: extraSpec };
    const rollup = withExtra(json);

    const csv = rollupCsv(rollup, table).split('\r\n');
    assert.equal(csv[0], rollupCsv(json).split('\r\n')[0] + ',extra');
    // Unrounded in the CSV.
    for (const line of csv.slice(1, -1)) assert.ok(line.endsWith(',1234.5'), line);

    const md = rollupMarkdown(rollup, table).split('\n');
    const header = md.findIndex((line) => line.startsWith('| Level |'));
    assert.ok(md[header].endsWith('| Open issues | XTR |'), md[header]);
    // A money column: right-aligned, the full amount grouped (1234.5 rounds half away to 1,235).
    assert.ok(md[header + 1].endsWith('| --- | ---: |'), md[header + 1]);
    assert.ok(md[header + 2].endsWith('| 1,235 |'), md[header + 2]);

    const rows = figureRows(rollup.projects[0].figures, 'EUR', table);
    // 1234.5 compact: 1.2345k to two decimals, 1.23k.
    assert.deepEqual(rows.at(-1), ['XTR', '1.23k EUR']);
    assert.equal(rows.length, figureRows(json.projects[0].figures, 'EUR').length + 1);
  });

  it('a figure taken out of a copy of the table leaves the CSV, the Markdown table and the hover rows', () => {
    const { vac: _vac, ...table } = figureTable;
    assert.ok(!rollupCsv(json, table).split('\r\n')[0].split(',').includes('vac'));
    assert.ok(rollupCsv(json).split('\r\n')[0].split(',').includes('vac'));
    assert.ok(!rollupMarkdown(json, table).includes('| VAC |'));
    assert.ok(rollupMarkdown(json).includes('| VAC |'));
    assert.ok(!figureRows(json.projects[0].figures, '', table).some(([label]) => label === 'VAC'));
    assert.ok(figureRows(json.projects[0].figures).some(([label]) => label === 'VAC'));
  });

  it("labels the diff's fields that are figures as the table names them", () => {
    const shared = Object.keys(undertakingFields).filter((key): key is keyof typeof undertakingFields & keyof typeof figureTable => key in figureTable);
    assert.deepEqual(shared, ['forecastEnd', 'ieacT', 'bac', 'eac', 'progress', 'health']);
    for (const key of shared) assert.equal(undertakingFields[key].label, figureTable[key].short, key);
  });

  it('writes money compact at one precision: 2,840,000 is 2.84M, a BAC of 2.9M is 2.90M', () => {
    const rows = new Map(figureRows(json.projects[0].figures));
    assert.equal(rows.get('BAC'), '2.84M');
    assert.equal(figureTable.bac.format(2_900_000, 'USD'), '2.90M USD');
  });
});
