/**
 * The README's samples are what the CLI does. A git repository holds examples/ as `examples/`, committed
 * (tagged `v1.0`, also `origin/main`), with the plans' own status date (2026-09-30), and there:
 *
 * - every ```text block of README.md is a terminal sample: each `$ npx plan-as-code ARGS` line is run as
 *   `node dist/cli.js ARGS` and what follows it, up to the next `$` line, is what it prints (standard
 *   output, then standard error, as a terminal shows them); commit ids may differ;
 * - every `npx plan-as-code …` line of the README's ```sh blocks runs as documented: not bad usage
 *   (exit 0, or 1 where its comment or the table says a gate fails), and a file it is told to write
 *   is written.
 *
 * The rendered pull-request comment between the `diff-example` markers is checked by
 * test/cli/readme-diff.test.ts. On a mismatch the failure prints the block as it should read; with
 * `UPDATE_README=1` the test writes the real outputs into README.md instead (then review the diff).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertBuilt, GitFixture, repoRoot, spawnCli } from '../utils/plans';

const readmePath = path.join(repoRoot, 'README.md');
const update = process.env.UPDATE_README === '1';

interface Sample {
  /** The arguments after `plan-as-code`. */
  readonly args: string[];
  /** The `$` line as written. */
  readonly command: string;
  /** The output the README shows, lines joined with `\n`, no final newline. */
  readonly shown: string;
}

interface TextBlock {
  /** Offsets of the block's body (between the fence lines) in the README. */
  readonly from: number;
  readonly to: number;
  readonly samples: Sample[];
}

const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;

/** The plain words of a command line (the README's commands need no shell quoting). */
const words = (line: string) => line.trim().split(/\s+/);

/** The arguments of `npx plan-as-code ARGS` or `plan-as-code ARGS`, null for any other command. */
function cliArgs(line: string): string[] | null {
  const parts = words(line.replace(/\s+#.*$/, ''));
  if (parts[0] === 'npx') parts.shift();
  return parts[0] === 'plan-as-code' ? parts.slice(1) : null;
}

function textBlocks(readme: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const match of readme.matchAll(fence)) {
    if (match[1] !== 'text') continue;
    const body = match[2];
    const from = match.index + match[0].indexOf('\n') + 1;
    const samples: Sample[] = [];
    let current: { command: string; args: string[]; lines: string[] } | undefined;
    const close = () => current && samples.push({ command: current.command, args: current.args, shown: current.lines.join('\n') });
    for (const line of body.replace(/\n$/, '').split('\n')) {
      if (line.startsWith('$ ')) {
        close();
        const args = cliArgs(line.slice(2));
        assert.ok(args, `README: a text block's command is not plan-as-code: ${line}`);
        current = { command: line, args, lines: [] };
      } else {
        assert.ok(current, `README: a text block must start with a \`$ npx plan-as-code …\` line, not: ${line}`);
        current.lines.push(line);
      }
    }
    close();
    blocks.push({ from, to: from + body.length, samples });
  }
  return blocks;
}

/** Commit ids as the CLI prints them (7 to 40 hex digits standing alone) are not compared. */
const anyCommit = (text: string) => text.replace(/\b[0-9a-f]{7,40}\b/g, 'COMMIT');

/** What a terminal shows: standard output, then standard error, without the final newline. */
const printed = (result: { stdout: string; stderr: string }) => (result.stdout + result.stderr).replace(/\n$/, '');

describe('the README: samples and commands', function () {
  this.timeout(120000);
  let repo: GitFixture;
  const readme = fs.readFileSync(readmePath, 'utf8');

  before(() => {
    assertBuilt();
    repo = new GitFixture();
    fs.cpSync(path.join(repoRoot, 'examples'), path.join(repo.dir, 'examples'), { recursive: true });
    repo.commit('The examples', '2026-09-30');
    repo.git('tag', 'v1.0');
    repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  });
  after(() => repo?.remove());

  it('has terminal samples to check', () => {
    const samples = textBlocks(readme).flatMap((block) => block.samples);
    assert.ok(samples.length > 0, 'no ```text block with a `$ npx plan-as-code` line in README.md');
    assert.ok(samples.some((s) => s.args[0] === 'check'), 'the check sample is there');
  });

  it('shows what each sample command prints', () => {
    const mismatches: string[] = [];
    let updated = readme;
    // From the last block back, so the offsets of the earlier ones stay right when updating.
    for (const block of textBlocks(readme).reverse()) {
      const real = block.samples.map((sample) => ({ sample, output: printed(spawnCli(sample.args, repo.dir)) }));
      const body = real.map(({ sample, output }) => `${sample.command}\n${output}\n`).join('');
      for (const { sample, output } of real) {
        if (anyCommit(output) !== anyCommit(sample.shown)) {
          mismatches.push(`README sample \`${sample.command}\` is not what the CLI prints. The block should read:\n\`\`\`text\n${body}\`\`\``);
        }
      }
      updated = updated.slice(0, block.from) + body + updated.slice(block.to);
    }
    if (update && updated !== readme) fs.writeFileSync(readmePath, updated);
    else if (mismatches.length > 0) assert.fail(`${mismatches.join('\n\n')}\n(UPDATE_README=1 writes these into README.md)`);
  });

  it('runs every `npx plan-as-code` command of its sh blocks as documented', () => {
    const commands = [...readme.matchAll(fence)]
      .filter((match) => match[1] === 'sh')
      .flatMap((match) => match[2].split('\n'))
      .map((line) => ({ line, args: cliArgs(line) }))
      .filter((c): c is { line: string; args: string[] } => c.args !== null);
    assert.ok(commands.length >= 10, `only ${commands.length} commands found`);
    const out = path.join(repo.dir, 'out');
    fs.mkdirSync(out);
    for (const { line, args } of commands) {
      // Files it writes go to a folder of their own (`--out -` is standard output).
      const at = args.indexOf('--out');
      const file = at >= 0 && args[at + 1] !== '-' ? path.join(out, path.basename(args[at + 1])) : undefined;
      if (file) args[at + 1] = file;
      const result = spawnCli(args, repo.dir);
      assert.equal(result.code, 0, `${line}\nexit ${result.code}\n${result.stderr}`);
      if (file) assert.ok(fs.statSync(file).size > 0, `${line}: wrote nothing to ${file}`);
      else assert.ok(result.stdout.length > 0, `${line}: printed nothing`);
    }
  });
});
