/** The roadmap as a Mermaid `gantt` block for Markdown: every plan string reduced to what Mermaid reads as text. */
import { formatDay, type Day } from '../base/dates';
import { roadmapRows } from './layout';
import type { RoadmapModel } from './model';
import { laneTitle } from './scene';

/** Words that start a statement in a Mermaid gantt: a task name must not begin with one. */
const mermaidKeywords = /^(title|section|dateformat|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|inclusiveenddates|topaxis|click|call|href|acctitle|accdescr|displaymode|gantt)\b/i;

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
  return mermaidKeywords.test(cleaned) ? `‹${cleaned}›` : cleaned;
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
 * The roadmap as a Mermaid `gantt` chart: one section per program (and "Unassigned"), a task per
 * scheduled project with `done`, `active` and `crit` tags, and milestones. Mermaid's end dates are
 * exclusive, so tasks end the day after the plan's inclusive end. With `fenced`, wrapped in a
 * ```` ```mermaid ```` block for Markdown.
 */
export function roadmapMermaid(model: RoadmapModel, options: { fenced?: boolean } = {}): string {
  const used = new Set<string>();
  const lines = [
    'gantt',
    `    title ${mermaidText(model.title) || 'Roadmap'} at ${formatDay(model.statusDate)}`,
    '    dateFormat YYYY-MM-DD',
    '    axisFormat %b %Y',
    '    todayMarker off',
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
    const tags: string[] = [];
    if (bar.critical && !bar.cancelled) tags.push('crit');
    if (bar.state === 'done') tags.push('done');
    else if (bar.state === 'active') tags.push('active');
    const name = `${mermaidText(bar.name) || mermaidText(bar.id) || 'Project'}${bar.cancelled ? ' (cancelled)' : ''}`;
    lines.push(`    ${name} :${[...tags, mermaidId(bar.id, used), formatDay(bar.start), exclusive(bar.end)].join(', ')}`);
    for (const milestone of model.milestones) if (milestone.project === bar.id) lines.push(milestoneLine(milestone, used));
  }
  if (unscheduled > 0) lines.push(`    %% ${unscheduled} unscheduled project${unscheduled === 1 ? '' : 's'} not shown`);
  const chart = lines.join('\n') + '\n';
  return options.fenced === false ? chart : `\`\`\`mermaid\n${chart}\`\`\`\n`;
}

function milestoneLine(milestone: RoadmapModel['milestones'][number], used: Set<string>): string {
  const tags = ['milestone', ...(milestone.done ? ['done'] : milestone.status === 'missed' ? ['crit'] : [])];
  const name = mermaidText(milestone.name) || 'Milestone';
  return `    ${name} :${[...tags, mermaidId(milestone.id ?? milestone.key, used), formatDay(milestone.date), '0d'].join(', ')}`;
}
