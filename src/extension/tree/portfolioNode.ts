import * as vscode from 'vscode';
import { formatPercent, formatWindow, type Portfolio } from '../../core';
import { EntityNode, healthColor, type PlanTreeNode } from './node';
import { ProgramNode } from './programNode';

export class PortfolioNode extends EntityNode<Portfolio> {
  treeItem(): vscode.TreeItem {
    const portfolio = this.entity;
    const collapsible = portfolio.programs.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
    const item = this.item(portfolio.name ?? portfolio.id ?? '(no id)', collapsible);
    const rollup = this.context.analysis.rollup.portfolios.get(portfolio);
    item.iconPath = new vscode.ThemeIcon('briefcase', new vscode.ThemeColor(healthColor[rollup?.figures.health ?? 'green']));
    if (rollup) item.description = `${formatPercent(rollup.figures.progress)} · ${formatWindow(rollup.start, rollup.end)}`;
    return item;
  }

  override children(): PlanTreeNode[] {
    return this.entity.programs.map((program) => new ProgramNode(this.context, program));
  }
}
