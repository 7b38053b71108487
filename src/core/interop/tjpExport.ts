/**
 * The workspace as a TaskJuggler 3 project (SPEC 12) that `tj3` schedules to the same start and end for
 * every project: programs as parent tasks, projects as `duration Nd` tasks (tj3's duration is calendar
 * days, its ends exclusive), milestones as milestone tasks at the end of their day and never inside their
 * project's task (that would make it a summary with derived dates), people as resources, progress as
 * `complete`. Every task carries its plan id in a custom attribute `PlanId`, so a report can name it.
 */
import { formatDay, type Day } from '../base/dates';
import { DEFAULT_CURRENCY } from '../base/defaults';
import { projectState, type ExportFigures } from './figures';
import type { Milestone, Program, Project } from '../model/entities';
import type { ExportResult } from './mspdiExport';

/** A TaskJuggler string literal. */
/** Text inside a `/* … *\/` comment: on one line, and never its end (`*\/`), after which the rest would be read as the file's own. */
function tjComment(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\*\//g, '* /');
}

function tjString(text: string): string {
  const safe = text
    .replace(/[\r\n]+/g, ' ')
    // tj3 calls a macro at `${name}` and reads an environment variable at `$(NAME)`, inside strings too, and
    // has no escape for either: a zero-width space after the `$` keeps them text.
    .replace(/\$(?=[{(])/g, '$\u200b')
    // It reads `\"` as a quote and any other backslash as itself: only a backslash that would stand before
    // the closing quote needs keeping apart from it.
    .replace(/\\$/, '\\\u200b')
    .replace(/"/g, '\\"');
  return `"${safe}"`;
}

/** TaskJuggler ids are letters, digits and `_`, not starting with a digit. */
export function tjpIds(): (id: string) => string {
  const given = new Map<string, string>();
  const taken = new Set<string>();
  return (id: string) => {
    const known = given.get(id);
    if (known) return known;
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `t_${base}`;
    let result = base;
    for (let n = 2; taken.has(result); n++) result = `${base}_${n}`;
    taken.add(result);
    given.set(id, result);
    return result;
  };
}

export function exportTjp(analysis: ExportFigures, title = 'Plans'): ExportResult {
  const notes: string[] = [];
  const { index, schedule, rollup } = analysis;
  const taskId = tjpIds();
  const resourceId = tjpIds();
  /** Full (dotted) tj3 id of each exported project and milestone. */
  const fullId = new Map<Project | Milestone, string>();
  /** Each node's last day as a dependency: a project's end, a milestone's date. */
  const endOf = (node: Project | Milestone): Day | undefined => (node.kind === 'project' ? schedule.dates.get(node)?.end : node.date?.value);

  // The earliest and latest day of the plans (in a loop: spread into Math.min, 100,000 days overflow the stack).
  let first = rollup.statusDate;
  let last = rollup.statusDate;
  const see = (day: Day) => {
    if (day < first) first = day;
    if (day > last) last = day;
  };
  for (const project of index.projects) {
    const d = schedule.dates.get(project);
    if (d?.start !== undefined) see(d.start);
    if (d?.end !== undefined) see(d.end);
  }
  for (const m of index.milestones) if (m.date) see(m.date.value);

  // Ids first: dependencies may point forwards.
  const unique = new Set<string>();
  const name = (kind: string, id: string | undefined, fallback: string) => {
    const base = taskId(`${kind === 'milestone' ? '' : ''}${id ?? fallback}`);
    unique.add(base);
    return base;
  };
  let anonymous = 0;
  const place = (parent: string | undefined, node: Project | Milestone) => {
    const local = name(node.kind, node.id, `${node.kind}_${++anonymous}`);
    fullId.set(node, parent ? `${parent}.${local}` : local);
  };
  const programIds = new Map<Program, string>();
  for (const program of index.programs) {
    const local = name('program', program.id, `program_${++anonymous}`);
    programIds.set(program, local);
    for (const project of program.projects) {
      place(local, project);
      for (const m of project.milestones) place(local, m);
    }
    for (const m of program.milestones) place(local, m);
  }
  for (const project of index.projects) {
    if (project.program !== undefined) continue;
    place(undefined, project);
    for (const m of project.milestones) place(undefined, m);
  }

  const dependsLine = (node: Project | Milestone, startDay: Day | undefined, explicit: boolean, indent: string): string[] => {
    const targets = [...new Set((schedule.links.get(node) ?? []).map((l) => l.target))];
    const kept: string[] = [];
    const dropped: string[] = [];
    for (const target of targets) {
      const id = fullId.get(target);
      const end = endOf(target);
      if (id === undefined || end === undefined || schedule.cyclic.has(target)) continue;
      // An explicit date before a dependency's end is kept by the plan (a warning); tj3 would refuse it.
      const allowed = !explicit || startDay === undefined || (node.kind === 'project' ? end < startDay : end <= startDay);
      if (allowed) kept.push(id);
      else dropped.push(target.id ?? '?');
    }
    const lines: string[] = [];
    if (kept.length > 0) lines.push(`${indent}depends ${kept.join(', ')}`);
    if (dropped.length > 0) {
      lines.push(`${indent}# depends_on ${dropped.join(', ')}: not linked, the plan's explicit date comes before their end`);
      notes.push(`${node.id ?? node.name}: depends_on ${dropped.join(', ')} left out (its explicit date is before their end; tj3 would refuse it)`);
    }
    return lines;
  };

  const lines: string[] = [
    `/* ${tjComment(title)}: written by plan-as-code export --format tjp. Calendar days; each task's PlanId is its plan id. */`,
    `project plans ${tjString(title)} ${formatDay(first - 1)} - ${formatDay(last + 32)} {`,
    '  timezone "UTC"',
    `  currency ${tjString(index.programs.find((p) => p.currency)?.currency?.value ?? DEFAULT_CURRENCY)}`,
    `  now ${formatDay(rollup.statusDate)}`,
    '  extend task {',
    '    text PlanId "Plan id"',
    '  }',
    '}',
    '',
  ];
  const seenPeople = new Set<string>();
  for (const person of index.people) {
    if (seenPeople.has(person.id)) continue;
    seenPeople.add(person.id);
    lines.push(`resource ${resourceId(person.id)} ${tjString(person.name ?? person.id)}`);
  }
  if (index.people.length > 0) lines.push('');

  const milestoneTask = (m: Milestone, indent: string) => {
    const local = fullId.get(m)!.split('.').pop()!;
    const out = [`${indent}task ${local} ${tjString(m.name ?? m.id ?? 'Milestone')} {`, `${indent}  milestone`];
    if (m.id) out.push(`${indent}  PlanId ${tjString(m.id)}`);
    if (m.date) {
      // The end of its day: a successor starts the next day, as in the plan.
      out.push(`${indent}  start ${formatDay(m.date.value + 1)}`);
      out.push(...dependsLine(m, m.date.value, true, `${indent}  `));
    }
    if (m.done) out.push(`${indent}  complete 100`);
    out.push(`${indent}}`);
    return out;
  };

  const projectTask = (project: Project, indent: string) => {
    const local = fullId.get(project)!.split('.').pop()!;
    const d = schedule.dates.get(project);
    if (d?.start === undefined || d.end === undefined || schedule.cyclic.has(project)) {
      notes.push(`project ${project.id}: not scheduled (see check): left out`);
      return [`${indent}# ${project.id}: not scheduled in the plan, left out`];
    }
    const out = [`${indent}task ${local} ${tjString(project.name ?? project.id ?? 'Project')} {`, `${indent}  PlanId ${tjString(project.id ?? local)}`];
    const explicit = project.start !== undefined || (schedule.links.get(project) ?? []).length === 0;
    const deps = dependsLine(project, d.start, explicit, `${indent}  `);
    const linked = deps.some((l) => l.trim().startsWith('depends '));
    if (explicit || !linked) out.push(`${indent}  start ${formatDay(d.start)}`);
    out.push(...deps);
    out.push(`${indent}  duration ${d.end - d.start + 1}d`);
    const state = projectState(project, analysis);
    const percent = project.progress?.value ?? (state === 'done' ? 100 : undefined);
    if (percent !== undefined) out.push(`${indent}  complete ${Math.round(percent)}`);
    if (state === 'cancelled') out.push(`${indent}  # cancelled in the plan`);
    const people = [...new Set(project.team.map((t) => t.person.name))].filter((p) => seenPeople.has(p));
    if (people.length > 0) out.push(`${indent}  allocate ${people.map(resourceId).join(', ')}`);
    out.push(`${indent}}`);
    return out;
  };

  for (const program of index.programs) {
    const local = programIds.get(program)!;
    lines.push(`task ${local} ${tjString(program.name ?? program.id ?? 'Program')} {`);
    if (program.id) lines.push(`  PlanId ${tjString(program.id)}`);
    for (const project of program.projects) {
      lines.push(...projectTask(project, '  '));
      for (const m of project.milestones) lines.push(...milestoneTask(m, '  '));
    }
    for (const m of program.milestones) lines.push(...milestoneTask(m, '  '));
    lines.push('}', '');
  }
  for (const project of index.projects) {
    if (project.program !== undefined) continue;
    lines.push(...projectTask(project, ''));
    for (const m of project.milestones) lines.push(...milestoneTask(m, ''));
    lines.push('');
  }
  notes.push('budgets, spent, baselines, capacities and allocations in percent are not in the tjp (tj3 books whole resources)');
  return { text: `${lines.join('\n')}\n`, notes };
}
