/**
 * The program tree: portfolio › program › project › milestones, risks and issues, with health colour,
 * progress and dates. Nodes have stable ids, so a refresh keeps what was expanded.
 */
import * as vscode from 'vscode';
import {
  formatDay, formatPercent, formatWindow, riskLevel,
  type Analysis, type Entity, type Health, type Issue, type Milestone, type Portfolio, type Program, type Project, type Risk,
} from '../core';
import { describeEntity, locationOf, rollupOf } from './entities';
import type { PlanService } from './planService';

export type PlanNode =
  | { readonly type: 'entity'; readonly entity: Portfolio | Program | Project }
  | { readonly type: 'item'; readonly entity: Milestone | Risk | Issue }
  | { readonly type: 'unassigned'; readonly projects: readonly Project[] };

const healthColor: Record<Health, string> = { green: 'charts.green', amber: 'charts.yellow', red: 'charts.red' };

export class ProgramTreeProvider implements vscode.TreeDataProvider<PlanNode> {
  private readonly onDidChangeTreeDataEmitter = new vscode.EventEmitter<PlanNode | undefined>();
  readonly onDidChangeTreeData = this.onDidChangeTreeDataEmitter.event;
  private analysis: Analysis | undefined;

  constructor(private readonly plans: PlanService) {}

  refresh(analysis: Analysis): void {
    this.analysis = analysis;
    this.onDidChangeTreeDataEmitter.fire(undefined);
  }

  getChildren(node?: PlanNode): PlanNode[] {
    const analysis = this.analysis;
    if (!analysis) return [];
    const entity = (e: Portfolio | Program | Project): PlanNode => ({ type: 'entity', entity: e });
    const items = (owner: Program | Project): PlanNode[] =>
      [...owner.milestones, ...owner.risks, ...owner.issues].map((e) => ({ type: 'item', entity: e }));
    if (!node) {
      const { portfolios, programs, projects } = analysis.index;
      const roots: PlanNode[] = [...portfolios.map(entity), ...programs.filter((p) => !p.portfolio).map(entity)];
      const unassigned = projects.filter((p) => !p.program);
      if (unassigned.length > 0) roots.push({ type: 'unassigned', projects: unassigned });
      return roots;
    }
    if (node.type === 'unassigned') return node.projects.map(entity);
    if (node.type === 'item') return [];
    switch (node.entity.kind) {
      case 'portfolio':
        return node.entity.programs.map(entity);
      case 'program':
        return [...node.entity.projects.map(entity), ...items(node.entity)];
      case 'project':
        return items(node.entity);
    }
  }

  getTreeItem(node: PlanNode): vscode.TreeItem {
    if (node.type === 'unassigned') {
      const item = new vscode.TreeItem('Unassigned projects', vscode.TreeItemCollapsibleState.Collapsed);
      item.id = 'unassigned';
      item.iconPath = new vscode.ThemeIcon('question');
      item.description = `${node.projects.length}`;
      item.tooltip = 'Projects that belong to no program';
      item.contextValue = 'unassigned';
      return item;
    }
    const analysis = this.analysis!;
    return node.type === 'entity' ? this.entityItem(analysis, node.entity) : this.childItem(analysis, node.entity);
  }

  getParent(): undefined {
    return undefined;
  }

  private entityItem(analysis: Analysis, entity: Portfolio | Program | Project): vscode.TreeItem {
    const rollup = rollupOf(analysis, entity);
    const hasChildren =
      entity.kind === 'portfolio'
        ? entity.programs.length > 0
        : entity.kind === 'program'
          ? entity.projects.length + entity.milestones.length + entity.risks.length + entity.issues.length > 0
          : entity.milestones.length + entity.risks.length + entity.issues.length > 0;
    const item = new vscode.TreeItem(
      entity.name ?? entity.id ?? '(no id)',
      hasChildren ? (entity.kind === 'project' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded) : vscode.TreeItemCollapsibleState.None,
    );
    item.id = nodeId(entity);
    item.contextValue = entity.kind;
    const health = rollup?.figures.health ?? 'green';
    const cancelled = entity.kind === 'project' && analysis.rollup.projects.get(entity)?.cancelled;
    const icon = { portfolio: 'briefcase', program: 'layers', project: cancelled ? 'circle-slash' : 'circle-filled' }[entity.kind];
    item.iconPath = new vscode.ThemeIcon(icon, cancelled ? undefined : new vscode.ThemeColor(healthColor[health]));
    if (rollup) {
      const state = entity.kind === 'project' ? analysis.rollup.projects.get(entity)!.state : undefined;
      const parts = [formatPercent(rollup.figures.progress), formatWindow(rollup.start, rollup.end)];
      if (state && state !== 'active') parts.unshift(state);
      item.description = parts.join(' · ');
    }
    item.tooltip = describeEntity(analysis, entity, this.plans.config.analysis.defaultCurrency ?? 'USD');
    item.command = this.openCommand(entity);
    return item;
  }

  private childItem(analysis: Analysis, entity: Milestone | Risk | Issue): vscode.TreeItem {
    let label: string;
    let icon: vscode.ThemeIcon;
    let description: string;
    if (entity.kind === 'milestone') {
      const missed = analysis.rollup.statusDate > (entity.date?.value ?? Infinity) && !entity.done;
      label = entity.name ?? entity.id ?? 'milestone';
      icon = new vscode.ThemeIcon(entity.done ? 'pass' : 'milestone', missed ? new vscode.ThemeColor('charts.red') : undefined);
      description = `${entity.date ? formatDay(entity.date.value) : 'no date'}${entity.done ? ' · done' : missed ? ' · missed' : ''}`;
    } else if (entity.kind === 'risk') {
      const level = riskLevel(entity);
      label = entity.title ?? entity.id ?? 'risk';
      icon = new vscode.ThemeIcon('warning', entity.open && level === 'high' ? new vscode.ThemeColor('charts.red') : entity.open && level === 'medium' ? new vscode.ThemeColor('charts.yellow') : undefined);
      description = `risk · ${entity.open ? (level ?? 'open') : 'closed'}`;
    } else {
      label = entity.title ?? entity.id ?? 'issue';
      icon = new vscode.ThemeIcon(entity.open ? 'issues' : 'issue-closed', entity.open && (entity.severity === 'critical' || entity.severity === 'high') ? new vscode.ThemeColor('charts.red') : undefined);
      description = `issue · ${entity.open ? (entity.severity ?? 'open') : 'closed'}`;
    }
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = nodeId(entity);
    item.iconPath = icon;
    item.description = description;
    item.contextValue = entity.kind;
    item.tooltip = describeEntity(analysis, entity, this.plans.config.analysis.defaultCurrency ?? 'USD');
    item.command = this.openCommand(entity);
    return item;
  }

  private openCommand(entity: Entity): vscode.Command | undefined {
    const location = locationOf(this.plans, entity);
    if (!location) return undefined;
    return { command: 'vscode.open', title: 'Open definition', arguments: [location.uri, { selection: location.range, preserveFocus: false }] };
  }
}

export function registerProgramTree(context: vscode.ExtensionContext, plans: PlanService): ProgramTreeProvider {
  const provider = new ProgramTreeProvider(plans);
  const view = vscode.window.createTreeView('planAsCode.programs', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(
    view,
    plans.onDidAnalyze((analysis) => {
      provider.refresh(analysis);
      void vscode.commands.executeCommand('setContext', 'planAsCode.hasPlans', analysis.files.length > 0);
    }),
  );
  void vscode.commands.executeCommand('setContext', 'planAsCode.indexing', true);
  void plans.ready().then(() => vscode.commands.executeCommand('setContext', 'planAsCode.indexing', false));
  return provider;
}

/** Stable across refreshes (keeps expansion), unique even when an id is defined twice. */
function nodeId(entity: Entity): string {
  return `${entity.kind}:${entity.id ?? `#${entity.anchor[0]}`}@${entity.source.file.path}`;
}
