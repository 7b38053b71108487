/**
 * What `diff` says happened (SPEC 8, v3): a raised budget under an unchanged baseline is a change; a slip
 * is a later forecast, a moved plan a re-plan; approved budget (budget, BAC) apart from forecast cost
 * (EAC); a milestone marked done is "done"; every output writes labels and formatted figures, never
 * field names or unrounded numbers. Expected figures worked out by hand in the comments.
 */
import { strict as assert } from 'node:assert';
import { analyzePlans, diffMarkdown, diffPlans, diffText, planSnapshot, steeringReportFile, toDiffJson, type PlanDiff } from '../../src/core';
import { filesOf, yaml, type PlanInput } from '../utils/plans';

const sides = { base: { ref: 'main', commit: 'b'.repeat(40) }, head: { ref: null, commit: null } };
const compare = (base: PlanInput, head: PlanInput): PlanDiff =>
  diffPlans(planSnapshot(analyzePlans(filesOf(base))), planSnapshot(analyzePlans(filesOf(head))), sides);
/** The rows of one Markdown table (header included, the alignment row left out). */
function rows(md: string, heading: string): string[] {
  const start = md.indexOf(`#### ${heading}\n`);
  assert.ok(start >= 0, `no table ${heading} in\n${md}`);
  const end = md.indexOf('\n#### ', start + 1);
  return md
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
}

describe('diff in words (SPEC 8, v3)', () => {
  it('writes the two sides of a change that rounding would write alike with the decimals that tell them apart', () => {
    const plan = (progress: number, budget: number) => yaml`
      project:
        id: p
        name: P
        start: 2026-01-01
        duration: 10d
        budget: ${budget}
        progress: ${progress}
    `;
    const text = diffText(compare(plan(56.4, 1234000), plan(56.5, 1234400)));
    assert.match(text, /Progress 56\.4% → 56\.5% \(\+0\.1 pts\)/);
    assert.match(text, /BAC 1,234,000 → 1,234,400 \(\+400\)/);
    const small = diffText(compare(plan(50, 0.2), plan(50, 0.3)));
    assert.match(small, /Budget 0\.2 → 0\.3 \(\+0\.1\)/);
    // A change of less than a tenth of a point is not "0 pts".
    assert.match(diffText(compare(plan(39.88, 1000), plan(39.92, 1000))), /Progress 39\.88% → 39\.92% \(\+0\.04 pts\)/);
    // Written apart already: as before.
    assert.match(diffText(compare(plan(40, 1000), plan(50, 2000))), /Progress 40% → 50% \(\+10 pts\)/);
  });

  describe('a raised budget under an unchanged baseline', () => {
    const plan = (programBudget: number, budget: number) => yaml`
      program:
        id: pay
        name: Payments
        status_date: 2026-03-02
        budget: ${programBudget}
        projects:
          - id: core
            name: Core
            start: 2026-01-01
            end: 2026-06-30
            budget: ${budget}
            baseline: { start: 2026-01-01, end: 2026-06-30, budget: 1200000 }
    `;
    const diff = compare(plan(2000000, 1200000), plan(2500000, 1500000));

    it('is a change: the declared budget on both sides and its difference; BAC (the baseline) unchanged', () => {
      const json = toDiffJson(diff);
      assert.deepEqual(json.projects.map((p) => [p.id, p.change, p.base?.budget, p.head?.budget, p.delta.budget, p.delta.bac]), [['core', 'changed', 1200000, 1500000, 300000, 0]]);
      assert.deepEqual(json.programs.map((p) => [p.id, p.change, p.base?.budget, p.head?.budget, p.delta.budget, p.delta.bac]), [['pay', 'changed', 2000000, 2500000, 500000, 0]]);
      assert.deepEqual(Object.keys(json.projects[0].base!), ['start', 'end', 'forecastEnd', 'bac', 'budget', 'eac', 'progress', 'health', 'state'], "SPEC 8's fields in its order");
    });

    it('text says "approved budget: Budget 1.20M → 1.50M", formatted', () => {
      const text = diffText(diff);
      assert.ok(!text.includes('No changes'), text);
      assert.match(text, /^ {2}changed {2}core {2}Core\n {11}approved budget: Budget 1\.20M → 1\.50M \(\+300k\)$/m);
      assert.match(text, /^ {2}changed {2}pay {2}Payments\n {11}approved budget: Budget 2\.00M → 2\.50M \(\+500k\)$/m);
    });

    it('Markdown lists it under approved budget, not forecast cost', () => {
      const md = diffMarkdown(diff);
      assert.deepEqual(rows(md, 'Approved budget'), [
        '| Project or program | Budget | Δ Budget | BAC | Δ BAC |',
        '| Payments `pay` (program) | 2.00M → 2.50M | +500k | 1.20M |  |',
        '| Core `core` | 1.20M → 1.50M | +300k | 1.20M |  |',
      ]);
      assert.ok(!md.includes('#### Forecast cost'));
      assert.match(md, / · 2 approved budget changes$/m);
    });
  });

  describe('approved budget and forecast cost told apart', () => {
    // Only AC rises, with EV fixed: CPI falls and EAC = BAC / CPI rises while budget and BAC stay.
    const plan = (spent: number) => yaml`
      program:
        id: pay
        name: Payments
        status_date: 2026-03-02
        projects:
          - { id: app, name: App, start: 2026-01-01, end: 2026-06-30, budget: 100000, spent: ${spent}, progress: 40 }
    `;
    const diff = compare(plan(40000), plan(50000));

    it('a changed EAC under the same budget and BAC is a forecast cost change', () => {
      // EV = 100000 × 40% = 40000. Base: AC 40000 → CPI 1 → EAC 100000. Head: AC 50000 → CPI 0.8 →
      // EAC 100000 / 0.8 = 125000 ("125k", +25.0k).
      assert.match(diffText(diff), /^ {11}forecast cost: EAC 100k → 125k \(\+25\.0k\)$/m);
      const md = diffMarkdown(diff);
      assert.deepEqual(rows(md, 'Forecast cost'), [
        '| Project or program | EAC | Δ EAC | BAC (now) |',
        '| Payments `pay` (program) | 100k → 125k | +25.0k | 100k |',
        '| App `app` | 100k → 125k | +25.0k | 100k |',
      ]);
      assert.ok(!md.includes('#### Approved budget'));
      assert.ok(!/approved budget/.test(diffText(diff)));
    });
  });

  describe('a milestone marked done, one re-planned, one slipping', () => {
    // S = Jan 20. Beta due Jan 10, not done: missed, its forecast the status date, Jan 20. Marked done, its
    // forecast falls to its date (Jan 10: −10 d), which is no news: it is "done".
    // Gate due Jan 5, not done: forecast Jan 20 (S); re-planned to Jan 15, still before S: forecast Jan 20
    // unchanged, a re-plan only (+10 d), no slip.
    // Launch due Feb 1, re-planned to Feb 12: +11 d on its date and on its forecast: a re-plan and a slip.
    const plan = (betaDone: boolean, gate: string, launch: string) => yaml`
      program:
        id: pay
        name: Payments
        status_date: 2026-01-20
        milestones:
          - { id: beta, name: Beta, date: 2026-01-10, done: ${betaDone} }
          - { id: gate, name: Gate, date: ${gate} }
          - { id: launch, name: Launch, date: ${launch} }
    `;
    const diff = compare(plan(false, '2026-01-05', '2026-02-01'), plan(true, '2026-01-15', '2026-02-12'));

    it('the JSON keeps the figures as they are (the done milestone\'s forecast moved −10 d)', () => {
      const beta = toDiffJson(diff).milestones.find((m) => m.id === 'beta')!;
      assert.deepEqual([beta.base?.forecast, beta.head?.forecast, beta.delta.forecast, beta.head?.status], ['2026-01-20', '2026-01-10', -10, 'done']);
    });

    it('text: "done", not a forecast move; a re-plan; a re-plan and a slip', () => {
      const text = diffText(diff);
      assert.match(text, /^ {2}changed {2}beta {2}Beta \(program pay\)\n {11}done \(due 2026-01-10\)$/m);
      assert.ok(!/Forecast 2026-01-20 → 2026-01-10/.test(text), text);
      assert.match(text, /^ {2}changed {2}gate {2}Gate \(program pay\)\n {11}re-plan: Due 2026-01-05 → 2026-01-15 \(\+10 d\)$/m);
      assert.match(text, /^ {2}changed {2}launch {2}Launch \(program pay\)\n {11}re-plan: Due 2026-02-01 → 2026-02-12 \(\+11 d\)\n {11}slip: Forecast 2026-02-01 → 2026-02-12 \(\+11 d\)$/m);
    });

    it('Markdown: the done milestone says done with its forecast as it now is; only the later forecast is a slip', () => {
      const md = diffMarkdown(diff);
      assert.deepEqual(rows(md, 'Milestones'), [
        '| Milestone | Held by | Change | Due | Forecast | Status |',
        '| Launch `launch` | program `pay` | re-plan, slip | 2026-02-01 → 2026-02-12 (+11 d) | 2026-02-01 → 2026-02-12 (+11 d) | on track |',
        '| Gate `gate` | program `pay` | re-plan | 2026-01-05 → 2026-01-15 (+10 d) | 2026-01-20 | missed |',
        '| Beta `beta` | program `pay` | done | 2026-01-10 | 2026-01-10 | missed → done |',
      ]);
      assert.deepEqual(rows(md, 'Slips'), [
        '| Project, program or milestone | Forecast end | Planned end |',
        // The program ends with its last milestone: Launch.
        '| Payments `pay` (program) | 2026-02-01 → 2026-02-12 (+11 d) | 2026-02-01 → 2026-02-12 (+11 d) |',
        '| Launch `launch` (milestone of program `pay`) | 2026-02-01 → 2026-02-12 (+11 d) | 2026-02-01 → 2026-02-12 (+11 d) |',
      ]);
    });
  });

  describe('a re-planned project end', () => {
    // Not started (S = Jan 5, start Feb 1): its forecast is its window. The end moves Mar 31 → Apr 28:
    // +28 d planned (a re-plan) and +28 d forecast (a slip).
    const plan = (end: string, budget = 50000) => yaml`
      program:
        id: pay
        name: Payments
        status_date: 2026-01-05
        projects:
          - { id: new, name: New thing, start: 2026-02-01, end: ${end}, budget: ${budget} }
    `;

    it('says re-plan for the planned end and slip for the forecast end, in both outputs', () => {
      const diff = compare(plan('2026-03-31'), plan('2026-04-28'));
      assert.match(diffText(diff), /^ {11}re-plan: Planned end 2026-03-31 → 2026-04-28 \(\+28 d\)\n {11}slip: Forecast end 2026-03-31 → 2026-04-28 \(\+28 d\)$/m);
      const md = diffMarkdown(diff);
      // The program's window is its project's.
      assert.deepEqual(rows(md, 'Re-plans'), [
        '| Project or program | Start | Planned end |',
        '| Payments `pay` (program) | 2026-02-01 | 2026-03-31 → 2026-04-28 (+28 d) |',
        '| New thing `new` | 2026-02-01 | 2026-03-31 → 2026-04-28 (+28 d) |',
      ]);
      assert.match(md, /^status date 2026-01-05 · 2 slips \(worst \+28 d\) · 2 re-plans$/m);
    });

    it('an end pulled in is a re-plan and pulled in, not a slip', () => {
      const md = diffMarkdown(compare(plan('2026-04-28'), plan('2026-03-31')));
      assert.match(md, /^status date 2026-01-05 · no slips · 2 pulled in · 2 re-plans$/m);
      assert.deepEqual(rows(md, 'Pulled in'), [
        '| Project or program | Forecast end | Planned end |',
        '| Payments `pay` (program) | 2026-04-28 → 2026-03-31 (-28 d) | 2026-04-28 → 2026-03-31 (-28 d) |',
        '| New thing `new` | 2026-04-28 → 2026-03-31 (-28 d) | 2026-04-28 → 2026-03-31 (-28 d) |',
      ]);
      assert.ok(!md.includes('#### Slips'));
    });
  });

  describe("the steering report's changes", () => {
    const plan = (end: string, budget: number) => yaml`
      program:
        id: pay
        name: Payments
        status_date: 2026-01-05
        milestones:
          - { id: beta, name: Beta, date: 2026-01-02, done: ${budget > 60000} }
        projects:
          - { id: new, name: New thing, start: 2026-02-01, end: ${end}, budget: ${budget} }
    `;
    const changes = toDiffJson(compare(plan('2026-03-31', 50000), plan('2026-04-28', 75000.5)));
    const html = steeringReportFile(analyzePlans(filesOf(plan('2026-04-28', 75000.5))), { sha256Base64: () => 'x', changes });
    const section = html.slice(html.indexOf('<section class="changes"'), html.indexOf('</section>', html.indexOf('<section class="changes"')));

    it('writes what moved with the labels and formatted figures of diff', () => {
      // Budget 50000 → 75000.5: "50.0k → 75.0k (+25.0k)", BAC the same (no baseline); EAC = BAC before work starts.
      assert.ok(section.includes('re-plan: Planned end 2026-03-31 → 2026-04-28 (+28 d); slip: Forecast end 2026-03-31 → 2026-04-28 (+28 d); approved budget: BAC 50.0k → 75.0k (+25.0k); approved budget: Budget 50.0k → 75.0k (+25.0k); forecast cost: EAC 50.0k → 75.0k (+25.0k)'), section);
      assert.ok(section.includes('done (due 2026-01-02)'), 'the milestone marked done says so');
    });

    it('never field names or unrounded numbers', () => {
      assert.ok(!/forecastEnd|\beac\b|\bbac\b|75000\.5|75,000/.test(section), section);
    });
  });

  describe('a Markdown table of more changes than it shows', () => {
    // 30 projects whose budgets rise: 30 approved budget changes, and the program's.
    const plan = (budget: number) => yaml`
      program:
        id: big
        name: Big
        status_date: 2026-03-02
        projects:
${Array.from({ length: 30 }, (_, i) => `          - { id: p${String(i).padStart(2, '0')}, name: P${i}, start: 2026-01-05, duration: 10d, budget: ${budget + i} }`).join('\n')}
    `;
    const md = diffMarkdown(compare(plan(1000), plan(2000)));

    it('shows 25 rows and counts the rest (FORMAT.md: "at most 25 rows")', () => {
      // The header and 25 rows; the program and 30 projects changed: 6 more.
      assert.equal(rows(md, 'Approved budget').length, 1 + 25);
      assert.match(md, /^… and 6 more \(`plan-as-code diff` lists every change\)\.$/m);
    });
  });
});
