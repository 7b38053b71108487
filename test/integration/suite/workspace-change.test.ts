// The index and diagnostics stay right while files move, folders come and go, a document is open
// twice, and edits are undone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, definitionOf, fixture, ours, positionOf, waitFor } from './helpers';

const encoder = new TextEncoder();
/** How long to wait for the file watcher to report a change made on disk. */
const WATCHER_MS = 30_000;

async function write(uri: vscode.Uri, text: string): Promise<vscode.Uri> {
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  return uri;
}

/** Where the index says an id is defined, as a path relative to the first folder. */
async function definedIn(id: string): Promise<string | undefined> {
  return (await definitionOf(id))?.uri.path;
}

describe('the workspace under change', function () {
  this.timeout(180_000);

  before(async () => {
    await api();
  });

  it('follows a file renamed and moved on disk: diagnostics move with it', async () => {
    await vscode.workspace.fs.createDirectory(fixture('moving'));
    const first = await write(fixture('moving/before.plan.yaml'), 'project:\n  id: mover\n  name: Moving\n  start: 2026-01-05\n');
    // The first event of a fresh file watcher can take a while on a cold, busy machine.
    await waitFor('unscheduled at the first name', () => ours(first).some((d) => d.code === 'unscheduled'), WATCHER_MS);
    const renamed = fixture('moving/after.plan.yaml');
    await vscode.workspace.fs.rename(first, renamed);
    await waitFor('diagnostics at the new name', () => ours(renamed).some((d) => d.code === 'unscheduled'), WATCHER_MS);
    await waitFor('old name cleared', () => ours(first).length === 0, WATCHER_MS);
    const moved = fixture('moving/deeper/after.plan.yaml');
    await vscode.workspace.fs.createDirectory(fixture('moving/deeper'));
    await vscode.workspace.fs.rename(renamed, moved);
    await waitFor('diagnostics after the move', () => ours(moved).some((d) => d.code === 'unscheduled'), WATCHER_MS);
    await waitFor('index follows the move', async () => (await definedIn('mover'))?.endsWith('/moving/deeper/after.plan.yaml'), WATCHER_MS);
    assert.equal(ours(renamed).length, 0);
    await vscode.workspace.fs.delete(fixture('moving'), { recursive: true });
    await waitFor('gone after delete', async () => (await definedIn('mover')) === undefined, WATCHER_MS);
  });

  it('indexes a workspace folder when it is added, and forgets it when it is removed', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri;
    const second = vscode.Uri.joinPath(root, '..', `${root.path.split('/').pop()}-second`);
    await vscode.workspace.fs.createDirectory(second);
    const plan = await write(vscode.Uri.joinPath(second, 'second.plan.yaml'), 'project:\n  id: second-folder\n  name: Second\n  program: no-such-program\n  start: 2026-01-05\n  duration: 1w\n');
    const added = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
        listener.dispose();
        resolve();
      });
    });
    assert.ok(vscode.workspace.updateWorkspaceFolders(1, 0, { uri: second }), 'folder not added');
    await added;
    await waitFor('diagnostic in the added folder', () => ours(plan).some((d) => d.code === 'unknown-reference'), 20_000);
    assert.ok(await definedIn('second-folder'));
    const removed = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
        listener.dispose();
        resolve();
      });
    });
    assert.ok(vscode.workspace.updateWorkspaceFolders(1, 1), 'folder not removed');
    await removed;
    await waitFor('folder forgotten', async () => (await definedIn('second-folder')) === undefined, 20_000);
    await waitFor('its diagnostics cleared', () => ours(plan).length === 0);
    await vscode.workspace.fs.delete(second, { recursive: true });
  });

  it('reads the plans of a folder copied in whole (the watcher may report only the folder)', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri;
    const outside = vscode.Uri.joinPath(root, '..', `${root.path.split('/').pop()}-outside`);
    await write(vscode.Uri.joinPath(outside, 'nested', 'arrived.plan.yaml'), 'project:\n  id: arrived\n  name: Arrived\n  duration: 1w\n');
    const target = fixture('arrivals');
    await vscode.workspace.fs.copy(outside, target);
    const plan = vscode.Uri.joinPath(target, 'nested', 'arrived.plan.yaml');
    await waitFor('unscheduled in the copied folder', () => ours(plan).some((d) => d.code === 'unscheduled'), WATCHER_MS);
    await vscode.workspace.fs.delete(target, { recursive: true });
    await waitFor('cleared after the folder is deleted', () => ours(plan).length === 0, WATCHER_MS);
    await vscode.workspace.fs.delete(outside, { recursive: true });
  });

  it('keeps one truth for a document open in two editors, unsaved text first', async () => {
    const uri = await write(fixture('twice.plan.yaml'), 'project:\n  id: twice\n  name: Twice\n  start: 2026-01-05\n  duration: 1w\n');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const second = await vscode.window.showTextDocument(document, vscode.ViewColumn.Two);
    await second.edit((builder) => builder.replace(document.lineAt(4).range, '  spent: 10'));
    await waitFor('unscheduled from the unsaved edit', () => ours(uri).some((d) => d.code === 'unscheduled'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // Still open (and dirty) in the first editor: the unsaved text still wins over the file on disk.
    assert.ok(document.isDirty);
    assert.ok(ours(uri).some((d) => d.code === 'unscheduled'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('clean after revert', () => ours(uri).length === 0);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });

  it('undoes a rename across files as one step', async () => {
    const program = await vscode.workspace.openTextDocument(fixture('program.plan.yaml'));
    const extra = await vscode.workspace.openTextDocument(fixture('later/extra.plan.yaml'));
    await vscode.window.showTextDocument(program);
    const at = positionOf(program, 'id: launch', 'id: '.length);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', program.uri, at, 'go-live');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(program.getText(), /id: go-live/);
    assert.match(extra.getText(), /depends_on: \[go-live, buildd\]/);
    await waitFor('no unknown reference after the rename', () => !ours(extra.uri).some((d) => /go-live/.test(d.message)));
    await vscode.commands.executeCommand('undo');
    await waitFor('both files back', () => /id: launch/.test(program.getText()) && /\[launch, buildd\]/.test(extra.getText()));
    assert.ok(!program.isDirty && !extra.isDirty, 'undo returns both files to their saved text');
  });
});
