/** `plan-as-code people` (SPEC 10) on the examples: every format, both bases, bad usage. */
import { strict as assert } from 'node:assert';
import { assertBuilt, repoRoot, spawnCli } from '../utils/plans';

describe('people command (SPEC 10)', function () {
  this.timeout(60_000);
  before(assertBuilt);

  it('json: every registry person by id, Olga over capacity on the plan basis with a suggestion', () => {
    const result = spawnCli(['people', 'examples', '--format', 'json'], repoRoot);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.version, 1);
    assert.equal(json.basis, 'plan');
    assert.equal(json.statusDate, '2026-09-30');
    assert.equal(json.people.length, 22);
    assert.deepEqual(json.people.map((p: { id: string }) => p.id), [...json.people.map((p: { id: string }) => p.id)].sort());
    const olga = json.people.find((p: { id: string }) => p.id === 'olga');
    assert.deepEqual(olga.projects, [{ id: 'checkout-v2', allocation: 60 }, { id: 'fraud-scoring', allocation: 60 }]);
    // checkout-v2 May 31 – Nov 28 and fraud-scoring Nov 14 – Mar 5, 60% each: 120% from Nov 14 to Nov 28.
    assert.deepEqual(olga.overallocations, [{ from: '2026-11-14', to: '2026-11-28', peak: 120, projects: ['checkout-v2', 'fraud-scoring'] }]);
    // k ≥ Nov 28 − Nov 14 + 1 = 15; after Mar 5 Olga has no load: 15 days.
    assert.deepEqual(json.suggestions, [{ person: 'olga', from: '2026-11-14', to: '2026-11-28', project: 'fraud-scoring', shiftDays: 15 }]);
    const hana = json.people.find((p: { id: string }) => p.id === 'hana');
    assert.deepEqual([hana.projects, hana.segments, hana.overallocations, hana.peak], [[], [], [], 0]);
  });

  it('--basis forecast: forecast windows and no suggestions', () => {
    const result = spawnCli(['people', 'examples', '--basis', 'forecast'], repoRoot);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.basis, 'forecast');
    assert.deepEqual(json.suggestions, []);
    // checkout-v2 is forecast to end Dec 15 (the milestone-at-risk of the examples): the period runs to Dec 15.
    const olga = json.people.find((p: { id: string }) => p.id === 'olga');
    assert.equal(olga.overallocations[0].to, '2026-12-15');
  });

  it('md: a row per person, then the suggestions in words', () => {
    const result = spawnCli(['people', 'examples', '--format', 'md'], repoRoot);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\| Olga Ivanova \(olga\) \| Product designer \| 100% \| 120% \| 15 \| 14–28 Nov 2026: 120% \(checkout-v2, fraud-scoring\) \|/);
    assert.match(result.stdout, /- start Real-time fraud scoring 15 days later: resolves Olga Ivanova 14–28 Nov 2026, within its 107 days of float, but its start follows its depends_on: move what it depends on, or give it a start$/m);
  });

  it('csv: a row per person and ISO week (Monday) with the week peak', () => {
    const result = spawnCli(['people', 'examples', '--format', 'csv'], repoRoot);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trim().split('\r\n');
    assert.equal(lines[0], 'person,name,week,peak,capacity');
    // 2026-11-09 is a Monday; that week Olga has 60 until Nov 13, 120 from Saturday Nov 14.
    assert.ok(lines.includes('olga,Olga Ivanova,2026-11-09,120,100'), lines.filter((l) => l.startsWith('olga,')).slice(0, 3).join('\n'));
    assert.ok(lines.includes('olga,Olga Ivanova,2026-11-02,60,100'));
    const weeks = new Set(lines.slice(1).map((l) => l.split(',')[2]));
    for (const week of weeks) assert.equal(new Date(`${week}T00:00:00Z`).getUTCDay(), 1, `${week} is not a Monday`);
  });

  it('html: one self-contained page, each cell written and coloured, the periods and suggestions listed', () => {
    const result = spawnCli(['people', 'examples', '--format', 'html'], repoRoot);
    assert.equal(result.code, 0, result.stderr);
    const html = result.stdout;
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
    assert.doesNotMatch(html, /<script|https?:\/\//);
    assert.match(html, /<tr data-person="olga"><th scope="row">Olga Ivanova · 100%<\/th>/);
    assert.match(html, /<td class="cell over" title="olga, week of 2026-11-09: 120% \(over capacity\)">120<\/td>/);
    // A week of no load is written 0, not left blank: the value always written (SPEC 10).
    assert.match(html, /<td class="cell [a-z]+" title="[a-z-]+, week of \d{4}-\d{2}-\d{2}: 0% \([^)]*\)">0<\/td>/);
    assert.doesNotMatch(html, /<td class="cell [^"]*"[^>]*><\/td>/);
    // The weeks say their year where it starts and where it changes.
    assert.match(html, /<th scope="col" title="2026-01-05">5 Jan 2026<\/th><th scope="col" title="2026-01-12">12 Jan<\/th>/);
    assert.match(html, /<th scope="col" title="2026-12-28">28 Dec<\/th><th scope="col" title="2027-01-04">4 Jan 2027<\/th>/);
    assert.match(html, /start Real-time fraud scoring 15 days later/);
  });

  it('bad usage: an unknown basis exits 2 naming it', () => {
    const result = spawnCli(['people', 'examples', '--basis', 'actual'], repoRoot);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--basis actual is not a basis \(expected plan or forecast\)/);
  });
});
