/**
 * The plans over time in words (SPEC 8): `diff` as text for a terminal and as Markdown for a
 * pull-request comment, and `trend` as Markdown tables. Read from the comparison's JSON shape only.
 */
import { plural } from '../base/messages';
import type { Holder } from '../history/snapshot';
import type { DiffSideJson, ItemChangeJson, MilestoneChange, MilestoneChangeJson, MilestoneValuesJson, PlanDiff, UndertakingChangeJson, UndertakingValuesJson } from '../history/diff';
import type { TrendFiguresJson, TrendJson } from '../history/trend';
import { dateText, fieldChange, fieldChangeText, formatDayDelta, formatMoneyDelta, milestoneFieldOrder, milestoneFields, undertakingFieldOrder, undertakingFields, type FieldChange } from './diffFields';
import { formatMoney } from './format';
import { figureTable, formatFigure, isNumericFigure, type FiguresJson } from './figureTable';
import { milestoneStatusText } from './forecastText';
import { markdownCell, markdownCode } from './markdown';

// ---------------------------------------------------------------------------------------------------
// Shared wording

export { formatDayDelta, formatMoneyDelta } from './diffFields';

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
/** " (+32 d)" after a date that moved; nothing when one side has no date. */
const moved = (days: number | null) => (days === null ? '' : ` (${formatDayDelta(days)})`);

/** How a project's or program's values changed, field by field, each with what its move means (SPEC 8, v3). */
export function undertakingFieldChanges(change: Pick<UndertakingChangeJson, 'base' | 'head' | 'delta'>): FieldChange[] {
  const { base, head, delta } = change;
  if (!base || !head) return [];
  const deltas: Partial<Record<keyof UndertakingValuesJson, number | null>> = delta;
  return undertakingFieldOrder.flatMap((key) => {
    // A cancelled project has no health (v3): its change of state says it.
    if (base[key] === head[key] || (key === 'health' && (base.health === null || head.health === null))) return [];
    const field = undertakingFields[key] as { label: string; value: (value: unknown) => string };
    return [fieldChange(key, field, base[key], head[key], deltas[key])];
  });
}

/**
 * How a milestone changed: marked done is "done" (its forecast then falls to its date, which is no news);
 * else a moved date is a re-plan, a later forecast a slip, and a new status is said.
 */
export function milestoneFieldChanges(change: Pick<MilestoneChangeJson, 'base' | 'head' | 'delta'>): FieldChange[] {
  const { base, head, delta } = change;
  if (!base || !head) return [];
  const deltas: Partial<Record<keyof MilestoneValuesJson, number | null>> = delta;
  const markedDone = head.done && !base.done;
  const changes = milestoneFieldOrder.flatMap((key) => {
    if (base[key] === head[key] || key === 'done' || (markedDone && key !== 'date')) return [];
    const field = milestoneFields[key] as { label: string; value: (value: unknown) => string };
    return [fieldChange(key, field, base[key], head[key], deltas[key])];
  });
  if (markedDone) return [{ key: 'done', meaning: null, text: `done (due ${dateText(head.date)})` }, ...changes];
  if (base.done && !head.done) return [{ key: 'done', meaning: null, text: 'reopened: no longer done' }, ...changes];
  return changes;
}

/** What a change of a milestone comes to, in a word or two: "done", "slip, re-plan", "changed". */
function milestoneChangeWords(change: MilestoneChange): string {
  if (change.change !== 'changed') return change.change;
  const words = milestoneFieldChanges(change).flatMap((c): string[] => (c.key === 'done' ? [change.head!.done ? 'done' : 'reopened'] : c.meaning ? [c.meaning] : []));
  return words.length > 0 ? [...new Set(words)].join(', ') : 'changed';
}

/** A project or program on one side, in a few words: its window, BAC, health and state. */
function undertakingSummary(values: UndertakingValuesJson): string {
  const window = values.start === null && values.end === null ? 'unscheduled' : `${dateText(values.start)} → ${dateText(values.end)}`;
  const budget = values.budget !== null && values.budget !== values.bac ? [`${undertakingFields.budget.label} ${formatMoney(values.budget)}`] : [];
  return [window, `${undertakingFields.bac.label} ${formatMoney(values.bac)}`, ...budget, ...(values.health ? [values.health] : []), ...(values.state ? [values.state] : [])].join(', ');
}

function milestoneSummary(values: MilestoneValuesJson): string {
  return `due ${dateText(values.date)}, forecast ${dateText(values.forecast)}, ${milestoneStatusText[values.status]}`;
}

/** A project's or program's change as lines of words: what changed, or what it is when added or removed. */
export function undertakingChangeLines(change: UndertakingChangeJson): string[] {
  return change.change === 'changed' ? undertakingFieldChanges(change).map(fieldChangeText) : [undertakingSummary((change.head ?? change.base)!)];
}

/** A milestone's change as lines of words. */
export function milestoneChangeLines(change: MilestoneChangeJson): string[] {
  return change.change === 'changed' ? milestoneFieldChanges(change).map(fieldChangeText) : [milestoneSummary((change.head ?? change.base)!)];
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
      details: undertakingChangeLines(c),
    }));
  const sections: ChangeSection[] = [
    { title: 'Projects', entries: undertakings(diff.projects) },
    { title: 'Programs', entries: undertakings(diff.programs) },
    { title: 'Milestones', entries: diff.milestones.map((c) => ({ change: c.change, label: held(c.id, c.name, c.owner), id: c.change === 'removed' ? null : c.id, details: milestoneChangeLines(c) })) },
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

/** Text in a table cell (views/markdown.ts). */
const escapeCell = markdownCell;
/** A name as Markdown: the name, then the id in code (an id the schema rejects may hold a backtick: markdownCode). */
const mdName = (id: string | null, name: string | null) => {
  const shown = escapeCell(name ?? '');
  return id === null ? shown : shown && name !== id ? `${shown} ${markdownCode(id)}` : markdownCode(id);
};
const mdHolder = (holder: Holder) => `${holder.kind} ${holder.id === null ? '(no id)' : markdownCode(holder.id)}`;

function table(lines: string[], title: string, header: readonly string[], align: string, rows: readonly string[][]): void {
  if (rows.length === 0) return;
  lines.push('', `#### ${title}`, '', `| ${header.join(' | ')} |`, align);
  for (const row of rows.slice(0, MARKDOWN_ROWS)) lines.push(`| ${row.join(' | ')} |`);
  if (rows.length > MARKDOWN_ROWS) lines.push('', `… and ${rows.length - MARKDOWN_ROWS} more (\`plan-as-code diff\` lists every change).`);
}

const kindNote = (kind: 'project' | 'program') => (kind === 'program' ? ' (program)' : '');

/** A table cell of a compared date: the date when it did not move, else "before → after (delta)". */
const movedCell = (before: string | null, after: string | null, days: number | null) => (before === after ? dateText(after) : `${arrow(before, after, dateText)}${moved(days)}`);
/** A money cell and its difference cell: the value alone when it did not change. */
const moneyCells = (before: number | null, after: number | null, delta: number | null) =>
  before === after ? [formatMoney(after), ''] : [arrow(before, after, (v) => formatMoney(v)), formatMoneyDelta(delta)];

/**
 * `diff --format md`: a summary for a pull-request comment (SPEC 8) — slips first (later forecasts,
 * what `--fail-on-slip` counts; largest first), then what was pulled in, re-plans (moved planned
 * dates), approved budget changes (budget, BAC) apart from forecast cost changes (EAC), health changes,
 * projects and programs added, removed or changing state, milestones, risks and issues.
 */
export function diffMarkdown(diff: PlanDiff): string {
  const F = undertakingFields;
  const M = milestoneFields;
  const lines = [`### Plan changes: ${escapeCell(sideName(diff.base))} → ${escapeCell(sideName(diff.head))}`, ''];
  const undertakings = [
    ...diff.programs.map((change) => ({ kind: 'program' as const, change })),
    ...diff.projects.map((change) => ({ kind: 'project' as const, change })),
  ];
  const changed = undertakings
    .filter(({ change }) => change.change === 'changed')
    .map(({ kind, change }) => ({ name: `${mdName(change.id, change.name)}${kindNote(kind)}`, base: change.base!, head: change.head!, delta: change.delta }));
  type Changed = (typeof changed)[number];
  const movedBy = (days: number | null) => days !== null && days !== 0;

  const slips = [
    ...changed
      .filter((c) => (c.delta.forecastEnd ?? 0) > 0)
      .map((c) => ({ name: c.name, days: c.delta.forecastEnd!, forecast: movedCell(c.base.forecastEnd, c.head.forecastEnd, c.delta.forecastEnd), plan: movedCell(c.base.end, c.head.end, c.delta.end) })),
    ...diff.milestones
      .filter((c) => (c.delta.forecast ?? 0) > 0)
      .map((c) => ({
        name: `${mdName(c.id, c.name)} (milestone of ${mdHolder(c.owner)})`,
        days: c.delta.forecast!,
        forecast: movedCell(c.base!.forecast, c.head!.forecast, c.delta.forecast),
        plan: movedCell(c.base!.date, c.head!.date, c.delta.date),
      })),
  ].sort((a, b) => b.days - a.days);
  const pulledIn = changed.filter((c) => (c.delta.forecastEnd ?? 0) < 0);
  const replans = changed.filter((c) => movedBy(c.delta.start) || movedBy(c.delta.end) || (c.base.start === null) !== (c.head.start === null) || (c.base.end === null) !== (c.head.end === null));
  const approved = changed
    .filter((c) => c.base.budget !== c.head.budget || c.base.bac !== c.head.bac)
    .sort((a, b) => Math.abs(b.delta.budget ?? 0) - Math.abs(a.delta.budget ?? 0) || Math.abs(b.delta.bac ?? 0) - Math.abs(a.delta.bac ?? 0));
  const cost = changed.filter((c) => c.base.eac !== c.head.eac).sort((a, b) => Math.abs(b.delta.eac ?? 0) - Math.abs(a.delta.eac ?? 0));
  // A cancelled project has no health (v3): its change of state says it, not a health change.
  const health = changed.filter((c) => c.base.health !== c.head.health && c.base.health !== null && c.head.health !== null);
  const comings = undertakings.filter(({ change }) => change.change !== 'changed' || change.base!.state !== change.head!.state);

  const summary = [
    statusDatesText(diff),
    slips.length > 0 ? `${plural(slips.length, 'slip')} (worst ${formatDayDelta(slips[0].days)})` : 'no slips',
    pulledIn.length > 0 ? `${pulledIn.length} pulled in` : '',
    replans.length > 0 ? plural(replans.length, 're-plan') : '',
    approved.length > 0 ? plural(approved.length, 'approved budget change') : '',
    cost.length > 0 ? plural(cost.length, 'forecast cost change') : '',
    health.length > 0 ? plural(health.length, 'health change') : '',
    comings.length > 0 ? `${comings.length} added, removed or changing state` : '',
    diff.milestones.length > 0 ? plural(diff.milestones.length, 'milestone') : '',
    diff.risks.length > 0 ? plural(diff.risks.length, 'risk') : '',
    diff.issues.length > 0 ? plural(diff.issues.length, 'issue') : '',
  ].filter(Boolean);
  lines.push(summary.join(' · '));
  if (changeCount(diff) === 0) {
    lines.push('', 'No changes to projects, programs, milestones, risks or issues.');
    return lines.join('\n') + '\n';
  }

  const forecastRow = (c: Changed) => [c.name, movedCell(c.base.forecastEnd, c.head.forecastEnd, c.delta.forecastEnd), movedCell(c.base.end, c.head.end, c.delta.end)];
  table(lines, 'Slips', ['Project, program or milestone', F.forecastEnd.label, F.end.label], '| --- | --- | --- |', slips.map((s) => [s.name, s.forecast, s.plan]));
  table(lines, 'Pulled in', ['Project or program', F.forecastEnd.label, F.end.label], '| --- | --- | --- |', pulledIn.map(forecastRow));
  table(
    lines,
    'Re-plans',
    ['Project or program', F.start.label, F.end.label],
    '| --- | --- | --- |',
    replans.map((c) => [c.name, movedCell(c.base.start, c.head.start, c.delta.start), movedCell(c.base.end, c.head.end, c.delta.end)]),
  );
  table(
    lines,
    'Approved budget',
    ['Project or program', F.budget.label, `Δ ${F.budget.label}`, F.bac.label, `Δ ${F.bac.label}`],
    '| --- | ---: | ---: | ---: | ---: |',
    approved.map((c) => [c.name, ...moneyCells(c.base.budget, c.head.budget, c.delta.budget), ...moneyCells(c.base.bac, c.head.bac, c.delta.bac)]),
  );
  table(
    lines,
    'Forecast cost',
    ['Project or program', F.eac.label, `Δ ${F.eac.label}`, `${F.bac.label} (now)`],
    '| --- | ---: | ---: | ---: |',
    cost.map((c) => [c.name, ...moneyCells(c.base.eac, c.head.eac, c.delta.eac), formatMoney(c.head.bac)]),
  );
  table(lines, 'Health', ['Project or program', F.health.label], '| --- | --- |', health.map((c) => [c.name, arrow(c.base.health, c.head.health, F.health.value)]));
  table(
    lines,
    'Added, removed or changing state',
    ['Project or program', 'Change', 'Window', F.bac.label],
    '| --- | --- | --- | ---: |',
    comings.map(({ kind, change }) => {
      const values = (change.head ?? change.base)!;
      const what = change.change === 'changed' ? arrow(change.base!.state, change.head!.state, F.state.value) : change.change;
      return [`${mdName(change.id, change.name)}${kindNote(kind)}`, what, `${dateText(values.start)} → ${dateText(values.end)}`, formatMoney(values.bac)];
    }),
  );
  const milestones = [...diff.milestones].sort((a, b) => (b.delta.forecast ?? 0) - (a.delta.forecast ?? 0));
  table(
    lines,
    'Milestones',
    ['Milestone', 'Held by', 'Change', M.date.label, M.forecast.label, M.status.label],
    '| --- | --- | --- | --- | --- | --- |',
    milestones.map((change) => {
      const { base, head, delta } = change;
      const markedDone = base !== null && head !== null && head.done && !base.done;
      const values = (head ?? base)!;
      const dated = (key: 'date' | 'forecast') => (base && head && !(markedDone && key === 'forecast') ? movedCell(base[key], head[key], delta[key]) : dateText(values[key]));
      const status = base && head && base.status !== head.status ? arrow(base.status, head.status, M.status.value) : M.status.value(values.status);
      return [mdName(change.id, change.name), mdHolder(change.owner), milestoneChangeWords(change), dated('date'), dated('forecast'), status];
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

/** The figures of the trend's tables, in their order (named and formatted by the figure table). */
const trendFigures = ['bac', 'eac', 'cpi', 'spi', 'spiT', 'progress', 'forecastEnd', 'health'] as const satisfies ReadonlyArray<keyof TrendFiguresJson & keyof FiguresJson>;

/** `trend --format md`: a table per portfolio and per program, newest commit first. */
export function trendMarkdown(trend: TrendJson): string {
  const lines = ['# Trend', ''];
  if (trend.commits.length === 0) {
    lines.push('No commit in this history changed a plan file.');
    return lines.join('\n') + '\n';
  }
  const first = trend.commits[trend.commits.length - 1];
  lines.push(`${plural(trend.commits.length, 'commit')} that changed a plan file, ${first.date} to ${trend.commits[0].date}, newest first.`);
  for (const kind of ['portfolios', 'programs'] as const) {
    const ids: string[] = [];
    for (const point of trend.commits) for (const entry of point[kind]) if (!ids.includes(entry.id)) ids.push(entry.id);
    for (const id of ids) {
      lines.push('', `## ${kind === 'portfolios' ? 'Portfolio' : 'Program'} ${markdownCode(id, false)}`, '');
      lines.push(`| Commit | Date | Status date | ${trendFigures.map((key) => figureTable[key].short).join(' | ')} |`);
      lines.push(`| --- | --- | --- | ${trendFigures.map((key) => (isNumericFigure(key) ? '---:' : '---')).join(' | ')} |`);
      for (const point of trend.commits) {
        const f: TrendFiguresJson | undefined = point[kind].find((entry) => entry.id === id);
        const cells = f ? trendFigures.map((key) => formatFigure(key, f[key], '')) : [...trendFigures.slice(1).map(() => ''), 'not in the plans'];
        lines.push(`| \`${point.commit.slice(0, 7)}\` | ${point.date} | ${point.statusDate} | ${cells.join(' | ')} |`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
