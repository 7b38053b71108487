/**
 * Standard output of the CLI as a real process (src/cli/output.ts): a reader that goes away before the end
 * (`plan-as-code export … --out - | head -1`) ends the output quietly with the command's own exit code,
 * never a stack trace; a full disk (/dev/full) is one line and exit 2.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertBuilt, cliPath } from '../utils/plans';

/** One program of `count` projects in a chain with people: every command's output is far larger than a pipe holds (64 KB). */
function bigWorkspace(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-output-'));
  const lines = ['version: 1', 'program:', '  id: big', '  name: Big program', '  status_date: 2026-06-30', '  projects:'];
  for (let i = 0; i < count; i++) {
    lines.push(
      `    - id: p${i}`,
      `      name: Project number ${i} of the big program, whose name is long like the names in real plans`,
      `      manager: person${i % 40}`,
      i === 0 ? '      start: 2026-01-05' : `      depends_on: [p${i - 1}]`,
      '      duration: 10d',
      '      budget: 10000',
      `      spent: ${i < count / 2 ? 9000 : 0}`,
      `      progress: ${i < count / 2 ? 100 : 0}`,
      `      team: [{ person: person${i % 40}, allocation: 50 }]`,
      '      milestones:',
      `        - { id: m${i}, name: Milestone ${i}, date: ${new Date(Date.UTC(2026, 0, 14) + i * 10 * 86400000).toISOString().slice(0, 10)} }`,
    );
  }
  lines.push('people:', ...Array.from({ length: 40 }, (_, i) => `  - { id: person${i}, name: Person ${i} }`));
  fs.writeFileSync(path.join(dir, 'big.plan.yaml'), `${lines.join('\n')}\n`);
  return dir;
}

/** Runs the CLI with its stdout piped, closes the read side after the first chunk, and waits for the process to end. */
function closeAfterFirstChunk(args: readonly string[], cwd: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; first: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let first: string | undefined;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString('utf8');
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr, first: first ?? '' }));
  });
}

describe('standard output of the CLI', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => {
    assertBuilt();
    dir = bigWorkspace(1500);
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  const commands: Array<[string[], RegExp]> = [
    [['export', '.', '--format', 'mspdi', '--out', '-'], /^<\?xml/],
    [['export', '.', '--format', 'tjp', '--out', '-'], /^\/\* /],
    [['export', '.', '--format', 'csv', '--out', '-'], /^id,/],
    [['rollup', '.', '--format', 'json'], /^\{/],
    [['render', '.', '--out', '-'], /^<!DOCTYPE html>/i],
    [['report', '.', '--out', '-'], /^<!DOCTYPE html>/i],
    [['people', '.', '--format', 'json'], /^\{/],
  ];
  for (const [args, start] of commands) {
    it(`${args.slice(0, 4).join(' ')} | head -1: ends quietly with its own exit code, no stack trace`, async () => {
      const result = await closeAfterFirstChunk(args, dir);
      assert.match(result.first, start);
      assert.doesNotMatch(result.stderr, /EPIPE|\n\s+at |Error:|internal error/, result.stderr);
      assert.equal(result.signal, null);
      assert.equal(result.code, 0, result.stderr);
    });
  }

  it('a full disk (/dev/full): one line naming standard output, exit 2', function () {
    if (!fs.existsSync('/dev/full')) this.skip();
    return new Promise<void>((resolve, reject) => {
      const out = fs.openSync('/dev/full', 'w');
      const child = spawn(process.execPath, [cliPath, 'rollup', '.', '--format', 'json'], { cwd: dir, stdio: ['ignore', out, 'pipe'] });
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        fs.closeSync(out);
        try {
          assert.equal(stderr, 'plan-as-code: standard output: cannot write (ENOSPC)\n');
          assert.equal(code, 2);
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
  });
});
