// The Plans view's commands and item menus in a real VS Code: Refresh reads the files again, "Open
// Roadmap" on a program shows that program, "Go to Definition" opens an item's definition, and every
// `viewItem` menu in package.json matches a contextValue the tree gives its items.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { PlanAsCodeApi } from '../../../src/extension/extension';
import type { RowNode } from '../../../src/extension/tree/rowTree';
import { allNodes, api, fixture, labelsOf, positionOf, rowLabelled, waitFor } from './helpers';

async function nodeLabelled(tree: PlanAsCodeApi['tree'], label: string): Promise<RowNode> {
  const node = (await allNodes(tree)).find((n) => tree.getTreeItem(n).label === label);
  assert.ok(node, `no tree node '${label}'`);
  return node;
}

describe('Plans view commands', function () {
  this.timeout(60_000);
  let extension: PlanAsCodeApi;

  before(async () => {
    extension = await api();
    await waitFor('tree roots', async () => (await extension.tree.getChildren()).length > 0);
  });

  afterEach(async () => {
    extension.roadmap.current?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Refresh reads every plan file from disk again, and resolves once the new analysis is in', async () => {
    const path = fixture('later/extra.plan.yaml').fsPath;
    const before = readFileSync(path, 'utf8');
    // Written behind VS Code's back (node:fs); the command must not depend on the file watcher having seen it.
    writeFileSync(path, before.replace(/name: .*/, 'name: Renamed on disk'));
    try {
      await vscode.commands.executeCommand('planAsCode.refresh');
      // Answered by the server from the analysis that the refresh waited for: no waiting here.
      const alpha = await rowLabelled(extension.tree, 'Alpha program');
      assert.ok(alpha);
      assert.ok((await labelsOf(extension.tree, alpha)).includes('Renamed on disk'));
    } finally {
      writeFileSync(path, before);
      await vscode.commands.executeCommand('planAsCode.refresh');
    }
  });

  it('"Open Roadmap" on a program shows that program only', async () => {
    const rows = (count: number, what: string) =>
      waitFor(what, () => {
        const report = extension.roadmap.lastRendered;
        return report && report.rows === count ? report : undefined;
      }, 20_000);
    await vscode.commands.executeCommand('planAsCode.openRoadmap');
    // The whole workspace: lanes alpha and demo, and projects build, launch and extra (all three in alpha).
    await rows(5, 'the whole roadmap');
    const program = await nodeLabelled(extension.tree, 'Alpha program');
    assert.equal(extension.tree.getTreeItem(program).contextValue, 'program');
    await vscode.commands.executeCommand('planAsCode.openRoadmap', program);
    const report = await rows(4, "alpha's lane and its three projects");
    assert.equal(report.bars, 3, 'the model still has every project');
  });

  it('"Go to Definition" on an item opens where it is defined', async () => {
    const node = await nodeLabelled(extension.tree, 'Launch partner not ready');
    assert.equal(extension.tree.getTreeItem(node).contextValue, 'risk');
    await vscode.commands.executeCommand('planAsCode.goToDefinition', node);
    const editor = await waitFor('the editor of program.plan.yaml', () =>
      vscode.window.activeTextEditor?.document.uri.path.endsWith('/program.plan.yaml') ? vscode.window.activeTextEditor : undefined);
    const definition = positionOf(editor.document, 'id: launch-slip', 'id: '.length);
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character], [definition.line, definition.character]);
  });

  it("gives every item a contextValue that the package's viewItem menus name", async () => {
    const manifest = vscode.extensions.getExtension('plan-as-code.plan-as-code')!.packageJSON as {
      contributes: { menus: Record<string, Array<{ command: string; when?: string }>> };
    };
    const menus = manifest.contributes.menus['view/item/context'];
    assert.ok(menus.length > 0);
    const values = new Set((await allNodes(extension.tree)).map((node) => extension.tree.getTreeItem(node).contextValue));
    for (const menu of menus) {
      const equals = /viewItem == (\w+)/.exec(menu.when ?? '')?.[1];
      const pattern = /viewItem =~ \/(.+)\/(?:\s|$)/.exec(menu.when ?? '')?.[1];
      assert.ok(equals || pattern, `menu ${menu.command} names no viewItem`);
      const matches = [...values].filter((value) => value !== undefined && (equals ? value === equals : new RegExp(pattern!).test(value)));
      assert.ok(matches.length > 0, `menu ${menu.command} (${menu.when}) matches no tree item; items: ${[...values].join(', ')}`);
    }
  });
});
