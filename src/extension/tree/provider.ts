/**
 * The Plans view: portfolio › program › project › milestones, risks and issues, with health colour,
 * progress and dates. A private emitter, a public event and `refresh()`; the nodes build themselves.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../../core';
import type { PlanService } from '../planService';
import { Throttle } from '../throttle';
import type { PlanTreeNode, TreeContext } from './node';
import { PortfolioNode } from './portfolioNode';
import { ProgramNode } from './programNode';
import { UnassignedNode } from './unassignedNode';

export class ProgramTreeProvider implements vscode.TreeDataProvider<PlanTreeNode> {
  private readonly onDidChangeTreeDataEmitter = new vscode.EventEmitter<PlanTreeNode | undefined>();
  readonly onDidChangeTreeData = this.onDidChangeTreeDataEmitter.event;
  private context: TreeContext | undefined;

  constructor(private readonly plans: PlanService) {}

  /** Shows `analysis` from now on; `refresh` tells VS Code. */
  update(analysis: Analysis): void {
    this.context = { analysis, plans: this.plans };
  }

  /** Asks VS Code to fetch the tree again (the items it shows: the roots, and the children of expanded ones). */
  refresh(): void {
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

  /**
   * The tooltip when an item is hovered, not with every item: VS Code parses each Markdown tooltip it is
   * given, and a refresh of a tree of 10,000 projects spent most of its seconds doing that.
   */
  resolveTreeItem(item: vscode.TreeItem, node: PlanTreeNode): vscode.TreeItem {
    item.tooltip ??= node.tooltip();
    return item;
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    this.onDidChangeTreeDataEmitter.dispose();
  }
}

/** Shortest time between two refreshes of the view while analyses follow each other (typing). */
const REFRESH_EVERY_MS = 500;

export function registerProgramTree(context: vscode.ExtensionContext, plans: PlanService): ProgramTreeProvider {
  const provider = new ProgramTreeProvider(plans);
  const view = vscode.window.createTreeView('planAsCode.programs', { treeDataProvider: provider, showCollapseAll: true });
  // The provider always answers from the latest analysis; VS Code is told to fetch again only while the
  // view is visible (else when it is shown), and at most every REFRESH_EVERY_MS: an edit shows at once,
  // typing updates the view twice a second rather than on every key.
  let stale = false;
  const refreshing = new Throttle(REFRESH_EVERY_MS, () => {
    stale = false;
    provider.refresh();
  });
  context.subscriptions.push(
    provider,
    view,
    refreshing,
    plans.onDidAnalyze((analysis) => {
      provider.update(analysis);
      stale = true;
      if (view.visible) refreshing.request();
    }),
    view.onDidChangeVisibility(({ visible }) => {
      if (visible && stale) refreshing.runNow();
    }),
  );
  void vscode.commands.executeCommand('setContext', 'planAsCode.indexing', true);
  void plans.ready().then(() => vscode.commands.executeCommand('setContext', 'planAsCode.indexing', false));
  return provider;
}
