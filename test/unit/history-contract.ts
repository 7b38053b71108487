/**
 * SPEC 8 (Plans over time) on real git repositories made by the tests: `diff` and `trend` through the
 * command line, written once and run twice — in-process through `main()` (test/unit/history-cli.test.ts)
 * and as a real process, `node dist/cli.js` (test/cli/history.test.ts). Commits, a tag, a branch and a
 * merge, a renamed and a moved file, a deleted one, edits and an untracked file on disk, a shallow
 * clone, a folder that is no repository, unknown refs, refs with shell characters, and a repository
 * configured to run programs.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatDay, today, type PlanDiffJson, type TrendJson } from '../../src/core';
import type { Runner } from './cli-contract';
import { GitFixture, yaml, type CliResult } from '../utils/plans';

// The program at two steering meetings: the same plan as test/unit/history.test.ts works out by hand.
const platform = (meeting: 1 | 2) => yaml`
  program:
    id: platform
    name: Platform
    status_date: ${meeting === 1 ? '2026-01-05' : '2026-01-08'}
    milestones:
      - id: ga
        name: GA
        date: ${meeting === 1 ? '2026-02-01' : '2026-02-15'}
    projects:
      - id: build
        name: Build
        start: 2026-01-01
        end: ${meeting === 1 ? '2026-01-10' : '2026-01-12'}
        budget: 1000
        spent: ${meeting === 1 ? 500 : 800}
        progress: ${meeting === 1 ? 50 : 60}
`;
const ops = (budget: number) => yaml`
  project:
    id: ops
    name: Operations
    program: platform
    start: 2026-01-01
    end: 2026-01-31
    budget: ${budget}
`;
const old = yaml`
  project:
    id: old
    name: Old
    program: platform
    start: 2026-01-01
    end: 2026-01-05
    progress: 100
`;
const side = yaml`
  project:
    id: side
    name: Side
    start: 2026-01-01
    end: 2026-01-10
    budget: 100
`;

/** The history every test reads (first parent, newest last). */
interface History {
  readonly repo: GitFixture;
  /** v1 (tag): the first meeting. */
  readonly c1: string;
  /** The second meeting: build slips, GA moves. */
  readonly c2: string;
  /** ops.plan.yaml renamed and moved, old.plan.yaml moved, nothing else. */
  readonly c3: string;
  /** old.plan.yaml deleted. */
  readonly c4: string;
  /** On branch `feature` (not first parent): ops' budget 300 → 350. */
  readonly feature: string;
  /** On main: only the README. */
  readonly readme: string;
  /** Merges `feature` into main. */
  readonly merge: string;
}

function makeHistory(): History {
  const repo = new GitFixture();
  repo.write({ 'plans/platform.plan.yaml': platform(1), 'plans/team/ops.plan.yaml': ops(300), 'plans/old.plan.yaml': old, 'other/side.plan.yaml': side, 'README.md': '# Plans\n' });
  const c1 = repo.commit('First meeting', '2026-01-05');
  repo.git('tag', 'v1');
  const c2 = repo.write({ 'plans/platform.plan.yaml': platform(2) }).commit('Second meeting: build slips, GA moves', '2026-01-08');
  fs.mkdirSync(path.join(repo.dir, 'plans', 'archive'));
  repo.git('mv', 'plans/team/ops.plan.yaml', 'plans/ops-renamed.plan.yaml');
  repo.git('mv', 'plans/old.plan.yaml', 'plans/archive/old.plan.yaml');
  const c3 = repo.commit('Rename and move plan files', '2026-01-09');
  const c4 = repo.write({ 'plans/archive/old.plan.yaml': null }).commit('Drop the old project', '2026-01-10');
  repo.git('checkout', '-q', '-b', 'feature');
  const feature = repo.write({ 'plans/ops-renamed.plan.yaml': ops(350) }).commit('More for operations', '2026-01-11');
  repo.git('checkout', '-q', 'main');
  const readme = repo.write({ 'README.md': '# Plans\n\nSee plans/.\n' }).commit('README only', '2026-01-12');
  const merge = repo.merge('feature', 'Merge feature', '2026-01-13');
  return { repo, c1, c2, c3, c4, feature, readme, merge };
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

/** Exit 2 with exactly one line on stderr matching `pattern`, nothing on stdout. */
function assertUsage(result: CliResult, pattern: RegExp): void {
  assert.equal(result.code, 2, `exit code; stderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  assert.equal(lines(result.stderr).length, 1, `one line: ${result.stderr}`);
  assert.match(result.stderr, pattern);
  assert.ok(!/\n\s+at /.test(result.stderr), 'no stack trace');
}

export function describeHistoryCommands(label: string, runIn: Runner): void {
  describe(label, function () {
    let h: History;
    before(() => {
      h = makeHistory();
    });
    after(() => h?.repo.remove());
    const run = (...args: string[]) => runIn(args, h.repo.dir);
    const diffJson = async (...args: string[]): Promise<PlanDiffJson> => {
      const result = await run('diff', '--format', 'json', ...args);
      assert.equal(result.code, 0, result.stderr);
      return JSON.parse(result.stdout) as PlanDiffJson;
    };
    const emptyLists = (d: PlanDiffJson) => [d.projects, d.programs, d.milestones, d.risks, d.issues];

    describe('diff', () => {
      it('between a tag and a commit: both sides named, each with its own status date, every change listed', async () => {
        const d = await diffJson('--base', 'v1', '--head', h.c2);
        assert.deepEqual(d.base, { ref: 'v1', commit: h.c1, statusDate: '2026-01-05' });
        assert.deepEqual(d.head, { ref: h.c2, commit: h.c2, statusDate: '2026-01-08' });
        assert.deepEqual(d.projects.map((p) => [p.id, p.change, p.delta.end, p.delta.forecastEnd]), [['build', 'changed', 2, 4]]);
        assert.deepEqual(d.milestones.map((m) => [m.id, m.change, m.delta.date]), [['ga', 'changed', 14]]);
        assert.deepEqual(d.programs.map((p) => p.id), ['platform']);
        assert.equal(d.version, 1);
      });

      it('a renamed and a moved file are no change', async () => {
        assert.deepEqual(emptyLists(await diffJson('--base', h.c2, '--head', h.c3)), [[], [], [], [], []]);
      });

      it('a deleted file removes its project', async () => {
        const d = await diffJson('--base', h.c3, '--head', h.c4);
        assert.deepEqual(d.projects.map((p) => [p.id, p.change, p.head]), [['old', 'removed', null]]);
      });

      it('the merge brings the branch in: HEAD~1 (first parent) against HEAD', async () => {
        const d = await diffJson('--base', 'HEAD~1', '--head', 'HEAD');
        assert.equal(d.base.commit, h.readme);
        assert.deepEqual(d.projects.map((p) => [p.id, p.delta.bac]), [['ops', 50]]);
      });

      it('text says what happened in labels and formatted figures: the merged budget raise is an approved budget change', async () => {
        const result = await run('diff', '--base', 'HEAD~1', '--head', 'HEAD');
        assert.equal(result.code, 0, result.stderr);
        // ops: budget 300 → 350 (no baseline, so BAC too); not started (Jan 1..31, S Jan 8, no progress): EAC = BAC.
        assert.ok(
          result.stdout.includes(
            '  changed  ops  Operations\n           approved budget: BAC 300 → 350 (+50)\n           approved budget: Budget 300 → 350 (+50)\n           forecast cost: EAC 300 → 350 (+50)\n',
          ),
          result.stdout,
        );
        assert.ok(!/\b(bac|eac|budget) \d/.test(result.stdout), 'labels, not field names');
      });

      it('by default HEAD against the files on disk: nothing, then an edit (a what-if) and an untracked file', async () => {
        const clean = await diffJson();
        assert.deepEqual(clean.base, { ref: 'HEAD', commit: h.merge, statusDate: '2026-01-08' });
        assert.deepEqual(clean.head, { ref: null, commit: null, statusDate: '2026-01-08' });
        assert.deepEqual(emptyLists(clean), [[], [], [], [], []]);
        h.repo.write({ 'plans/ops-renamed.plan.yaml': ops(500), 'plans/new.plan.yaml': side.replace(/side/g, 'fresh').replace('Side', 'Fresh') });
        try {
          const d = await diffJson();
          assert.deepEqual(d.projects.map((p) => [p.id, p.change, p.delta.bac]), [['fresh', 'added', null], ['ops', 'changed', 150]]);
        } finally {
          h.repo.write({ 'plans/ops-renamed.plan.yaml': ops(350), 'plans/new.plan.yaml': null });
        }
      });

      it('paths limit the plan files on both sides', async () => {
        const all = await diffJson('--base', h.c1, '--head', h.c4);
        assert.deepEqual(all.projects.map((p) => p.id), ['build', 'old']);
        const other = await diffJson('other', '--base', h.c1, '--head', h.c4);
        assert.deepEqual(emptyLists(other), [[], [], [], [], []]);
        const one = await diffJson('plans/platform.plan.yaml', '--base', h.c1, '--head', h.c4);
        assert.deepEqual(one.projects.map((p) => p.id), ['build']);
      });

      it('--status-date applies to both sides', async () => {
        const d = await diffJson('--base', 'v1', '--head', h.c2, '--status-date', '2026-01-07');
        assert.equal(d.base.statusDate, '2026-01-07');
        assert.equal(d.head.statusDate, '2026-01-07');
      });

      it('--fail-on-slip N exits 1 when a forecast moved later by more than N days (GA: +14 d), 0 otherwise', async () => {
        const over = await run('diff', '--base', 'v1', '--head', h.c2, '--fail-on-slip', '13');
        assert.equal(over.code, 1, over.stderr);
        assert.equal(over.stderr, 'plan-as-code: 1 forecast slipped more than 13 days (worst: milestone ga, +14 d)\n');
        assert.equal(lines(over.stdout)[0], `v1 (${h.c1.slice(0, 7)}) → ${h.c2.slice(0, 7)}, status date 2026-01-05 → 2026-01-08`);
        const within = await run('diff', '--base', 'v1', '--head', h.c2, '--fail-on-slip', '14');
        assert.equal(within.code, 0, within.stderr);
      });

      it('--format md is a pull-request comment: a heading, a summary line and tables', async () => {
        const result = await run('diff', '--base', 'v1', '--head', h.c2, '--format', 'md');
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^### Plan changes: v1 \([0-9a-f]{7}\) → /);
        // Slips are later forecasts: the program's and GA's +14 d, build's +4 d (its planned end +2 d is a re-plan).
        assert.match(result.stdout, /^status date 2026-01-05 → 2026-01-08 · 3 slips \(worst \+14 d\) · 2 re-plans · 2 forecast cost changes · /m);
        assert.match(result.stdout, /^\| Build `build` \| 2026-01-10 → 2026-01-14 \(\+4 d\) \| 2026-01-10 → 2026-01-12 \(\+2 d\) \|$/m);
        assert.match(result.stdout, /^\| Build `build` \| 2026-01-01 \| 2026-01-10 → 2026-01-12 \(\+2 d\) \|$/m);
      });

      it('refs with spaces and shell characters are arguments, never run', async () => {
        const tag = 'v1$(touch${IFS}pwned)';
        const branch = 'a;touch pwned2&b|c`touch pwned3`'.replace(/ /g, '-');
        h.repo.git('tag', tag, h.c1);
        h.repo.git('branch', branch, h.c2);
        const d = await diffJson('--base', tag, '--head', branch);
        assert.deepEqual(d.base, { ref: tag, commit: h.c1, statusDate: '2026-01-05' });
        assert.equal(d.head.commit, h.c2);
        assertUsage(await run('diff', '--base', 'no such ref'), /^plan-as-code: unknown revision 'no such ref' \(not a branch, tag or commit of the repository at .+\)\n$/);
        assertUsage(await run('diff', '--base=--output=pwned4'), /unknown revision '--output=pwned4'/);
        for (const name of ['pwned', 'pwned2', 'pwned3', 'pwned4']) assert.ok(!fs.existsSync(path.join(h.repo.dir, name)), `${name} was not created`);
      });

      it('an unknown ref is one line and exit 2', async () => {
        assertUsage(await run('diff', '--base', 'nope'), /^plan-as-code: unknown revision 'nope' /);
        assertUsage(await run('diff', '--head', 'v9'), /^plan-as-code: unknown revision 'v9' /);
      });

      it('bad options are one line and exit 2', async () => {
        assertUsage(await run('diff', '--fail-on-slip', 'soon'), /--fail-on-slip soon is not a number of days/);
        assertUsage(await run('diff', '--fail-on-slip', '-1'), /fail-on-slip/);
        assertUsage(await run('diff', '--base', ''), /--base needs a revision/);
        assertUsage(await run('diff', '--format', 'csv'), /--format csv is not a format of diff \(expected text, json, md\)/);
        assertUsage(await run('diff', 'plans', path.dirname(h.repo.dir)), /^plan-as-code: .+ is outside the repository at .+\n$/);
      });
    });

    describe('trend', () => {
      const trend = async (...args: string[]): Promise<TrendJson> => {
        const result = await run('trend', ...args);
        assert.equal(result.code, 0, result.stderr);
        return JSON.parse(result.stdout) as TrendJson;
      };

      it('one point per first-parent commit that changed a plan file, newest first, each with its own status date', async () => {
        const t = await trend();
        assert.equal(t.version, 1);
        // Not the README-only commit, not the feature branch's own commit: the merge stands for it.
        assert.deepEqual(
          t.commits.map((c) => [c.commit, c.date, c.statusDate]),
          [
            [h.merge, '2026-01-13', '2026-01-08'],
            [h.c4, '2026-01-10', '2026-01-08'],
            [h.c3, '2026-01-09', '2026-01-08'],
            [h.c2, '2026-01-08', '2026-01-08'],
            [h.c1, '2026-01-05', '2026-01-05'],
          ],
        );
        const bac = t.commits.map((c) => c.programs.find((p) => p.id === 'platform')?.bac);
        // build 1000 + ops 350 (after the merge) or 300 + old 0.
        assert.deepEqual(bac, [1350, 1300, 1300, 1300, 1300]);
        assert.deepEqual(Object.keys(t.commits[0].programs[0]), ['id', 'bac', 'eac', 'ev', 'pv', 'ac', 'cpi', 'spi', 'spiT', 'progress', 'forecastEnd', 'health']);
      });

      it('--max keeps the newest N; --since keeps commits from that day on', async () => {
        assert.deepEqual((await trend('--max', '2')).commits.map((c) => c.commit), [h.merge, h.c4]);
        assert.deepEqual((await trend('--since', '2026-01-09')).commits.map((c) => c.commit), [h.merge, h.c4, h.c3]);
        // None since then: the output says no commit changed a plan file, and the note says of which days.
        const none = await run('trend', '--since', '2027-01-01', '--format', 'md');
        assert.equal(none.code, 0, none.stderr);
        assert.match(none.stdout, /No commit in this history changed a plan file\./);
        assert.match(none.stderr, /^plan-as-code: no commit on or after 2027-01-01 \(--since\) changed a plan file$/m);
        assert.doesNotMatch((await run('trend', '--since', '2026-01-09', '--format', 'md')).stderr, /no commit on or after/);
      });

      it('paths limit the plan files; with no status date declared, the commit date stands for today', async () => {
        const t = await trend('other');
        assert.deepEqual(t.commits.map((c) => [c.commit, c.statusDate]), [[h.c1, '2026-01-05']]);
        assert.deepEqual(t.commits[0].programs, []);
      });

      it('--format md is a table per program; html one self-contained page of charts', async () => {
        const md = await run('trend', '--format', 'md');
        assert.equal(md.code, 0, md.stderr);
        assert.match(md.stdout, /^## Program `platform`$/m);
        assert.equal(md.stdout.split('\n').filter((line) => /^\| `[0-9a-f]{7}` \| 2026-01-/.test(line)).length, 5);
        assert.match(md.stdout, /^\| Commit \| Date \| Status date \| BAC \| EAC \| CPI \| SPI \| SPI\(t\) \|/m, 'SPI(t) beside SPI');
        const out = path.join(os.tmpdir(), `plan-trend-${process.pid}-${label.length}.html`);
        try {
          const html = await run('trend', '--format', 'html', '--out', out);
          assert.equal(html.code, 0, html.stderr);
          const page = fs.readFileSync(out, 'utf8');
          assert.match(page, /<section class="entity" data-program="platform">/);
          assert.equal((page.match(/<svg [^>]*class="trend-chart"/g) ?? []).length, 3);
          // SPI(t) drawn with SPI in the indices' chart (the report's one line chart): its line and its points, each naming its commit.
          assert.match(page, /<path class="series spit" d="M[^"]+"\/>/);
          assert.match(page, /<title>SPI\(t\) \d\.\d\d at 2026-01-\d\d [0-9a-f]{7}<\/title>/);
          assert.match(page, /\.trend-chart path\.series\{fill:none/, 'lines, never filled');
          assert.ok(!/<script|https?:\/\//.test(page.replace(/http:\/\/www\.w3\.org\/2000\/svg/g, '')), 'no script, nothing fetched');
          assert.match(page, /Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
        } finally {
          fs.rmSync(out, { force: true });
        }
      });

      it('bad options are one line and exit 2', async () => {
        assertUsage(await run('trend', '--max', '0'), /--max 0 is not a number of commits/);
        assertUsage(await run('trend', '--since', '2026-13-01'), /--since 2026-13-01 is not a date/);
      });
    });

    describe('report (SPEC 9) with the history', () => {
      it('--since REF adds the changes since that revision, and the trend of the commits that changed plans', async () => {
        const out = path.join(os.tmpdir(), `plan-report-${process.pid}-${label.length}.html`);
        try {
          const result = await run('report', '--since', 'v1', '--out', out);
          assert.equal(result.code, 0, result.stderr);
          const html = fs.readFileSync(out, 'utf8');
          // v1 is the first meeting; on disk is the merge: build slipped 2 days (Jan 10 → Jan 12), GA moved 14.
          assert.match(html, /<h2 id="changes-title">Changes since v1<\/h2>/);
          assert.ok(html.includes('re-plan: Planned end 2026-01-10 → 2026-01-12 (+2 d)'), 'build was re-planned two days later');
          assert.match(html, /<h2 id="trend-title">Trend<\/h2>/);
          assert.ok(!/<script/i.test(html), 'still no script');
        } finally {
          fs.rmSync(out, { force: true });
        }
      });

      it('without --since: the changes since the newest tag (v1, as the VS Code export chooses it) and the trend', async () => {
        const result = await run('report', '--out', '-');
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /<h2 id="changes-title">Changes since v1<\/h2>/);
        assert.ok(result.stdout.includes('re-plan: Planned end 2026-01-10 → 2026-01-12 (+2 d)'), 'build was re-planned two days later');
        assert.match(result.stdout, /<h2 id="trend-title">Trend<\/h2>/);
      });

      it('without --since and without a tag: since the newest commit at least 30 days old today (whatever the status date), or no changes', async () => {
        // Days before today (SPEC 9: "the newest commit at least 30 days old").
        const daysAgo = (n: number) => formatDay(today() - n);
        const repo = new GitFixture();
        const young = new GitFixture();
        try {
          const first = repo.write({ 'a.plan.yaml': side }).commit('First', daysAgo(45));
          repo.write({ 'a.plan.yaml': side.replace('budget: 100', 'budget: 150') }).commit('More budget', daysAgo(10));
          // The first commit is 45 days old, the second 10: since the first, whatever status date the plans are judged at.
          for (const statusDate of [daysAgo(0), '2026-01-20', daysAgo(-90)]) {
            const month = await runIn(['report', '--out', '-', '--status-date', statusDate], repo.dir);
            assert.equal(month.code, 0, month.stderr);
            assert.match(month.stdout, new RegExp(`<h2 id="changes-title">Changes since ${first.slice(0, 7)}</h2>`), statusDate);
            assert.ok(month.stdout.includes('approved budget: Budget 100 → 150 (+50)'), 'the budget raised since');
          }
          // Commits 29 and 5 days old: none is 30 days old, no changes section.
          young.write({ 'a.plan.yaml': side }).commit('First', daysAgo(29));
          young.write({ 'a.plan.yaml': side.replace('budget: 100', 'budget: 150') }).commit('More budget', daysAgo(5));
          const recent = await runIn(['report', '--out', '-', '--status-date', '2026-12-31'], young.dir);
          assert.equal(recent.code, 0, recent.stderr);
          assert.ok(!recent.stdout.includes('id="changes-title"'), 'no commit 30 days old');
          assert.match(recent.stdout, /<h2 id="trend-title">Trend<\/h2>/);
        } finally {
          repo.remove();
          young.remove();
        }
      });

      it("judges each trend point at its own status date rule (SPEC 8), whatever --status-date the report is judged at", async () => {
        const repo = new GitFixture();
        try {
          const plan = (progress: number) => ['program:', '  id: g', '  name: G', '  projects:', `    - { id: p, name: P, start: 2026-01-01, end: 2026-01-31, budget: 100, progress: ${progress} }`, ''].join('\n');
          repo.write({ 'a.plan.yaml': plan(50) }).commit('First', '2026-01-10');
          repo.write({ 'a.plan.yaml': plan(60) }).commit('Second', '2026-01-20');
          const result = await runIn(['report', '--out', '-', '--status-date', '2026-01-31'], repo.dir);
          assert.equal(result.code, 0, result.stderr);
          const trend = result.stdout.slice(result.stdout.indexOf('id="trend-title"'));
          // At its commit's day: Jan 10, EV 50 / PV 100 × 10/31 → SPI 1.55; Jan 20, 60 / (100 × 20/31) → 0.93.
          // (Judged at Jan 31 they would read 0.50 and 0.60.)
          const spis = [...trend.matchAll(/<td[^>]*>(\d\.\d\d)<\/td>/g)].map((m) => m[1]);
          assert.ok(spis.includes('1.55') && spis.includes('0.93'), spis.join(' '));
          assert.ok(!spis.includes('0.50'), spis.join(' '));
        } finally {
          repo.remove();
        }
      });

      it('an unknown --since revision: one line, exit 2', async () => {
        assertUsage(await run('report', '--since', 'no-such-ref', '--out', '-'), /no-such-ref/);
      });
    });

    describe('where git says no', () => {
      it('a folder that is not a repository: one line, exit 2', async () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-as-code-norepo-'));
        try {
          fs.writeFileSync(path.join(folder, 'a.plan.yaml'), side);
          assertUsage(await runIn(['diff'], folder), /^plan-as-code: .+ is not in a git repository \(diff and trend read the plans' history from git\)\n$/);
          assertUsage(await runIn(['trend'], folder), /is not in a git repository/);
        } finally {
          fs.rmSync(folder, { recursive: true, force: true });
        }
      });

      it('a repository without commits: HEAD names none', async () => {
        const empty = new GitFixture();
        try {
          empty.write({ 'a.plan.yaml': side });
          assertUsage(await runIn(['diff'], empty.dir), /^plan-as-code: HEAD: the repository at .+ has no commits yet\n$/);
        } finally {
          empty.remove();
        }
      });

      it('a shallow clone: a ref before its history is one line naming the shallow clone; trend notes where it stops', async () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-as-code-shallow-'));
        try {
          execFileSync('git', ['clone', '-q', '--depth', '1', `file://${h.repo.dir}`, folder], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
          assertUsage(await runIn(['diff', '--base', 'HEAD~1'], folder), /^plan-as-code: unknown revision 'HEAD~1': this is a shallow clone/);
          const result = await runIn(['trend'], folder);
          assert.equal(result.code, 0, result.stderr);
          assert.deepEqual((JSON.parse(result.stdout) as TrendJson).commits.map((c) => c.commit), [h.merge]);
          assert.match(result.stderr, /shallow clone: the history stops early/);
          assert.equal((await runIn(['diff'], folder)).code, 0);
        } finally {
          fs.rmSync(folder, { recursive: true, force: true });
        }
      });

      it('a partial clone: a blob it lacks is never fetched; one line naming it, exit 2', async () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-as-code-partial-'));
        const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
        try {
          h.repo.git('config', 'uploadpack.allowFilter', 'true');
          execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${h.repo.dir}`, folder], { env });
          const result = await runIn(['diff', '--base', h.c1], folder);
          assertUsage(result, /^plan-as-code: a plan file's content \(blob [0-9a-f]{40}\) is not in this partial clone, and is not fetched from here/);
          const blob = /blob ([0-9a-f]{40})/.exec(result.stderr)![1];
          assert.match(h.repo.git('ls-tree', '-r', h.c1), new RegExp(`blob ${blob}\t`), 'a blob of the base');
          // Still missing: nothing was fetched (git itself would have fetched it from the promisor remote).
          assert.throws(() => execFileSync('git', ['cat-file', '-e', blob], { cwd: folder, env: { ...env, GIT_NO_LAZY_FETCH: '1' }, stdio: 'ignore' }));
        } finally {
          fs.rmSync(folder, { recursive: true, force: true });
        }
      });

      it('plans with errors are still compared, with a note per side; a file over --max-file-size is reported, not read', async () => {
        const repo = new GitFixture();
        try {
          // ops names a program that is not there (unknown-reference) on both sides; a.plan.yaml does not parse at HEAD.
          repo.write({ 'a.plan.yaml': 'project: [unclosed\n', 'b.plan.yaml': ops(300) });
          repo.commit('broken', '2026-01-05');
          repo.write({ 'a.plan.yaml': side });
          const result = await runIn(['diff', '--format', 'json'], repo.dir);
          assert.equal(result.code, 0, result.stderr);
          assert.deepEqual((JSON.parse(result.stdout) as PlanDiffJson).projects.map((p) => [p.id, p.change]), [['side', 'added']]);
          assert.deepEqual(lines(result.stderr), [
            'plan-as-code: the plans at HEAD have 2 errors; figures may be incomplete (run check)',
            'plan-as-code: the plans at the files on disk have 1 error; figures may be incomplete (run check)',
          ]);
          const tiny = await runIn(['diff', '--format', 'json', '--max-file-size', '0.00001'], repo.dir);
          assert.equal(tiny.code, 0, tiny.stderr);
          assert.deepEqual(emptyLists(JSON.parse(tiny.stdout) as PlanDiffJson), [[], [], [], [], []]);
          assert.match(tiny.stderr, /the plans at HEAD have 2 errors/);
          assert.match(tiny.stderr, /the plans at the files on disk have 2 errors/);
        } finally {
          repo.remove();
        }
      });

      it('nothing a repository configures runs: fsmonitor, hooks, filters, textconv, pager', async () => {
        const repo = new GitFixture();
        try {
          repo.write({ 'plans/a.plan.yaml': ops(300) });
          repo.commit('one', '2026-01-05');
          repo.write({ 'plans/a.plan.yaml': ops(400) });
          repo.commit('two', '2026-01-06');
          const marker = path.join(repo.dir, 'ran');
          const script = path.join(repo.dir, 'evil.sh');
          fs.writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncat\n`, { mode: 0o755 });
          for (const hook of ['post-checkout', 'pre-commit', 'reference-transaction', 'post-index-change', 'fsmonitor-watchman']) {
            fs.copyFileSync(script, path.join(repo.dir, '.git', 'hooks', hook));
            fs.chmodSync(path.join(repo.dir, '.git', 'hooks', hook), 0o755);
          }
          for (const [key, value] of [
            ['core.fsmonitor', script],
            ['core.pager', script],
            ['filter.evil.smudge', script],
            ['filter.evil.clean', script],
            ['filter.evil.process', script],
            ['diff.evil.textconv', script],
            ['log.showSignature', 'true'],
            ['gpg.program', script],
          ]) {
            repo.git('config', key, value);
          }
          fs.writeFileSync(path.join(repo.dir, '.gitattributes'), '*.plan.yaml filter=evil diff=evil\n');
          // Untracked .gitattributes: write it into the index-free info/attributes as well.
          fs.writeFileSync(path.join(repo.dir, '.git', 'info', 'attributes'), '*.plan.yaml filter=evil diff=evil\n');
          const d = await runIn(['diff', '--base', 'HEAD~1', '--format', 'json'], repo.dir);
          assert.equal(d.code, 0, d.stderr);
          assert.deepEqual((JSON.parse(d.stdout) as PlanDiffJson).projects.map((p) => [p.id, p.delta.bac]), [['ops', 100]]);
          assert.equal((await runIn(['diff'], repo.dir)).code, 0);
          assert.equal((await runIn(['trend'], repo.dir)).code, 0);
          assert.ok(!fs.existsSync(marker), `a configured program ran: ${fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : ''}`);
        } finally {
          repo.remove();
        }
      });
    });
  });
}
