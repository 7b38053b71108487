/**
 * The model keeps its places as offsets, not the YAML tree it was read from (SPEC-silent; docs/ARCHITECTURE.md
 * "Reading"): a workspace of 10,000 projects then holds ~30 MB less, none of which the garbage collector
 * copies. The tree of a file the fast reader read is let go once its entities are read, and read again
 * from the text when something asks for it (an import of actuals edits the mappings).
 */
import assert from 'node:assert/strict';
import { PlanWorkspace } from '../../src/core/analysis/workspace';
import type { Entity } from '../../src/core/model/entities';
import { entityNode } from '../../src/core/model/locate';
import { Entry, MapOf, Scalar, Seq } from '../../src/core/syntax/nodes';
import { yaml } from '../utils/plans';

const portfolio = yaml`
  version: 1
  portfolio:
    id: group
    name: Group
    owner: ann
    programs:
      - id: prog
        name: Program
        manager: ann
        milestones:
          - { id: launch, date: 2026-06-01, depends_on: [a] }
        projects:
          - id: a
            name: A
            start: 2026-01-05
            duration: 2w
            budget: 100
            team:
              - person: ann
                allocation: 50
            risks:
              - { id: r1, title: Late, likelihood: 2, impact: 3, owner: ann }
            issues:
              - id: i1
                title: Blocked
                severity: high
          - id: b
            depends_on: [a]
            start: 2026-02-02
            end: 2026-03-02
  people:
    - id: ann
      name: Ann
`;

/** Every object reachable from `root` through properties, array items and the keys and values of maps and sets. */
function reachable(root: unknown): Set<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (value instanceof Map) for (const [k, v] of value) stack.push(k, v);
    else if (value instanceof Set) for (const v of value) stack.push(v);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) stack.push(descriptor.value);
    }
  }
  return seen;
}

describe('the model without the YAML tree', () => {
  it('an analysed workspace holds no node of the tree its files were read into', () => {
    const workspace = new PlanWorkspace();
    workspace.set('group.plan.yaml', portfolio);
    const analysis = workspace.analyze({ statusDate: 20_600, today: 20_600 });
    assert.equal(analysis.index.projects.length, 2);
    const held = [...reachable(analysis)].filter((o) => o instanceof Scalar || o instanceof MapOf || o instanceof Seq || o instanceof Entry);
    assert.deepEqual(held.map((node) => node.constructor.name), []);
  });

  it("finds each entity's mapping again, from the text, where the entity was read", () => {
    const workspace = new PlanWorkspace();
    workspace.set('group.plan.yaml', portfolio);
    const { index } = workspace.analyze({ statusDate: 20_600, today: 20_600 });
    const entities: Entity[] = [...index.portfolios, ...index.programs, ...index.projects, ...index.milestones, ...index.risks, ...index.issues, ...index.people];
    assert.equal(entities.length, 8);
    for (const entity of entities) {
      const node = entityNode(entity);
      assert.deepEqual(node.span, entity.span, `${entity.kind} ${entity.id}`);
      const id = node.entries.get('id')?.value;
      assert.equal(id?.kind === 'scalar' ? id.value : undefined, entity.id, `the mapping found for ${entity.kind} ${entity.id} is its own`);
    }
  });

  it('gives fields and references their places as written', () => {
    const workspace = new PlanWorkspace();
    workspace.set('group.plan.yaml', portfolio);
    const { index } = workspace.analyze({ statusDate: 20_600, today: 20_600 });
    const b = index.projects.find((p) => p.id === 'b')!;
    const at = (span: readonly [number, number]) => portfolio.slice(span[0], span[1]);
    assert.equal(at(b.start!.span), '2026-02-02');
    assert.equal(at(b.start!.keySpan), 'start');
    assert.equal(at(b.dependsOn[0].span), 'a');
    assert.equal(at(index.projects[0].team[0].person.span), 'ann');
    assert.equal(at(b.span).split('\n')[0], 'id: b');
  });
});
