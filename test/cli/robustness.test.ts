// Hostile input through the built CLI (`node dist/cli.js`): every file of the committed corpus
// (test/fixtures/hostile) gives compiler-style lines and exit 0 or 1, never a stack trace, and a file
// over the size limit is named, not read. test/unit/robustness.test.ts feeds the same corpus to the engine.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, cliPath, hostileCorpus, hostileDir, spawnCli } from '../utils/plans';

/**
 * Preloaded into the CLI's process (`node -r`): records every path the process opens or reads through
 * `fs`, and writes the list to PLAN_SPY_LOG when the process exits.
 */
const spy = `
const fs = require('node:fs');
const opened = [];
const record = (name) => (original) => function (file, ...rest) { opened.push(String(file)); return original.call(this, file, ...rest); };
for (const name of ['openSync', 'readFileSync', 'open', 'readFile', 'createReadStream']) fs[name] = record(name)(fs[name]);
for (const name of ['open', 'readFile']) fs.promises[name] = record(name)(fs.promises[name]);
process.on('exit', () => fs.writeFileSync(process.env.PLAN_SPY_LOG, JSON.stringify(opened)));
`;

describe('hostile input', function () {
  this.timeout(120_000);

  describe('the CLI on the corpus', () => {
    let folder: string;
    before(() => {
      assertBuilt();
      folder = mkdtempSync(join(tmpdir(), 'plan-hostile-'));
    });
    after(() => folder && rmSync(folder, { recursive: true, force: true }));

    it('checks every hostile file as a process: exit 0 or 1, compiler-style lines, no stack trace', () => {
      for (const { name } of hostileCorpus()) {
        const result = spawnCli(['check', join(hostileDir, name), '--status-date', '2026-06-01'], process.cwd(), 60_000);
        assert.ok(result.code === 0 || result.code === 1, `${name}: exit ${result.code} ${result.signal ?? ''}\n${result.stderr}`);
        assert.doesNotMatch(result.stderr, /\n\s+at |internal error/, `${name}: ${result.stderr}`);
        for (const line of result.stdout.split('\n').filter(Boolean)) assert.match(line, /^[^:]+:\d+:\d+: (error|warning) [a-z-]+: /, `${name}: ${line}`);
      }
    });

    it('reads no pipe or device given as an input or settings file: bad usage naming it, at once', () => {
      const pipes = join(folder, 'pipes');
      mkdirSync(pipes, { recursive: true });
      writeFileSync(join(pipes, 'a.plan.yaml'), 'project:\n  id: a\n  name: A\n  start: 2026-01-05\n  duration: 1w\n');
      for (const name of ['f.csv', 'f.xml', 'cfg']) spawnSync('mkfifo', [join(pipes, name)]);
      const cases: Array<[string[], RegExp]> = [
        [['update', '.', '--from', 'f.csv'], /^plan-as-code: f\.csv: not a regular file \(a pipe or a device\); give a file$/m],
        [['import', 'f.xml', '--out', 'out'], /^plan-as-code: f\.xml: not a regular file/m],
        [['import', '/dev/zero', '--from', 'csv', '--out', 'out'], /^plan-as-code: \/dev\/zero: not a regular file/m],
        [['check', '.', '--config', 'cfg'], /^plan-as-code: --config cfg: not a settings file \(a folder, a pipe or a device\)$/m],
        [['check', '.', '--config', tmpdir()], /^plan-as-code: --config .+: not a settings file/m],
      ];
      for (const [args, message] of cases) {
        // A pipe nobody writes to: reading it would wait for ever (the spawn's timeout ends it, with a signal).
        const result = spawnCli(args, pipes, 20_000);
        assert.deepEqual([result.code, result.signal ?? null], [2, null], `${args.join(' ')}: ${result.stderr}`);
        assert.match(result.stderr, message, args.join(' '));
      }
      // Found by itself beside the plans, a settings file that is a pipe is refused the same way.
      spawnSync('mkfifo', [join(pipes, '.plan-as-code.yaml')]);
      const found = spawnCli(['check', '.'], pipes, 20_000);
      assert.deepEqual([found.code, found.stderr.trim()], [2, 'plan-as-code: .plan-as-code.yaml: not a settings file (a folder, a pipe or a device)']);
    });

    it('says which file is too large, and why, without reading it whole', () => {
      const file = join(folder, 'huge.plan.yaml');
      writeFileSync(file, `project:\n  id: huge\n  name: "${'x'.repeat(6 * 1024 * 1024)}"\n`);
      const result = spawnCli(['check', file], folder, 60_000);
      assert.equal(result.code, 1);
      const limited = spawnCli(['check', file, '--max-file-size', '10'], folder, 60_000);
      assert.doesNotMatch(limited.stdout, /above the limit/, 'a 10 MB limit reads a 6 MB file');
      assert.match(result.stdout, /^huge\.plan\.yaml:1:1: error yaml-syntax: This file is [\d,]+ bytes, above the limit of 5,242,880 bytes/m);
    });

    it('names a plan file saved as UTF-16 and says to save it as UTF-8', () => {
      const file = join(folder, 'utf16.plan.yaml');
      writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('project:\n  id: p\n  name: P\n  start: 2026-01-05\n  duration: 10d\n', 'utf16le')]));
      const result = spawnCli(['check', file], folder);
      assert.equal(result.code, 1, result.stderr);
      assert.equal(result.stdout, 'utf16.plan.yaml:1:1: error yaml-syntax: This file is saved as UTF-16 (little-endian); plan files are UTF-8: save it as UTF-8 (it is not read)\n');
    });

    it('never opens a file above the limit: reported by its size alone', () => {
      // A sparse file of 64 MB (no disk used) beside a small plan; the process's own record of what it opened.
      const big = join(folder, 'spied', 'big.plan.yaml');
      const small = join(folder, 'spied', 'small.plan.yaml');
      mkdirSync(join(folder, 'spied'), { recursive: true });
      writeFileSync(big, '');
      truncateSync(big, 64 * 1024 * 1024);
      writeFileSync(small, 'project:\n  id: small\n  name: Small\n  start: 2026-01-05\n  duration: 1w\n');
      const preload = join(folder, 'spy.cjs');
      const log = join(folder, 'opened.json');
      writeFileSync(preload, spy);
      const spied = (args: readonly string[]) => {
        const result = spawnSync(process.execPath, ['-r', preload, cliPath, ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, PLAN_SPY_LOG: log }, timeout: 60_000 });
        const opened: string[] = JSON.parse(readFileSync(log, 'utf8'));
        assert.ok(opened.includes(small), `${args[0]}: the small plan was read (the spy works): ${opened.join(', ')}`);
        assert.ok(!opened.includes(big), `${args[0]}: the big file was opened: ${opened.join(', ')}`);
        assert.doesNotMatch(result.stderr, /\n\s+at |internal error/, `${args[0]}: ${result.stderr}`);
        return result;
      };
      const result = spied(['check', join(folder, 'spied')]);
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stdout, /big\.plan\.yaml:1:1: error yaml-syntax: This file is 67,108,864 bytes, above the limit of 5,242,880 bytes/);
      // Every other command that reads plan files reads them the same way: the big file is never opened.
      for (const args of [
        ['rollup', 'spied', '--format', 'json'],
        ['render', 'spied', '--out', join(folder, 'roadmap.html')],
        ['report', 'spied', '--out', join(folder, 'report.html')],
        ['people', 'spied', '--format', 'json'],
        ['quality', 'spied', '--format', 'json'],
        ['export', 'spied', '--format', 'csv', '--out', '-'],
      ]) {
        const other = spied(args);
        assert.ok(other.status === 0 || other.status === 1, `${args[0]}: exit ${other.status}\n${other.stderr}`);
      }
    });
  });
});
