/**
 * The People view (SPEC 10 "In VS Code"), beside the Plans view: person › projects with allocation, the
 * person's peak against capacity and first period over capacity in the description, every period in the
 * tooltip, people over capacity first (red icon); a project row opens the person's team entry. It follows
 * every analysis, as the Plans view does.
 */
import * as vscode from 'vscode';
import { peopleView, type Analysis, type PersonProjectView, type PersonView } from '../../core';
import { spanToRange } from '../coreToVscode';
import { describeEntity, locationOf } from '../describe';
import type { PlanService } from '../planService';
import { LiveTreeProvider, registerLiveTree } from './liveTree';

export type PeopleTreeNode = PersonNode | PersonProjectNode;

export class PersonNode {
  readonly kind = 'person';
  constructor(
    readonly view: PersonView,
    private readonly plans: PlanService,
    private readonly analysis: Analysis,
  ) {}

  treeItem(): vscode.TreeItem {
    const { person } = this.view;
    const item = new vscode.TreeItem(person.name ?? person.id, this.view.projects.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `person:${person.id}@${person.source.file.path}`;
    item.contextValue = this.view.overloaded ? 'person.overloaded' : 'person';
    item.description = [person.role, this.view.summary].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(this.view.overloaded ? 'warning' : 'person', this.view.overloaded ? new vscode.ThemeColor('charts.red') : undefined);
    const location = locationOf(this.plans, person);
    if (location) item.command = { command: 'vscode.open', title: 'Open definition', arguments: [location.uri, { selection: location.range, preserveFocus: false }] };
    return item;
  }

  tooltip(): vscode.MarkdownString {
    return describeEntity(this.analysis, this.view.person, this.plans.config.defaultCurrency);
  }

  children(): PeopleTreeNode[] {
    return this.view.projects.map((row) => new PersonProjectNode(this.view, row, this.plans));
  }
}

export class PersonProjectNode {
  readonly kind = 'project';
  constructor(
    readonly personView: PersonView,
    readonly row: PersonProjectView,
    private readonly plans: PlanService,
  ) {}

  /** Where the click goes: the person's first team entry on the project (its `person:` value). */
  location(): vscode.Location | undefined {
    const entry = this.row.entries[0];
    const uri = this.plans.uriOf(entry.person.source.file.path);
    return uri ? new vscode.Location(uri, spanToRange(entry.person.source.file, entry.person.span)) : undefined;
  }

  treeItem(): vscode.TreeItem {
    const { project } = this.row;
    const item = new vscode.TreeItem(project.name ?? project.id ?? '(no id)', vscode.TreeItemCollapsibleState.None);
    item.id = `person:${this.personView.person.id}@${this.personView.person.source.file.path}>project:${project.id ?? `#${project.anchor[0]}`}@${project.source.file.path}`;
    item.contextValue = 'personProject';
    const inPeriod = this.personView.load.overallocations.some((o) => o.projects.includes(project));
    item.description = `${this.row.allocation}%${this.row.entries.length > 1 ? ` (${this.row.entries.length} entries)` : ''}${inPeriod ? ' · in a period over capacity' : ''}`;
    item.iconPath = new vscode.ThemeIcon('circle-filled', inPeriod ? new vscode.ThemeColor('charts.red') : undefined);
    const location = this.location();
    if (location) item.command = { command: 'vscode.open', title: 'Open team entry', arguments: [location.uri, { selection: location.range, preserveFocus: false }] };
    return item;
  }

  tooltip(): string {
    return `${this.personView.person.name ?? this.personView.person.id} on ${this.row.project.name ?? this.row.project.id}: ${this.row.allocation}%`;
  }

  children(): PeopleTreeNode[] {
    return [];
  }
}

export class PeopleTreeProvider extends LiveTreeProvider<PeopleTreeNode> {
  /** The people of `analysis`, the load model worked out when the view asks. */
  protected rootsOf(analysis: Analysis): PeopleTreeNode[] {
    return peopleView(analysis).map((view) => new PersonNode(view, this.plans, analysis));
  }
}

export function registerPeopleTree(context: vscode.ExtensionContext, plans: PlanService): PeopleTreeProvider {
  const provider = new PeopleTreeProvider(plans);
  registerLiveTree(context, plans, 'planAsCode.people', provider);
  return provider;
}
