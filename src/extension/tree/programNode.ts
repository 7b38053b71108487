import * as vscode from 'vscode';
import { formatPercent, formatWindow, type Program } from '../../core';
import { itemNodes } from './itemNodes';
import { EntityNode, healthColor, type PlanTreeNode } from './node';
import { ProjectNode } from './projectNode';

/**
 * A program with more projects than this starts collapsed: a portfolio of large programs opens as the
 * list of its programs, not as thousands of rows (which VS Code would also fetch again on every refresh).
 */
export const EXPANDED_UP_TO = 50;

export class ProgramNode extends EntityNode<Program> {
  treeItem(): vscode.TreeItem {
    const program = this.entity;
    const hasChildren = program.projects.length + program.milestones.length + program.risks.length + program.issues.length > 0;
    const collapsible = !hasChildren
      ? vscode.TreeItemCollapsibleState.None
      : program.projects.length > EXPANDED_UP_TO ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
    const item = this.item(program.name ?? program.id ?? '(no id)', collapsible);
    const rollup = this.context.analysis.rollup.programs.get(program);
    item.iconPath = new vscode.ThemeIcon('layers', new vscode.ThemeColor(healthColor[rollup?.figures.health ?? 'green']));
    if (rollup) item.description = `${formatPercent(rollup.figures.progress)} · ${formatWindow(rollup.start, rollup.end)}`;
    return item;
  }

  override children(): PlanTreeNode[] {
    return [...this.entity.projects.map((project) => new ProjectNode(this.context, project)), ...itemNodes(this.context, this.entity)];
  }
}
