/**
 * The steering report's "People over capacity in the next 90 days" (SPEC 9 v3, 10): forecast basis,
 * periods cut to the status date .. 90 days after it, peak and projects within the cut, the most loaded
 * against their capacity first; on the first page and in its own section.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { analyzePlans, buildRoadmap, buildSteeringReport, peopleOverCapacity, steeringReportHtml } from '../../src/core';
import { day } from '../utils/plans';

const sha256Base64 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

// S = 2026-06-01; the window is 2026-06-01 .. 2026-08-30 (S + 90).
// Planned projects after S and done ones load on their scheduled dates on the forecast basis too.
const text = `program:
  id: pg
  name: PG
  projects:
    - { id: a, name: Alpha, start: 2026-07-01, end: 2026-07-31, state: planned, team: [{ person: olga, allocation: 60 }, { person: zoe, allocation: 40 }] }
    - { id: b, name: Beta, start: 2026-07-20, end: 2026-08-10, state: planned, team: [{ person: olga, allocation: 50 }, { person: zoe, allocation: 20 }] }
    - { id: c, name: Gamma, start: 2026-08-25, end: 2026-09-30, state: planned, team: [{ person: olga, allocation: 70 }] }
    - { id: d, name: Delta, start: 2026-08-20, end: 2026-09-10, state: planned, team: [{ person: olga, allocation: 40 }] }
    - { id: e, name: Epsilon, start: 2026-09-01, end: 2026-09-05, state: planned, team: [{ person: olga, allocation: 30 }] }
    - { id: f, name: Far, start: 2026-12-01, end: 2026-12-10, state: planned, team: [{ person: carl, allocation: 120 }] }
    - { id: g, name: Gone, start: 2026-05-01, end: 2026-06-05, state: done, progress: 100, team: [{ person: dana, allocation: 60 }] }
    - { id: h, name: Held, start: 2026-05-15, end: 2026-06-10, state: done, progress: 100, team: [{ person: dana, allocation: 60 }] }
people:
  - { id: olga, name: Olga, role: designer }
  - { id: zoe, name: Zoe, capacity: 50 }
  - { id: carl, name: Carl }
  - { id: dana, name: Dana }
  - { id: eve, name: Eve }
`;
const analysis = analyzePlans([{ path: 'a.plan.yaml', text }], { statusDate: day('2026-06-01') });

describe('steering report: people over capacity in the next 90 days', () => {
  it('cuts each period to the window, with the peak and projects inside it, the most loaded against capacity first', () => {
    const people = peopleOverCapacity(analysis);
    // zoe: a 40 + b 20 = 60 of 50 (ratio 1.2) on Jul 20–31; olga: a 60 + b 50 = 110 of 100 (1.1); dana: g 60 + h 60 = 120 of 100 (1.2) May 15–Jun 5.
    // 1.2 = 1.2: dana before zoe by id, then olga (not by peak: 120, 110, 60; not by id); carl (Dec) and eve (no load) are not there.
    assert.deepEqual(people.map((p) => [p.id, p.peak, p.capacity]), [['dana', 120, 100], ['zoe', 60, 50], ['olga', 110, 100]]);
    const olga = people.find((p) => p.id === 'olga')!;
    assert.equal(olga.role, 'designer');
    assert.deepEqual(olga.periods.map((p) => [p.from, p.to, p.peak, p.projects.map((r) => r.id), p.beforeWindow, p.afterWindow]), [
      ['2026-07-20', '2026-07-31', 110, ['a', 'b'], false, false],
      // Aug 25 – Sep 10 (c 70 + d 40 = 110; with e 30 on Sep 1–5: 140) cut to Aug 25–30: peak 110, not 140, and no e.
      ['2026-08-25', '2026-08-30', 110, ['c', 'd'], false, true],
    ]);
    // dana's period May 15 – Jun 5 began before S: Jun 1–5 shown.
    assert.deepEqual(people.find((p) => p.id === 'dana')!.periods.map((p) => [p.from, p.to, p.beforeWindow]), [['2026-06-01', '2026-06-05', true]]);
    assert.deepEqual(buildSteeringReport(analysis).peopleOver, people);
  });

  it('is on the first page (one line) and in its own section, each person with period, peak against capacity and projects', () => {
    const html = steeringReportHtml(buildSteeringReport(analysis), buildRoadmap(analysis), { sha256Base64 });
    const summary = html.slice(html.indexOf('id="summary"'), html.indexOf('</section>', html.indexOf('id="summary"')));
    // One of the counts, one line: the most loaded (peak/capacity; Dana 120/100 = 1.2 ties Zoe 60/50, d < z), the rest counted.
    assert.match(summary, /<strong>Over capacity, next 90 days<\/strong>: Dana \(120%\/100%\), 2 more</);
    assert.match(html, /<div class="period"><span class="nowrap">2026-07-20 – 2026-07-31<\/span>: 110% on Alpha <span class="id">a<\/span>, Beta <span class="id">b<\/span><\/div><div class="period">/);
    const section = html.slice(html.indexOf('id="people-over"'));
    assert.match(section, /2026-08-25 – 2026-08-30 \(and after\)<\/span>: 110% on Gamma/);
    assert.match(section, /\(already\) 2026-06-01 – 2026-06-05/);
    assert.ok(!/Carl|Eve/.test(html.slice(html.indexOf('id="people-over"'), html.indexOf('</section>', html.indexOf('id="people-over"')))));
  });

  it('says so when no one is over capacity', () => {
    const calm = analyzePlans([{ path: 'a.plan.yaml', text: text.replace(/allocation: 50/, 'allocation: 40').replace(/capacity: 50/, 'capacity: 100').replace(/allocation: 70/, 'allocation: 10').replace(/team: \[\{ person: dana, allocation: 60 \}\] \}\n(\s+- \{ id: h)/, 'team: [] }\n$1') }], { statusDate: day('2026-06-01') });
    assert.deepEqual(peopleOverCapacity(calm), []);
    const html = steeringReportHtml(buildSteeringReport(calm), buildRoadmap(calm), { sha256Base64 });
    assert.match(html, /No one is over capacity in the next 90 days/);
    const summary = html.slice(html.indexOf('id="summary"'), html.indexOf('</section>', html.indexOf('id="summary"')));
    assert.match(summary, /<strong>Over capacity, next 90 days<\/strong>: none/);

  });
});
