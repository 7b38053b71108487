/** What every editor shows the same way (core/views): an entity's description, the quick fixes, the semantic tokens. */
import assert from 'node:assert/strict';
import { analyzePlans, describeEntity, descriptionMarkdown, encodeSemanticTokens, quickFixOf, semanticTokensOf } from '../../src/core';
import { yaml } from '../utils/plans';

const text = yaml`
  version: 1
  program:
    id: alpha
    name: Alpha_program
    status_date: 2026-01-31
    milestones:
      - { id: m1, name: First, date: 2026-03-20 }
    projects:
      - id: build
        name: Build [the] thing
        start: 2026-01-05
        duration: 8w
        budget: 200000
        progress: 50
        state: active
`;

describe('editor views', () => {
  const analysis = analyzePlans([{ path: 'a.plan.yaml', text }]);
  const build = analysis.index.projects[0];

  it('describes a project as Markdown, its name escaped, with its figures as a table', () => {
    const markdown = descriptionMarkdown(describeEntity(analysis, build, 'USD'));
    assert.ok(markdown.startsWith('**Project `build`** — Build \\[the\\] thing\n\n| | |\n|---|---|\n| Dates | '), markdown);
    assert.match(markdown, /\| State \| active \|/);
    const program = descriptionMarkdown(describeEntity(analysis, analysis.index.programs[0], 'USD'));
    assert.ok(program.startsWith('**Program `alpha`** — Alpha\\_program'), program);
  });

  it('describes a milestone in words, each line its own paragraph', () => {
    const parts = describeEntity(analysis, analysis.index.milestones[0], 'USD');
    assert.deepEqual(parts.slice(0, 3), [
      { kind: 'markdown', value: '**Milestone `m1`**' },
      { kind: 'text', value: ' — First' },
      { kind: 'markdown', value: '\n\n' },
    ]);
    assert.equal(descriptionMarkdown(parts), '**Milestone `m1`** — First\n\n2026-03-20 · on track · in program alpha\n\nForecast 2026-03-20: on track');
    // Markup in text is escaped; a dash only where it would start a list.
    assert.equal(descriptionMarkdown([{ kind: 'text', value: 'a_b *c* [d] 1-2\n- e' }]), 'a\\_b \\*c\\* \\[d\\] 1-2\n\n\\- e');
  });

  it('sets the state to done: the state line before or after the progress', () => {
    const lines = text.split('\n');
    const progressLine = lines.findIndex((l) => l.includes('progress: 50'));
    const progress = { start: { line: progressLine, character: 14 }, end: { line: progressLine, character: 16 } };
    // `      state: active` is the line after: 'active' at characters 13–19.
    assert.deepEqual(quickFixOf(progress, { kind: 'set-state-done' }, text), {
      title: "Set state to 'done'",
      edits: [{ range: { start: { line: progressLine + 1, character: 13 }, end: { line: progressLine + 1, character: 19 } }, newText: 'done' }],
    });
    const before = text.replace('      progress: 50\n      state: active', '      state: active\n      progress: 50');
    const movedProgress = { start: { line: progressLine + 1, character: 14 }, end: { line: progressLine + 1, character: 16 } };
    assert.deepEqual(quickFixOf(movedProgress, { kind: 'set-state-done' }, before)?.edits[0].range.start, { line: progressLine, character: 13 });
    // No state written for this project (the next item's does not count): no fix.
    const none = text.replace('      state: active\n', '') + '  - id: other\n    state: active\n';
    assert.equal(quickFixOf(progress, { kind: 'set-state-done' }, none), undefined);
  });

  it("sets the project's own state to done, not a risk's or an issue's written between", () => {
    const plan = [
      'program:', '  id: g', '  name: G', '  projects:',
      '    - id: p1', '      name: P1', '      start: 2026-01-05', '      duration: 3d',
      '      risks:', '        - id: r1', '          title: R', '          likelihood: 2', '          impact: 2', '          state: open',
      '      issues:', '        - { id: i1, title: I, severity: low, state: open }',
      '      progress: 100', '      state: active',
    ].join('\n');
    const found = analyzePlans([{ path: 'p.plan.yaml', text: plan }]).diagnostics.find((d) => d.code === 'progress-mismatch')!;
    assert.ok(found.data, 'the warning carries its fix');
    const fix = quickFixOf(found.range, found.data, plan)!;
    // Line 18 (0-based 17): `      state: active`, 'active' at characters 13–19.
    assert.deepEqual(fix.edits, [{ range: { start: { line: 17, character: 13 }, end: { line: 17, character: 19 } }, newText: 'done' }]);
    // Written in quotes: the word inside them.
    const quoted = plan.replace('      state: active', '      state: "active"');
    const again = analyzePlans([{ path: 'p.plan.yaml', text: quoted }]).diagnostics.find((d) => d.code === 'progress-mismatch')!;
    assert.deepEqual(quickFixOf(again.range, again.data!, quoted)!.edits, [{ range: { start: { line: 17, character: 14 }, end: { line: 17, character: 20 } }, newText: 'done' }]);
  });

  it('names a replacement by what it does', () => {
    const tab = 'a:\n\tb: 1\n';
    const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } };
    assert.equal(quickFixOf(range, { kind: 'replace', replacement: '  ' }, tab)?.title, 'Indent with 2 spaces instead of a tab');
    assert.equal(quickFixOf({ start: { line: 1, character: 1 }, end: { line: 1, character: 2 } }, { kind: 'replace', replacement: 'c' }, tab)?.title, "Change to 'c'");
    assert.deepEqual(quickFixOf(range, { kind: 'set-progress-100' }, tab), { title: 'Set progress to 100', edits: [{ range, newText: '100' }] });
  });

  it('gives semantic tokens in text order, relatively encoded', () => {
    const tokens = semanticTokensOf(analysis, 'a.plan.yaml', text);
    // alpha (line 2, char 6), 2026-01-31 (line 4, char 15), m1 (line 6, char 12), build (line 8, char 10), 2026-01-05 (line 10, char 13);
    // a date followed by `}` in a flow mapping is left to the grammar (as the extension always did).
    assert.deepEqual(
      tokens.map((t) => [t.line, t.character, t.length, t.type, t.modifiers]),
      [[2, 6, 5, 0, 1], [4, 15, 10, 1, 2], [6, 12, 2, 0, 1], [8, 10, 5, 0, 1], [10, 13, 10, 1, 2]],
    );
    // Relative: lines 2, +2, +2, +2, +2; characters absolute on a new line.
    assert.deepEqual(encodeSemanticTokens(tokens), [2, 6, 5, 0, 1, 2, 15, 10, 1, 2, 2, 12, 2, 0, 1, 2, 10, 5, 0, 1, 2, 13, 10, 1, 2]);
    const sameLine = encodeSemanticTokens([{ line: 1, character: 4, length: 2, type: 0, modifiers: 0 }, { line: 1, character: 10, length: 3, type: 1, modifiers: 2 }]);
    // The second token on the same line: character 10 − 4 = 6.
    assert.deepEqual(sameLine, [1, 4, 2, 0, 0, 0, 6, 3, 1, 2]);
  });
});
