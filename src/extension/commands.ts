/** The "Plan" commands: refresh, create an example plan, go to an entity's definition. (Roadmap: roadmap.ts.) */
import * as vscode from 'vscode';
import { exists } from './files';
import type { PlanService } from './planService';
import { RowNode } from './tree/rowTree';
import type { ViewSource } from './viewSource';

const examplePlan = `version: 1
program:
  id: example-program
  name: Example program
  goal: Show what a plan file looks like
  budget: 500000
  currency: USD
  health: green
  milestones:
    - id: example-launch
      name: Launch
      date: 2027-03-31
  projects:
    - id: example-discovery
      name: Discovery
      start: 2027-01-04
      duration: 4w
      budget: 50000
    - id: example-build
      name: Build
      depends_on: [example-discovery]
      duration: 8w
      budget: 300000
      risks:
        - title: Key supplier is late
          likelihood: 3
          impact: 4
          mitigation: Agree a fallback supplier early
`;

export function registerCommands(context: vscode.ExtensionContext, views: ViewSource, hostPlans: () => PlanService | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('planAsCode.createExamplePlan', () => createExamplePlan()),
    // Refresh reads every plan file from disk again (open editors' unsaved text still wins), in the server
    // and, when something made one (the API, a virtual workspace), in the extension host's analysis; it resolves once the new analyses are in.
    vscode.commands.registerCommand('planAsCode.refresh', () => {
      const unsaved = vscode.workspace.textDocuments.filter((document) => document.isDirty || document.isUntitled).map((document) => document.uri.toString());
      const plans = hostPlans();
      return Promise.all([views.request('planAsCode/reload', { unsaved }), plans?.latest ? plans.reload() : undefined]);
    }),
    vscode.commands.registerCommand('planAsCode.goToDefinition', async (node?: unknown) => {
      const location = node instanceof RowNode ? node.location : undefined;
      if (!location) return;
      await vscode.window.showTextDocument(location.uri, { selection: location.range, preview: false });
    }),
  );
}

/** Writes the example into a new file only (never over an existing one), as one undoable edit. */
async function createExamplePlan(): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: examplePlan });
    await vscode.window.showTextDocument(document);
    return document.uri;
  }
  let uri = vscode.Uri.joinPath(folder.uri, 'example.plan.yaml');
  for (let n = 2; await exists(uri); n++) uri = vscode.Uri.joinPath(folder.uri, `example-${n}.plan.yaml`);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: false, overwrite: false });
  edit.insert(uri, new vscode.Position(0, 0), examplePlan);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Could not create ${vscode.workspace.asRelativePath(uri)}.`);
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  await document.save();
  await vscode.window.showTextDocument(document);
  return uri;
}
