// The index under change: files created, edited and deleted outside the editor; commands that write files.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, definitionOf, fixture, labelsOf, ours, rowLabelled, waitFor } from './helpers';

const encoder = new TextEncoder();

async function write(relative: string, text: string): Promise<vscode.Uri> {
  const uri = fixture(relative);
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  return uri;
}

/** Applies the quick fix titled `title` of the first diagnostic of `uri` that `which` picks, and waits until that diagnostic is gone. */
async function applyQuickFix(uri: vscode.Uri, which: (d: vscode.Diagnostic) => boolean, title: string): Promise<void> {
  const diagnostic = await waitFor(`a diagnostic for '${title}'`, () => ours(uri).find(which));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
  const fix = actions.find((a) => a.title === title);
  assert.ok(fix?.edit, `'${title}' not among: ${actions.map((a) => a.title).join(', ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  await waitFor(`fixed by '${title}'`, () => !ours(uri).some(which));
}

describe('the plan workspace under change', function () {
  this.timeout(60_000);

  before(async () => {
    await api();
  });

  it('picks up a file created on disk, and clears its diagnostics when it is deleted', async () => {
    const uri = await write('created/loose.plan.yaml', 'project:\n  id: loose\n  name: Loose end\n  start: 2026-01-05\n');
    const diagnostic = await waitFor('unscheduled on the new file', () => ours(uri).find((d) => d.code === 'unscheduled'), 30_000);
    assert.match(diagnostic.message, /loose/);
    await vscode.workspace.fs.delete(uri);
    await waitFor('diagnostics cleared after delete', () => ours(uri).length === 0, 30_000);
  });

  it('shows projects without a program under "Unassigned projects"', async () => {
    const { tree } = await api();
    const uri = await write('created/orphan.plan.yaml', 'project:\n  id: orphan\n  name: Orphan project\n  start: 2026-01-05\n  duration: 2w\n');
    const unassignedLabels = async () => {
      const node = await rowLabelled(tree, 'Unassigned projects');
      return node ? labelsOf(tree, node) : ([] as string[]);
    };
    await waitFor('Orphan project under Unassigned', async () => (await unassignedLabels()).includes('Orphan project'), 30_000);
    await vscode.workspace.fs.delete(uri);
    await waitFor('Orphan project gone', async () => !(await unassignedLabels()).includes('Orphan project'), 30_000);
  });

  it('fixes a progress mismatch with one quick fix', async () => {
    const uri = await write(
      'created/finished.plan.yaml',
      'project:\n  id: finished\n  name: Finished work\n  start: 2026-01-05\n  duration: 2w\n  progress: 100\n  state: active\n',
    );
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await applyQuickFix(uri, (d) => d.code === 'progress-mismatch', "Set state to 'done'");
    assert.match(document.getText(), /state: done/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.workspace.fs.delete(uri);
  });

  it('fixes a misspelt key, a number written with separators and a tab, each with one quick fix', async () => {
    const uri = await write(
      'created/typos.plan.yaml',
      'project:\n  id: typos\n  name: Typos\n  start: 2026-01-05\n  duration: 2w\n  dependson: []\n  budget: 1,400,000\n\tspent: 10\n',
    );
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const message = (pattern: RegExp) => (d: vscode.Diagnostic) => pattern.test(d.message);
    await applyQuickFix(uri, message(/^Unknown key 'dependson' in project 'typos'; did you mean 'depends_on'\?$/), "Change to 'depends_on'");
    await applyQuickFix(uri, message(/^budget of project 'typos' must be a number: write 1400000 — no thousands separators$/), "Change to '1400000'");
    await applyQuickFix(uri, message(/^This line is indented with a tab; indent with spaces/), 'Indent with 2 spaces instead of a tab');
    assert.equal(document.getText(), 'project:\n  id: typos\n  name: Typos\n  start: 2026-01-05\n  duration: 2w\n  depends_on: []\n  budget: 1400000\n  spent: 10\n');
    await waitFor('no problems left', () => ours(uri).length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.workspace.fs.delete(uri);
  });

  it('creates an example plan in a new file, which checks clean', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('planAsCode.createExamplePlan');
    assert.ok(uri, 'the command returns the new file');
    assert.match(uri.path, /example(-\d+)?\.plan\.yaml$/);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /program:/);
    await waitFor('example indexed', async () => (await definitionOf('example-program')) !== undefined);
    const errors = ours(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.message), []);
    // A second run never overwrites the first file.
    const second = await vscode.commands.executeCommand<vscode.Uri>('planAsCode.createExamplePlan');
    assert.notEqual(second.toString(), uri.toString());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
    await vscode.workspace.fs.delete(second);
  });
});

describe('plan text is only ever text', function () {
  this.timeout(60_000);
  const script = '<script>alert(1)</script>';
  const image = '"><img src=x onerror=alert(1)>';
  const command = '[quit](command:workbench.action.quit)';

  it('shows hostile names as plain text in the tree and as escaped, untrusted Markdown in hovers', async () => {
    const { tree } = await api();
    const uri = await write(
      'created/hostile.plan.yaml',
      `program:\n  id: hostile-program\n  name: ${JSON.stringify(script)}\n  projects:\n    - id: hostile-project\n      name: ${JSON.stringify(image)}\n      description: ${JSON.stringify(command)}\n      start: 2026-01-05\n      duration: 2w\n      risks:\n        - { title: ${JSON.stringify(command)}, likelihood: 1, impact: 1 }\n`,
    );
    const program = await waitFor('hostile program in the tree', () => rowLabelled(tree, script));
    const item = tree.getTreeItem(program);
    assert.equal(item.tooltip, undefined, 'the tooltip is worked out on hover');
    const tooltip = (await tree.resolveTreeItem(item, program, new vscode.CancellationTokenSource().token)).tooltip as vscode.MarkdownString;
    assert.equal(tooltip.isTrusted, false, 'tooltips never run command links');
    assert.ok(!tooltip.supportHtml, 'tooltips never render HTML');
    assert.ok(!tooltip.value.includes(script), `the raw tag reached the Markdown: ${tooltip.value}`);
    const project = (await tree.getChildren(program)).map((node) => tree.getTreeItem(node)).find((child) => child.label === image);
    assert.ok(project, 'project label is the raw string, shown as text');

    const document = await vscode.workspace.openTextDocument(uri);
    const at = document.positionAt(document.getText().indexOf('hostile-project') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    // Ours is the hover with the project's figures; without it this loop would check nothing.
    const ours = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && /\*\*Project /.test(c.value));
    assert.equal(ours.length, 1, `our hover on the project id: ${hovers.flatMap((h) => h.contents).length} contents`);
    for (const content of hovers.flatMap((h) => h.contents)) {
      if (typeof content === 'string') continue;
      const markdown = content as vscode.MarkdownString;
      assert.ok(!markdown.isTrusted && !markdown.supportHtml);
      assert.ok(!markdown.value.includes(image), `unescaped HTML in hover: ${markdown.value}`);
      assert.ok(!/\]\(command:/.test(markdown.value), `a live command link in hover: ${markdown.value}`);
    }
    await vscode.workspace.fs.delete(uri);
  });
});
