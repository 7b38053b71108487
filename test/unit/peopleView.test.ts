/**
 * A person's load in the editor (SPEC 10 "In VS Code"): the People view's rows (overloaded people first,
 * person › projects with summed allocation, the peak against capacity and the periods over capacity) and
 * the person's hover, on the plan basis.
 */
import { strict as assert } from 'node:assert';
import { analyzePlans, describeEntity, descriptionMarkdown, peopleView } from '../../src/core';
import { day } from '../utils/plans';

// Olga: Web 60% Apr 1–30 and Shop rebuild 30% + 20% (two entries) Apr 3–20 → 110% on Apr 3–20, capacity 100.
// Ann: Web 50% → peak 50%. Zed: no team entry. Cancelled Old gives Ann no load and no row.
const text = `program:
  id: pg
  name: PG
  projects:
    - id: web
      name: Web
      start: 2026-04-01
      end: 2026-04-30
      team:
        - { person: olga, allocation: 60 }
        - { person: ann, allocation: 50 }
    - id: shop
      name: Shop rebuild
      start: 2026-04-03
      end: 2026-04-20
      team:
        - { person: olga, allocation: 30 }
        - { person: olga, allocation: 20 }
    - id: old
      name: Old
      start: 2026-04-01
      end: 2026-04-30
      state: cancelled
      team:
        - { person: ann, allocation: 80 }
people:
  - { id: zed, name: Zed }
  - { id: olga, name: Olga, role: designer }
  - { id: ann, name: Ann }
`;
const analysis = analyzePlans([{ path: 'a.plan.yaml', text }], { statusDate: day('2026-03-01') });

describe('people in the editor', () => {
  it('lists the overloaded first, then the others by id, each with projects, peak and periods', () => {
    const views = peopleView(analysis);
    assert.deepEqual(views.map((v) => v.person.id), ['olga', 'ann', 'zed']);
    const [olga, ann, zed] = views;
    // shop: 30 + 20 = 50, two entries (the click goes to the first).
    assert.deepEqual(olga.projects.map((p) => [p.project.id, p.allocation, p.entries.length]), [['shop', 50, 2], ['web', 60, 1]]);
    assert.equal(olga.summary, 'peak 110% of 100% · over 3–20 Apr 2026');
    assert.deepEqual(olga.periods, ['3–20 Apr 2026: 110% on Shop rebuild, Web']);
    assert.equal(olga.overloaded, true);
    assert.deepEqual(ann.projects.map((p) => [p.project.id, p.allocation]), [['web', 50]]);
    assert.equal(ann.summary, 'peak 50% of 100%');
    assert.equal(zed.summary, 'no team entry');
    assert.deepEqual(zed.projects, []);
  });

  it("a person's hover shows their load: peak against capacity, projects, periods over capacity", () => {
    const olga = analysis.index.people.find((p) => p.id === 'olga')!;
    const hover = descriptionMarkdown(describeEntity(analysis, olga, 'USD'));
    assert.match(hover, /Olga · designer · capacity 100%/);
    assert.match(hover, /Load \(planned dates\): peak 110% of 100% · over 3–20 Apr 2026/);
    assert.match(hover, /On Shop rebuild 50%, Web 60%/);
    assert.match(hover, /Over capacity 3–20 Apr 2026: 110% on Shop rebuild, Web/);
    const ann = descriptionMarkdown(describeEntity(analysis, analysis.index.people.find((p) => p.id === 'ann')!, 'USD'));
    assert.match(ann, /peak 50% of 100%/);
    assert.ok(!/Over capacity/.test(ann));
  });
});
