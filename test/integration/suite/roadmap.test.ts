// The roadmap panel in a real VS Code: the webview runs dist/webview.js, receives the workspace's
// render model, draws it and reports back ('rendered'); edits reach it live; its messages are validated.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlanAsCodeApi } from '../../../src/extension/extension';
import type { RenderedReport } from '../../../src/extension/roadmap';
import { allNodes, api, fixture, positionOf, waitFor } from './helpers';

/** Ids of the projects the fixture workspace defines (with an id), as the Plans view lists them (another request than the roadmap's). */
async function projectIds(tree: PlanAsCodeApi['tree']): Promise<string[]> {
  const projects = (await allNodes(tree)).filter((node) => node.row.contextValue === 'project');
  return [...new Set(projects.flatMap((node) => (node.row.entity === undefined ? [] : [node.row.entity])))].sort();
}

describe('roadmap panel', function () {
  this.timeout(60_000);
  let extension: PlanAsCodeApi;

  before(async () => {
    extension = await api();
  });

  afterEach(() => {
    extension.roadmap.current?.dispose();
  });

  const rendered = (what: string, accept: (report: RenderedReport) => boolean, timeoutMs = 20_000) =>
    waitFor(what, () => {
      const report = extension.roadmap.lastRendered;
      return report && accept(report) ? report : undefined;
    }, timeoutMs);

  it('opens beside the editor, and the command reveals the same panel', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture('program.plan.yaml')), vscode.ViewColumn.One);
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('planAsCode.openRoadmap');
    assert.equal(panel.viewType, 'planAsCode.roadmap');
    // The panel learns its column once the workbench has shown it.
    await waitFor('the roadmap beside the editor', () => panel.viewColumn === vscode.ViewColumn.Two, 5_000);
    const again = await vscode.commands.executeCommand<vscode.WebviewPanel>('planAsCode.openRoadmap');
    assert.strictEqual(again, panel);
  });

  it("receives the workspace's data and draws a bar for every project", async () => {
    const ids = await projectIds(extension.tree);
    assert.deepEqual(ids, ['build', 'extra', 'launch']);
    await vscode.commands.executeCommand('planAsCode.openRoadmap');
    const report = await rendered('the webview to draw the model', (r) => r.bars === ids.length);
    // Few projects: every bar is in the webview's DOM.
    assert.equal(report.drawn, ids.length);
    const posted = extension.roadmap.lastPosted!.model;
    assert.deepEqual(posted.bars.map((b) => b.id).sort(), ids);
    assert.deepEqual(posted.lanes.map((l) => l.key), ['program:alpha', 'program:demo']);
    assert.ok(report.at >= extension.roadmap.lastPosted!.at, 'drawn after it was posted');
  });

  it('follows an edit in a plan file before it is saved', async () => {
    await vscode.commands.executeCommand('planAsCode.openRoadmap');
    await rendered('the first drawing', (r) => r.bars === 3);
    const document = await vscode.workspace.openTextDocument(fixture('sample.plan.yaml'));
    const end = document.positionAt(document.getText().length);
    const added = '\n---\nproject:\n  id: live-edit\n  name: Added while the roadmap is open\n  program: demo\n  start: 2026-02-02\n  duration: 2w\n';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, end, added);
    const started = Date.now();
    assert.ok(await vscode.workspace.applyEdit(edit));
    const report = await rendered('the added project on the roadmap', (r) => r.bars === 4 && r.at > started);
    const latency = report.at - started;
    console.log(`      roadmap updated ${latency} ms after the edit (the analysis waits 50 ms after the last change; target ≤ 300 ms)`);
    assert.ok(latency < 1500, `${latency} ms`);
    assert.ok(extension.roadmap.lastPosted!.model.bars.some((b) => b.id === 'live-edit' && b.name === 'Added while the roadmap is open'));
    assert.ok(document.isDirty, 'not saved');
    const undo = new vscode.WorkspaceEdit();
    undo.delete(document.uri, new vscode.Range(end, document.positionAt(document.getText().length)));
    assert.ok(await vscode.workspace.applyEdit(undo));
    await document.save();
    await rendered('the project gone again', (r) => r.bars === 3 && r.at > report.at);
  });

  it('opens the definition of a clicked project, and only of projects it shows', async () => {
    await vscode.commands.executeCommand('planAsCode.openRoadmap');
    await rendered('the drawing', (r) => r.bars === 3);
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    await extension.roadmap.handleMessage({ type: 'open', id: 'launch' });
    const editor = await waitFor('the editor of program.plan.yaml', () =>
      vscode.window.activeTextEditor?.document.uri.path.endsWith('/program.plan.yaml') ? vscode.window.activeTextEditor : undefined);
    const definition = positionOf(editor.document, 'id: launch', 'id: '.length);
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character], [definition.line, definition.character]);

    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const message of [{ type: 'open', id: 'no-such-project' }, { type: 'open', id: 'launch', uri: 'command:workbench.action.terminal.new' }, { type: 'open' }, 'open launch']) {
      await extension.roadmap.handleMessage(message);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(vscode.window.visibleTextEditors.length, 0, 'nothing was opened');
  });

  it('copies the rollup as Markdown and as CSV', async () => {
    await vscode.commands.executeCommand('planAsCode.openRoadmap');
    await rendered('the drawing', (r) => r.bars === 3);
    await extension.roadmap.handleMessage({ type: 'copy', format: 'markdown' });
    const markdown = await vscode.env.clipboard.readText();
    assert.match(markdown, /^# Rollup at \d{4}-\d{2}-\d{2}\n\n\| Level \| Id \| Name \|/);
    assert.match(markdown, /\| project \| launch \| Launch \|/);
    await extension.roadmap.handleMessage({ type: 'copy', format: 'csv' });
    const csv = await vscode.env.clipboard.readText();
    assert.match(csv, /^level,id,name,parent,/);
    assert.match(csv, /\r\nproject,build,Build the thing,alpha,/);
  });

  it('draws again in a panel VS Code restores after a reload (the serializer path)', async () => {
    const panel = vscode.window.createWebviewPanel('planAsCode.roadmap', 'Roadmap', vscode.ViewColumn.Two, {});
    const before = Date.now();
    extension.roadmap.restore(panel);
    assert.strictEqual(extension.roadmap.current, panel);
    assert.equal(panel.webview.options.enableScripts, true);
    await rendered('the restored panel to draw', (r) => r.bars === 3 && r.at >= before);
  });
});
