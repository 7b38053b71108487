import * as vscode from 'vscode';
import { formatPercent, formatWindow, type Program } from '../../core';
import { itemNodes } from './itemNodes';
import { EntityNode, healthColor, type PlanTreeNode } from './node';
import { ProjectNode } from './projectNode';

export class ProgramNode extends EntityNode<Program> {
  treeItem(): vscode.TreeItem {
    const program = this.entity;
    const hasChildren = program.projects.length + program.milestones.length + program.risks.length + program.issues.length > 0;
    const item = this.item(program.name ?? program.id ?? '(no id)', hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    const rollup = this.context.analysis.rollup.programs.get(program);
    item.iconPath = new vscode.ThemeIcon('layers', new vscode.ThemeColor(healthColor[rollup?.figures.health ?? 'green']));
    if (rollup) item.description = `${formatPercent(rollup.figures.progress)} · ${formatWindow(rollup.start, rollup.end)}`;
    return item;
  }

  override children(): PlanTreeNode[] {
    return [...this.entity.projects.map((project) => new ProjectNode(this.context, project)), ...itemNodes(this.context, this.entity)];
  }
}
