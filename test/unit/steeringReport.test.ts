/**
 * The steering report (SPEC 9): its data worked out by hand on a small workspace (milestones on each
 * side of the 30/60/90-day edges, one missed and one at risk, risks and issues open, closed and of a
 * cancelled project), the problems summary, and the HTML: escaped, no script, a CSP hash that matches
 * its stylesheet, the history sections only when given. Also the exports' shared pieces it relies on.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import {
  analyzePlans, asPercent, buildRoadmap, buildSteeringReport, healthSentence, laneModel, problemsBanner, roadmapCountsText, roadmapSvg, rollupCsv,
  steeringReportHtml, summarizeProblems, toRollupJson, type ReportChanges, type ReportTrend, type SteeringReport,
} from '../../src/core';
import { day, filesOf, yaml } from '../utils/plans';

const sha256Base64 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

// S = 2026-06-01 throughout (given, as the CLI's --status-date would).
const files = {
  'group.plan.yaml': yaml`
    portfolio:
      id: pf
      name: Group
      programs:
        - id: alpha
          name: Alpha
          currency: EUR
          budget: 1000
          manager: ann
          goal: Ship it
          health: green
          milestones:
            - { id: a-missed, name: Missed one, date: 2026-05-20 }
            - { id: a-ms1, name: Due today, date: 2026-06-01 }
            - { id: a-done, name: Done early, date: 2026-06-10, done: true }
            - { id: a-ms2, name: Due in 30, date: 2026-07-01 }
            - { id: a-ms3, name: Due in 31, date: 2026-07-02 }
            - { id: a-ms4, name: Due in 90, date: 2026-08-30 }
            - { id: a-ms5, name: Due in 91, date: 2026-08-31 }
          projects:
            - id: p1
              name: Project one
              start: 2026-05-01
              end: 2026-06-30
              budget: 100
              spent: 50
              progress: 50
              risks:
                - { id: r-high, title: High risk, likelihood: 4, impact: 4, mitigation: Plan B, owner: ann }
                - { id: r-low, title: Low risk, likelihood: 1, impact: 2 }
                - { id: r-closed, title: Closed risk, likelihood: 5, impact: 5, mitigation: done, state: closed }
              issues:
                - { id: i-crit, title: Critical issue, severity: critical, owner: bob, due: 2026-05-25 }
                - { id: i-low, title: Low issue, severity: low }
                - { id: i-closed, title: Closed issue, severity: high, state: closed }
            - id: p2
              name: Project two
              start: 2026-05-01
              duration: 10d
              state: cancelled
              milestones:
                - { id: p2-ms, name: Dropped, date: 2026-06-05 }
              risks:
                - { id: p2-risk, title: Dropped risk, likelihood: 5, impact: 5, mitigation: none }
              issues:
                - { id: p2-issue, title: Dropped issue, severity: high }
    people:
      - { id: ann, name: Ann Lee }
      - { id: bob, name: Bob Ode }
  `,
  'beta.plan.yaml': yaml`
    program:
      id: beta
      name: Beta
      portfolio: pf
      milestones:
        - { id: b-ms, name: Waits for p1, date: 2026-06-15, depends_on: [p1] }
  `,
  'solo.plan.yaml': yaml`
    project:
      id: solo
      name: Solo
      start: 2026-06-10
      duration: 5d
  `,
};

function analyse(extra: Record<string, string> = {}) {
  return analyzePlans(filesOf({ ...files, ...extra }), { statusDate: day('2026-06-01') });
}

describe('steering report data', () => {
  let report: SteeringReport;
  before(() => {
    report = buildSteeringReport(analyse());
  });

  it('has the portfolio, then a section per program in roadmap order, and the projects outside any program', () => {
    assert.equal(report.title, 'Group');
    assert.equal(report.statusDate, '2026-06-01');
    // Its programs in EUR and USD: the sums are of both, unconverted, and say so (not 'EUR', the first program's).
    assert.deepEqual(report.portfolios.map((p) => [p.id, p.programs, p.currency]), [['pf', ['alpha', 'beta'], 'EUR+USD']]);
    assert.deepEqual(report.programs.map((p) => [p.id, p.lane, p.currency]), [['alpha', 'program:alpha', 'EUR'], ['beta', 'program:beta', 'USD']]);
    const alpha = report.programs[0];
    assert.deepEqual([alpha.manager, alpha.goal, alpha.budget, alpha.portfolio], ['Ann Lee', 'Ship it', 1000, { id: 'pf', name: 'Group' }]);
    assert.deepEqual(alpha.projects.map((p) => [p.id, p.state, p.cancelled]), [['p1', 'active', false], ['p2', 'cancelled', true]]);
    assert.deepEqual(report.unassigned.map((p) => p.id), ['solo']);
  });

  it('says each health and why in words', () => {
    // p1 has an open critical issue: red; alpha holds it (cancelled p2 counts for nothing): red; it declares green.
    assert.equal(report.programs[0].healthText, 'Red (off track): an open critical issue. The plan declares it green.');
    // b-ms waits for p1, which at SPI 3050/3200 = 0.953125 runs to 2026-05-01 + ceil(61 / 0.953125) − 1 = 2026-07-03.
    assert.equal(report.programs[1].healthText, "Amber (at risk): milestone 'b-ms' at risk (due 2026-06-15, forecast 2026-07-03).");
    assert.equal(report.portfolios[0].healthText, 'Red (off track): an open critical issue.');
    assert.equal(healthSentence('green', [], null, { cpi: 1.05, spi: null }), 'Green (on track): CPI 1.05; no missed or late milestone, no open high risk or issue.');
  });

  it("lists the program's own and its projects' milestones by date, a cancelled project's marked", () => {
    const milestones = report.programs[0].milestones;
    assert.deepEqual(milestones.map((m) => m.id), ['a-missed', 'a-ms1', 'p2-ms', 'a-done', 'a-ms2', 'a-ms3', 'a-ms4', 'a-ms5']);
    assert.deepEqual(milestones.filter((m) => m.cancelled).map((m) => m.id), ['p2-ms']);
    assert.deepEqual(milestones.map((m) => m.dueIn), [-12, 0, 4, 9, 30, 31, 90, 91]);
  });

  it('puts milestones not done in 0–30, 31–60 and 61–90 days after the status date, without a cancelled project’s', () => {
    assert.deepEqual(report.due.map((list) => list.map((m) => m.id)), [['a-ms1', 'b-ms', 'a-ms2'], ['a-ms3'], ['a-ms4']]);
    assert.deepEqual(report.counts.due, [3, 1, 1]);
  });

  it('lists the missed milestones, then those at risk, with how late and why', () => {
    assert.deepEqual(report.late.map((m) => [m.id, m.status, m.daysLate]), [['a-missed', 'missed', 12], ['b-ms', 'at-risk', 18]]);
    assert.equal(report.late[1].note, "forecast 2026-07-03, 18 days late: waits for 'p1', forecast to finish 2026-07-03");
    assert.deepEqual(report.late[1].holder, { kind: 'program', id: 'beta', name: 'Beta' });
  });

  it('lists the open risks by level (score 4 × 4 = 16 high, 1 × 2 = 2 low) and the open issues by severity, overdue flagged', () => {
    assert.deepEqual(report.risks.map((r) => [r.id, r.level, r.owner, r.mitigation]), [['r-high', 'high', 'Ann Lee', 'Plan B'], ['r-low', 'low', null, null]]);
    // i-crit was due 2026-05-25: 7 days before S.
    assert.deepEqual(report.issues.map((i) => [i.id, i.severity, i.owner, i.daysOverdue]), [['i-crit', 'critical', 'Bob Ode', 7], ['i-low', 'low', null, null]]);
    assert.deepEqual(report.risks[0].program, { id: 'alpha', name: 'Alpha' });
  });

  it('counts programs and projects by health, the cancelled one apart', () => {
    assert.deepEqual(report.counts.programs, { red: 1, amber: 1, green: 0 });
    assert.deepEqual(report.counts.projects, { red: 1, amber: 0, green: 1, cancelled: 1, total: 3 });
    assert.deepEqual([report.counts.missed, report.counts.atRisk], [1, 1]);
    assert.deepEqual(report.counts.risks, { high: 1, medium: 0, low: 1 });
    assert.deepEqual(report.counts.issues, { critical: 1, high: 0, medium: 0, low: 1, overdue: 1 });
  });

  it('summarises the problems: counts, files with errors and the first errors, 1-based', () => {
    // 7 warnings: currency-mismatch on alpha and on beta (EUR, USD in portfolio pf); b-ms before p1 ends
    // (dependency-violation) and forecast 18 days late (milestone-at-risk); alpha declared green, computes red
    // (status-mismatch); a-missed (missed-milestone); i-crit due 2026-05-25 (overdue-issue). v3: p2-ms outside
    // cancelled p2's window is not reported (a cancelled project gets structural diagnostics only).
    assert.deepEqual(report.problems, { errors: 0, warnings: 7, filesWithErrors: [], firstErrors: [] });
    const broken = analyse({ 'broken.plan.yaml': 'project:\n  id: p1\n  name: Again\n  start: 2026-01-05\n  duration: 1w\n' });
    const summary = summarizeProblems(broken.diagnostics, 1);
    assert.equal(summary.errors, 2, 'a duplicate id is reported at each definition');
    assert.deepEqual(summary.filesWithErrors, ['broken.plan.yaml', 'group.plan.yaml']);
    assert.equal(summary.firstErrors.length, 1);
    assert.deepEqual({ ...summary.firstErrors[0], message: '' }, { file: 'broken.plan.yaml', line: 2, column: 7, code: 'duplicate-id', message: '' });
  });

  it("leaves the risks and issues of a project cancelled now out of the changes (SPEC 5: no report list counts them)", () => {
    const held = (id: string) => ({ owner: { kind: 'project' as const, id }, id: `r-${id}`, title: `Risk of ${id}`, change: 'added' as const, base: null, head: { level: 'high' as const, state: 'open' as const } });
    const issue = (id: string) => ({ owner: { kind: 'project' as const, id }, id: `i-${id}`, title: `Issue of ${id}`, change: 'added' as const, base: null, head: { severity: 'critical' as const, state: 'open' as const } });
    const withCancelled: ReportChanges = { ...changes, risks: [...changes.risks, held('p2')], issues: [issue('p2'), issue('p1')] };
    const shown = buildSteeringReport(analyse(), { changes: withCancelled }).changes!;
    assert.deepEqual(shown.risks.map((r) => r.id), ['r-high']);
    assert.deepEqual(shown.issues.map((i) => i.id), ['i-p1']);
    assert.deepEqual(shown.projects, changes.projects);
  });

  it('takes the history sections only when given', () => {
    assert.equal('changes' in report, false);
    assert.equal('trend' in report, false);
    const withHistory = buildSteeringReport(analyse(), { changes, trend });
    assert.deepEqual(withHistory.changes, changes);
    assert.equal(withHistory.trend, trend);
    assert.equal('trend' in buildSteeringReport(analyse(), { trend: { commits: [] } }), false, 'a trend with no point is left out');
  });
});

// In the shapes of SPEC 8's diff and trend JSON (what the history engine gives).
const undertaking = (end: string, bac: number) => ({ start: '2026-05-01', end, forecastEnd: end, ieacT: null, bac, budget: bac, eac: bac, progress: 10, health: 'green' as const, state: 'active' as const });
const changes: ReportChanges = {
  version: 1,
  base: { ref: 'v1.0', commit: '0123456789abcdef', statusDate: '2026-05-01' },
  head: { ref: null, commit: null, statusDate: '2026-06-01' },
  projects: [{ id: 'p1', name: 'Project one', change: 'changed', base: undertaking('2026-06-20', 90), head: undertaking('2026-06-30', 100), delta: { start: 0, end: 10, forecastEnd: 10, ieacT: null, bac: 10, budget: 10, eac: 10, progress: 0 } }],
  programs: [],
  milestones: [{ id: 'a-ms2', name: 'Due in 30', change: 'added', base: null, head: { date: '2026-07-01', forecast: '2026-07-01', status: 'on-track', done: false }, delta: { date: null, forecast: null } }],
  risks: [{ owner: { kind: 'project', id: 'p1' }, id: 'r-high', title: 'High risk', change: 'opened', base: null, head: { level: 'high', state: 'open' } }],
  issues: [],
};
const point = (id: string, bac: number, eac: number, cpi: number, spi: number, progress: number, forecastEnd: string, health: 'red' | 'green', spiT: number | null = null) => ({ id, bac, eac, ev: 0, pv: 0, ac: 0, cpi, spi, spiT, progress, forecastEnd, health });
const trend: ReportTrend = {
  commits: [
    { commit: 'bbbbbbbbbbbbbbbb', date: '2026-05-29', statusDate: '2026-05-29', portfolios: [], programs: [point('alpha', 100, 110, 0.9, 0.95, 45, '2026-07-03', 'red', 0.87)] },
    { commit: 'aaaaaaaaaaaaaaaa', date: '2026-05-01', statusDate: '2026-05-01', portfolios: [], programs: [point('alpha', 90, 90, 1, 1, 10, '2026-06-20', 'green')] },
  ],
};

describe('steering report HTML', () => {
  const hostileName = '</style><script>alert(1)</script><img src=x onerror=alert(2)>';
  const analysis = analyse({ 'hostile.plan.yaml': `project:\n  id: evil\n  name: ${JSON.stringify(hostileName)}\n  program: beta\n  start: 2026-06-02\n  duration: 3d\n` });
  const html = steeringReportHtml(buildSteeringReport(analysis), buildRoadmap(analysis), { sha256Base64 });

  it('is static: no script anywhere, a CSP whose style hash is the stylesheet’s, nothing to fetch', () => {
    assert.ok(!/<script/i.test(html));
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1];
    assert.ok(html.includes(`content="default-src 'none'; style-src 'sha256-${sha256Base64(style)}'; img-src 'none'; base-uri 'none'; form-action 'none'"`));
    assert.equal((html.match(/<style>/g) ?? []).length, 1, 'one stylesheet: the SVGs have none of their own');
    assert.ok(!/<[^>]*\s(src|href)=/i.test(html), 'no element loads anything');
    assert.equal(steeringReportHtml(buildSteeringReport(analysis), buildRoadmap(analysis), { sha256Base64 }), html, 'the same plans give the same file (no generated-at time)');
  });

  it('shows earned schedule beside SPI wherever SPI is shown: the portfolio figures, the programs, the trend (SPEC 5.2, 9)', () => {
    const headers = [...html.matchAll(/<tr>((?:<th[^>]*>[^<]*<\/th>)+)<\/tr>/g)].map((m) => [...m[1].matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((c) => c[1]));
    const withSpi = headers.filter((row) => row.includes('SPI'));
    assert.ok(withSpi.length >= 2, JSON.stringify(headers));
    for (const row of withSpi) assert.equal(row[row.indexOf('SPI') + 1], 'SPI(t)', JSON.stringify(row));
    assert.ok(withSpi.some((row) => row[0] === 'Portfolio'), 'the portfolio figures');
  });

  it('writes plan text as text', () => {
    assert.ok(html.includes('&#60;/style&#62;&#60;script&#62;alert(1)&#60;/script&#62;&#60;img src=x onerror=alert(2)&#62;'), 'in the tables');
    assert.ok(html.includes('&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;'), 'in the roadmap SVG');
    assert.ok(!html.includes(hostileName));
  });

  it('has a section per program, page-sized roadmap pictures with ids unique in the page, and the sections in order', () => {
    assert.deepEqual([...html.matchAll(/<section class="program" id="program-\d+" data-program="([^"]+)"/g)].map((m) => m[1]), ['alpha', 'beta']);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, 'no id twice (each SVG clips with its own clipPath)');
    const marks = ['id="summary"', 'data-program="alpha"', 'data-program="beta"', 'id="unassigned"', 'id="milestones"', 'id="risks"', 'id="issues"'];
    const order = marks.map((mark) => html.indexOf(mark));
    assert.deepEqual(marks.filter((_, i) => order[i] < 0), [], 'every section is there');
    for (let i = 1; i < order.length; i++) assert.ok(order[i - 1] < order[i], `${marks[i - 1]} comes before ${marks[i]}`);
    assert.ok(!html.includes('id="changes"') && !html.includes('id="trend"'));
    assert.ok(!html.includes('<section class="problems-banner"'));
  });

  it("says which thresholds judged health: SPEC 5's, or the team's", () => {
    // SPEC 5's rules, the slip rule (v3) too.
    assert.ok(html.includes('red when CPI or SPI is below 0.90, the forecast end is more than 30 days after the planned end, or a critical issue is open; amber when CPI or SPI is below 0.95, the forecast end is after the planned end, a milestone'));
    const team = steeringReportHtml(buildSteeringReport(analysis, { thresholds: { red: 0.85, amber: 0.92, slipRedDays: 20, slipAmberDays: 5 } }), buildRoadmap(analysis), { sha256Base64 });
    assert.ok(team.includes('red when CPI or SPI is below 0.85, the forecast end is more than 20 days after the planned end, or a critical issue is open; amber when CPI or SPI is below 0.92, the forecast end is more than 5 days after the planned end, a milestone'));
  });

  it('draws the changes and the trend when given', () => {
    const withHistory = steeringReportHtml(buildSteeringReport(analysis, { changes, trend }), buildRoadmap(analysis), { sha256Base64 });
    assert.match(withHistory, /<h2 id="changes-title">Changes since v1\.0<\/h2>/);
    assert.ok(
      withHistory.includes(
        're-plan: Planned end 2026-06-20 → 2026-06-30 (+10 d); slip: Forecast end 2026-06-20 → 2026-06-30 (+10 d); approved budget: BAC 90 → 100 (+10); approved budget: Budget 90 → 100 (+10); forecast cost: EAC 90 → 100 (+10)',
      ),
      'what moved, by how much, labelled and formatted as diff writes it',
    );
    assert.ok(withHistory.includes('project p1'), "a risk's holder, by kind and id");
    assert.match(withHistory, /<h2 id="trend-title">Trend<\/h2>/);
    assert.equal((withHistory.match(/<svg[^>]* class="trend-chart"/g) ?? []).length, 2, 'CPI/SPI and EAC/BAC of alpha');
    // The trend is given newest first (bbbb… of 2026-05-29, then aaaa… of 2026-05-01); the section lists it oldest first.
    const from = withHistory.indexOf('id="trend"');
    const section = withHistory.slice(from, withHistory.indexOf('</section>', from));
    const commits = [...section.matchAll(/aaaaaaa|bbbbbbb/g)].map((m) => m[0]);
    assert.ok(commits.length > 0, 'the trend section names its commits');
    assert.equal(commits[0], 'aaaaaaa', 'oldest first');
    assert.ok(commits.includes('bbbbbbb'));
    // SPI(t) drawn beside SPI (SPEC 9): its own line and points, and a column of the trend table.
    assert.match(withHistory, /<path class="series spit" d="M[\d.]+ [\d.]+"\/>/, 'one point: the older commit has no SPI(t)');
    assert.equal((withHistory.match(/<circle class="point spit"/g) ?? []).length, 1);
    assert.match(withHistory, /<text class="legend spit"[^>]*>SPI\(t\)<\/text>/);
    assert.match(withHistory, /<th[^>]*>SPI\(t\)<\/th>/);
  });

  it('opens with a banner naming the first errors when the plans have errors', () => {
    const broken = analyse({ 'broken.plan.yaml': 'project:\n  id: p1\n  name: Again\n' });
    const banner = problemsBanner(summarizeProblems(broken.diagnostics, 2));
    assert.match(banner, /^<section class="problems-banner" role="alert"/);
    // p1 twice (duplicate-id at each definition), and the second p1 has no start and no end (unscheduled twice).
    assert.match(banner, /The plans have 4 errors in 2 files, \d+ warnings?\./);
    assert.equal((banner.match(/<li>/g) ?? []).length, 2);
    assert.ok(banner.includes('… and 2 more errors.'));
    assert.equal(problemsBanner(summarizeProblems([])), '', 'no errors: no banner');
    // By default a banner names the first five errors: seven unknown references give five and "2 more".
    const seven = analyse({ 'refs.plan.yaml': `project:\n  id: refs\n  name: Refs\n  start: 2026-01-05\n  duration: 1w\n  depends_on: [n1, n2, n3, n4, n5, n6, n7]\n` });
    const text = problemsBanner(summarizeProblems(seven.diagnostics));
    assert.equal((text.match(/<li>/g) ?? []).length, 5);
    assert.ok(text.includes('… and 2 more errors.'), text);
  });
});

describe('the exports the report draws with', () => {
  const model = buildRoadmap(analyse());

  it('cuts the roadmap to one lane over its own time range', () => {
    const beta = laneModel(model, 1);
    assert.deepEqual(beta.lanes.map((l) => l.key), ['program:beta']);
    assert.deepEqual(beta.bars, []);
    assert.deepEqual(beta.milestones.map((m) => [m.id, m.lane]), [['b-ms', 0]]);
    // From S (2026-06-01) to b-ms's forecast (2026-07-03), padded a week each way and widened to whole months.
    assert.deepEqual([beta.range.start, beta.range.end], [day('2026-05-01'), day('2026-07-31')]);
    assert.equal(roadmapCountsText(model), '3 projects in 2 programs, 1 outside any program');
  });

  it('draws some rows of the roadmap as an SVG of a given width, without its stylesheet, ids prefixed', () => {
    const svg = roadmapSvg(model, { width: 940, heading: false, legend: false, rows: { first: 1, last: 3 }, idPrefix: 'x-', embedStyle: false, className: 'roadmap' });
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="roadmap" width="940" /);
    assert.ok(!svg.includes('<style>') && !svg.includes('class="title"') && !svg.includes('class="legend"'));
    assert.deepEqual([...svg.matchAll(/<g class="bar[^"]*" data-id="([^"]+)"/g)].map((m) => m[1]), ['p1', 'p2'], 'rows 1 and 2: p1 and p2 under the alpha lane row');
    assert.match(svg, /<clipPath id="x-chart-area">/);
    // The cancelled project is grey, not its computed health.
    assert.match(svg, /<g class="bar health-none state-cancelled cancelled" data-id="p2">/);
  });

  it('shows ROI in percent in the CSV too (JSON keeps the ratio)', () => {
    assert.equal(asPercent(0.07), 7);
    assert.equal(asPercent(-0.255), -25.5);
    assert.equal(asPercent(null), null);
    const json = toRollupJson(analyzePlans(filesOf('project:\n  id: r\n  name: R\n  start: 2026-01-01\n  duration: 1w\n  budget: 1000\n  benefits: [{ name: B, value: 1850 }]\n')));
    const [header, row] = rollupCsv(json).split('\r\n').map((line) => line.split(','));
    // (1850 − 1000) / 1000 = 0.85 → 85.
    assert.equal(row[header.indexOf('roiPlannedPercent')], '85');
    assert.equal(json.projects[0].figures.roiPlanned, 0.85);
  });
});
