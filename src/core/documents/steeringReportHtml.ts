/**
 * The steering report (SPEC 9) as one self-contained HTML file: static markup and one inline
 * stylesheet, no script at all (it reads with scripts disabled), nothing fetched (CSP `default-src
 * 'none'`, the stylesheet allowed by its hash). Every plan string is escaped text. It reads on screen
 * and prints on A4 or Letter landscape: a page break before each section, table headers repeated on
 * every page, no row split across pages, cells that wrap instead of running off the page, and each
 * program's roadmap as static SVG pieces that fit a page.
 */
import { slipThresholds } from '../base/defaults';
import { plural } from '../base/messages';
import type { Health } from '../model/entities';
import type { Analysis } from '../analysis/workspace';
import { figureTable, formatFigure, isNumericFigure, type FigureKey } from '../views/figureTable';
import { figureRows, formatIndex, formatMoney } from '../views/figures';
import { QUALITY_OFFENDERS_SHOWN } from '../views/qualityReport';
import { milestoneStatusText } from '../views/forecastText';
import { milestoneChangeLines, undertakingChangeLines } from '../views/historyReport';
import type { FiguresJson } from '../views/rollupReport';
import {
  buildSteeringReport, DUE_HORIZONS, PEOPLE_HORIZON, type ReportChange, type ReportPersonOver, type ReportChanges, type ReportIssue, type ReportItemChange, type ReportMilestone,
  type ReportProgram, type ReportProject, type ReportRisk, type ReportTrend, type SteeringReport, type SteeringReportOptions,
} from '../views/steeringReport';
import { createView } from '../roadmap/scene';
import { buildRoadmap, laneModel, type RoadmapModel } from '../roadmap/model';
import { escapeHtml, htmlPage, problemsBanner } from './page';
import { trendChart, trendChartStyle } from './trendChart';
import { roadmapSvg, roadmapSvgStyle } from '../roadmap/svg';

export interface SteeringReportHtmlOptions {
  /** SHA-256 of a text, base64: the stylesheet is allowed by its hash (the core has no crypto of its own). */
  readonly sha256Base64: (text: string) => string;
}

/** The report of an analysis as an HTML file: the report's data, the roadmap and the page in one call. */
export function steeringReportFile(analysis: Analysis, options: SteeringReportOptions & SteeringReportHtmlOptions): string {
  const report = buildSteeringReport(analysis, options);
  const roadmap = buildRoadmap(analysis, { defaultCurrency: options.defaultCurrency });
  return steeringReportHtml(report, roadmap, options);
}

/** Width of the roadmap pictures, in CSS pixels: inside A4 and Letter landscape pages at 12 mm margins. */
const PICTURE_WIDTH = 940;
/** Roadmap rows per picture: a picture with its legend and axis fits one landscape page. */
const ROWS_PER_PICTURE = 18;

const t = escapeHtml;
const named = (name: string, id: string | null) => (id !== null && id !== '' && id !== name ? `${t(name)} <span class="id">${t(id)}</span>` : t(name));
const badge = (health: Health | null, text = health ?? '—') => `<span class="badge health-${health ?? 'none'}">${t(text)}</span>`;

export function steeringReportHtml(report: SteeringReport, roadmap: RoadmapModel, options: SteeringReportHtmlOptions): string {
  const style = reportStyle();
  const sections = [
    summarySection(report),
    ...report.programs.map((program, i) => programSection(program, i, roadmap)),
    ...(report.unassigned.length > 0 ? [unassignedSection(report, roadmap)] : []),
    milestonesSection(report),
    risksSection(report.risks),
    issuesSection(report.issues),
    peopleSection(report),
    qualitySection(report),
    ...(report.changes ? [changesSection(report.changes)] : []),
    ...(report.trend ? [trendSection(report, report.trend)] : []),
  ];
  const { red: slipRed, amber: slipAmber } = slipThresholds(report.thresholds);
  const body = [
    '<main class="report">',
    '<header class="report-head">',
    '<p class="kicker">Steering report</p>',
    `<h1>${t(report.title)}</h1>`,
    `<p class="meta">Status date ${t(report.statusDate)} · ${plural(report.programs.length, 'program', true)} · ${plural(report.counts.projects.total, 'project', true)}${report.counts.projects.cancelled > 0 ? ` (${report.counts.projects.cancelled} cancelled)` : ''} · computed from the plan files by plan-as-code</p>`,
    '</header>',
    problemsBanner(report.problems),
    ...sections,
    `<footer class="report-foot"><p>Health is computed at the status date: red when CPI or SPI is below ${t(formatIndex(report.thresholds.red))}, the forecast end is more than ${t(plural(slipRed, 'day'))} after the planned end, or a critical issue is open; amber when CPI or SPI is below ${t(formatIndex(report.thresholds.amber))}, the forecast end is ${slipAmber === 0 ? 'after the planned end' : t(`more than ${plural(slipAmber, 'day')} after the planned end`)}, a milestone is missed or at risk, or a high risk or issue is open; a program is at least amber when a project is red. Cancelled projects are shown in grey and left out of every total.</p></footer>`,
    '</main>',
  ].join('\n');
  return htmlPage({
    title: `${report.title} — steering report at ${report.statusDate}`,
    csp: { 'style-src': `'sha256-${options.sha256Base64(style)}'`, 'img-src': "'none'" },
    colorScheme: 'light',
    styles: [{ text: style }],
    body,
  });
}

/** How a column's cells are set: numbers right-aligned, short values (dates, states) kept on one line. */
type Column = 'num' | 'nowrap' | undefined;

/** A table with a repeated header; `rows` are already-escaped cells; `columns` sets each column's cells. */
function table(className: string, caption: string, head: readonly string[], rows: ReadonlyArray<{ cells: readonly string[]; className?: string }>, columns: readonly Column[] = []): string {
  const cls = (i: number) => (columns[i] ? ` class="${columns[i]}"` : '');
  const th = head.map((label, i) => `<th scope="col"${cls(i)}>${t(label)}</th>`).join('');
  const tr = rows.map((row) => `<tr${row.className ? ` class="${row.className}"` : ''}>${row.cells.map((cell, i) => `<td${cls(i)}>${cell}</td>`).join('')}</tr>`);
  return `<table class="${className}"><caption class="visually-hidden">${t(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${tr.join('')}</tbody></table>`;
}

/** Up to this many rows, a table stays on one page with its heading (longer ones break between rows). */
const KEEP_ROWS = 6;

/** A heading and what it titles, kept together on a page when the content is short (no heading left alone at a page's foot). */
function titled(heading: string, content: string, rows: number): string {
  return `<div class="titled${rows <= KEEP_ROWS ? ' keep' : ''}">${heading}${content}</div>`;
}

function none(text: string): string {
  return `<p class="none">${t(text)}</p>`;
}

/**
 * Figure columns of a report table, as the figure table names and formats them: headers (money's with
 * the currency when `currency` is given), cell classes (numbers right-aligned, the rest unwrapped), cells.
 */
function figureColumns<K extends FigureKey>(keys: readonly K[], currency?: string) {
  return {
    head: keys.map((key) => (currency !== undefined && figureTable[key].unit === 'money' ? `${figureTable[key].short} (${currency})` : figureTable[key].short)),
    classes: keys.map((key): Column => (isNumericFigure(key) ? 'num' : 'nowrap')),
    cells: (f: Pick<FiguresJson, K> | null, currency = '') => keys.map((key) => t(f === null ? formatFigure(key, null as FiguresJson[K], currency) : formatFigure(key, f[key], currency))),
  };
}

function figuresList(figures: FiguresJson, currency: string, budget: number | null): string {
  const rows = figureRows(figures, currency).filter(([label]) => label !== 'Health');
  if (budget !== null) rows.unshift(['Budget (cap)', formatMoney(budget, currency)]);
  return `<dl class="figures">${rows.map(([label, value]) => `<div><dt>${t(label)}</dt><dd>${t(value)}</dd></div>`).join('')}</dl>`;
}

/** Up to this many missed or at-risk milestones on the first page (the rest are in the milestones section). */
const SUMMARY_MILESTONES = 5;

/**
 * The first printed page, standing alone as the executive summary (SPEC 9 v3): the counts, the
 * portfolio figures, the programs by health each with its headline first, the milestones at risk. It
 * fits one landscape page for up to 12 programs: one row per program and portfolio, a few milestones.
 */
function summarySection(report: SteeringReport): string {
  const c = report.counts;
  const facts = [
    `<strong>${plural(report.programs.length, 'program', true)}</strong>: ${c.programs.red} red, ${c.programs.amber} amber, ${c.programs.green} green`,
    `<strong>${plural(c.projects.total, 'project', true)}</strong>: ${c.projects.red} red, ${c.projects.amber} amber, ${c.projects.green} green${c.projects.cancelled > 0 ? `, ${c.projects.cancelled} cancelled` : ''}`,
    `<strong>Milestones</strong>: ${c.due[0]} due in the next ${DUE_HORIZONS[0]} days, ${c.due[1]} in ${DUE_HORIZONS[0] + 1}–${DUE_HORIZONS[1]}, ${c.due[2]} in ${DUE_HORIZONS[1] + 1}–${DUE_HORIZONS[2]}; ${c.missed} missed, ${c.atRisk} at risk`,
    `<strong>Open risks</strong>: ${c.risks.high} high, ${c.risks.medium} medium, ${c.risks.low} low`,
    `<strong>Open issues</strong>: ${c.issues.critical} critical, ${c.issues.high} high, ${c.issues.medium} medium, ${c.issues.low} low; ${c.issues.overdue} overdue`,
    `<strong>Problems in the plan files</strong>: ${plural(report.problems.errors, 'error', true)}, ${plural(report.problems.warnings, 'warning', true)}`,
    peopleFact(report),
  ];
  const portfolioFigures = figureColumns(['progress', 'bac', 'ac', 'ev', 'eac', 'vac', 'cpi', 'spi', 'spiT', 'forecastEnd']);
  const portfolios =
    report.portfolios.length === 0
      ? ''
      : table(
          'portfolios-table',
          'Portfolio figures',
          ['Portfolio', 'Health', 'Why', ...portfolioFigures.head],
          report.portfolios.map((p) => ({
            cells: [named(p.name, p.id), badge(p.figures.health), t(p.healthText.replace(/^[^:]*: /, '')), ...portfolioFigures.cells(p.figures, p.currency)],
          })),
          [undefined, 'nowrap', undefined, ...portfolioFigures.classes],
        );
  const order: Array<Health | null> = ['red', 'amber', 'green', null];
  const programs = [...report.programs].sort((a, b) => order.indexOf(a.figures.health) - order.indexOf(b.figures.health));
  // One currency for every program: said once, in the headers (the narrower cells leave the why room).
  const currencies = new Set(programs.map((p) => p.currency));
  const shared = currencies.size === 1 ? programs[0].currency : undefined;
  const programFigures = figureColumns(['progress', 'bac', 'eac', 'cpi', 'spi', 'spiT', 'forecastEnd'], shared);
  const programTable =
    programs.length === 0
      ? none('No programs in the plan files.')
      : table(
          'programs-table',
          'Programs by health',
          ['Program', 'Health', 'Why (headline first)', ...programFigures.head],
          programs.map((p) => ({
            cells: [
              named(p.name, p.id),
              badge(p.figures.health),
              p.headline ? `<strong class="headline">${t(p.headline.text)}</strong>${t(p.why.slice(p.headline.text.length))}` : t(p.why),
              ...programFigures.cells(p.figures, shared === undefined ? p.currency : ''),
            ],
          })),
          [undefined, 'nowrap', undefined, ...programFigures.classes],
        );
  return [
    // Many programs (up to 12 must fit the page, SPEC 9): smaller print.
    `<section class="summary${report.programs.length > 8 ? ' many' : ''}" id="summary" aria-labelledby="summary-title">`,
    '<h2 id="summary-title">Executive summary</h2>',
    `<ul class="facts">${facts.map((fact) => `<li>${fact}</li>`).join('')}</ul>`,
    portfolios,
    '<h3>Programs by health</h3>',
    programTable,
    ...summaryPanels.map((panel) => panel(report)),
    '</section>',
  ].join('\n');
}

/** The milestones most at risk, on the first page: missed first, then the latest forecast; the rest are counted. */
function milestonesAtRiskPanel(report: SteeringReport): string {
  const lateness = (m: ReportMilestone) => (m.daysLate > 0 ? m.daysLate : m.status === 'missed' ? -m.dueIn : 0);
  const worst = [...report.late].sort((a, b) => (a.status === b.status ? lateness(b) - lateness(a) : a.status === 'missed' ? -1 : 1));
  const shown = worst.slice(0, SUMMARY_MILESTONES);
  const more = worst.length - shown.length;
  const title = `<h3>Milestones missed or at risk (${worst.length}${more > 0 ? `; the ${shown.length} latest here, all under “Milestones coming due, missed or at risk”` : ''})</h3>`;
  if (shown.length === 0) return `${title}${none('No milestone is missed or at risk.')}`;
  return [
    title,
    table(
      'summary-milestones',
      'Milestones missed or at risk',
      ['Milestone', 'Program', 'Due', 'Forecast', 'Status'],
      shown.map((m) => ({
        cells: [
          named(m.name, m.id),
          m.program ? named(m.program.name, m.program.id) : '—',
          t(m.date),
          t(m.forecast ?? '—') + (m.daysLate > 0 ? ` <span class="days-late">(${t(plural(m.daysLate, 'day'))} late)</span>` : ''),
          milestoneStatus(m),
        ],
      })),
      [undefined, undefined, 'nowrap', 'nowrap', 'nowrap'],
    ),
  ].join('');
}

/** Up to this many people over capacity on the first page (all of them in their section). */
const SUMMARY_PEOPLE = 1;

const peopleTitle = `People over capacity in the next ${PEOPLE_HORIZON} days`;

/** A person's periods in the window: "2026-04-10 – 2026-04-27: 110% (Shop rebuild, Web)", one per line. */
function peopleRows(people: readonly ReportPersonOver[]): Array<{ cells: string[] }> {
  return people.map((p) => ({
    cells: [
      named(p.name, p.id) + (p.role ? ` <span class="id">${t(p.role)}</span>` : ''),
      `${t(`${p.peak}%`)} <span class="id">of ${t(`${p.capacity}%`)}</span>`,
      p.periods
        .map((period) => {
          const dates = `${period.beforeWindow ? '(already) ' : ''}${period.from} – ${period.to}${period.afterWindow ? ' (and after)' : ''}`;
          return `<div class="period"><span class="nowrap">${t(dates)}</span>: ${t(`${period.peak}%`)} on ${period.projects.map((r) => named(r.name, r.id)).join(', ')}</div>`;
        })
        .join(''),
    ],
  }));
}

/**
 * The people over capacity on the first page (SPEC 9 v3), as one of its counts (the page holds 12
 * programs, so it must fit a line): the SUMMARY_PEOPLE most loaded against their capacity, with peak and
 * capacity; the rest counted (all of them, with periods and projects, in their section).
 */
function peopleFact(report: SteeringReport): string {
  const people = report.peopleOver;
  const shown = people.slice(0, SUMMARY_PEOPLE).map((p) => `${t(p.name)} (${t(`${p.peak}%/${p.capacity}%`)})`);
  const more = people.length - shown.length;
  const list = people.length === 0 ? 'none' : `${shown.join(', ')}${more > 0 ? `, ${more} more` : ''}`;
  return `<strong>Over capacity, next ${PEOPLE_HORIZON} days</strong>: ${list}`;
}

/** The first page's panels after the programs, in order. */
const summaryPanels: ReadonlyArray<(report: SteeringReport) => string> = [milestonesAtRiskPanel];

/** Everyone over capacity in the next PEOPLE_HORIZON days, on the forecast basis (SPEC 9 v3, 10). */
function peopleSection(report: SteeringReport): string {
  const people = report.peopleOver;
  return [
    '<section class="people-over" id="people-over" aria-labelledby="people-over-title">',
    `<h2 id="people-over-title">${t(peopleTitle)} (${people.length})</h2>`,
    `<p class="meta">On the forecast dates of the projects (done projects on their scheduled dates), from the status date to ${PEOPLE_HORIZON} days after it; a person's load is the sum of their allocations on the non-cancelled projects under way that day. Highest peak against capacity first; plan-as-code people lists every period.</p>`,
    people.length === 0
      ? none(`No one is over capacity in the next ${PEOPLE_HORIZON} days.`)
      : titled('', table('people-over-table', peopleTitle, ['Person', 'Peak', 'Periods over capacity (forecast dates)'], peopleRows(people), [undefined, 'nowrap']), people.length),
    '</section>',
  ].join('\n');
}

function projectsTable(projects: readonly ReportProject[], currency: string): string {
  if (projects.length === 0) return none('No projects.');
  const figures = figureColumns(['forecastEnd', 'progress', 'bac', 'eac', 'cpi', 'spi', 'spiT'], currency);
  return table(
    'projects-table',
    'Projects',
    ['Project', 'State', 'Health', 'Start', 'End', ...figures.head, 'Notes'],
    projects.map((p) => {
      const notes = [
        ...(p.cancelled ? [] : p.healthReasons),
        ...(p.forecastNote ? [`forecast ${p.forecastNote}`] : []),
        ...(p.critical ? ['on the critical path'] : []),
      ];
      return {
        className: p.cancelled ? 'cancelled' : undefined,
        cells: [
          named(p.name, p.id),
          t(p.state),
          p.cancelled ? badge(null, 'cancelled') : badge(p.figures.health),
          t(p.start ?? '—'),
          t(p.end ?? '—'),
          // Money without its currency: the header says it.
          ...figures.cells(p.figures),
          t(notes.join('; ')),
        ],
      };
    }),
    [undefined, 'nowrap', 'nowrap', 'nowrap', 'nowrap', ...figures.classes],
  );
}

function milestoneStatus(m: ReportMilestone): string {
  const text = m.cancelled ? `${milestoneStatusText[m.status]} (project cancelled)` : milestoneStatusText[m.status];
  return `<span class="status status-${m.cancelled ? 'cancelled' : m.status}">${t(text)}</span>`;
}

function milestonesTable(milestones: readonly ReportMilestone[], caption: string, withProgram: boolean): string {
  const head = ['Milestone', ...(withProgram ? ['Program'] : []), 'Held by', 'Due', 'Forecast', 'Status', 'Why'];
  const columns: Column[] = [undefined, ...(withProgram ? [undefined] : []), undefined, 'nowrap', undefined, 'nowrap'];
  return table(
    'milestones-table',
    caption,
    head,
    milestones.map((m) => ({
      className: m.cancelled ? 'cancelled' : undefined,
      cells: [
        named(m.name, m.id),
        ...(withProgram ? [m.program ? named(m.program.name, m.program.id) : '—'] : []),
        `${t(m.holder.kind)} ${named(m.holder.name, m.holder.id)}`,
        t(m.date),
        t(m.forecast ?? '—') + (m.daysLate > 0 ? ` <span class="days-late">(${t(plural(m.daysLate, 'day', true))} late)</span>` : ''),
        milestoneStatus(m),
        t(m.note ?? ''),
      ],
    })),
    columns,
  );
}

function roadmapPictures(roadmap: RoadmapModel, laneKey: string, name: string): string {
  const laneIndex = roadmap.lanes.findIndex((lane) => lane.key === laneKey);
  if (laneIndex < 0) return '';
  const model = laneModel(roadmap, laneIndex);
  const rows = createView(model).rows.length;
  const pictures: string[] = [];
  for (let first = 0; first < rows; first += ROWS_PER_PICTURE) {
    const svg = roadmapSvg(model, {
      width: PICTURE_WIDTH,
      heading: false,
      legend: first === 0,
      rows: { first, last: first + ROWS_PER_PICTURE },
      idPrefix: `${laneKey.replace(/[^A-Za-z0-9_-]/g, '_')}-${first}-`,
      embedStyle: false,
      className: 'roadmap',
    });
    pictures.push(`<figure class="roadmap-picture">${svg}</figure>`);
  }
  return `<h3>Roadmap</h3><div class="roadmap-pictures" aria-label="${t(`Roadmap of ${name}`)}">${pictures.join('')}</div>`;
}

function programSection(program: ReportProgram, index: number, roadmap: RoadmapModel): string {
  const facts = [
    ...(program.portfolio ? [`Portfolio ${named(program.portfolio.name, program.portfolio.id)}`] : []),
    ...(program.manager ? [`Manager ${t(program.manager)}`] : []),
    program.start === null && program.end === null ? 'No dates yet' : `Dates ${t(program.start ?? '?')} → ${t(program.end ?? '?')}`,
    `Figures in ${t(program.currency)}`,
  ];
  return [
    `<section class="program" id="program-${index + 1}" data-program="${t(program.id)}" aria-labelledby="program-${index + 1}-title">`,
    // Its heading stays with its health and figures: no program title alone at a page's foot.
    '<div class="program-head">',
    `<h2 id="program-${index + 1}-title">${named(program.name, program.id)}</h2>`,
    `<p class="where">${facts.join(' · ')}</p>`,
    ...(program.goal ? [`<p class="goal">Goal: ${t(program.goal)}</p>`] : []),
    `<p class="health-line">${badge(program.figures.health)} ${t(program.healthText)}</p>`,
    figuresList(program.figures, program.currency, program.budget),
    '</div>',
    roadmapPictures(roadmap, program.lane, program.name),
    titled('<h3>Projects</h3>', projectsTable(program.projects, program.currency), program.projects.length),
    titled('<h3>Milestones</h3>', program.milestones.length > 0 ? milestonesTable(program.milestones, `Milestones of ${program.name}`, false) : none('No milestones.'), program.milestones.length),
    '</section>',
  ].join('\n');
}

function unassignedSection(report: SteeringReport, roadmap: RoadmapModel): string {
  const lane = roadmap.lanes.find((l) => l.program === null);
  return [
    '<section class="program unassigned" id="unassigned" aria-labelledby="unassigned-title">',
    '<h2 id="unassigned-title">Projects outside any program</h2>',
    roadmapPictures(roadmap, 'unassigned', 'projects outside any program'),
    titled('<h3>Projects</h3>', projectsTable(report.unassigned, lane?.currency ?? ''), report.unassigned.length),
    '</section>',
  ].join('\n');
}

function milestonesSection(report: SteeringReport): string {
  const parts = DUE_HORIZONS.map((horizon, i) => {
    const from = i === 0 ? 0 : DUE_HORIZONS[i - 1] + 1;
    const title = i === 0 ? `Due in the next ${horizon} days` : `Due in ${from}–${horizon} days`;
    const list = report.due[i];
    return titled(`<h3>${t(title)} (${list.length})</h3>`, list.length > 0 ? milestonesTable(list, title, true) : none(`No milestone due in ${i === 0 ? `the next ${horizon}` : `${from}–${horizon}`} days.`), list.length);
  });
  const late = report.late;
  return [
    '<section class="milestones" id="milestones" aria-labelledby="milestones-title">',
    `<h2 id="milestones-title">Milestones coming due, missed or at risk</h2>`,
    `<p class="meta">Days are counted from the status date, ${t(report.statusDate)}; done milestones and those of cancelled projects are left out.</p>`,
    ...parts,
    titled(`<h3>Missed or at risk (${late.length})</h3>`, late.length > 0 ? milestonesTable(late, 'Missed or at risk', true) : none('No milestone is missed or at risk.'), late.length),
    '</section>',
  ].join('\n');
}

/** One titled table per group (level, severity), an empty group said in words; rows are the group's items. */
function groupedTables<T>(
  groups: readonly string[],
  items: readonly T[],
  groupOf: (item: T) => string,
  what: string,
  render: (group: string, list: readonly T[]) => string,
): string[] {
  return groups.map((group) => {
    const list = items.filter((item) => groupOf(item) === group);
    const heading = `<h3>${t(`${group[0].toUpperCase()}${group.slice(1)} (${list.length})`)}</h3>`;
    return titled(heading, list.length === 0 ? none(`No open ${group} ${what}.`) : render(group, list), list.length);
  });
}

function risksSection(risks: readonly ReportRisk[]): string {
  const parts = groupedTables(['high', 'medium', 'low'], risks, (r) => r.level, 'risk', (level, list) =>
    table(
      `risks-table level-${level}`,
      `Open ${level} risks`,
      ['Risk', 'Program', 'Held by', 'Likelihood × impact', 'Owner', 'Mitigation'],
      list.map((r) => ({
        cells: [
          ...itemCells(r),
          t(`${r.likelihood} × ${r.impact} = ${r.likelihood * r.impact}`),
          t(r.owner ?? '—'),
          r.mitigation ? t(r.mitigation) : '<span class="flag">no mitigation</span>',
        ],
      })),
      [undefined, undefined, undefined, 'nowrap'],
    ),
  );
  return [
    '<section class="risks" id="risks" aria-labelledby="risks-title">',
    `<h2 id="risks-title">Open risks (${risks.length})</h2>`,
    '<p class="meta">By level: high when likelihood × impact is 15 or more, medium from 8 to 14, low up to 7; risks of cancelled projects are left out.</p>',
    ...parts,
    '</section>',
  ].join('\n');
}

function issuesSection(issues: readonly ReportIssue[]): string {
  const parts = groupedTables(['critical', 'high', 'medium', 'low'], issues, (i) => i.severity, 'issue', (severity, list) =>
    table(
      `issues-table severity-${severity}`,
      `Open ${severity} issues`,
      ['Issue', 'Program', 'Held by', 'Owner', 'Raised', 'Due'],
      list.map((i) => ({
        className: i.daysOverdue !== null ? 'overdue' : undefined,
        cells: [
          ...itemCells(i),
          t(i.owner ?? '—'),
          t(i.raised ?? '—'),
          t(i.due ?? '—') + (i.daysOverdue !== null ? ` <span class="flag">overdue by ${t(plural(i.daysOverdue, 'day', true))}</span>` : ''),
        ],
      })),
      [undefined, undefined, undefined, undefined, 'nowrap'],
    ),
  );
  const overdue = issues.filter((i) => i.daysOverdue !== null).length;
  return [
    '<section class="issues" id="issues" aria-labelledby="issues-title">',
    `<h2 id="issues-title">Open issues (${issues.length}, ${overdue} overdue)</h2>`,
    '<p class="meta">By severity, overdue ones first; issues of cancelled projects are left out.</p>',
    ...parts,
    '</section>',
  ].join('\n');
}

/** Schedule quality (SPEC 11): the workspace's nine metrics; a failing one names its offenders. */
function qualitySection(report: SteeringReport): string {
  const { quality } = report;
  const rows = quality.metrics.map((m) => ({
    className: m.pass ? undefined : 'failing',
    cells: [
      m.pass ? badge('green', 'pass') : badge('red', 'fail'),
      `${t(m.label)} <span class="id">${t(m.id)}</span>`,
      t(m.value),
      t(m.threshold),
      t(m.basis),
      m.pass || m.offenders.length === 0 ? '' : m.offenders.map((o) => named(o.name, o.id)).join(', ') + (m.more > 0 ? ` and ${m.more.toLocaleString('en-US')} more` : ''),
    ],
  }));
  return [
    '<section class="quality" id="quality" aria-labelledby="quality-title">',
    `<h2 id="quality-title">Schedule quality (${quality.failing === 0 ? 'every metric passes' : `${plural(quality.failing, 'metric')} failing`})</h2>`,
    `<p class="meta">How well the schedule is built, over the non-cancelled projects of the workspace (adapted from the DCMA 14-point assessment); failing metrics name the projects (for the critical path length index, the programs) to look at, the first ${QUALITY_OFFENDERS_SHOWN} of each (plan-as-code quality lists them all).</p>`,
    titled('', table('quality-table', 'Schedule quality', ['Result', 'Metric', 'Value', 'Passes', 'Basis', 'To look at'], rows, [undefined, undefined, 'num', 'nowrap']), rows.length),
    '</section>',
  ].join('\n');
}

/** The first cells of a risk's or an issue's row: what it is, its program, who holds it. */
function itemCells(item: ReportRisk | ReportIssue): string[] {
  return [named(item.title, item.id), item.program ? named(item.program.name, item.program.id) : '—', `${t(item.holder.kind)} ${named(item.holder.name, item.holder.id)}`];
}

/** Rows of changed projects, programs or milestones: what moved in words, labelled and formatted as in `diff` (SPEC 9). */
function changeRows<C extends ReportChange>(list: readonly C[], words: (change: C) => string[]): Array<{ cells: string[] }> {
  return list.map((c) => ({ cells: [named(c.name ?? c.id ?? '?', c.id), t(c.change), t(words(c).join('; '))] }));
}

function itemRows(list: readonly ReportItemChange[]): Array<{ cells: string[] }> {
  return list.map((c) => ({ cells: [named(c.title ?? c.id ?? '?', c.id), t(c.owner.id === null ? '—' : `${c.owner.kind} ${c.owner.id}`), t(c.change)] }));
}

/** The Change column on one line: "changed" never wraps. */
const changeColumns: readonly Column[] = [undefined, 'nowrap', undefined];
const itemChangeColumns: readonly Column[] = [undefined, undefined, 'nowrap'];

function changesSection(changes: ReportChanges): string {
  const since = changes.base.ref ?? changes.base.commit ?? 'the base';
  const groups: Array<[string, string, number]> = [
    ['Projects', changes.projects.length > 0 ? table('changes-table', 'Projects changed', ['Project', 'Change', 'What moved'], changeRows(changes.projects, undertakingChangeLines), changeColumns) : none('No project changed.'), changes.projects.length],
    ['Programs', changes.programs.length > 0 ? table('changes-table', 'Programs changed', ['Program', 'Change', 'What moved'], changeRows(changes.programs, undertakingChangeLines), changeColumns) : none('No program changed.'), changes.programs.length],
    ['Milestones', changes.milestones.length > 0 ? table('changes-table', 'Milestones changed', ['Milestone', 'Change', 'What moved'], changeRows(changes.milestones, milestoneChangeLines), changeColumns) : none('No milestone changed.'), changes.milestones.length],
    ['Risks', changes.risks.length > 0 ? table('changes-table', 'Risks changed', ['Risk', 'Held by', 'Change'], itemRows(changes.risks), itemChangeColumns) : none('No risk opened or closed.'), changes.risks.length],
    ['Issues', changes.issues.length > 0 ? table('changes-table', 'Issues changed', ['Issue', 'Held by', 'Change'], itemRows(changes.issues), itemChangeColumns) : none('No issue opened or closed.'), changes.issues.length],
  ];
  return [
    '<section class="changes" id="changes" aria-labelledby="changes-title">',
    `<h2 id="changes-title">Changes since ${t(since)}</h2>`,
    `<p class="meta">From ${t(since)}${changes.base.commit ? ` (${t(changes.base.commit.slice(0, 12))})` : ''}, status date ${t(changes.base.statusDate)}, to ${t(changes.head.ref ?? 'the files as they are')}, status date ${t(changes.head.statusDate)}.</p>`,
    ...groups.map(([title, content, rows]) => titled(`<h3>${t(title)}</h3>`, content, rows)),
    '</section>',
  ].join('\n');
}

function trendSection(report: SteeringReport, trend: ReportTrend): string {
  const commits = [...trend.commits].reverse();
  const { red, amber } = report.thresholds;
  const trendFigures = figureColumns(['cpi', 'spi', 'spiT', 'bac', 'eac', 'forecastEnd']);
  const parts = report.programs.map((program) => {
    const points = commits.map((c) => c.programs.find((p) => p.id === program.id) ?? null);
    if (points.every((p) => p === null)) return '';
    const rows = commits.map((c, i) => {
      const p = points[i];
      return {
        cells: [
          t(c.date.slice(0, 10)),
          `<span class="id">${t(c.commit.slice(0, 7))}</span>${c.subject ? ` ${t(c.subject)}` : ''}`,
          p ? badge(p.health) : '—',
          ...trendFigures.cells(p, program.currency),
        ],
      };
    });
    return [
      `<h3>${named(program.name, program.id)}</h3>`,
      '<div class="trend-charts">',
      trendChart({
        title: `CPI, SPI and SPI(t) of ${program.name}`,
        commits,
        format: formatIndex,
        series: [
          { name: 'CPI', cls: 'cpi', values: points.map((p) => p?.cpi ?? null) },
          { name: 'SPI', cls: 'spi', values: points.map((p) => p?.spi ?? null) },
          { name: 'SPI(t)', cls: 'spit', values: points.map((p) => p?.spiT ?? null) },
        ],
        lines: [
          { value: 1, label: '1.00', cls: 'reference' },
          { value: amber, label: `amber ${formatIndex(amber)}`, cls: 'threshold-amber' },
          { value: red, label: `red ${formatIndex(red)}`, cls: 'threshold-red' },
        ],
      }),
      trendChart({
        title: `EAC against BAC of ${program.name}`,
        commits,
        format: (v) => formatMoney(v),
        series: [
          { name: 'EAC', cls: 'eac', values: points.map((p) => p?.eac ?? null) },
          { name: 'BAC', cls: 'bac', values: points.map((p) => p?.bac ?? null) },
        ],
      }),
      '</div>',
      table('trend-table', `Trend of ${program.name}`, ['Commit date', 'Commit', 'Health', ...trendFigures.head], rows, ['nowrap', undefined, 'nowrap', ...trendFigures.classes]),
    ].join('\n');
  });
  return [
    '<section class="trend" id="trend" aria-labelledby="trend-title">',
    '<h2 id="trend-title">Trend</h2>',
    `<p class="meta">Each commit that changed a plan file, oldest first (${plural(commits.length, 'commit', true)}), spaced by order; figures as that commit's plans had them. Dashed lines: the health thresholds.</p>`,
    ...parts,
    '</section>',
  ].join('\n');
}

/** The report's stylesheet: screen and print, light only (a printed page is light). */
function reportStyle(): string {
  return `
:root{color-scheme:light;--fg:#1f2328;--muted:#57606a;--border:#d0d7de;--band:#f6f8fa;--green:#1a7f37;--amber:#9a6700;--red:#cf222e;--none:#6e7781}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
html{background:#fff}
body{margin:0;color:var(--fg);background:#fff;font:13px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.report{max-width:1180px;margin:0 auto;padding:24px}
h1{margin:0;font-size:26px}
h2{margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--border);font-size:20px}
h3{margin:18px 0 6px;font-size:15px}
h2,h3{break-after:avoid}
.titled.keep,.program-head{break-inside:avoid}
.kicker{margin:0;color:var(--muted);text-transform:uppercase;letter-spacing:.06em;font-size:12px}
.meta,.where,.none{color:var(--muted)}
.meta{margin:4px 0}
.id{color:var(--muted);font-weight:normal;font-size:.85em;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.goal{margin:4px 0}
.health-line{margin:8px 0;font-size:14px}
.badge{display:inline-block;min-width:3.2em;padding:0 6px;border:1.5px solid currentColor;border-radius:10px;font-size:12px;font-weight:600;text-align:center;white-space:nowrap}
.badge.health-green{color:var(--green)}.badge.health-amber{color:var(--amber)}.badge.health-red{color:var(--red)}.badge.health-none{color:var(--none)}
.facts{margin:8px 0 12px;padding-left:18px}
.facts li{break-inside:avoid}
.headline{font-weight:600}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:4px 16px;margin:8px 0 12px}
.figures div{display:flex;justify-content:space-between;gap:8px;border-bottom:1px solid var(--band)}
.figures dt{color:var(--muted)}.figures dd{margin:0;font-variant-numeric:tabular-nums;text-align:right;overflow-wrap:anywhere}
table{width:100%;margin:4px 0 12px;border-collapse:collapse;font-variant-numeric:tabular-nums}
thead{display:table-header-group}
tr{break-inside:avoid}
th,td{padding:3px 6px;border-bottom:1px solid var(--border);text-align:left;vertical-align:top;overflow-wrap:anywhere;word-break:break-word}
th{background:var(--band);font-weight:600}
th.num,td.num{text-align:right;white-space:nowrap}
th.nowrap,td.nowrap,span.nowrap{white-space:nowrap}
th{overflow-wrap:normal;word-break:normal}
tr.cancelled td{color:var(--none)}
tr.cancelled td:first-child{text-decoration:line-through}
.flag,.days-late{color:var(--red);font-weight:600}
tr.overdue td:first-child{border-left:3px solid var(--red)}
.status-missed{color:var(--red);font-weight:600}.status-at-risk{color:var(--amber);font-weight:600}.status-cancelled{color:var(--none)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.roadmap-picture{margin:0 0 8px;break-inside:avoid}
svg.roadmap{display:block;max-width:100%;height:auto}
${trendChartStyle}
.problems-banner{margin:16px 0;padding:10px 14px;border:1.5px solid var(--red);border-left-width:6px;border-radius:4px;background:#fff5f5;break-inside:avoid}
.problems-banner p{margin:0}.problems-banner ul{margin:6px 0 0;padding-left:18px}
.problem-where,.problem-code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em;overflow-wrap:anywhere}
.report-foot{margin-top:24px;color:var(--muted);font-size:12px}
${roadmapSvgStyle('svg.roadmap')}
@media print{
@page{size:landscape;margin:10mm 12mm}
body{font-size:9.5pt}
.report{max-width:none;padding:0}
section.summary{break-after:page}
.summary .programs-table th:first-child{width:20%}.summary .programs-table th:nth-child(3){width:46%}
h2,h3{break-after:avoid}
.report-head{display:flex;flex-wrap:wrap;align-items:baseline;column-gap:10px}.report-head h1{font-size:15pt}.report-head .meta{margin:0;font-size:8pt}
.summary h2{margin:6px 0 4px;font-size:13pt}
.summary table{font-size:7pt;margin:2px 0 5px}.summary td,.summary th{padding:1px 3px;line-height:1.2}
.summary.many table{font-size:6.5pt}.summary.many td,.summary.many th{padding:0 3px;line-height:1.15}.summary .badge{font-size:7pt;line-height:1.2}
.summary h3{margin:6px 0 2px;font-size:10pt}
.facts{columns:2;column-gap:24px;margin:3px 0 5px;font-size:8pt;line-height:1.3}
h2{margin-top:16px}
table{font-size:8.5pt}
th,td{padding:2px 4px}
}
`.trim();
}
