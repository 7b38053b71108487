/**
 * What the Plans and People views share: a tree whose rows come from the language server (viewSource.ts),
 * each drawn as a tree item, its Markdown tooltip asked for when it is hovered; a view that VS Code is
 * told to fetch again after each analysis only while it is visible (else when it is shown) and at most
 * every REFRESH_EVERY_MS — an edit shows at once, typing updates the view twice a second.
 */
import * as vscode from 'vscode';
import type { DescriptionPart } from '../../core';
import type { ViewRow } from '../../shared/protocol';
import { toRange } from '../coreToVscode';
import { Throttle } from '../throttle';
import type { ViewSource } from '../viewSource';

/** A row of a view: what the server sent for it. */
export class RowNode {
  constructor(readonly row: ViewRow) {}

  /** Where a click on the row goes. */
  get location(): vscode.Location | undefined {
    const { target } = this.row;
    return target ? new vscode.Location(vscode.Uri.parse(target.uri), toRange(target.range)) : undefined;
  }
}

const collapse = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

/** The requests of one view: its rows, and a row's tooltip. */
export interface RowRequests {
  readonly rows: 'planAsCode/planTree' | 'planAsCode/peopleTree';
  readonly tooltip: 'planAsCode/planTooltip' | 'planAsCode/peopleTooltip';
}

export class RowTreeProvider implements vscode.TreeDataProvider<RowNode>, vscode.Disposable {
  private readonly onDidChangeTreeDataEmitter = new vscode.EventEmitter<RowNode | undefined>();
  readonly onDidChangeTreeData = this.onDidChangeTreeDataEmitter.event;

  constructor(
    protected readonly source: ViewSource,
    private readonly requests: RowRequests,
  ) {}

  /** Asks VS Code to fetch the tree again (the rows it shows: the top ones, and the children of expanded ones). */
  refresh(): void {
    this.onDidChangeTreeDataEmitter.fire(undefined);
  }

  /** The rows under `node` (the top rows without one); none when the server has none for it or cannot answer. */
  async getChildren(node?: RowNode): Promise<RowNode[]> {
    try {
      const rows = await this.source.request(this.requests.rows, node ? { parent: node.row.id } : {});
      return (rows ?? []).map((row) => new RowNode(row));
    } catch (error) {
      console.warn(error instanceof Error ? error.message : String(error));
      return [];
    }
  }

  getTreeItem(node: RowNode): vscode.TreeItem {
    const { row } = node;
    const item = new vscode.TreeItem(row.label, collapse[row.collapse]);
    item.id = row.id;
    item.contextValue = row.contextValue;
    if (row.description !== undefined) item.description = row.description;
    if (row.icon) item.iconPath = new vscode.ThemeIcon(row.icon.name, row.icon.color ? new vscode.ThemeColor(row.icon.color) : undefined);
    if (row.tooltip !== undefined) item.tooltip = row.tooltip;
    const location = node.location;
    if (location && row.target) item.command = { command: 'vscode.open', title: row.target.title, arguments: [location.uri, { selection: location.range, preserveFocus: false }] };
    return item;
  }

  /**
   * The tooltip when a row is hovered, not with every row: VS Code parses each Markdown tooltip it is
   * given, and a refresh of a tree of 10,000 projects spent most of its seconds doing that.
   */
  async resolveTreeItem(item: vscode.TreeItem, node: RowNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (item.tooltip !== undefined) return item;
    const parts = await this.source.request(this.requests.tooltip, { id: node.row.id }, token).catch(() => null);
    if (parts) item.tooltip = markdown(parts);
    return item;
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    this.onDidChangeTreeDataEmitter.dispose();
  }
}

/** Tooltip parts as untrusted Markdown: the plan's own text appended as text, never as Markdown or HTML. */
export function markdown(parts: readonly DescriptionPart[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.isTrusted = false;
  for (const part of parts) {
    if (part.kind === 'markdown') md.appendMarkdown(part.value);
    else md.appendText(part.value);
  }
  return md;
}

/** Shortest time between two refreshes of a view while analyses follow each other (typing). */
const REFRESH_EVERY_MS = 500;

/** Shows `provider` in the view `viewId`, fetched again after every analysis while it is visible. */
export function registerRowTree(context: vscode.ExtensionContext, source: ViewSource, viewId: string, provider: RowTreeProvider, skippable?: 'people'): vscode.TreeView<RowNode> {
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
    source.onDidAnalyze(({ unchanged }) => {
      // The server says the rows this view last fetched are all the same: nothing to fetch or draw.
      if (skippable && unchanged?.includes(skippable)) return;
      stale = true;
      if (view.visible) refreshing.request();
    }),
    view.onDidChangeVisibility(({ visible }) => {
      if (visible && stale) refreshing.runNow();
    }),
  );
  return view;
}
