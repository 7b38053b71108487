// The roadmap panel's People tab (SPEC 10, issue 19) in a real VS Code, on the examples workspace
// (examples/*.plan.yaml copied into the workspace, its status date 30 Sep 2026): "Plan: Show People Load"
// opens the roadmap on its People tab, the webview draws Olga Ivanova — a product designer on Checkout v2
// 60% and Real-time fraud scoring 60%, 120% of her capacity of 100% from 14 to 28 Nov 2026 — among the
// people over capacity, who come first, her weeks written "120%" and marked over capacity; a click opens
// her team entry; an edit reaches the tab.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlanAsCodeApi } from '../../../src/extension/extension';
import type { PeopleRenderedReport } from '../../../src/extension/roadmap';
import { api, fixture, waitFor } from './helpers';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Every *.plan.yaml under a folder, as paths relative to it. */
async function planFiles(root: vscode.Uri, under = ''): Promise<string[]> {
  const out: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(root, under))) {
    const relative = under ? `${under}/${name}` : name;
    if (type === vscode.FileType.Directory) out.push(...(await planFiles(root, relative)));
    else if (name.endsWith('.plan.yaml')) out.push(relative);
  }
  return out;
}

describe('the roadmap panel: People tab', function () {
  this.timeout(120_000);
  let extension: PlanAsCodeApi;
  let statusDate: string | undefined;
  const copy = fixture('examples-people');
  const checkout = fixture('examples-people/payments/checkout.plan.yaml');

  // Olga as the People view lists her (from the language server's analysis).
  const olga = async () => (await extension.people.getChildren()).find((node) => node.row.entity === 'olga');
  const rendered = (what: string, accept: (report: PeopleRenderedReport) => boolean) =>
    waitFor(what, () => {
      const report = extension.roadmap.lastPeopleRendered;
      return report && accept(report) ? report : undefined;
    }, 60_000);

  before(async () => {
    extension = await api();
    const examples = vscode.Uri.joinPath(vscode.extensions.getExtension('plan-as-code.plan-as-code')!.extensionUri, 'examples');
    for (const file of await planFiles(examples)) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(copy, file, '..'));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(copy, file), await vscode.workspace.fs.readFile(vscode.Uri.joinPath(examples, file)));
    }
    // The examples' own status date (the workspace's setting would override their status_date).
    const config = vscode.workspace.getConfiguration('planAsCode');
    statusDate = config.inspect<string>('statusDate')?.workspaceValue;
    await config.update('statusDate', '2026-09-30', vscode.ConfigurationTarget.Workspace);
    await waitFor('the examples analysed', () => olga(), 60_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    extension.roadmap.current?.dispose();
    await vscode.workspace.getConfiguration('planAsCode').update('statusDate', statusDate, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(copy, { recursive: true });
    await waitFor('the examples gone', async () => ((await olga()) ? undefined : true), 60_000);
  });

  it('opens on the People tab and draws Olga among the people over capacity, first, her weeks written as 120%', async () => {
    await vscode.commands.executeCommand('planAsCode.showPeopleLoad');
    const report = await rendered('Olga drawn over capacity', (r) => r.basis === 'plan' && r.over.some(([person]) => person === 'olga'));
    const posted = extension.roadmap.lastPeoplePosted!.people;
    // The fixture workspace's own people (alice, bob) are there too; the overloaded come first.
    const at = posted.people.findIndex((p) => p.id === 'olga');
    assert.ok(at >= 0 && posted.people.slice(0, at + 1).every((p) => p.overloaded), 'among the overloaded, first');
    assert.equal(posted.people[at].name, 'Olga Ivanova');
    assert.deepEqual(posted.people[at].periods, ['14–28 Nov 2026: 120% on Checkout v2, Real-time fraud scoring']);
    const weeks = report.over.filter(([person]) => person === 'olga');
    assert.ok(weeks.length > 0);
    for (const [, week, text] of weeks) {
      assert.ok(['2026-11-09', '2026-11-16', '2026-11-23'].includes(week), week);
      assert.equal(text, '120%');
    }
    assert.ok(report.elements <= 2000, `${report.elements} elements`);
  });

  it("opens Olga's team entry on Checkout v2", async () => {
    await vscode.commands.executeCommand('planAsCode.showPeopleLoad');
    await rendered('the heatmap', (r) => r.basis === 'plan');
    await extension.roadmap.handleMessage({ type: 'openPerson', person: 'olga', project: 'checkout-v2' });
    const editor = await waitFor('checkout open', () => (vscode.window.activeTextEditor?.document.uri.toString() === checkout.toString() ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.document.getText(editor.selection), 'olga');
    assert.match(editor.document.lineAt(editor.selection.start.line).text, /person: olga, allocation: 60/);
  });

  it('follows an edit: Olga at 40% on Checkout v2 is no longer over capacity', async () => {
    // The panel alone, as wide as the window: Olga's weeks in November are in view.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the panel closed', () => extension.roadmap.current === undefined);
    await vscode.commands.executeCommand('planAsCode.showPeopleLoad');
    await rendered('Olga drawn over capacity', (r) => r.over.some(([person]) => person === 'olga'));
    const text = decoder.decode(await vscode.workspace.fs.readFile(checkout));
    assert.ok(text.includes('{ person: olga, allocation: 60 }'));
    await vscode.workspace.fs.writeFile(checkout, encoder.encode(text.replace('{ person: olga, allocation: 60 }', '{ person: olga, allocation: 40 }')));
    const posted = await waitFor('a heatmap with Olga at capacity', () => {
      const last = extension.roadmap.lastPeoplePosted;
      return last?.people.people.find((p) => p.id === 'olga')?.overloaded === false ? last : undefined;
    }, 60_000);
    assert.equal(posted.people.people.find((p) => p.id === 'olga')?.peak, 100);
    await rendered('Olga drawn at capacity', (r) => r.at >= posted.at && !r.over.some(([person]) => person === 'olga'));
  });
});
