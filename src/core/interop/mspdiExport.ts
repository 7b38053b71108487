/**
 * The workspace as one MS Project XML project (SPEC 12): each program a summary task, its projects under
 * it, milestones under their owner, finish-to-start links, people as resources, team entries as
 * assignments, money in hundredths, the baseline as Baseline 0, cancelled projects inactive. Elements are
 * written in the order of Microsoft's schema (its sequences), as MS Project itself writes them.
 * The file says it was written here (`<Author>`), so that `import` reads it back with programs at level 1.
 */
import { formatDay, type Day } from '../base/dates';
import { DEFAULT_CURRENCY } from '../base/defaults';
import type { Milestone, Program, Project } from '../model/entities';
import { programSpan, projectState, type ExportFigures } from './figures';
import { EXPORT_AUTHOR, fields, finishTime as finishTimeOf, startTime as startTimeOf, toHundredths, xmlText } from './mspdi';

export interface ExportResult {
  readonly text: string;
  /** What the other tool will not get, one line each. */
  readonly notes: readonly string[];
}

interface TaskRow {
  readonly uid: number;
  readonly level: number;
  readonly outline: string;
  readonly lines: string[];
  /** The row written out once complete (`close`): its elements before and after its links (`@links`), the links once every task has its UID; its Start and Finish elements. */
  before?: string;
  links?: string;
  after?: string;
  start?: string;
  finish?: string;
}

/** A complete row as two flat strings: 10,000 tasks hold 28,000 strings until the end, not half a million. */
function close(row: TaskRow): void {
  row.start = row.lines.find((l) => l.startsWith('<Start>'));
  row.finish = row.lines.find((l) => l.startsWith('<Finish>'));
  const at = row.lines.indexOf('@links');
  row.before = (at < 0 ? row.lines : row.lines.slice(0, at)).join('');
  row.after = at < 0 ? '' : row.lines.slice(at + 1).join('');
  row.lines.length = 0;
}

const tag = (name: string, value: string | number) => `<${name}>${typeof value === 'string' ? xmlText(value) : value}</${name}>`;

function calendarDaysCalendar(): string {
  const day = (type: number) =>
    `<WeekDay><DayType>${type}</DayType><DayWorking>1</DayWorking><WorkingTimes>` +
    '<WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>' +
    '<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>';
  return (
    '  <Calendars>\n    <Calendar><UID>1</UID><Name>Calendar days</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>' +
    `<WeekDays>${[1, 2, 3, 4, 5, 6, 7].map(day).join('')}</WeekDays></Calendar>\n  </Calendars>`
  );
}

/** Writes the workspace as MSPDI. */
export function exportMspdi(analysis: ExportFigures, title = 'Plans'): ExportResult {
  const notes: string[] = [];
  const { index, schedule, rollup } = analysis;
  const currencies = [...new Set(index.programs.map((p) => p.currency?.value).filter((c): c is string => c !== undefined))];
  const currency = currencies[0] ?? DEFAULT_CURRENCY;
  if (currencies.length > 1) notes.push(`programs use ${currencies.join(', ')}: MS Project holds one currency (${currency}); amounts are written as they are`);
  if (index.portfolios.length > 0) notes.push(`portfolios (${index.portfolios.map((p) => p.id).join(', ')}) are not exported: MS Project has one project per file`);

  const rows: TaskRow[] = [];
  const uidOf = new Map<Project | Milestone, number>();
  let nextUid = 1;
  const counters: number[] = [0];
  const outlineAt = (level: number) => {
    counters.length = level;
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    return counters.join('.');
  };
  const head = (uid: number, name: string, level: number, active: boolean) => {
    const outline = outlineAt(level);
    return { outline, lines: [tag('UID', uid), tag('ID', uid), tag('Name', name), tag('Active', active ? 1 : 0), tag('Manual', 0), tag('Type', 1), tag('IsNull', 0), tag('WBS', outline), tag('OutlineNumber', outline), tag('OutlineLevel', level)] };
  };
  const custom = (kind: string, id: string | undefined, state?: string, progress?: number) => [
    ...(id !== undefined ? [`<ExtendedAttribute>${tag('FieldID', fields.taskId.id)}${tag('Value', id)}</ExtendedAttribute>`] : []),
    `<ExtendedAttribute>${tag('FieldID', fields.taskKind.id)}${tag('Value', kind)}</ExtendedAttribute>`,
    ...(state !== undefined ? [`<ExtendedAttribute>${tag('FieldID', fields.taskState.id)}${tag('Value', state)}</ExtendedAttribute>`] : []),
    ...(progress !== undefined && !Number.isInteger(progress) ? [`<ExtendedAttribute>${tag('FieldID', fields.taskProgress.id)}${tag('Value', String(progress))}</ExtendedAttribute>`] : []),
  ];
  // Plans share few days: each day's dateTimes are made once.
  const startTimes = new Map<Day, string>();
  const finishTimes = new Map<Day, string>();
  const startTime = (day: Day) => startTimes.get(day) ?? (startTimes.set(day, startTimeOf(day)), startTimes.get(day)!);
  const finishTime = (day: Day) => finishTimes.get(day) ?? (finishTimes.set(day, finishTimeOf(day)), finishTimes.get(day)!);
  const dates = (start: Day | null | undefined, end: Day | null | undefined) =>
    start != null && end != null
      ? [tag('Start', startTime(start)), tag('Finish', finishTime(end)), tag('Duration', `PT${(end - start + 1) * 8}H0M0S`), tag('DurationFormat', 7)]
      : [];

  // Links are written once every task has its UID.
  const links: Array<{ row: TaskRow; node: Project | Milestone }> = [];

  const addMilestone = (milestone: Milestone, level: number, active: boolean) => {
    const uid = nextUid++;
    uidOf.set(milestone, uid);
    const { outline, lines } = head(uid, milestone.name ?? milestone.id ?? 'Milestone', level, active);
    const date = milestone.date?.value;
    if (date !== undefined) lines.push(tag('Start', finishTime(date)), tag('Finish', finishTime(date)), tag('Duration', 'PT0H0M0S'), tag('DurationFormat', 7));
    else notes.push(`milestone ${milestone.id ?? milestone.name}: no date: written without one`);
    lines.push(tag('Milestone', 1), tag('Summary', 0), tag('PercentComplete', milestone.done ? 100 : 0));
    const row: TaskRow = { uid, level, outline, lines };
    rows.push(row);
    links.push({ row, node: milestone });
    row.lines.push('@links', ...custom('milestone', milestone.id));
    close(row);
  };

  const addProject = (project: Project, level: number) => {
    const uid = nextUid++;
    uidOf.set(project, uid);
    const cancelled = project.state?.value === 'cancelled';
    const { outline, lines } = head(uid, project.name ?? project.id ?? 'Project', level, !cancelled);
    const scheduled = schedule.dates.get(project);
    if (scheduled?.start === undefined || scheduled.end === undefined) notes.push(`project ${project.id}: not scheduled (see check): written without dates`);
    lines.push(...dates(scheduled?.start, scheduled?.end));
    const percent = project.progress?.value ?? (projectState(project, analysis) === 'done' ? 100 : undefined);
    lines.push(tag('Milestone', 0), tag('Summary', project.milestones.length > 0 ? 1 : 0));
    if (percent !== undefined) lines.push(tag('PercentComplete', Math.round(percent)));
    if (project.budget) lines.push(tag('Cost', toHundredths(project.budget.value)));
    if (project.spent) lines.push(tag('ActualCost', toHundredths(project.spent.value)));
    if (project.start && scheduled?.start !== undefined) lines.push(tag('ConstraintType', 2), tag('ConstraintDate', startTime(scheduled.start)));
    const row: TaskRow = { uid, level, outline, lines };
    rows.push(row);
    links.push({ row, node: project });
    lines.push('@links', ...custom('project', project.id, project.state?.value, project.progress?.value));
    const b = project.baseline;
    if (b && (b.start || b.end || b.budget)) {
      const parts = [tag('Number', 0)];
      if (b.start) parts.push(tag('Start', startTime(b.start.value)));
      if (b.end) parts.push(tag('Finish', finishTime(b.end.value)));
      if (b.start && b.end) parts.push(tag('Duration', `PT${(b.end.value - b.start.value + 1) * 8}H0M0S`), tag('DurationFormat', 7));
      if (b.budget) parts.push(tag('Cost', toHundredths(b.budget.value)));
      lines.push(`<Baseline>${parts.join('')}</Baseline>`);
    }
    close(row);
    if (project.program === undefined && project.programRef) notes.push(`project ${project.id}: its program ${project.programRef.name} is not in the workspace: written outside any program`);
    for (const milestone of project.milestones) addMilestone(milestone, level + 1, !cancelled);
  };

  const addProgram = (program: Program) => {
    const uid = nextUid++;
    const { outline, lines } = head(uid, program.name ?? program.id ?? 'Program', 1, true);
    const r = programSpan(program, analysis);
    lines.push(...dates(r?.start, r?.end), tag('Milestone', 0), tag('Summary', 1));
    lines.push(...custom('program', program.id));
    const row: TaskRow = { uid, level: 1, outline, lines };
    close(row);
    rows.push(row);
    if (program.budget) notes.push(`program ${program.id}: its budget cap ${program.budget.value} is not exported (MS Project sums the tasks' costs)`);
    if (program.start || program.end) {
      const window = [program.start && `start ${formatDay(program.start.value)}`, program.end && `end ${formatDay(program.end.value)}`].filter(Boolean).join(' and ');
      notes.push(`program ${program.id}: its declared ${window} ${program.start && program.end ? 'are' : 'is'} not exported (a summary task spans its tasks)`);
    }
    for (const project of program.projects) addProject(project, 2);
    for (const milestone of program.milestones) addMilestone(milestone, 2, true);
  };

  for (const program of index.programs) addProgram(program);
  for (const project of index.projects) if (project.program === undefined) addProject(project, 1);

  for (const { row, node } of links) {
    const predecessors = (schedule.links.get(node) ?? []).map((l) => uidOf.get(l.target)).filter((u): u is number => u !== undefined);
    const linkLines = [...new Set(predecessors)].map(
      (p) => `<PredecessorLink>${tag('PredecessorUID', p)}${tag('Type', 1)}${tag('CrossProject', 0)}${tag('LinkLag', 0)}${tag('LagFormat', 7)}</PredecessorLink>`,
    );
    row.links = linkLines.join('');
  }

  // Resources and assignments.
  const resourceUid = new Map<string, number>();
  const resources: string[] = [];
  index.people.forEach((person) => {
    if (resourceUid.has(person.id)) return;
    const uid = resourceUid.size + 1;
    resourceUid.set(person.id, uid);
    resources.push(
      `    <Resource>${tag('UID', uid)}${tag('ID', uid)}${tag('Name', person.name ?? person.id)}${tag('Type', 1)}${tag('IsNull', 0)}` +
        `${tag('MaxUnits', person.capacity / 100)}<ExtendedAttribute>${tag('FieldID', fields.resourceId.id)}${tag('Value', person.id)}</ExtendedAttribute></Resource>`,
    );
  });
  const assignments: string[] = [];
  for (const project of index.projects) {
    const taskUid = uidOf.get(project);
    if (taskUid === undefined) continue;
    const perPerson = new Map<string, number>();
    for (const entry of project.team) perPerson.set(entry.person.name, (perPerson.get(entry.person.name) ?? 0) + entry.allocation);
    for (const [person, allocation] of perPerson) {
      const resource = resourceUid.get(person);
      if (resource === undefined) {
        notes.push(`project ${project.id}: team person ${person} is not in a people registry: not exported`);
        continue;
      }
      assignments.push(`    <Assignment>${tag('UID', assignments.length + 1)}${tag('TaskUID', taskUid)}${tag('ResourceUID', resource)}${tag('Units', Math.min(allocation, 100) / 100)}</Assignment>`);
    }
  }

  // The first Start and the last Finish element as text (what sorting them gives first and last).
  let first: string | undefined;
  let last: string | undefined;
  for (const { start, finish } of rows) {
    if (start !== undefined && (first === undefined || start < first)) first = start;
    if (finish !== undefined && (last === undefined || finish > last)) last = finish;
  }
  const projectStart = first?.slice(7, -8);
  const projectFinish = last?.slice(8, -9);
  const summary = [tag('UID', 0), tag('ID', 0), tag('Name', title), tag('Active', 1), tag('Manual', 0), tag('Type', 1), tag('IsNull', 0), tag('WBS', '0'), tag('OutlineNumber', '0'), tag('OutlineLevel', 0)];
  if (projectStart && projectFinish) summary.push(tag('Start', projectStart), tag('Finish', projectFinish));
  summary.push(tag('Milestone', 0), tag('Summary', 1));

  const definitions = [fields.taskId, fields.taskKind, fields.taskState, fields.taskProgress, fields.resourceId].map(
    (f) => `    <ExtendedAttribute>${tag('FieldID', f.id)}${tag('FieldName', f.name)}${tag('Alias', f.alias)}</ExtendedAttribute>`,
  );
  const project = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Project xmlns="http://schemas.microsoft.com/project">',
    `  ${tag('SaveVersion', 14)}`,
    `  ${tag('Name', `${title}.xml`)}`,
    `  ${tag('Title', title)}`,
    `  ${tag('Author', EXPORT_AUTHOR)}`,
    `  ${tag('ScheduleFromStart', 1)}`,
    ...(projectStart ? [`  ${tag('StartDate', projectStart)}`] : []),
    ...(projectFinish ? [`  ${tag('FinishDate', projectFinish)}`] : []),
    `  ${tag('CurrencyDigits', 2)}`,
    `  ${tag('CurrencyCode', currency)}`,
    `  ${tag('CalendarUID', 1)}`,
    `  ${tag('DefaultStartTime', '08:00:00')}`,
    `  ${tag('DefaultFinishTime', '17:00:00')}`,
    `  ${tag('MinutesPerDay', 480)}`,
    `  ${tag('MinutesPerWeek', 3360)}`,
    `  ${tag('DaysPerMonth', 30)}`,
    `  ${tag('StatusDate', finishTime(rollup.statusDate))}`,
    '  <ExtendedAttributes>',
    ...definitions,
    '  </ExtendedAttributes>',
    calendarDaysCalendar(),
    '  <Tasks>',
    `    <Task>${summary.join('')}</Task>`,
    ...rows.map((r) => `    <Task>${r.before}${r.links ?? ''}${r.after}</Task>`),
    '  </Tasks>',
    '  <Resources>',
    ...resources,
    '  </Resources>',
    '  <Assignments>',
    ...assignments,
    '  </Assignments>',
    '</Project>',
  ];
  return { text: `${project.join('\n')}\n`, notes };
}
