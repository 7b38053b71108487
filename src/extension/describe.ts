/** An entity as the editor shows it: where it is written, and its tooltip text in the Plans and People views. */
import * as vscode from 'vscode';
import { describeEntity as describeInCore, type Analysis, type Entity } from '../core';
import type { PlanService } from './planService';
import { spanToRange } from './coreToVscode';

export function locationOf(plans: PlanService, entity: Entity): vscode.Location | undefined {
  const uri = plans.uriOf(entity.source.file.path);
  return uri ? new vscode.Location(uri, spanToRange(entity.source.file, entity.anchor)) : undefined;
}

/** Markdown for a tooltip: the entity and, for portfolio/program/project, its rolled-up figures (core/views/describe.ts). */
export function describeEntity(analysis: Analysis, entity: Entity, defaultCurrency: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.isTrusted = false;
  for (const part of describeInCore(analysis, entity, defaultCurrency)) {
    if (part.kind === 'markdown') md.appendMarkdown(part.value);
    else md.appendText(part.value);
  }
  return md;
}
