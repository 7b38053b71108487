/**
 * The README's pull-request comment (`diff --format md`) is what the CLI prints: examples/ committed as
 * `origin/main`, the edits of test/fixtures/history/next-meeting.json made on disk, then
 * `node dist/cli.js diff --base origin/main --format md`. The commit id is the only part that may
 * differ. And the README's claims about `--fail-on-slip` on the same change.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertBuilt, GitFixture, repoRoot, spawnCli } from '../utils/plans';

interface Edit {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

const start = '<!-- diff-example:start -->\n';
const end = '<!-- diff-example:end -->';
const anyCommit = (text: string) => text.replace(/\(([0-9a-f]{7})\)/g, '(COMMIT)');

describe('the README: plans over time', function () {
  this.timeout(60000);
  let repo: GitFixture;

  before(() => {
    assertBuilt();
    repo = new GitFixture();
    fs.cpSync(path.join(repoRoot, 'examples'), repo.dir, { recursive: true });
    repo.commit('The examples', '2026-09-30');
    repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    const { edits } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'history', 'next-meeting.json'), 'utf8')) as { edits: Edit[] };
    for (const edit of edits) {
      const file = path.join(repo.dir, edit.file);
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(text.includes(edit.from), `${edit.file} still has ${JSON.stringify(edit.from)}`);
      fs.writeFileSync(file, text.replace(edit.from, edit.to));
    }
  });
  after(() => repo?.remove());

  it('shows the real `diff --base origin/main --format md` of the example pull request', () => {
    const result = spawnCli(['diff', '--base', 'origin/main', '--format', 'md'], repo.dir);
    assert.equal(result.code, 0, result.stderr);
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const from = readme.indexOf(start);
    const to = readme.indexOf(end);
    assert.ok(from >= 0 && to > from, 'the README has the diff-example markers');
    assert.equal(anyCommit(readme.slice(from + start.length, to)), anyCommit(result.stdout), `the README's example is not what diff prints; it prints:\n${result.stdout}`);
  });

  it('--fail-on-slip 14 exits 0 and --fail-on-slip 7 exits 1 on it (forecasts moved 11 days at most)', () => {
    assert.equal(spawnCli(['diff', '--base', 'origin/main', '--fail-on-slip', '14'], repo.dir).code, 0);
    const strict = spawnCli(['diff', '--base', 'origin/main', '--fail-on-slip', '7'], repo.dir);
    assert.equal(strict.code, 1, strict.stderr);
    assert.match(strict.stderr, /\(worst: (project checkout-v2|milestone checkout-full-traffic), \+11 d\)/);
  });
});
