/**
 * Which revision the steering report's changes are since when none is given (SPEC 9, the same for the
 * CLI's `report` and VS Code's export): the newest tag of the branch, else the newest commit at least 30
 * days old on the day given (today, where the report is made). On real git repositories made by the test.
 */
import { strict as assert } from 'node:assert';
import { GitRepository } from '../../src/node/git';
import { defaultReportBase } from '../../src/node/reportHistory';
import { day, GitFixture } from '../utils/plans';

describe('the steering report: changes since what (SPEC 9)', function () {
  this.timeout(20000);
  const fixtures: GitFixture[] = [];
  const fixture = () => {
    const repo = new GitFixture();
    fixtures.push(repo);
    return repo;
  };
  after(() => fixtures.forEach((repo) => repo.remove()));

  it('without a tag: the newest commit at least 30 days old on the day given (30 days exactly counts)', async () => {
    const repo = fixture();
    const dates = ['2026-01-01', '2026-01-20', '2026-01-30', '2026-01-31', '2026-02-25'];
    const commits = dates.map((date, i) => repo.write({ 'a.plan.yaml': `# ${i}\n` }).commit(`commit ${i}`, date));
    const git = await GitRepository.open(repo.dir);
    // On Mar 1: Mar 1 − 30 days = Jan 30 (Feb has 28 days: Mar 1 − 1 = Feb 28, − 29 = Jan 30).
    assert.deepEqual(await defaultReportBase(git, day('2026-03-01')), { ref: commits[2].slice(0, 7), commit: commits[2] });
    // A day later the Jan 31 commit is 30 days old.
    assert.deepEqual(await defaultReportBase(git, day('2026-03-02')), { ref: commits[3].slice(0, 7), commit: commits[3] });
    // Jan 31 − 30 = Jan 1: only the first commit is old enough; a day earlier none is.
    assert.equal((await defaultReportBase(git, day('2026-01-31')))?.commit, commits[0]);
    assert.equal(await defaultReportBase(git, day('2026-01-30')), undefined);
  });

  it('the newest tag of the branch wins over any commit, however old; a tag on another branch is not the branch', async () => {
    const repo = fixture();
    const c1 = repo.write({ 'a.plan.yaml': '# 1\n' }).commit('one', '2026-01-01');
    const c2 = repo.write({ 'a.plan.yaml': '# 2\n' }).commit('two', '2026-02-01');
    repo.write({ 'a.plan.yaml': '# 3\n' }).commit('three', '2026-03-01');
    repo.git('tag', 'v1', c1);
    const git = await GitRepository.open(repo.dir);
    // On Mar 5, c2 is the newest 30-day-old commit (Mar 5 − 30 = Feb 3), yet the tag is chosen.
    assert.deepEqual(await defaultReportBase(git, day('2026-03-05')), { ref: 'v1', commit: c1 });
    repo.git('tag', 'v2', c2);
    assert.deepEqual(await defaultReportBase(git, day('2026-03-05')), { ref: 'v2', commit: c2 }, 'the newest by date, not by name');
    repo.git('tag', '-a', '-m', 'annotated', 'a0', c1);
    repo.git('checkout', '-q', '-b', 'side');
    const side = repo.write({ 'a.plan.yaml': '# side\n' }).commit('side', '2026-03-03');
    repo.git('tag', 'v9-side', side);
    repo.git('checkout', '-q', 'main');
    // The annotated tag is dated by its tagger: GitFixture.git runs as of Jan 1, so v2 (Feb 1) stays the
    // newest; v9-side (Mar 3) is not on main.
    assert.deepEqual(await defaultReportBase(git, day('2026-03-05')), { ref: 'v2', commit: c2 });
  });

  it('no commit at all: no base (the report goes without changes)', async () => {
    const repo = fixture();
    assert.equal(await defaultReportBase(await GitRepository.open(repo.dir), day('2026-03-01')), undefined);
  });
});
