/**
 * The Plans view: portfolio › program › project › milestones, risks and issues, with health colour,
 * progress and dates (core/views/treeRows.ts, answered by the language server), kept live (rowTree.ts).
 */
import * as vscode from 'vscode';
import type { ViewSource } from '../viewSource';
import { registerRowTree, RowTreeProvider } from './rowTree';

export class ProgramTreeProvider extends RowTreeProvider {
  constructor(source: ViewSource) {
    super(source, { rows: 'planAsCode/planTree', tooltip: 'planAsCode/planTooltip' });
  }
}

export function registerProgramTree(context: vscode.ExtensionContext, source: ViewSource): ProgramTreeProvider {
  const provider = new ProgramTreeProvider(source);
  registerRowTree(context, source, 'planAsCode.programs', provider);
  // Until the first analysis the view says it is indexing.
  void vscode.commands.executeCommand('setContext', 'planAsCode.indexing', true);
  const indexed = source.onDidAnalyze(() => {
    indexed.dispose();
    void vscode.commands.executeCommand('setContext', 'planAsCode.indexing', false);
  });
  context.subscriptions.push(indexed);
  return provider;
}
