/**
 * SPEC 7 (Command line): what `plan-as-code check | rollup | render` must do, written once and run
 * twice — in-process through `main()` (test/unit/cli.test.ts) and as a real process, `node dist/cli.js`
 * (test/cli/cli.test.ts) — from a temporary folder of fixture files.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliResult } from '../utils/plans';

/** Runs the command line with these arguments in the folder `cwd`. */
export type Runner = (args: readonly string[], cwd: string) => Promise<CliResult>;

/** A compiler-style diagnostic line: `file:line:col: severity code: message`. */
export const diagnosticLine = /^[^:]+:\d+:\d+: (error|warning) [a-z-]+: .+$/;

const fixtures: Record<string, string> = {
  // One warning (overspent: AC 150 > BAC 100), no error.
  'warn/sub/warn.plan.yaml': [
    'program:',
    '  id: w',
    '  name: W',
    '  projects:',
    '    - id: w1',
    '      name: W1',
    '      start: 2026-01-01',
    '      end: 2026-01-10',
    '      budget: 100',
    '      spent: 150',
    '      progress: 50',
    '',
  ].join('\n'),
  // One error: depends_on names nothing (unknown-reference), on line 9.
  'bad/bad.plan.yaml': [
    'program:',
    '  id: b',
    '  name: B',
    '  projects:',
    '    - id: b1',
    '      name: B1',
    '      start: 2026-01-01',
    '      duration: 10d',
    '      depends_on: [nope]',
    '',
  ].join('\n'),
  // Bob over capacity (60 + 50): the warning on b's entry (b starts last), a's entry its related location.
  'team-over/t.plan.yaml': [
    'people:',
    '  - id: bob',
    'program:',
    '  id: g',
    '  name: G',
    '  projects:',
    '    - { id: a, name: A, start: 2026-01-01, duration: 20d, team: [{ person: bob, allocation: 60 }] }',
    '    - { id: b, name: B, start: 2026-01-05, duration: 5d, team: [{ person: bob, allocation: 50 }] }',
    '',
  ].join('\n'),
  // A file name with characters a URI gives other meanings to (# starts a fragment, ? a query, % an escape).
  'odd names/a#1?%.plan.yaml': ['project:', '  id: odd', '  name: Odd', '  start: 2026-01-01', '  end: 2026-01-10', '  budget: 100', '  spent: 150', '  progress: 50', ''].join('\n'),
  // Never read: folders named node_modules and .git are skipped (a broken plan in each would fail `check warn`).
  'warn/node_modules/dep/skip.plan.yaml': 'project: [unclosed\n',
  'warn/.git/skip.plan.yaml': 'project: [unclosed\n',
  'empty/readme.txt': 'No plans here.\n',
  'empty/notes.plan.txt': 'Not a plan file either.\n',
  // A portfolio with an inline program and a referencing one, and a project outside any program.
  'rollup/portfolio.plan.yaml': [
    'portfolio:',
    '  id: pf',
    '  name: PF',
    '  programs:',
    '    - id: p1',
    '      name: P1',
    '      status_date: 2026-01-05',
    '      projects:',
    '        - { id: a1, name: A1, start: 2026-01-01, end: 2026-01-10, budget: 100, spent: 50, progress: 50 }',
    '',
  ].join('\n'),
  'rollup/p2.plan.yaml': [
    'program:',
    '  id: p2',
    '  name: "P2, with a comma"',
    '  portfolio: pf',
    '  projects:',
    '    - { id: b1, name: B1, start: 2026-01-01, end: 2026-01-10, budget: 1000 }',
    '',
  ].join('\n'),
  'rollup/solo.plan.yml': ['project:', '  id: solo', '  name: Solo', '  start: 2026-01-01', '  duration: 1w', ''].join('\n'),
  // The team's settings one folder above the plan: CPI 90 / 100 = 0.9 is amber by default, red below 0.91.
  'team/.plan-as-code.yaml': ['version: 1', 'health:', '  redBelow: 0.91', '  amberBelow: 0.95', 'defaultCurrency: EUR', ''].join('\n'),
  'team/plans/t.plan.yaml': [
    'program:',
    '  id: t',
    '  name: T',
    '  status_date: 2026-01-09',
    '  projects:',
    '    - { id: t1, name: T1, start: 2026-01-01, end: 2026-01-10, budget: 100, spent: 100, progress: 90 }',
    '',
  ].join('\n'),
  'team-bad/.plan-as-code.yaml': ['health:', '  redBelow: ninety', ''].join('\n'),
  'configs/lenient.yaml': ['health:', '  redBelow: 0.85', '  amberBelow: 0.9', ''].join('\n'),
  'team-bad/b.plan.yaml': ['project:', '  id: b', '  name: B', '  start: 2026-01-01', '  duration: 1w', ''].join('\n'),
};

const figureKeys = [
  'bac', 'pv', 'ev', 'ac', 'cv', 'sv', 'cpi', 'spi', 'eac', 'etc', 'vac', 'progress', 'forecastEnd', 'benefits',
  'roiPlanned', 'roiForecast', 'health', 'declaredHealth', 'risks', 'issues', 'es', 'at', 'spiT', 'svT', 'ieacT',
  // v3: the slip of SPEC 5.
  'slip',
].sort();
const entryKeys = ['id', 'name', 'start', 'end', 'figures'];
interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  relatedLocations?: Array<{ id: number; message: { text: string }; physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }>;
}
const keys = (value: unknown): string[] => Object.keys(value as object).sort();

/** Splits one CSV record (no line breaks inside fields). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

function assertUsageError(result: CliResult, pattern?: RegExp): void {
  assert.equal(result.code, 2, `exit code 2, got ${result.code}: ${result.stderr}`);
  const lines = result.stderr.replace(/\n$/, '').split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${result.stderr}`);
  assert.ok(lines[0].trim().length > 0, 'the line says something');
  assert.ok(!/\bat .+:\d+:\d+\)?$|Error:|internal error/m.test(result.stderr), `no stack trace: ${result.stderr}`);
  if (pattern) assert.match(lines[0], pattern);
}

/**
 * A temporary folder holding the fixtures, made before the tests of the describe block it is called in and
 * removed after them; returns a getter for its path.
 */
export function useFixtureFolder(): () => string {
  let root = '';
  before(function () {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-as-code-cli-'));
    for (const [name, text] of Object.entries(fixtures)) {
      fs.mkdirSync(path.join(root, path.dirname(name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    // A plan file that points nowhere: stat fails, as for a file that cannot be read.
    fs.symlinkSync(path.join(root, 'gone.plan.yaml'), path.join(root, 'dangling.plan.yaml'));
  });
  after(function () {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });
  return () => root;
}

/** The SPEC 7 tests of check, bad usage, render and rollup, run through `runIn` in the fixture folder. */
export function describeCommandLine(label: string, runIn: Runner): void {
  describe(label, () => {
    const root = useFixtureFolder();
    const run = (args: readonly string[]) => runIn(args, root());

    describe('check', () => {
      it('exits 0 with warnings only; text lines are file:line:col: severity code: message, uncoloured', async () => {
        const result = await run(['check', 'warn', '--status-date', '2026-01-05']);
        assert.equal(result.code, 0, result.stderr);
        const lines = result.stdout.split('\n').filter((line) => line !== '');
        assert.ok(lines.length >= 1, 'at least one warning is printed');
        for (const line of lines) assert.match(line, diagnosticLine);
        assert.ok(lines.every((line) => / warning /.test(line)), result.stdout);
        assert.ok(lines.some((line) => line.startsWith('warn/sub/warn.plan.yaml:') && line.includes(' warning overspent: ')), result.stdout);
        assert.ok(!result.stdout.includes('\x1b') && !result.stderr.includes('\x1b'), 'no ANSI colour when not a TTY');
        // Each stream ends its last line: the summary (stderr) never runs on from the last problem (stdout).
        assert.ok(result.stdout.endsWith('\n'), JSON.stringify(result.stdout.slice(-40)));
        assert.match(result.stderr, /^1 plan file checked: 0 errors, 1 warning\n$/);
      });

      it('exits 1 when a plan has an error', async () => {
        const result = await run(['check', 'bad']);
        assert.equal(result.code, 1, result.stderr);
        const lines = result.stdout.split('\n').filter((line) => line !== '');
        for (const line of lines) assert.match(line, diagnosticLine);
        // 'nope' is on line 9 at column 20 (1-based): "      depends_on: [" is 19 characters.
        assert.ok(lines.some((line) => line.startsWith('bad/bad.plan.yaml:9:20: error unknown-reference: ')), result.stdout);
        assert.ok(!result.stdout.includes('\x1b'), 'no ANSI colour when not a TTY');
      });

      it('writes no control character of a plan into the terminal: a message is one line of text', async () => {
        // A manager's name with the escapes that set a terminal's title, clear it and ring its bell.
        const own = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-ctl-'));
        fs.mkdirSync(path.join(own, 'ctl'));
        fs.writeFileSync(path.join(own, 'ctl', 'ctl.plan.yaml'), ['people:', '  - id: bob', 'project:', '  id: c', '  name: C', '  manager: "\\e]0;pwned\\a\\e[2J\\u009b1m x"', '  start: 2026-01-05', '  duration: 1w', ''].join('\n'));
        const result = await runIn(['check', 'ctl'], own).finally(() => fs.rmSync(own, { recursive: true, force: true }));
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^ctl\/ctl\.plan\.yaml:6:12: warning unknown-person: .*\ufffd\]0;pwned\ufffd\ufffd\[2J\ufffd1m x/m);
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(result.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      });

      it('skips node_modules and .git', async () => {
        const result = await run(['check', 'warn', '--format', 'json']);
        assert.equal(result.code, 0, result.stderr);
        assert.deepEqual(JSON.parse(result.stdout).diagnostics.map((d: { file: string }) => d.file), ['warn/sub/warn.plan.yaml']);
      });

      it('rollup exits 0 when the plans have errors (it says so on stderr)', async () => {
        const result = await run(['rollup', 'bad', '--format', 'json']);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stderr, /error/);
        assert.ok(JSON.parse(result.stdout).projects.some((p: { id: string }) => p.id === 'b1'));
      });

      it('reads each file once when paths overlap (a file and its folder, a folder and its subfolder, a folder twice)', async () => {
        for (const paths of [['warn/sub/warn.plan.yaml', 'warn'], ['warn', 'warn/sub'], ['warn', 'warn']]) {
          const result = await run(['check', ...paths, '--format', 'json']);
          assert.equal(result.code, 0, `${paths.join(' ')}: ${result.stderr}`);
          assert.equal(JSON.parse(result.stdout).files, 1, paths.join(' '));
        }
      });

      it('reads a file once when a link reaches it again (a link to its folder, a link to the file), under the first path given', async () => {
        const own = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-link-'));
        try {
          fs.mkdirSync(path.join(own, 'plans'));
          fs.writeFileSync(path.join(own, 'plans', 'a.plan.yaml'), 'project:\n  id: a\n  name: A\n  start: 2026-01-05\n  duration: 1w\n  budget: 10\n  spent: 20\n');
          fs.symlinkSync('plans', path.join(own, 'linked'));
          fs.symlinkSync('a.plan.yaml', path.join(own, 'plans', 'alias.plan.yaml'));
          for (const [paths, shown] of [
            [['plans', 'linked'], 'plans/a.plan.yaml'],
            [['linked', 'plans'], 'linked/a.plan.yaml'],
            [['plans/a.plan.yaml', 'plans/alias.plan.yaml'], 'plans/a.plan.yaml'],
            [['linked/a.plan.yaml', 'plans'], 'linked/a.plan.yaml'],
          ] as const) {
            const result = await runIn(['check', ...paths, '--format', 'json'], own);
            assert.equal(result.code, 0, `${paths.join(' ')}: ${result.stdout}${result.stderr}`);
            const json = JSON.parse(result.stdout);
            assert.equal(json.files, 1, paths.join(' '));
            // Its one warning (overspent), under the path that reached it first.
            assert.deepEqual(json.diagnostics.map((d: { file: string; code: string }) => [d.file, d.code]), [[shown, 'overspent']], paths.join(' '));
          }
        } finally {
          fs.rmSync(own, { recursive: true, force: true });
        }
      });

      it('checks the current folder by default (exit 1: it holds the bad plan)', async () => {
        const result = await run(['check', '--format', 'json']);
        assert.equal(result.code, 1, result.stderr);
        // warn (1) + bad (1) + rollup (3; .yml counts, .plan.txt does not) + team (1) + team-bad (1) + team-over (1) + odd names (1) = 9
        assert.equal(JSON.parse(result.stdout).files, 9);
      });

      it('--format json has exactly the SPEC 7 shape, paths relative to the cwd with / separators', async () => {
        const result = await run(['check', './bad', path.join(root(), 'warn'), '--format', 'json', '--status-date', '2026-01-05']);
        assert.equal(result.code, 1, result.stderr);
        const json = JSON.parse(result.stdout);
        assert.deepEqual(keys(json), ['diagnostics', 'files', 'version']);
        assert.equal(json.version, 1);
        assert.equal(json.files, 2);
        assert.ok(Array.isArray(json.diagnostics) && json.diagnostics.length >= 2);
        for (const d of json.diagnostics) {
          assert.deepEqual(keys(d), ['code', 'file', 'message', 'range', 'severity']);
          assert.deepEqual(keys(d.range), ['end', 'start']);
          for (const end of [d.range.start, d.range.end]) {
            assert.deepEqual(keys(end), ['column', 'line']);
            assert.ok(Number.isInteger(end.line) && end.line >= 1, `1-based line: ${end.line}`);
            assert.ok(Number.isInteger(end.column) && end.column >= 1, `1-based column: ${end.column}`);
          }
          assert.ok(['error', 'warning', 'information'].includes(d.severity), d.severity);
          assert.match(d.code, /^[a-z-]+$/);
          assert.equal(typeof d.message, 'string');
          assert.ok(!d.file.includes('\\') && !path.isAbsolute(d.file), d.file);
        }
        assert.deepEqual([...new Set(json.diagnostics.map((d: { file: string }) => d.file))].sort(), ['bad/bad.plan.yaml', 'warn/sub/warn.plan.yaml']);
        const unknown = json.diagnostics.find((d: { code: string }) => d.code === 'unknown-reference');
        assert.ok(unknown, 'the unknown reference is reported');
        assert.equal(unknown.file, 'bad/bad.plan.yaml');
        assert.equal(unknown.severity, 'error');
        // The offending value 'nope': line 9, columns 20..24 (the end is just after the value; engine choice).
        assert.deepEqual(unknown.range, { start: { line: 9, column: 20 }, end: { line: 9, column: 24 } });
        assert.ok(unknown.message.includes('nope'), unknown.message);
      });

      it('--format sarif is SARIF 2.1.0 with 1-based regions', async () => {
        const json = JSON.parse((await run(['check', 'bad', 'warn', '--format', 'json', '--status-date', '2026-01-05'])).stdout);
        const result = await run(['check', 'bad', 'warn', '--format', 'sarif', '--status-date', '2026-01-05']);
        assert.equal(result.code, 1, result.stderr);
        const sarif = JSON.parse(result.stdout);
        assert.equal(sarif.version, '2.1.0');
        assert.equal(sarif.runs.length, 1);
        assert.equal(typeof sarif.runs[0].tool.driver.name, 'string');
        assert.ok(sarif.runs[0].tool.driver.name.length > 0);
        const results = sarif.runs[0].results;
        assert.equal(results.length, json.diagnostics.length);
        const level = { error: 'error', warning: 'warning', information: 'note' } as Record<string, string>;
        results.forEach((r: SarifResult, i: number) => {
          const d = json.diagnostics[i];
          assert.equal(r.ruleId, d.code);
          assert.equal(r.level, level[d.severity]);
          assert.equal(typeof r.message.text, 'string');
          const location = r.locations[0].physicalLocation;
          assert.equal(location.artifactLocation.uri, d.file);
          assert.deepEqual(
            { startLine: location.region.startLine, startColumn: location.region.startColumn, endLine: location.region.endLine, endColumn: location.region.endColumn },
            { startLine: d.range.start.line, startColumn: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column },
          );
          assert.ok(location.region.startLine >= 1 && location.region.startColumn >= 1);
        });
        const unknown = (results as SarifResult[]).find((r) => r.ruleId === 'unknown-reference');
        assert.ok(unknown);
        assert.equal(unknown.level, 'error');
        assert.deepEqual([unknown.locations[0].physicalLocation.region.startLine, unknown.locations[0].physicalLocation.region.startColumn], [9, 20]);
      });

      it('--format sarif escapes a file name as a URI reference: #, ?, % and spaces do not change which file it names', async () => {
        const result = await run(['check', 'odd names', '--format', 'sarif', '--status-date', '2026-01-05']);
        assert.equal(result.code, 0, result.stderr);
        const uris = JSON.parse(result.stdout).runs[0].results.map((r: SarifResult) => r.locations[0].physicalLocation.artifactLocation.uri);
        assert.deepEqual(uris, ['odd%20names/a%231%3F%25.plan.yaml']);
        assert.equal(decodeURIComponent(new URL(uris[0], 'file:///w/').pathname.split('/').pop()!), 'a#1?%.plan.yaml');
      });

      it("--format sarif gives a warning's related places as relatedLocations (overallocated: the person's other entries)", async () => {
        const result = await run(['check', 'team-over', '--format', 'sarif', '--status-date', '2026-01-05']);
        assert.equal(result.code, 0, result.stderr);
        const [over] = (JSON.parse(result.stdout).runs[0].results as SarifResult[]).filter((r) => r.ruleId === 'overallocated');
        assert.equal(over.locations[0].physicalLocation.region.startLine, 8);
        assert.deepEqual(
          over.relatedLocations!.map((r) => [r.id, r.physicalLocation.artifactLocation.uri, r.physicalLocation.region.startLine, r.physicalLocation.region.startColumn, r.message.text]),
          [[0, 'team-over/t.plan.yaml', 7, 76, "'a' 60%, 2026-01-01 – 2026-01-20"]],
        );
      });
    });

    describe('bad usage: exit 2 with one line on stderr', () => {
      const cases: Array<[string, string[], RegExp?]> = [
        ['an unknown command', ['frobnicate'], /frobnicate/],
        ['a bad --format for check', ['check', 'warn', '--format', 'xml'], /xml/],
        ['a bad --format for rollup', ['rollup', 'warn', '--format', 'sarif'], /sarif/],
        ['an impossible --status-date', ['check', 'warn', '--status-date', '2026-02-30'], /2026-02-30/],
        ['a --status-date that is not a date', ['check', 'warn', '--status-date', 'tomorrow'], /tomorrow/],
        ['a missing path', ['check', 'no-such-folder'], /no-such-folder/],
        ['a folder with no plan files', ['check', 'empty'], /empty/],
        ['an unknown flag', ['check', 'warn', '--bogus'], /bogus/],
        ['an unknown flag of rollup', ['rollup', 'warn', '--verbose'], /verbose/],
        ['a plan file that cannot be read (a dangling link)', ['check', 'dangling.plan.yaml'], /dangling\.plan\.yaml/],
        ['a --max-file-size that is not a size', ['check', 'warn', '--max-file-size', 'big'], /max-file-size/],
        ['--out given to check', ['check', 'warn', '--out', 'x.html'], /--out/],
        [
          'a negative number after a space: how to write it and what the option takes',
          ['rollup', 'warn', '--red-below', '-1'],
          /^plan-as-code: --red-below -1: a value that starts with '-' is read as an option; write --red-below=-1 \(--red-below takes a number from 0 to 2, like 0\.9\)$/,
        ],
        ['… for an option of one command', ['trend', '--max', '-3'], /: --max -3: .*; write --max=-3 \(--max takes a number of commits, a whole number 1 or more\)$/],
        ['… given by its short name', ['rollup', 'warn', '-f', '-1'], /: -f -1: .*; write --format=-1 \(--format takes json, md, csv\)$/],
        ['a value forgotten before the next option', ['check', 'warn', '--status-date', '--format', 'json'], /^plan-as-code: --status-date needs a value \(a date, YYYY-MM-DD\)$/],
      ];
      for (const [what, args, pattern] of cases) {
        it(what, async () => {
          const result = await run(args);
          assertUsageError(result, pattern);
          assert.equal(result.stdout, '');
        });
      }

      it('render without --out', async () => {
        const result = await run(['render', 'rollup']);
        assertUsageError(result, /--out/);
      });

      it('render to a file that cannot be written', async () => {
        const result = await run(['render', 'rollup', '--out', path.join('no-such-folder', 'roadmap.html')]);
        assertUsageError(result, /no-such-folder.*cannot write/);
      });

      it('an --out named like a plan file, which no command writes: refused, the plan untouched', async () => {
        const plan = path.join(root(), 'warn', 'sub', 'warn.plan.yaml');
        const before = fs.readFileSync(plan, 'utf8');
        for (const args of [['render', 'warn', '--format', 'svg'], ['report', 'warn'], ['export', 'warn']]) {
          assertUsageError(await run([...args, '--out', path.join('warn', 'sub', 'warn.plan.yaml')]), /--out warn\/sub\/warn\.plan\.yaml: the name of a plan file \(\*\.plan\.yaml\); write to another file/);
        }
        assert.equal(fs.readFileSync(plan, 'utf8'), before);
      });

      it('report without --out', async () => {
        assertUsageError(await run(['report', 'rollup']), /report needs --out/);
      });

      it('report to a file that cannot be written', async () => {
        assertUsageError(await run(['report', 'rollup', '--out', path.join('no-such-folder', 'report.html')]), /no-such-folder.*cannot write/);
      });

      it('an unknown flag of report', async () => {
        assertUsageError(await run(['report', 'rollup', '--out', 'r.html', '--pdf']), /report has no option --pdf/);
      });

      it('a bad --format for render', async () => {
        const result = await run(['render', 'rollup', '--format', 'png', '--out', 'x.png']);
        assertUsageError(result, /png/);
        assert.ok(!fs.existsSync(path.join(root(), 'x.png')));
      });
    });

    describe('render', () => {
      const projectIds = ['a1', 'b1', 'solo'];

      it('--format html (the default) writes one self-contained file and exits 0', async () => {
        const out = `roadmap-${label.replace(/\W+/g, '-')}.html`;
        const result = await run(['render', 'rollup', '--out', out]);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, /wrote .*\(html, 3 projects\)/);
        const html = fs.readFileSync(path.join(root(), out), 'utf8');
        assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-/);
        assert.ok(!/\s(src|href)=/i.test(html), 'no external resource');
        const outline = /<script type="application\/json" id="roadmap-outline">([^<]*)<\/script>/.exec(html);
        assert.ok(outline, 'the outline is embedded');
        assert.deepEqual([...JSON.parse(outline[1]).bars.id].sort(), projectIds);
        assert.match(html, /<\/script>\n<script type="application\/gzip" id="roadmap-details">[A-Za-z0-9+/]+={0,2}<\/script>\n<script>/, 'the details after the outline, before the script');
      });

      it('--format svg has every project as an element with data-id', async () => {
        const result = await run(['render', 'rollup', '--format', 'svg', '--out', 'roadmap.svg']);
        assert.equal(result.code, 0, result.stderr);
        const svg = fs.readFileSync(path.join(root(), 'roadmap.svg'), 'utf8');
        assert.deepEqual([...svg.matchAll(/ data-id="([^"]+)"/g)].map((m) => m[1]).sort(), projectIds);
      });

      it('--format mermaid to standard output is a fenced gantt block; a .mmd file is bare', async () => {
        const result = await run(['render', 'rollup', '--format', 'mermaid', '--out', '-']);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^```mermaid\ngantt\n/);
        assert.equal((await run(['render', 'rollup', '--format', 'mermaid', '--out', 'roadmap.mmd'])).code, 0);
        assert.match(fs.readFileSync(path.join(root(), 'roadmap.mmd'), 'utf8'), /^gantt\n/);
      });

      it('still renders plans with errors, exit 0 with a note on stderr', async () => {
        const result = await run(['render', 'bad', '--format', 'svg', '--out', '-']);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /data-id="b1"/);
        assert.match(result.stderr, /the plans have 1 error/);
      });
    });

    describe('report (SPEC 9)', () => {
      it('writes one HTML file with no script: a section per program, every project drawn, nothing to fetch', async () => {
        const out = `report-${label.replace(/\W+/g, '-')}.html`;
        const result = await run(['report', 'rollup', '--out', out]);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, /wrote .*\(steering report, 2 programs\)/);
        const html = fs.readFileSync(path.join(root(), out), 'utf8');
        assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none'; base-uri 'none'; form-action 'none'">/);
        assert.ok(!/<script|\s(src|href)=/i.test(html), 'no script, no external resource');
        assert.deepEqual([...html.matchAll(/data-program="([^"]+)"/g)].map((m) => m[1]), ['p1', 'p2']);
        assert.deepEqual([...new Set([...html.matchAll(/ data-id="([^"]+)"/g)].map((m) => m[1]))].sort(), ['a1', 'b1', 'solo']);
        assert.ok(html.includes('Projects outside any program'), 'solo has its own section');
        assert.ok(!html.includes('<section class="problems-banner"'), 'no banner without errors');
      });

      it('outside a git repository: no history sections; --since there is bad usage', async () => {
        const plain = await run(['report', 'rollup', '--out', '-']);
        assert.equal(plain.code, 0, plain.stderr);
        assert.ok(!/id="(changes|trend)-title"/.test(plain.stdout), 'no history: left out');
        const since = await run(['report', 'rollup', '--since', 'HEAD~3', '--out', '-']);
        assertUsageError(since, /not (in )?a git repository/i);
      });

      it('still reports on plans with errors, with a banner naming them, exit 0 and a note on stderr', async () => {
        const result = await run(['report', 'bad', '--out', '-']);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stderr, /the plans have 1 error/);
        assert.match(result.stdout, /<section class="problems-banner" role="alert"/);
        assert.match(result.stdout, /bad\/bad\.plan\.yaml:9:20<\/span> <span class="problem-code">unknown-reference<\/span>/);
      });
    });

    describe("the team's settings file", () => {
      const healthOf = async (args: string[]) => {
        const result = await run(['rollup', ...args, '--format', 'json']);
        assert.equal(result.code, 0, result.stderr);
        const json = JSON.parse(result.stdout);
        return { health: json.projects[0].figures.health as string, stderr: result.stderr };
      };

      it('is found in a folder above the path, and the values used are said on stderr', async () => {
        const { health, stderr } = await healthOf(['team/plans']);
        assert.equal(health, 'red'); // CPI 0.9 < 0.91
        assert.match(stderr, /health red below 0\.91, amber below 0\.95; default currency EUR \(from team\/\.plan-as-code\.yaml\)/);
      });

      it('check says the values used on stderr as rollup does, its report on stdout untouched', async () => {
        const result = await run(['check', 'team/plans']);
        assert.match(result.stderr, /health red below 0\.91, amber below 0\.95; default currency EUR \(from team\/\.plan-as-code\.yaml\)/);
        assert.doesNotMatch(result.stdout, /red below/);
      });

      it('flags override it, and say so', async () => {
        const { health, stderr } = await healthOf(['team/plans', '--red-below', '0.85', '--amber-below', '0.9']);
        assert.equal(health, 'green'); // 0.9 is not below 0.9
        assert.match(stderr, /red below 0\.85, amber below 0\.9; default currency EUR \(from team\/\.plan-as-code\.yaml, --red-below, --amber-below\)/);
      });

      it('is not read from a sibling folder, and the defaults say nothing', async () => {
        const result = await run(['rollup', 'warn', '--format', 'json']);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stderr, '');
      });

      it('--config names the file to use instead of the one found', async () => {
        const { health, stderr } = await healthOf(['team/plans', '--config', 'configs/lenient.yaml']);
        assert.equal(health, 'green'); // 0.9 is neither below 0.85 nor below 0.9
        assert.match(stderr, /red below 0\.85, amber below 0\.9; default currency USD \(from configs\/lenient\.yaml\)/);
      });

      it('a mistake in it is bad usage, naming the file, line and column', async () => {
        const result = await run(['check', 'team-bad']);
        assertUsageError(result, /^plan-as-code: team-bad\/\.plan-as-code\.yaml:2:13: health\.redBelow must be a number from 0 to 2/);
      });

      it('bad threshold and currency flags are bad usage', async () => {
        assertUsageError(await run(['check', 'warn', '--red-below', 'high']), /--red-below high/);
        assertUsageError(await run(['check', 'warn', '--currency', 'euro']), /--currency euro/);
        assertUsageError(await run(['check', 'warn', '--config', 'nowhere.yaml']), /nowhere\.yaml/);
      });

      it('a threshold flag that leaves no amber band is bad usage, naming where the other threshold comes from', async () => {
        assertUsageError(await run(['check', 'warn', '--amber-below', '0.5']), /^plan-as-code: --amber-below 0\.5 is below the red threshold, 0\.9 \(the default\): amber is the band between the two$/);
        assertUsageError(await run(['check', 'team/plans', '--amber-below', '0.9']), /--amber-below 0\.9 is below the red threshold, 0\.91 \(team\/\.plan-as-code\.yaml\)/);
        assertUsageError(await run(['check', 'warn', '--red-below', '0.97']), /--red-below 0\.97 leaves no amber band: the amber threshold is 0\.95 \(the default\)/);
        assertUsageError(await run(['check', 'warn', '--slip-amber-days', '40']), /--slip-amber-days 40 is above the red threshold, 30 \(the default\)/);
        // close: both flags, the right way round.
        assert.equal((await run(['check', 'warn', '--red-below', '0.97', '--amber-below', '0.98'])).code, 0);
      });
    });

    describe('rollup', () => {
      it('--format json has exactly the SPEC 7 shape', async () => {
        const result = await run(['rollup', 'rollup', '--format', 'json']);
        assert.equal(result.code, 0, result.stderr);
        const json = JSON.parse(result.stdout);
        assert.deepEqual(keys(json), ['milestones', 'portfolios', 'programs', 'projects', 'statusDate', 'version']);
        assert.equal(json.version, 1);
        assert.equal(json.statusDate, '2026-01-05'); // the document's status_date
        const checkFigures = (f: Record<string, unknown>, who: string, project = false) => {
          // forecastStart is on projects only (SPEC 7).
          assert.deepEqual(keys(f), project ? [...figureKeys, 'forecastStart'].sort() : figureKeys, who);
          assert.deepEqual(keys(f.risks), ['high', 'low', 'medium'], who);
          assert.deepEqual(keys(f.issues), ['critical', 'high', 'low', 'medium'], who);
          for (const key of ['bac', 'ev', 'ac', 'benefits']) assert.equal(typeof f[key], 'number', `${who}.${key}`);
          for (const key of ['pv', 'cv', 'sv', 'cpi', 'spi', 'eac', 'etc', 'vac', 'progress', 'roiPlanned', 'roiForecast', 'es', 'at', 'spiT', 'svT']) {
            assert.ok(f[key] === null || typeof f[key] === 'number', `${who}.${key}`);
          }
          assert.ok(['green', 'amber', 'red'].includes(f.health as string), who);
          assert.ok(f.ieacT === null || /^\d{4}-\d{2}-\d{2}$/.test(f.ieacT as string), `${who}.ieacT`);
        };
        assert.deepEqual(json.portfolios.map((p: { id: string }) => p.id), ['pf']);
        for (const p of json.portfolios) {
          assert.deepEqual(keys(p), [...entryKeys, 'programs'].sort());
          checkFigures(p.figures, p.id);
        }
        assert.deepEqual([...json.portfolios[0].programs].sort(), ['p1', 'p2']);
        assert.deepEqual(json.programs.map((p: { id: string }) => p.id).sort(), ['p1', 'p2']);
        for (const p of json.programs) {
          assert.deepEqual(keys(p), [...entryKeys, 'portfolio', 'projects'].sort());
          assert.equal(p.portfolio, 'pf');
          checkFigures(p.figures, p.id);
        }
        assert.deepEqual(json.projects.map((p: { id: string }) => p.id).sort(), ['a1', 'b1', 'solo']);
        for (const p of json.projects) {
          assert.deepEqual(keys(p), [...entryKeys, 'critical', 'float', 'program', 'state'].sort());
          checkFigures(p.figures, p.id, true);
          assert.match(p.start, /^\d{4}-\d{2}-\d{2}$/);
          assert.match(p.end, /^\d{4}-\d{2}-\d{2}$/);
        }
        const solo = json.projects.find((p: { id: string }) => p.id === 'solo');
        // Outside any program: program null, float null, not critical. 1w from Jan 1 → Jan 7.
        assert.deepEqual([solo.program, solo.float, solo.critical, solo.start, solo.end], [null, null, false, '2026-01-01', '2026-01-07']);
        const a1 = json.projects.find((p: { id: string }) => p.id === 'a1');
        // a1 at S = Jan 5: PV = 100 × 5/10 = 50, EV = 50, AC = 50 → CPI = SPI = 1; only project of p1 → float 0.
        assert.deepEqual([a1.program, a1.state, a1.float, a1.critical], ['p1', 'active', 0, true]);
        assert.deepEqual([a1.figures.pv, a1.figures.ev, a1.figures.cpi, a1.figures.spi], [50, 50, 1, 1]);
      });

      it('--status-date wins over the document status_date', async () => {
        const result = await run(['rollup', 'rollup', '--status-date', '2026-01-08']);
        assert.equal(result.code, 0, result.stderr);
        const json = JSON.parse(result.stdout);
        assert.equal(json.statusDate, '2026-01-08');
        const a1 = json.projects.find((p: { id: string }) => p.id === 'a1');
        assert.equal(a1.figures.pv, 80); // 100 × 8/10
      });

      it('--format md is a table with a row per entity', async () => {
        const result = await run(['rollup', 'rollup', '--format', 'md']);
        assert.equal(result.code, 0, result.stderr);
        const rows = result.stdout.split('\n').filter((line) => line.startsWith('|'));
        assert.ok(rows.length >= 2, result.stdout);
        assert.match(rows[1], /^\|(\s*:?-{3,}:?\s*\|)+$/, 'the second row is the separator');
        const body = rows.slice(2);
        const columnCount = rows[0].split(/(?<!\\)\|/).length;
        for (const row of body) assert.equal(row.split(/(?<!\\)\|/).length, columnCount, row);
        assert.equal(body.length, 6, 'pf, p1, p2, a1, b1, solo');
        for (const id of ['pf', 'p1', 'p2', 'a1', 'b1', 'solo']) {
          assert.equal(body.filter((row) => new RegExp(`\\|\\s*(\\*\\*)?${id}(\\*\\*)?\\s*\\|`).test(row)).length, 1, id);
        }
      });

      it('--format csv has a header and a row per entity', async () => {
        const result = await run(['rollup', 'rollup', '--format', 'csv']);
        assert.equal(result.code, 0, result.stderr);
        const lines = result.stdout.split(/\r?\n/).filter((line) => line !== '');
        const header = csvCells(lines[0]);
        const body = lines.slice(1).map(csvCells);
        assert.equal(body.length, 6);
        for (const row of body) assert.equal(row.length, header.length, row.join(','));
        const idColumn = header.indexOf('id');
        assert.ok(idColumn >= 0, header.join(','));
        assert.deepEqual(body.map((row) => row[idColumn]).sort(), ['a1', 'b1', 'p1', 'p2', 'pf', 'solo']);
        const nameColumn = header.indexOf('name');
        assert.ok(body.some((row) => row[nameColumn] === 'P2, with a comma'), 'a comma in a name is quoted');
      });
    });
  });
}
