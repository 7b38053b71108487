// The extension through the real VS Code API, on the fixture workspace (a copy made by the runner).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixture, labelsOf, ours, positionOf, rowLabelled, waitFor } from './helpers';

const programUri = () => fixture('program.plan.yaml');
const extraUri = () => fixture('later/extra.plan.yaml');

async function openProgram(): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(programUri());
  await vscode.window.showTextDocument(document);
  return document;
}

describe('Plan as Code in VS Code', function () {
  this.timeout(60_000);

  before(async () => {
    await api();
  });

  describe('diagnostics', () => {
    it('reports problems in a file that was never opened, with the SPEC code and exact range', async () => {
      const uri = extraUri();
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'extra.plan.yaml must not be open');
      const diagnostic = await waitFor('unknown-reference in extra.plan.yaml', () => ours(uri).find((d) => d.code === 'unknown-reference'));
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.match(diagnostic.message, /buildd/);
      // `  depends_on: [launch, buildd]` — line 6 (0-based 5), `buildd` at characters 23..29
      assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character], [5, 23, 29]);
    });

    it('reports warnings in an opened file, and nothing else', async () => {
      const document = await openProgram();
      const list = await waitFor('diagnostics of program.plan.yaml', () => {
        const found = ours(document.uri);
        return found.length > 0 ? found : undefined;
      });
      assert.ok(list.every((d) => d.severity !== vscode.DiagnosticSeverity.Error), `unexpected errors: ${list.map((d) => d.message).join('; ')}`);
      // The open high risk (4 × 4 = 16) has no mitigation: reported at its id, `launch-slip`.
      const risk = list.find((d) => d.code === 'unmitigated-risk');
      assert.ok(risk, `codes: ${list.map((d) => d.code).join(', ')}`);
      const id = positionOf(document, 'id: launch-slip', 'id: '.length);
      assert.deepEqual([risk.range.start.line, risk.range.start.character], [id.line, id.character]);
      // The program is declared green; the open high risk makes it amber, and the message says why.
      const mismatch = list.find((d) => d.code === 'status-mismatch');
      assert.ok(mismatch, 'status-mismatch expected');
      assert.match(mismatch.message, /declared green but computes as amber: .*high risk/);
      const health = positionOf(document, 'health: green', 'health: '.length);
      assert.deepEqual([mismatch.range.start.line, mismatch.range.start.character], [health.line, health.character]);
    });

    it('updates while typing, before the file is saved, and recovers on undo', async () => {
      const document = await openProgram();
      const at = positionOf(document, 'depends_on: [build]', 'depends_on: ['.length);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, at.translate(0, 'build'.length), 'x');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(document.isDirty, 'the edit must not be saved');
      const diagnostic = await waitFor('unknown-reference after typing', () => ours(document.uri).find((d) => d.code === 'unknown-reference'));
      assert.match(diagnostic.message, /buildx/);
      assert.equal(diagnostic.range.start.line, at.line);
      await vscode.commands.executeCommand('undo');
      await waitFor('diagnostic cleared after undo', () => !ours(document.uri).some((d) => d.code === 'unknown-reference'));
      assert.equal(document.getText().includes('[build]'), true);
    });

    it('shows an overspent warning when an unsaved edit puts spent above the budget, and clears it when the next edit puts it back', async () => {
      const document = await openProgram();
      // Project build: budget 200000, spent 100000.
      const value = positionOf(document, 'spent: 100000', 'spent: '.length);
      const valueRange = new vscode.Range(value, value.translate(0, '100000'.length));
      const overspent = () => ours(document.uri).filter((d) => d.code === 'overspent');
      await waitFor('the analysis of program.plan.yaml', () => ours(document.uri).length > 0);
      assert.deepEqual(overspent(), [], 'build is not overspent before the edit');

      const over = new vscode.WorkspaceEdit();
      over.replace(document.uri, valueRange, '250000');
      assert.ok(await vscode.workspace.applyEdit(over));
      assert.ok(document.isDirty, 'the edit must not be saved');
      const [warning] = await waitFor('overspent after the edit', () => (overspent().length > 0 ? overspent() : undefined));
      assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
      // USD: the default currency (neither the fixture nor the test settings name one).
      assert.equal(warning.message, "Project 'build' has spent 250,000 USD, more than its budget at completion of 200,000 USD");
      // At the spent value: line of `spent:`, characters of 250000.
      assert.deepEqual([warning.range.start.line, warning.range.start.character, warning.range.end.character], [value.line, value.character, value.character + 6]);

      const back = new vscode.WorkspaceEdit();
      back.replace(document.uri, new vscode.Range(value, value.translate(0, '250000'.length)), '100000');
      assert.ok(await vscode.workspace.applyEdit(back));
      assert.ok(document.isDirty, 'still unsaved');
      await waitFor('overspent cleared by the next edit', () => overspent().length === 0);
      // The other warnings of the file are still there: the clearing is this project's only.
      assert.ok(ours(document.uri).some((d) => d.code === 'unmitigated-risk'));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  });

  describe('navigation', () => {
    it('goes to the definition of a dependency in another part of the file', async () => {
      const document = await openProgram();
      const reference = positionOf(document, '[build]', 2);
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', document.uri, reference);
      assert.equal(locations.length, 1);
      const definition = positionOf(document, 'id: build', 'id: '.length);
      assert.equal(locations[0].uri.toString(), document.uri.toString());
      assert.deepEqual([locations[0].range.start.line, locations[0].range.start.character], [definition.line, definition.character]);
    });

    it('finds references across files', async () => {
      const document = await openProgram();
      const definition = positionOf(document, 'id: launch', 'id: '.length + 1);
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, definition);
      const files = new Set(locations.map((l) => l.uri.path.split('/').pop()));
      assert.deepEqual([...files].sort(), ['extra.plan.yaml', 'program.plan.yaml']);
      assert.equal(locations.length, 2, 'the definition and the depends_on in extra.plan.yaml');
    });

    it('renames an id across files in one WorkspaceEdit', async () => {
      const document = await openProgram();
      const definition = positionOf(document, 'id: alpha', 'id: '.length);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, definition, 'alpha-2');
      const touched = edit.entries().map(([uri, edits]) => [uri.path.split('/').pop(), edits.map((e) => e.newText)]);
      assert.deepEqual(
        touched.sort(),
        [
          ['extra.plan.yaml', ['alpha-2']],
          ['program.plan.yaml', ['alpha-2']],
        ],
      );
    });

    it('completes ids where a reference is expected, and enum values', async () => {
      const document = await openProgram();
      const inList = positionOf(document, '[build]', 1);
      const ids = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, inList);
      const labels = ids.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      for (const id of ['build', 'alpha-ga']) assert.ok(labels.includes(id), `missing ${id} in ${labels.join(', ')}`);
      assert.ok(!labels.includes('alice'), 'people are not dependencies');
      assert.ok(!labels.includes('launch'), 'launch does not depend on itself');

      const health = positionOf(document, 'health: green', 'health: '.length);
      const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, health);
      const healthLabels = values.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      for (const value of ['green', 'amber', 'red']) assert.ok(healthLabels.includes(value), `missing ${value}`);

      const manager = positionOf(document, 'manager: bob', 'manager: '.length);
      const people = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, manager);
      const peopleLabels = people.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      assert.ok(peopleLabels.includes('alice') && peopleLabels.includes('bob'), `people: ${peopleLabels.join(', ')}`);
    });

    it('hovers an id with its rolled-up figures', async () => {
      const document = await openProgram();
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'id: build', 5));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      for (const label of ['BAC', 'AC', 'EV', 'CPI', 'SPI', 'EAC', 'ROI', 'Health', 'Dates']) assert.match(text, new RegExp(`\\| ${label}`), `hover lacks ${label}`);
      // BAC 200,000, AC 100,000, EV 50% of BAC = 100,000 → CPI 1.00
      assert.match(text, /\| BAC \| 200k/);
      assert.match(text, /\| CPI \| 1\.00/);
    });

    it('outlines the document', async () => {
      const document = await openProgram();
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      const names = symbols.map((s) => s.name);
      assert.ok(names.includes('alpha'), `roots: ${names.join(', ')}`);
      const alpha = symbols.find((s) => s.name === 'alpha')!;
      assert.deepEqual(alpha.children.map((c) => c.name).sort(), ['alpha-ga', 'build', 'launch']);
    });

    it('marks ids as definitions and references with semantic tokens, which follow an unsaved edit', async () => {
      const document = await openProgram();
      /** The tokens as [line, character, length, type, modifiers] (VS Code sends them relative to the one before). */
      const tokens = async () => {
        const { data } = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
        const out: number[][] = [];
        let line = 0;
        let character = 0;
        for (let i = 0; i < data.length; i += 5) {
          line += data[i];
          character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
          out.push([line, character, data[i + 2], data[i + 3], data[i + 4]]);
        }
        return out;
      };
      // Legend: types [variable, number], modifiers [declaration = 1, readonly = 2].
      const at = (position: vscode.Position, length: number, type: number, modifiers: number) => [position.line, position.character, length, type, modifiers];
      const build = () => positionOf(document, 'id: build', 'id: '.length);
      const dependency = () => positionOf(document, '[build]', 1);
      const before = await tokens();
      assert.deepEqual(before.find((t) => t[0] === build().line), at(build(), 5, 0, 1), 'build defined');
      assert.deepEqual(before.find((t) => t[0] === dependency().line), at(dependency(), 5, 0, 0), 'build referenced');

      // Two lines inserted above the project: its tokens move down with the text, before any save.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(build().line - 1, 0), '    # moved\n    # down\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const after = await tokens();
      assert.deepEqual(after.find((t) => t[0] === build().line), at(build(), 5, 0, 1));
      assert.deepEqual(after.find((t) => t[0] === dependency().line), at(dependency(), 5, 0, 0));
      await vscode.commands.executeCommand('undo');
    });

    it('shows a code lens with health and figures above programs and projects', async () => {
      const document = await openProgram();
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
      const titles = lenses.map((l) => l.command?.title ?? '');
      assert.equal(titles.length, 3, `lenses: ${titles.join(' | ')}`);
      assert.ok(titles.every((t) => /CPI/.test(t) && /SPI/.test(t)));
    });

    it('offers the nearest id as a quick fix for an unknown reference', async () => {
      const uri = extraUri();
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const diagnostic = await waitFor('unknown-reference', () => ours(uri).find((d) => d.code === 'unknown-reference'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
      const fix = actions.find((a) => a.title === "Change to 'build'");
      assert.ok(fix, `actions: ${actions.map((a) => a.title).join(', ')}`);
    });
  });

  describe('views', () => {
    it('builds the program tree with health, progress and an open command', async () => {
      const { tree } = await api();
      await waitFor('tree roots', async () => ((await tree.getChildren()).length > 0 ? true : undefined));
      const roots = (await tree.getChildren()).map((node) => tree.getTreeItem(node));
      const alpha = roots.find((item) => item.label === 'Alpha program');
      assert.ok(alpha, `roots: ${roots.map((r) => r.label).join(', ')}`);
      const node = (await rowLabelled(tree, 'Alpha program'))!;
      const children = (await tree.getChildren(node)).map((n) => tree.getTreeItem(n));
      const build = children.find((c) => c.label === 'Build the thing');
      assert.ok(build, `children: ${children.map((c) => c.label).join(', ')}`);
      assert.match(String(build.description), /50%/);
      assert.equal(build.command?.command, 'vscode.open');
      const icon = build.iconPath as vscode.ThemeIcon;
      assert.equal((icon.color as vscode.ThemeColor).id, 'charts.green');
      assert.ok(children.some((c) => c.label === 'General availability'), 'program milestone shown');
    });

    it('opens a program of up to 50 projects expanded, a larger one collapsed', async () => {
      const { tree } = await api();
      const projects = (count: number, prefix: string) =>
        Array.from({ length: count }, (_, i) => `    - { id: ${prefix}-${i}, name: P${i}, start: 2026-01-05, duration: 1w }\n`).join('');
      const large = fixture('sizes/large.plan.yaml');
      const small = fixture('sizes/small.plan.yaml');
      const encoder = new TextEncoder();
      await vscode.workspace.fs.writeFile(large, encoder.encode(`program:\n  id: large-program\n  name: Large program\n  projects:\n${projects(51, 'large')}`));
      await vscode.workspace.fs.writeFile(small, encoder.encode(`program:\n  id: small-program\n  name: Small program\n  projects:\n${projects(50, 'small')}`));
      try {
        const item = async (label: string) => (await tree.getChildren()).map((node) => tree.getTreeItem(node)).find((i) => i.label === label);
        const [largeItem, smallItem] = await waitFor('both programs in the tree', async () => {
          const found = [await item('Large program'), await item('Small program')];
          return found.every(Boolean) ? found : undefined;
        }, 30_000);
        assert.equal(largeItem!.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, '51 projects');
        assert.equal(smallItem!.collapsibleState, vscode.TreeItemCollapsibleState.Expanded, '50 projects');
      } finally {
        await vscode.workspace.fs.delete(fixture('sizes'), { recursive: true });
        // The suites after this one read the fixture's programs only: wait until the deletion is analysed.
        await waitFor('both programs gone from the tree', async () =>
          (await labelsOf(tree)).some((label) => ['Large program', 'Small program'].includes(label)) ? undefined : true, 30_000);
      }
    });

    it("opens the roadmap panel: the extension's own bundle under a strict CSP", async () => {
      const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('planAsCode.openRoadmap');
      assert.ok(panel, 'the command returns its panel');
      assert.equal(panel.viewType, 'planAsCode.roadmap');
      const html = panel.webview.html;
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
      assert.match(csp, /^default-src 'none'; script-src 'nonce-([A-Za-z0-9+/]{24})'; style-src /);
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
      assert.equal(scripts.length, 1);
      assert.match(scripts[0], new RegExp(`nonce="${nonce.replace(/[+/]/g, '\\$&')}" src="[^"]+/dist/webview\\.js"`));
      assert.ok(!html.includes('unsafe-inline') && !html.includes('unsafe-eval'), csp);
      const roots = panel.webview.options.localResourceRoots?.map((uri) => uri.path) ?? [];
      assert.equal(roots.length, 1);
      assert.match(roots[0], /\/dist$/);
      assert.equal(panel.webview.options.enableCommandUris, false);
      panel.dispose();
    });
  });
});
