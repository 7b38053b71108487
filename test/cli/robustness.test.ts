// Hostile input through the built CLI (`node dist/cli.js`): every file of the committed corpus
// (test/fixtures/hostile) gives compiler-style lines and exit 0 or 1, never a stack trace, and a file
// over the size limit is named, not read. test/unit/robustness.test.ts feeds the same corpus to the engine.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, hostileCorpus, hostileDir, spawnCli } from '../unit/helpers';

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

    it('says which file is too large, and why, without reading it whole', () => {
      const file = join(folder, 'huge.plan.yaml');
      writeFileSync(file, `project:\n  id: huge\n  name: "${'x'.repeat(6 * 1024 * 1024)}"\n`);
      const result = spawnCli(['check', file], folder, 60_000);
      assert.equal(result.code, 1);
      const limited = spawnCli(['check', file, '--max-file-size', '10'], folder, 60_000);
      assert.doesNotMatch(limited.stdout, /above the limit/, 'a 10 MB limit reads a 6 MB file');
      assert.match(result.stdout, /^huge\.plan\.yaml:1:1: error yaml-syntax: This file is [\d,]+ bytes, above the limit of 5,242,880 bytes/m);
    });
  });
});
