/**
 * Writes a workspace model as plan files (block YAML, `---` between documents) and records where some
 * values stand, so the test can say on which line and column a diagnostic must be reported.
 */
import type { Benefit, Document, Issue, Milestone, Person, PlanFileModel, Portfolio, Program, Project, Risk, TeamEntry, Workspace } from './model';

/** 1-based line and column of a written value. */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Where each tracked value was written: entity object → key → place of its value. */
export type Places = Map<object, Map<string, Place>>;

export interface WrittenFile {
  readonly path: string;
  readonly text: string;
}

type Value =
  | { readonly scalar: string }
  | { readonly flow: readonly string[] }
  | { readonly map: readonly Entry[] }
  | { readonly list: ReadonlyArray<readonly Entry[]> };

/** One key of a mapping; with `owner`, the writer records the value's place under (owner, key). */
interface Entry {
  readonly key: string;
  readonly value: Value | undefined;
  readonly owner?: object;
}

/** Plain text, a date, a duration or a number as written; anything else double-quoted. */
const text = (value: string | undefined): Value | undefined => {
  if (value === undefined) return undefined;
  const plain = /^[A-Za-z][A-Za-z0-9 _.,()-]*[A-Za-z0-9)]$|^[A-Za-z]$/.test(value) || /^\d{4}-\d{2}-\d{2}$/.test(value) || /^\d+[dw]$/.test(value);
  return { scalar: plain ? value : JSON.stringify(value) };
};
const number = (value: string | number | undefined): Value | undefined => (value === undefined ? undefined : { scalar: String(value) });
const flag = (value: boolean | undefined): Value | undefined => (value === undefined ? undefined : { scalar: String(value) });
const flow = (ids: readonly string[] | undefined): Value | undefined => (ids === undefined ? undefined : { flow: ids });
const list = <T>(items: readonly T[], entries: (item: T) => Entry[]): Value | undefined => (items.length === 0 ? undefined : { list: items.map(entries) });

class Writer {
  readonly lines: string[] = [];
  constructor(
    private readonly file: string,
    private readonly places: Places,
  ) {}

  private record(owner: object | undefined, key: string, column: number): void {
    if (!owner) return;
    let keys = this.places.get(owner);
    if (!keys) this.places.set(owner, (keys = new Map()));
    keys.set(key, { file: this.file, line: this.lines.length, column });
  }

  /** Writes a mapping at `indent`; `dash` starts it as a sequence item. */
  mapping(entries: readonly Entry[], indent: number, dash = false): void {
    let prefix = ' '.repeat(indent) + (dash ? '- ' : '');
    const inner = indent + (dash ? 2 : 0);
    for (const { key, value, owner } of entries) {
      if (value === undefined) continue;
      const head = `${prefix}${key}:`;
      prefix = ' '.repeat(inner);
      if ('scalar' in value) {
        this.lines.push(`${head} ${value.scalar}`);
        this.record(owner, key, head.length + 2);
      } else if ('flow' in value) {
        this.lines.push(`${head} [${value.flow.join(', ')}]`);
      } else if ('map' in value) {
        this.lines.push(head);
        this.mapping(value.map, inner + 2);
      } else {
        this.lines.push(head);
        for (const item of value.list) this.mapping(item, inner + 2, true);
      }
    }
  }
}

const milestone = (m: Milestone): Entry[] => [
  { key: 'id', value: text(m.id) },
  { key: 'name', value: text(m.name) },
  { key: 'date', value: text(m.date), owner: m },
  { key: 'done', value: flag(m.done) },
  { key: 'depends_on', value: flow(m.depends_on) },
];

const risk = (r: Risk): Entry[] => [
  { key: 'id', value: text(r.id) },
  { key: 'title', value: text(r.title) },
  { key: 'likelihood', value: number(r.likelihood) },
  { key: 'impact', value: number(r.impact) },
  { key: 'mitigation', value: text(r.mitigation) },
  { key: 'state', value: text(r.state) },
];

const issue = (i: Issue): Entry[] => [
  { key: 'id', value: text(i.id) },
  { key: 'title', value: text(i.title) },
  { key: 'severity', value: text(i.severity) },
  { key: 'state', value: text(i.state) },
  { key: 'due', value: text(i.due), owner: i },
];

const benefit = (b: Benefit): Entry[] => [
  { key: 'name', value: text(b.name) },
  { key: 'value', value: number(b.value) },
  { key: 'realized', value: number(b.realized) },
];

const project = (p: Project): Entry[] => [
  { key: 'id', value: text(p.id) },
  { key: 'name', value: text(p.name) },
  { key: 'program', value: text(p.program) },
  { key: 'start', value: text(p.start) },
  { key: 'end', value: text(p.end) },
  { key: 'duration', value: text(p.duration) },
  { key: 'depends_on', value: flow(p.depends_on) },
  { key: 'budget', value: number(p.budget) },
  ...(p.rejectedBudget ? [{ key: p.rejectedBudget.key, value: { scalar: p.rejectedBudget.text }, owner: p.rejectedBudget }] : []),
  { key: 'spent', value: number(p.spent), owner: p },
  { key: 'progress', value: number(p.progress) },
  { key: 'state', value: text(p.state) },
  { key: 'health', value: text(p.health), owner: p },
  {
    key: 'baseline',
    value: p.baseline && {
      map: [
        { key: 'start', value: text(p.baseline.start) },
        { key: 'end', value: text(p.baseline.end) },
        { key: 'budget', value: number(p.baseline.budget) },
      ],
    },
  },
  { key: 'benefits', value: list(p.benefits, benefit) },
  { key: 'milestones', value: list(p.milestones, milestone) },
  { key: 'risks', value: list(p.risks, risk) },
  { key: 'issues', value: list(p.issues, issue) },
  { key: 'team', value: list(p.team ?? [], teamEntry) },
];

/** A team entry; the place of its person value is recorded (where overallocated is reported). */
const teamEntry = (t: TeamEntry): Entry[] => [
  { key: 'person', value: text(t.person), owner: t },
  { key: 'allocation', value: number(t.allocation) },
];

const person = (p: Person): Entry[] => [
  { key: 'id', value: text(p.id) },
  { key: 'name', value: text(p.name) },
  { key: 'capacity', value: number(p.capacity) },
];

const program = (p: Program): Entry[] => [
  { key: 'id', value: text(p.id) },
  { key: 'name', value: text(p.name) },
  { key: 'portfolio', value: text(p.portfolio) },
  { key: 'budget', value: number(p.budget), owner: p },
  { key: 'start', value: text(p.start) },
  { key: 'end', value: text(p.end) },
  { key: 'health', value: text(p.health), owner: p },
  { key: 'status_date', value: text(p.status_date), owner: p },
  { key: 'benefits', value: list(p.benefits, benefit) },
  { key: 'milestones', value: list(p.milestones, milestone) },
  { key: 'risks', value: list(p.risks, risk) },
  { key: 'issues', value: list(p.issues, issue) },
  { key: 'projects', value: list(p.projects, project) },
];

const portfolio = (p: Portfolio): Entry[] => [
  { key: 'id', value: text(p.id) },
  { key: 'name', value: text(p.name) },
  { key: 'status_date', value: text(p.status_date), owner: p },
  { key: 'programs', value: list(p.programs, program) },
];

function root(document: Document): Entry {
  if ('portfolio' in document) return { key: 'portfolio', value: { map: portfolio(document.portfolio) } };
  if ('program' in document) return { key: 'program', value: { map: program(document.program) } };
  return { key: 'project', value: { map: project(document.project) } };
}

function writeFile(file: PlanFileModel, places: Places): WrittenFile {
  const writer = new Writer(file.path, places);
  file.documents.forEach((document, index) => {
    if (index > 0) writer.lines.push('---');
    writer.mapping([{ key: 'version', value: { scalar: '1' } }, root(document)], 0);
  });
  if (file.people && file.people.length > 0) {
    if (file.documents.length > 0) writer.lines.push('---');
    writer.mapping([{ key: 'version', value: { scalar: '1' } }, { key: 'people', value: list(file.people, person) }], 0);
  }
  return { path: file.path, text: `${writer.lines.join('\n')}\n` };
}

/** The plan files of a workspace, and where the tracked values (dates, due dates, budgets) stand. */
export function toFiles(workspace: Workspace): { files: WrittenFile[]; places: Places } {
  const places: Places = new Map();
  const files = workspace.files.map((file) => writeFile(file, places));
  if (workspace.people && workspace.people.length > 0) {
    files.push({ path: 'people.plan.yaml', text: ['version: 1', 'people:', ...workspace.people.map((id) => `  - id: ${id}`), ''].join('\n') });
  }
  return { files, places };
}
