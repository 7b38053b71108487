/**
 * The extension ↔ webview protocol: messages from the webview are untrusted, so only well-formed ones
 * pass, and `open` only for ids the roadmap shows.
 */
import { strict as assert } from 'node:assert';
import {
  MAX_SOURCES, MAX_TEXT_LENGTH, parseActualsAnswer, parseActualsParams, parseDescription, parseExportAnswer, parseExportParams, parseImportAnswer, parseImportParams,
  parseReloadParams, parseTooltipParams, parseTreeParams, parseViewRows, parseWebviewMessage,
} from '../../src/shared/protocol';

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

describe('Import, Export and Update Actuals requests to the language server', () => {
  const source = { name: 'inbox/a.csv', fileName: 'a.csv', text: 'id,name\nweb,Web\n' };
  const range = { start: { line: 8, character: 12 }, end: { line: 8, character: 14 } };

  it('takes an export in a format export writes, and nothing else', () => {
    for (const format of ['mspdi', 'tjp', 'csv']) assert.deepEqual(parseExportParams({ format }), { format });
    assert.equal(parseExportParams({ format: 'pdf' }), undefined);
    assert.equal(parseExportParams({}), undefined);
    assert.equal(parseExportParams({ format: 'csv', out: '/etc/passwd' }), undefined);
    assert.equal(parseExportParams('csv'), undefined);
    assert.equal(parseExportParams(Object.create({ format: 'csv' })), undefined);
  });

  it('takes an import of 1 to MAX_SOURCES sources, each text at most MAX_TEXT_LENGTH, into a folder', () => {
    assert.deepEqual(parseImportParams({ sources: [source], folder: 'file:///w/plans' }), { sources: [source], folder: 'file:///w/plans' });
    assert.equal(parseImportParams({ sources: Array.from({ length: MAX_SOURCES }, () => source), folder: 'file:///w' })?.sources.length, MAX_SOURCES);
    assert.equal(parseImportParams({ sources: Array.from({ length: MAX_SOURCES + 1 }, () => source), folder: 'file:///w' }), undefined);
    assert.equal(parseImportParams({ sources: [], folder: 'file:///w' }), undefined);
    assert.equal(parseImportParams({ sources: [source] }), undefined);
    assert.equal(parseImportParams({ sources: [source], folder: '' }), undefined);
    assert.equal(parseImportParams({ sources: [{ ...source, text: 1 }], folder: 'file:///w' }), undefined);
    assert.equal(parseImportParams({ sources: [{ ...source, fileName: '' }], folder: 'file:///w' }), undefined);
    assert.equal(parseImportParams({ sources: [{ ...source, format: 'csv' }], folder: 'file:///w' }), undefined);
    const longest = 'x'.repeat(MAX_TEXT_LENGTH);
    assert.equal(parseImportParams({ sources: [{ ...source, text: longest }], folder: 'file:///w' })?.sources[0].text.length, MAX_TEXT_LENGTH);
    assert.equal(parseImportParams({ sources: [{ ...source, text: `${longest}x` }], folder: 'file:///w' }), undefined);
  });

  it('takes an actuals request with the CSV’s text and its name', () => {
    assert.deepEqual(parseActualsParams({ csv: 'id,progress\nweb,40\n', source: 'finance.csv' }), { csv: 'id,progress\nweb,40\n', source: 'finance.csv' });
    assert.equal(parseActualsParams({ csv: 'id\n' }), undefined);
    assert.equal(parseActualsParams({ csv: 3, source: 'a.csv' }), undefined);
    assert.equal(parseActualsParams({ csv: 'x'.repeat(MAX_TEXT_LENGTH + 1), source: 'a.csv' }), undefined);
  });

  it('uses only well-formed answers: counts, import file names inside the folder, located edits', () => {
    const exported = { text: '<Project/>', notes: ['x'], programs: 1, projects: 2, milestones: 0, errors: 0 };
    assert.deepEqual(parseExportAnswer(exported), exported);
    assert.equal(parseExportAnswer(null), null);
    assert.equal(parseExportAnswer({ ...exported, projects: -1 }), undefined);
    assert.equal(parseExportAnswer({ ...exported, notes: [1] }), undefined);
    assert.equal(parseExportAnswer({ ...exported, text: undefined }), undefined);

    const imported = { files: [{ name: 'a.plan.yaml', text: 'version: 1\n', summary: '1 project' }], notCarried: [] };
    assert.deepEqual(parseImportAnswer(imported), imported);
    assert.deepEqual(parseImportAnswer({ error: 'Import: a.csv:2: bad; nothing written.' }), { error: 'Import: a.csv:2: bad; nothing written.' });
    assert.equal(parseImportAnswer({ error: '' }), undefined);
    for (const name of ['../a.plan.yaml', 'sub/a.plan.yaml', 'sub\\a.plan.yaml', '..', '']) {
      assert.equal(parseImportAnswer({ ...imported, files: [{ ...imported.files[0], name }] }), undefined, name);
    }
    assert.equal(parseImportAnswer({ files: [], notCarried: 'x' }), undefined);

    const file = { uri: 'file:///w/a.plan.yaml', file: 'a.plan.yaml', fingerprint: 'abc=', edits: [{ range, text: '40' }] };
    const actuals = { changes: [{ id: 'web', field: 'progress', before: '10', after: '40', file: 'a.plan.yaml' }], files: [file] };
    assert.deepEqual(parseActualsAnswer(actuals), actuals);
    assert.deepEqual(parseActualsAnswer({ changes: [{ ...actuals.changes[0], before: null }], files: [] }), { changes: [{ ...actuals.changes[0], before: null }], files: [] });
    assert.deepEqual(parseActualsAnswer({ error: 'Update Actuals: x; nothing changed.' }), { error: 'Update Actuals: x; nothing changed.' });
    assert.equal(parseActualsAnswer({ ...actuals, files: [{ ...file, edits: [{ range: { start: range.start }, text: '40' }] }] }), undefined);
    assert.equal(parseActualsAnswer({ ...actuals, files: [{ ...file, fingerprint: undefined }] }), undefined);
    assert.equal(parseActualsAnswer({ ...actuals, changes: [{ ...actuals.changes[0], after: 40 }] }), undefined);
    assert.equal(parseActualsAnswer({ changes: [] }), undefined);
  });
});
