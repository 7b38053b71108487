/**
 * The Plans and People views as rows of plain data: what an editor draws for each node (label,
 * description, icon, whether it opens, where a click goes) and a handle (`id`) to ask for its children or
 * its tooltip. The language server answers the views' requests with these (SPEC 13: the views get what
 * they show from the server); the VS Code extension only turns them into tree items.
 *
 * Ids are stable across analyses (VS Code keeps a node's expansion by id) and unique even when an entity
 * id is written twice: `<kind>:<id or #offset>@<file>`; a person's project row adds `>` and the project's.
 */
import type { Range } from '../base/positions';
import { formatDay } from '../base/dates';
import type { Analysis } from '../analysis/workspace';
import { riskLevel } from '../analysis/rules';
import type { Entity, Issue, Milestone, Person, Portfolio, Program, Project, Risk } from '../model/entities';
import { describeEntity, type DescriptionPart } from './describe';
import { displayName } from './entityView';
import { formatPercent, formatWindow } from './format';
import { peopleView, type PersonProjectView, type PersonView } from './peopleView';

/** An icon by its codicon name, in a theme colour by its name (VS Code's `ThemeIcon` / `ThemeColor`). */
export type RowIcon = Readonly<{ name: string; color?: string }>;

export type RowCollapse = 'none' | 'collapsed' | 'expanded';

/** Where a click on a row goes: a file (the core's name for it) and a range in it. */
export type RowTarget = Readonly<{ file: string; range: Range; title: string }>;

export type TreeRow = Readonly<{
  id: string;
  label: string;
  description?: string;
  icon?: RowIcon;
  collapse: RowCollapse;
  /** What the row is, for menus (`program`, `person.overloaded`, …). */
  contextValue: string;
  /** The id of the entity the row stands for, when it has one (for commands such as Open Roadmap on a program). */
  entity?: string;
  target?: RowTarget;
  /** A plain tooltip given with the row; rows without one have a Markdown tooltip asked for on hover. */
  tooltip?: string;
}>;

/**
 * A program with more projects than this starts collapsed: a portfolio of large programs opens as the
 * list of its programs, not as thousands of rows (which VS Code would also fetch again on every refresh).
 */
export const EXPANDED_UP_TO = 50;

const UNASSIGNED = 'unassigned';

const healthColor = { green: 'charts.green', amber: 'charts.yellow', red: 'charts.red' } as const;
/** The colour of whatever is cancelled: grey, whatever its figures say. */
const cancelledColor = 'disabledForeground';

/** Milestone icons by status: a done check, a red missed mark, an amber at-risk mark, a plain milestone. */
const milestoneIcons: Record<string, RowIcon> = {
  done: { name: 'pass' },
  missed: { name: 'milestone', color: 'charts.red' },
  'at-risk': { name: 'warning', color: 'charts.yellow' },
  'on-track': { name: 'milestone' },
};

type TreeEntity = Portfolio | Program | Project | Milestone | Risk | Issue;

/** A node's id: stable across refreshes (keeps expansion), unique even when an id is defined twice. */
export function entityRowId(entity: Entity): string {
  return `${entity.kind}:${entity.id ?? `#${entity.anchor[0]}`}@${entity.source.file.path}`;
}

/** What every entity's row has: its id, the entity's id, where a click goes. */
function entityRow(entity: Entity): Pick<TreeRow, 'id' | 'entity' | 'target'> {
  return { id: entityRowId(entity), ...(entity.id ? { entity: entity.id } : {}), target: targetOf(entity) };
}

function targetOf(entity: Entity, title = 'Open definition'): RowTarget {
  return { file: entity.source.file.path, range: entity.source.file.lines.rangeOf(entity.anchor), title };
}

/** The entities of the Plans view by row id, made once per index (an edit of values keeps the index). */
const entitiesByRow = new WeakMap<Analysis['index'], Map<string, TreeEntity>>();

function entityOfRow(analysis: Analysis, id: string): TreeEntity | undefined {
  let map = entitiesByRow.get(analysis.index);
  if (!map) {
    map = new Map();
    const { portfolios, programs, projects } = analysis.index;
    for (const container of [...portfolios, ...programs, ...projects] as Array<Portfolio | Program | Project>) {
      map.set(entityRowId(container), container);
      if (container.kind === 'portfolio') continue;
      for (const item of [...container.milestones, ...container.risks, ...container.issues]) map.set(entityRowId(item), item);
    }
    entitiesByRow.set(analysis.index, map);
  }
  return map.get(id);
}

/**
 * The rows under `parent` in the Plans view (the top rows without one): portfolios, then programs of no
 * portfolio, then "Unassigned projects"; a portfolio's programs; a program's projects then its
 * milestones, risks and issues; a project's milestones, risks and issues. Undefined for an id the
 * analysis does not have (the view refreshes after each analysis anyway).
 */
export function planTreeRows(analysis: Analysis, parent?: string): TreeRow[] | undefined {
  if (parent === undefined) {
    const { portfolios, programs, projects } = analysis.index;
    const rows = [...portfolios.map((p) => portfolioRow(analysis, p)), ...programs.filter((p) => !p.portfolio).map((p) => programRow(analysis, p))];
    const unassigned = projects.filter((project) => !project.program);
    if (unassigned.length > 0) {
      rows.push({
        id: UNASSIGNED,
        label: 'Unassigned projects',
        description: `${unassigned.length}`,
        icon: { name: 'question' },
        collapse: 'collapsed',
        contextValue: UNASSIGNED,
        tooltip: 'Projects that belong to no program',
      });
    }
    return rows;
  }
  if (parent === UNASSIGNED) return analysis.index.projects.filter((project) => !project.program).map((p) => projectRow(analysis, p));
  const entity = entityOfRow(analysis, parent);
  switch (entity?.kind) {
    case 'portfolio':
      return entity.programs.map((p) => programRow(analysis, p));
    case 'program':
      return [...entity.projects.map((p) => projectRow(analysis, p)), ...itemRows(analysis, entity)];
    case 'project':
      return itemRows(analysis, entity);
    case undefined:
      return undefined;
    default:
      return [];
  }
}

/** The Markdown tooltip of a Plans view row: the entity and, for portfolio/program/project, its rolled-up figures. */
export function planTreeTooltip(analysis: Analysis, id: string, defaultCurrency: string): DescriptionPart[] | undefined {
  const entity = entityOfRow(analysis, id);
  return entity ? describeEntity(analysis, entity, defaultCurrency) : undefined;
}

function rolledUpRow(entity: Portfolio | Program, collapse: RowCollapse, icon: string, analysis: Analysis): TreeRow {
  const rollup = entity.kind === 'portfolio' ? analysis.rollup.portfolios.get(entity) : analysis.rollup.programs.get(entity);
  return {
    ...entityRow(entity),
    label: displayName(entity),
    ...(rollup ? { description: `${formatPercent(rollup.figures.progress)} · ${formatWindow(rollup.start, rollup.end)}` } : {}),
    icon: { name: icon, color: healthColor[rollup?.figures.health ?? 'green'] },
    collapse,
    contextValue: entity.kind,
  };
}

function portfolioRow(analysis: Analysis, portfolio: Portfolio): TreeRow {
  return rolledUpRow(portfolio, portfolio.programs.length > 0 ? 'expanded' : 'none', 'briefcase', analysis);
}

function programRow(analysis: Analysis, program: Program): TreeRow {
  const hasChildren = program.projects.length + program.milestones.length + program.risks.length + program.issues.length > 0;
  return rolledUpRow(program, !hasChildren ? 'none' : program.projects.length > EXPANDED_UP_TO ? 'collapsed' : 'expanded', 'layers', analysis);
}

function projectRow(analysis: Analysis, project: Project): TreeRow {
  const hasChildren = project.milestones.length + project.risks.length + project.issues.length > 0;
  const row = { ...entityRow(project), label: displayName(project), collapse: hasChildren ? 'collapsed' : 'none', contextValue: 'project' } as const;
  const rollup = analysis.rollup.projects.get(project);
  if (!rollup) return row;
  const parts = [formatPercent(rollup.figures.progress), formatWindow(rollup.start, rollup.end)];
  if (rollup.state !== 'active') parts.unshift(rollup.state);
  const icon = rollup.cancelled || rollup.figures.health === null ? { name: 'circle-slash', color: cancelledColor } : { name: 'circle-filled', color: healthColor[rollup.figures.health] };
  return { ...row, description: parts.join(' · '), icon };
}

/** The milestones, risks and issues of a program or project, in that order. */
function itemRows(analysis: Analysis, owner: Program | Project): TreeRow[] {
  const cancelled = owner.kind === 'project' && analysis.rollup.projects.get(owner)?.cancelled === true;
  return [
    ...owner.milestones.map((m) => milestoneRow(analysis, m, cancelled)),
    ...owner.risks.map((r) => riskRow(r, cancelled)),
    ...owner.issues.map((i) => issueRow(i, cancelled)),
  ];
}

function itemRow(entity: Milestone | Risk | Issue, label: string, description: string, icon: RowIcon): TreeRow {
  return { ...entityRow(entity), label, description, icon, collapse: 'none', contextValue: entity.kind };
}

function milestoneRow(analysis: Analysis, milestone: Milestone, cancelled: boolean): TreeRow {
  const outlook = analysis.rollup.milestones.get(milestone);
  const status = outlook?.status ?? 'on-track';
  const date = milestone.date ? formatDay(milestone.date.value) : 'no date';
  const suffix =
    status === 'done' ? ' · done' : status === 'missed' ? ' · missed' : status === 'at-risk' && outlook?.forecast != null ? ` · at risk → ${formatDay(outlook.forecast)}` : '';
  const icon = cancelled ? { name: 'milestone', color: cancelledColor } : milestoneIcons[status];
  return itemRow(milestone, displayName(milestone), `${date}${cancelled ? ' · project cancelled' : suffix}`, icon);
}

function riskRow(risk: Risk, cancelled: boolean): TreeRow {
  const level = riskLevel(risk);
  const color = cancelled ? cancelledColor : risk.open && level === 'high' ? 'charts.red' : risk.open && level === 'medium' ? 'charts.yellow' : undefined;
  return itemRow(risk, risk.title ?? risk.id ?? 'risk', `risk · ${risk.open ? (level ?? 'open') : 'closed'}`, color ? { name: 'warning', color } : { name: 'warning' });
}

function issueRow(issue: Issue, cancelled: boolean): TreeRow {
  const severe = issue.open && (issue.severity === 'critical' || issue.severity === 'high');
  const color = cancelled ? cancelledColor : severe ? 'charts.red' : undefined;
  const name = issue.open ? 'issues' : 'issue-closed';
  return itemRow(issue, issue.title ?? issue.id ?? 'issue', `issue · ${issue.open ? (issue.severity ?? 'open') : 'closed'}`, color ? { name, color } : { name });
}

/** The People view of an analysis (its load model), worked out once per analysis. */
const peopleViews = new WeakMap<Analysis, { readonly views: readonly PersonView[]; readonly byRow: Map<string, PersonView> }>();

function peopleOf(analysis: Analysis) {
  let people = peopleViews.get(analysis);
  if (!people) {
    const views = peopleView(analysis);
    people = { views, byRow: new Map(views.map((view) => [personRowId(view.person), view])) };
    peopleViews.set(analysis, people);
  }
  return people;
}

function personRowId(person: Person): string {
  return `person:${person.id}@${person.source.file.path}`;
}

/**
 * The rows under `parent` in the People view: everyone (those over capacity first), or a person's
 * projects with allocation. Undefined for an id the analysis does not have.
 */
export function peopleTreeRows(analysis: Analysis, parent?: string): TreeRow[] | undefined {
  const people = peopleOf(analysis);
  if (parent === undefined) return people.views.map(personRow);
  const view = people.byRow.get(parent);
  return view?.projects.map((row) => personProjectRow(view, row));
}

/** The Markdown tooltip of a person's row (their figures and periods over capacity). */
export function peopleTreeTooltip(analysis: Analysis, id: string, defaultCurrency: string): DescriptionPart[] | undefined {
  const view = peopleOf(analysis).byRow.get(id);
  return view ? describeEntity(analysis, view.person, defaultCurrency) : undefined;
}

function personRow(view: PersonView): TreeRow {
  const { person, overloaded } = view;
  return {
    id: personRowId(person),
    ...(person.id ? { entity: person.id } : {}),
    label: person.name ?? person.id ?? '',
    description: [person.role, view.summary].filter(Boolean).join(' · '),
    icon: overloaded ? { name: 'warning', color: 'charts.red' } : { name: 'person' },
    collapse: view.projects.length > 0 ? 'collapsed' : 'none',
    contextValue: overloaded ? 'person.overloaded' : 'person',
    target: targetOf(person),
  };
}

/** A person's project row; a click opens the person's first team entry on it (its `person:` value). */
function personProjectRow(view: PersonView, row: PersonProjectView): TreeRow {
  const { person } = view;
  const { project, entries } = row;
  const inPeriod = view.load.overallocations.some((o) => o.projects.includes(project));
  const entry = entries[0].person;
  return {
    id: `${personRowId(person)}>project:${project.id ?? `#${project.anchor[0]}`}@${project.source.file.path}`,
    label: project.name ?? project.id ?? '(no id)',
    description: `${row.allocation}%${entries.length > 1 ? ` (${entries.length} entries)` : ''}${inPeriod ? ' · in a period over capacity' : ''}`,
    icon: inPeriod ? { name: 'circle-filled', color: 'charts.red' } : { name: 'circle-filled' },
    collapse: 'none',
    contextValue: 'personProject',
    target: { file: entry.source.file.path, range: entry.source.file.lines.rangeOf(entry.span), title: 'Open team entry' },
    tooltip: `${person.name ?? person.id} on ${project.name ?? project.id}: ${row.allocation}%`,
  };
}
