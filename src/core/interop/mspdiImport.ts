/**
 * Reading MS Project XML (MSPDI) into an import (SPEC 12): the task tree by depth, projects at one level,
 * programs at another, milestones under their owner, finish-to-start links rolled up to the projects and
 * milestones they point into, work resources as people and assignments as team entries.
 * The XML is never trusted: a DOCTYPE that declares entities is refused before parsing (no entity
 * expansion, nothing external is ever read).
 */
import { plural } from '../base/messages';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { dayOf, EXPORT_AUTHOR, fields, finishDay, fromHundredths } from './mspdi';
import {
  IdAllocator,
  ImportError,
  planIdPattern,
  rejectCycles,
  type ImportedMilestone,
  type ImportedPerson,
  type ImportedPlan,
  type ImportedProgram,
  type ImportedProject,
} from './imported';
import type { ProjectState } from '../model/entities';

export interface ImportOptions {
  /** The file as given on the command line, for messages. */
  readonly source: string;
  /** An id made from the file's name, for the program when --program is absent. */
  readonly fileId: string;
  readonly program?: string;
  readonly programsAt?: number;
  readonly projectsAt?: number;
}

type XmlValue = string | XmlObject | XmlValue[];
interface XmlObject {
  [key: string]: XmlValue | undefined;
}

/** Elements that are lists wherever they appear (MSPDI repeats them), by the path of their parent. */
const listsByParent = new Map<string, ReadonlySet<string>>([
  ['Project.Tasks', new Set(['Task'])],
  ['Project.Resources', new Set(['Resource'])],
  ['Project.Assignments', new Set(['Assignment'])],
  ['Project.Tasks.Task', new Set(['PredecessorLink', 'Baseline', 'ExtendedAttribute'])],
  ['Project.Resources.Resource', new Set(['ExtendedAttribute'])],
  ['Project.ExtendedAttributes', new Set(['ExtendedAttribute'])],
]);

/** Never read, however large: MS Project's timephased data (values hour by hour, often most of a file). */
const skipped = new Set(['TimephasedData']);

/**
 * Every element the reader takes, wherever it stands. The parser keeps no other element in its tree
 * (a task has some 100 in a file MS Project saved; timephased data, calendars' week days…): they are read
 * through and dropped at once, which keeps the tree of a 10,000-task file small.
 */
const readElements = new Set([
  'Project', 'Title', 'Name', 'Author', 'CurrencyCode', 'StatusDate',
  'Tasks', 'Task', 'UID', 'OutlineLevel', 'OutlineNumber', 'IsNull', 'Milestone', 'Active', 'Start', 'Finish', 'PercentComplete', 'Cost', 'ActualCost',
  'ExtendedAttribute', 'FieldID', 'Value', 'Baseline', 'Number', 'PredecessorLink', 'PredecessorUID', 'Type', 'LinkLag',
  'Resources', 'Resource', 'MaxUnits', 'Assignments', 'Assignment', 'TaskUID', 'ResourceUID', 'Units', 'Calendars', 'Calendar',
]);

/** An element as the parser gives it in document order (`preserveOrder`): its tag to its children; `#text` to a text. */
type OrderedNode = Record<string, unknown>;

/** What a converted node is replaced with. */
const done: OrderedNode = {};

function tagOf(node: OrderedNode): string | undefined {
  for (const key in node) if (key !== ':@') return key;
  return undefined;
}

/**
 * An element's children as the readers take them: an element with only text is its text (`''` when
 * empty); else an object by tag, a tag that repeats (or is a list by `listsByParent`) as a list of them.
 * One pass over the parser's tree, which is kept in document order: cheaper than the parser's own
 * conversion, and what is skipped is never converted.
 */
function toXmlValue(children: OrderedNode[], path: string): XmlValue {
  if (children.length === 0) return '';
  let object: XmlObject | undefined;
  let text: string | undefined;
  const lists = listsByParent.get(path);
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    // Let go of the parser's node once read: the garbage collector can take it back while the rest is converted.
    children[i] = done;
    const tag = tagOf(node);
    if (tag === undefined || skipped.has(tag) || tag === '__proto__') continue;
    const content = node[tag];
    if (tag === '#text') {
      text = text === undefined ? String(content) : text + String(content);
      continue;
    }
    const inner = content as OrderedNode[];
    // A leaf with a text (most elements): no path needed.
    const value = inner.length === 1 && tagOf(inner[0]) === '#text' ? String(inner[0]['#text']) : toXmlValue(inner, `${path}.${tag}`);
    object ??= {};
    const existing = object[tag];
    if (existing === undefined) object[tag] = lists?.has(tag) ? [value] : value;
    else if (Array.isArray(existing)) existing.push(value);
    else object[tag] = [existing, value];
  }
  if (object === undefined) return text ?? '';
  if (text !== undefined && text !== '') object['#text'] = text;
  return object;
}

/** The line and column of an offset, 1-based, for messages. */
function placeOf(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/** Parses the XML or throws one line naming the file and the place. */
export function parseMspdiXml(text: string, source: string): XmlObject {
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    const entity = /<!ENTITY/i.exec(text.slice(doctype.index));
    if (entity) throw new ImportError(`${source}:${placeOf(text, doctype.index + entity.index)}: the XML declares entities in a DOCTYPE; refused (entities are never expanded)`);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ImportError(`${source}:${valid.err.line ?? 1}:${valid.err.col ?? 1}: not well-formed XML: ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    removeNSPrefix: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    // Character references (`&#39;`, `&#x41;`) are text too; a DOCTYPE's own entities are refused above.
    htmlEntities: true,
    // The tree in document order, converted by toXmlValue; callbacks get the parser's path matcher, not a path string per element.
    preserveOrder: true,
    jPath: false,
    stopNodes: ['Project.Tasks.Task.TimephasedData', 'Project.Resources.Resource.TimephasedData', 'Project.Assignments.Assignment.TimephasedData'],
    // Keep what is read, and the root whatever it is (for the message when it is not <Project>).
    updateTag: (tag, matcher) => readElements.has(tag) || (matcher as { getDepth(): number }).getDepth() <= 1,
  });
  let parsed: OrderedNode[];
  try {
    parsed = parser.parse(text) as OrderedNode[];
  } catch (error) {
    // The parser's own limits (elements nested deeper than it reads): the file is refused, never a crash.
    throw new ImportError(`${source}:1:1: cannot be read as MS Project XML (${error instanceof Error ? error.message : String(error)})`);
  }
  const roots = parsed.filter((node) => {
    const tag = tagOf(node);
    return tag !== undefined && !tag.startsWith('?') && !tag.startsWith('#');
  });
  const root = roots.length > 0 ? tagOf(roots[0]) : undefined;
  const project = root === 'Project' ? toXmlValue(roots[0].Project as OrderedNode[], 'Project') : undefined;
  if (project === undefined || typeof project !== 'object' || Array.isArray(project)) {
    throw new ImportError(`${source}:1:1: not an MS Project XML file (its root element is <${root ?? 'nothing'}>, expected <Project>)`);
  }
  return project;
}

const str = (value: XmlValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: XmlValue | undefined): XmlObject[] =>
  Array.isArray(value) ? (value.filter((v) => typeof v === 'object' && !Array.isArray(v)) as XmlObject[]) : value && typeof value === 'object' ? [value] : [];
const num = (value: XmlValue | undefined): number | undefined => {
  const text = str(value);
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
};
const flag = (value: XmlValue | undefined): boolean | undefined => {
  const text = str(value)?.trim().toLowerCase();
  return text === undefined ? undefined : text === '1' || text === 'true';
};

/**
 * Where a value stands in the text, as `:line:col` for messages, or '' when it cannot be found: its first
 * occurrence after the task's UID inside <Tasks> (or in the whole text for the project's own values).
 * Only on the error path.
 */
function placeOfTaskValue(text: string, uid: string | undefined, value: string): string {
  let from = 0;
  if (uid !== undefined) {
    from = /<(?:[\w.-]+:)?Tasks>/.exec(text)?.index ?? 0;
    const escaped = uid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const at = new RegExp(`<(?:[\\w.-]+:)?UID>\\s*${escaped}\\s*<`).exec(text.slice(from));
    if (!at) return '';
    from += at.index;
  }
  const offset = text.indexOf(value, from);
  return offset < 0 ? '' : `:${placeOf(text, offset)}`;
}

interface Task {
  readonly uid: string;
  readonly name: string;
  readonly xml: XmlObject;
  readonly level: number;
  parent: Task | undefined;
  readonly children: Task[];
  readonly milestone: boolean;
  /** From our own export's custom fields. */
  readonly planId?: string;
  readonly planKind?: string;
  readonly planState?: string;
  readonly planProgress?: string;
}

function customFields(xml: XmlObject): Map<string, string> {
  const values = new Map<string, string>();
  for (const attribute of list(xml.ExtendedAttribute)) {
    const id = str(attribute.FieldID);
    const value = str(attribute.Value);
    if (id !== undefined && value !== undefined) values.set(id, value);
  }
  return values;
}

/** The task tree: depth from OutlineLevel (else OutlineNumber), relative to the top tasks, the project summary task (UID 0) left out. */
function taskTree(project: XmlObject, source: string, ours: boolean): Task[] {
  const xmlTasks = list(str(project.Tasks) === undefined ? (project.Tasks as XmlObject | undefined)?.Task : undefined);
  const rows = xmlTasks
    .filter((t) => str(t.UID)?.trim() !== '0' && flag(t.IsNull) !== true)
    .map((xml) => {
      const outline = num(xml.OutlineLevel) ?? (str(xml.OutlineNumber) ? str(xml.OutlineNumber)!.split('.').length : 1);
      return { xml, outline };
    });
  const top = rows.reduce((min, r) => Math.min(min, r.outline), Infinity);
  const tasks: Task[] = [];
  const stack: Task[] = [];
  for (const { xml, outline } of rows) {
    const uid = str(xml.UID)?.trim();
    if (uid === undefined || uid === '') throw new ImportError(`${source}: a task has no UID (task ${tasks.length + 1}, "${str(xml.Name) ?? ''}")`);
    let level = outline - top + 1;
    while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
    if (level > stack.length + 1) level = stack.length + 1; // a gap in the outline: one level below its parent
    const custom = ours ? customFields(xml) : new Map<string, string>();
    const task: Task = {
      uid,
      name: (str(xml.Name) ?? '').trim(),
      xml,
      level,
      parent: stack[stack.length - 1],
      children: [],
      milestone: flag(xml.Milestone) === true,
      planId: custom.get(fields.taskId.id),
      planKind: custom.get(fields.taskKind.id),
      planState: custom.get(fields.taskState.id),
      planProgress: custom.get(fields.taskProgress.id),
    };
    task.parent?.children.push(task);
    tasks.push(task);
    stack.push(task);
  }
  return tasks;
}

const states = new Set<ProjectState>(['planned', 'active', 'on-hold', 'done', 'cancelled']);

/** Reads one MSPDI file. Throws ImportError (one line, file and place) on bad input. */
export function importMspdi(text: string, options: ImportOptions, ids: IdAllocator): ImportedPlan {
  const { source } = options;
  const project = parseMspdiXml(text, source);
  const ours = str(project.Author)?.trim() === EXPORT_AUTHOR;
  const programsAt = options.programsAt ?? (ours && options.projectsAt === undefined ? 1 : undefined);
  const projectsAt = options.projectsAt ?? (programsAt !== undefined ? programsAt + 1 : 1);
  if (programsAt !== undefined && programsAt >= projectsAt) {
    throw new ImportError(`${source}: --programs-at ${programsAt} must be above --projects-at ${projectsAt} (programs hold projects)`);
  }
  const notCarried: string[] = [];
  const tasks = taskTree(project, source, ours);
  const byUid = new Map(tasks.map((t) => [t.uid, t]));
  const idOf = (task: Task, fallback: string) => {
    if (task.planId !== undefined && planIdPattern.test(task.planId) && ids.reserve(task.planId)) return task.planId;
    return ids.fromName(task.name, fallback);
  };

  const title = (str(project.Title) ?? '').trim() || (str(project.Name) ?? '').trim().replace(/\.(xml|mpp)$/i, '') || options.fileId;
  const currency = str(project.CurrencyCode)?.trim();
  const currencyOk = currency !== undefined && /^[A-Z]{3}$/.test(currency) ? currency : undefined;
  /** A date element: undefined when absent or empty; a value that is there but is not a date is bad input naming the task and its place. */
  const dateOf = (value: XmlValue | undefined, what: string, uid?: string, read: (text: string) => number | undefined = dayOf): number | undefined => {
    const raw = str(value)?.trim();
    if (raw === undefined || raw === '') return undefined;
    const day = read(raw);
    if (day === undefined) throw new ImportError(`${source}${placeOfTaskValue(text, uid, raw)}: ${what} "${raw}" is not a date (expected a dateTime like 2026-03-02T08:00:00)`);
    return day;
  };
  const statusDate = dateOf(project.StatusDate, 'the project\'s StatusDate');

  // Programs: the file, or the tasks at --programs-at.
  const programs: ImportedProgram[] = [];
  const programOf = new Map<Task, ImportedProgram>();
  let fileProgram: ImportedProgram | undefined;
  const standalone: ImportedProject[] = [];
  if (programsAt === undefined) {
    const id = options.program ?? options.fileId;
    if (!ids.reserve(id)) throw new ImportError(`${source}: the program id ${id} is already taken by another imported file (give --program)`);
    fileProgram = { id, name: title, currency: currencyOk, statusDate, projects: [], milestones: [] };
    programs.push(fileProgram);
  } else {
    // The file's tasks are its programs: a program named for the whole file has nothing to name.
    if (options.program !== undefined) notCarried.push(`--program ${options.program}: not used: the programs are the tasks at level ${programsAt}${ours && options.programsAt === undefined ? ' (the file was written by export)' : ''}`);
    for (const task of tasks.filter((t) => t.level === programsAt && !t.milestone && (t.planKind ?? 'program') === 'program')) {
      const program: ImportedProgram = { id: idOf(task, 'program'), name: task.name || 'Program', currency: currencyOk, statusDate, projects: [], milestones: [] };
      programs.push(program);
      programOf.set(task, program);
    }
  }
  const ancestorProgram = (task: Task): ImportedProgram | undefined => {
    for (let t = task.parent; t; t = t.parent) {
      const program = programOf.get(t);
      if (program) return program;
    }
    return fileProgram;
  };

  // Projects: non-milestone tasks at --projects-at (our export: also its standalone projects at level 1).
  const projectOf = new Map<Task, ImportedProject>();
  /** Project tasks left out for want of dates (said once). */
  const undated = new Set<Task>();
  const projectTasks = tasks.filter((t) => !t.milestone && (t.level === projectsAt || (ours && t.level === 1 && t.planKind === 'project' && programsAt !== undefined)));
  for (const task of projectTasks) {
    const where = `task ${task.uid} "${task.name}"`;
    const start = dateOf(task.xml.Start, `${where}: Start`, task.uid);
    let end = dateOf(task.xml.Finish, `${where}: Finish`, task.uid, finishDay);
    if (start === undefined || end === undefined) {
      notCarried.push(`${where}: no Start or Finish date: left out`);
      undated.add(task);
      continue;
    }
    if (end < start) end = start; // a zero-length task that starts and finishes at 00:00
    const imported: ImportedProject = { id: idOf(task, 'project'), name: task.name || 'Project', start, end, dependsOn: [], team: [], milestones: [] };
    const exact = task.planProgress === undefined ? undefined : Number(task.planProgress);
    const percent = exact !== undefined && exact >= 0 && exact <= 100 ? exact : num(task.xml.PercentComplete);
    if (percent !== undefined && percent >= 0 && percent <= 100) imported.progress = percent;
    const money = (text: string | undefined, element: string) => {
      const amount = text === undefined ? undefined : fromHundredths(text);
      if (text !== undefined && amount === undefined) notCarried.push(`${where}: ${element} "${text.length > 24 ? `${text.slice(0, 24)}…` : text}" is not an amount of money: left out`);
      return amount;
    };
    const cost = str(task.xml.Cost);
    const budget = money(cost, 'Cost');
    if (budget !== undefined && (budget > 0 || ours)) imported.budget = budget;
    const spent = money(str(task.xml.ActualCost), 'ActualCost');
    if (spent !== undefined && (spent > 0 || ours)) imported.spent = spent;
    if (flag(task.xml.Active) === false) imported.state = 'cancelled';
    else if (task.planState !== undefined && states.has(task.planState as ProjectState)) imported.state = task.planState as ProjectState;
    else if (percent === 100) imported.state = 'done';
    const baseline = list(task.xml.Baseline).find((b) => (num(b.Number) ?? 0) === 0);
    if (baseline) {
      const b = { start: dateOf(baseline.Start, `${where}: baseline Start`, task.uid), end: dateOf(baseline.Finish, `${where}: baseline Finish`, task.uid, finishDay), budget: str(baseline.Cost) === undefined ? undefined : fromHundredths(str(baseline.Cost)!) };
      if (b.start !== undefined && b.end !== undefined && b.end < b.start) b.end = b.start;
      if (b.budget === 0 && cost === undefined) b.budget = undefined;
      if (b.start !== undefined || b.end !== undefined || b.budget !== undefined) imported.baseline = b;
    }
    projectOf.set(task, imported);
    const program = task.level === 1 && task.planKind === 'project' && ours ? undefined : ancestorProgram(task);
    if (program) program.projects.push(imported);
    else standalone.push(imported);
  }
  const projectAbove = (task: Task): ImportedProject | undefined => {
    for (let t: Task | undefined = task; t; t = t.parent) {
      const p = projectOf.get(t);
      if (p) return p;
    }
    return undefined;
  };

  // Milestones: of the project above them, else of the program.
  const milestoneOf = new Map<Task, ImportedMilestone>();
  for (const task of tasks.filter((t) => t.milestone)) {
    const date = dateOf(task.xml.Start, `milestone ${task.uid} "${task.name}": Start`, task.uid);
    if (date === undefined) {
      notCarried.push(`milestone ${task.uid} "${task.name}": no Start date: left out`);
      continue;
    }
    const milestone: ImportedMilestone = { id: idOf(task, 'milestone'), name: task.name || 'Milestone', date, done: num(task.xml.PercentComplete) === 100, dependsOn: [] };
    const owner = projectAbove(task);
    if (owner) owner.milestones.push(milestone);
    else {
      const program = programOf.get(task) ?? ancestorProgram(task);
      if (!program) {
        notCarried.push(`milestone ${task.uid} "${task.name}": outside any program or project: left out`);
        continue;
      }
      program.milestones.push(milestone);
    }
    milestoneOf.set(task, milestone);
  }

  // Tasks that are neither: grouping above the projects, or outside every program.
  for (const task of tasks) {
    if (task.milestone || projectOf.has(task) || programOf.has(task) || projectAbove(task) || undated.has(task)) continue;
    if (task.level < projectsAt && task.children.length > 0) continue; // a summary above the projects: its projects carry its content
    notCarried.push(`task ${task.uid} "${task.name}" at level ${task.level}: not a project (projects are at level ${projectsAt}): left out`);
  }

  // Links: a task's predecessors, rolled up to the project or milestone each side belongs to.
  const unitOf = (task: Task): { id: string; deps: string[]; own?: Set<string> } | undefined => {
    const milestone = milestoneOf.get(task);
    if (milestone) return { id: milestone.id, deps: milestone.dependsOn };
    const p = projectAbove(task);
    return p ? { id: p.id, deps: p.dependsOn, own: new Set(p.milestones.map((m) => m.id)) } : undefined;
  };
  let otherTypes = 0;
  let lags = 0;
  for (const task of tasks) {
    const links = list(task.xml.PredecessorLink);
    if (links.length === 0) continue;
    const successor = unitOf(task);
    for (const link of links) {
      const predecessorTask = byUid.get(str(link.PredecessorUID)?.trim() ?? '');
      const predecessor = predecessorTask && unitOf(predecessorTask);
      if (!successor || !predecessor) {
        notCarried.push(`link ${str(link.PredecessorUID) ?? '?'} → ${task.uid} "${task.name}": ${!predecessorTask ? 'its predecessor is not in the file' : 'not between projects or milestones'}: left out`);
        continue;
      }
      // A link inside a project (a subtask after its project's milestone) is the project's own affair; a
      // link of the project's own task to one of its milestones is a depends_on of the project.
      if (predecessor.id === successor.id || (successor.own?.has(predecessor.id) && !projectOf.has(task))) continue;
      const type = num(link.Type) ?? 1;
      if (type !== 1) otherTypes++;
      if ((num(link.LinkLag) ?? 0) !== 0) lags++;
      if (!successor.deps.includes(predecessor.id)) successor.deps.push(predecessor.id);
    }
  }
  if (otherTypes > 0) notCarried.push(`${plural(otherTypes, 'link')} other than finish-to-start: imported as finish-to-start`);
  if (lags > 0) notCarried.push(`${plural(lags, 'link lag')}: imported without the lag`);

  // People and team entries.
  const people: ImportedPerson[] = [];
  const personOf = new Map<string, ImportedPerson>();
  const resources = list(str(project.Resources) === undefined ? (project.Resources as XmlObject | undefined)?.Resource : undefined);
  let unnamed = 0;
  for (const resource of resources) {
    const uid = str(resource.UID)?.trim() ?? '';
    const name = (str(resource.Name) ?? '').trim();
    const type = num(resource.Type) ?? 1;
    if (uid === '0' && name === '') continue; // MS Project's blank resource
    if (type !== 1) {
      notCarried.push(`resource ${uid} "${name}": a ${type === 0 ? 'material' : 'cost'} resource, not a person: left out`);
      continue;
    }
    if (name === '') {
      unnamed++;
      continue;
    }
    const planId = ours ? customFields(resource).get(fields.resourceId.id) : undefined;
    const id = planId !== undefined && planIdPattern.test(planId) && ids.reserve(planId) ? planId : ids.fromName(name, 'person');
    const person: ImportedPerson = { id };
    if (!(ours && name === id)) person.name = name;
    const maxUnits = num(resource.MaxUnits);
    if (maxUnits !== undefined && maxUnits >= 0 && maxUnits !== 1) person.capacity = Math.round(maxUnits * 100 * 1e6) / 1e6;
    people.push(person);
    personOf.set(uid, person);
  }
  if (unnamed > 0) notCarried.push(`${plural(unnamed, 'resource')} without a name: left out`);
  const allocations = new Map<ImportedProject, Map<string, number>>();
  for (const assignment of list(str(project.Assignments) === undefined ? (project.Assignments as XmlObject | undefined)?.Assignment : undefined)) {
    const person = personOf.get(str(assignment.ResourceUID)?.trim() ?? '');
    const task = byUid.get(str(assignment.TaskUID)?.trim() ?? '');
    if (!person || !task) continue; // unassigned placeholders (ResourceUID -65535) and left-out resources
    const owner = milestoneOf.has(task) ? undefined : projectAbove(task);
    if (!owner) {
      notCarried.push(`assignment of ${person.id} to task ${task.uid} "${task.name}": not on a project: left out`);
      continue;
    }
    const units = num(assignment.Units) ?? 1;
    const perProject = allocations.get(owner) ?? new Map<string, number>();
    perProject.set(person.id, (perProject.get(person.id) ?? 0) + units * 100);
    allocations.set(owner, perProject);
  }
  for (const [owner, perPerson] of allocations) {
    for (const [person, total] of perPerson) {
      const rounded = Math.round(total * 1e6) / 1e6;
      if (rounded <= 0) continue;
      if (rounded > 100) notCarried.push(`${person} on ${owner.id}: ${rounded}% assigned in all, written as 100`);
      if (rounded < 1) notCarried.push(`${person} on ${owner.id}: ${rounded}% assigned, written as 1`);
      owner.team.push({ person, allocation: Math.min(100, Math.max(1, rounded)) });
    }
  }

  if (list((project.Calendars as XmlObject | undefined)?.Calendar).length > 0 && !ours) notCarried.push('calendars: plans count calendar days');

  const plan: ImportedPlan = { source, standaloneName: options.fileId, programs, projects: standalone, people, notCarried };
  const taskOf = new Map<string, string>();
  for (const [task, project] of projectOf) taskOf.set(project.id, task.uid);
  for (const [task, milestone] of milestoneOf) taskOf.set(milestone.id, task.uid);
  rejectCycles(plan, (id) => (taskOf.has(id) ? `task ${taskOf.get(id)}` : undefined));
  return plan;
}
