/**
 * `plan-as-code quality` (SPEC 11) as a real process: the JSON's shape, exit codes with and without
 * --fail, a folder without plans, bad usage, and thresholds from the team's .plan-as-code.yaml.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnCli } from '../utils/plans';

// S = 2026-03-01 (declared). a → b linked; both end by S and are done: every metric passes (bei = 2 / 2
// = 1; the program's forecast end, Feb 20, is before S: no cpli).
const good = `version: 1
program:
  id: pg
  name: Good program
  status_date: 2026-03-01
  end: 2026-03-31
  projects:
    - id: a
      name: A
      start: 2026-02-01
      end: 2026-02-10
      budget: 100
      progress: 100
    - id: b
      name: B
      depends_on: [a]
      end: 2026-02-20
      budget: 100
      progress: 100
`;

// The same with a third project c, alone: missing-logic 1 / 3 = 33 %, fails; it has no budget and no
// team: missing-resources fails too. c runs Mar 2 .. Mar 11, planned: no invalid date.
const bad = `${good}    - id: c
      name: C
      start: 2026-03-02
      duration: 10d
`;

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-quality-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('plan-as-code quality', function () {
  this.timeout(30_000);

  it('--format json is SPEC 11\'s shape: workspace first, programs by id, the nine metrics in order', () => {
    const dir = folder({ 'b.plan.yaml': bad, 'z.plan.yaml': good.replace('id: pg', 'id: other').replace('id: a', 'id: a2').replace('id: b', 'id: b2').replace('[a]', '[a2]') });
    const run = spawnCli(['quality', '--format', 'json'], dir);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(json), ['version', 'statusDate', 'scopes']);
    assert.equal(json.version, 1);
    assert.equal(json.statusDate, '2026-03-01');
    assert.deepEqual(json.scopes.map((s: { kind: string; id: string | null }) => [s.kind, s.id]), [['workspace', null], ['program', 'other'], ['program', 'pg']]);
    const workspace = json.scopes[0];
    assert.deepEqual(Object.keys(workspace), ['kind', 'id', 'metrics']);
    assert.deepEqual(workspace.metrics.map((m: { id: string }) => m.id), ['missing-logic', 'hard-constraints', 'high-float', 'negative-float', 'invalid-dates', 'missing-resources', 'missed', 'bei', 'cpli']);
    const logic = workspace.metrics[0];
    assert.deepEqual(Object.keys(logic), ['id', 'value', 'threshold', 'pass', 'count', 'total', 'offenders']);
    // c alone of 5 projects in scope: 1 / 5 × 100 = 20.
    assert.deepEqual(logic, { id: 'missing-logic', value: 20, threshold: 5, pass: false, count: 1, total: 5, offenders: ['c'] });
  });

  it('exits 1 with --fail when a metric fails, 0 without it, 0 with --fail when all pass', () => {
    const failing = folder({ 'p.plan.yaml': bad });
    assert.equal(spawnCli(['quality'], failing).code, 0);
    const withFail = spawnCli(['quality', '--fail'], failing);
    assert.equal(withFail.code, 1);
    assert.match(withFail.stdout, /FAIL {2}missing-logic .*: c$/m);
    const passing = folder({ 'p.plan.yaml': good });
    const run = spawnCli(['quality', '--fail', '--format', 'md'], passing);
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /^## Schedule quality at 2026-03-01/);
  });

  it('--status-date moves S: at 2026-02-05, a and b are done but end after S (invalid dates)', () => {
    // At Feb 5: a (end Feb 10) and b (end Feb 20) are done (progress 100) but end after S; nothing is due: bei null.
    const run = spawnCli(['quality', '--format', 'json', '--status-date', '2026-02-05'], folder({ 'p.plan.yaml': good }));
    const metrics = JSON.parse(run.stdout).scopes[0].metrics;
    const byId = (id: string) => metrics.find((m: { id: string }) => m.id === id);
    assert.deepEqual([byId('invalid-dates').count, byId('invalid-dates').offenders], [2, ['a', 'b']]);
    assert.deepEqual([byId('bei').value, byId('bei').pass], [null, true]);
  });

  it('a folder without plans: exit 2 with one line', () => {
    const run = spawnCli(['quality'], folder({ 'readme.txt': 'no plans' }));
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr.trim().split('\n').length, 1);
    assert.match(run.stderr, /no plan files/);
  });

  it('bad usage: exit 2 naming the option or the format', () => {
    const dir = folder({ 'p.plan.yaml': good });
    const format = spawnCli(['quality', '--format', 'csv'], dir);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format csv is not a format of quality \(expected text, json, md\)/);
    const option = spawnCli(['quality', '--fail-on', '3'], dir);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /quality has no option --fail-on/);
    assert.equal(spawnCli(['quality', '--status-date', '2026-02-30'], dir).code, 2);
  });

  it('thresholds come from .plan-as-code.yaml; a bad one is bad usage naming the setting and the default', () => {
    const lenient = folder({ 'p.plan.yaml': bad, '.plan-as-code.yaml': 'version: 1\nquality:\n  missing-logic: 40\n  missing-resources: 40\n' });
    const run = spawnCli(['quality', '--fail', '--format', 'json'], lenient);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(JSON.parse(run.stdout).scopes[0].metrics[0].threshold, 40);
    const wrong = folder({ 'p.plan.yaml': good, '.plan-as-code.yaml': 'version: 1\nquality:\n  cpli: -1\n' });
    const refused = spawnCli(['quality'], wrong);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /\.plan-as-code\.yaml:3:9: quality\.cpli must be a number of 0 or more, not -1 \(fix the settings file to go on\)$/m);
  });
});
