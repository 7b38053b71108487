/**
 * What the Plans and People views share: a tree of nodes that build their own items, answered from the
 * latest analysis, and a view that VS Code is told to fetch again only while it is visible (else when it
 * is shown) and at most every REFRESH_EVERY_MS — an edit shows at once, typing updates the view twice a
 * second rather than on every key.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../../core';
import type { PlanService } from '../planService';
import { Throttle } from '../throttle';

/** A node of a live tree: its item, its tooltip (worked out on hover), its children. */
export interface LiveNode {
  treeItem(): vscode.TreeItem;
  tooltip(): vscode.MarkdownString | string | undefined;
  children(): LiveNode[];
}

/** A private emitter, a public event and `refresh()`; subclasses give the roots of an analysis. */
export abstract class LiveTreeProvider<Node extends LiveNode> implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly onDidChangeTreeDataEmitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.onDidChangeTreeDataEmitter.event;
  private analysis: Analysis | undefined;
  private roots: Node[] | undefined;

  constructor(protected readonly plans: PlanService) {}

  /** The view's top nodes for `analysis`, built when the view asks for them. */
  protected abstract rootsOf(analysis: Analysis): Node[];

  /** Shows `analysis` from now on; `refresh` tells VS Code. */
  update(analysis: Analysis): void {
    this.analysis = analysis;
    this.roots = undefined;
  }

  /** Asks VS Code to fetch the tree again (the items it shows: the roots, and the children of expanded ones). */
  refresh(): void {
    this.onDidChangeTreeDataEmitter.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (node) return node.children() as Node[];
    if (!this.analysis) {
      // VS Code asks only for a view on screen: the first time, the workspace is indexed for it.
      void this.plans.ready();
      return [];
    }
    this.roots ??= this.rootsOf(this.analysis);
    return this.roots;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node.treeItem();
  }

  /**
   * The tooltip when an item is hovered, not with every item: VS Code parses each Markdown tooltip it is
   * given, and a refresh of a tree of 10,000 projects spent most of its seconds doing that.
   */
  resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
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

/** Shortest time between two refreshes of a view while analyses follow each other (typing). */
const REFRESH_EVERY_MS = 500;

/** Shows `provider` in the view `viewId`, kept up to date with every analysis. */
export function registerLiveTree<Node extends LiveNode>(context: vscode.ExtensionContext, plans: PlanService, viewId: string, provider: LiveTreeProvider<Node>): vscode.TreeView<Node> {
  const view = vscode.window.createTreeView(viewId, { treeDataProvider: provider, showCollapseAll: true });
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
  return view;
}
