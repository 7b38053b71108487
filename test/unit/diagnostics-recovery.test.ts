/**
 * Diagnostics (SPEC section 6, last paragraph): "A document that does not fully parse is still indexed
 * from what the parser recovered, and its syntax errors are reported first, at the offending line; one
 * broken file never adds errors to another file beyond unknown-references to ids it can no longer
 * provide." One mistake gives one error, on its own line, in words a program manager understands; the
 * line is read as it was meant (a tab or a wrong indentation as the neighbours' indentation), so the
 * rest of the file — and every other file — reads as if the mistake were not there.
 *
 * YAML is written as arrays of lines with the 1-based line number in a comment. Positions are 1-based
 * (line, column), as the CLI prints them.
 */
import assert from 'node:assert/strict';
import { analyzePlans, toRollupJson, type PlanDiagnostic } from '../../src/core';
import { day, diagnose, expectDiagnostic, expectOnly, filesOf, show, type PlanInput } from '../utils/plans';

const STATUS = { statusDate: day('2026-06-01') };

/** The text with a diagnostic's quick fix applied (its `replace` data over its range). */
function applyFix(text: string, d: PlanDiagnostic): string {
  assert.ok(d.data?.kind === 'replace', `no replace fix on ${d.code} ${d.message}`);
  const offset = (line: number, character: number) => text.split('\n').slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
  return text.slice(0, offset(d.range.start.line, d.range.start.character)) + d.data.replacement + text.slice(offset(d.range.end.line, d.range.end.character));
}

/** The rollup's project ids and their scheduled windows. */
function windows(input: PlanInput): Record<string, string> {
  const rollup = toRollupJson(analyzePlans(filesOf(input), STATUS));
  return Object.fromEntries(rollup.projects.map((p) => [p.id, `${p.start} – ${p.end}`]));
}

describe('recovery from YAML mistakes (SPEC section 6)', () => {
  describe('a tab used as indentation', () => {
    const program = [
      'program:', //                    1
      '  id: platform', //              2
      '  name: Platform', //            3
      '  projects:', //                 4
      '    - id: ci-upgrade', //        5
      '      name: Upgrade CI', //      6
      '      start: 2026-01-05', //     7
      '\t  duration: 8w', //            8  <- a tab, then two spaces
      '    - id: auth-migration', //    9
      '      name: Move auth', //       10
      '      depends_on: [ci-upgrade]', // 11
      '      duration: 4w', //          12
      '    - id: search', //            13
      '      name: Search', //          14
      '      depends_on: [auth-migration]', // 15
      '      duration: 2w', //          16
    ].join('\n');
    const checkout = [
      'project:', //                     1
      '  id: checkout-v2', //            2
      '  name: Checkout v2', //          3
      '  program: platform', //          4
      '  depends_on: [search]', //       5
      '  duration: 2w', //               6
    ].join('\n');
    const files = { 'platform.plan.yaml': program, 'checkout.plan.yaml': checkout };

    it('in a multi-file program: one error, on its line; nothing at line 1, nothing in the other file', () => {
      expectOnly(files, [
        {
          code: 'yaml-syntax', file: 'platform.plan.yaml', line: 8, column: 1, endLine: 8, endColumn: 12,
          message: /^This line is indented with a tab; indent with spaces \(it is read as 6 spaces, in line with 'start' above\)$/,
        },
      ], STATUS);
    });

    it('reads the line as indented like its neighbours, so the projects after it keep their ids and dates', () => {
      // ci-upgrade: 2026-01-05 + 8 weeks (56 days) → ends 2026-03-01. auth-migration starts the day
      // after (2026-03-02) for 28 days → 2026-03-29; search 2026-03-30 for 14 days → 2026-04-12;
      // checkout-v2 (other file) 2026-04-13 for 14 days → 2026-04-26.
      assert.deepEqual(windows(files), {
        'ci-upgrade': '2026-01-05 – 2026-03-01',
        'auth-migration': '2026-03-02 – 2026-03-29',
        search: '2026-03-30 – 2026-04-12',
        'checkout-v2': '2026-04-13 – 2026-04-26',
      });
    });

    it('offers spaces as the fix, and the fixed file is clean', () => {
      const [tab] = diagnose(files, STATUS);
      assert.deepEqual(tab.data, { kind: 'replace', replacement: '      duration' });
      expectOnly({ ...files, 'platform.plan.yaml': applyFix(program, tab) }, [], STATUS);
    });

    it('reads a tab-indented list item at the column of the items around it', () => {
      const text = [
        'program:', //                  1
        '  id: platform', //            2
        '  name: Platform', //          3
        '  projects:', //               4
        '    - id: a', //               5
        '      name: A', //             6
        '      start: 2026-01-05', //   7
        '      duration: 1w', //        8
        '\t- id: b', //                 9  <- a tab where the dash should be at 4
        '      name: B', //             10
        '      depends_on: [a]', //     11
        '      duration: 1w', //        12
      ].join('\n');
      expectOnly(text, [{ code: 'yaml-syntax', line: 9, column: 1, message: /indented with a tab; indent with spaces \(it is read as 4 spaces\)/ }], STATUS);
      // a: 2026-01-05 + 7 days → 2026-01-11; b starts the next day.
      assert.deepEqual(windows(text), { a: '2026-01-05 – 2026-01-11', b: '2026-01-12 – 2026-01-18' });
    });

    it('reports each tab-indented line once, however many there are', () => {
      const text = ['project:', '\tid: ci', '\tname: CI', '\tstart: 2026-01-05', '\tduration: 1w'].join('\n');
      const all = expectOnly(text, [2, 3, 4, 5].map((line) => ({ code: 'yaml-syntax' as const, line, column: 1, message: /indented with a tab/ })), STATUS);
      assert.match(all[1].message, /in line with 'id' above/);
      assert.deepEqual(windows(text), { ci: '2026-01-05 – 2026-01-11' });
    });

    it('reads a tabbed key with a list under it left of that list, not inside the item above', () => {
      const text = [
        'program:', //                  1
        '  id: platform', //            2
        '  name: Platform', //          3
        '  milestones:', //             4
        '    - name: Beta', //          5
        '      date: 2026-09-01', //    6
        '\tprojects:', //              7  <- a tab; the list under it is at 4
        '    - id: a', //               8
        '      name: A', //             9
        '      start: 2026-01-05', //   10
        '      duration: 1w', //        11
      ].join('\n');
      expectOnly(text, [{ code: 'yaml-syntax', line: 7, column: 1, message: /read as 2 spaces, in line with 'milestones' above/ }], STATUS);
      assert.deepEqual(windows(text), { a: '2026-01-05 – 2026-01-11' });
    });

    it('reads spaces then a tab at the level those spaces give', () => {
      const text = [
        'project:', //                  1
        '  id: a', //                   2
        '  name: A', //                 3
        '  start: 2026-01-05', //       4
        '  milestones:', //             5
        '    - name: Beta', //          6
        '      date: 2026-09-01', //    7
        '  \tduration: 40w', //        8  <- 2 spaces, then a tab: the project's level, not the milestone's
      ].join('\n');
      expectOnly(text, [{ code: 'yaml-syntax', line: 8, column: 1, message: /read as 2 spaces, in line with 'milestones' above/ }], STATUS);
      assert.deepEqual(windows(text), { a: '2026-01-05 – 2026-10-11' }); // 40 weeks = 280 days
    });

    it('leaves a tab inside a value alone (it is not indentation)', () => {
      expectOnly(['project:', '  id: ci', '  name:\tUpgrade CI', '  start: 2026-01-05', '  duration: 1w'].join('\n'), [], STATUS);
    });
  });

  describe('a key indented unlike its neighbours', () => {
    it('3 spaces among 2: one error on its own line, read as lined up', () => {
      const text = [
        'project:', //               1
        '  id: ci-upgrade', //       2
        '  name: Upgrade CI', //     3
        '   budget: 1000', //        4  <- 3 spaces
        '  start: 2026-01-05', //    5
        '  duration: 8w', //         6
        '  spent: 2000', //          7
      ].join('\n');
      expectOnly(text, [
        { code: 'yaml-syntax', line: 4, column: 1, endLine: 4, endColumn: 10, message: /^'budget' is indented 3 spaces but the keys around it use 2; line it up with 'name' above$/ },
        // Read as lined up, the budget counts: spent 2,000 > budget 1,000.
        { code: 'overspent', line: 7, column: 10, message: /spent 2,000 USD, more than its budget at completion of 1,000 USD/ },
      ], STATUS);
    });

    it('1 space too few: one error, and the keys after it are not blamed', () => {
      const text = ['project:', '  id: ci-upgrade', '  name: Upgrade CI', ' budget: 1000', '  start: 2026-01-05', '  duration: 8w'].join('\n');
      const [only] = expectOnly(text, [{ code: 'yaml-syntax', line: 4, column: 1, message: /^'budget' is indented 1 space but the keys around it use 2; line it up with 'name' above$/ }], STATUS);
      assert.deepEqual(only.data, { kind: 'replace', replacement: '  budget' });
      expectOnly(applyFix(text, only), [], STATUS);
    });

    it('blames the first key when it alone differs from the keys after it', () => {
      const text = [
        'project:', //               1
        '   id: ci-upgrade', //      2  <- 3 spaces; every key after it uses 2
        '  name: Upgrade CI', //     3
        '  start: 2026-01-05', //    4
        '  duration: 8w', //         5
      ].join('\n');
      expectOnly(text, [{ code: 'yaml-syntax', line: 2, column: 1, message: /^'id' is indented 3 spaces but the keys around it use 2; line it up with 'name' below$/ }], STATUS);
    });

    it('moves a wrongly indented list item with the keys written under it: one error', () => {
      const text = [
        'program:', //                 1
        '  id: platform', //           2
        '  name: Platform', //         3
        '  projects:', //              4
        '    - id: a', //              5
        '      name: A', //            6
        '      start: 2026-01-05', //  7
        '      duration: 1w', //       8
        '   - id: b', //               9  <- the item (and its keys) one space to the left
        '     name: B', //             10
        '     depends_on: [a]', //     11
        '     duration: 1w', //        12
        '    - id: c', //              13
        '      name: C', //            14
        '      depends_on: [b]', //    15
        '      duration: 1w', //       16
      ].join('\n');
      expectOnly(text, [{ code: 'yaml-syntax', line: 9, column: 1, message: /^This list item is indented 3 spaces but the items around it use 4; line its '-' up with theirs$/ }], STATUS);
      assert.deepEqual(windows(text), { a: '2026-01-05 – 2026-01-11', b: '2026-01-12 – 2026-01-18', c: '2026-01-19 – 2026-01-25' });
    });

    it('blames the first list item when its own keys and the items after it agree on another column', () => {
      const text = [
        'program:', //                 1
        '  id: platform', //           2
        '  name: Platform', //         3
        '  projects:', //              4
        '     - id: a', //             5  <- 5 spaces; its keys (6) and the next item (4) say 4
        '      name: A', //            6
        '      start: 2026-01-05', //  7
        '      duration: 1w', //       8
        '    - id: b', //              9
        '      name: B', //            10
        '      depends_on: [a]', //    11
        '      duration: 1w', //       12
      ].join('\n');
      expectOnly(text, [{ code: 'yaml-syntax', line: 5, column: 1, message: /^This list item is indented 5 spaces but the items around it use 4; line its '-' up with theirs$/ }], STATUS);
      assert.deepEqual(windows(text), { a: '2026-01-05 – 2026-01-11', b: '2026-01-12 – 2026-01-18' });
    });

    it('lines a key up with its own mapping, not a deeper one', () => {
      const text = [
        'project:', //                  1
        '  id: a', //                   2
        '  name: A', //                 3
        '  start: 2026-01-05', //       4
        '  milestones:', //             5
        '    - name: Beta', //          6
        '      date: 2026-09-01', //    7
        ' duration: 40w', //            8  <- 1 space: the project's key, not the milestone's
      ].join('\n');
      expectOnly(text, [{ code: 'yaml-syntax', line: 8, column: 1, message: /'duration' is indented 1 space but the keys around it use 2; line it up with 'milestones' above/ }], STATUS);
      assert.deepEqual(windows(text), { a: '2026-01-05 – 2026-10-11' }); // 40 weeks = 280 days
    });
  });

  describe('other mistakes of one line', () => {
    const project = (line: string) =>
      [
        'project:', //               1
        '  id: ci-upgrade', //       2
        '  name: Upgrade CI', //     3
        '  start: 2026-01-05', //    4
        '  duration: 8w', //         5
        line, //                     6
        '  budget: 1000', //         7
      ].join('\n');

    it("a key without ':' — not read, one error saying what to write", () => {
      const [only] = expectOnly(project('  spent 95000   # not read'), [
        { code: 'yaml-syntax', line: 6, column: 3, endLine: 6, endColumn: 14, message: /^This line has no ':' after 'spent', so it is not read; write 'spent: 95000'$/ },
      ], STATUS);
      assert.deepEqual(only.data, { kind: 'replace', replacement: 'spent: 95000' });
      // Once fixed, the value counts: 95,000 spent of a 1,000 budget.
      expectOnly(applyFix(project('  spent 95000   # not read'), only), [{ code: 'overspent', line: 6, column: 10 }], STATUS);
    });

    it("a key without ':' but with entries under it — read as meant", () => {
      const text = [
        'project:', //                  1
        '  id: a', //                   2
        '  name: A', //                 3
        '  start: 2026-01-05', //       4
        '  duration: 2w', //            5
        '  milestones', //              6  <- the ':' is missing
        '    - name: Beta', //          7
        '      date: 2026-01-10', //    8
        '      done: true', //          9
      ].join('\n');
      const [only] = expectOnly(text, [{ code: 'yaml-syntax', line: 6, column: 3, message: /^This line has no ':' after 'milestones'; write 'milestones:' \(the lines under it are read as its value\)$/ }], STATUS);
      assert.deepEqual(only.data, { kind: 'replace', replacement: 'milestones:' });
      assert.equal(analyzePlans(filesOf(text), STATUS).index.milestones.length, 1);
    });

    it('a value on a key with entries under it — the value is the mistake', () => {
      const text = [
        'project: "', //                1  <- a stray quote
        '  id: a', //                   2
        '  name: A', //                 3
        '  start: 2026-01-05', //       4
        '  duration: 2w', //            5
      ].join('\n');
      expectOnly(text, [{ code: 'yaml-syntax', line: 1, column: 10, message: /^'project' has the value " but also entries under it; remove the value \(the entries under it are read\)$/ }], STATUS);
      assert.deepEqual(windows(text), { a: '2026-01-05 – 2026-01-18' });
    });

    it("'---' with spaces before it — one error, the next document still read", () => {
      const text = ['project:', '  id: a', '  name: A', '  start: 2026-01-05', '  duration: 1w', '  ---', 'project:', '  id: b', '  name: B', '  depends_on: [a]', '  duration: 1w'].join('\n');
      expectOnly(text, [{ code: 'yaml-syntax', line: 6, column: 1, message: /^'---' starts a new document only at the start of a line; remove the spaces before it$/ }], STATUS);
      assert.deepEqual(windows(text), { a: '2026-01-05 – 2026-01-11', b: '2026-01-12 – 2026-01-18' });
    });

    it("no space after ':' — read as meant", () => {
      expectOnly(project('  spent:95000'), [
        { code: 'yaml-syntax', line: 6, column: 3, message: /^This line needs a space after the ':' of 'spent'; write 'spent: 95000'$/ },
        { code: 'overspent', line: 6, column: 9 },
      ], STATUS);
    });

    it('a list left open on its line — read as closed', () => {
      const all = expectOnly(project('  tags: [platform, q3'), [
        { code: 'yaml-syntax', line: 6, column: 9, endLine: 6, endColumn: 22, message: /^The list opened with '\[' is not closed on its line; end it with '\]'$/ },
      ], STATUS);
      assert.deepEqual(all[0].data, { kind: 'replace', replacement: '[platform, q3]' });
    });

    it('what a mistaken line is read as, the schema may reject: still one error, the syntax one', () => {
      // `[unclosed` is read as the list [unclosed], which is not a project: that is the same mistake.
      expectOnly('project: [unclosed\n', [{ code: 'yaml-syntax', line: 1, column: 10, message: /^The list opened with '\[' is not closed on its line/ }], STATUS);
    });

    it('a quote left open on its line — read as closed', () => {
      expectOnly(project('  description: "Move CI to the new runners'), [
        { code: 'yaml-syntax', line: 6, column: 16, message: /^The text opened with " is not closed on its line; end it with "$/ },
      ], STATUS);
    });

    it("': ' inside a value — read as text, with quotes as the fix", () => {
      const [only] = expectOnly(project('  description: Goal: cut build time'), [
        { code: 'yaml-syntax', line: 6, column: 16, message: /^The value of 'description' has ': ' in it, which YAML reads as another key; put the value in quotes$/ },
      ], STATUS);
      assert.deepEqual(only.data, { kind: 'replace', replacement: "'Goal: cut build time'" });
    });

    it('a key written twice — one error at the second, and neither value is used', () => {
      // budget 5000, then 1000: which one is meant is unknown, so spent 3000 is not compared with either.
      expectOnly(project('  budget: 5000').replace('  duration: 8w', '  duration: 8w\n  spent: 3000'), [
        { code: 'yaml-syntax', line: 8, column: 3, endLine: 8, endColumn: 9, message: /^'budget' is written twice in this mapping; keep one \(neither is read until then\)$/ },
      ], STATUS);
    });

    it('a stray bracket — one error, not one per line after it, and the list is read', () => {
      // '  tags: [a, b]]': the second ']' is the 15th character.
      const [only] = expectOnly(project('  tags: [a, b]]'), [
        { code: 'yaml-syntax', line: 6, column: 15, endColumn: 16, message: /^This text comes after the closing \] and is not read; remove it \(or put the whole value in quotes\)$/ },
      ], STATUS);
      assert.deepEqual(only.data, { kind: 'replace', replacement: '' });
    });

    it("a value starting with '@' — read as text, with quotes as the fix", () => {
      const [only] = expectOnly(project('  manager: @alice'), [{ code: 'yaml-syntax', line: 6, column: 12, message: /^A value cannot start with '@' in YAML; put the value in quotes$/ }], STATUS);
      assert.deepEqual(only.data, { kind: 'replace', replacement: "'@alice'" });
    });

    it('a mistake only the parser sees — that line is not read, one error', () => {
      // '  description: - a': a list item where a value is due; the parser points at the '-'.
      expectOnly(project('  description: - a'), [{ code: 'yaml-syntax', line: 6, column: 16, message: /^This line is not valid YAML, so it is not read: / }], STATUS);
    });

    it('a line of block text left of the text above — one error', () => {
      expectOnly(project('  description: |\n    Move CI\n   to the new runners\n    this year'), [
        { code: 'yaml-syntax', line: 8, column: 1, message: /^This line of the text is indented 3 spaces but the text above it uses 4; line it up with the text above$/ },
      ], STATUS);
    });

    it('the first line of block text deeper than the lines after it — that line is the one', () => {
      expectOnly(project('  description: |\n     Move CI\n    to the new runners\n    this year'), [
        { code: 'yaml-syntax', line: 7, column: 1, message: /^This first line of the text is indented 5 spaces but the lines after it use 4; line it up with them$/ },
      ], STATUS);
    });

    it('text after a block text header — one error, the text still read', () => {
      expectOnly(project('  description: |x\n    Move CI to the new runners'), [
        { code: 'yaml-syntax', line: 6, column: 17, message: /^Nothing may follow '\|' on its line \(the text starts on the next line\); remove this$/ },
      ], STATUS);
    });

    it('a line of dashes where a key is due — one error, the rest of the file still read', () => {
      const text = project('  - - -');
      expectOnly(text, [{ code: 'yaml-syntax', line: 6, column: 3, message: /^This line is not valid YAML, so it is not read: / }], STATUS);
      assert.deepEqual(windows(text), { 'ci-upgrade': '2026-01-05 – 2026-03-01' });
    });
  });

  describe('what the rest of a recovered document still reports', () => {
    it('its syntax errors come first, then its other problems, each at its place', () => {
      const text = [
        'project:', //                  1
        '  id: ci-upgrade', //          2
        '  name: Upgrade CI', //        3
        '  state: in-progress', //      4  <- schema error
        '  start: 2026-01-05', //       5
        '  duration: 8w', //            6
        '   budget: 1000', //           7  <- yaml-syntax
        '  spent: 2000', //             8  <- overspent
      ].join('\n');
      expectOnly(text, [
        { code: 'yaml-syntax', line: 7, column: 1 },
        { code: 'schema', line: 4, column: 10 },
        { code: 'overspent', line: 8, column: 10 },
      ], STATUS);
    });

    it('a line that is not read hides only the problems it would have caused', () => {
      const text = [
        'program:', //                  1
        '  id: platform', //            2
        '  name: Platform', //          3
        '  projects:', //               4
        '    - id: a', //               5
        '      nme A', //               6  <- not read: perhaps the missing name
        '      start: 2026-01-05', //   7
        '      duration: 1w', //        8
        '    - id: b', //               9
        '      start: 2026-01-05', //   10  <- b has no name: a real schema error
        '      duration: 1w', //        11
        '      budget: 10', //          12
        '      spent: 20', //           13  <- overspent: a real warning
      ].join('\n');
      expectOnly(text, [
        { code: 'yaml-syntax', line: 6, column: 7, message: /^This line has no ':' after 'nme', so it is not read; write 'nme: A'$/ },
        { code: 'schema', line: 9, column: 7, message: /Missing required key 'name' in project 'b'/ },
        { code: 'overspent', line: 13, column: 14 },
      ], STATUS);
    });

    it('keeps ids resolving across files when a document has a syntax error', () => {
      const files = {
        'a.plan.yaml': ['project:', '  id: a', '  name: A', '  start: 2026-01-05', '  duration: 1w', '  spent 5'].join('\n'),
        'b.plan.yaml': ['project:', '  id: b', '  name: B', '  depends_on: [a]', '  duration: 1w'].join('\n'),
      };
      expectOnly(files, [{ code: 'yaml-syntax', file: 'a.plan.yaml', line: 6, column: 3 }], STATUS);
    });
  });

  it('a document with more unreadable lines than the rounds mend keeps only its syntax errors; its ids still resolve', () => {
    const broken = ['project:', '  id: a', '  name: A', '  start: 2026-01-05', '  duration: 1w', '  budget: 10', '  spent: 20']; // overspent, but hidden
    for (let i = 0; i < 9; i++) broken.push(`  x-note${i}: - a`); // lines 8–16: a list item where a value is due ('-' at column 12)
    const files = {
      'a.plan.yaml': broken.join('\n'),
      'b.plan.yaml': ['project:', '  id: b', '  name: B', '  depends_on: [a]', '  duration: 1w', '  budget: 10', '  spent: 20'].join('\n'),
    };
    expectOnly(files, [
      // Eight rounds mend one line each; the ninth stays as the parser says it.
      ...[8, 9, 10, 11, 12, 13, 14, 15].map((line) => ({ code: 'yaml-syntax' as const, file: 'a.plan.yaml', line, column: 12, message: /^This line is not valid YAML, so it is not read: / })),
      { code: 'yaml-syntax', file: 'a.plan.yaml', line: 16, column: 12, message: /^YAML syntax error: / },
      { code: 'overspent', file: 'b.plan.yaml', line: 7, column: 10 },
    ], STATUS);
  });

  describe('valid YAML is never second-guessed', () => {
    it('odd but valid layouts read clean', () => {
      const text = [
        'program:',
        '   id: platform', //                  keys at 3 spaces, consistently
        '   name: Platform',
        '   description: |',
        '     Long text',
        '        indented more: with a colon',
        '   projects:',
        '   - id: a', //                        a list at its key's own column
        '     name: A',
        '     start: 2026-01-05',
        '     duration: 1w',
        '     tags: [x,',
        '       y]',
        '   - { id: b, name: B, depends_on: [a], duration: 1w }',
      ].join('\n');
      expectOnly(text, [], STATUS);
    });

    it('with a mistake elsewhere, only the mistake is reported', () => {
      const text = [
        'program:', //                            1
        '   id: platform', //                     2
        '   name: Platform', //                   3
        '   description: |', //                   4
        '     Long text', //                      5
        '        indented more: with a colon', // 6
        '   projects:', //                        7
        '   - id: a', //                          8
        '     name: A', //                        9
        '     start: 2026-01-05', //              10
        '\t   duration: 1w', //                   11 <- the mistake
      ].join('\n');
      expectOnly(text, [{ code: 'yaml-syntax', line: 11, column: 1, message: /read as 5 spaces, in line with 'start' above/ }], STATUS);
    });

    it('an error elsewhere does not make a continued plain value a mistake', () => {
      const text = [
        'project:', //                    1
        '  id: a', //                     2
        '  name: A long name', //         3
        '    continued on this line', //  4  (valid: a plain scalar over two lines)
        '  start: 2026-01-05', //         5
        '  duration: 1w', //              6
        '  spent 4', //                   7  <- the mistake
      ].join('\n');
      expectOnly(text, [{ code: 'yaml-syntax', line: 7, column: 3 }], STATUS);
    });
  });

  it('every layout fix leaves the file clean', () => {
    const cases = [
      ['project:', '  id: a', '  name: A', '\tstart: 2026-01-05', '  duration: 1w'],
      ['project:', '  id: a', '  name: A', '    start: 2026-01-05', '  duration: 1w'],
      ['project:', '  id: a', '  name: A', '  start:2026-01-05', '  duration: 1w'],
      ['project:', '  id: a', '  name: A', '  start: 2026-01-05', '  duration: 1w', '  tags: [x, y'],
      ['project:', '  id: a', '  name: "A', '  start: 2026-01-05', '  duration: 1w'],
      ['project:', '  id: a', '  name: A: the sequel', '  start: 2026-01-05', '  duration: 1w'],
      ['project:', '  id: a', '  name: A', '  start: 2026-01-05', '  duration: 1w', '  tags: [x]]'],
      ['project:', '  id: a', '  name: `A`', '  start: 2026-01-05', '  duration: 1w'],
    ].map((lines) => lines.join('\n'));
    for (const text of cases) {
      const all = diagnose(text, STATUS);
      assert.equal(all.length, 1, `${JSON.stringify(text)}:\n${show(all)}`);
      expectOnly(applyFix(text, all[0]), [], STATUS);
    }
  });

  it('still reports a duplicate key at the second occurrence', () => {
    expectDiagnostic(['project:', '  id: ci', '  name: Upgrade CI', '  start: 2026-01-05', '  name: CI upgrade', '  duration: 8w'].join('\n'), {
      code: 'yaml-syntax', line: 5, column: 3,
    });
  });
});
