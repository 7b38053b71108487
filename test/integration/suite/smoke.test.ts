// Proves the harness runs this extension: the suite runs inside a real extension host, on the fixture
// workspace, with Plan as Code activated and publishing its own diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, ours, waitFor } from './helpers';

async function findPlan(name: string): Promise<vscode.Uri> {
  const found = await vscode.workspace.findFiles('**/*.plan.yaml');
  const plan = found.find((uri) => uri.path.endsWith(`/${name}`));
  assert.ok(plan, `${name} not found; found: ${found.map((uri) => uri.path).join(', ') || 'nothing'}`);
  return plan;
}

describe('integration harness', () => {
  it('loads this repository as the extension under development, and activates it', async () => {
    const extension = vscode.extensions.getExtension('plan-as-code.plan-as-code');
    assert.ok(extension, 'extension plan-as-code.plan-as-code not loaded');
    const exported = await api();
    assert.ok(extension.isActive);
    assert.equal(typeof exported.views.request, 'function');
  });

  it('opens the fixture workspace and finds its plan files', async () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 1, 'expected exactly one workspace folder');
    await findPlan('sample.plan.yaml');
  });

  it("publishes the extension's own diagnostics, at the exact range", async () => {
    // later/extra.plan.yaml depends on 'buildd', which names nothing: unknown-reference on that item.
    const uri = await findPlan('extra.plan.yaml');
    const diagnostic = await waitFor('unknown-reference in extra.plan.yaml', () => ours(uri).find((d) => d.code === 'unknown-reference'), 30_000);
    assert.equal(diagnostic.source, 'plan-as-code');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    // Line 6 (0-based 5) `  depends_on: [launch, buildd]`: 2 spaces, `depends_on: [` (13), `launch, ` (8) → 'buildd' at 23..29.
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character], [5, 23, 29]);
    assert.match(diagnostic.message, /'buildd'.*did you mean 'build'/);
  });
});
