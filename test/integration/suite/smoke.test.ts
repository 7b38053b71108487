// Proves the harness: the suite runs inside a real extension host, on the fixture workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

async function findSamplePlan(): Promise<vscode.Uri> {
  const found = await vscode.workspace.findFiles('**/*.plan.yaml');
  const sample = found.find((uri) => uri.path.endsWith('/sample.plan.yaml'));
  assert.ok(sample, `sample.plan.yaml not found; found: ${found.map((uri) => uri.path).join(', ') || 'nothing'}`);
  return sample;
}

describe('integration harness', () => {
  it('loads this repository as the extension under development', () => {
    assert.ok(vscode.extensions.getExtension('plan-as-code.plan-as-code'), 'extension plan-as-code.plan-as-code not loaded');
  });

  it('opens the fixture workspace and finds its plan files', async () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 1, 'expected exactly one workspace folder');
    await findSamplePlan();
  });

  it('publishes diagnostics that languages.getDiagnostics reads back', async () => {
    const uri = await findSamplePlan();
    const collection = vscode.languages.createDiagnosticCollection('plan-as-code-smoke');
    try {
      const range = new vscode.Range(1, 2, 1, 4);
      const diagnostic = new vscode.Diagnostic(range, 'smoke diagnostic', vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'plan-as-code-smoke';
      collection.set(uri, [diagnostic]);

      const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'plan-as-code-smoke');
      assert.equal(ours.length, 1);
      assert.equal(ours[0].message, 'smoke diagnostic');
      assert.equal(ours[0].severity, vscode.DiagnosticSeverity.Warning);
      assert.ok(ours[0].range.isEqual(range), `unexpected range ${JSON.stringify(ours[0].range)}`);
    } finally {
      collection.dispose();
    }
    const left = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'plan-as-code-smoke');
    assert.equal(left.length, 0, 'disposing the collection should clear its diagnostics');
  });
});
