import * as vscode from 'vscode';
import { displayName, formatPercent, formatWindow, type Project } from '../../core';
import { itemNodes } from './itemNodes';
import { cancelledColor, EntityNode, healthColor, type PlanTreeNode } from './node';

export class ProjectNode extends EntityNode<Project> {
  treeItem(): vscode.TreeItem {
    const project = this.entity;
    const hasChildren = project.milestones.length + project.risks.length + project.issues.length > 0;
    const item = this.item(displayName(project), hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    const rollup = this.context.analysis.rollup.projects.get(project);
    if (!rollup) return item;
    item.iconPath = rollup.cancelled || rollup.figures.health === null
      ? new vscode.ThemeIcon('circle-slash', cancelledColor)
      : new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(healthColor[rollup.figures.health]));
    const parts = [formatPercent(rollup.figures.progress), formatWindow(rollup.start, rollup.end)];
    if (rollup.state !== 'active') parts.unshift(rollup.state);
    item.description = parts.join(' · ');
    return item;
  }

  override children(): PlanTreeNode[] {
    return itemNodes(this.context, this.entity);
  }
}
