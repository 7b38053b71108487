/**
 * SPEC 12 on the command line: `import`, `export`, `update` as real processes (dist/cli.js), every
 * bad-input line and exit code, and the real TaskJuggler (`tj3`): our tjp export scheduled by tj3 gives
 * every project our dates, and an MSPDI file tj3 writes imports to tj3's dates, links and resources.
 * The tj3 tests fail (never skip) when tj3 is missing: CI installs it (scripts/install-vscode-host.sh).
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { randomWorkspace } from '../reference/generate';
import { toFiles } from '../reference/yaml';
import { assertBuilt, cliPath, repoRoot, spawnCli } from '../utils/plans';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'interop');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'plan-interop-'));
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/** The file names under a folder, recursively, sorted. */
function listing(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

/** Runs tj3 in a folder (reports are written there); fails the test when tj3 fails or is missing. */
function tj3(dir: string, files: readonly string[]): void {
  try {
    execFileSync('tj3', [...files], { cwd: dir, stdio: 'pipe', timeout: 120000 });
  } catch (error) {
    const e = error as { code?: string; stdout?: Buffer; stderr?: Buffer };
    if (e.code === 'ENOENT') throw new Error('tj3 is not installed (apt-get install tj3): the TaskJuggler tests need it');
    throw new Error(`tj3 failed: ${e.stdout?.toString().slice(-2000)}${e.stderr?.toString().slice(-2000)}`);
  }
}

/** A tj3 csv report: `"a";"b"` rows. */
function tjCsv(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(';').map((cell) => cell.replace(/^"|"$/g, '').trim()));
}

/** A small MSPDI file: one <Task> a line from line 3 on. */
function mspdi(tasks: readonly string[]): string {
  return `<?xml version="1.0"?>\n<Project xmlns="http://schemas.microsoft.com/project"><Title>T</Title><Tasks>\n${tasks.map((t) => `<Task>${t}</Task>\n`).join('')}</Tasks></Project>\n`;
}

const dayBefore = (date: string) => new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);

describe('import, export, update on the command line (SPEC 12)', function () {
  this.timeout(180000);
  before(assertBuilt);

  describe('import: bad input is one line naming the file and place, exit 2, nothing written', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['laughs.xml', '<?xml version="1.0"?>\n<!DOCTYPE p [\n<!ENTITY a "aaaa">\n<!ENTITY b "&a;&a;&a;&a;">\n]>\n<Project><Title>&b;</Title></Project>\n', /^plan-as-code: laughs\.xml:3:1: the XML declares entities in a DOCTYPE; refused/],
      ['cut.xml', '<?xml version="1.0"?>\n<Project xmlns="http://schemas.microsoft.com/project">\n<Tasks><Task><UID>1</UID>\n', /^plan-as-code: cut\.xml:\d+:\d+: not well-formed XML/],
      ['page.xml', '<html><body>not a plan</body></html>\n', /^plan-as-code: page\.xml:1:1: not an MS Project XML file/],
      // Deeper than the XML parser reads: refused, not an internal error; a declaration and nothing else: a place, not "1:undefined".
      ['deep.xml', `<?xml version="1.0"?>\n<Project xmlns="http://schemas.microsoft.com/project">${'<a>'.repeat(200)}${'</a>'.repeat(200)}</Project>\n`, /^plan-as-code: deep\.xml:1:1: cannot be read as MS Project XML \(Maximum nested tags exceeded\)\n$/],
      ['decl.xml', '<?xml version="1.0"?>\n', /^plan-as-code: decl\.xml:1:1: not well-formed XML: Start tag expected\.\n$/],
      ['noheader.csv', '1,2,3\n4,5,6\n', /^plan-as-code: noheader\.csv:1: no header row/],
      ['baddate.csv', 'id,name,start,end\nx,X,2026-13-01,2026-12-31\n', /^plan-as-code: baddate\.csv:2 \(x\): start "2026-13-01" is not a date/],
      ['cycle.csv', 'id,name,start,duration,depends_on\na,A,2026-01-05,5d,b\nb,B,,5d,a\n', /^plan-as-code: cycle\.csv:2: the links form a cycle: a \(line 2\) → b \(line 3\) → a /],
      // An external entity (XXE) is refused like any declared entity: nothing is read from /etc/passwd.
      ['xxe.xml', '<?xml version="1.0"?>\n<!DOCTYPE Project [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<Project xmlns="http://schemas.microsoft.com/project"><Title>&xxe;</Title></Project>\n', /^plan-as-code: xxe\.xml:3:3: the XML declares entities in a DOCTYPE; refused/],
      ['plan.mpp', '\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1\u0000\u0000\u0000\u0000binary', /^plan-as-code: plan\.mpp:1: not MS Project XML or CSV but a binary file/],
      ['baddate.xml', mspdi(['<UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel><Start>2026-01-05T08:00:00</Start><Finish>2026-01-09T17:00:00</Finish>', '<UID>2</UID><Name>B</Name><OutlineLevel>1</OutlineLevel><Start>2026-01-05T08:00:00</Start><Finish>2026-02-30T17:00:00</Finish>']), /^plan-as-code: baddate\.xml:4:105: task 2 "B": Finish "2026-02-30T17:00:00" is not a date/],
      ['badbaseline.xml', mspdi(['<UID>7</UID><Name>A</Name><OutlineLevel>1</OutlineLevel><Start>2026-01-05T08:00:00</Start><Finish>2026-01-09T17:00:00</Finish><Baseline><Number>0</Number><Start>next week</Start></Baseline>']), /^plan-as-code: badbaseline\.xml:3:\d+: task 7 "A": baseline Start "next week" is not a date/],
      ['cycle.xml', mspdi(['<UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel><Start>2026-01-05T08:00:00</Start><Finish>2026-01-09T17:00:00</Finish><PredecessorLink><PredecessorUID>2</PredecessorUID></PredecessorLink>', '<UID>2</UID><Name>B</Name><OutlineLevel>1</OutlineLevel><Start>2026-01-12T08:00:00</Start><Finish>2026-01-16T17:00:00</Finish><PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink>']), /^plan-as-code: cycle\.xml: the links form a cycle: a \(task 1\) → b \(task 2\) → a /],
    ];
    for (const [name, text, message] of cases) {
      it(name, () => {
        const dir = tempDir();
        write(dir, { [name]: text });
        const result = spawnCli(['import', name, '--out', 'out'], dir);
        assert.equal(result.code, 2, result.stdout + result.stderr);
        assert.match(result.stderr, message);
        assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
        assert.deepEqual(listing(path.join(dir, 'out')), []);
      });
    }

    it('never overwrites: an existing file is named, nothing is written', () => {
      const dir = tempDir();
      write(dir, { 'a.csv': 'id,name,program,start,end\nx,X,core,2026-01-05,2026-01-09\ny,Y,,2026-01-05,2026-01-09\n', 'out/core.plan.yaml': '# mine\n' });
      const result = spawnCli(['import', 'a.csv', '--out', 'out'], dir);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /out\/core\.plan\.yaml already exists; nothing written/);
      assert.deepEqual(listing(path.join(dir, 'out')), ['core.plan.yaml']);
      assert.equal(fs.readFileSync(path.join(dir, 'out/core.plan.yaml'), 'utf8'), '# mine\n');
    });

    it('usage: no --out, a bad --from, a bad level', () => {
      const dir = tempDir();
      write(dir, { 'a.csv': 'id,name\n' });
      for (const [args, message] of [
        [['import', 'a.csv'], /import needs --out DIR/],
        [['import', 'a.csv', '--out', 'o', '--from', 'xls'], /--from xls is not a format import reads/],
        [['import', 'a.csv', '--out', 'o', '--projects-at', '0'], /--projects-at 0 is not a level/],
        [['import', 'missing.xml', '--out', 'o'], /missing\.xml: no such file/],
        [['import', '--out', 'o'], /import needs FILE… \(the MS Project XML or CSV files to read\)/],
        [['import', 'a.csv', '--out', 'o'], /a\.csv:1: a header and no rows: nothing to read/],
      ] as const) {
        const result = spawnCli([...args], dir);
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, message);
      }
    });
  });

  it('import of the MS Project example writes a plan that check accepts, and says what it left out', () => {
    const dir = tempDir();
    const result = spawnCli(['import', path.join(repoRoot, 'examples', 'import', 'website-relaunch.xml'), '--out', dir, '--program', 'web'], repoRoot);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^wrote .*web\.plan\.yaml \(program web: 3 projects, 2 milestones, 2 people\)$/m);
    assert.match(result.stdout, /not carried over \(5\):\n.*link other than finish-to-start/);
    const check = spawnCli(['check', dir], repoRoot);
    assert.equal(check.code, 0, check.stdout);
    // What import writes is checked under the size limit given (as check would read it): here 1 KB.
    const small = spawnCli(['import', path.join(repoRoot, 'examples', 'import', 'website-relaunch.xml'), '--out', path.join(dir, 'small'), '--max-file-size', '0.001'], repoRoot);
    assert.equal(small.code, 2);
    assert.match(small.stderr, /would not pass check \(website-relaunch\.plan\.yaml:1: This file is [\d,]+ bytes, above the limit of 1,049 bytes/);
  });

  it('export writes each format; export mspdi → import → check passes with the same projects', () => {
    const dir = tempDir();
    for (const format of ['mspdi', 'tjp', 'csv']) {
      const out = path.join(dir, `plans.${format}`);
      const result = spawnCli(['export', 'examples', '--format', format, '--out', out], repoRoot);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`wrote .* \\(${format}: 3 programs, 17 projects, 26 milestones\\)`));
    }
    const imported = spawnCli(['import', path.join(dir, 'plans.mspdi'), '--out', path.join(dir, 'back')], repoRoot);
    assert.equal(imported.code, 0, imported.stderr);
    const rollup = (where: string) => JSON.parse(spawnCli(['rollup', where, '--format', 'json', '--status-date', '2026-09-30'], repoRoot).stdout);
    const projects = (json: { projects: Array<{ id: string; start: string; end: string; program: string; state: string; figures: { bac: number; ac: number; progress: number } }> }) =>
      json.projects.map((p) => [p.id, p.program, p.start, p.end, p.state, p.figures.bac, p.figures.ac, p.figures.progress].join(' ')).sort();
    assert.deepEqual(projects(rollup(path.join(dir, 'back'))), projects(rollup('examples')));
    assert.equal(spawnCli(['export', 'examples'], repoRoot).code, 2);
  });

  it('export takes the format from the file name without --format (.tjp, .csv, else MS Project XML)', () => {
    const dir = tempDir();
    fs.cpSync(path.join(repoRoot, 'examples'), dir, { recursive: true });
    for (const [file, start] of [['plans.tjp', /^project /m], ['plans.csv', /^id,name,program,/], ['plans.xml', /^<\?xml[^>]*>\s*<Project xmlns="http:\/\/schemas\.microsoft\.com\/project"/]] as const) {
      const result = spawnCli(['export', '.', '--out', file], dir);
      assert.equal(result.code, 0, result.stderr);
      assert.match(fs.readFileSync(path.join(dir, file), 'utf8'), start, file);
    }
  });

  it('export of plans with errors still writes, and says how many errors as rollup does (export finds errors without the warnings)', () => {
    const dir = tempDir();
    for (const defect of ['unknown-reference', 'date-conflict', 'clean']) {
      const plans = path.join('test', 'fixtures', 'defects', defect);
      const result = spawnCli(['export', plans, '--format', 'csv', '--out', path.join(dir, `${defect}.csv`)], repoRoot);
      assert.equal(result.code, 0, result.stderr);
      const note = (text: string) => text.split('\n').filter((line) => line.includes('figures may be incomplete'));
      assert.deepEqual(note(result.stderr), note(spawnCli(['rollup', plans], repoRoot).stderr), defect);
      assert.equal(note(result.stderr).length, defect === 'clean' ? 0 : 1, defect);
    }
  });

  describe('update', () => {
    const plan = 'version: 1\nproject:\n  id: a\n  name: A\n  start: 2026-01-05\n  duration: 30d\n  budget: 1000   # approved\n  progress: 10\n  milestones:\n    - { id: m1, name: M1, date: 2026-01-30 }\n';

    it('--dry-run prints each change and the diff, and writes nothing', () => {
      const dir = tempDir();
      write(dir, { 'a.plan.yaml': plan, 'act.csv': 'id,progress,spent\na,40,250\n' });
      const result = spawnCli(['update', '.', '--from', 'act.csv', '--dry-run', '--status-date', '2026-01-20'], dir);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /a {2}progress {4}10 → 40 {3}a\.plan\.yaml\n {2}a {2}spent {7}\(none\) → 250/);
      assert.match(result.stdout, /before the update → after the update/);
      assert.match(result.stdout, /Progress 10% → 40%/);
      assert.match(result.stdout, /--dry-run: nothing written/);
      assert.equal(fs.readFileSync(path.join(dir, 'a.plan.yaml'), 'utf8'), plan);
    });

    it('keeps a byte order mark and CRLF line ends byte for byte', () => {
      const dir = tempDir();
      const crlf = `\uFEFF${plan.replace(/\n/g, '\r\n')}`;
      write(dir, { 'a.plan.yaml': crlf, 'act.csv': 'id,progress,spent\na,40,250\n' });
      const result = spawnCli(['update', '.', '--from', 'act.csv'], dir);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'a.plan.yaml'), 'utf8'), crlf.replace('progress: 10\r\n', 'progress: 40\r\n  spent: 250\r\n'));
    });

    it('says which columns it does not read', () => {
      const dir = tempDir();
      write(dir, { 'a.plan.yaml': plan, 'act.csv': 'id,progress,Budget,Owner\na,40,900,ann\n' });
      const result = spawnCli(['update', '.', '--from', 'act.csv'], dir);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, /^plan-as-code: act\.csv: 2 columns not read \(update reads progress, spent and state\): "Budget", "Owner"$/m);
      assert.equal(fs.readFileSync(path.join(dir, 'a.plan.yaml'), 'utf8'), plan.replace('progress: 10\n', 'progress: 40\n'));
    });

    it('writes only the values', () => {
      const dir = tempDir();
      write(dir, { 'a.plan.yaml': plan, 'act.csv': 'id,progress,spent\na,40,250\n' });
      const result = spawnCli(['update', '.', '--from', 'act.csv'], dir);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'a.plan.yaml'), 'utf8'), plan.replace('progress: 10\n', 'progress: 40\n  spent: 250\n'));
    });

    it('an unknown id, an id that is not a project, a second row for an id or a bad value: exit 2 naming the row, nothing written', () => {
      for (const [csvText, message] of [
        ['id,progress\na,40\nb,50\n', /^plan-as-code: act\.csv:3 \(b\): no project has the id b$/m],
        ['id,progress\na,four\n', /^plan-as-code: act\.csv:2 \(a\): progress "four" is not a percent/m],
        ['id,state\na,finished\n', /^plan-as-code: act\.csv:2 \(a\): state "finished" is not a state/m],
        ['id,spent\na,1' + '0'.repeat(400) + '\n', /^plan-as-code: act\.csv:2 \(a\): spent "10+" is not an amount/m],
        ['id,progress\na,40\na,50\n', /^plan-as-code: act\.csv:3 \(a\): a second row for a \(the first is on line 2\)$/m],
        ['id,progress\nm1,40\n', /^plan-as-code: act\.csv:2 \(m1\): no project has the id m1 \(it is a milestone\)$/m],
      ] as const) {
        const dir = tempDir();
        write(dir, { 'a.plan.yaml': plan, 'act.csv': csvText });
        const result = spawnCli(['update', '.', '--from', 'act.csv'], dir);
        assert.equal(result.code, 2, result.stdout + result.stderr);
        assert.match(result.stderr, message);
        assert.equal(fs.readFileSync(path.join(dir, 'a.plan.yaml'), 'utf8'), plan);
      }
    });

    it('all or nothing: a later file that cannot be written leaves the earlier ones as they were', () => {
      // The file size limit (ulimit -f) stops a write with EFBIG even for root, where a read-only file would not.
      if (process.platform === 'win32') return;
      const dir = tempDir();
      const big = plan.replace('id: a', 'id: b') + `# ${'x'.repeat(300_000)}\n`;
      write(dir, { 'a.plan.yaml': plan, 'b.plan.yaml': big, 'act.csv': 'id,progress\na,40\nb,50\n' });
      const result = spawnSync('/bin/sh', ['-c', 'ulimit -f 100 && exec "$@"', 'sh', process.execPath, cliPath, 'update', '.', '--from', 'act.csv'], { cwd: dir, encoding: 'utf8', timeout: 20000 });
      assert.equal(fs.readFileSync(path.join(dir, 'a.plan.yaml'), 'utf8'), plan);
      assert.equal(fs.readFileSync(path.join(dir, 'b.plan.yaml'), 'utf8'), big);
      assert.equal(result.status, 2, result.stdout + result.stderr);
      assert.match(result.stderr, /^plan-as-code: b\.plan\.yaml: cannot write this file \(EFBIG\); nothing written$/m);
      assert.deepEqual(listing(dir), ['a.plan.yaml', 'act.csv', 'b.plan.yaml']);
    });

    it('all or nothing: a later read-only file leaves the earlier ones as they were', function () {
      if (process.getuid?.() === 0) this.skip(); // root writes a read-only file: the size limit test above covers root
      const dir = tempDir();
      write(dir, { 'a.plan.yaml': plan, 'b.plan.yaml': plan.replace('id: a', 'id: b'), 'act.csv': 'id,progress\na,40\nb,50\n' });
      fs.chmodSync(path.join(dir, 'b.plan.yaml'), 0o444);
      const result = spawnCli(['update', '.', '--from', 'act.csv'], dir);
      assert.equal(fs.readFileSync(path.join(dir, 'a.plan.yaml'), 'utf8'), plan);
      assert.equal(result.code, 2, result.stdout + result.stderr);
      assert.match(result.stderr, /^plan-as-code: b\.plan\.yaml: cannot write this file \(EACCES\); nothing written$/m);
      assert.deepEqual(listing(dir), ['a.plan.yaml', 'act.csv', 'b.plan.yaml']);
    });

    it('a plan file that is a link stays a link to the file it names, which keeps its mode', function () {
      if (process.platform === 'win32') this.skip(); // links need privileges there
      const dir = tempDir();
      write(dir, { 'shared/a.yaml': plan, 'act.csv': 'id,progress\na,40\n' });
      fs.chmodSync(path.join(dir, 'shared/a.yaml'), 0o640);
      fs.symlinkSync(path.join('shared', 'a.yaml'), path.join(dir, 'a.plan.yaml'));
      const result = spawnCli(['update', 'a.plan.yaml', '--from', 'act.csv'], dir);
      assert.equal(result.code, 0, result.stderr);
      assert.ok(fs.lstatSync(path.join(dir, 'a.plan.yaml')).isSymbolicLink());
      assert.equal(fs.readFileSync(path.join(dir, 'shared/a.yaml'), 'utf8'), plan.replace('progress: 10\n', 'progress: 40\n'));
      assert.equal(fs.statSync(path.join(dir, 'shared/a.yaml')).mode & 0o777, 0o640);
      assert.deepEqual(listing(dir), ['a.plan.yaml', 'act.csv', 'shared', 'shared/a.yaml']);
    });

    it('the example actuals apply cleanly to the examples', () => {
      const dir = tempDir();
      fs.cpSync(path.join(repoRoot, 'examples'), dir, { recursive: true });
      const result = spawnCli(['update', '.', '--from', 'actuals.csv'], dir);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /k8s-migration {3}progress {4}90 → 95/);
      assert.equal(spawnCli(['check', '.'], dir).code, 0);
    });
  });

  describe('TaskJuggler (real tj3)', () => {
    /** Exports the plans under `dir` as tjp, has tj3 schedule it, and compares each project's start and end with our rollup. */
    function sameDatesInTj3(dir: string): number {
      const tjp = spawnCli(['export', '.', '--format', 'tjp', '--out', 'plans.tjp'], dir);
      assert.equal(tjp.code, 0, tjp.stderr);
      write(dir, { 'dates.tji': 'taskreport "tj-dates" {\n  formats csv\n  columns PlanId, start, end\n  timeformat "%Y-%m-%d %H:%M"\n}\n' });
      tj3(dir, ['plans.tjp', 'dates.tji']);
      const rows = new Map(tjCsv(fs.readFileSync(path.join(dir, 'tj-dates.csv'), 'utf8')).map((r) => [r[0], r]));
      const rollup = JSON.parse(spawnCli(['rollup', '.', '--format', 'json'], dir).stdout) as { projects: Array<{ id: string; start: string; end: string }> };
      for (const project of rollup.projects) {
        const row = rows.get(project.id);
        assert.ok(row, `${project.id} is not in tj3's report`);
        // tj3's end is exclusive (00:00 of the day after the last day).
        assert.deepEqual([row[1].slice(0, 10), dayBefore(row[2])], [project.start, project.end], `${project.id} in tj3`);
      }
      return rollup.projects.length;
    }

    it('(a) our tjp export of the examples: tj3 schedules every project to our start and end', () => {
      const dir = tempDir();
      fs.cpSync(path.join(repoRoot, 'examples'), dir, { recursive: true });
      assert.equal(sameDatesInTj3(dir), 17);
    });

    it('(a) … and of generated workspaces', () => {
      let compared = 0;
      for (const workspace of fc.sample(randomWorkspace, { seed: 7, numRuns: 12 })) {
        const dir = tempDir();
        write(dir, Object.fromEntries(toFiles(workspace).files.map((f) => [f.path, f.text])));
        if (spawnCli(['check', '.'], dir).code !== 0) continue;
        compared += sameDatesInTj3(dir);
      }
      assert.ok(compared >= 10, `only ${compared} projects compared`);
    });

    it('(a) … with names tj3 would read as a macro, an environment variable or an escaped quote: scheduled, named as written', () => {
      const dir = tempDir();
      const names = ['Prog ${x} and ${ y }', 'Home is $(HOME)', 'Ends with \\', 'Say "hi" to a\\"b', 'Plain $ {x} and $5'];
      write(dir, {
        'p.plan.yaml': [
          'program:', '  id: prog', `  name: '${names[0]}'`, '  projects:',
          ...names.slice(1).map((name, i) => `    - { id: p${i}, name: '${name.replace(/'/g, "''")}', start: 2026-01-0${i + 5}, duration: 3d }`),
        ].join('\n'),
      });
      assert.equal(spawnCli(['check', '.'], dir).code, 0);
      const tjp = spawnCli(['export', '.', '--format', 'tjp', '--out', 'plans.tjp'], dir);
      assert.equal(tjp.code, 0, tjp.stderr);
      write(dir, { 'names.tji': 'taskreport "tj-names" {\n  formats csv\n  columns PlanId, name\n}\n' });
      tj3(dir, ['plans.tjp', 'names.tji']);
      const read = new Map(tjCsv(fs.readFileSync(path.join(dir, 'tj-names.csv'), 'utf8')).map((r) => [r[0], r[1].replace(/\u200b/g, '')]));
      assert.deepEqual(['prog', 'p0', 'p1', 'p2', 'p3'].map((id) => read.get(id)), names);
    });

    it('(a) … with a title that would end the header comment and include a file: one comment line, scheduled', () => {
      const dir = tempDir();
      write(dir, { 'p.plan.yaml': ['program:', '  id: prog', '  name: "x */\\ninclude \\"missing.tji\\"\\n/* y"', '  projects:', '    - { id: p0, name: P, start: 2026-01-05, duration: 3d }'].join('\n') });
      assert.equal(spawnCli(['check', '.'], dir).code, 0);
      assert.equal(spawnCli(['export', '.', '--format', 'tjp', '--out', 'plans.tjp'], dir).code, 0);
      const first = fs.readFileSync(path.join(dir, 'plans.tjp'), 'utf8').split('\n')[0];
      assert.equal(first, '/* x * / include "missing.tji" /* y: written by plan-as-code export --format tjp. Calendar days; each task\'s PlanId is its plan id. */');
      tj3(dir, ['plans.tjp']);
    });

    it('(b) an MSPDI file written by tj3 imports to its dates, links and resources', () => {
      const dir = tempDir();
      fs.copyFileSync(path.join(fixtures, 'network.tjp'), path.join(dir, 'network.tjp'));
      tj3(dir, ['network.tjp']);
      const tjDates = new Map(tjCsv(fs.readFileSync(path.join(dir, 'network-dates.csv'), 'utf8')).map((r) => [r[0], r]));
      const result = spawnCli(['import', 'network.xml', '--out', 'plans'], dir);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(spawnCli(['check', 'plans'], dir).code, 0);
      const rollup = JSON.parse(spawnCli(['rollup', 'plans', '--format', 'json'], dir).stdout) as {
        projects: Array<{ id: string; start: string; end: string }>;
        milestones: Array<{ id: string; date: string }>;
      };
      for (const id of ['design', 'build', 'docs']) {
        const project = rollup.projects.find((p) => p.id === id)!;
        assert.deepEqual([project.start, project.end], [tjDates.get(id)![1].slice(0, 10), dayBefore(tjDates.get(id)![2])], id);
      }
      assert.equal(rollup.milestones.find((m) => m.id === 'launch')!.date, tjDates.get('launch')![1].slice(0, 10));
      const text = fs.readFileSync(path.join(dir, 'plans', 'network.plan.yaml'), 'utf8');
      assert.match(text, /- id: build\n(.*\n)*? {6}depends_on: \[design\]/);
      assert.match(text, /- id: launch\n(.*\n)*? {6}depends_on: \[build, docs\]/);
      assert.match(text, /\{ id: ana-lima, name: Ana Lima \}/);
      assert.match(text, /- id: design\n(.*\n)*? {8}- \{ person: ana-lima, allocation: 100 \}/);
    });
  });
});
