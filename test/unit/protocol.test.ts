/**
 * The extension ↔ webview protocol: messages from the webview are untrusted, so only well-formed ones
 * pass, and `open` only for ids the roadmap shows.
 */
import { strict as assert } from 'node:assert';
import { parseDescription, parseReloadParams, parseTooltipParams, parseTreeParams, parseViewRows, parseWebviewMessage } from '../../src/shared/protocol';

const known = new Set(['a1', 'platform']);
const entries = new Set(['olga', 'olga\nshop']);
const parse = (value: unknown) => parseWebviewMessage(value, (id) => known.has(id), (person, project) => entries.has(project === undefined ? person : `${person}\n${project}`));

describe('webview messages', () => {
  it('accepts every well-formed message', () => {
    assert.deepEqual(parse({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parse({ type: 'open', id: 'a1' }), { type: 'open', id: 'a1' });
    assert.deepEqual(parse({ type: 'copy', format: 'markdown' }), { type: 'copy', format: 'markdown' });
    assert.deepEqual(parse({ type: 'copy', format: 'csv' }), { type: 'copy', format: 'csv' });
    assert.deepEqual(parse({ type: 'rendered', bars: 17, drawn: 17, rows: 20 }), { type: 'rendered', bars: 17, drawn: 17, rows: 20 });
    assert.deepEqual(parse({ type: 'rendered', bars: 3, drawn: 3, rows: 5, ghosts: 2, deltas: 4 }), { type: 'rendered', bars: 3, drawn: 3, rows: 5, ghosts: 2, deltas: 4 });
    assert.deepEqual(parse({ type: 'stopComparing' }), { type: 'stopComparing' });
    assert.deepEqual(parse({ type: 'people', basis: 'plan' }), { type: 'people', basis: 'plan' });
    assert.deepEqual(parse({ type: 'people', basis: 'forecast' }), { type: 'people', basis: 'forecast' });
    assert.deepEqual(parse({ type: 'people', basis: null }), { type: 'people', basis: null });
    assert.deepEqual(parse({ type: 'openPerson', person: 'olga' }), { type: 'openPerson', person: 'olga' });
    assert.deepEqual(parse({ type: 'openPerson', person: 'olga', project: 'shop' }), { type: 'openPerson', person: 'olga', project: 'shop' });
    const report = { type: 'peopleRendered', basis: 'plan', people: 3, cells: 15, elements: 40, over: [['olga', '2026-04-06', '110%']] };
    assert.deepEqual(parse(report), report);
  });

  it('opens only people and team entries the heatmap shows', () => {
    assert.equal(parse({ type: 'openPerson', person: 'ann' }), undefined);
    assert.equal(parse({ type: 'openPerson', person: 'olga', project: 'web' }), undefined);
    assert.equal(parse({ type: 'openPerson', person: 'olga', project: '' }), undefined);
    assert.equal(parse({ type: 'openPerson', person: 'a1' }), undefined, 'a project id is not a person');
  });

  it('opens only ids the roadmap shows', () => {
    assert.equal(parse({ type: 'open', id: 'nope' }), undefined);
    assert.equal(parse({ type: 'open', id: '' }), undefined);
    assert.equal(parse({ type: 'open', id: '__proto__' }), undefined);
    assert.equal(parse({ type: 'open', id: 'a1'.padEnd(2000, 'x') }), undefined);
  });

  it('rejects anything malformed', () => {
    const bad: unknown[] = [
      undefined, null, 'ready', 42, [], ['ready'], {},
      { type: 'READY' }, { type: 'ready', extra: 1 }, { type: 'unknown' },
      { type: 'open' }, { type: 'open', id: 7 }, { type: 'open', id: ['a1'] }, { type: 'open', id: 'a1', uri: 'command:evil' },
      { type: 'copy' }, { type: 'copy', format: 'html' }, { type: 'copy', format: 'csv', text: 'x' },
      { type: 'rendered', bars: -1, drawn: 0, rows: 0 }, { type: 'rendered', bars: 1.5, drawn: 0, rows: 0 },
      { type: 'rendered', bars: '3', drawn: 0, rows: 0 }, { type: 'rendered', bars: 1, drawn: 1 },
      { type: 'rendered', bars: 1, drawn: 1, rows: 1, ghosts: 2 }, { type: 'rendered', bars: 1, drawn: 1, rows: 1, ghosts: -1, deltas: 0 },
      { type: 'stopComparing', ref: 'HEAD' }, { type: 'compareWith', ref: 'HEAD' },
      { type: 'command', command: 'workbench.action.terminal.new' },
      { type: 'people' }, { type: 'people', basis: 'baseline' }, { type: 'people', basis: 'plan', extra: 1 },
      { type: 'openPerson' }, { type: 'openPerson', person: 7 }, { type: 'openPerson', person: 'olga', project: 7 }, { type: 'openPerson', person: 'olga', line: 3 },
      { type: 'peopleRendered', basis: 'plan', people: 1, cells: 1, elements: 1 },
      { type: 'peopleRendered', basis: 'plan', people: 1, cells: 1, elements: 1, over: [['olga', 'Nov', '110%']] },
      { type: 'peopleRendered', basis: 'plan', people: 1, cells: 1, elements: 1, over: [['olga', '2026-04-06']] },
      { type: 'peopleRendered', basis: 'plan', people: 1, cells: 1, elements: 1, over: Array.from({ length: 201 }, () => ['olga', '2026-04-06', '110%']) },
      { type: 'peopleRendered', basis: 'nope', people: 1, cells: 1, elements: 1, over: [] },
    ];
    for (const value of bad) assert.equal(parse(value), undefined, JSON.stringify(value) ?? String(value));
  });

  it('is not fooled by inherited properties', () => {
    const sneaky = Object.create({ type: 'ready' });
    assert.equal(parse(sneaky), undefined);
  });
});

describe('the views’ requests to the language server', () => {
  const row = { id: 'program:alpha@a.plan.yaml', label: 'Alpha', collapse: 'expanded', contextValue: 'program', icon: { name: 'layers', color: 'charts.red' } };
  const range = { start: { line: 2, character: 6 }, end: { line: 2, character: 11 } };

  it('takes a tree request with a parent id or none, and nothing else', () => {
    assert.deepEqual(parseTreeParams({}), {});
    assert.deepEqual(parseTreeParams(undefined), {});
    assert.deepEqual(parseTreeParams({ parent: 'program:a@b' }), { parent: 'program:a@b' });
    assert.equal(parseTreeParams({ parent: 1 }), undefined);
    assert.equal(parseTreeParams({ parent: '' }), undefined);
    assert.equal(parseTreeParams({ parent: 'x'.repeat(1001) }), undefined);
    assert.equal(parseTreeParams({ parent: 'a', more: 1 }), undefined);
    assert.equal(parseTreeParams(['a']), undefined);
  });

  it('takes a tooltip request with an id, and a reload with the unsaved uris', () => {
    assert.deepEqual(parseTooltipParams({ id: 'person:dora@t.plan.yaml' }), { id: 'person:dora@t.plan.yaml' });
    assert.equal(parseTooltipParams({}), undefined);
    assert.equal(parseTooltipParams({ id: 'a', parent: 'b' }), undefined);
    assert.deepEqual(parseReloadParams({ unsaved: ['file:///a.plan.yaml'] }), { unsaved: ['file:///a.plan.yaml'] });
    assert.equal(parseReloadParams({}), undefined);
    assert.equal(parseReloadParams({ unsaved: [''] }), undefined);
    assert.equal(parseReloadParams({ unsaved: 'file:///a' }), undefined);
  });

  it('draws only well-formed rows and tooltips', () => {
    const target = { uri: 'file:///a.plan.yaml', range, title: 'Open definition' };
    assert.deepEqual(parseViewRows([{ ...row, target, entity: 'alpha' }]), [{ ...row, target, entity: 'alpha' }]);
    assert.equal(parseViewRows(null), null);
    assert.equal(parseViewRows([{ ...row, collapse: 'open' }]), undefined);
    assert.equal(parseViewRows([{ ...row, label: 3 }]), undefined);
    assert.equal(parseViewRows([{ ...row, icon: { color: 'red' } }]), undefined);
    assert.equal(parseViewRows([{ ...row, target: { ...target, range: { start: { line: 'x' } } } }]), undefined);
    assert.equal(parseViewRows({ rows: [] }), undefined);
    assert.deepEqual(parseDescription([{ kind: 'text', value: '<b>' }]), [{ kind: 'text', value: '<b>' }]);
    assert.equal(parseDescription([{ kind: 'html', value: '<b>' }]), undefined);
  });
});
