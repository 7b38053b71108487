/**
 * SPEC 12, in and out: each mapping of MSPDI and CSV import, the exports, round trips (export → import
 * gives back the same plans), and `update`'s located edits. Core only, on inline text and fixtures.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import { analyzePlans, applyEdits, exportCsv, exportMspdi, formatDay, IdAllocator, ImportError, importCsv, importedPlanFiles, importMspdi, planActuals, type Analysis } from '../../src/core';
import { fromHundredths, toHundredths } from '../../src/core/interop/mspdi';
import { randomWorkspace } from '../reference/generate';
import { toFiles } from '../reference/yaml';
import { repoRoot, yaml } from '../utils/plans';

const fixture = (name: string) => fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'interop', name), 'utf8');
const mspdi = (text: string, options: Partial<Parameters<typeof importMspdi>[1]> = {}) => importMspdi(text, { source: 'in.xml', fileId: 'in', ...options }, new IdAllocator());
const csv = (text: string, program?: string) => importCsv(text, { source: 'in.csv', fileId: 'in', program }, new IdAllocator());
const analyzeFiles = (files: ReadonlyArray<{ path: string; text: string }>) => analyzePlans(files, { statusDate: 20600, today: 20600 });
const analyzeImport = (...plans: ReturnType<typeof mspdi>[]) => analyzeFiles(importedPlanFiles(plans).map((f) => ({ path: f.name, text: f.text })));
const errors = (analysis: Analysis) => analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.range.start.line + 1} ${d.code} ${d.message}`);
const throwsImport = (work: () => unknown, pattern: RegExp) => assert.throws(work, (e: unknown) => e instanceof ImportError && pattern.test(e.message) && !e.message.includes('\n'));

/** What a round trip must keep, per project, milestone, person, as plain values. */
function essentials(analysis: Analysis) {
  const { index, schedule, rollup } = analysis;
  const day = (d: number | undefined) => (d === undefined ? null : formatDay(d));
  return {
    programs: index.programs.map((p) => ({ id: p.id, name: p.name, projects: p.projects.map((x) => x.id) })).sort((a, b) => (a.id! < b.id! ? -1 : 1)),
    projects: index.projects
      .map((p) => ({
        id: p.id,
        name: p.name,
        program: p.program?.id ?? null,
        start: day(schedule.dates.get(p)?.start),
        end: day(schedule.dates.get(p)?.end),
        state: rollup.projects.get(p)?.state,
        deps: p.dependsOn.map((d) => d.name).sort(),
        budget: p.budget?.value ?? null,
        spent: p.spent?.value ?? null,
        progress: p.progress?.value ?? (rollup.projects.get(p)?.state === 'done' ? 100 : null),
        baseline: p.baseline ? [day(p.baseline.start?.value), day(p.baseline.end?.value), p.baseline.budget?.value ?? null] : null,
        team: p.team.map((t) => `${t.person.name}:${t.allocation}`).sort(),
      }))
      .sort((a, b) => (a.id! < b.id! ? -1 : 1)),
    milestones: index.milestones.map((m) => ({ name: m.name, owner: m.parent.id, date: day(m.date?.value), done: m.done, deps: m.dependsOn.map((d) => d.name).sort() })).sort((a, b) => (`${a.owner}${a.name}` < `${b.owner}${b.name}` ? -1 : 1)),
    people: index.people.map((p) => ({ id: p.id, name: p.name ?? null, capacity: p.capacity })).sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

function examples(): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  const walk = (folder: string) => {
    for (const name of fs.readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else if (/\.plan\.ya?ml$/.test(name)) out.push({ path: path.relative(repoRoot, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(repoRoot, 'examples'));
  return out;
}

describe('interop (SPEC 12)', () => {
  describe('money in hundredths', () => {
    it('reads and writes MSPDI money exactly', () => {
      // 125000 hundredths = 1,250.00; 10000004 = 100,000.04 (no binary rounding: 10000004 / 100 would be fine, 0.07 * 100 = 7.000000000000001 is not).
      assert.deepEqual(['125000', '10000004', '5', '0', '12.5'].map(fromHundredths), [1250, 100000.04, 0.05, 0, 0.125]);
      assert.deepEqual([1250, 100000.04, 0.07, 0, 0.125].map(toHundredths), ['125000', '10000004', '7', '0', '12.5']);
    });
  });

  describe('readable ids', () => {
    it('fromName gives the smallest free `name-n`, as trying every n from 2 would (whatever was reserved in between)', () => {
      // The naive allocator the counter per name must agree with.
      class Naive {
        readonly taken = new Set<string>();
        reserve(id: string) {
          if (this.taken.has(id)) return false;
          this.taken.add(id);
          return true;
        }
        fromName(base: string) {
          let id = base;
          for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
          this.taken.add(id);
          return id;
        }
      }
      const step = fc.oneof(
        fc.record({ reserve: fc.constantFrom('task', 'task-2', 'task-3', 'task-5', 'design', 'design-2', 'x') }),
        fc.record({ name: fc.constantFrom('Task', 'Task 2', 'Task-3', 'Design', 'design', '!!', 'X') }),
      );
      fc.assert(
        fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
          const ids = new IdAllocator();
          const naive = new Naive();
          for (const s of steps) {
            if ('reserve' in s) assert.equal(ids.reserve(s.reserve), naive.reserve(s.reserve));
            else assert.equal(ids.fromName(s.name, 'project'), naive.fromName(s.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'project'));
          }
        }),
        { seed: 2012, numRuns: 500 },
      );
    });

    it('20,000 tasks with one name get task, task-2 … task-20000', () => {
      const ids = new IdAllocator();
      const given = Array.from({ length: 20000 }, () => ids.fromName('Task', 'task'));
      assert.equal(given[0], 'task');
      assert.equal(given[19999], 'task-20000');
      assert.equal(new Set(given).size, 20000);
    });
  });

  describe('MSPDI import', () => {
    it('reads a file as MS Project writes it: summary task UID 0, level-1 projects, subtasks folded in, baseline, hundredths, assignments', () => {
      const plan = mspdi(fixture('ms-project.xml'), { fileId: 'ms-project' });
      assert.equal(plan.programs.length, 1);
      const [program] = plan.programs;
      assert.deepEqual([program.id, program.name, program.currency, program.statusDate && formatDay(program.statusDate)], ['ms-project', 'Website relaunch', 'EUR', '2026-04-30']);
      assert.deepEqual(program.projects.map((p) => p.id), ['design', 'build', 'content-migration']);
      const [design, build, migration] = program.projects;
      // Design: 1250000 hundredths = 12,500; ActualCost 1190050 = 11,900.50; baseline Finish 17:00 on 03-12 stays 03-12.
      assert.deepEqual(
        { start: formatDay(design.start!), end: formatDay(design.end!), budget: design.budget, spent: design.spent, progress: design.progress, state: design.state },
        { start: '2026-03-02', end: '2026-03-13', budget: 12500, spent: 11900.5, progress: 100, state: 'done' },
      );
      assert.deepEqual([formatDay(design.baseline!.start!), formatDay(design.baseline!.end!), design.baseline!.budget], ['2026-03-02', '2026-03-12', 12000]);
      // Build: Finish 2026-04-25T00:00 ends on 04-24; its link from Visual design (a subtask of Design) points into design.
      assert.equal(formatDay(build.end!), '2026-04-24');
      assert.deepEqual(build.dependsOn, ['design']);
      assert.deepEqual(build.milestones.map((m) => [m.id, formatDay(m.date), m.done]), [['beta-live', '2026-04-10', false]]);
      // Inactive: cancelled. Its start-to-start link with a lag becomes finish-to-start, and says so.
      assert.equal(migration.state, 'cancelled');
      assert.deepEqual(migration.dependsOn, ['design']);
      assert.deepEqual(program.milestones.map((m) => [m.id, formatDay(m.date), m.dependsOn]), [['go-live', '2026-05-04', ['build']]]);
      // People: MaxUnits 0.5 = capacity 50; the blank UID 0 and the material resource are not people.
      assert.deepEqual(plan.people, [{ id: 'ana-lima', name: 'Ana Lima' }, { id: 'ben-okafor', name: 'Ben Okafor', capacity: 50 }]);
      // Ana: Units 1 on Wireframes + 0.5 on Visual design = 150 on design, at most 100; Ben: 0.5 on Build = 50.
      assert.deepEqual(design.team, [{ person: 'ana-lima', allocation: 100 }]);
      assert.deepEqual(build.team, [{ person: 'ben-okafor', allocation: 50 }]);
      for (const lost of [/1 link other than finish-to-start/, /1 link lag/, /Laptops.*material/, /ana-lima on design: 150%/, /calendars/]) {
        assert.ok(plan.notCarried.some((line) => lost.test(line)), `${lost} in ${plan.notCarried.join(' | ')}`);
      }
      assert.deepEqual(errors(analyzeImport(plan)), []);
    });

    it('takes the top tasks as level 1 whatever their OutlineLevel (TaskJuggler writes 0) and with no UID 0', () => {
      const text = `<Project xmlns="http://schemas.microsoft.com/project"><Title>T</Title><Tasks>
        <Task><UID>5</UID><Name>Alpha</Name><OutlineLevel>0</OutlineLevel><Start>2026-01-05T00:00:00</Start><Finish>2026-01-10T00:00:00</Finish></Task>
        <Task><UID>6</UID><Name>Sub</Name><OutlineLevel>1</OutlineLevel><Start>2026-01-05T00:00:00</Start><Finish>2026-01-10T00:00:00</Finish></Task>
        <Task><UID>7</UID><Name>Beta</Name><OutlineLevel>0</OutlineLevel><Start>2026-01-10T00:00:00</Start><Finish>2026-01-20T00:00:00</Finish>
          <PredecessorLink><PredecessorUID>6</PredecessorUID><Type>1</Type></PredecessorLink></Task>
      </Tasks></Project>`;
      const plan = mspdi(text);
      // Alpha ends at 00:00 on 01-10: its last day is 01-09.
      assert.deepEqual(plan.programs[0].projects.map((p) => [p.id, formatDay(p.start!), formatDay(p.end!), p.dependsOn]), [
        ['alpha', '2026-01-05', '2026-01-09', []],
        ['beta', '2026-01-10', '2026-01-19', ['alpha']],
      ]);
    });

    it('--program with programs taken from the tasks (--programs-at, or a file export wrote) is said not to be used', () => {
      const task = (uid: number, name: string, level: number) =>
        `<Task><UID>${uid}</UID><Name>${name}</Name><OutlineLevel>${level}</OutlineLevel><Start>2026-01-05T08:00:00</Start><Finish>2026-01-09T17:00:00</Finish></Task>`;
      const plan = mspdi(`<Project><Tasks>${task(1, 'Phase', 1)}${task(2, 'Work', 2)}</Tasks></Project>`, { programsAt: 1, program: 'mine' });
      assert.deepEqual(plan.programs.map((p) => p.id), ['phase']);
      assert.ok(plan.notCarried.includes('--program mine: not used: the programs are the tasks at level 1'), plan.notCarried.join(' | '));
      const ours = mspdi(exportMspdi(analyzeFiles(examples())).text, { program: 'mine' });
      assert.ok(ours.notCarried.includes('--program mine: not used: the programs are the tasks at level 1 (the file was written by export)'), ours.notCarried.join(' | '));
    });

    it('a project task without dates is left out and said so once', () => {
      const plan = mspdi(`<Project><Tasks>
        <Task><UID>1</UID><Name>Alpha</Name><OutlineLevel>1</OutlineLevel><Start>2026-01-05T08:00:00</Start><Finish>2026-01-09T17:00:00</Finish></Task>
        <Task><UID>2</UID><Name>Undated</Name><OutlineLevel>1</OutlineLevel></Task>
      </Tasks></Project>`);
      assert.deepEqual(plan.programs[0].projects.map((p) => p.id), ['alpha']);
      assert.deepEqual(plan.notCarried.filter((line) => line.includes('Undated')), ['task 2 "Undated": no Start or Finish date: left out']);
    });

    it('a Cost or ActualCost that is no amount (more digits than a number holds, text) is left out and said so', () => {
      const text = `<Project><Tasks>
        <Task><UID>1</UID><Name>Alpha</Name><OutlineLevel>1</OutlineLevel><Start>2026-01-05T08:00:00</Start><Finish>2026-01-09T17:00:00</Finish><Cost>${'9'.repeat(400)}</Cost><ActualCost>lots</ActualCost></Task>
      </Tasks></Project>`;
      const plan = mspdi(text);
      const [alpha] = plan.programs[0].projects;
      assert.deepEqual([alpha.budget, alpha.spent], [undefined, undefined]);
      assert.ok(plan.notCarried.some((line) => /task 1 "Alpha": Cost "9{24}…" is not an amount of money: left out/.test(line)), plan.notCarried.join(' | '));
      assert.ok(plan.notCarried.some((line) => /task 1 "Alpha": ActualCost "lots" is not an amount of money: left out/.test(line)), plan.notCarried.join(' | '));
      assert.deepEqual(errors(analyzeImport(plan)), []);
    });

    it('--programs-at and --projects-at choose the levels; names give unique readable ids', () => {
      const task = (uid: number, name: string, level: number) =>
        `<Task><UID>${uid}</UID><Name>${name}</Name><OutlineLevel>${level}</OutlineLevel><Start>2026-01-05T08:00:00</Start><Finish>2026-01-09T17:00:00</Finish></Task>`;
      const text = `<Project><Tasks>${task(0, 'All', 0)}${task(1, 'Phase', 1)}${task(2, 'Work', 2)}${task(3, 'Phase', 1)}${task(4, 'Work', 2)}</Tasks></Project>`;
      const plan = mspdi(text, { programsAt: 1 });
      assert.deepEqual(plan.programs.map((p) => [p.id, p.projects.map((x) => x.id)]), [['phase', ['work']], ['phase-2', ['work-2']]]);
      const flat = mspdi(text, { projectsAt: 2 });
      assert.deepEqual(flat.programs[0].projects.map((p) => p.id), ['work', 'work-2']);
      throwsImport(() => mspdi(text, { programsAt: 2, projectsAt: 2 }), /--programs-at 2 must be above --projects-at 2/);
    });

    it('refuses entity declarations (billion laughs), truncated XML and files that are not MS Project XML, with the place', () => {
      const laughs = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;">\n]>\n<Project><Title>&lol2;</Title></Project>';
      throwsImport(() => mspdi(laughs), /^in\.xml:3:2: the XML declares entities in a DOCTYPE; refused/);
      throwsImport(() => mspdi('<Project>\n<Tasks><Task><UID>1</UID>\n'), /^in\.xml:\d+:\d+: not well-formed XML/);
      throwsImport(() => mspdi('<html><body/></html>'), /^in\.xml:1:1: not an MS Project XML file \(its root element is <html>/);
    });

    it('refuses a cycle in the links, naming it', () => {
      const task = (uid: number, pred: number) =>
        `<Task><UID>${uid}</UID><Name>T${uid}</Name><OutlineLevel>1</OutlineLevel><Start>2026-01-05T08:00:00</Start><Finish>2026-01-09T17:00:00</Finish><PredecessorLink><PredecessorUID>${pred}</PredecessorUID></PredecessorLink></Task>`;
      throwsImport(() => mspdi(`<Project><Tasks>${task(1, 2)}${task(2, 1)}</Tasks></Project>`), /^in\.xml: the links form a cycle: t1 \(task 1\) → t2 \(task 2\) → t1 /);
    });
  });

  describe('CSV import', () => {
    it('reads columns by name in any case, `;` separated, a BOM, ids from names made unique, depends_on by `;` or spaces', () => {
      const text = '\uFEFFName;START;End;Duration;Depends_On;Budget;Progress;State;Program\n' +
        'Build the thing;2026-01-05;2026-01-31;;;"1,250.50";40%;In Progress;core\n' +
        'Build the thing;;;10d;build-the-thing;;;;core\n' +
        'Launch;;2026-03-01;;build-the-thing build-the-thing-2;;;To Do;\n';
      const plan = csv(text);
      assert.deepEqual(plan.programs.map((p) => [p.id, p.projects.map((x) => x.id)]), [['core', ['build-the-thing', 'build-the-thing-2']]]);
      const [first, second] = plan.programs[0].projects;
      assert.deepEqual([first.budget, first.progress, first.state], [1250.5, 40, 'active']);
      assert.deepEqual([second.duration, second.dependsOn], [10, ['build-the-thing']]);
      assert.deepEqual(plan.projects.map((p) => [p.id, p.dependsOn, p.state]), [['launch', ['build-the-thing', 'build-the-thing-2'], 'planned']]);
      assert.deepEqual(errors(analyzeImport(plan)), []);
    });

    it('names the row of a bad value, a missing header, an unschedulable row and a cycle', () => {
      throwsImport(() => csv('id,name,start,end\na,A,2026-02-30,2026-03-01\n'), /^in\.csv:2 \(a\): start "2026-02-30" is not a date/);
      throwsImport(() => csv('x,y\n1,2\n'), /^in\.csv:1: no header row/);
      throwsImport(() => csv('id,name,start\na,A,2026-01-01\n'), /^in\.csv:2 \(a\): no end and no duration/);
      throwsImport(() => csv('id,name,end,depends_on\na,A,2026-01-10,b\nb,B,2026-01-20,a\n'), /^in\.csv:2: the links form a cycle: a \(line 2\) → b \(line 3\) → a /);
      throwsImport(() => csv('id,name,start,end\na,A,2026-01-01,2026-01-02\na,B,2026-01-01,2026-01-02\n'), /^in\.csv:3: id a is already the id of the row on line 2/);
      throwsImport(() => csv('id,name,start,end,budget\na,A,2026-01-01,2026-01-02,lots\n'), /^in\.csv:2 \(a\): budget "lots" is not an amount/);
      throwsImport(() => csv('id,end,depends_on\na,2026-01-10,zzz\n'), /^in\.csv:2 \(a\): no start, and its depends_on \(zzz\) names no other row of the file/);
      throwsImport(() => csv('id,name\n"a,A\n'), /^in\.csv:\d+: not readable as CSV: a quoted cell is never closed/);
      throwsImport(() => csv('id,name\n"a,"unterminated\n'), /^in\.csv:2: not readable as CSV: a quoted cell goes on after its closing quote/);
      throwsImport(() => csv('id,name\na,b"c\n'), /^in\.csv:2: not readable as CSV: a quote inside a cell that is not in quotes/);
    });
  });

  describe('round trips', () => {
    it('export mspdi → import gives back the examples: programs, projects, states, dates, deps, budgets, progress, milestones, people, allocations', () => {
      const before = analyzeFiles(examples());
      const exported = exportMspdi(before, 'Examples').text;
      const plan = mspdi(exported);
      const after = analyzeImport(plan);
      assert.deepEqual(errors(after), []);
      assert.deepEqual(essentials(after), essentials(before));
    });

    it("export mspdi → import keeps a project's dependency on its own milestone (a link of the project's own task), not a subtask's", () => {
      const text = [
        'program:', '  id: g', '  name: G', '  status_date: 2026-03-01', '  projects:',
        '    - { id: j, name: J, start: 2026-07-01, end: 2026-07-01 }',
        '    - id: k', '      name: K', '      depends_on: [km]', '      duration: 3d',
        '      milestones:', '        - { id: km, name: KM, date: 2026-08-15, depends_on: [j] }',
      ].join('\n');
      const before = analyzeFiles([{ path: 'g.plan.yaml', text }]);
      assert.deepEqual(errors(before), []);
      const plan = mspdi(exportMspdi(before).text);
      const k = plan.programs[0].projects.find((p) => p.id === 'k')!;
      assert.deepEqual(k.dependsOn, ['km']);
      assert.deepEqual(k.milestones.map((m) => [m.id, m.dependsOn]), [['km', ['j']]]);
      assert.deepEqual(essentials(analyzeImport(plan)), essentials(before));
      // A subtask's link to its project's milestone stays inside the project: no depends_on of the project.
      const task = (uid: number, name: string, level: number, extra = '') =>
        `<Task><UID>${uid}</UID><Name>${name}</Name><OutlineLevel>${level}</OutlineLevel><Start>2026-01-05T08:00:00</Start><Finish>2026-01-09T17:00:00</Finish>${extra}</Task>`;
      const inside = mspdi(`<Project><Tasks>${task(1, 'P', 1)}${task(2, 'Gate', 2, '<Milestone>1</Milestone>')}${task(3, 'Work', 2, '<PredecessorLink><PredecessorUID>2</PredecessorUID></PredecessorLink>')}</Tasks></Project>`);
      assert.deepEqual(inside.programs[0].projects.map((p) => [p.id, p.dependsOn, p.milestones.map((m) => m.id)]), [['p', [], ['gate']]]);
    });

    it("export mspdi says what of a program it cannot carry: the budget cap and the declared window (a summary task's are its tasks')", () => {
      const text = ['program:', '  id: g', '  name: G', '  budget: 5000', '  start: 2026-01-01', '  end: 2026-12-31', '  projects:', '    - { id: p, name: P, start: 2026-01-05, duration: 3d }'].join('\n');
      const { notes } = exportMspdi(analyzeFiles([{ path: 'g.plan.yaml', text }]));
      assert.deepEqual(notes, [
        "program g: its budget cap 5000 is not exported (MS Project sums the tasks' costs)",
        'program g: its declared start 2026-01-01 and end 2026-12-31 are not exported (a summary task spans its tasks)',
      ]);
      const endOnly = text.replace('  start: 2026-01-01\n', '').replace('  budget: 5000\n', '');
      assert.deepEqual(exportMspdi(analyzeFiles([{ path: 'g.plan.yaml', text: endOnly }])).notes, ['program g: its declared end 2026-12-31 is not exported (a summary task spans its tasks)']);
    });

    it('export mspdi writes the schema order: Calendars, Tasks, Resources, Assignments; a task UID, ID, Name … OutlineLevel, Start, Finish … PredecessorLink, ExtendedAttribute, Baseline', () => {
      const text = exportMspdi(analyzeFiles(examples())).text;
      const top = ['<ExtendedAttributes>', '<Calendars>', '<Tasks>', '<Resources>', '<Assignments>'].map((t) => text.indexOf(t));
      assert.deepEqual([...top].sort((a, b) => a - b), top);
      const order = ['UID', 'ID', 'Name', 'Active', 'Manual', 'Type', 'IsNull', 'WBS', 'OutlineNumber', 'OutlineLevel', 'Start', 'Finish', 'Duration', 'DurationFormat', 'Milestone', 'Summary', 'PercentComplete', 'Cost', 'ActualCost', 'ConstraintType', 'ConstraintDate', 'PredecessorLink', 'ExtendedAttribute', 'Baseline'];
      for (const task of text.match(/<Task>.*?<\/Task>/g)!) {
        const tags = [...task.slice(6).replace(/<(Baseline|PredecessorLink|ExtendedAttribute)>.*?<\/\1>/g, '<$1>').matchAll(/<([A-Za-z]+)>/g)].map((m) => m[1]).filter((t) => order.includes(t));
        const positions = tags.map((t) => order.indexOf(t));
        assert.deepEqual(positions, [...positions].sort((a, b) => a - b), task.slice(0, 200));
      }
      // ci-upgrade: budget 180000 → Cost 18000000 hundredths.
      assert.match(text, /<Name>Upgrade CI to ephemeral runners<\/Name>.*?<Cost>18000000<\/Cost><ActualCost>17150000<\/ActualCost>/);
    });

    it('export mspdi writes well-formed XML whatever a name holds: characters XML 1.0 forbids are replaced', () => {
      const text = ['program:', '  id: g', '  name: "Ctl\\a\\x01 name <&> \\"q\\" \'s"', '  projects:', '    - { id: p, name: "tab\\there", start: 2026-01-05, duration: 3d }'].join('\n');
      const before = analyzeFiles([{ path: 'g.plan.yaml', text }]);
      assert.deepEqual(errors(before), []);
      const written = exportMspdi(before).text;
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(written, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      assert.match(written, /<Name>Ctl\uFFFD\uFFFD name &lt;&amp;&gt; &quot;q&quot; &#39;s<\/Name>/);
      assert.deepEqual(analyzeImport(mspdi(written)).index.programs.map((p) => p.name), ['Ctl\uFFFD\uFFFD name <&> "q" \'s']);
    });

    it('export mspdi → import keeps random workspaces (generated plans)', () => {
      for (const workspace of fc.sample(randomWorkspace, { seed: 12, numRuns: 40 })) {
        const before = analyzeFiles(toFiles(workspace).files);
        if (errors(before).length > 0) continue;
        const after = analyzeImport(mspdi(exportMspdi(before).text));
        assert.deepEqual(errors(after), []);
        const keep = (e: ReturnType<typeof essentials>) => ({ ...e, programs: e.programs.map((p) => ({ ...p, name: p.name })), milestones: e.milestones.map((m) => ({ ...m, owner: m.owner })) });
        assert.deepEqual(keep(essentials(after)).projects, keep(essentials(before)).projects);
        assert.deepEqual(essentials(after).milestones.length, essentials(before).milestones.length);
      }
    });

    it('export csv never writes a cell a spreadsheet would run, and import gives the text back', () => {
      const names = ["-1+cmd|' /C calc'!A0", '=SUM(A1)', '+1 555', '@here', '\tTabbed', "'=already", "'quoted", '-5', '1e3', 'Plain'];
      const text = [
        'program:', '  id: g', '  name: G', '  projects:',
        ...names.map((name, i) => `    - { id: p${i}, name: ${JSON.stringify(name)}, manager: ${JSON.stringify(name)}, start: 2026-01-05, duration: 3d }`),
      ].join('\n');
      const before = analyzeFiles([{ path: 'g.plan.yaml', text }]);
      assert.deepEqual(errors(before), []);
      const written = exportCsv(before).text;
      // Every name and manager cell as a spreadsheet reads it: a plain number or text that starts with none of = + - @ tab.
      const rows = parseCsv(written, { relax_column_count: true }) as string[][];
      assert.deepEqual([rows[0][1], rows[0][11]], ['name', 'manager']);
      for (const row of rows.slice(1)) {
        for (const value of [row[1], row[11]]) {
          assert.ok(!/^[=+\-@\t\r]/.test(value) || /^-?\d+(\.\d+)?$/.test(value), `a spreadsheet runs ${JSON.stringify(value)}`);
        }
      }
      const after = analyzeImport(csv(written));
      assert.deepEqual(after.index.projects.map((p) => [p.name, p.manager?.name]), names.map((name) => [name, name]));
    });

    it('export csv → import gives back the projects (ids, names, programs, dates, deps on projects, money, progress, states)', () => {
      const before = analyzeFiles(examples());
      const plan = csv(exportCsv(before).text);
      const after = analyzeImport(plan);
      assert.deepEqual(errors(after), []);
      const projects = (a: Analysis) => essentials(a).projects.map((p) => ({ ...p, baseline: null, team: [], deps: p.deps.filter((d) => a.index.projects.some((x) => x.id === d)) }));
      assert.deepEqual(projects(after), projects(before));
    });
  });

  describe('update (actuals)', () => {
    const plans = yaml`
      # the team's plan
      version: 1
      program:
        id: pg
        name: Program
        status_date: 2026-04-01   # as of
        projects:
          - id: a
            name: A
            start: 2026-01-05
            duration: 30d
            budget: 1000      # approved
            progress: 10      # keep this comment
          - { id: b, name: B, start: 2026-01-05, duration: 10d }
          - id: c
            name: C
            start: 2026-02-01
            end: 2026-02-10
            state: "planned"
    `;
    const run = (csvText: string, statusDate?: number) => {
      const analysis = analyzeFiles([{ path: 'p.plan.yaml', text: plans }]);
      const actuals = planActuals(analysis, csvText, { source: 'a.csv', statusDate });
      return { actuals, text: applyEdits(plans, actuals.edits.get('p.plan.yaml') ?? []) };
    };

    it('changes only the values; a missing key is one line at the key indent after the last budget/spent/progress line', () => {
      const { actuals, text } = run('id,progress,spent,state\na,25,400,\nb,50,,\nc,,,active\n', 20600);
      const expected = plans
        .replace('progress: 10      # keep this comment', 'progress: 25      # keep this comment\n      spent: 400')
        .replace('duration: 10d }', 'duration: 10d, progress: 50 }')
        .replace('state: "planned"', 'state: active')
        .replace('status_date: 2026-04-01', `status_date: ${formatDay(20600)}`);
      assert.equal(text, expected);
      assert.deepEqual(actuals.changes.map((c) => `${c.id} ${c.field} ${c.before} → ${c.after} @${c.line}`), [
        'a progress 10 → 25 @2',
        'a spent null → 400 @2',
        'b progress null → 50 @3',
        'c state "planned" → active @4',
        `pg status_date 2026-04-01 → ${formatDay(20600)} @null`,
      ]);
      assert.deepEqual(errors(analyzeFiles([{ path: 'p.plan.yaml', text }])), []);
    });

    it('an equal value or an empty cell changes nothing', () => {
      assert.deepEqual(run('id,progress,spent\na,10.0,\n').actuals.changes, []);
    });

    it('all or nothing: an unknown id or a bad value names the row', () => {
      throwsImport(() => run('id,progress\na,20\nzz,30\n'), /^a\.csv:3 \(zz\): no project has the id zz/);
      throwsImport(() => run('id,progress\na,120\n'), /^a\.csv:2 \(a\): progress "120" is not a percent/);
      throwsImport(() => run('id,state\npg,done\n'), /^a\.csv:2 \(pg\): no project has the id pg \(it is a program\)/);
      throwsImport(() => run('id,spent\na,-5\n'), /^a\.csv:2 \(a\): spent "-5" is not an amount/);
      throwsImport(() => run('name,progress\nA,5\n'), /^a\.csv:1: the header has no id column/);
      // More digits than a number holds (read as Infinity) are no amount, not `spent: Infinity`.
      throwsImport(() => run(`id,spent\na,${'9'.repeat(400)}\n`), /^a\.csv:2 \(a\): spent "9+" is not an amount/);
    });

    it('keeps CRLF line ends and what stands after a value byte for byte (a byte order mark: test/cli/interop.test.ts)', () => {
      const written = 'project:\r\n  id: p\r\n  name: P\r\n  start: 2026-01-05\r\n  duration: 10d\r\n  progress: 10   # as of May\r\n';
      const analysis = analyzeFiles([{ path: 'p.plan.yaml', text: written }]);
      const actuals = planActuals(analysis, 'id,progress,spent\np,40,100\n', { source: 'a.csv' });
      const text = applyEdits(written, actuals.edits.get('p.plan.yaml') ?? []);
      assert.equal(text, written.replace('progress: 10   # as of May\r\n', 'progress: 40   # as of May\r\n  spent: 100\r\n'));
    });

    it('keeps lone CR line ends (classic Mac OS) byte for byte, and ends an added key with one', () => {
      const written = 'project:\r  id: p\r  name: P\r  start: 2026-01-05\r  duration: 10d\r  progress: 10   # as of May\r';
      const analysis = analyzeFiles([{ path: 'p.plan.yaml', text: written }]);
      assert.deepEqual(analysis.diagnostics, []);
      const actuals = planActuals(analysis, 'id,progress,spent\np,40,100\n', { source: 'a.csv' });
      const text = applyEdits(written, actuals.edits.get('p.plan.yaml') ?? []);
      assert.equal(text, written.replace('progress: 10   # as of May\r', 'progress: 40   # as of May\r  spent: 100\r'));
    });

    it('a value a YAML alias repeats is not changed (file, line, field and alias named); an alias gives way to the value written out', () => {
      const written = 'project:\n  id: p\n  name: P\n  start: 2026-01-05\n  duration: 10d\n  progress: &p 40   # as of May\n  spent: *p\n';
      const actualsOf = (csvText: string) => planActuals(analyzeFiles([{ path: 'p.plan.yaml', text: written }]), csvText, { source: 'a.csv' });
      throwsImport(() => actualsOf('id,progress\np,50\n'), /^a\.csv:2 \(p\): p\.plan\.yaml:6: progress of p is repeated by the YAML alias \*p on line 7, which would change too; nothing written \(write the value out in place of the alias\)$/);
      const spent = actualsOf('id,spent\np,70\n');
      assert.deepEqual(spent.changes.map((c) => `${c.field} ${c.before} → ${c.after}`), ['spent *p → 70']);
      assert.equal(applyEdits(written, spent.edits.get('p.plan.yaml') ?? []), written.replace('spent: *p', 'spent: 70'));
      assert.deepEqual(actualsOf('id,spent\np,40\n').changes, [], 'the alias already says 40');
      // A whole project repeated: a new key in it would appear in the repeat too.
      const repeated = 'version: 1\nprogram:\n  id: pg\n  name: G\n  projects:\n    - &a { id: a, name: A, start: 2026-01-05, duration: 10d }\n  x-copy: *a\n';
      assert.deepEqual(errors(analyzeFiles([{ path: 'p.plan.yaml', text: repeated }])), []);
      throwsImport(
        () => planActuals(analyzeFiles([{ path: 'p.plan.yaml', text: repeated }]), 'id,progress\na,50\n', { source: 'a.csv' }),
        /^a\.csv:2 \(a\): p\.plan\.yaml:6: progress of a is repeated by the YAML alias \*a on line 7/,
      );
    });

    it('a key written without a value takes one after a space, apart from a comment after it', () => {
      const written = 'project:\n  id: p\n  name: P\n  start: 2026-01-05\n  duration: 10d\n  progress:\n  spent:   # none yet\n';
      const analysis = analyzeFiles([{ path: 'p.plan.yaml', text: written }]);
      const actuals = planActuals(analysis, 'id,progress,spent\np,40,100\n', { source: 'a.csv' });
      const text = applyEdits(written, actuals.edits.get('p.plan.yaml') ?? []);
      assert.equal(text, written.replace('progress:\n', 'progress: 40\n').replace('spent:   # none yet', 'spent:   100 # none yet'));
      assert.deepEqual(errors(analyzeFiles([{ path: 'p.plan.yaml', text }])), []);
    });
  });
});
