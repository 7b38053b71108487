/** The roadmap as a Mermaid `gantt` block for Markdown: every plan string reduced to what Mermaid reads as text. */
import { plural } from '../base/messages';
import { formatDay, type Day } from '../base/dates';
import { roadmapRows } from './layout';
import type { Health } from '../model/entities';
import type { MilestoneStatus } from '../analysis/rollup';
import type { RoadmapModel } from './model';
import { laneTitle } from './scene';

/**
 * What starts another statement in a Mermaid gantt than a task (its lexer's rules, tried before a task's
 * text): a keyword, or a date. A task name must not begin with one.
 */
const mermaidStatement = /^(?:(title|section|dateformat|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|inclusiveenddates|topaxis|click|call|href|acctitle|accdescr|accdescription|displaymode|gantt)\b|\d{4}-\d\d-\d\d)/i;

/** Plan text as Mermaid reads it: one line, no `:`, `;`, `#`, `%%` or markup, never a keyword first. */
export function mermaidText(text: string): string {
  const cleaned = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ')
    .replace(/[:;#<>{}[\]"`\\|]+/g, ' ')
    .replace(/\s+/g, ' ')
    // `%%` opens a comment or a directive (`%%{init}%%`); a single `%` is plain text.
    .replace(/%{2,}/g, '%')
    .trim();
  const task = mermaidStatement.test(cleaned) ? `‹${cleaned}›` : cleaned;
  // A `%` first or second makes the line a comment (`%…`, `x%…`): the task would be left out. Written as a
  // full-width percent sign there.
  return task[0] === '%' || task[1] === '%' ? task.slice(0, 2).replace(/%/g, '\uff05') + task.slice(2) : task;
}

/** An id Mermaid accepts as a task id (letters, digits, `_`), unique within the chart. */
function mermaidId(id: string, used: Set<string>): string {
  const base = `t_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
  let result = base;
  for (let i = 2; used.has(result); i++) result = `${base}_${i}`;
  used.add(result);
  return result;
}

/**
 * The roadmap as a Mermaid `gantt` chart: a first section with the status date, then one section per
 * program (and "Unassigned"), a task per scheduled project and the milestones. Mermaid has three task
 * colours, so they carry the computed health (the critical path is not shown): `crit` (red) is off
 * track, `active` (blue) at risk, `done` (grey) done or cancelled, plain on track; the name says it too.
 * Mermaid's end dates are exclusive, so tasks end the day after the plan's inclusive end. With
 * `fenced`, wrapped in a ```` ```mermaid ```` block for Markdown.
 */
export function roadmapMermaid(model: RoadmapModel, options: { fenced?: boolean } = {}): string {
  const used = new Set<string>();
  const status = formatDay(model.statusDate);
  const lines = [
    'gantt',
    `    title ${mermaidText(model.title) || 'Roadmap'} at ${status}`,
    '    dateFormat YYYY-MM-DD',
    '    axisFormat %b %Y',
    '    todayMarker off',
    '    %% Colours are computed health: crit = off track (red), active = at risk (amber), done = done or cancelled, plain = on track',
    '    section Status date',
    `    Status date ${status} :milestone, ${mermaidId('status-date', used)}, ${status}, 0d`,
  ];
  const rows = roadmapRows(model);
  const exclusive = (day: Day) => formatDay(day + 1);
  let unscheduled = 0;
  for (const row of rows) {
    if (row.kind === 'lane') {
      const lane = model.lanes[row.lane];
      lines.push(`    section ${mermaidText(lane.program ? lane.program.name : laneTitle(lane)) || mermaidText(lane.key) || 'Program'}`);
      for (const milestone of model.milestones) {
        if (milestone.lane === row.lane && milestone.project === null) lines.push(milestoneLine(milestone, used));
      }
      continue;
    }
    const bar = model.bars[row.bar];
    if (bar.start === null || bar.end === null) {
      unscheduled++;
      continue;
    }
    const look = bar.cancelled ? { tag: 'done', words: 'cancelled' } : bar.state === 'done' || bar.health === null ? { tag: 'done', words: '' } : healthLook[bar.health];
    const name = `${mermaidText(bar.name) || mermaidText(bar.id) || 'Project'}${look.words ? ` (${look.words})` : ''}`;
    lines.push(`    ${name} :${[...(look.tag ? [look.tag] : []), mermaidId(bar.id, used), formatDay(bar.start), exclusive(bar.end)].join(', ')}`);
    for (const milestone of model.milestones) if (milestone.project === bar.id) lines.push(milestoneLine(milestone, used));
  }
  if (unscheduled > 0) lines.push(`    %% ${plural(unscheduled, 'unscheduled project')} not shown`);
  const chart = lines.join('\n') + '\n';
  return options.fenced === false ? chart : `\`\`\`mermaid\n${chart}\`\`\`\n`;
}

/** A project's Mermaid tag and the words added to its name, by computed health. */
const healthLook: Readonly<Record<Health, { tag: string; words: string }>> = {
  red: { tag: 'crit', words: 'off track' },
  amber: { tag: 'active', words: 'at risk' },
  green: { tag: '', words: '' },
};

/** A milestone's tag and words by status: done grey, missed red, at risk blue (amber's stand-in). */
const milestoneLook: Readonly<Record<MilestoneStatus, { tag: string; words: string }>> = {
  done: { tag: 'done', words: '' },
  missed: { tag: 'crit', words: 'missed' },
  'at-risk': { tag: 'active', words: 'at risk' },
  'on-track': { tag: '', words: '' },
  cancelled: { tag: 'done', words: 'cancelled' },
};

function milestoneLine(milestone: RoadmapModel['milestones'][number], used: Set<string>): string {
  const look = milestoneLook[milestone.status];
  const name = `${mermaidText(milestone.name) || 'Milestone'}${look.words ? ` (${look.words})` : ''}`;
  return `    ${name} :${['milestone', ...(look.tag ? [look.tag] : []), mermaidId(milestone.id ?? milestone.key, used), formatDay(milestone.date), '0d'].join(', ')}`;
}
