/** An entity as the editor shows it: where it is written, and its hover and tooltip text. */
import * as vscode from 'vscode';
import {
  currencyOf, figureRows, forecastNote, formatDay, formatWindow, milestoneNote, milestoneStatusText, riskLevel, rollupOf, toFiguresJson,
  type Analysis, type Entity,
} from '../core';
import type { PlanService } from './planService';
import { spanToRange } from './coreToVscode';

export function locationOf(plans: PlanService, entity: Entity): vscode.Location | undefined {
  const uri = plans.uriOf(entity.source.file.path);
  return uri ? new vscode.Location(uri, spanToRange(entity.source.file, entity.anchor)) : undefined;
}

/** The whole mapping of an entity (for outline ranges). */
export function extentOf(entity: Entity): vscode.Range {
  return spanToRange(entity.source.file, entity.node.span);
}

const kindLabel: Record<Entity['kind'], string> = {
  portfolio: 'Portfolio',
  program: 'Program',
  project: 'Project',
  milestone: 'Milestone',
  risk: 'Risk',
  issue: 'Issue',
  person: 'Person',
};

/** Markdown for a hover or tooltip: the entity and, for portfolio/program/project, its rolled-up figures. */
export function describeEntity(analysis: Analysis, entity: Entity, defaultCurrency: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.isTrusted = false;
  const title = 'name' in entity && entity.name ? entity.name : 'title' in entity && entity.title ? entity.title : '';
  md.appendMarkdown(`**${kindLabel[entity.kind]} \`${escapeCode(entity.id ?? '')}\`**`);
  if (title) md.appendText(` — ${title}`);
  md.appendMarkdown('\n\n');
  if (entity.kind === 'portfolio' || entity.kind === 'program' || entity.kind === 'project') {
    const rollup = rollupOf(analysis, entity);
    if (!rollup) return md;
    const extra: Array<[string, string]> = [['Dates', formatWindow(rollup.start, rollup.end)]];
    if (entity.kind === 'project') {
      const result = analysis.rollup.projects.get(entity)!;
      const float = analysis.schedule.float.get(entity);
      extra.push(['State', result.state]);
      if (float !== undefined) extra.push(['Float', `${float} days${float <= 0 ? ' (critical)' : ''}`]);
      const { start, end } = result.forecast;
      if (start !== null && end !== null) {
        const note = forecastNote(result.forecast, result.state);
        extra.push(['Forecast', `${formatWindow(start, end)} · ${note ?? (result.state === 'done' ? 'done' : 'on plan')}`]);
      }
    }
    const rows = [...extra, ...figureRows(toFiguresJson(rollup.figures), currencyOf(entity, defaultCurrency))];
    md.appendMarkdown('| | |\n|---|---|\n');
    for (const [label, value] of rows) md.appendMarkdown(`| ${label} | ${escapeCell(value)} |\n`);
    if (rollup.healthReasons.length > 0) {
      md.appendMarkdown('\n');
      md.appendText(`${rollup.figures.health}: ${rollup.healthReasons.join('; ')}`);
    }
  } else if (entity.kind === 'milestone') {
    const outlook = analysis.rollup.milestones.get(entity);
    const status = outlook ? milestoneStatusText[outlook.status] : entity.done ? 'done' : 'not done';
    md.appendText(`${entity.date ? formatDay(entity.date.value) : 'no date'} · ${status} · in ${entity.parent.kind} ${entity.parent.id ?? ''}`);
    const note = outlook ? milestoneNote(entity, outlook) : null;
    if (note) md.appendText(`\n${note}`);
    else if (outlook?.status === 'on-track' && outlook.forecast !== null) md.appendText(`\nForecast ${formatDay(outlook.forecast)}: on track`);
  } else if (entity.kind === 'risk') {
    const level = riskLevel(entity);
    md.appendText(`${entity.open ? 'open' : 'closed'} · likelihood ${entity.likelihood ?? '?'} × impact ${entity.impact ?? '?'}${level ? ` (${level})` : ''}`);
    if (entity.mitigation) md.appendText(`\nMitigation: ${entity.mitigation}`);
  } else if (entity.kind === 'issue') {
    md.appendText(`${entity.open ? 'open' : 'closed'} · severity ${entity.severity ?? '?'}`);
  } else {
    md.appendText(`${entity.name ?? entity.id} · capacity ${entity.capacity}%`);
  }
  return md;
}

function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}

function escapeCell(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!|<>]/g, (c) => `\\${c}`);
}
