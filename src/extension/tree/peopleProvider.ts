/**
 * The People view (SPEC 10 "In VS Code"), beside the Plans view: person › projects with allocation, the
 * person's peak against capacity and first period over capacity in the description, every period in the
 * tooltip, people over capacity first (red icon); a project row opens the person's team entry
 * (core/views/treeRows.ts, answered by the language server). It follows every analysis, as the Plans view does.
 */
import type * as vscode from 'vscode';
import type { ViewSource } from '../viewSource';
import { registerRowTree, RowTreeProvider } from './rowTree';

export class PeopleTreeProvider extends RowTreeProvider {
  constructor(source: ViewSource) {
    super(source, { rows: 'planAsCode/peopleTree', tooltip: 'planAsCode/peopleTooltip' });
  }
}

export function registerPeopleTree(context: vscode.ExtensionContext, source: ViewSource): PeopleTreeProvider {
  const provider = new PeopleTreeProvider(source);
  registerRowTree(context, source, 'planAsCode.people', provider, 'people');
  return provider;
}
