/**
 * The roadmap panel's People tab as data (views/peopleHeatmap.ts): the rows and week peaks of
 * `people --format html` (weekGrid), each cell written as a percent of the person's capacity, the
 * overloaded first, each person's projects with the weeks they load them, periods and suggestions in
 * words, and what a click opens.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlans, capacityPercent, formatDay, heatmapCellText, peopleHeatmap, peopleReport, teamEntryKey, weekGrid } from '../../src/core';
import { repoRoot } from '../utils/plans';

// S = 15 Apr 2026. Olga: Web 60% Apr 1–30 (active); Shop rebuild 30% + 20% Apr 6–17 (planned, so its
// forecast starts at S: Apr 15–26). Ann: Web 60% against a capacity of 80%. Zed: no team entry.
const text = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'people', 'heatmap.plan.yaml'), 'utf8');
const analysis = analyzePlans([{ path: 'heatmap.plan.yaml', text }]);

describe('the People tab heatmap', () => {
  it('has the rows and week peaks of people --format html, the overloaded first', () => {
    const { heatmap } = peopleHeatmap(analysis, 'plan');
    const grid = weekGrid(peopleReport(analysis, 'plan').json);
    assert.deepEqual(heatmap.weeks, grid.weeks);
    assert.deepEqual(heatmap.weeks.map(formatDay), ['2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20', '2026-04-27']);
    assert.deepEqual(heatmap.people.map((p) => p.id), ['olga', 'ann', 'zed']);
    const byId = ['ann', 'olga', 'zed'];
    for (const person of heatmap.people) assert.deepEqual(person.loads, grid.peaks[byId.indexOf(person.id)], person.id);
  });

  it('gives a grid of at most 520 weeks for work that ends past 9999-12-31 (a day written with five digits)', () => {
    const long = analyzePlans([{ path: 'long.plan.yaml', text: ['people:', '  - id: bob', 'project:', '  id: l', '  name: L', '  start: 2026-01-05', '  duration: 999999w', '  team:', '    - { person: bob, allocation: 100 }', ''].join('\n') }]);
    const json = peopleReport(long, 'plan').json;
    assert.match(json.people[0].segments.at(-1)!.to, /^\d{5}-/);
    const grid = weekGrid(json);
    assert.deepEqual([grid.weeks.length, grid.truncated, formatDay(grid.weeks[0]), grid.peaks[0].every((peak) => peak === 100)], [520, true, '2026-01-05', true]);
  });

  it("writes each cell as a percent of the person's capacity, and marks the weeks over it", () => {
    const { heatmap } = peopleHeatmap(analysis, 'plan');
    const [olga, ann, zed] = heatmap.people;
    assert.deepEqual(olga.cells, ['60%', '110%', '110%', '60%', '60%']);
    assert.deepEqual(olga.levels, ['ok', 'over', 'over', 'ok', 'ok']);
    assert.equal(olga.overloaded, true);
    // 60 of a capacity of 80.
    assert.deepEqual(ann.cells, ['75%', '75%', '75%', '75%', '75%']);
    // No team entry: every week written 0% (SPEC 10: the value always written, not only a colour).
    assert.deepEqual(zed.cells, ['0%', '0%', '0%', '0%', '0%']);
    assert.deepEqual(zed.levels, ['none', 'none', 'none', 'none', 'none']);
    assert.equal(heatmapCellText(olga, heatmap.weeks[1], 1), 'Olga, week of 2026-04-06: 110% of capacity, over capacity (load 110%, capacity 100%)');
  });

  it('follows the basis: Shop rebuild forecast from the status date moves the overload a week later', () => {
    const plan = peopleHeatmap(analysis, 'plan').heatmap.people[0];
    const forecast = peopleHeatmap(analysis, 'forecast').heatmap.people[0];
    assert.equal(plan.cells[3], '60%');
    assert.equal(forecast.cells[3], '110%');
    assert.equal(forecast.cells[1], '60%');
  });

  it("lists each person's projects with allocation and the weeks they load them", () => {
    const { heatmap } = peopleHeatmap(analysis, 'plan');
    const olga = heatmap.people[0];
    assert.deepEqual(
      olga.projects.map((a) => [heatmap.projects[a.project].name, a.allocation, a.from, a.to]),
      [['Shop rebuild', 50, 1, 2], ['Web', 60, 0, 4]],
    );
    assert.deepEqual(olga.periods, ['6–17 Apr 2026: 110% on Shop rebuild, Web']);
  });

  it('opens the person and their first team entry on a project', () => {
    const { targets } = peopleHeatmap(analysis, 'plan');
    assert.equal(targets.people.get('olga')?.name, 'Olga');
    const entry = targets.entries.get(teamEntryKey('olga', 'shop'));
    assert.equal(entry?.allocation, 30, 'the first of her two entries');
    assert.equal(targets.entries.get(teamEntryKey('zed', 'web')), undefined);
  });

  it('writes the suggestions in words (examples/: Olga over capacity 14–28 Nov 2026)', () => {
    const files: Array<{ path: string; text: string }> = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (entry.name.endsWith('.plan.yaml')) files.push({ path: path.relative(repoRoot, file), text: fs.readFileSync(file, 'utf8') });
      }
    };
    walk(path.join(repoRoot, 'examples'));
    const { heatmap } = peopleHeatmap(analyzePlans(files), 'plan');
    assert.equal(heatmap.people[0].id, 'olga');
    assert.deepEqual(heatmap.people[0].periods, ['14–28 Nov 2026: 120% on Checkout v2, Real-time fraud scoring']);
    assert.deepEqual(heatmap.suggestions.map((s) => s.text), ['start Real-time fraud scoring 15 days later: resolves Olga Ivanova 14–28 Nov 2026, within its 107 days of float, but its start follows its depends_on: move what it depends on, or give it a start']);
    assert.deepEqual(peopleHeatmap(analyzePlans(files), 'forecast').heatmap.suggestions, []);
  });

  it('never rounds a week over or under capacity to 100%', () => {
    assert.equal(capacityPercent(100.4, 100), '100.4%');
    assert.equal(capacityPercent(99.6, 100), '99.6%');
    assert.equal(capacityPercent(100, 100), '100%');
    assert.equal(capacityPercent(50.01, 50), '100.02%');
    assert.equal(capacityPercent(30, 0), 'over');
    assert.equal(capacityPercent(0, 100), '0%', 'the value always written (SPEC 10)');
    assert.equal(capacityPercent(0, 0), '0%');
    assert.equal(capacityPercent(70, null), '70%');
  });
});
