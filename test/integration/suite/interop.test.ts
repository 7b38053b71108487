// `Plan: Import…`, `Plan: Export…` and `Plan: Update Actuals from CSV…` in a real VS Code: given their
// inputs as arguments they ask nothing. Import writes plan files the workspace then analyses (and never
// overwrites), export writes each format, and actuals are one edit that one undo takes back; a bad row
// changes nothing. What the language server's analysis makes of the files is read from the Plans view and the
// Problems panel, as a user sees it (the host does not analyse).
import * as assert from 'node:assert/strict';
import { sep } from 'node:path';
import * as vscode from 'vscode';
import type { PlanAsCodeApi } from '../../../src/extension/extension';
import type { InteropOutcome } from '../../../src/extension/interop';
import type { RowNode } from '../../../src/extension/tree/rowTree';
import { allNodes, api, fixture, ours, waitFor } from './helpers';

const decoder = new TextDecoder();
const encoder = new TextEncoder();
/** How long to wait for the file watcher to report files written on disk. */
const WATCHER_MS = 30_000;

describe('import, export and actuals commands', function () {
  this.timeout(90_000);
  let extension: PlanAsCodeApi;
  const folder = () => fixture('interop-tmp');

  before(async () => {
    extension = await api();
    await waitFor('the Plans view’s rows', async () => (await extension.tree.getChildren()).length > 0, WATCHER_MS);
  });

  /** The Plans view's project rows, by the project's id. */
  const projectRows = async (): Promise<Map<string, RowNode>> =>
    new Map((await allNodes(extension.tree)).filter((node) => node.row.contextValue === 'project').map((node) => [node.row.entity ?? '', node]));

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await vscode.commands.executeCommand('planAsCode.refresh');
  });

  const mspdi = () => vscode.Uri.joinPath(vscode.extensions.getExtension('plan-as-code.plan-as-code')!.extensionUri, 'test', 'fixtures', 'interop', 'ms-project.xml');

  it('loads the commands\' code (dist/extensionLazy.js) on the first command, not at activation', async () => {
    // The suites before this one (alphabetical order) run none of import, export, update actuals or the steering report.
    const loaded = () => Object.keys(require.cache).some((file) => file.endsWith(`${sep}dist${sep}extensionLazy.js`));
    assert.equal(loaded(), false, 'activation loaded dist/extensionLazy.js');
    await vscode.workspace.fs.createDirectory(folder());
    const outcome = await vscode.commands.executeCommand<InteropOutcome>('planAsCode.export', 'csv', vscode.Uri.joinPath(folder(), 'first.csv'));
    assert.equal(outcome.ok, true, outcome.message);
    assert.equal(loaded(), true, 'the first command did not load dist/extensionLazy.js');
  });

  it('imports an MS Project file into a folder of the workspace, which then analyses the plans; a second import writes nothing', async () => {
    const target = vscode.Uri.joinPath(folder(), 'imported');
    const outcome = await vscode.commands.executeCommand<InteropOutcome>('planAsCode.import', mspdi(), target);
    assert.equal(outcome.ok, true, outcome.message);
    assert.deepEqual(outcome.written?.map((u) => u.path.split('/').pop()), ['ms-project.plan.yaml']);
    // The fixture's material resource, link type, lag, over-assignment and calendars (5 lines, as the CLI prints them).
    assert.equal(outcome.notCarried?.length, 5, outcome.notCarried?.join('\n'));
    assert.ok(outcome.notCarried?.some((line) => line.includes('"Laptops": a material resource')));
    const text = decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(target, 'ms-project.plan.yaml')));
    assert.match(text, /^program:\n {2}id: ms-project\n {2}name: Website relaunch$/m);
    // The workspace already has a project `build` (program alpha): the imported Build is build-2, and Go live depends on it.
    assert.match(text, /- id: build-2\n {6}name: Build\n/);
    assert.match(text, /depends_on: \[build-2\]/);
    const program = await waitFor(
      'the imported program in the Plans view',
      async () => (await extension.tree.getChildren()).find((node) => node.row.contextValue === 'program' && node.row.entity === 'ms-project'),
      WATCHER_MS,
    );
    assert.deepEqual((await extension.tree.getChildren(program)).filter((n) => n.row.contextValue === 'project').map((n) => n.row.entity), ['design', 'build-2', 'content-migration']);
    // Analysed by the server (its outline answers from the analysis, after that analysis's diagnostics were
    // sent; VS Code's client gets a clean file's only once it had problems): warnings at most, never an error.
    const imported = vscode.Uri.joinPath(target, 'ms-project.plan.yaml');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', imported);
    assert.ok(symbols?.some((symbol) => symbol.name === 'ms-project'), JSON.stringify(symbols?.map((symbol) => symbol.name)));
    assert.equal(ours(imported).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 0);

    // Again into the same folder: the file exists, so nothing is written and the message names it.
    const before = (await vscode.workspace.fs.stat(vscode.Uri.joinPath(target, 'ms-project.plan.yaml'))).mtime;
    const again = await vscode.commands.executeCommand<InteropOutcome>('planAsCode.import', [mspdi()], target);
    assert.equal(again.ok, false);
    assert.match(again.message, /interop-tmp\/imported\/ms-project\.plan\.yaml already exists; nothing written/);
    assert.equal((await vscode.workspace.fs.stat(vscode.Uri.joinPath(target, 'ms-project.plan.yaml'))).mtime, before);
    // Into another folder: the program ms-project would be defined twice in the workspace, so nothing is written there either.
    const other = vscode.Uri.joinPath(folder(), 'other');
    const twice = await vscode.commands.executeCommand<InteropOutcome>('planAsCode.import', mspdi(), other);
    assert.equal(twice.ok, false);
    assert.match(twice.message, /would not pass check \(interop-tmp\/other\/ms-project\.plan\.yaml:\d+: .*ms-project.*\); nothing written/);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(other)));
  });

  it('exports the workspace to MS Project XML, TaskJuggler and CSV', async () => {
    const rows = await projectRows();
    const projects = [...rows.keys()];
    const read = async (name: string) => decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), name)));
    for (const [format, name] of [['mspdi', 'plans.xml'], ['tjp', 'plans.tjp'], ['csv', 'plans.csv']] as const) {
      const outcome = await vscode.commands.executeCommand<InteropOutcome>('planAsCode.export', format, vscode.Uri.joinPath(folder(), name));
      assert.equal(outcome.ok, true, outcome.message);
      assert.equal(outcome.written?.[0].path.split('/').pop(), name);
    }
    const xml = await read('plans.xml');
    assert.match(xml, /^<\?xml [^>]*\?>\s*<Project xmlns="http:\/\/schemas\.microsoft\.com\/project">/);
    for (const id of ['build', 'launch']) assert.ok(xml.includes(`<Name>${rows.get(id)!.row.label}</Name>`), `MSPDI task of ${id}`);
    const tjp = await read('plans.tjp');
    assert.match(tjp, /^project /m);
    // Every scheduled project is a task (the fixture's `extra`, unscheduled because of its typo, is left out).
    for (const id of ['build', 'launch', 'build_2']) assert.match(tjp, new RegExp(`task ${id} "`), `TaskJuggler task of ${id}`);
    const csv = (await read('plans.csv')).split(/\r?\n/);
    assert.match(csv[0], /^id,/);
    for (const id of projects) assert.ok(csv.some((line) => line.startsWith(`${id},`)), `CSV row of ${id}`);
    // A file alone names its format by the extension; a format that is not one stops before writing.
    const bad = await vscode.commands.executeCommand<InteropOutcome>('planAsCode.export', 'pdf', vscode.Uri.joinPath(folder(), 'plans.pdf'));
    assert.equal(bad.ok, false);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(folder(), 'plans.pdf'))));
    // A file named like a plan is never written (an export there would take a plan's place), as the CLI's --out.
    const overPlan = await vscode.commands.executeCommand<InteropOutcome>('planAsCode.export', 'csv', vscode.Uri.joinPath(folder(), 'exported.plan.yaml'));
    assert.equal(overPlan.ok, false);
    assert.match(overPlan.message, /exported\.plan\.yaml is named like a plan file \(\*\.plan\.yaml\): export to another file/);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(folder(), 'exported.plan.yaml'))));
  });

  it('updates actuals from a CSV as one edit, which one undo takes back; a bad row changes nothing', async () => {
    const plan = fixture('interop-tmp/actuals.plan.yaml');
    const original = [
      'version: 1',
      'project:',
      '  id: act-one',
      '  name: Actuals one',
      '  start: 2026-01-05',
      '  duration: 4w',
      '  budget: 1000',
      '  # spent comes from finance',
      '  progress: 10',
      '---',
      'project:',
      '  id: act-two',
      '  name: Actuals two',
      '  start: 2026-01-05',
      '  duration: 4w',
      '  budget: 500',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(plan, encoder.encode(original));
    await waitFor('actuals plan indexed', async () => (await projectRows()).has('act-two'), WATCHER_MS);
    const document = await vscode.window.showTextDocument(plan);

    // A bad third row: nothing changes, and the message names the row.
    const bad = fixture('interop-tmp/bad.csv');
    await vscode.workspace.fs.writeFile(bad, encoder.encode('id,progress,spent\nact-one,40,250\nact-two,30,\nact-two,120,\n'));
    const refused = await vscode.commands.executeCommand<InteropOutcome>('planAsCode.updateActuals', bad);
    assert.equal(refused.ok, false);
    assert.match(refused.message, /bad\.csv:4 \(act-two\): a second row for act-two/);
    assert.equal(document.document.getText(), original);
    assert.equal(document.document.isDirty, false);

    const good = fixture('interop-tmp/actuals.csv');
    await vscode.workspace.fs.writeFile(good, encoder.encode('id,progress,spent,state\nact-one,40,"1,250.50",\nact-two,,99,active\n'));
    const outcome = await vscode.commands.executeCommand<InteropOutcome>('planAsCode.updateActuals', good);
    assert.equal(outcome.ok, true, outcome.message);
    assert.deepEqual(
      outcome.changes?.map((c) => `${c.id} ${c.field} ${c.before ?? '(none)'} → ${c.after}`),
      ['act-one progress 10 → 40', 'act-one spent (none) → 1250.5', 'act-two spent (none) → 99', 'act-two state (none) → active'],
    );
    const updated = original
      .replace('  progress: 10\n', '  progress: 40\n  spent: 1250.5\n')
      .replace('  budget: 500\n', '  budget: 500\n  spent: 99\n  state: active\n');
    assert.equal(document.document.getText(), updated);
    await waitFor('the analysis sees the actuals', async () => {
      const rows = await projectRows();
      const two = rows.get('act-two');
      if (!two || !rows.get('act-one')?.row.description?.startsWith('40%')) return false;
      const item = await extension.tree.resolveTreeItem(extension.tree.getTreeItem(two), two, new vscode.CancellationTokenSource().token);
      return item.tooltip instanceof vscode.MarkdownString && /\b99(\.00)?\b/.test(item.tooltip.value);
    });

    await vscode.commands.executeCommand('undo');
    await waitFor('one undo takes the whole update back', () => document.document.getText() === original);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
