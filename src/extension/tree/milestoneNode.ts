import * as vscode from 'vscode';
import { formatDay, type Milestone } from '../../core';
import { EntityNode } from './node';

export class MilestoneNode extends EntityNode<Milestone> {
  treeItem(): vscode.TreeItem {
    const milestone = this.entity;
    const status = this.context.analysis.rollup.milestones.get(milestone)?.status;
    const item = this.item(milestone.name ?? milestone.id ?? 'milestone', vscode.TreeItemCollapsibleState.None);
    const missed = status === 'missed';
    item.iconPath = new vscode.ThemeIcon(status === 'done' ? 'pass' : 'milestone', missed ? new vscode.ThemeColor('charts.red') : undefined);
    item.description = `${milestone.date ? formatDay(milestone.date.value) : 'no date'}${status === 'done' ? ' · done' : missed ? ' · missed' : ''}`;
    return item;
  }
}
