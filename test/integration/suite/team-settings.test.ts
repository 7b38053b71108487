// The team's .plan-as-code.yaml in a real VS Code: its thresholds reach the analysis (as they reach the
// CLI), a VS Code setting set explicitly overrides it, and a mistake in it shows in the Problems panel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlanAsCodeApi } from '../../../src/extension/extension';
import { api, fixture, rowLabelled, waitFor } from './helpers';

const encoder = new TextEncoder();

async function write(relative: string, text: string): Promise<vscode.Uri> {
  const uri = fixture(relative);
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  return uri;
}

describe("the team's settings file", function () {
  this.timeout(60_000);
  let extension: PlanAsCodeApi;
  // At the status date 2020-01-10 (its end; set below, so "today" does not matter), 90% done: SPI = 0.9 (PV = BAC),
  // CPI = 90 / 90 = 1 → amber by the default thresholds. v3: it is forecast Jan 1 + ceil(10 / 0.9) − 1 = Jan 12, a
  // slip of 2 days (amber, not more than 30: never red by the slip), so the CPI/SPI thresholds decide red.
  const plan = 'project:\n  id: team-probe\n  name: Team probe\n  start: 2020-01-01\n  end: 2020-01-10\n  budget: 100\n  spent: 90\n  progress: 90\n';
  // The probe's health as the Plans view shows it (the colour of its icon, from the language server's analysis).
  const colours: Record<string, string> = { 'charts.green': 'green', 'charts.yellow': 'amber', 'charts.red': 'red' };
  const health = async () => {
    const unassigned = await rowLabelled(extension.tree, 'Unassigned projects');
    const probe = unassigned && (await extension.tree.getChildren(unassigned)).find((node) => node.row.entity === 'team-probe');
    return probe?.row.icon?.color ? colours[probe.row.icon.color] : undefined;
  };
  let planUri: vscode.Uri;

  before(async () => {
    extension = await api();
    await vscode.workspace.getConfiguration('planAsCode').update('statusDate', '2020-01-10', vscode.ConfigurationTarget.Workspace);
    planUri = await write('team-probe.plan.yaml', plan);
    await waitFor('the probe project, amber', async () => (await health()) === 'amber', 30_000);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('planAsCode').update('health.redBelow', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('planAsCode').update('statusDate', undefined, vscode.ConfigurationTarget.Workspace);
    for (const uri of [planUri, fixture('.plan-as-code.yaml')]) {
      try {
        await vscode.workspace.fs.delete(uri);
      } catch {
        // already gone
      }
    }
    await waitFor('the probe gone', async () => (await health()) === undefined, 30_000);
  });

  it('takes its thresholds, so the editor agrees with the CLI', async () => {
    await write('.plan-as-code.yaml', 'version: 1\nhealth:\n  redBelow: 0.91\n');
    await waitFor('the probe red (SPI 0.9 < 0.91)', async () => (await health()) === 'red', 30_000);
  });

  it('a VS Code setting set explicitly overrides it', async () => {
    await vscode.workspace.getConfiguration('planAsCode').update('health.redBelow', 0.8, vscode.ConfigurationTarget.Workspace);
    await waitFor('the probe amber again', async () => (await health()) === 'amber', 30_000);
    await vscode.workspace.getConfiguration('planAsCode').update('health.redBelow', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor("back to the file's 0.91: red again", async () => (await health()) === 'red', 30_000);
  });

  it('shows a mistake in it in the Problems panel, and uses the defaults for what is wrong', async () => {
    const uri = await write('.plan-as-code.yaml', 'version: 1\nhealth:\n  redBelow: ninety\n');
    const problem = await waitFor('the settings problem', () =>
      vscode.languages.getDiagnostics(uri).find((d) => d.source === 'plan-as-code' && d.code === 'schema'), 30_000);
    assert.match(problem.message, /health\.redBelow must be a number from 0 to 2/);
    assert.deepEqual([problem.range.start.line, problem.range.start.character], [2, 12]);
    // The default red threshold (0.9): SPI 0.9 is not below it, so amber.
    await waitFor('the default red threshold: amber', async () => (await health()) === 'amber', 30_000);
  });
});
