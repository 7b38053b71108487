import * as vscode from 'vscode';
import type { Issue } from '../../core';
import { cancelledColor, EntityNode, inCancelledProject } from './node';

export class IssueNode extends EntityNode<Issue> {
  treeItem(): vscode.TreeItem {
    const issue = this.entity;
    const item = this.item(issue.title ?? issue.id ?? 'issue', vscode.TreeItemCollapsibleState.None);
    const severe = issue.open && (issue.severity === 'critical' || issue.severity === 'high');
    const cancelled = inCancelledProject(this.context, issue);
    item.iconPath = new vscode.ThemeIcon(issue.open ? 'issues' : 'issue-closed', cancelled ? cancelledColor : severe ? new vscode.ThemeColor('charts.red') : undefined);
    item.description = `issue · ${issue.open ? (issue.severity ?? 'open') : 'closed'}`;
    return item;
  }
}
