/**
 * The nodes of the Plans view: one class per kind (portfolio, program, project, milestone, risk, issue,
 * and the Unassigned group), each building its own tree item and children from the latest analysis.
 */
import * as vscode from 'vscode';
import { displayName, formatPercent, formatWindow, type Analysis, type Entity, type Portfolio, type Program, type Project, type Rollup } from '../../core';
import { describeEntity, locationOf } from '../describe';
import type { PlanService } from '../planService';

/** What every node reads: the analysis it shows, and the service that knows where files are. */
export interface TreeContext {
  readonly analysis: Analysis;
  readonly plans: PlanService;
}

export abstract class PlanTreeNode {
  abstract treeItem(): vscode.TreeItem;

  /** The hover of the item, worked out when it is hovered (see ProgramTreeProvider.resolveTreeItem). */
  tooltip(): vscode.MarkdownString | string | undefined {
    return undefined;
  }

  children(): PlanTreeNode[] {
    return [];
  }
}

/** A node that stands for an entity: it opens the entity's definition and says what it is in `contextValue`. */
export abstract class EntityNode<E extends Entity = Entity> extends PlanTreeNode {
  constructor(
    protected readonly context: TreeContext,
    readonly entity: E,
  ) {
    super();
  }

  /** The item with what every entity node has: a stable id, the kind for menus, a click that opens it. */
  protected item(label: string, collapsible: vscode.TreeItemCollapsibleState): vscode.TreeItem {
    const item = new vscode.TreeItem(label, collapsible);
    item.id = nodeId(this.entity);
    item.contextValue = this.entity.kind;
    const location = locationOf(this.context.plans, this.entity);
    if (location) item.command = { command: 'vscode.open', title: 'Open definition', arguments: [location.uri, { selection: location.range, preserveFocus: false }] };
    return item;
  }

  /** A portfolio's or program's item: its icon in the colour of its health, its progress and window beside the name. */
  protected rolledUpItem(this: EntityNode<Portfolio | Program>, collapsible: vscode.TreeItemCollapsibleState, icon: string, rollup: Rollup | undefined): vscode.TreeItem {
    const item = this.item(displayName(this.entity), collapsible);
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(healthColor[rollup?.figures.health ?? 'green']));
    if (rollup) item.description = `${formatPercent(rollup.figures.progress)} · ${formatWindow(rollup.start, rollup.end)}`;
    return item;
  }

  override tooltip(): vscode.MarkdownString {
    return describeEntity(this.context.analysis, this.entity, this.context.plans.config.defaultCurrency);
  }
}

/** Stable across refreshes (keeps expansion), unique even when an id is defined twice. */
function nodeId(entity: Entity): string {
  return `${entity.kind}:${entity.id ?? `#${entity.anchor[0]}`}@${entity.source.file.path}`;
}

export const healthColor = { green: 'charts.green', amber: 'charts.yellow', red: 'charts.red' } as const;

/** The colour of whatever is cancelled: grey, whatever its figures say. */
export const cancelledColor = new vscode.ThemeColor('disabledForeground');

/** True when an item (milestone, risk, issue) belongs to a cancelled project: it no longer concerns anyone. */
export function inCancelledProject(context: TreeContext, item: { readonly parent: Program | Project }): boolean {
  return item.parent.kind === 'project' && context.analysis.rollup.projects.get(item.parent)?.cancelled === true;
}
