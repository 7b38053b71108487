/**
 * People and capacity as one page (SPEC 10, `people --format html`): a heatmap of people × ISO weeks,
 * each cell the week's peak load written out and coloured against the person's capacity, then the
 * periods over capacity and the suggestions. Static markup and a stylesheet: no script, every text escaped,
 * printable (the grid breaks across pages by row, never inside one).
 */
import { formatDay } from '../base/dates';
import { plural } from '../base/messages';
import { displayName } from '../views/entityView';
import { daysOver, loadLevel, periodText, suggestionText, weekGrid, weekLabel, type PeopleReport } from '../views/peopleReport';
import { escapeHtml } from './page';

/** Weeks per block of the printed heatmap: a landscape page's width. */
const PRINT_WEEKS = 26;

const levelWords = { none: 'no load', low: 'up to half of capacity', ok: 'under capacity', full: 'at capacity', over: 'over capacity', unknown: 'capacity unknown' } as const;

export function peopleHtmlBody(report: PeopleReport): { title: string; body: string } {
  const { json } = report;
  const title = `People and capacity — ${json.basis} basis, status date ${json.statusDate}`;
  const grid = weekGrid(json);
  const parts: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  parts.push(
    `<p class="legend">Each cell is the person's highest load in the week (Monday to Sunday), in percent of a full-time person; coloured against their capacity: ${(['low', 'ok', 'full', 'over'] as const)
      .map((level) => `<span class="cell ${level}">${escapeHtml(levelWords[level])}</span>`)
      .join(' ')}.</p>`,
  );
  if (grid.weeks.length === 0) parts.push('<p class="none">No one has load on this basis.</p>');
  else {
    // The year with the first week of a table and wherever it changes: "5 Jan 2026 … 28 Dec, 4 Jan 2027".
    const yearOf = (week: number) => formatDay(week).slice(0, 4);
    /** The heatmap of weeks [from, to): one table. */
    const heatmap = (from: number, to: number, className: string, caption: string) => {
      const head = grid.weeks
        .slice(from, to)
        .map((week, i) => {
          const w = from + i;
          const label = i === 0 || yearOf(week) !== yearOf(grid.weeks[w - 1]) ? `${weekLabel(week)} ${yearOf(week)}` : weekLabel(week);
          return `<th scope="col" title="${escapeHtml(formatDay(week))}">${escapeHtml(label)}</th>`;
        })
        .join('');
      const rows = json.people.map((p, i) => {
        const cells = grid.peaks[i].slice(from, to).map((peak, k) => {
          const level = loadLevel(peak, p.capacity);
          return `<td class="cell ${level}" title="${escapeHtml(`${p.id}, week of ${formatDay(grid.weeks[from + k])}: ${peak}% (${levelWords[level]})`)}">${escapeHtml(String(peak))}</td>`;
        });
        const who = `${displayName(p)}${p.capacity === null ? '' : ` · ${p.capacity}%`}`;
        return `<tr data-person="${escapeHtml(p.id)}"><th scope="row">${escapeHtml(who)}</th>${cells.join('')}</tr>`;
      });
      return `<table class="${className}"><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">Person · capacity</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
    };
    // On screen one table that scrolls; on paper (which cannot scroll) the weeks in blocks that fit a page's width.
    parts.push(`<div class="heatmap-scroll screen-only">${heatmap(0, grid.weeks.length, 'heatmap', 'Weekly peak load by person')}</div>`);
    const blocks: string[] = [];
    for (let from = 0; from < grid.weeks.length; from += PRINT_WEEKS) {
      const to = Math.min(grid.weeks.length, from + PRINT_WEEKS);
      blocks.push(heatmap(from, to, 'heatmap print-block', `Weekly peak load by person, weeks of ${formatDay(grid.weeks[from])} to ${formatDay(grid.weeks[to - 1])}`));
    }
    parts.push(`<div class="print-only">${blocks.join('')}</div>`);
    if (grid.truncated) parts.push(`<p class="note">The grid shows the first ${grid.weeks.length} weeks with load; the JSON has every day.</p>`);
  }
  const over = json.people.filter((p) => p.overallocations.length > 0);
  parts.push('<h2>Periods over capacity</h2>');
  if (over.length === 0) parts.push('<p class="none">No one is over capacity.</p>');
  else {
    const rows = over.flatMap((p) =>
      p.overallocations.map(
        (o) =>
          `<tr><td>${escapeHtml(displayName(p))}</td><td>${escapeHtml(periodText(o.from, o.to))}</td><td class="num">${escapeHtml(`${o.peak}%`)}</td><td class="num">${escapeHtml(p.capacity === null ? '—' : `${p.capacity}%`)}</td><td>${escapeHtml(o.projects.map((id) => report.projectNames.get(id) ?? id).join(', '))}</td></tr>`,
      ),
    );
    parts.push(`<table class="periods"><thead><tr><th>Person</th><th>Period</th><th>Peak</th><th>Capacity</th><th>Projects</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
    parts.push(`<p>${escapeHtml(over.map((p) => `${displayName(p)}: ${plural(daysOver(p), 'day')} over`).join('; '))}.</p>`);
  }
  parts.push('<h2>Suggestions</h2>');
  if (json.basis !== 'plan') parts.push('<p class="none">Suggestions are worked out on the plan basis.</p>');
  else if (json.suggestions.length === 0) parts.push('<p class="none">None: no period can be resolved by starting one planned project later within its float.</p>');
  else parts.push(`<ul class="suggestions">${json.suggestions.map((_, i) => `<li>${escapeHtml(suggestionText(report, i))}</li>`).join('')}</ul>`);
  return { title, body: `<main class="people">${parts.join('\n')}</main>` };
}

export const peopleStyle = `
body { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 16px; color: CanvasText; background: Canvas; }
h1 { font-size: 18px; margin: 0 0 8px; }
h2 { font-size: 15px; margin: 18px 0 6px; }
.heatmap-scroll { overflow-x: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid #8884; padding: 2px 4px; }
.heatmap th[scope="col"] { font-weight: normal; font-size: 11px; white-space: nowrap; }
.heatmap th[scope="row"] { text-align: left; white-space: nowrap; position: sticky; left: 0; background: Canvas; }
.heatmap td { min-width: 28px; text-align: right; font-variant-numeric: tabular-nums; }
.cell.low { background: #d7ecd9; color: #123; }
.cell.ok { background: #9fd3a6; color: #123; }
.cell.full { background: #f3d36b; color: #321; }
.cell.over { background: #e8756b; color: #200; font-weight: 600; }
.cell.unknown { background: #ccc; color: #222; }
.legend .cell { padding: 0 6px; border: 1px solid #8884; }
.num { text-align: right; }
.none, .note { color: #666; }
.print-only { display: none; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { margin: 0; }
  .screen-only { display: none; }
  .print-only { display: block; }
  .print-block { margin-bottom: 10px; font-size: 9px; }
  .print-block caption { text-align: left; font-size: 10px; }
  .print-block th[scope="col"] { font-size: 8px; }
  .print-block td { min-width: 0; padding: 1px 2px; }
  .print-block th[scope="row"] { position: static; }
  tr { break-inside: avoid; }
  .cell { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
