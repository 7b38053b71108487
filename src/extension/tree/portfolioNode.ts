import * as vscode from 'vscode';
import type { Portfolio } from '../../core';
import { EntityNode, type PlanTreeNode } from './node';
import { ProgramNode } from './programNode';

export class PortfolioNode extends EntityNode<Portfolio> {
  treeItem(): vscode.TreeItem {
    const portfolio = this.entity;
    const collapsible = portfolio.programs.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
    return this.rolledUpItem(collapsible, 'briefcase', this.context.analysis.rollup.portfolios.get(portfolio));
  }

  override children(): PlanTreeNode[] {
    return this.entity.programs.map((program) => new ProgramNode(this.context, program));
  }
}
