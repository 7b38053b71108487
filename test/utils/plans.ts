/**
 * What more than one test file needs, written once (pattern: yaml-language-server's test/utils/):
 * plan text and dates, the SPEC 6 code table, diagnostic assertions, the hostile corpus, and running
 * the CLI — in this process through `bin()`, or as `node dist/cli.js` (test/cli).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bin } from '../../src/cli/bin';
import { analyzePlans, parseDay, type AnalysisOptions, type Day, type PlanDiagnostic } from '../../src/core';

export const repoRoot = path.resolve(__dirname, '..', '..');

// ---------------------------------------------------------------------------------------------------
// Plan text and dates

/** Strips the common indentation of a template literal so fixtures can be written indented. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((out, part, i) => out + part + (i < values.length ? String(values[i]) : ''), '');
  const lines = text.replace(/^\n/, '').replace(/\n\s*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

/** The day number of a `YYYY-MM-DD` date, failing the test on a date that does not parse. */
export function day(text: string): Day {
  const value = parseDay(text);
  assert.ok(value !== undefined, `bad test date ${text}`);
  return value;
}

export interface PlanFile {
  readonly path: string;
  readonly text: string;
}

/** One file's text (named {@link DEFAULT_FILE}), a list of files, or files by path. */
export type PlanInput = string | readonly PlanFile[] | Readonly<Record<string, string>>;

export const DEFAULT_FILE = 'plan.plan.yaml';

export function filesOf(input: PlanInput): PlanFile[] {
  if (typeof input === 'string') return [{ path: DEFAULT_FILE, text: input }];
  if (Array.isArray(input)) return [...(input as readonly PlanFile[])];
  return Object.entries(input).map(([path, text]) => ({ path, text }));
}

/** The entry with this id, failing the test when there is none. */
export function byId<T extends { readonly id: string }>(list: readonly T[], id: string): T {
  const found = list.find((entry) => entry.id === id);
  assert.ok(found, `'${id}' is in the rollup`);
  return found;
}

// ---------------------------------------------------------------------------------------------------
// Diagnostics

/** The codes of SPEC section 6 with their severities, written out here from the SPEC (never read from the engine). */
export const SPEC_SEVERITY = {
  'yaml-syntax': 'error',
  schema: 'error',
  'duplicate-id': 'error',
  'unknown-reference': 'error',
  'dependency-cycle': 'error',
  unscheduled: 'error',
  'date-conflict': 'error',
  'dependency-violation': 'warning',
  'outside-window': 'warning',
  'over-budget': 'warning',
  'forecast-over-budget': 'warning',
  overspent: 'warning',
  'missed-milestone': 'warning',
  'unmitigated-risk': 'warning',
  overallocated: 'warning',
  'status-mismatch': 'warning',
  'progress-mismatch': 'warning',
  'unknown-person': 'warning',
  'currency-mismatch': 'warning',
  'milestone-at-risk': 'warning',
  'status-date-mismatch': 'warning',
  'overdue-issue': 'warning',
} as const;

export type Code = keyof typeof SPEC_SEVERITY;

/** The status date of every diagnostics test unless a test says otherwise: independent of today. */
const STATUS_DATE = day('2026-06-01');

export function diagnose(input: PlanInput, options: AnalysisOptions = {}): readonly PlanDiagnostic[] {
  return analyzePlans(filesOf(input), { statusDate: STATUS_DATE, ...options }).diagnostics;
}

/** `file:line:column-line:column`, 1-based. */
export function where(d: PlanDiagnostic): string {
  const { start, end } = d.range;
  return `${d.file}:${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

export function show(diagnostics: readonly PlanDiagnostic[]): string {
  if (diagnostics.length === 0) return '  (no diagnostics)';
  return diagnostics.map((d) => `  ${where(d)} ${d.severity} ${d.code}: ${d.message}`).join('\n');
}

export interface Expected {
  readonly code: Code;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly file?: string;
  /** 1-based end of the range, checked when given. */
  readonly endLine?: number;
  readonly endColumn?: number;
  /** Every pattern must match the message (ids and dates the SPEC says a message names). */
  readonly message?: RegExp | readonly RegExp[];
}

function atPosition(d: PlanDiagnostic, e: Expected): boolean {
  return (
    d.code === e.code &&
    d.file === (e.file ?? DEFAULT_FILE) &&
    d.range.start.line + 1 === e.line &&
    d.range.start.character + 1 === e.column
  );
}

function checkOne(all: readonly PlanDiagnostic[], e: Expected): PlanDiagnostic {
  const label = `${e.code} at ${e.file ?? DEFAULT_FILE}:${e.line}:${e.column}`;
  const candidates = all.filter((d) => atPosition(d, e));
  assert.ok(candidates.length > 0, `expected ${label}; got:\n${show(all)}`);
  const patterns = e.message === undefined ? [] : Array.isArray(e.message) ? (e.message as RegExp[]) : [e.message as RegExp];
  const found = candidates.find((d) => patterns.every((p) => p.test(d.message)));
  assert.ok(found, `${label}: no message matches ${patterns.join(' and ')}; got:\n${show(candidates)}`);
  assert.equal(found.severity, SPEC_SEVERITY[e.code], `${label}: severity (SPEC section 6)`);
  if (e.endLine !== undefined) assert.equal(found.range.end.line + 1, e.endLine, `${label}: end line; got ${where(found)}`);
  if (e.endColumn !== undefined) assert.equal(found.range.end.character + 1, e.endColumn, `${label}: end column; got ${where(found)}`);
  return found;
}

/** Asserts a diagnostic with this code starts exactly at this place (1-based) and has the SPEC severity. */
export function expectDiagnostic(input: PlanInput, expected: Expected, options?: AnalysisOptions): PlanDiagnostic {
  return checkOne(diagnose(input, options), expected);
}

/**
 * Asserts the diagnostics of one code are exactly these (same count, each at its place).
 * For codes reported in several places (duplicate-id, dependency-cycle, overallocated, …).
 */
export function expectExactly(input: PlanInput, code: Code, expected: ReadonlyArray<Omit<Expected, 'code'>>, options?: AnalysisOptions): PlanDiagnostic[] {
  const all = diagnose(input, options);
  const ofCode = all.filter((d) => d.code === code);
  assert.equal(ofCode.length, expected.length, `expected ${expected.length} × ${code}; got:\n${show(all)}`);
  return expected.map((e) => checkOne(all, { ...e, code }));
}

/**
 * Asserts the diagnostics are exactly these, in this order (every code, every file): for "one error
 * per mistake" and "nothing spills into another file". Returns them.
 */
export function expectOnly(input: PlanInput, expected: readonly Expected[], options?: AnalysisOptions): readonly PlanDiagnostic[] {
  const all = diagnose(input, options);
  const label = (e: Expected) => `${e.code} at ${e.file ?? DEFAULT_FILE}:${e.line}:${e.column}`;
  assert.equal(all.length, expected.length, `expected exactly ${expected.map(label).join(', ') || 'nothing'}; got:\n${show(all)}`);
  expected.forEach((e, i) => {
    if (!atPosition(all[i], e)) assert.fail(`diagnostic ${i + 1} should be ${label(e)}; got\n${show(all)}`);
    checkOne([all[i]], e);
  });
  return all;
}

/** Asserts no diagnostic of this code (anywhere). */
export function expectNoDiagnostic(input: PlanInput, code: Code, options?: AnalysisOptions): void {
  const all = diagnose(input, options);
  const found = all.filter((d) => d.code === code);
  assert.equal(found.length, 0, `expected no ${code}; got:\n${show(all)}`);
}

/** Asserts no diagnostic at all. */
export function expectClean(input: PlanInput, options?: AnalysisOptions): void {
  const all = diagnose(input, options);
  assert.equal(all.length, 0, `expected no diagnostics; got:\n${show(all)}`);
}

// ---------------------------------------------------------------------------------------------------
// Hostile input

export const hostileDir = path.join(repoRoot, 'test', 'fixtures', 'hostile');

/** Bytes as an editor reads them: UTF-8, with each malformed sequence replaced by U+FFFD. */
export const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

/** The committed files of test/fixtures/hostile, by name. */
export function hostileCorpus(): Array<{ readonly name: string; readonly text: string }> {
  return fs
    .readdirSync(hostileDir)
    .filter((name) => name.endsWith('.plan.yaml'))
    .sort()
    .map((name) => ({ name, text: decode(fs.readFileSync(path.join(hostileDir, name))) }));
}

// ---------------------------------------------------------------------------------------------------
// The command line

/** The built CLI (`npm run build`). */
export const cliPath = path.join(repoRoot, 'dist', 'cli.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The executable's entry (`bin()`: check, rollup, quality and people through quick.ts, every other command
 * through main.ts, as dist/cli.js does) in this process, with a fake io (a TTY or not) and the working folder set
 * to `cwd`.
 */
export async function runMain(args: readonly string[], cwd: string, isTty = false): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await bin(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTty });
    return { code, stdout, stderr };
  } finally {
    process.chdir(previous);
  }
}

/** Fails (never skips) a test that needs the built CLI when it is not there. */
export function assertBuilt(): void {
  if (!fs.existsSync(cliPath)) throw new Error(`${path.relative(repoRoot, cliPath)} is missing: run \`npm run build\` first`);
}

/** `node dist/cli.js` as a child process: stdout and stderr are pipes (not a TTY), no debug or colour from the environment. */
export function spawnCli(args: readonly string[], cwd: string, timeout = 20000): CliResult & { readonly signal: NodeJS.Signals | null } {
  assertBuilt();
  const env = { ...process.env };
  delete env.PLAN_AS_CODE_DEBUG;
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', env, timeout });
  assert.equal(result.error, undefined, `could not run ${cliPath}: ${String(result.error)}`);
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

// ---------------------------------------------------------------------------------------------------
// Git repositories made by the tests

/** The environment of the tests' own git commands: no user or system configuration, fixed identity. */
const fixtureGitEnv = (date: string): NodeJS.ProcessEnv => ({
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Plan Tester',
  GIT_AUTHOR_EMAIL: 'tester@example.com',
  GIT_COMMITTER_NAME: 'Plan Tester',
  GIT_COMMITTER_EMAIL: 'tester@example.com',
  GIT_AUTHOR_DATE: `${date}T12:00:00+00:00`,
  GIT_COMMITTER_DATE: `${date}T12:00:00+00:00`,
});

/** A git repository in a temporary folder, written and committed by a test (with git itself, never a shell). */
export class GitFixture {
  readonly dir: string;

  constructor(dir?: string) {
    this.dir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'plan-as-code-git-'));
    if (!dir) this.git('init', '-q', '-b', 'main');
  }

  /** Runs git in the repository; its output. */
  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: fixtureGitEnv('2026-01-01'), encoding: 'utf8' });
  }

  /** Writes files (null deletes one), relative to the repository. */
  write(files: Readonly<Record<string, string | null>>): this {
    for (const [name, text] of Object.entries(files)) {
      const full = path.join(this.dir, name);
      if (text === null) fs.rmSync(full);
      else {
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, text);
      }
    }
    return this;
  }

  /** Commits everything (`git add -A`) as of `date` (author and committer date, noon UTC); the commit id. */
  commit(message: string, date: string): string {
    const env = fixtureGitEnv(date);
    execFileSync('git', ['add', '-A'], { cwd: this.dir, env });
    execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: this.dir, env });
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** Merges a branch into the current one with a merge commit, as of `date`. */
  merge(branch: string, message: string, date: string): string {
    execFileSync('git', ['merge', '-q', '--no-ff', '-m', message, branch], { cwd: this.dir, env: fixtureGitEnv(date) });
    return this.git('rev-parse', 'HEAD').trim();
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
