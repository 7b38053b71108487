/**
 * The schedule (SPEC 4): each project's start and end from explicit dates, durations and finish-to-start
 * dependencies; dependency cycles; and the per-program critical path (total float).
 * Iterative throughout: a 10,000-project chain must not exhaust the stack.
 */
import { formatDay, type Day } from '../base/dates';
import type { PlanDiagnostic } from '../base/diagnostic';
import { messages } from '../base/messages';
import type { Milestone, Program, Project, Reference } from '../model/entities';
import { diagnosticAt } from '../model/locate';
import { NodeMap, positionIn, type Node, type NodePositions, type WritableMap } from './nodeMap';
import type { PlanIndex } from './planIndex';
import { ITEMS_PER_PAUSE, PauseCounter, type Steps } from './steps';

export interface ProjectDates {
  readonly start: Day | undefined;
  readonly end: Day | undefined;
}

export interface Schedule {
  readonly dates: ReadonlyMap<Project, ProjectDates>;
  /** Projects and milestones on a dependency cycle. */
  readonly cyclic: ReadonlySet<Project | Milestone>;
  /** The links on a cycle: the dependency-cycle error says what is wrong with each, no dependency-violation besides. */
  readonly cyclicLinks: ReadonlySet<Link>;
  /** Total float in days per project of a program; absent = null. */
  readonly float: ReadonlyMap<Project, number>;
  /** Each project's and milestone's dependencies that name something, as written. */
  readonly links: ReadonlyMap<Project | Milestone, readonly Link[]>;
  /** The dependency-cycle problems (each link on a cycle, where it is written). */
  readonly cycleDiagnostics: readonly PlanDiagnostic[];
}

/** A depends_on item and what it names. */
export interface Link {
  readonly reference: Reference;
  readonly target: Project | Milestone;
}


const CYCLE_LISTING_LIMIT = 12;

export function* scheduleSteps(index: PlanIndex, isCancelled: (project: Project) => boolean): Steps<Schedule> {
  const links = linksOfIndex(index);
  const { cyclic, cyclicLinks, cycleDiagnostics } = yield* cyclesOfIndex(index, links);
  const schedule: Schedule = { dates: new NodeMap<Project, ProjectDates>(index.positions), cyclic, cyclicLinks, float: new NodeMap<Project, number>(index.positions), links, cycleDiagnostics };
  // Everything is dirty: every project is dated, every program's float worked out (an edit does this for what it reaches).
  yield* redate(schedule, index.projects);
  yield* refloat(schedule, index.programs, isCancelled, index.positions);
  return schedule;
}

/**
 * Each node's resolved dependencies, worked out once per index: they follow from its references and
 * what they name, which an edit of values keeps (references keep their identity: incremental.ts),
 * so every analysis of the same index reads the same links.
 */
const indexLinks = new WeakMap<PlanIndex, NodeMap<Node, Link[]>>();

function linksOfIndex(index: PlanIndex): NodeMap<Node, Link[]> {
  const known = indexLinks.get(index);
  if (known) return known;
  const links = new NodeMap<Node, Link[]>(index.positions);
  const { nodes } = index.positions;
  for (let i = 0; i < nodes.length; i++) if (nodes[i].dependsOn.length > 0) links.setAt(i, linksOfNode(nodes[i], index));
  indexLinks.set(index, links);
  return links;
}

/** A node's depends_on items that name a project or milestone, and what they name. */
function linksOfNode(node: Node, index: PlanIndex): Link[] {
  const list: Link[] = [];
  const dependsOn = node.dependsOn;
  for (let i = 0; i < dependsOn.length; i++) {
    const target = index.dependencyTargets.get(dependsOn[i]);
    if (target) list.push({ reference: dependsOn[i], target });
  }
  // Kept with the index: at its length (a list built by push keeps room for 17).
  return list.slice();
}

/**
 * After an edit that changed what some nodes depend on (their index relinked: planIndex.ts), their links
 * made again from it. False when the new links close a cycle (the cycles, and what they leave unscheduled,
 * are for a full analysis to find); a node that was on a cycle is never relinked (incremental.ts).
 */
export function relinkSchedule(schedule: Schedule, index: PlanIndex, nodes: readonly Node[]): boolean {
  const links = schedule.links as WritableMap<Node, readonly Link[]>;
  for (const node of nodes) {
    if (node.dependsOn.length > 0) links.set(node, linksOfNode(node, index));
    else links.delete(node);
  }
  return !nodes.some((node) => dependsOnItself(schedule, node));
}

/** Whether `node` is among what it depends on, directly or not. */
function dependsOnItself(schedule: Schedule, node: Node): boolean {
  const seen = new Set<Node>();
  const stack = linksOf(schedule, node).map((link) => link.target);
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next === node) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const { target } of linksOf(schedule, next)) if (!seen.has(target)) stack.push(target);
  }
  return false;
}

/** The dependency cycles of an index and their problems: like its links, they follow from the index alone. */
interface Cycles {
  readonly cyclic: ReadonlySet<Node>;
  readonly cyclicLinks: ReadonlySet<Link>;
  readonly cycleDiagnostics: readonly PlanDiagnostic[];
}

const indexCycles = new WeakMap<PlanIndex, Cycles>();

function* cyclesOfIndex(index: PlanIndex, links: NodeMap<Node, Link[]>): Steps<Cycles> {
  const known = indexCycles.get(index);
  if (known) return known;
  const dependencies = (node: Node) => links.get(node) ?? noLinks;
  const cycleDiagnostics: PlanDiagnostic[] = [];
  const cyclicLinks = new Set<Link>();
  // Only a node with dependencies can start a cycle.
  const cyclic = yield* findCycles([...links.keys()], index.positions, dependencies, cycleDiagnostics, cyclicLinks);
  const cycles: Cycles = { cyclic, cyclicLinks, cycleDiagnostics };
  indexCycles.set(index, cycles);
  return cycles;
}

/**
 * Stage redate: the dates of `projects` worked out again (and, first, of what they need that has none),
 * pausing every few hundred. The full analysis redates every project; an edit, those it reaches.
 */
export function* redate(schedule: Schedule, projects: readonly Project[]): Steps<void> {
  const dates = schedule.dates as WritableMap<Project, ProjectDates>;
  // Indexed: in a generator, `for … of` makes an iterator result per item.
  for (let i = 0; i < projects.length; i++) dates.delete(projects[i]);
  const dependencies = (node: Node) => linksOf(schedule, node);
  for (let from = 0; from < projects.length; from += ITEMS_PER_PAUSE) {
    if (from > 0) yield;
    settleDates(projects.slice(from, from + ITEMS_PER_PAUSE), dates, dependencies);
  }
}

/** Stage refloat: the total float of the projects of `programs` worked out again (the full analysis: every program). */
export function* refloat(schedule: Schedule, programs: Iterable<Program>, isCancelled: (project: Project) => boolean, positions: NodePositions): Steps<void> {
  const float = schedule.float as WritableMap<Project, number>;
  const dependencies = (node: Node) => linksOf(schedule, node);
  for (const program of programs) {
    yield;
    const projects = program.projects;
    for (let i = 0; i < projects.length; i++) float.delete(projects[i]);
    criticalPath(program, schedule.dates, schedule.cyclic, isCancelled, dependencies, float, positions);
  }
}

/**
 * The forward pass (SPEC 4) for `projects` and, first, whatever they need that has no dates yet:
 * memoised in `dates` and iterative. Around a cycle this finds the same dates whatever order the
 * projects are written in: a date that needs itself stays unknown, one that an explicit start or end
 * settles is kept. Returns how many projects it dated.
 */
function settleDates(projects: Iterable<Project>, dates: WritableMap<Project, ProjectDates>, dependencies: (node: Node) => readonly Link[]): number {
  const endOf = (node: Node): Day | undefined => (node.kind === 'milestone' ? node.date?.value : (node.end?.value ?? dates.get(node)?.end));
  // Reached in this walk: done, or on the stack when not done (never removed: a Set shrinks by copying).
  const visiting = new Set<Project>();
  const stack: Project[] = [];
  let settled = 0;
  for (const first of projects) {
    if (dates.has(first)) continue;
    stack.push(first);
    while (stack.length > 0) {
      const project = stack[stack.length - 1];
      if (dates.has(project)) {
        stack.pop();
        continue;
      }
      visiting.add(project);
      let pending: Project | undefined;
      if (!project.start) {
        const links = dependencies(project);
        for (let i = 0; i < links.length; i++) {
          const target = links[i].target;
          if (target.kind === 'project' && !target.end && !dates.has(target) && !visiting.has(target)) {
            pending = target;
            break;
          }
        }
      }
      if (pending) {
        stack.push(pending);
        continue;
      }
      dates.set(project, scheduleProject(project, dependencies(project), endOf));
      settled++;
      stack.pop();
    }
  }
  return settled;
}

/** criticalPath's member numbers by index position, all 0 between calls; one array, grown as indexes grow. */
let memberNumbers = new Int32Array(0);
function memberScratch(size: number): Int32Array {
  if (memberNumbers.length < size) memberNumbers = new Int32Array(size);
  return memberNumbers;
}

const noLinks: readonly Link[] = [];

/** A node's dependencies that name something. */
export function linksOf(schedule: Schedule, node: Node): readonly Link[] {
  return schedule.links.get(node) ?? noLinks;
}

/** The dates of a project, a dependency's end and the problems of a project's dates (SPEC 4). */
export function projectDateChecks(project: Project, schedule: Schedule): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  checkProjectDates(project, schedule.dates.get(project)!, out);
  if (project.start) {
    for (const link of linksOf(schedule, project)) {
      if (schedule.cyclicLinks.has(link)) continue;
      const { target } = link;
      const end = endOf(target, schedule);
      if (end !== undefined && project.start.value <= end) {
        out.push(
          diagnosticAt(project.source, project.start.span, 'dependency-violation',
            messages.dependencyViolation(project.id ?? '?', formatDay(project.start.value), target.id ?? '?', formatDay(end)), undefined, { dependency: target.id }),
        );
      }
    }
  }
  return out;
}

/** A milestone before one of its dependencies ends (its date never moves; SPEC 4). */
export function milestoneDateChecks(milestone: Milestone, schedule: Schedule): PlanDiagnostic[] {
  if (!milestone.date) return [];
  const out: PlanDiagnostic[] = [];
  for (const link of linksOf(schedule, milestone)) {
    if (schedule.cyclicLinks.has(link)) continue;
    const { target } = link;
    const end = endOf(target, schedule);
    if (end !== undefined && end > milestone.date.value) {
      out.push(
        diagnosticAt(milestone.source, milestone.date.span, 'dependency-violation',
          messages.milestoneDependencyViolation(milestone.id ?? milestone.name ?? '?', formatDay(milestone.date.value), target.id ?? '?', formatDay(end)), undefined, { dependency: target.id }),
      );
    }
  }
  return out;
}

/** Where a dependency ends: a milestone's date, a project's explicit or scheduled end. */
export function endOf(node: Node, schedule: Schedule): Day | undefined {
  return node.kind === 'milestone' ? node.date?.value : (node.end?.value ?? schedule.dates.get(node)?.end);
}

/**
 * Start and end of one project from its explicit dates and its dependencies' ends. A dependency that
 * names nothing, or whose end is unknown, leaves the start unknown (that problem is reported where it is).
 */
function scheduleProject(project: Project, links: ReadonlyArray<{ target: Node }>, endOf: (node: Node) => Day | undefined): ProjectDates {
  let start = project.start?.value;
  if (start === undefined && project.dependsOn.length > 0 && links.length === project.dependsOn.length) {
    let latestEnd = -Infinity;
    for (let i = 0; i < links.length; i++) {
      const end = endOf(links[i].target);
      if (end === undefined) {
        latestEnd = NaN;
        break;
      }
      if (end > latestEnd) latestEnd = end;
    }
    if (!Number.isNaN(latestEnd)) start = latestEnd + 1;
  }
  let end = project.end?.value;
  if (end === undefined && start !== undefined && project.duration) end = start + project.duration.value - 1;
  return { start, end };
}

function checkProjectDates(project: Project, dates: ProjectDates, diagnostics: PlanDiagnostic[]): void {
  const name = project.id ?? project.name ?? '?';
  // Where a date is written but unusable, the schema error says so; do not add to it.
  const startMissing = dates.start === undefined && !project.start && !project.invalid.has('start') && project.dependsOn.length === 0 && !project.invalid.has('depends_on');
  const endMissing = !project.end && !project.duration && !project.invalid.has('end') && !project.invalid.has('duration');
  if (startMissing) diagnostics.push(diagnosticAt(project.source, project.anchor, 'unscheduled', messages.unscheduledStart(name), undefined, { missing: 'start' }));
  if (endMissing) diagnostics.push(diagnosticAt(project.source, project.anchor, 'unscheduled', messages.unscheduledEnd(name), undefined, { missing: 'end' }));

  const { start, end, duration } = project;
  // The project's own dates: start + duration against the end, else (those agree, or one is missing) the end against the start.
  const expected = start && end && duration ? start.value + duration.value - 1 : undefined;
  if (expected !== undefined && end!.value !== expected) {
    diagnostics.push(
      diagnosticAt(project.source, end!.span, 'date-conflict',
        messages.dateConflict(name, formatDay(start!.value), durationText(duration!.value), formatDay(expected), formatDay(end!.value))),
    );
  } else if (end && dates.start !== undefined && end.value < dates.start) {
    diagnostics.push(diagnosticAt(project.source, end.span, 'date-conflict', messages.endBeforeStart(`Project '${name}'`, formatDay(end.value), formatDay(dates.start))));
  }
  // The baseline's, a mistake of its own.
  const baseline = project.baseline;
  if (baseline?.start && baseline.end && baseline.end.value < baseline.start.value) {
    diagnostics.push(
      diagnosticAt(project.source, baseline.end.span, 'date-conflict',
        messages.endBeforeStart(`The baseline of project '${name}'`, formatDay(baseline.end.value), formatDay(baseline.start.value))),
    );
  }
}

function durationText(days: number): string {
  return days % 7 === 0 ? `${days / 7}w` : `${days}d`;
}

/**
 * Strongly connected components (Tarjan, iterative). Every link inside a component lies on a cycle and
 * is reported where it is written.
 */
function* findCycles(
  roots: readonly Node[],
  positions: NodePositions,
  dependencies: (node: Node) => readonly Link[],
  diagnostics: PlanDiagnostic[],
  cyclicLinks: Set<Link>,
): Steps<Set<Node>> {
  const pauses = new PauseCounter();
  // By node position: the order each node was reached in (−1: not yet), its low link, on the stack.
  const { nodes } = positions;
  const indexOf = new Int32Array(nodes.length).fill(-1);
  const low = new Int32Array(nodes.length);
  const onStack = new Uint8Array(nodes.length);
  const stack: number[] = [];
  const cyclic = new Set<Node>();
  const components: Node[][] = [];
  let counter = 0;
  const edgesOf = (at: number): number[] => dependencies(nodes[at]).map((d) => positionIn(positions, d.target)!);

  for (const root of roots) {
    const rootAt = positionIn(positions, root)!;
    if (indexOf[rootAt] >= 0) continue;
    const work: Array<{ at: number; edges: number[]; next: number }> = [];
    const enter = (at: number) => {
      indexOf[at] = low[at] = counter++;
      stack.push(at);
      onStack[at] = 1;
      work.push({ at, edges: edgesOf(at), next: 0 });
    };
    enter(rootAt);
    while (work.length > 0) {
      if (pauses.due()) yield;
      const frame = work[work.length - 1];
      if (frame.next < frame.edges.length) {
        const target = frame.edges[frame.next++];
        if (indexOf[target] < 0) enter(target);
        else if (onStack[target]) low[frame.at] = Math.min(low[frame.at], indexOf[target]);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].at;
        low[parent] = Math.min(low[parent], low[frame.at]);
      }
      if (low[frame.at] === indexOf[frame.at]) {
        const component: Node[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component.push(nodes[member]);
        } while (member !== frame.at);
        const selfLoop = component.length === 1 && frame.edges.includes(frame.at);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }

  for (const component of components) {
    const members = new Set(component);
    for (const node of component) cyclic.add(node);
    for (const node of component) {
      for (const link of dependencies(node)) {
        const { reference, target } = link;
        if (!members.has(target)) continue;
        cyclicLinks.add(link);
        const cycle = cyclePath(target, node, members, dependencies);
        diagnostics.push(diagnosticAt(reference.source, reference.span, 'dependency-cycle', messages.dependencyCycle(node.id ?? '?', target.id ?? '?', cycle)));
      }
    }
  }
  return cyclic;
}

/** Ids along one cycle through the link from → to, shortened for very long cycles. */
function cyclePath(to: Node, from: Node, members: Set<Node>, dependencies: (node: Node) => readonly Link[]): string[] {
  if (members.size > CYCLE_LISTING_LIMIT) {
    return [from.id ?? '?', to.id ?? '?', `… (${members.size} items in all)`];
  }
  // Breadth-first from `to` back to `from` inside the component.
  const previous = new Map<Node, Node | null>([[to, null]]);
  const queue: Node[] = [to];
  for (let i = 0; i < queue.length && !previous.has(from); i++) {
    for (const { target } of dependencies(queue[i])) {
      if (!members.has(target) || previous.has(target)) continue;
      previous.set(target, queue[i]);
      queue.push(target);
    }
  }
  const path: Node[] = [];
  for (let node: Node | null | undefined = from; node; node = previous.get(node)) path.unshift(node);
  return path.map((node) => node.id ?? '?');
}

/**
 * Backward pass over a program's non-cancelled, scheduled projects (SPEC 4). Dependencies on milestones,
 * cancelled projects and projects of other programs are fixed dates, so they have no successor links here.
 */
function criticalPath(
  program: Program,
  dates: ReadonlyMap<Project, ProjectDates>,
  cyclic: ReadonlySet<Node>,
  isCancelled: (project: Project) => boolean,
  dependencies: (node: Node) => readonly Link[],
  float: WritableMap<Project, number>,
  positions: NodePositions,
): void {
  // Indexed loops throughout: this runs once per program, mostly before it is optimised, where `for … of`
  // makes an iterator and an iterator result per item.
  const members: Project[] = [];
  const projects = program.projects;
  for (let i = 0; i < projects.length; i++) {
    const project = projects[i];
    const d = dates.get(project);
    if (isCancelled(project) || cyclic.has(project) || d?.start === undefined || d.end === undefined) continue;
    members.push(project);
  }
  const n = members.length;
  if (n === 0) return;
  // Members numbered 0…n−1: the backward pass works on typed arrays. A link's target is found by its
  // position in the index (memberAt, cleared again before returning). The links between members are
  // kept as two adjacency lists in compressed rows (each member's predecessors, each one's successors).
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const memberAt = memberScratch(positions.nodes.length);
  for (let i = 0; i < n; i++) {
    const d = dates.get(members[i])!;
    starts[i] = d.start!;
    ends[i] = d.end!;
    memberAt[positionIn(positions, members[i])!] = i + 1;
  }
  const memberOf = (target: Node): number => {
    if (target.kind !== 'project') return -1;
    const at = positionIn(positions, target);
    return at === undefined ? -1 : memberAt[at] - 1;
  };
  // First the number of links from and to each member, then the links themselves.
  const predecessorEnd = new Int32Array(n + 1);
  const successorEnd = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const links = dependencies(members[i]);
    for (let l = 0; l < links.length; l++) {
      const t = memberOf(links[l].target);
      if (t < 0) continue;
      predecessorEnd[i + 1]++;
      successorEnd[t + 1]++;
    }
  }
  for (let i = 0; i < n; i++) {
    predecessorEnd[i + 1] += predecessorEnd[i];
    successorEnd[i + 1] += successorEnd[i];
  }
  const predecessors = new Int32Array(predecessorEnd[n]);
  const successors = new Int32Array(successorEnd[n]);
  const successorFill = successorEnd.slice(0, n);
  // Each member's count of successors not yet done.
  const pending = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let p = predecessorEnd[i];
    const links = dependencies(members[i]);
    for (let l = 0; l < links.length; l++) {
      const t = memberOf(links[l].target);
      if (t < 0) continue;
      predecessors[p++] = t;
      successors[successorFill[t]++] = i;
      pending[t]++;
    }
  }
  for (let i = 0; i < n; i++) memberAt[positionIn(positions, members[i])!] = 0;
  let programEnd = -Infinity;
  for (let i = 0; i < n; i++) programEnd = Math.max(programEnd, ends[i]);
  const latestStart = new Float64Array(n);
  // Reverse topological order: a project is done once all its successors are.
  const ready = new Int32Array(n);
  let readyCount = 0;
  for (let i = 0; i < n; i++) if (pending[i] === 0) ready[readyCount++] = i;
  for (let r = 0; r < readyCount; r++) {
    const i = ready[r];
    const start = starts[i];
    let latestFinish = programEnd;
    if (successorEnd[i + 1] > successorEnd[i]) {
      latestFinish = Infinity;
      for (let k = successorEnd[i]; k < successorEnd[i + 1]; k++) latestFinish = Math.min(latestFinish, latestStart[successors[k]] - 1);
    }
    const ls = latestFinish - (ends[i] - start + 1) + 1;
    latestStart[i] = ls;
    float.set(members[i], ls - start);
    for (let k = predecessorEnd[i]; k < predecessorEnd[i + 1]; k++) if (--pending[predecessors[k]] === 0) ready[readyCount++] = predecessors[k];
  }
}
