/**
 * The plans over time in words (SPEC 8): `diff` as text for a terminal and as Markdown for a
 * pull-request comment, and `trend` as Markdown tables. Read from the comparison's JSON shape only.
 */
import type { Holder } from '../history/snapshot';
import type { DiffSideJson, ItemChangeJson, MilestoneChange, PlanDiff, UndertakingChangeJson, UndertakingValuesJson } from '../history/diff';
import type { TrendFiguresJson, TrendJson } from '../history/trend';
import { formatIndex, formatMoney, formatPercent } from './figures';
import { milestoneStatusText } from './forecastText';

// ---------------------------------------------------------------------------------------------------
// Shared wording

/** A day difference as a label: "+32 d", "-5 d", "0 d". */
export function formatDayDelta(days: number | null): string {
  if (days === null) return '—';
  return `${days > 0 ? '+' : ''}${days} d`;
}

/** A money difference with its sign: "+40k", "-1.2M". */
export function formatMoneyDelta(value: number | null): string {
  if (value === null) return '—';
  const text = formatMoney(value);
  return value > 0 && text !== '0' ? `+${text}` : text;
}

/** A percent-point difference with its sign: "+12 pts". */
function formatPointsDelta(value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : ''}${rounded === 0 ? 0 : rounded} pts`;
}

/** "HEAD (1a2b3c4)", "files on disk". */
export function sideName(side: DiffSideJson): string {
  if (side.ref === null) return 'files on disk';
  if (side.commit === null) return side.ref;
  const short = side.commit.slice(0, 7);
  // A sha given as the ref is shown short, once.
  return side.commit.startsWith(side.ref) ? short : `${side.ref} (${short})`;
}

const holderText = (holder: Holder) => `${holder.kind} ${holder.id ?? '(no id)'}`;
const arrow = <T>(before: T, after: T, show: (value: T) => string) => `${show(before)} → ${show(after)}`;
const dateText = (value: string | null) => value ?? '—';
/** " (+32 d)" after a date that moved; nothing when one side has no date. */
const moved = (days: number | null) => (days === null ? '' : ` (${formatDayDelta(days)})`);

/** The schedule move of a project or program: the larger of its plan's and its forecast's end moves. */
function endMove(change: UndertakingChangeJson): number {
  return Math.max(change.delta.end ?? 0, change.delta.forecastEnd ?? 0);
}
const movedEarlier = (change: UndertakingChangeJson) => (change.delta.end ?? 0) < 0 || (change.delta.forecastEnd ?? 0) < 0;

/** Changes of a project or program's values, field by field, as "label before → after (delta)". */
function undertakingDetails(change: UndertakingChangeJson): string[] {
  const { base, head, delta } = change;
  if (!base || !head) return [];
  const details: string[] = [];
  const dated = (label: string, key: 'start' | 'end' | 'forecastEnd') => {
    if (base[key] !== head[key]) details.push(`${label} ${arrow(base[key], head[key], dateText)}${moved(delta[key])}`);
  };
  dated('start', 'start');
  dated('end', 'end');
  dated('forecast end', 'forecastEnd');
  if (base.bac !== head.bac) details.push(`BAC ${arrow(base.bac, head.bac, formatMoney)} (${formatMoneyDelta(delta.bac)})`);
  if (base.eac !== head.eac) details.push(`EAC ${arrow(base.eac, head.eac, formatMoney)} (${formatMoneyDelta(delta.eac)})`);
  if (base.progress !== head.progress) details.push(`progress ${arrow(base.progress, head.progress, (p) => formatPercent(p))} (${formatPointsDelta(delta.progress)})`);
  if (base.health !== head.health) details.push(`health ${arrow(base.health, head.health, String)}`);
  if (base.state !== head.state) details.push(`state ${arrow(base.state, head.state, (s) => s ?? '—')}`);
  return details;
}

/** A project or program on one side, in a few words: its window, BAC, health and state. */
function undertakingSummary(values: UndertakingValuesJson): string {
  const window = values.start === null && values.end === null ? 'unscheduled' : `${dateText(values.start)} → ${dateText(values.end)}`;
  return [window, `BAC ${formatMoney(values.bac)}`, values.health, ...(values.state ? [values.state] : [])].join(', ');
}

function milestoneDetails(change: MilestoneChange): string[] {
  const { base, head, delta } = change;
  if (!base || !head) {
    const values = (head ?? base)!;
    return [`due ${dateText(values.date)}, forecast ${dateText(values.forecast)}, ${milestoneStatusText[values.status]}`];
  }
  const details: string[] = [];
  if (base.date !== head.date) details.push(`date ${arrow(base.date, head.date, dateText)}${moved(delta.date)}`);
  if (base.forecast !== head.forecast) details.push(`forecast ${arrow(base.forecast, head.forecast, dateText)}${moved(delta.forecast)}`);
  if (base.status !== head.status) details.push(`status ${arrow(base.status, head.status, (s) => milestoneStatusText[s])}`);
  if (base.done !== head.done) details.push(head.done ? 'marked done' : 'no longer done');
  return details;
}

function itemRating<Values extends { state: string }>(change: ItemChangeJson<Values>, rating: (values: Values) => string | null): string {
  const show = (values: Values | null) => (values ? `${rating(values) ?? 'unrated'}, ${values.state}` : '—');
  if (change.base && change.head) return arrow(change.base, change.head, show);
  return show(change.head ?? change.base);
}

const riskRating = (values: { level: string | null }) => values.level;
const issueRating = (values: { severity: string | null }) => values.severity;

/** How many entries changed in all. */
export function changeCount(diff: PlanDiff): number {
  return diff.projects.length + diff.programs.length + diff.milestones.length + diff.risks.length + diff.issues.length;
}

export function statusDatesText(diff: Pick<PlanDiff, 'base' | 'head'>): string {
  return diff.base.statusDate === diff.head.statusDate ? `status date ${diff.base.statusDate}` : `status date ${diff.base.statusDate} → ${diff.head.statusDate}`;
}

// ---------------------------------------------------------------------------------------------------
// Text

/** One changed entity in words: its change, who it is, and each value that changed. */
export interface ChangeEntry {
  readonly change: string;
  /** The id (if any), then the name; milestones, risks and issues add their holder. */
  readonly label: string;
  /** The id to open, when it names a project, program or milestone. */
  readonly id: string | null;
  readonly details: readonly string[];
}

export interface ChangeSection {
  readonly title: 'Projects' | 'Programs' | 'Milestones' | 'Risks' | 'Issues';
  readonly entries: readonly ChangeEntry[];
}

/** Every change, by kind (empty kinds left out), in the comparison's order: the text output and the roadmap's list of changes. */
export function changeSections(diff: PlanDiff): ChangeSection[] {
  const named = (id: string | null, name: string | null) => (id === null ? (name ?? '') : name && name !== id ? `${id}  ${name}` : id);
  const held = (id: string | null, name: string | null, owner: Holder) => `${named(id, name)} (${holderText(owner)})`;
  const undertakings = (changes: readonly UndertakingChangeJson[]): ChangeEntry[] =>
    changes.map((c) => ({
      change: c.change,
      label: named(c.id, c.name),
      id: c.change === 'removed' ? null : c.id,
      details: c.change === 'changed' ? undertakingDetails(c) : [undertakingSummary((c.head ?? c.base)!)],
    }));
  const sections: ChangeSection[] = [
    { title: 'Projects', entries: undertakings(diff.projects) },
    { title: 'Programs', entries: undertakings(diff.programs) },
    { title: 'Milestones', entries: diff.milestones.map((c) => ({ change: c.change, label: held(c.id, c.name, c.owner), id: c.change === 'removed' ? null : c.id, details: milestoneDetails(c) })) },
    { title: 'Risks', entries: diff.risks.map((c) => ({ change: c.change, label: held(c.id, c.title, c.owner), id: null, details: [itemRating(c, riskRating)] })) },
    { title: 'Issues', entries: diff.issues.map((c) => ({ change: c.change, label: held(c.id, c.title, c.owner), id: null, details: [itemRating(c, issueRating)] })) },
  ];
  return sections.filter((section) => section.entries.length > 0);
}

/** `diff --format text`: every changed entity with each value that changed, by kind and id. */
export function diffText(diff: PlanDiff): string {
  const lines = [`${sideName(diff.base)} → ${sideName(diff.head)}, ${statusDatesText(diff)}`];
  const sections = changeSections(diff);
  if (sections.length === 0) lines.push('', 'No changes to projects, programs, milestones, risks or issues.');
  for (const section of sections) {
    lines.push('', `${section.title} (${section.entries.length})`);
    for (const entry of section.entries) {
      lines.push(`  ${entry.change.padEnd(8)} ${entry.label}`);
      for (const detail of entry.details) lines.push(`           ${detail}`);
    }
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------
// Markdown

/** Rows per table in the Markdown summary; the rest are counted ("… and 12 more"). */
export const MARKDOWN_ROWS = 25;

/** Text in a table cell: no cell break, no HTML, no character reference (a bare `&` stays as it reads). */
const escapeCell = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[<>]|&(?=#?\w+;)/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/[\r\n]+/g, ' ');
/** A name as Markdown: the name, then the id in code (ids match [A-Za-z0-9_.-], safe in backticks). */
const mdName = (id: string | null, name: string | null) => {
  const shown = escapeCell(name ?? '');
  return id === null ? shown : shown && name !== id ? `${shown} \`${id}\`` : `\`${id}\``;
};
const mdHolder = (holder: Holder) => `${holder.kind} ${holder.id === null ? '(no id)' : `\`${holder.id}\``}`;

function table(lines: string[], title: string, header: readonly string[], align: string, rows: readonly string[][]): void {
  if (rows.length === 0) return;
  lines.push('', `#### ${title}`, '', `| ${header.join(' | ')} |`, align);
  for (const row of rows.slice(0, MARKDOWN_ROWS)) lines.push(`| ${row.join(' | ')} |`);
  if (rows.length > MARKDOWN_ROWS) lines.push('', `… and ${rows.length - MARKDOWN_ROWS} more (\`plan-as-code diff\` lists every change).`);
}

const kindNote = (kind: 'project' | 'program') => (kind === 'program' ? ' (program)' : '');

/**
 * `diff --format md`: a summary for a pull-request comment — slips first (largest first), then what was
 * pulled in, budget changes, health changes, projects and programs added, removed or changing state,
 * milestones, risks and issues.
 */
export function diffMarkdown(diff: PlanDiff): string {
  const lines = [`### Plan changes: ${escapeCell(sideName(diff.base))} → ${escapeCell(sideName(diff.head))}`, ''];
  const undertakings = [
    ...diff.programs.map((change) => ({ kind: 'program' as const, change })),
    ...diff.projects.map((change) => ({ kind: 'project' as const, change })),
  ];
  const changed = undertakings.filter(({ change }) => change.change === 'changed');

  const slips = changed.filter(({ change }) => endMove(change) > 0).sort((a, b) => endMove(b.change) - endMove(a.change));
  const earlier = changed.filter(({ change }) => endMove(change) <= 0 && movedEarlier(change));
  const budget = changed
    .filter(({ change }) => change.delta.bac !== 0 || change.delta.eac !== 0)
    .sort((a, b) => Math.abs(b.change.delta.eac ?? 0) - Math.abs(a.change.delta.eac ?? 0) || Math.abs(b.change.delta.bac ?? 0) - Math.abs(a.change.delta.bac ?? 0));
  const health = changed.filter(({ change }) => change.base!.health !== change.head!.health);
  const comings = undertakings.filter(({ change }) => change.change !== 'changed' || change.base!.state !== change.head!.state);

  const summary = [
    statusDatesText(diff),
    slips.length > 0 ? `${slips.length} slip${slips.length === 1 ? '' : 's'} (worst ${formatDayDelta(endMove(slips[0].change))})` : 'no slips',
    budget.length > 0 ? `${budget.length} budget change${budget.length === 1 ? '' : 's'}` : '',
    health.length > 0 ? `${health.length} health change${health.length === 1 ? '' : 's'}` : '',
    comings.length > 0 ? `${comings.length} added, removed or changing state` : '',
    diff.milestones.length > 0 ? `${diff.milestones.length} milestone${diff.milestones.length === 1 ? '' : 's'}` : '',
    diff.risks.length > 0 ? `${diff.risks.length} risk${diff.risks.length === 1 ? '' : 's'}` : '',
    diff.issues.length > 0 ? `${diff.issues.length} issue${diff.issues.length === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  lines.push(summary.join(' · '));
  if (changeCount(diff) === 0) {
    lines.push('', 'No changes to projects, programs, milestones, risks or issues.');
    return lines.join('\n') + '\n';
  }

  const scheduleRow = ({ kind, change }: (typeof changed)[number]) => [
    `${mdName(change.id, change.name)}${kindNote(kind)}`,
    change.base!.end === change.head!.end ? dateText(change.head!.end) : `${arrow(change.base!.end, change.head!.end, dateText)}${moved(change.delta.end)}`,
    change.base!.forecastEnd === change.head!.forecastEnd
      ? dateText(change.head!.forecastEnd)
      : `${arrow(change.base!.forecastEnd, change.head!.forecastEnd, dateText)}${moved(change.delta.forecastEnd)}`,
  ];
  table(lines, 'Slips', ['Project or program', 'End (plan)', 'Forecast end'], '| --- | --- | --- |', slips.map(scheduleRow));
  table(lines, 'Pulled in', ['Project or program', 'End (plan)', 'Forecast end'], '| --- | --- | --- |', earlier.map(scheduleRow));
  table(
    lines,
    'Budget',
    ['Project or program', 'BAC', 'Δ BAC', 'EAC', 'Δ EAC'],
    '| --- | ---: | ---: | ---: | ---: |',
    budget.map(({ kind, change }) => [
      `${mdName(change.id, change.name)}${kindNote(kind)}`,
      change.delta.bac === 0 ? formatMoney(change.head!.bac) : arrow(change.base!.bac, change.head!.bac, formatMoney),
      change.delta.bac === 0 ? '' : formatMoneyDelta(change.delta.bac),
      change.delta.eac === 0 ? formatMoney(change.head!.eac) : arrow(change.base!.eac, change.head!.eac, formatMoney),
      change.delta.eac === 0 ? '' : formatMoneyDelta(change.delta.eac),
    ]),
  );
  table(lines, 'Health', ['Project or program', 'Health'], '| --- | --- |', health.map(({ kind, change }) => [`${mdName(change.id, change.name)}${kindNote(kind)}`, arrow(change.base!.health, change.head!.health, String)]));
  table(
    lines,
    'Added, removed or changing state',
    ['Project or program', 'Change', 'Window', 'BAC'],
    '| --- | --- | --- | ---: |',
    comings.map(({ kind, change }) => {
      const values = (change.head ?? change.base)!;
      const what = change.change === 'changed' ? `${change.base!.state ?? '—'} → ${change.head!.state ?? '—'}` : change.change;
      return [`${mdName(change.id, change.name)}${kindNote(kind)}`, what, `${dateText(values.start)} → ${dateText(values.end)}`, formatMoney(values.bac)];
    }),
  );
  const milestones = [...diff.milestones].sort((a, b) => (b.delta.forecast ?? 0) - (a.delta.forecast ?? 0));
  table(
    lines,
    'Milestones',
    ['Milestone', 'Held by', 'Change', 'Date', 'Forecast', 'Status'],
    '| --- | --- | --- | --- | --- | --- |',
    milestones.map((change) => {
      const dated = (key: 'date' | 'forecast') =>
        change.base && change.head && change.base[key] !== change.head[key]
          ? `${arrow(change.base[key], change.head[key], dateText)}${moved(change.delta[key])}`
          : dateText((change.head ?? change.base)![key]);
      const status = change.base && change.head && change.base.status !== change.head.status
        ? arrow(change.base.status, change.head.status, (s) => milestoneStatusText[s])
        : milestoneStatusText[(change.head ?? change.base)!.status];
      return [mdName(change.id, change.name), mdHolder(change.owner), change.change, dated('date'), dated('forecast'), status];
    }),
  );
  const itemRows = <Values extends { state: string }>(changes: ReadonlyArray<ItemChangeJson<Values>>, rating: (values: Values) => string | null) =>
    changes.map((change) => [mdName(change.id, change.title), mdHolder(change.owner), change.change, escapeCell(itemRating(change, rating))]);
  table(lines, 'Risks', ['Risk', 'Held by', 'Change', 'Level, state'], '| --- | --- | --- | --- |', itemRows(diff.risks, riskRating));
  table(lines, 'Issues', ['Issue', 'Held by', 'Change', 'Severity, state'], '| --- | --- | --- | --- |', itemRows(diff.issues, issueRating));
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------
// Trend

/** `trend --format md`: a table per portfolio and per program, newest commit first. */
export function trendMarkdown(trend: TrendJson): string {
  const lines = ['# Trend', ''];
  if (trend.commits.length === 0) {
    lines.push('No commit in this history changed a plan file.');
    return lines.join('\n') + '\n';
  }
  const first = trend.commits[trend.commits.length - 1];
  lines.push(`${trend.commits.length} commit${trend.commits.length === 1 ? '' : 's'} that changed a plan file, ${first.date} to ${trend.commits[0].date}, newest first.`);
  for (const kind of ['portfolios', 'programs'] as const) {
    const ids: string[] = [];
    for (const point of trend.commits) for (const entry of point[kind]) if (!ids.includes(entry.id)) ids.push(entry.id);
    for (const id of ids) {
      lines.push('', `## ${kind === 'portfolios' ? 'Portfolio' : 'Program'} \`${id}\``, '');
      lines.push('| Commit | Date | Status date | BAC | EAC | CPI | SPI | SPI(t) | Progress | Forecast end | Health |');
      lines.push('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
      for (const point of trend.commits) {
        const f: TrendFiguresJson | undefined = point[kind].find((entry) => entry.id === id);
        const cells = f
          ? [formatMoney(f.bac), formatMoney(f.eac), formatIndex(f.cpi), formatIndex(f.spi), formatIndex(f.spiT), formatPercent(f.progress), f.forecastEnd ?? '—', f.health]
          : ['', '', '', '', '', '', '', 'not in the plans'];
        lines.push(`| \`${point.commit.slice(0, 7)}\` | ${point.date} | ${point.statusDate} | ${cells.join(' | ')} |`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
