/**
 * What an import reads from another tool (SPEC 12), before it is written as plan files: programs with
 * their projects and milestones, standalone projects, people, and what could not be carried over. Both
 * readers (MSPDI, CSV) build this; `importedPlanFiles` writes it as YAML the engine accepts.
 */
import { looksTyped, yamlId } from '../base/yamlScalars';
import { plural } from '../base/messages';
import { formatDay, type Day } from '../base/dates';
import type { ProjectState } from '../model/entities';

/** Bad input: one line naming the file and the place. Nothing is written. */
export class ImportError extends Error {}

export interface ImportedMilestone {
  id: string;
  name: string;
  date: Day;
  done: boolean;
  dependsOn: string[];
}

export interface ImportedProject {
  id: string;
  name: string;
  start?: Day;
  end?: Day;
  /** Calendar days, written as `Nd`. */
  duration?: number;
  dependsOn: string[];
  budget?: number;
  spent?: number;
  progress?: number;
  state?: ProjectState;
  manager?: string;
  baseline?: { start?: Day; end?: Day; budget?: number };
  team: Array<{ person: string; allocation: number }>;
  milestones: ImportedMilestone[];
}

export interface ImportedProgram {
  id: string;
  name: string;
  currency?: string;
  /** The file's status date (MSPDI StatusDate). */
  statusDate?: Day;
  projects: ImportedProject[];
  milestones: ImportedMilestone[];
}

export interface ImportedPerson {
  id: string;
  name?: string;
  capacity?: number;
}

export interface ImportedPlan {
  /** The file it came from, as given (for messages and the header comment). */
  readonly source: string;
  /** The name of the file to write standalone projects into (no extension). */
  readonly standaloneName: string;
  readonly programs: ImportedProgram[];
  /** Projects outside any program: written as project documents. */
  readonly projects: ImportedProject[];
  readonly people: ImportedPerson[];
  /** What could not be carried over, one line each. */
  readonly notCarried: string[];
}

/** Gives readable, unique ids: from a name, lower case words joined by `-`, made unique with `-2`, `-3`… */
export class IdAllocator {
  private readonly taken = new Set<string>();
  /** Per base id, the suffix to try next: below it every `base-n` is taken (ids are never given back). */
  private readonly nextSuffix = new Map<string, number>();

  /** Marks an id as used (ids a file gives itself); false when it was already. */
  reserve(id: string): boolean {
    if (this.taken.has(id)) return false;
    this.taken.add(id);
    return true;
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }

  /** A new id from a name (or `fallback` when the name has no letter or digit). */
  fromName(name: string, fallback: string): string {
    const base = slug(name) || fallback;
    let id = base;
    if (this.taken.has(id)) {
      // The smallest free `base-n` (n ≥ 2), without trying again the ones taken before: 10,000 tasks named alike stay linear.
      let n = this.nextSuffix.get(base) ?? 2;
      while (this.taken.has((id = `${base}-${n}`))) n++;
      this.nextSuffix.set(base, n + 1);
    }
    this.taken.add(id);
    return id;
  }
}

export const planIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** `Move auth to OIDC` → `move-auth-to-oidc`; accents dropped; at most 60 characters. */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * A cycle in the dependencies (projects and milestones by id), as the ids on it (first repeated at the end),
 * or undefined. Iterative: a 10,000-task chain must not exhaust the stack.
 */
export function dependencyCycle(plan: Pick<ImportedPlan, 'programs' | 'projects'>): string[] | undefined {
  const links = new Map<string, readonly string[]>();
  const add = (id: string, deps: readonly string[]) => links.set(id, deps);
  for (const program of plan.programs) {
    for (const milestone of program.milestones) add(milestone.id, milestone.dependsOn);
    for (const project of program.projects) addProject(project);
  }
  for (const project of plan.projects) addProject(project);
  function addProject(project: ImportedProject) {
    add(project.id, project.dependsOn);
    for (const milestone of project.milestones) add(milestone.id, milestone.dependsOn);
  }
  const state = new Map<string, 'open' | 'done'>();
  for (const root of links.keys()) {
    if (state.has(root)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const deps = links.get(top.id) ?? [];
      if (top.next >= deps.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const dep = deps[top.next++];
      if (!links.has(dep)) continue;
      const seen = state.get(dep);
      if (seen === 'open') {
        const path = stack.slice(stack.findIndex((s) => s.id === dep)).map((s) => s.id);
        return [...path, dep];
      }
      if (seen === undefined) {
        state.set(dep, 'open');
        stack.push({ id: dep, next: 0 });
      }
    }
  }
  return undefined;
}

/**
 * Throws the cycle as bad input naming the file and where each id on it comes from (`place`: a CSV's
 * `line 2`, an MSPDI's `task 7`); `line` gives the line of the first for the `file:line` prefix.
 */
export function rejectCycles(plan: ImportedPlan, place?: (id: string) => string | undefined, line?: (id: string) => number | undefined): void {
  const cycle = dependencyCycle(plan);
  if (!cycle) return;
  const first = line?.(cycle[0]);
  const named = cycle.map((id, i) => {
    const where = i < cycle.length - 1 ? place?.(id) : undefined;
    return where ? `${id} (${where})` : id;
  });
  throw new ImportError(`${plan.source}${first !== undefined ? `:${first}` : ''}: the links form a cycle: ${named.join(' → ')} (a plan's dependencies cannot go round)`);
}

// ---- Writing YAML -------------------------------------------------------------------------------

const plainSafe = /^[A-Za-z_][A-Za-z0-9 _.,()/&+'%-]*$/;

/** A YAML scalar for a string: plain when that reads back as the same string, else double-quoted (JSON escapes are YAML's). */
export function yamlString(text: string, flow = false): string {
  if (plainSafe.test(text) && !looksTyped.test(text) && !/\s$/.test(text) && !(flow && /[,[\]{}]/.test(text))) return text;
  return JSON.stringify(text);
}

export function yamlNumber(value: number): string {
  return Number.isInteger(value) || Math.abs(value) >= 1e-6 ? String(value) : value.toFixed(10).replace(/0+$/, '');
}

function idList(ids: readonly string[]): string {
  return `[${ids.map(yamlId).join(', ')}]`;
}

function milestoneLines(milestones: readonly ImportedMilestone[], indent: string): string[] {
  if (milestones.length === 0) return [];
  const lines = [`${indent}milestones:`];
  for (const m of milestones) {
    lines.push(`${indent}  - id: ${yamlId(m.id)}`, `${indent}    name: ${yamlString(m.name)}`, `${indent}    date: ${formatDay(m.date)}`);
    if (m.done) lines.push(`${indent}    done: true`);
    if (m.dependsOn.length > 0) lines.push(`${indent}    depends_on: ${idList(m.dependsOn)}`);
  }
  return lines;
}

/** A project's keys, each on its own line at `indent` (the first line carries `first` before it, for list items). */
function projectLines(project: ImportedProject, indent: string, first: string, program?: string): string[] {
  const lines = [`${first}id: ${yamlId(project.id)}`, `${indent}name: ${yamlString(project.name)}`];
  if (program !== undefined) lines.push(`${indent}program: ${yamlId(program)}`);
  if (project.manager !== undefined) lines.push(`${indent}manager: ${yamlString(project.manager)}`);
  if (project.start !== undefined) lines.push(`${indent}start: ${formatDay(project.start)}`);
  if (project.end !== undefined) lines.push(`${indent}end: ${formatDay(project.end)}`);
  if (project.duration !== undefined) lines.push(`${indent}duration: ${project.duration}d`);
  if (project.dependsOn.length > 0) lines.push(`${indent}depends_on: ${idList(project.dependsOn)}`);
  if (project.budget !== undefined) lines.push(`${indent}budget: ${yamlNumber(project.budget)}`);
  if (project.spent !== undefined) lines.push(`${indent}spent: ${yamlNumber(project.spent)}`);
  if (project.progress !== undefined) lines.push(`${indent}progress: ${yamlNumber(project.progress)}`);
  if (project.state !== undefined) lines.push(`${indent}state: ${project.state}`);
  const b = project.baseline;
  if (b && (b.start !== undefined || b.end !== undefined || b.budget !== undefined)) {
    const parts = [
      ...(b.start !== undefined ? [`start: ${formatDay(b.start)}`] : []),
      ...(b.end !== undefined ? [`end: ${formatDay(b.end)}`] : []),
      ...(b.budget !== undefined ? [`budget: ${yamlNumber(b.budget)}`] : []),
    ];
    lines.push(`${indent}baseline: { ${parts.join(', ')} }`);
  }
  if (project.team.length > 0) {
    lines.push(`${indent}team:`);
    for (const t of project.team) lines.push(`${indent}  - { person: ${yamlId(t.person)}, allocation: ${yamlNumber(t.allocation)} }`);
  }
  lines.push(...milestoneLines(project.milestones, indent));
  return lines;
}

function peopleLines(people: readonly ImportedPerson[]): string[] {
  if (people.length === 0) return [];
  return [
    'people:',
    ...people.map((p) => {
      const parts = [`id: ${yamlId(p.id)}`];
      if (p.name !== undefined) parts.push(`name: ${yamlString(p.name, true)}`);
      if (p.capacity !== undefined) parts.push(`capacity: ${yamlNumber(p.capacity)}`);
      return `  - { ${parts.join(', ')} }`;
    }),
  ];
}

export interface WrittenPlanFile {
  /** File name inside the output folder. */
  readonly name: string;
  readonly text: string;
  /** What it holds, for the command's report. */
  readonly summary: string;
}

/**
 * The plan files of an import: one per program (`<id>.plan.yaml`), one for the projects outside any
 * program (`<standaloneName>.plan.yaml`, a document per project), and the people — in the program's
 * document when there is one program, else in `people.plan.yaml`.
 */
export function importedPlanFiles(plans: readonly ImportedPlan[]): WrittenPlanFile[] {
  const files: WrittenPlanFile[] = [];
  const people = plans.flatMap((p) => p.people);
  const programs = plans.flatMap((p) => p.programs.map((program) => ({ program, source: p.source })));
  const peopleInline = programs.length === 1;
  for (const { program, source } of programs) {
    const lines = [`# Imported from ${source.replace(/\n/g, ' ')} by plan-as-code import.`, 'version: 1', 'program:', `  id: ${yamlId(program.id)}`, `  name: ${yamlString(program.name)}`];
    if (program.currency !== undefined) lines.push(`  currency: ${program.currency}`);
    if (program.statusDate !== undefined) lines.push(`  status_date: ${formatDay(program.statusDate)}`);
    lines.push(...milestoneLines(program.milestones, '  '));
    if (program.projects.length > 0) {
      lines.push('  projects:');
      for (const project of program.projects) lines.push(...projectLines(project, '      ', '    - '));
    }
    if (peopleInline) lines.push(...peopleLines(people));
    const count = program.projects.length;
    const milestones = program.milestones.length + program.projects.reduce((n, p) => n + p.milestones.length, 0);
    files.push({
      name: `${program.id}.plan.yaml`,
      text: `${lines.join('\n')}\n`,
      summary: `program ${program.id}: ${plural(count, 'project')}, ${plural(milestones, 'milestone')}${peopleInline && people.length > 0 ? `, ${people.length} ${people.length === 1 ? 'person' : 'people'}` : ''}`,
    });
  }
  for (const plan of plans) {
    if (plan.projects.length === 0) continue;
    const docs = plan.projects.map((project) => ['version: 1', 'project:', ...projectLines(project, '  ', '  ')].join('\n'));
    files.push({
      name: `${plan.standaloneName}.plan.yaml`,
      text: `# Imported from ${plan.source.replace(/\n/g, ' ')} by plan-as-code import: projects outside any program.\n${docs.join('\n---\n')}\n`,
      summary: `${plural(plan.projects.length, 'project')} outside any program`,
    });
  }
  if (!peopleInline && people.length > 0) {
    files.push({ name: 'people.plan.yaml', text: `# Imported by plan-as-code import.\nversion: 1\n${peopleLines(people).join('\n')}\n`, summary: `${people.length} people` });
  }
  return files;
}
