import * as vscode from 'vscode';
import type { Project } from '../../core';
import { PlanTreeNode, type TreeContext } from './node';
import { ProjectNode } from './projectNode';

/** Projects that belong to no program. */
export class UnassignedNode extends PlanTreeNode {
  constructor(
    private readonly context: TreeContext,
    private readonly projects: readonly Project[],
  ) {
    super();
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Unassigned projects', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = 'unassigned';
    item.iconPath = new vscode.ThemeIcon('question');
    item.description = `${this.projects.length}`;
    item.tooltip = 'Projects that belong to no program';
    item.contextValue = 'unassigned';
    return item;
  }

  override children(): PlanTreeNode[] {
    return this.projects.map((project) => new ProjectNode(this.context, project));
  }
}
