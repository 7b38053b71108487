/**
 * An entity described for a hover, a tooltip or a completion's documentation: its kind, id and title,
 * and for a portfolio, program or project its rolled-up figures as a table. Returned as parts, each
 * Markdown or plain text, so that each editor escapes text its own way (VS Code's MarkdownString, a
 * language server's Markdown string).
 */
import { formatDay } from '../base/dates';
import type { Analysis } from '../analysis/workspace';
import { rollupOf } from '../analysis/workspace';
import { currencyOf, riskLevel } from '../analysis/rules';
import type { Entity } from '../model/entities';
import { displayName, isCritical, kindWord } from './entityView';
import { figureRows, formatWindow } from './figures';
import { forecastNote, milestoneNote, milestoneStatusText } from './forecastText';
import { personView } from './peopleView';
import { toFiguresJson } from './rollupReport';

export type DescriptionPart = { readonly kind: 'markdown' | 'text'; readonly value: string };

/** The entity and, for portfolio/program/project, its rolled-up figures. */
export function describeEntity(analysis: Analysis, entity: Entity, defaultCurrency: string): DescriptionPart[] {
  const parts: DescriptionPart[] = [];
  const markdown = (value: string) => parts.push({ kind: 'markdown', value });
  const text = (value: string) => parts.push({ kind: 'text', value });
  const title = 'name' in entity && entity.name ? entity.name : 'title' in entity && entity.title ? entity.title : '';
  markdown(`**${kindWord[entity.kind]} \`${escapeCode(entity.id ?? '')}\`**`);
  if (title) text(` — ${title}`);
  markdown('\n\n');
  if (entity.kind === 'portfolio' || entity.kind === 'program' || entity.kind === 'project') {
    const rollup = rollupOf(analysis, entity);
    if (!rollup) return parts;
    const extra: Array<[string, string]> = [['Dates', formatWindow(rollup.start, rollup.end)]];
    if (entity.kind === 'project') {
      const result = analysis.rollup.projects.get(entity)!;
      const float = analysis.schedule.float.get(entity);
      extra.push(['State', result.state]);
      if (float !== undefined) extra.push(['Float', `${float} days${isCritical(float) ? ' (critical)' : ''}`]);
      const { start, end } = result.forecast;
      if (start !== null && end !== null) {
        const note = forecastNote(result.forecast, result.state);
        extra.push(['Forecast', `${formatWindow(start, end)} · ${note ?? (result.state === 'done' ? 'done' : 'on plan')}`]);
      }
    }
    const rows = [...extra, ...figureRows(toFiguresJson(rollup.figures), currencyOf(entity, defaultCurrency))];
    markdown('| | |\n|---|---|\n');
    for (const [label, value] of rows) markdown(`| ${label} | ${escapeCell(value)} |\n`);
    if (rollup.healthReasons.length > 0) {
      markdown('\n');
      text(`${rollup.figures.health}: ${rollup.healthReasons.join('; ')}`);
    }
  } else if (entity.kind === 'milestone') {
    const outlook = analysis.rollup.milestones.get(entity);
    const status = outlook ? milestoneStatusText[outlook.status] : entity.done ? 'done' : 'not done';
    text(`${entity.date ? formatDay(entity.date.value) : 'no date'} · ${status} · in ${entity.parent.kind} ${entity.parent.id ?? ''}`);
    const note = outlook ? milestoneNote(entity, outlook) : null;
    if (note) text(`\n${note}`);
    else if (outlook?.status === 'on-track' && outlook.forecast !== null) text(`\nForecast ${formatDay(outlook.forecast)}: on track`);
  } else if (entity.kind === 'risk') {
    const level = riskLevel(entity);
    text(`${entity.open ? 'open' : 'closed'} · likelihood ${entity.likelihood ?? '?'} × impact ${entity.impact ?? '?'}${level ? ` (${level})` : ''}`);
    if (entity.mitigation) text(`\nMitigation: ${entity.mitigation}`);
  } else if (entity.kind === 'issue') {
    text(`${entity.open ? 'open' : 'closed'} · severity ${entity.severity ?? '?'}`);
  } else {
    text(`${displayName(entity)}${entity.role ? ` · ${entity.role}` : ''} · capacity ${entity.capacity}%`);
    // Their load on the plan basis (SPEC 10): the peak, the projects, the periods over capacity.
    const view = personView(analysis, entity);
    text(`\nLoad (planned dates): ${view.summary}`);
    if (view.projects.length > 0) text(`\nOn ${view.projects.map((p) => `${displayName(p.project)} ${p.allocation}%`).join(', ')}`);
    for (const period of view.periods) text(`\nOver capacity ${period}`);
  }
  return parts;
}

/**
 * The parts as one Markdown string (for a language server's clients): text is escaped so that it shows
 * as written, and each of its line breaks ends a paragraph.
 */
export function descriptionMarkdown(parts: readonly DescriptionPart[]): string {
  return parts.map((part) => (part.kind === 'markdown' ? part.value : escapeMarkdown(part.value).replace(/\n/g, '\n\n'))).join('');
}

/** Escapes what Markdown would read as markup: emphasis, code, links, html, table pipes anywhere; headings and lists at a line's start. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/^(\s*)([#+-])/gm, '$1\\$2');
}

function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}

function escapeCell(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!|<>]/g, (c) => `\\${c}`);
}
