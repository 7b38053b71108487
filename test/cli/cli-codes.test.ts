/**
 * SPEC 6 (Diagnostics) through SPEC 7 (Command line): one realistic defect case per diagnostic code,
 * run through the built CLI as a real process (`node dist/cli.js check . --format json`), plus a
 * clean case that must produce nothing.
 *
 * Each folder under test/fixtures/defects/ holds `*.plan.yaml` files and an `expected.json`:
 * `{ code, statusDate, expect: [{ file, line, column }], only, alsoAllowed?, note? }` where `statusDate` is
 * passed as --status-date (null: the plans' own status date rule applies) and `expect`
 * lists every place (1-based, `file` relative to the case folder) the code must be reported, and
 * `only: true` means no other code may appear (except those in `alsoAllowed`). The `clean` folder has
 * `code: null` and `expect: []`.
 *
 * The expected places were worked out from SPEC 6 and docs/FORMAT.md ("Diagnostics", column
 * "where"), not copied from the CLI's output.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertBuilt, repoRoot, spawnCli, SPEC_SEVERITY } from '../utils/plans';

const casesRoot = path.join(repoRoot, 'test', 'fixtures', 'defects');

/** The 22 codes of SPEC 6 with their severities (written out from the SPEC in helpers.ts, not read from the engine). */
const SPEC_CODES: Readonly<Record<string, 'error' | 'warning'>> = SPEC_SEVERITY;

interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

interface Expected {
  readonly code: string | null;
  readonly statusDate: string | null;
  readonly expect: readonly Place[];
  readonly only: boolean;
  readonly alsoAllowed?: readonly string[];
  readonly note?: string;
}

interface Diagnostic {
  readonly file: string;
  readonly range: { readonly start: { readonly line: number; readonly column: number }; readonly end: { readonly line: number; readonly column: number } };
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

interface CheckOutput {
  readonly version: number;
  readonly files: number;
  readonly diagnostics: readonly Diagnostic[];
}

interface Case {
  readonly name: string;
  readonly dir: string;
  readonly expected: Expected;
}

function isPlace(value: unknown): value is Place {
  if (typeof value !== 'object' || value === null) return false;
  const place = value as Record<string, unknown>;
  return typeof place.file === 'string' && Number.isInteger(place.line) && Number.isInteger(place.column);
}

/** Reads and validates a case's expected.json, failing loudly on a malformed one. */
function readExpected(dir: string): Expected {
  const file = path.join(dir, 'expected.json');
  const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const where = path.relative(repoRoot, file);
  assert.ok(typeof raw === 'object' && raw !== null, `${where}: not an object`);
  const value = raw as Record<string, unknown>;
  assert.ok(value.code === null || typeof value.code === 'string', `${where}: "code" must be a string (or null for the clean case)`);
  assert.ok(value.statusDate === null || (typeof value.statusDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.statusDate)), `${where}: "statusDate" must be YYYY-MM-DD or null`);
  assert.ok(Array.isArray(value.expect) && value.expect.every(isPlace), `${where}: "expect" must be a list of {file, line, column}`);
  assert.equal(typeof value.only, 'boolean', `${where}: "only" must be a boolean`);
  if (value.alsoAllowed !== undefined) {
    assert.ok(Array.isArray(value.alsoAllowed) && value.alsoAllowed.every((c) => typeof c === 'string'), `${where}: "alsoAllowed" must be a list of codes`);
    assert.equal(typeof value.note, 'string', `${where}: "alsoAllowed" needs a "note" saying why`);
  }
  return raw as Expected;
}

function listCases(): Case[] {
  if (!fs.existsSync(casesRoot)) return [];
  return fs
    .readdirSync(casesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = path.join(casesRoot, name);
      return { name, dir, expected: readExpected(dir) };
    });
}

function planFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.plan\.ya?ml$/.test(name))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

const at = (place: Place): string => `${place.file}:${place.line}:${place.column}`;
const describeDiagnostic = (d: Diagnostic): string =>
  `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.code}: ${d.message}`;
const listing = (diagnostics: readonly Diagnostic[]): string =>
  diagnostics.length === 0 ? '  (no diagnostics)' : diagnostics.map((d) => `  ${describeDiagnostic(d)}`).join('\n');

/** `node dist/cli.js check . --format json --status-date …` with the case folder as working folder. */
function check(dir: string, statusDate: string | null): { readonly status: number; readonly output: CheckOutput; readonly stderr: string } {
  const result = spawnCli(['check', '.', '--format', 'json', ...(statusDate === null ? [] : ['--status-date', statusDate])], dir);
  let output: CheckOutput;
  try {
    output = JSON.parse(result.stdout) as CheckOutput;
  } catch {
    assert.fail(`check --format json did not print JSON (exit ${result.code}).\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
  assert.ok(Array.isArray(output.diagnostics), `check --format json printed no "diagnostics" list:\n${result.stdout}`);
  return { status: result.code, output, stderr: result.stderr };
}

describe('CLI: one defect case per diagnostic code (test/fixtures/defects)', () => {
  const cases = listCases();

  before(() => {
    assertBuilt();
  });

  it('covers exactly the 22 codes of SPEC 6, one folder each, plus a clean case', () => {
    const covered = cases.map((c) => c.expected.code).filter((code): code is string => code !== null);
    const duplicates = covered.filter((code, index) => covered.indexOf(code) !== index);
    assert.deepEqual(duplicates, [], `codes with more than one case folder: ${duplicates.join(', ')}`);
    const missing = Object.keys(SPEC_CODES).filter((code) => !covered.includes(code));
    const unknown = covered.filter((code) => !(code in SPEC_CODES));
    assert.deepEqual(missing, [], `SPEC 6 codes without a case folder: ${missing.join(', ')}`);
    assert.deepEqual(unknown, [], `case folders for codes not in SPEC 6: ${unknown.join(', ')}`);
    assert.deepEqual([...covered].sort(), Object.keys(SPEC_CODES).sort());
    for (const c of cases) {
      if (c.expected.code !== null) assert.equal(c.name, c.expected.code, `folder ${c.name} holds the case of "${c.expected.code}"`);
    }
    const clean = cases.filter((c) => c.expected.code === null);
    assert.equal(clean.length, 1, 'expected exactly one clean case (code: null)');
    assert.deepEqual(clean[0].expected.expect, [], 'the clean case expects no diagnostics');
    assert.equal(clean[0].expected.only, true, 'the clean case must be "only"');
  });

  for (const c of cases) {
    const { code, statusDate, expect, only, alsoAllowed = [] } = c.expected;
    const title = code === null ? `${c.name}: no diagnostics at all` : `${c.name}: reported at ${expect.map(at).join(', ')}`;

    it(title, () => {
      const files = planFiles(c.dir);
      assert.ok(files.length > 0, `${c.name} has no *.plan.yaml file`);
      for (const place of expect) assert.ok(files.includes(place.file), `${c.name}/expected.json names ${place.file}, which is not a plan file of the case`);
      if (code !== null) assert.ok(expect.length > 0, `${c.name}/expected.json expects no place for ${code}`);

      const { status, output, stderr } = check(c.dir, statusDate);
      const all = output.diagnostics;
      const context = `\ncheck ${c.name}${statusDate === null ? '' : ` --status-date ${statusDate}`} reported:\n${listing(all)}${stderr ? `\nstderr:\n${stderr}` : ''}`;

      assert.equal(output.files, files.length, `"files" should count the case's ${files.length} plan file(s)${context}`);

      // Exit code: 1 with an error, else 0 (SPEC 7).
      const wantStatus = code !== null && SPEC_CODES[code] === 'error' ? 1 : 0;
      assert.equal(status, wantStatus, `exit code should be ${wantStatus} (${code ?? 'clean'} is ${code === null ? 'no diagnostic' : `an ${SPEC_CODES[code]}`})${context}`);

      // Every diagnostic carries its code's SPEC 6 severity.
      for (const d of all) {
        const severity = SPEC_CODES[d.code];
        if (severity !== undefined) assert.equal(d.severity, severity, `${d.code} is an ${severity} in SPEC 6: ${describeDiagnostic(d)}${context}`);
      }

      if (code !== null) {
        const ofCode = all.filter((d) => d.code === code);
        const reported = ofCode.map((d) => at({ file: d.file, line: d.range.start.line, column: d.range.start.column }));
        for (const place of expect) {
          assert.ok(reported.includes(at(place)), `${code} should be reported at ${at(place)}${context}`);
        }
        // `expect` lists every place the code must be reported: no further places.
        const wanted = expect.map(at);
        const extra = reported.filter((place) => !wanted.includes(place));
        assert.deepEqual(extra, [], `${code} reported at places the case does not expect (${extra.join(', ')})${context}`);
        assert.equal(ofCode.length, expect.length, `${code} should be reported ${expect.length} time(s), once per place${context}`);
      }

      if (only) {
        const others = all.filter((d) => d.code !== code && !alsoAllowed.includes(d.code));
        assert.deepEqual(others.map(describeDiagnostic), [], `${c.name} should report ${code === null ? 'nothing' : `only ${code}`}${context}`);
      }
    });
  }
});
