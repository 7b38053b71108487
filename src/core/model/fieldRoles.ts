/**
 * The role of every entity field, declared once. The incremental analysis reads it to tell structure
 * from values and to fold a re-read entity into the old one (analysis/incremental.ts); the follow-on
 * filter reads it for the YAML keys each figure is computed from (analysis/followOn.ts). Each table is
 * typed over its entity's own fields, so a field added to an entity does not compile until it has a role.
 *
 * The fields every entity shares (`EntityBase`: kind, id, where it is written, its invalid keys) and a
 * project's or milestone's place in the last numbering (`Placed`) are not in the tables: they are the
 * entity itself, not one of its values.
 */
import type { EntityBase, Issue, Milestone, Person, Placed, Portfolio, Program, Project, Risk, TeamEntry } from './entities';

/**
 * - `link`: another entity, set by the nesting of the file (a parent, a list of children) or resolved by
 *   the index (`byIndex`); an edit of values keeps the old object's.
 * - `structure`: shapes the index or is read by every other file (ids referenced, status date, currency);
 *   a change of it is a full analysis.
 * - `dependency`: the ids a project or milestone depends on; a change of them links it again in the
 *   index and the schedule (incremental.ts), a full analysis only when it closes a cycle or opens one.
 * - `person`: a person named (a manager, an owner), read by nothing but its own problems, navigation and
 *   what is shown; a change of it links it again in the index (incremental.ts).
 * - `membership`: the program a project names (`program:`), the portfolio a program names (`portfolio:`);
 *   a change of it links it again in the index and moves it from one holder's list to the other's, whose
 *   float, rollups and problems are then worked out again (incremental.ts).
 * - `staffing`: the person a team entry names; a change of it links it again in the index and gathers
 *   everyone's team entries again, then the loads of the people it took the entry from and gave it to
 *   (incremental.ts).
 * - `schedule`: what dates are computed from (or a date itself).
 * - `money`: what earned value and costs are computed from.
 * - `status`: a state or an assessment the checks and the health read (state, done, likelihood…).
 * - `display`: shown, computed from by nothing.
 */
export type Role = 'link' | 'structure' | 'dependency' | 'person' | 'membership' | 'staffing' | 'schedule' | 'money' | 'status' | 'display';

/**
 * The figures whose inputs a field is (the follow-on filter silences a figure's warnings when one of its
 * inputs was rejected, SPEC 6):
 * - `dates`: the entity's dates (a project's start and end, a milestone's date).
 * - `forecast`: its forecast and outlook (not money: SPI is EV / PV, in which BAC cancels out).
 * - `money`: its earned value and costs.
 * - `health`: what a risk or an issue adds to its holder's health (its level, its severity, whether it is open).
 *   A project's or program's health is judged reason by reason, by the inputs of each (followOn.ts).
 * - `load`: the load of the people on its team on the plan basis, as the checks read it (whether the project
 *   counts; a team entry's own allocation is told apart by the entry: TeamEntry.rejected).
 */
export type Figure = 'dates' | 'forecast' | 'money' | 'health' | 'load';

export interface FieldRole {
  readonly role: Role;
  /** The YAML key it is read from, when not the field's name; null when it has none (a parent, or set by the index). */
  readonly key?: string | null;
  /** (link) Resolved by the index across files, not by the nesting of the file: not part of the file's structure. */
  readonly byIndex?: true;
  /** The figures it is an input of. */
  readonly inputs?: readonly Figure[];
}

/** A table over an entity's own fields (all of them: a missing or an unknown field does not compile). */
type Table<E> = Record<Exclude<keyof E, keyof EntityBase | keyof Placed | 'kind'>, FieldRole>;

const display: FieldRole = { role: 'display' };
const structure: FieldRole = { role: 'structure' };
const person: FieldRole = { role: 'person' };
const resolved: FieldRole = { role: 'link', key: null, byIndex: true };
/** A project's start, end and duration. */
const dates: FieldRole = { role: 'schedule', inputs: ['dates', 'forecast'] };

export const portfolioFields = {
  name: display,
  owner: person,
  statusDate: { role: 'structure', key: 'status_date' },
  inlinePrograms: { role: 'link', key: 'programs' },
  programs: resolved,
} as const satisfies Table<Portfolio>;

export const programFields = {
  name: display,
  manager: person,
  portfolioRef: { role: 'membership', key: 'portfolio' },
  parentPortfolio: { role: 'link', key: null },
  goal: display,
  budget: { role: 'money', inputs: ['money'] },
  currency: structure,
  start: { role: 'schedule', inputs: ['dates'] },
  end: { role: 'schedule', inputs: ['dates'] },
  health: { role: 'status' },
  statusDate: { role: 'structure', key: 'status_date' },
  benefits: { role: 'money' },
  milestones: { role: 'link' },
  risks: { role: 'link' },
  issues: { role: 'link' },
  inlineProjects: { role: 'link', key: 'projects', inputs: ['money'] },
  portfolio: resolved,
  projects: resolved,
} as const satisfies Table<Program>;

export const projectFields = {
  name: display,
  programRef: { role: 'membership', key: 'program' },
  parentProgram: { role: 'link', key: null },
  manager: person,
  start: dates,
  end: dates,
  duration: dates,
  dependsOn: { role: 'dependency', key: 'depends_on', inputs: ['dates', 'forecast'] },
  budget: { role: 'money', inputs: ['money'] },
  spent: { role: 'money', inputs: ['money'] },
  progress: { role: 'money', inputs: ['money', 'forecast'] },
  state: { role: 'status', inputs: ['money', 'forecast', 'load'] },
  health: { role: 'status' },
  baseline: { role: 'money', inputs: ['money', 'forecast'] },
  benefits: { role: 'money' },
  milestones: { role: 'link' },
  risks: { role: 'link' },
  issues: { role: 'link' },
  /** Structure by its number of entries; the person of each is `staffing` (teamEntryFields). */
  team: { role: 'structure' },
  tags: display,
  program: resolved,
} as const satisfies Table<Project>;

export const milestoneFields = {
  name: display,
  date: { role: 'schedule', inputs: ['dates', 'forecast'] },
  done: { role: 'status', inputs: ['forecast'] },
  dependsOn: { role: 'dependency', key: 'depends_on', inputs: ['dates', 'forecast'] },
  parent: { role: 'link', key: null },
} as const satisfies Table<Milestone>;

export const riskFields = {
  title: display,
  likelihood: { role: 'status', inputs: ['health'] },
  impact: { role: 'status', inputs: ['health'] },
  mitigation: { role: 'status', inputs: ['health'] },
  owner: person,
  open: { role: 'status', key: 'state', inputs: ['health'] },
  parent: { role: 'link', key: null },
} as const satisfies Table<Risk>;

export const issueFields = {
  title: display,
  severity: { role: 'status', inputs: ['health'] },
  owner: person,
  open: { role: 'status', key: 'state', inputs: ['health'] },
  raised: display,
  due: { role: 'schedule' },
  parent: { role: 'link', key: null },
} as const satisfies Table<Issue>;

export const personFields = {
  name: display,
  role: display,
  capacity: { role: 'schedule', inputs: ['load'] },
} as const satisfies Table<Person>;

export const teamEntryFields = {
  person: { role: 'staffing', inputs: ['load'] },
  allocation: { role: 'schedule', inputs: ['load'] },
  rejected: { role: 'schedule', key: 'allocation', inputs: ['load'] },
} as const satisfies Record<keyof TeamEntry, FieldRole>;

/** Each kind's table. */
export const entityFields = {
  portfolio: portfolioFields,
  program: programFields,
  project: projectFields,
  milestone: milestoneFields,
  risk: riskFields,
  issue: issueFields,
  person: personFields,
} as const;

export type FieldTable = Readonly<Record<string, FieldRole>>;

/** The YAML key of a field: its own name unless the table says otherwise. */
export function yamlKey(table: FieldTable, field: string): string | undefined {
  const key = table[field].key;
  return key === undefined ? field : key ?? undefined;
}

/** The YAML keys of the fields of `table` that are inputs of `figure` (each once). */
export function inputKeys(table: FieldTable, figure: Figure): string[] {
  return unique(Object.keys(table).filter((field) => table[field].inputs?.includes(figure)).map((field) => yamlKey(table, field)));
}

/** The YAML keys of the fields named (typed: a field renamed or removed does not compile). */
export function keysOf<T extends FieldTable>(table: T, ...fields: ReadonlyArray<keyof T & string>): string[] {
  return unique(fields.map((field) => yamlKey(table, field)));
}

/** The fields of `table` with one of these roles. */
export function fieldsWithRole<T extends FieldTable>(table: T, ...roles: readonly Role[]): Array<keyof T & string> {
  return Object.keys(table).filter((field) => roles.includes(table[field].role));
}

function unique(keys: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(keys.filter((key): key is string => key !== undefined))];
}
