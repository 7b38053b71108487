/**
 * Import, Export and Update Actuals by request (SPEC 12 in VS Code, SPEC 13: the analysis in the server):
 * planAsCode/export, planAsCode/import and planAsCode/actuals answered from the server's analysis of the
 * files and the open documents' unsaved text, params checked. dist/server.js over stdio, as in views.test.ts.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, serverFor, TestClient, uriOf } from '../utils/lsp';
import { launchText, orphanText, programText } from './server.test';

type ExportAnswer = { text: string; notes: string[]; programs: number; projects: number; milestones: number; errors: number };
type ImportAnswer = { files: Array<{ name: string; text: string; summary: string }>; notCarried: string[] } | { error: string };
type Edit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
type ActualsAnswer = { changes: Array<{ id: string; field: string; before: string | null; after: string; file: string }>; files: Array<{ uri: string; file: string; fingerprint: string; edits: Edit[] }> } | { error: string };

const mspdi = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'interop', 'ms-project.xml'), 'utf8');

/** The text with LSP edits made (by line and UTF-16 character, as an editor does). */
function applied(text: string, edits: readonly Edit[]): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.text + t.slice(offset(e.range.end)), text);
}

describe('language server: Import, Export and Update Actuals', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  const uri = (relative: string) => uriOf(root, relative);

  const server = serverFor({ 'plans/program.plan.yaml': programText, 'plans/launch.plan.yaml': launchText, 'other/orphan.plan.yaml': orphanText }, { initializationOptions: { views: true } });
  before(() => ({ root, client } = server));

  it('exports the workspace in each format with the figures the command reports', async () => {
    const csv = await client.request<ExportAnswer>('planAsCode/export', { format: 'csv' });
    const { text: _text, notes, ...counts } = csv;
    assert.deepEqual(counts, { programs: 1, projects: 3, milestones: 0, errors: 1 }, 'the orphan names a program that is not defined: one error');
    assert.deepEqual(notes, ['milestones, baselines, teams, people, risks, issues and benefits are not in the CSV (use --format mspdi to keep milestones, baselines and teams)']);
    const rows = csv.text.split(/\r?\n/);
    assert.match(rows[0], /^id,/);
    for (const id of ['build', 'launch', 'orphan']) assert.ok(rows.some((row) => row.startsWith(`${id},`)), `CSV row of ${id}`);
    const xml = await client.request<ExportAnswer>('planAsCode/export', { format: 'mspdi' });
    assert.match(xml.text, /<Project xmlns="http:\/\/schemas\.microsoft\.com\/project">/);
    // One program: the title is its name.
    assert.match(xml.text, /<Title>Alpha program<\/Title>/);
    assert.ok(xml.text.includes('<Name>Build the thing</Name>'));
    const tjp = await client.request<ExportAnswer>('planAsCode/export', { format: 'tjp' });
    assert.match(tjp.text, /^project /m);
    assert.match(tjp.text, /task build "Build the thing"/);
  });

  it('exports an open document’s unsaved text, not the disk’s', async () => {
    const program = uri('plans/program.plan.yaml');
    client.open(program, programText.replace('Build the thing', 'Build it unsaved'));
    try {
      const xml = await client.request<ExportAnswer>('planAsCode/export', { format: 'mspdi' });
      assert.ok(xml.text.includes('<Name>Build it unsaved</Name>'), 'the unsaved name');
    } finally {
      client.notify('textDocument/didClose', { textDocument: { uri: program } });
    }
  });

  it('imports an MS Project file: ids clear of the workspace’s, what was not carried over, and a clash with the workspace refused', async () => {
    const folder = pathToFileURL(path.join(root, 'imported')).href;
    const answer = await client.request<ImportAnswer>('planAsCode/import', { sources: [{ name: 'inbox/ms-project.xml', fileName: 'ms-project.xml', text: mspdi }], folder });
    assert.ok('files' in answer, JSON.stringify(answer));
    assert.deepEqual(answer.files.map((f) => f.name), ['ms-project.plan.yaml']);
    const [file] = answer.files;
    assert.match(file.text, /^program:\n {2}id: ms-project\n {2}name: Website relaunch$/m);
    // The workspace has a project `build`: the imported Build is build-2.
    assert.match(file.text, /- id: build-2\n {6}name: Build\n/);
    assert.match(file.summary, /project/);
    assert.equal(answer.notCarried.length, 5, answer.notCarried.join('\n'));
    assert.ok(answer.notCarried.every((line) => line.startsWith('inbox/ms-project.xml')), 'each line names the source as the command shows it');

    // Written (as the extension would) and seen by the server: importing again into another folder would
    // define the program twice, checked with the workspace's plans under the target's own name.
    fs.mkdirSync(path.join(root, 'imported'));
    fs.writeFileSync(path.join(root, 'imported', file.name), file.text);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('imported/ms-project.plan.yaml'), type: 1 }] });
    await client.diagnosticsOf(uri('imported/ms-project.plan.yaml'), () => true, 'the imported file indexed');
    const other = pathToFileURL(path.join(root, 'other')).href;
    const twice = await client.request<ImportAnswer>('planAsCode/import', { sources: [{ name: 'ms-project.xml', fileName: 'ms-project.xml', text: mspdi }], folder: other });
    assert.ok('error' in twice, JSON.stringify(twice).slice(0, 200));
    assert.match(twice.error, /^Import: the imported plans would not pass check \(other\/ms-project\.plan\.yaml:\d+: .*ms-project.*\); nothing written\.$/);
  });

  it('names the first bad source and row, and writes nothing', async () => {
    const folder = pathToFileURL(path.join(root, 'csv')).href;
    const answer = await client.request<ImportAnswer>('planAsCode/import', {
      sources: [
        { name: 'a.csv', fileName: 'a.csv', text: 'id,name,start,duration\nweb,Web,2026-01-05,2w\n' },
        { name: 'b.csv', fileName: 'b.csv', text: 'id,name,start,duration\nshop,Shop,someday,2w\n' },
      ],
      folder,
    });
    assert.deepEqual(answer, { error: 'Import: b.csv:2 (shop): start "someday" is not a date (expected YYYY-MM-DD); nothing written.' });
  });

  it('locates the actuals’ edits in the text analysed, an open document’s unsaved one included', async () => {
    const program = uri('plans/program.plan.yaml');
    const unsaved = `# unsaved comment\n${programText}`;
    client.open(program, unsaved);
    try {
      const answer = await client.request<ActualsAnswer>('planAsCode/actuals', { csv: 'id,progress,spent\nbuild,60,1200\nlaunch,,300\n', source: 'finance.csv' });
      assert.ok('changes' in answer, JSON.stringify(answer));
      assert.deepEqual(answer.changes.map((c) => `${c.id} ${c.field} ${c.before ?? '(none)'} → ${c.after} in ${c.file}`), [
        'build progress 50 → 60 in plans/program.plan.yaml',
        'build spent (none) → 1200 in plans/program.plan.yaml',
        'launch spent (none) → 300 in plans/launch.plan.yaml',
      ]);
      const byFile = new Map(answer.files.map((f) => [f.file, f]));
      const edited = byFile.get('plans/program.plan.yaml')!;
      assert.equal(edited.uri, program);
      assert.equal(edited.fingerprint, createHash('sha256').update(unsaved, 'utf8').digest('base64'), 'the fingerprint of the unsaved text');
      assert.equal(applied(unsaved, edited.edits), unsaved.replace('      progress: 50\n', '      progress: 60\n      spent: 1200\n'));
      const launch = byFile.get('plans/launch.plan.yaml')!;
      assert.equal(applied(launchText, launch.edits), launchText.replace('  budget: 100000\n', '  budget: 100000\n  spent: 300\n'));
    } finally {
      client.notify('textDocument/didClose', { textDocument: { uri: program } });
    }
    const refused = await client.request<ActualsAnswer>('planAsCode/actuals', { csv: 'id,progress\nbuild,60\nnope,10\n', source: 'finance.csv' });
    assert.ok('error' in refused);
    assert.match(refused.error, /^Update Actuals: finance\.csv:3 \(nope\): .*; nothing changed\.$/);
  });

  it('refuses params that are not well-formed with InvalidParams', async () => {
    const source = { name: 'a.csv', fileName: 'a.csv', text: 'id\nx\n' };
    for (const [method, params] of [
      ['planAsCode/export', { format: 'pdf' }],
      ['planAsCode/export', {}],
      ['planAsCode/export', { format: 'csv', out: '/tmp/x' }],
      ['planAsCode/import', { sources: [], folder: 'file:///x' }],
      ['planAsCode/import', { sources: [source] }],
      ['planAsCode/import', { sources: Array.from({ length: 1001 }, () => source), folder: 'file:///x' }],
      ['planAsCode/import', { sources: [{ ...source, text: 42 }], folder: 'file:///x' }],
      ['planAsCode/actuals', { csv: 'id\n' }],
      ['planAsCode/actuals', { csv: ['id'], source: 'a.csv' }],
    ] as const) {
      await assert.rejects(client.request(method, params), (error: { code?: number }) => error.code === -32602, `${method} ${JSON.stringify(params).slice(0, 100)}`);
    }
  });
});
