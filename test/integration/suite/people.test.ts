// The People view (SPEC 10 "In VS Code") in a real VS Code: an overloaded designer first, with peak and
// period; person › projects with allocation; a project row opens the team entry; it follows every analysis.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlanAsCodeApi } from '../../../src/extension/extension';
import type { RowNode } from '../../../src/extension/tree/rowTree';
import { api, fixture, waitFor } from './helpers';

const encoder = new TextEncoder();

// Dora: Probe web 60% Apr 1–30 and Probe shop 50% Apr 3–20 → 110% on Apr 3–20 (capacity 100).
const probe = (shopAllocation: number) => `version: 1
program:
  id: people-probe
  name: People probe
  projects:
    - id: probe-web
      name: Probe web
      start: 2026-04-01
      end: 2026-04-30
      team:
        - person: dora
          allocation: 60
    - id: probe-shop
      name: Probe shop
      start: 2026-04-03
      end: 2026-04-20
      team:
        - person: dora
          allocation: ${shopAllocation}
people:
  - { id: dora, name: Dora, role: designer }
`;

describe('the People view', function () {
  this.timeout(60_000);
  let extension: PlanAsCodeApi;
  const uri = fixture('people-probe.plan.yaml');
  const item = (node: RowNode) => extension.people.getTreeItem(node);
  const dora = async () => (await extension.people.getChildren()).find((node) => item(node).label === 'Dora');

  before(async () => {
    extension = await api();
    await vscode.workspace.fs.writeFile(uri, encoder.encode(probe(50)));
  });

  after(async () => {
    try {
      await vscode.workspace.fs.delete(uri);
    } catch {
      // already gone
    }
    await waitFor('Dora gone', async () => ((await dora()) ? undefined : true), 30_000);
  });

  it('shows the overloaded designer first, with peak and period, and her projects with allocation', async () => {
    const node = await waitFor('Dora in the People view', () => dora(), 30_000);
    assert.equal((await extension.people.getChildren())[0].row.id, node.row.id, 'people over capacity come first');
    const person = item(node);
    assert.equal(person.description, 'designer · peak 110% of 100% · over 3–20 Apr 2026');
    assert.equal(person.contextValue, 'person.overloaded');
    const projects = (await extension.people.getChildren(node)).map(item);
    assert.deepEqual(projects.map((p) => [p.label, p.description]), [
      ['Probe shop', '50% · in a period over capacity'],
      ['Probe web', '60% · in a period over capacity'],
    ]);
    const tooltip = (await extension.people.resolveTreeItem(person, node, new vscode.CancellationTokenSource().token)).tooltip as vscode.MarkdownString;
    // appendText writes spaces as &nbsp;.
    assert.match(tooltip.value.replace(/&nbsp;/g, ' '), /Over capacity 3–20 Apr 2026: 110% on Probe shop, Probe web/);
  });

  it("opens the person's team entry from a project row", async () => {
    const node = await waitFor('Dora', () => dora(), 30_000);
    const shop = item((await extension.people.getChildren(node))[0]);
    assert.ok(shop.command);
    await vscode.commands.executeCommand(shop.command.command, ...(shop.command.arguments ?? []));
    const editor = await waitFor('the probe open', () => (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor : undefined));
    // Line 17 (0-based) is Probe shop's "        - person: dora"; the selection is the value "dora".
    assert.equal(editor.selection.start.line, 17);
    assert.equal(editor.document.getText(editor.selection), 'dora');
  });

  it('follows every analysis: fixing the allocation takes her off the top', async () => {
    await vscode.commands.executeCommand('planAsCode.people.focus');
    let changes = 0;
    const listening = extension.people.onDidChangeTreeData(() => changes++);
    try {
      await vscode.workspace.fs.writeFile(uri, encoder.encode(probe(40)));
      const atCapacity = await waitFor('Dora at capacity', async () => {
        const node = await dora();
        return node && item(node).description === 'designer · peak 100% of 100%' ? node : undefined;
      }, 30_000);
      await waitFor('the view told to refresh', () => changes > 0);
      assert.equal(item(atCapacity).contextValue, 'person');
    } finally {
      listening.dispose();
    }
  });
});
