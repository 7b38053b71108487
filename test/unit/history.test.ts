/**
 * Plans over time (SPEC 8) in the core: snapshots of two revisions, `diffPlans` and its JSON, the
 * revision workspace that reads and parses only what changed, and the trend — on revisions held in
 * memory (the reader is passed in; git is tested in history-contract.ts). Every expected figure is
 * worked out by hand in the comments (calendar days, end inclusive).
 */
import { strict as assert } from 'node:assert';
import { globPathspecs } from '../../src/node/git';
import {
  analyzePlans,
  barShape,
  comparedRange,
  roadmapComparison,
  type RoadmapBar,
  type Shape,
  diffMarkdown,
  diffPlans,
  diffText,
  planSnapshot,
  planTrend,
  RevisionWorkspace,
  slipsOver,
  toDiffJson,
  toRollupJson,
  UnreadableRevisionError,
  type AnalysisOptions,
  type BlobContent,
  type PlanDiff,
  type RevisionFile,
  type RevisionReader,
} from '../../src/core';
import { day, filesOf, yaml, type PlanInput } from '../utils/plans';

// ---------------------------------------------------------------------------------------------------
// Two revisions of one program, changed the way plans change between two steering meetings.

const platformBase = yaml`
  program:
    id: platform
    name: Platform
    status_date: 2026-01-05
    milestones:
      - id: ga
        name: GA
        date: 2026-02-01
    projects:
      - id: build
        name: Build
        start: 2026-01-01
        end: 2026-01-10
        budget: 1000
        spent: 500
        progress: 50
        milestones:
          - name: Kickoff
            date: 2026-01-01
            done: true
          - name: Review
            date: 2026-01-09
        risks:
          - title: Vendor late
            likelihood: 4
            impact: 4
            mitigation: Second vendor
      - id: stop
        name: Stop
        start: 2026-01-01
        end: 2026-01-31
        budget: 200
`;

// A month on? No: three days on (S = Jan 8), which keeps the arithmetic small. Build slips two days and
// runs late and over cost, Stop is cancelled, the GA gate moves two weeks, the review a day, the vendor
// risk is closed and an issue is raised; gone.plan.yaml is deleted, fresh.plan.yaml added, and
// steady.plan.yaml renamed without a change.
const platformHead = yaml`
  program:
    id: platform
    name: Platform
    status_date: 2026-01-08
    milestones:
      - id: ga
        name: GA
        date: 2026-02-15
    projects:
      - id: build
        name: Build (renamed)
        start: 2026-01-01
        end: 2026-01-12
        budget: 1000
        spent: 800
        progress: 60
        milestones:
          - name: Kickoff
            date: 2026-01-01
            done: true
          - name: Review
            date: 2026-01-10
        risks:
          - title: Vendor late
            likelihood: 4
            impact: 4
            mitigation: Second vendor
            state: closed
        issues:
          - id: env
            title: Staging unstable
            severity: high
      - id: stop
        name: Stop
        start: 2026-01-01
        end: 2026-01-31
        budget: 200
        state: cancelled
`;

const gone = yaml`
  project:
    id: gone
    name: Gone
    program: platform
    start: 2026-01-01
    end: 2026-01-20
    budget: 100
`;

const fresh = yaml`
  project:
    id: fresh
    name: Fresh
    program: platform
    start: 2026-02-01
    end: 2026-02-28
    budget: 400
`;

const steady = yaml`
  project:
    id: steady
    name: Steady
    start: 2025-12-01
    end: 2025-12-31
    budget: 50
    progress: 100
`;

const baseFiles = { 'platform.plan.yaml': platformBase, 'gone.plan.yaml': gone, 'steady.plan.yaml': steady };
const headFiles = { 'platform.plan.yaml': platformHead, 'fresh.plan.yaml': fresh, 'teams/steady-renamed.plan.yaml': steady };

const snapshot = (input: PlanInput, options: AnalysisOptions = {}) => planSnapshot(analyzePlans(filesOf(input), options));
const sides = { base: { ref: 'v1', commit: 'a'.repeat(40) }, head: { ref: null, commit: null } };

function compare(base: PlanInput, head: PlanInput, options: AnalysisOptions = {}): PlanDiff {
  return diffPlans(snapshot(base, options), snapshot(head, options), sides);
}

describe('plans over time (SPEC 8): diff', () => {
  const diff = compare(baseFiles, headFiles);
  const json = toDiffJson(diff);

  it('names both sides: ref and commit as given (null for the files on disk) and each side its own status date', () => {
    assert.deepEqual(json.base, { ref: 'v1', commit: 'a'.repeat(40), statusDate: '2026-01-05' });
    assert.deepEqual(json.head, { ref: null, commit: null, statusDate: '2026-01-08' });
  });

  it('lists every changed project with its values on both sides and the differences', () => {
    assert.deepEqual(
      json.projects.map((p) => [p.id, p.change]),
      [
        ['build', 'changed'],
        ['fresh', 'added'],
        ['gone', 'removed'],
        ['stop', 'changed'],
      ],
    );
    const build = json.projects[0];
    assert.equal(build.name, 'Build (renamed)', 'the head side names it');
    // Base, S = Jan 5: window Jan 1..10 = 10 days, 5 elapsed → PV 500; EV 1000 × 50% = 500; AC 500;
    // CPI 1, SPI 1 → EAC 1000; amber for its open high risk (4 × 4 = 16); forecast end = its end, Jan 10.
    assert.deepEqual(build.base, {
      start: '2026-01-01', end: '2026-01-10', forecastEnd: '2026-01-10', bac: 1000, budget: 1000, eac: 1000, progress: 50, health: 'amber', state: 'active',
    });
    // Head, S = Jan 8: window Jan 1..12 = 12 days, 8 elapsed → PV 1000 × 8/12; EV 600; AC 800;
    // CPI 600/800 = 0.75 < 0.9 → red; EAC 1000 / 0.75; SPI 600 / (8000/12) = 0.9 exactly → forecast end
    // Jan 1 + ceil(12 / 0.9) − 1 = Jan 1 + 14 − 1 = Jan 14.
    // SPEC 8's fields exactly (earned schedule's forecast end is told in the text, not in the JSON).
    assert.deepEqual(build.head, {
      start: '2026-01-01', end: '2026-01-12', forecastEnd: '2026-01-14', bac: 1000, budget: 1000, eac: 1000 / 0.75, progress: 60, health: 'red', state: 'active',
    });
    // Δ EAC exactly 4000/3 − 1000 = 1000/3 (floating point's 1000 / 0.75 − 1000 is 333.33333333333326).
    assert.deepEqual(build.delta, { start: 0, end: 2, forecastEnd: 4, bac: 0, budget: 0, eac: 1000 / 3, progress: 10 });
  });

  it('an added or removed project has one side null and every difference null', () => {
    const [, added, removed] = json.projects;
    assert.equal(added.base, null);
    assert.deepEqual(added.head, {
      start: '2026-02-01', end: '2026-02-28', forecastEnd: '2026-02-28', bac: 400, budget: 400, eac: 400, progress: 0, health: 'green', state: 'planned',
    });
    assert.equal(removed.head, null);
    assert.equal(removed.base?.bac, 100);
    for (const change of [added, removed]) assert.deepEqual(change.delta, { start: null, end: null, forecastEnd: null, bac: null, budget: null, eac: null, progress: null });
  });

  it('a cancelled project changes state and loses its forecast', () => {
    const stop = json.projects[3];
    assert.equal(stop.base?.state, 'active');
    assert.equal(stop.head?.state, 'cancelled');
    assert.equal(stop.head?.forecastEnd, null);
    assert.equal(stop.delta.forecastEnd, null);
  });

  it('a program is compared on its rolled-up figures, state null', () => {
    assert.equal(json.programs.length, 1);
    const platform = json.programs[0];
    assert.equal(platform.change, 'changed');
    assert.equal(platform.base?.state, null);
    // BAC without cancelled projects: base build 1000 + stop 200 + gone 100 = 1300; head build 1000 + fresh 400 = 1400.
    assert.equal(platform.base?.bac, 1300);
    assert.equal(platform.head?.bac, 1400);
    assert.equal(platform.delta.bac, 100);
  });

  it('a renamed file with the same plan changes nothing (steady is not listed)', () => {
    assert.ok(!json.projects.some((p) => p.id === 'steady'));
  });

  it('milestones: matched by id, else by holder and name; done and unchanged ones are not listed', () => {
    assert.deepEqual(
      json.milestones.map((m) => [m.id, m.name, m.change, m.delta]),
      [
        // GA: Feb 1 → Feb 15 = +14 days; forecast the same (nothing it depends on is late).
        ['ga', 'GA', 'changed', { date: 14, forecast: 14 }],
        // Review (no id, on build): Jan 9 → Jan 10.
        [null, 'Review', 'changed', { date: 1, forecast: 1 }],
      ],
    );
    assert.deepEqual(json.milestones[1].base, { date: '2026-01-09', forecast: '2026-01-09', status: 'on-track', done: false });
    assert.deepEqual(Object.keys(json.milestones[1]), ['id', 'name', 'change', 'base', 'head', 'delta'], 'exactly the fields of SPEC 8');
    assert.deepEqual(diff.milestones[1].owner, { kind: 'project', id: 'build' }, 'the views know the holder');
  });

  it('risks and issues: a closed risk (matched by holder and title) and a raised issue', () => {
    assert.deepEqual(json.risks, [
      { owner: { kind: 'project', id: 'build' }, id: null, title: 'Vendor late', change: 'closed', base: { level: 'high', state: 'open' }, head: { level: 'high', state: 'closed' } },
    ]);
    assert.deepEqual(json.issues, [
      { owner: { kind: 'project', id: 'build' }, id: 'env', title: 'Staging unstable', change: 'added', base: null, head: { severity: 'high', state: 'open' } },
    ]);
  });

  it('a risk reopened, re-rated, added and removed; an issue closed', () => {
    const program = (risks: string, issues: string) => yaml`
      program:
        id: p
        name: P
        status_date: 2026-01-05
        risks:
          ${risks}
        issues:
          ${issues}
    `;
    const before = program(
      '- { id: r1, title: One, likelihood: 1, impact: 1, state: closed }\n          - { id: r2, title: Two, likelihood: 2, impact: 4 }\n          - { id: r3, title: Three, likelihood: 1, impact: 1 }',
      '- { id: i1, title: Broken, severity: critical }',
    );
    const after = program(
      '- { id: r1, title: One, likelihood: 1, impact: 1 }\n          - { id: r2, title: Two, likelihood: 4, impact: 4 }\n          - { id: r4, title: Four, likelihood: 5, impact: 5 }',
      '- { id: i1, title: Broken, severity: critical, state: closed }',
    );
    const d = compare(before, after);
    // r2: 2 × 4 = 8 (medium) → 4 × 4 = 16 (high).
    assert.deepEqual(
      d.risks.map((r) => [r.id, r.change, r.base?.level ?? null, r.head?.level ?? null]),
      [
        ['r1', 'opened', 'low', 'low'],
        ['r2', 'changed', 'medium', 'high'],
        ['r3', 'removed', 'low', null],
        ['r4', 'added', null, 'high'],
      ],
    );
    assert.deepEqual(d.issues.map((i) => [i.id, i.change]), [['i1', 'closed']]);
  });

  it('the status date alone moves figures: the same plan a month on', () => {
    const plan = (statusDate: string) => yaml`
      program:
        id: p
        name: P
        status_date: ${statusDate}
        projects:
          - { id: a, name: A, start: 2026-01-01, end: 2026-01-30, budget: 300, spent: 100, progress: 10 }
    `;
    const d = compare(plan('2026-01-10'), plan('2026-02-09'));
    assert.equal(d.base.statusDate, '2026-01-10');
    assert.equal(d.head.statusDate, '2026-02-09');
    const a = d.projects[0];
    // Jan 10: PV 300 × 10/30 = 100, EV 30 → SPI 0.3, forecast Jan 1 + ceil(30 / 0.3) − 1 = Jan 1 + 99 = Apr 10.
    // Feb 9: PV 300 (window over), SPI 0.1 → Jan 1 + 300 − 1 = Oct 27 (Jan 1 + 299 days); +200 days.
    assert.equal(a.base?.forecastEnd, '2026-04-10');
    assert.equal(a.head?.forecastEnd, '2026-10-27');
    assert.equal(a.delta.forecastEnd, 200);
    assert.equal(a.delta.end, 0);
  });

  it('an analysis option status date applies to both sides', () => {
    const d = compare(baseFiles, headFiles, { statusDate: day('2026-01-07') });
    assert.equal(d.base.statusDate, '2026-01-07');
    assert.equal(d.head.statusDate, '2026-01-07');
  });

  it('lists are ordered by id; entries without an id come after, by holder and name', () => {
    const plan = (date: string) => yaml`
      program:
        id: p
        name: P
        status_date: 2026-01-05
        milestones:
          - { name: Zulu, date: ${date} }
          - { name: Alpha, date: ${date} }
          - { id: m-b, name: B, date: ${date} }
          - { id: m-a, name: A, date: ${date} }
        projects:
          - { id: z, name: Z, start: 2026-01-01, end: ${date} }
          - { id: B, name: B, start: 2026-01-01, end: ${date} }
          - { id: a, name: A, start: 2026-01-01, end: ${date} }
    `;
    const d = compare(plan('2026-03-01'), plan('2026-03-02'));
    assert.deepEqual(d.projects.map((p) => p.id), ['B', 'a', 'z'], 'by id, code unit order (upper case first)');
    assert.deepEqual(d.milestones.map((m) => m.id ?? m.name), ['m-a', 'm-b', 'Alpha', 'Zulu']);
  });

  it('nothing changed: every list empty', () => {
    const d = toDiffJson(compare(baseFiles, baseFiles));
    assert.deepEqual([d.projects, d.programs, d.milestones, d.risks, d.issues], [[], [], [], [], []]);
  });

  it('--fail-on-slip counts forecast ends of projects and milestone forecasts that moved later by more than N days', () => {
    // build's forecast end +4, GA's forecast +14, the review's +1.
    assert.deepEqual(slipsOver(diff, 3).map((s) => [s.kind, s.id ?? s.name, s.days]), [['milestone', 'ga', 14], ['project', 'build', 4]]);
    assert.deepEqual(slipsOver(diff, 14), []);
  });
});

describe('plans over time (SPEC 8): diff as text and Markdown', () => {
  const diff = compare(baseFiles, headFiles);

  it('Markdown: slips first (later forecasts, largest first), then re-plans, approved budget apart from forecast cost, health, added/removed, milestones, risks and issues', () => {
    const md = diffMarkdown(diff);
    const headings = md.split('\n').filter((line) => line.startsWith('#### '));
    assert.deepEqual(headings, [
      '#### Slips', '#### Re-plans', '#### Approved budget', '#### Forecast cost', '#### Health', '#### Added, removed or changing state', '#### Milestones', '#### Risks', '#### Issues',
    ]);
    const rows = (from: string, to: string) => md.slice(md.indexOf(from), md.indexOf(to)).split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
    // Slips are forecast moves, largest first: the program's forecast end goes from GA (Feb 1) to fresh's end
    // (Feb 28): +27 d; GA's forecast +14 d; build's forecast end Jan 10 → Jan 14: +4 d (its plan +2 d only);
    // the review's +1 d.
    assert.deepEqual(rows('#### Slips', '#### Re-plans'), [
      '| Project, program or milestone | Forecast end | Planned end |',
      '| Platform `platform` (program) | 2026-02-01 → 2026-02-28 (+27 d) | 2026-02-01 → 2026-02-28 (+27 d) |',
      '| GA `ga` (milestone of program `platform`) | 2026-02-01 → 2026-02-15 (+14 d) | 2026-02-01 → 2026-02-15 (+14 d) |',
      '| Build (renamed) `build` | 2026-01-10 → 2026-01-14 (+4 d) | 2026-01-10 → 2026-01-12 (+2 d) |',
      '| Review (milestone of project `build`) | 2026-01-09 → 2026-01-10 (+1 d) | 2026-01-09 → 2026-01-10 (+1 d) |',
    ]);
    assert.deepEqual(rows('#### Re-plans', '#### Approved budget'), [
      '| Project or program | Start | Planned end |',
      '| Platform `platform` (program) | 2026-01-01 | 2026-02-01 → 2026-02-28 (+27 d) |',
      '| Build (renamed) `build` | 2026-01-01 | 2026-01-10 → 2026-01-12 (+2 d) |',
    ]);
    // The program's BAC 1300 → 1400 is approved budget; EACs: the program 1300 → 1000 / 0.75 + 400 = 1733.33
    // ("1.73k", +433), build 1000 → 1333.33 (+333) are forecast cost.
    assert.deepEqual(rows('#### Approved budget', '#### Forecast cost'), [
      '| Project or program | Budget | Δ Budget | BAC | Δ BAC |',
      '| Platform `platform` (program) | — |  | 1.30k → 1.40k | +100 |',
    ]);
    assert.deepEqual(rows('#### Forecast cost', '#### Health'), [
      '| Project or program | EAC | Δ EAC | BAC (now) |',
      '| Platform `platform` (program) | 1.30k → 1.73k | +433 | 1.40k |',
      '| Build (renamed) `build` | 1.00k → 1.33k | +333 | 1.00k |',
    ]);
    assert.ok(rows('#### Milestones', '#### Risks').includes('| GA `ga` | program `platform` | re-plan, slip | 2026-02-01 → 2026-02-15 (+14 d) | 2026-02-01 → 2026-02-15 (+14 d) | on track |'));
    assert.match(md, /^### Plan changes: v1 \(aaaaaaa\) → files on disk$/m);
    assert.match(md, /^status date 2026-01-05 → 2026-01-08 · 4 slips \(worst \+27 d\) · 2 re-plans · 1 approved budget change · 2 forecast cost changes · 1 health change · /m);
  });

  it('Markdown escapes what a plan writes: a name cannot open a table cell, a link or HTML', () => {
    const evil = (name: string, end: string) => yaml`
      project:
        id: x
        name: "${name}"
        start: 2026-01-01
        end: ${end}
    `;
    const md = diffMarkdown(compare(evil('A', '2026-01-10'), evil('B | <img src=x onerror=alert(1)>', '2026-01-11')));
    assert.ok(md.includes('B \\| &#60;img src=x onerror=alert(1)&#62;'), md);
    assert.ok(!md.includes('<img'), md);
  });

  it('Markdown escapes inline markup a plan writes (emphasis, links, code, strikethrough, math), and an id in code stays code', () => {
    const marked = (name: string, end: string) => yaml`
      project:
        id: "x\`y"
        name: '${name}'
        start: 2026-01-01
        end: ${end}
    `;
    const md = diffMarkdown(compare(marked('A', '2026-01-10'), marked('**x** [link](http://evil) `c` ~~s~~ $m$ _u_', '2026-01-11')));
    const row = md.split('\n').find((line) => line.startsWith('| \\*'));
    assert.equal(row?.split(' | ')[0], '| \\*\\*x\\*\\* \\[link\\](http://evil) \\`c\\` \\~\\~s\\~\\~ \\$m\\$ \\_u\\_ ``x`y``', md);
  });

  it('text: every changed entity with each value that changed, labelled, formatted and said for what it is', () => {
    const text = diffText(diff);
    assert.match(text, /^v1 \(aaaaaaa\) → files on disk, status date 2026-01-05 → 2026-01-08$/m);
    // build: EAC 1000 → 1000 / 0.75 = 1333.33 ("1.33k", +333.33 → "+333"); progress 50 → 60.
    assert.ok(
      text.includes(
        [
          '  changed  build  Build (renamed)',
          '           re-plan: Planned end 2026-01-10 → 2026-01-12 (+2 d)',
          '           slip: Forecast end 2026-01-10 → 2026-01-14 (+4 d)',
          // Earned schedule: ES 12 × 60 % = 7.2 of AT 8 → SPI(t) 0.9, Jan 1 + ceil(12 / 0.9) − 1 = Jan 14.
          '           Forecast end (ES) 2026-01-10 → 2026-01-14 (+4 d)',
          '           forecast cost: EAC 1.00k → 1.33k (+333)',
          '           Progress 50% → 60% (+10 pts)',
          '           Health amber → red',
        ].join('\n'),
      ),
      text,
    );
    assert.match(text, /^ {11}approved budget: BAC 1\.30k → 1\.40k \(\+100\)$/m);
    assert.match(text, /^ {2}closed {3}Vendor late \(project build\)\n {11}high, open → high, closed$/m);
    assert.match(text, /^ {2}added {4}fresh {2}Fresh\n {11}2026-02-01 → 2026-02-28, BAC 400, green, planned$/m);
    assert.match(text, /^ {2}changed {2}stop {2}Stop\n {11}Forecast end 2026-01-31 → —\n {11}State active → cancelled$/m);
    assert.match(text, /^ {2}changed {2}ga {2}GA \(program platform\)\n {11}re-plan: Due 2026-02-01 → 2026-02-15 \(\+14 d\)\n {11}slip: Forecast 2026-02-01 → 2026-02-15 \(\+14 d\)$/m);
    assert.ok(!/forecastEnd|eac \d|\d\.\d{3}/.test(text), 'no field names, no unrounded numbers');
  });
});

// ---------------------------------------------------------------------------------------------------
// Revisions read through a reader

/** Revisions held in memory: content ids are assigned per distinct text, and every read is recorded. */
class MemoryHistory implements RevisionReader {
  private readonly ids = new Map<string, string>();
  private readonly texts = new Map<string, string>();
  readonly reads: string[][] = [];

  constructor(private readonly revisions: Readonly<Record<string, Readonly<Record<string, string>>>>) {}

  private idOf(text: string): string {
    let id = this.ids.get(text);
    if (!id) {
      id = `blob${this.ids.size}`;
      this.ids.set(text, id);
      this.texts.set(id, text);
    }
    return id;
  }

  async files(revision: string): Promise<RevisionFile[]> {
    return Object.entries(this.revisions[revision]).map(([path, text]) => ({ path, blob: this.idOf(text) }));
  }

  async blobs(ids: readonly string[]): Promise<Map<string, BlobContent>> {
    this.reads.push([...ids]);
    return new Map(ids.flatMap((id) => (this.texts.has(id) ? [[id, this.texts.get(id)!] as [string, string]] : [])));
  }
}

describe('plans over time (SPEC 8): reading revisions', () => {
  it('reads each file once, and again only when its content changed; a renamed file is read under its new path', async () => {
    const history = new MemoryHistory({ c1: baseFiles, c2: headFiles });
    const workspace = new RevisionWorkspace(history);
    const first = await workspace.analyze(await history.files('c1'));
    assert.deepEqual(history.reads, [['blob0', 'blob1', 'blob2']], 'one read of the three files');
    const second = await workspace.analyze(await history.files('c2'));
    // platform changed (blob3), fresh is new (blob4), steady's content is blob2 under a new path.
    assert.deepEqual(history.reads[1], ['blob3', 'blob4', 'blob2']);
    assert.deepEqual(second.files.map((f) => f.path), ['fresh.plan.yaml', 'platform.plan.yaml', 'teams/steady-renamed.plan.yaml']);
    await workspace.analyze(await history.files('c2'));
    assert.equal(history.reads.length, 2, 'the same revision again reads nothing');
    assert.deepEqual(first.files.map((f) => f.path), ['gone.plan.yaml', 'platform.plan.yaml', 'steady.plan.yaml']);
  });

  it('the figures alone (what the trend reads) are those of the full analysis', async () => {
    for (const [files, options] of [[baseFiles, {}], [headFiles, { today: day('2026-01-20') }], [headFiles, { statusDate: day('2026-01-03') }]] as const) {
      const history = new MemoryHistory({ c: files });
      const full = await new RevisionWorkspace(history).analyze(await history.files('c'), options);
      const figures = await new RevisionWorkspace(history).figures(await history.files('c'), options);
      assert.deepEqual(toRollupJson({ ...full, ...figures }), toRollupJson(full));
      assert.deepEqual(planSnapshot(figures), planSnapshot(full));
    }
  });

  it('a file whose content the reader cannot give is one clear error naming the file', async () => {
    const reader: RevisionReader = { files: async () => [], blobs: async () => new Map() };
    await assert.rejects(new RevisionWorkspace(reader).analyze([{ path: 'a.plan.yaml', blob: 'deadbeef' }]), (error: Error) => {
      assert.ok(error instanceof UnreadableRevisionError);
      assert.match(error.message, /^a\.plan\.yaml: its content \(blob deadbeef\) is not in the repository/);
      return true;
    });
  });

  it('content given by the caller (files on disk) is used as it is; an oversized file is reported, not read', async () => {
    const history = new MemoryHistory({});
    const analysis = await new RevisionWorkspace(history).analyze([
      { path: 'a.plan.yaml', blob: 'x', content: 'project: { id: a, name: A, start: 2026-01-01, end: 2026-01-02 }\n' },
      { path: 'big.plan.yaml', blob: 'y', content: { oversized: 9_000_000 } },
    ]);
    assert.deepEqual(history.reads, []);
    assert.equal(analysis.index.projects.length, 1);
    assert.ok(analysis.diagnostics.some((d) => d.file === 'big.plan.yaml' && d.severity === 'error'));
  });
});

describe('plans over time (SPEC 8): trend', () => {
  const undated = yaml`
    program:
      id: p
      name: P
      projects:
        - { id: a, name: A, start: 2026-01-01, end: 2026-01-10, budget: 1000, spent: 100, progress: 10 }
  `;

  it('one point per commit, as given (newest first), each rolled up with its commit date standing for today', async () => {
    const history = new MemoryHistory({ new: { 'p.plan.yaml': undated.replace('progress: 10', 'progress: 40') }, old: { 'p.plan.yaml': undated } });
    const trend = await planTrend(history, [
      { commit: 'new', date: day('2026-01-06') },
      { commit: 'old', date: day('2026-01-02') },
    ]);
    assert.deepEqual(trend.commits.map((c) => [c.commit, c.date, c.statusDate]), [['new', '2026-01-06', '2026-01-06'], ['old', '2026-01-02', '2026-01-02']]);
    // new, S = Jan 6: PV 1000 × 6/10 = 600, EV 400, AC 100 → CPI 4, SPI 2/3 → red; EAC 1000 / 4 = 250;
    // forecast end Jan 1 + ceil(10 / (2/3)) − 1 = Jan 1 + 14 = Jan 15.
    assert.deepEqual(trend.commits[0].programs, [{ id: 'p', bac: 1000, eac: 250, ev: 400, pv: 600, ac: 100, cpi: 4, spi: 400 / 600, spiT: 4 / 6, progress: 40, forecastEnd: '2026-01-15', health: 'red' }]);
    // SPI(t): ES = 10 days × 40 % = 4 of AT = 6 elapsed → 4/6; old: ES 1 of AT 2 → 0.5.
    // old, S = Jan 2: PV 200, EV 100 → SPI 0.5, forecast Jan 1 + 20 − 1 = Jan 20; CPI 1, EAC 1000.
    assert.deepEqual(trend.commits[1].programs, [{ id: 'p', bac: 1000, eac: 1000, ev: 100, pv: 200, ac: 100, cpi: 1, spi: 0.5, spiT: 0.5, progress: 10, forecastEnd: '2026-01-20', health: 'red' }]);
    assert.deepEqual(trend.commits[0].portfolios, []);
  });

  it('a declared status date wins over the commit date; an option status date over both', async () => {
    const dated = undated.replace('  name: P\n', '  name: P\n  status_date: 2026-01-05\n');
    const history = new MemoryHistory({ c: { 'p.plan.yaml': dated } });
    const own = await planTrend(history, [{ commit: 'c', date: day('2026-03-01') }]);
    assert.equal(own.commits[0].statusDate, '2026-01-05');
    const given = await planTrend(history, [{ commit: 'c', date: day('2026-03-01') }], { statusDate: day('2026-01-03') });
    assert.equal(given.commits[0].statusDate, '2026-01-03');
  });
});

describe('plans over time (SPEC 8): the roadmap compared with another revision', () => {
  const diff = compare(baseFiles, headFiles);
  const comparison = roadmapComparison(diff);

  it('a ghost for each project whose window or forecast moved (slip labelled), and for each new one', () => {
    assert.deepEqual(comparison.ghosts, [
      // build: end Jan 10 → Jan 12; its ghost is the base window.
      { id: 'build', start: day('2026-01-01'), end: day('2026-01-10'), label: '+2 d', slipped: true },
      { id: 'fresh', start: null, end: null, label: 'new', slipped: false },
      // stop: cancelled, its window unchanged and its forecast gone (null): no ghost.
    ]);
    assert.equal(comparison.label, 'v1 (aaaaaaa)');
    assert.equal(comparison.statusDates, 'status date 2026-01-05 → 2026-01-08');
  });

  it('Δ cells for each changed or added project and program; none for removed ones', () => {
    assert.deepEqual(
      comparison.deltas.map((d) => [d.kind, d.id, d.change, d.end, d.forecastEnd, d.bac, d.healthBefore, d.healthAfter]),
      [
        ['project', 'build', 'changed', 2, 4, 0, 'amber', 'red'],
        ['project', 'fresh', 'added', null, null, null, null, 'green'],
        // stop: nothing earned by Jan 5 (SPI 0): red; v3: no health once cancelled.
        ['project', 'stop', 'changed', 0, null, 0, 'red', null],
        // platform: end Feb 1 → Feb 28, BAC 1300 → 1400; red on its summed SPI on both sides.
        ['program', 'platform', 'changed', 27, 27, 100, 'red', 'red'],
      ],
    );
  });

  it('the list of changes: every entity of the comparison, by kind', () => {
    assert.deepEqual(comparison.changes.map((s) => [s.title, s.entries.length]), [['Projects', 4], ['Programs', 1], ['Milestones', 2], ['Risks', 1], ['Issues', 1]]);
    assert.equal(comparison.count, 9);
    const gone = comparison.changes[0].entries.find((e) => e.change === 'removed')!;
    assert.equal(gone.id, null, 'a removed project cannot be opened');
    assert.deepEqual(comparison.changes[0].entries[0].details, [
      're-plan: Planned end 2026-01-10 → 2026-01-12 (+2 d)',
      'slip: Forecast end 2026-01-10 → 2026-01-14 (+4 d)',
      'Forecast end (ES) 2026-01-10 → 2026-01-14 (+4 d)',
      'forecast cost: EAC 1.00k → 1.33k (+333)',
      'Progress 50% → 60% (+10 pts)',
      'Health amber → red',
    ]);
  });

  it("the drawn range widens to the other revision's windows", () => {
    const model = { range: { start: day('2026-03-01'), end: day('2026-03-31') } } as Parameters<typeof comparedRange>[0];
    const earlier = { ...comparison, ghosts: [{ id: 'x', start: day('2026-01-20'), end: day('2026-04-15'), label: '-3 d', slipped: false }] };
    // Jan 20 − 7 = Jan 13 → Jan 1; Apr 15 + 7 = Apr 22 → Apr 30.
    assert.deepEqual(comparedRange(model, earlier), { start: day('2026-01-01'), end: day('2026-04-30') });
    assert.deepEqual(comparedRange(model, null), model.range);
  });

  it('a bar with a ghost: a dashed outline at the other window, the slip beside the status, and both in its description', () => {
    const bar = {
      id: 'build', name: 'Build', lane: 0, start: day('2026-01-01'), end: day('2026-01-12'), progress: 60, health: 'red', declaredHealth: null, healthReasons: [],
      state: 'active', cancelled: false, critical: false, float: null, baselineStart: null, baselineEnd: null, forecastStart: null, forecastEnd: null, forecastNote: null,
      source: { file: 'p.plan.yaml', line: 0, character: 0 },
    } satisfies RoadmapBar;
    // 10 px a day from Jan 1 on row 2 (rows are 28 px: y = 56).
    const shape = barShape(bar, 2, day('2026-01-01'), 10, [], comparison.ghosts[0]);
    assert.ok(shape.t === 'g');
    const children = shape.children as Shape[];
    // Over the body and progress (an outline: the bar shows through), under the milestones and texts.
    const ghost = children.findIndex((c) => c.cls === 'ghost');
    assert.deepEqual(children[ghost], { t: 'rect', cls: 'ghost', x: 0, y: 56 + 6, w: 100, h: 16, rx: 3 });
    assert.ok(ghost > children.findIndex((c) => c.cls === 'progress'));
    const label = children.find((c) => c.t === 'text' && c.cls.startsWith('slip-label'));
    // The status text "60%" starts after the later end (Jan 12 → x 120) + 6; the label 3 × 6.5 + 8 further.
    assert.deepEqual(label, { t: 'text', cls: 'slip-label later', x: 126 + 3 * 6.5 + 8, y: 56 + 18, text: '+2 d' });
    assert.match(shape.title!, /; \+2 d against the compared revision \(was 2026-01-01 to 2026-01-10\)$/);
    const plain = barShape(bar, 2, day('2026-01-01'), 10);
    assert.ok(plain.t === 'g' && !plain.children.some((c) => c.cls === 'ghost' || c.cls.startsWith('slip-label')), 'no ghost when not comparing');
  });

  it("git pathspecs of the editor's plan glob: braces expanded, a folder's glob characters written literally", () => {
    assert.deepEqual(globPathspecs('**/*.plan.{yaml,yml}', ''), [':(glob)**/*.plan.yaml', ':(glob)**/*.plan.yml']);
    assert.deepEqual(globPathspecs('plans/*.{a,b}.{x,y}', 'sub [1]'), [':(glob)sub \\[1]/plans/*.a.x', ':(glob)sub \\[1]/plans/*.a.y', ':(glob)sub \\[1]/plans/*.b.x', ':(glob)sub \\[1]/plans/*.b.y']);
  });
});
