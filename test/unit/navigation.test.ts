/**
 * Navigation: where each id is defined and referenced, for go to definition, references, rename and
 * completion. A workspace of three files: a program with a milestone, a project and a people registry;
 * a project in another file that references them; and a copy of one project id in a third file.
 * Every span is written as a 0-based line and character in the fixture, then turned into offsets.
 */
import { strict as assert } from 'node:assert';
import { analyzePlans, idsOfKind, occurrenceAt, occurrencesInFile, occurrencesOf, PlanWorkspace, type Occurrence } from '../../src/core';
import { filesOf } from '../utils/plans';

const platformPath = 'a/platform.plan.yaml';
const paymentsPath = 'b/payments.plan.yaml';
const copyPath = 'c/copy.plan.yaml';

const files: Record<string, string> = {
  [platformPath]: [
    'program:', //                  0
    '  id: platform', //            1  platform 6..14
    '  name: Platform', //          2
    '  manager: alice', //          3  alice 11..16
    '  milestones:', //             4
    '    - id: ga', //              5  ga 10..12
    '      name: GA', //            6
    '      date: 2026-03-01', //    7
    '  projects:', //               8
    '    - id: ci', //              9  ci 10..12
    '      name: CI', //            10
    '      start: 2026-01-05', //   11
    '      duration: 2w', //        12
    '      manager: bob', //        13 bob 15..18
    'people:', //                   14
    '  - id: alice', //             15 alice 8..13
    '  - id: bob', //               16 bob 8..11
    '',
  ].join('\n'),
  [paymentsPath]: [
    'project:', //                      0
    '  id: checkout', //                1  checkout 6..14
    '  name: Checkout', //              2
    '  program: platform', //           3  platform 11..19
    '  manager: alice', //              4  alice 11..16
    '  duration: 4w', //                5
    '  depends_on: [ci, ga, nope]', //  6  ci 15..17, ga 19..21, nope 23..27
    '',
  ].join('\n'),
  [copyPath]: [
    'project:', //             0
    '  id: ci', //             1  ci 6..8
    '  name: CI copy', //      2
    '  start: 2026-02-02', //  3
    '  duration: 1w', //       4
    '',
  ].join('\n'),
};

const analysis = analyzePlans(filesOf(files));

/** The offset of a 0-based line and character of a fixture file. */
function offset(path: string, line: number, character: number): number {
  const lines = files[path].split('\n');
  assert.ok(line < lines.length && character <= lines[line].length, `${path}:${line}:${character} is outside the file`);
  return lines.slice(0, line).reduce((sum, text) => sum + text.length + 1, 0) + character;
}

interface Place {
  readonly id: string;
  readonly definition: boolean;
  readonly file: string;
  readonly span: readonly [number, number];
  /** The entity the id names, as `kind id in file`; undefined when it names nothing. */
  readonly names: string | undefined;
}

/** An expected place: `line` and `from`/`to` characters (0-based, `to` just after the id). */
function place(definition: boolean, id: string, file: string, line: number, from: number, names?: string): Place {
  return { id, definition, file, span: [offset(file, line, from), offset(file, line, from + id.length)], names };
}
const def = (id: string, file: string, line: number, from: number, names: string) => place(true, id, file, line, from, names);
const ref = (id: string, file: string, line: number, from: number, names?: string) => place(false, id, file, line, from, names);

function placeOf(o: Occurrence): Place {
  const names = o.entity && `${o.entity.kind} ${o.entity.id} in ${o.entity.source.file.path}`;
  return { id: o.id, definition: o.isDefinition, file: o.file.path, span: [o.span[0], o.span[1]], names };
}

const platform = `program platform in ${platformPath}`;
const ga = `milestone ga in ${platformPath}`;
const ci = `project ci in ${platformPath}`;
const ciCopy = `project ci in ${copyPath}`;
const checkout = `project checkout in ${paymentsPath}`;
const alice = `person alice in ${platformPath}`;
const bob = `person bob in ${platformPath}`;

describe('navigation', () => {
  it('the fixture has exactly the problems it is built with: the copied id and the reference to nothing', () => {
    const problems = analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.file}:${d.range.start.line}`);
    assert.deepEqual(problems.sort(), [`duplicate-id ${platformPath}:9`, `duplicate-id ${copyPath}:1`, `unknown-reference ${paymentsPath}:6`].sort());
  });

  describe('occurrencesInFile', () => {
    it('lists definitions and references in text order, each with the entity it names', () => {
      assert.deepEqual(occurrencesInFile(analysis, platformPath).map(placeOf), [
        def('platform', platformPath, 1, 6, platform),
        ref('alice', platformPath, 3, 11, alice),
        def('ga', platformPath, 5, 10, ga),
        def('ci', platformPath, 9, 10, ci),
        ref('bob', platformPath, 13, 15, bob),
        def('alice', platformPath, 15, 8, alice),
        def('bob', platformPath, 16, 8, bob),
      ]);
    });

    it('resolves references into other files; a reference to nothing names no entity', () => {
      assert.deepEqual(occurrencesInFile(analysis, paymentsPath).map(placeOf), [
        def('checkout', paymentsPath, 1, 6, checkout),
        ref('platform', paymentsPath, 3, 11, platform),
        ref('alice', paymentsPath, 4, 11, alice),
        ref('ci', paymentsPath, 6, 15, ci),
        ref('ga', paymentsPath, 6, 19, ga),
        ref('nope', paymentsPath, 6, 23),
      ]);
    });

    it('a duplicated id: each definition is its own entity; references name the first (workspace order)', () => {
      assert.deepEqual(occurrencesInFile(analysis, copyPath).map(placeOf), [def('ci', copyPath, 1, 6, ciCopy)]);
      assert.equal(occurrencesInFile(analysis, paymentsPath).find((o) => o.id === 'ci')?.entity?.source.file.path, platformPath);
    });

    it('is empty for a file the workspace does not have', () => {
      assert.deepEqual(occurrencesInFile(analysis, 'elsewhere.plan.yaml'), []);
    });

    it('follows an edit of values analysed incrementally: the same ids at their new offsets', () => {
      const workspace = new PlanWorkspace();
      for (const file of filesOf(files)) workspace.set(file.path, file.text);
      const before = workspace.analyze();
      assert.equal(occurrencesInFile(before, paymentsPath).find((o) => o.id === 'nope')?.span[0], offset(paymentsPath, 6, 23));
      // `duration: 4w` → `duration: 12w`: one character more before the depends_on line.
      workspace.set(paymentsPath, files[paymentsPath].replace('duration: 4w', 'duration: 12w'));
      const after = workspace.analyze();
      assert.equal(workspace.lastAnalysis, 'incremental');
      assert.deepEqual(
        occurrencesInFile(after, paymentsPath).map((o) => [o.id, o.span[0]]),
        [['checkout', offset(paymentsPath, 1, 6)], ['platform', offset(paymentsPath, 3, 11)], ['alice', offset(paymentsPath, 4, 11)],
          ['ci', offset(paymentsPath, 6, 15) + 1], ['ga', offset(paymentsPath, 6, 19) + 1], ['nope', offset(paymentsPath, 6, 23) + 1]],
      );
    });
  });

  describe('occurrenceAt', () => {
    const at = (line: number, character: number) => {
      const found = occurrenceAt(analysis, paymentsPath, offset(paymentsPath, line, character));
      return found && placeOf(found);
    };

    it('finds the id under the offset, from its first character to just after its last', () => {
      assert.deepEqual(at(6, 15), ref('ci', paymentsPath, 6, 15, ci));
      assert.deepEqual(at(6, 16), ref('ci', paymentsPath, 6, 15, ci));
      assert.deepEqual(at(6, 17), ref('ci', paymentsPath, 6, 15, ci), 'the cursor just after the id is still on it');
      assert.deepEqual(at(6, 19), ref('ga', paymentsPath, 6, 19, ga));
      assert.deepEqual(at(1, 10), def('checkout', paymentsPath, 1, 6, checkout));
      assert.deepEqual(at(3, 19), ref('platform', paymentsPath, 3, 11, platform));
    });

    it('finds nothing between ids, on keys, or in a file the workspace does not have', () => {
      assert.equal(at(6, 18), undefined, 'the space after the comma');
      assert.equal(at(6, 4), undefined, 'the depends_on key');
      assert.equal(at(2, 10), undefined, 'a name is not an id');
      assert.equal(at(0, 0), undefined);
      assert.equal(occurrenceAt(analysis, 'elsewhere.plan.yaml', 0), undefined);
    });
  });

  describe('occurrencesOf', () => {
    it('lists every definition, then every reference, across files', () => {
      assert.deepEqual(occurrencesOf(analysis, 'ci').map(placeOf), [
        def('ci', platformPath, 9, 10, ci),
        def('ci', copyPath, 1, 6, ciCopy),
        ref('ci', paymentsPath, 6, 15, ci),
      ]);
      assert.deepEqual(occurrencesOf(analysis, 'platform').map(placeOf), [
        def('platform', platformPath, 1, 6, platform),
        ref('platform', paymentsPath, 3, 11, platform),
      ]);
    });

    it('finds people referenced as managers in two files', () => {
      assert.deepEqual(occurrencesOf(analysis, 'alice').map(placeOf), [
        def('alice', platformPath, 15, 8, alice),
        ref('alice', platformPath, 3, 11, alice),
        ref('alice', paymentsPath, 4, 11, alice),
      ]);
    });

    it('lists a place once when a list reached through an alias repeats it (a rename edits it once)', () => {
      const text = [
        'program:', '  id: g', '  name: G', '  projects:',
        '    - id: &b build', '      name: Build', '      start: 2026-01-05', '      duration: 1w',
        '    - id: t', '      name: T', '      depends_on: &deps [*b]', '      duration: 1w',
        '    - id: u', '      name: U', '      depends_on: *deps', '      duration: 1w',
      ].join('\n');
      const aliased = analyzePlans([{ path: 'a.plan.yaml', text }]);
      const places = occurrencesOf(aliased, 'build').map((o) => `${o.isDefinition ? 'def' : 'ref'} ${o.span[0]}-${o.span[1]}`);
      const reference = text.indexOf('*b');
      assert.deepEqual(places, [`def ${text.indexOf('build')}-${text.indexOf('build') + 5}`, `ref ${reference}-${reference + 2}`]);
    });

    it('lists the references of an id nothing defines, and nothing for an id written nowhere', () => {
      assert.deepEqual(occurrencesOf(analysis, 'nope').map(placeOf), [ref('nope', paymentsPath, 6, 23)]);
      assert.deepEqual(occurrencesOf(analysis, 'nobody'), []);
    });
  });

  describe('idsOfKind', () => {
    const ids = (kinds: Parameters<typeof idsOfKind>[1]) => idsOfKind(analysis, kinds).map((e) => `${e.kind} ${e.id} in ${e.source.file.path}`);

    it('lists the first definition of each id of the kinds asked for, in workspace order', () => {
      assert.deepEqual(ids(['project']), [ci, checkout]);
      assert.deepEqual(ids(['project', 'milestone']), [ga, ci, checkout]);
      assert.deepEqual(ids(['person']), [alice, bob]);
      assert.deepEqual(ids(['program']), [platform]);
    });

    it('is empty for kinds the workspace does not have', () => {
      assert.deepEqual(ids(['portfolio']), []);
      assert.deepEqual(ids([]), []);
    });
  });
});
