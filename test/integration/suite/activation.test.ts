// First of the suite (files run in name order): what activation does before any view is shown. The
// language server gives diagnostics and language features; the extension host indexes only for a view.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixture, ours, positionOf, waitFor } from './helpers';

describe('activation', function () {
  this.timeout(60_000);

  it('leaves the analysis to the language server until a view needs it, then indexes for the Plans view', async () => {
    const extension = await api();
    assert.ok(extension.languageClient, 'the language server is started in a workspace on disk');
    // Diagnostics of a file never opened, and a hover: both from the server.
    await waitFor('unknown-reference in extra.plan.yaml', () => ours(fixture('later/extra.plan.yaml')).find((d) => d.code === 'unknown-reference'), 30_000);
    const document = await vscode.workspace.openTextDocument(fixture('program.plan.yaml'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'id: build', 5));
    assert.ok(hovers.length > 0, 'a hover from the server');
    assert.equal(extension.plans.latest, undefined, 'the extension host has not indexed: no view asked for it');
    // The Plans view shown: it asks for its roots, and the host indexes for it.
    await vscode.commands.executeCommand('workbench.view.extension.planAsCode');
    await waitFor('the Plans view filled', () => extension.tree.getChildren().length > 0, 30_000);
    assert.ok(extension.plans.latest);
  });
});
