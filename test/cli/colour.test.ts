/**
 * Colour on a real terminal (src/cli/dispatch.ts): `check` run by `script`, which gives it a pseudo-terminal
 * as standard output, colours its text, and never with NO_COLOR set (https://no-color.org).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertBuilt, cliPath } from '../utils/plans';

/** A plan with one warning: `check` prints a diagnostic line. */
const warned = `version: 1
project:
  id: late
  name: Late
  start: 2026-01-05
  duration: 10d
  budget: 1000
  spent: 2000
`;

describe('colour on a terminal', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    assertBuilt();
    // util-linux's script (Debian's bsdutils, always installed) gives the command a terminal.
    if (spawnSync('script', ['--version']).status !== 0) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-colour-'));
    fs.writeFileSync(path.join(dir, 'late.plan.yaml'), warned);
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  /** `check` in `dir` with a terminal as standard output; what the terminal showed. */
  function onTerminal(env: NodeJS.ProcessEnv): string {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cliPath)} check . --status-date 2026-02-01`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, env, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /overspent/);
    return run.stdout;
  }

  it('colours the text on a terminal', () => {
    const env = { ...process.env };
    delete env.NO_COLOR;
    assert.ok(onTerminal(env).includes('\x1b['), 'an escape sequence');
  });

  it('never with NO_COLOR set, on the same terminal', () => {
    assert.ok(!onTerminal({ ...process.env, NO_COLOR: '1' }).includes('\x1b['), 'no escape sequence');
  });
});
