/**
 * The Plans view: portfolio › program › project › milestones, risks and issues, with health colour,
 * progress and dates. A private emitter, a public event and `refresh()`; the nodes build themselves.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../../core';
import type { PlanService } from '../planService';
import type { PlanTreeNode, TreeContext } from './node';
import { PortfolioNode } from './portfolioNode';
import { ProgramNode } from './programNode';
import { UnassignedNode } from './unassignedNode';

export class ProgramTreeProvider implements vscode.TreeDataProvider<PlanTreeNode> {
  private readonly onDidChangeTreeDataEmitter = new vscode.EventEmitter<PlanTreeNode | undefined>();
  readonly onDidChangeTreeData = this.onDidChangeTreeDataEmitter.event;
  private context: TreeContext | undefined;

  constructor(private readonly plans: PlanService) {}

  refresh(analysis: Analysis): void {
    this.context = { analysis, plans: this.plans };
    this.onDidChangeTreeDataEmitter.fire(undefined);
  }

  getChildren(node?: PlanTreeNode): PlanTreeNode[] {
    if (node) return node.children();
    const context = this.context;
    if (!context) return [];
    const { portfolios, programs, projects } = context.analysis.index;
    const roots: PlanTreeNode[] = [
      ...portfolios.map((portfolio) => new PortfolioNode(context, portfolio)),
      ...programs.filter((program) => !program.portfolio).map((program) => new ProgramNode(context, program)),
    ];
    const unassigned = projects.filter((project) => !project.program);
    if (unassigned.length > 0) roots.push(new UnassignedNode(context, unassigned));
    return roots;
  }

  getTreeItem(node: PlanTreeNode): vscode.TreeItem {
    return node.treeItem();
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    this.onDidChangeTreeDataEmitter.dispose();
  }
}

export function registerProgramTree(context: vscode.ExtensionContext, plans: PlanService): ProgramTreeProvider {
  const provider = new ProgramTreeProvider(plans);
  const view = vscode.window.createTreeView('planAsCode.programs', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view, plans.onDidAnalyze((analysis) => provider.refresh(analysis)));
  void vscode.commands.executeCommand('setContext', 'planAsCode.indexing', true);
  void plans.ready().then(() => vscode.commands.executeCommand('setContext', 'planAsCode.indexing', false));
  return provider;
}
