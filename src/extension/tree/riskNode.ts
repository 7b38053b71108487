import * as vscode from 'vscode';
import { riskLevel, type Risk } from '../../core';
import { cancelledColor, EntityNode, inCancelledProject } from './node';

export class RiskNode extends EntityNode<Risk> {
  treeItem(): vscode.TreeItem {
    const risk = this.entity;
    const level = riskLevel(risk);
    const item = this.item(risk.title ?? risk.id ?? 'risk', vscode.TreeItemCollapsibleState.None);
    const color = risk.open && level === 'high' ? 'charts.red' : risk.open && level === 'medium' ? 'charts.yellow' : undefined;
    const cancelled = inCancelledProject(this.context, risk);
    item.iconPath = new vscode.ThemeIcon('warning', cancelled ? cancelledColor : color ? new vscode.ThemeColor(color) : undefined);
    item.description = `risk · ${risk.open ? (level ?? 'open') : 'closed'}`;
    return item;
  }
}
