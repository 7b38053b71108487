import * as vscode from 'vscode';
import type { Program } from '../../core';
import { itemNodes } from './itemNodes';
import { EntityNode, type PlanTreeNode } from './node';
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
    return this.rolledUpItem(collapsible, 'layers', this.context.analysis.rollup.programs.get(program));
  }

  override children(): PlanTreeNode[] {
    return [...this.entity.projects.map((project) => new ProjectNode(this.context, project)), ...itemNodes(this.context, this.entity)];
  }
}
