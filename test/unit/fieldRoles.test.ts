/**
 * The field roles (src/core/model/fieldRoles.ts): the YAML keys they name exist, the follow-on inputs
 * derived from them are those of the table of warnings in followOn.ts, and the structure key and the
 * in-place refresh of the incremental analysis follow them.
 */
import assert from 'node:assert/strict';
import { followOnInputs } from '../../src/core/analysis/followOn';
import { linkFields, refreshInPlace, structureKey } from '../../src/core/analysis/incremental';
import type { DocumentModel, Project } from '../../src/core/model/entities';
import { entityFields, teamEntryFields, yamlKey, type FieldTable } from '../../src/core/model/fieldRoles';
import { readDocument } from '../../src/core/model/read';
import { parsePlanFile } from '../../src/core/syntax/parser';
import { checkSchema } from '../../src/core/syntax/schemaCheck';
import { planKeys } from '../../src/core/syntax/generated/planKeys';
import { yaml } from '../utils/plans';

function models(text: string): DocumentModel[] {
  const file = parsePlanFile('a.plan.yaml', text);
  return file.documents.map((_, i) => readDocument(file, i, checkSchema(file, i)));
}

const plan = (budget: number, dependsOn: string, statusDate: string) => yaml`
  version: 1
  program:
    id: prog
    name: Program
    status_date: ${statusDate}
    projects:
      - id: a
        name: A
        start: 2026-01-05
        duration: 2w
        budget: ${budget}
        depends_on: [${dependsOn}]
        team:
          - person: ann
            allocation: 50
  people:
    - id: ann
`;

describe('field roles, declared once', () => {
  it('name only keys the schema allows for their entity', () => {
    const tables: Array<[string, FieldTable]> = [...Object.entries(entityFields), ['teamEntry', teamEntryFields]];
    for (const [kind, table] of tables) {
      const allowed = planKeys[kind].keys;
      for (const field of Object.keys(table)) {
        const key = yamlKey(table, field);
        if (key !== undefined) assert.ok(allowed.includes(key), `${kind}.${field} is read from '${key}', which a ${kind} does not have`);
      }
    }
  });

  it('give each follow-on rule the inputs its table of warnings says', () => {
    const sets = Object.fromEntries(Object.entries(followOnInputs).map(([name, keys]) => [name, [...new Set(keys)].sort()]));
    const sorted = (...keys: string[]) => keys.sort();
    assert.deepEqual(sets, {
      SCHEDULE: sorted('start', 'end', 'duration', 'depends_on'),
      PROJECT_FORECAST: sorted('start', 'end', 'duration', 'depends_on', 'progress', 'state', 'baseline'),
      PROJECT_MONEY: sorted('budget', 'spent', 'progress', 'state', 'baseline'),
      PROJECT_LOAD: sorted('state'),
      PROJECT_BAC: sorted('budget', 'baseline', 'state'),
      OVERSPENT: sorted('budget', 'baseline', 'spent'),
      PROGRESS: sorted('state', 'progress'),
      PROJECT_STATE: ['state'],
      PROGRAM_MONEY: sorted('budget', 'projects'),
      PROGRAM_WINDOW: sorted('start', 'end'),
      CURRENCY: ['currency'],
      STATUS_DATE: ['status_date'],
      MILESTONE_SCHEDULE: sorted('date', 'depends_on'),
      MILESTONE_FIGURES: sorted('date', 'done', 'depends_on'),
      MILESTONE_MISSED: sorted('date', 'done'),
      MILESTONE_DATE: ['date'],
      RISK_FIGURES: sorted('likelihood', 'impact', 'state', 'mitigation'),
      ISSUE_FIGURES: sorted('severity', 'state'),
      ISSUE_OVERDUE: sorted('due', 'state'),
      CAPACITY: ['capacity'],
    });
  });

  it('make the links those the index sets and the reader nests', () => {
    assert.deepEqual(
      [...linkFields].sort(),
      ['inlinePrograms', 'inlineProjects', 'issues', 'milestones', 'parent', 'parentPortfolio', 'parentProgram', 'portfolio', 'program', 'programs', 'projects', 'risks'].sort(),
    );
  });

  it('tell a value edit from a structure edit', () => {
    const base = structureKey(models(plan(100, 'x', '2026-02-02')));
    assert.equal(structureKey(models(plan(250, 'x', '2026-02-02'))), base, 'a budget is a value');
    assert.equal(structureKey(models(plan(100, 'y', '2026-02-02'))), base, 'a dependency is linked again, not a structure edit');
    assert.notEqual(structureKey(models(plan(100, 'x', '2026-02-09'))), base, 'a status date is read by every file');
  });

  it('tell an edit of what a project depends on, and keep what it depended on', () => {
    const old = models(plan(100, 'x', '2026-02-02'));
    const oldProject = old[0].projects[0];
    const before = oldProject.dependsOn;
    const same = refreshInPlace(old, models(plan(1000, 'x', '2026-02-02')));
    assert.deepEqual(same.relinked, [], 'the same ids: nothing to link again');
    assert.equal(oldProject.dependsOn, before);
    const edit = refreshInPlace(old, models(plan(1000, 'x, y', '2026-02-02')));
    assert.deepEqual(edit.relinked.map(({ node, before: was }) => [node?.id, was.map((r) => r.name)]), [['a', ['x']]]);
    assert.equal(edit.relinked[0].before, before, 'the references it had, to be let go by the index');
    assert.deepEqual(oldProject.dependsOn.map((r) => r.name), ['x', 'y'], 'the new references');
    assert.ok(edit.entities.includes(oldProject), 'an edited entity like any other');
    // A manager named, then another: references to link again too (no node: nothing depends on them).
    const managed = (name: string) => models(plan(1000, 'x, y', '2026-02-02').replace(/^( +)name: A\n/m, (line, indent: string) => `${line}${indent}manager: ${name}\n`));
    const withManager = managed('ann');
    assert.equal(structureKey(managed('bob')), structureKey(withManager), 'a manager is linked again, not a structure edit');
    const renamed = refreshInPlace(withManager, managed('bob'));
    assert.deepEqual(renamed.relinked.map(({ node, before: was, after }) => [node?.id, was.map((r) => r.name), after.map((r) => r.name)]), [[undefined, ['ann'], ['bob']]]);
    assert.equal(withManager[0].projects[0].manager?.name, 'bob');
  });

  it('tell the entities whose values changed from those that only moved', () => {
    const edit = refreshInPlace(models(plan(100, 'x', '2026-02-02')), models(plan(1000, 'x', '2026-02-02')));
    assert.deepEqual(edit.entities.map((e) => e.id), ['a'], 'the budget 100 → 1000');
    assert.deepEqual(edit.moved.map((e) => e.id).sort(), ['ann', 'prog'], 'the program above it, and the person one character further on');
    const rewritten = refreshInPlace(models(plan(1000, 'x', '2026-02-02')), models(plan(1000, 'x', '2026-02-02').replace('budget: 1000', 'budget: 1000.0')));
    assert.deepEqual(rewritten.entities.map((e) => e.id), ['a'], 'the same number written otherwise: its exact figure is read from how it is written');
    const commented = refreshInPlace(models(plan(1000, 'x', '2026-02-02')), models(plan(1000, 'x', '2026-02-02').replace('name: A', 'name: A # the first')));
    assert.deepEqual(commented.entities, [], 'a comment changes no value');
  });

  it('fold new values into the old entities, keeping links and references', () => {
    const old = models(plan(100, 'x', '2026-02-02'));
    const oldProject = old[0].projects[0];
    const reference = oldProject.dependsOn[0];
    const person = oldProject.team[0].person;
    const oldStart = reference.span[0];
    const sentinel = old[0].programs[0];
    (oldProject as { program: Project['program'] }).program = sentinel;
    const edited = plan(1000, 'x', '2026-02-02').replace('allocation: 50', 'allocation: 80');
    const next = models(edited);
    const edit = refreshInPlace(old, next);
    assert.equal(oldProject.budget?.value, 1000);
    assert.equal(oldProject.program, sentinel, 'a link set by the index stays');
    assert.equal(oldProject.dependsOn[0], reference, 'a reference keeps its identity');
    assert.equal(reference.span[0], next[0].projects[0].dependsOn[0].span[0], '…and takes its new place');
    assert.notEqual(reference.span[0], oldStart, 'the budget 100 → 1000 moved it by one character');
    assert.equal(oldProject.team[0].person, person);
    assert.equal(oldProject.team[0].allocation, 80);
    assert.ok(edit.reallocated.has(oldProject), 'the allocation changed: 50 → 80');
    assert.equal(oldProject.span, next[0].projects[0].span, 'the place is the new one');
  });
});
