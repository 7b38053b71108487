import * as vscode from 'vscode';
import { displayName, formatDay, type Milestone } from '../../core';
import { cancelledColor, EntityNode, inCancelledProject } from './node';

/** Icons by status: a done check, a red missed mark, an amber at-risk mark, a plain milestone. */
const icons = {
  done: new vscode.ThemeIcon('pass'),
  missed: new vscode.ThemeIcon('milestone', new vscode.ThemeColor('charts.red')),
  'at-risk': new vscode.ThemeIcon('warning', new vscode.ThemeColor('charts.yellow')),
  'on-track': new vscode.ThemeIcon('milestone'),
  cancelled: new vscode.ThemeIcon('milestone', new vscode.ThemeColor('disabledForeground')),
} as const;

export class MilestoneNode extends EntityNode<Milestone> {
  treeItem(): vscode.TreeItem {
    const milestone = this.entity;
    const outlook = this.context.analysis.rollup.milestones.get(milestone);
    const status = outlook?.status ?? 'on-track';
    const item = this.item(displayName(milestone), vscode.TreeItemCollapsibleState.None);
    const cancelled = inCancelledProject(this.context, milestone);
    item.iconPath = cancelled ? new vscode.ThemeIcon('milestone', cancelledColor) : icons[status];
    const date = milestone.date ? formatDay(milestone.date.value) : 'no date';
    const suffix =
      status === 'done' ? ' · done' : status === 'missed' ? ' · missed' : status === 'at-risk' && outlook?.forecast != null ? ` · at risk → ${formatDay(outlook.forecast)}` : '';
    item.description = `${date}${cancelled ? ' · project cancelled' : suffix}`;
    return item;
  }
}
