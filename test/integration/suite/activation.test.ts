// First of the suite (files run in name order): what activation does before any view is shown. The
// language server gives diagnostics and language features; the extension host indexes only for a view.
import * as assert from 'node:assert/strict';
import { sep } from 'node:path';
import * as vscode from 'vscode';
import { api, fixture, ours, positionOf, waitFor } from './helpers';

describe('activation', function () {
  this.timeout(60_000);

  it('leaves the analysis to the language server: diagnostics, hover, and the Plans and People views come from it', async () => {
    const extension = await api();
    // The client is loaded and the server started right after activation returns.
    await waitFor('the language server started in a workspace on disk', () => extension.languageClient?.isRunning(), 30_000);
    // Diagnostics of a file never opened, and a hover: both from the server.
    await waitFor('unknown-reference in extra.plan.yaml', () => ours(fixture('later/extra.plan.yaml')).find((d) => d.code === 'unknown-reference'), 30_000);
    const document = await vscode.workspace.openTextDocument(fixture('program.plan.yaml'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'id: build', 5));
    assert.ok(hovers.length > 0, 'a hover from the server');
    // The Plans and People views shown: they get their rows from the server, and the host indexes nothing.
    await vscode.commands.executeCommand('workbench.view.extension.planAsCode');
    await waitFor('the Plans view filled', async () => (await extension.tree.getChildren()).length > 0, 30_000);
    await waitFor('the People view filled', async () => (await extension.people.getChildren()).length > 0, 30_000);
    const loaded = (bundle: string) => Object.keys(require.cache).some((file) => file.endsWith(`${sep}dist${sep}${bundle}`));
    assert.ok(!loaded('extensionLazy.js'), 'the extension host has not loaded the engine (dist/extensionLazy.js): the views ask the server');
  });

  it('loads the language client as two bundles, each compiled in one task and run in another (bundleLoader.ts)', async () => {
    const extension = await api();
    await waitFor('the language server started', () => extension.languageClient?.isRunning(), 30_000);
    const loads = extension.clientLoads.map((load) => [load.file.split(/[\\/]/).pop(), load.cache]);
    // A fresh profile: no code cache yet (the bench's later runs take it: bench/README.md).
    assert.deepEqual(loads, [['extensionProtocol.js', 'none'], ['extensionClient.js', 'none']]);
    // Not through require: the bundles are not in Node's module cache.
    const loaded = (bundle: string) => Object.keys(require.cache).some((file) => file.endsWith(`${sep}dist${sep}${bundle}`));
    assert.ok(!loaded('extensionClient.js') && !loaded('extensionProtocol.js'));
  });
});
