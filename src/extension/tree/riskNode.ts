import * as vscode from 'vscode';
import { riskLevel, type Risk } from '../../core';
import { EntityNode } from './node';

export class RiskNode extends EntityNode<Risk> {
  treeItem(): vscode.TreeItem {
    const risk = this.entity;
    const level = riskLevel(risk);
    const item = this.item(risk.title ?? risk.id ?? 'risk', vscode.TreeItemCollapsibleState.None);
    const color = risk.open && level === 'high' ? 'charts.red' : risk.open && level === 'medium' ? 'charts.yellow' : undefined;
    item.iconPath = new vscode.ThemeIcon('warning', color ? new vscode.ThemeColor(color) : undefined);
    item.description = `risk · ${risk.open ? (level ?? 'open') : 'closed'}`;
    return item;
  }
}
