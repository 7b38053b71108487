/**
 * Language features on plan files: completion, definition, references, rename, hover, outline,
 * code lens and quick fixes. Every provider reads the latest analysis; none parses YAML itself.
 */
import * as vscode from 'vscode';
import {
  completionContextAt, currencyOf, formatIndex, formatMoney, formatPercent, idPattern, idsOfKind, occurrenceAt, occurrencesOf, rollupOf,
  type Entity, type Occurrence,
} from '../core';
import { describeEntity, extentOf } from './describe';
import type { PlanService } from './planService';
import { diagnosticData, spanToRange } from './coreToVscode';

export function registerLanguageFeatures(context: vscode.ExtensionContext, plans: PlanService): void {
  const selector: vscode.DocumentSelector = [
    { language: 'yaml', pattern: plans.config.filesGlob },
    { scheme: 'untitled', language: 'yaml', pattern: '**/*.plan.{yaml,yml}' },
  ];
  const lenses = new PlanCodeLensProvider(plans);
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(selector, new PlanCompletionProvider(plans), ':', ' ', '[', ',', '-'),
    vscode.languages.registerDefinitionProvider(selector, new PlanDefinitionProvider(plans)),
    vscode.languages.registerReferenceProvider(selector, new PlanReferenceProvider(plans)),
    vscode.languages.registerRenameProvider(selector, new PlanRenameProvider(plans)),
    vscode.languages.registerHoverProvider(selector, new PlanHoverProvider(plans)),
    vscode.languages.registerDocumentSymbolProvider(selector, new PlanSymbolProvider(plans), { label: 'Plan' }),
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerCodeActionsProvider(selector, new PlanQuickFixProvider(), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    plans.onDidAnalyze(() => lenses.refresh()),
  );
}

/** The occurrence of an id under the cursor, with the analysis it comes from. */
async function occurrenceUnder(plans: PlanService, document: vscode.TextDocument, position: vscode.Position) {
  if (!plans.isPlanDocument(document)) return undefined;
  const analysis = await plans.analysis();
  const occurrence = occurrenceAt(analysis, plans.keyOf(document.uri), document.offsetAt(position));
  return occurrence ? { analysis, occurrence } : undefined;
}

function occurrenceLocation(plans: PlanService, occurrence: Occurrence): vscode.Location | undefined {
  const uri = plans.uriOf(occurrence.file.path);
  return uri ? new vscode.Location(uri, spanToRange(occurrence.file, occurrence.span)) : undefined;
}

class PlanCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly plans: PlanService) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const offset = document.offsetAt(position);
    const context = completionContextAt(document.getText(), offset);
    if (!context) return undefined;
    const range = new vscode.Range(document.positionAt(context.prefixStart), position);
    if (context.kind === 'value') {
      return context.values.map((value, i) => {
        const item = new vscode.CompletionItem(value, vscode.CompletionItemKind.EnumMember);
        item.range = range;
        item.sortText = String(i).padStart(3, '0');
        return item;
      });
    }
    const analysis = await this.plans.analysis();
    // manager/owner are free text until the workspace has a people registry.
    if (context.targets.includes('person') && !analysis.index.hasPeople) return undefined;
    return idsOfKind(analysis, context.targets).map((entity) => {
      const item = new vscode.CompletionItem(entity.id!, kindIcon(entity));
      item.range = range;
      item.detail = `${entity.kind}${'name' in entity && entity.name ? ` — ${entity.name}` : ''}`;
      item.documentation = describeEntity(analysis, entity, this.plans.config.defaultCurrency);
      return item;
    });
  }
}

function kindIcon(entity: Entity): vscode.CompletionItemKind {
  switch (entity.kind) {
    case 'person':
      return vscode.CompletionItemKind.User;
    case 'milestone':
      return vscode.CompletionItemKind.Event;
    case 'portfolio':
    case 'program':
      return vscode.CompletionItemKind.Module;
    default:
      return vscode.CompletionItemKind.Reference;
  }
}

class PlanDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly plans: PlanService) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[] | undefined> {
    const found = await occurrenceUnder(this.plans, document, position);
    if (!found) return undefined;
    const definitions = occurrencesOf(found.analysis, found.occurrence.id).filter((o) => o.isDefinition);
    return definitions.flatMap((o) => occurrenceLocation(this.plans, o) ?? []);
  }
}

class PlanReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly plans: PlanService) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): Promise<vscode.Location[] | undefined> {
    const found = await occurrenceUnder(this.plans, document, position);
    if (!found) return undefined;
    return occurrencesOf(found.analysis, found.occurrence.id)
      .filter((o) => context.includeDeclaration || !o.isDefinition)
      .flatMap((o) => occurrenceLocation(this.plans, o) ?? []);
  }
}

class PlanRenameProvider implements vscode.RenameProvider {
  constructor(private readonly plans: PlanService) {}

  async prepareRename(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Range | { range: vscode.Range; placeholder: string }> {
    const found = await occurrenceUnder(this.plans, document, position);
    if (!found) throw new Error('Rename works on the id of a portfolio, program, project, milestone, risk, issue or person.');
    return { range: spanToRange(found.occurrence.file, found.occurrence.span), placeholder: found.occurrence.id };
  }

  /** One WorkspaceEdit over every file, so the rename undoes as one step. */
  async provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit | undefined> {
    const found = await occurrenceUnder(this.plans, document, position);
    if (!found) return undefined;
    if (!idPattern.test(newName)) throw new Error(`'${newName}' is not a valid id: use letters, digits, and _ . - (not first).`);
    if (newName !== found.occurrence.id && found.analysis.index.definitions.has(newName)) {
      throw new Error(`'${newName}' is already the id of another ${found.analysis.index.definitions.get(newName)![0].kind}.`);
    }
    const edit = new vscode.WorkspaceEdit();
    for (const occurrence of occurrencesOf(found.analysis, found.occurrence.id)) {
      const location = occurrenceLocation(this.plans, occurrence);
      if (location) edit.replace(location.uri, location.range, newName);
    }
    return edit;
  }
}

class PlanHoverProvider implements vscode.HoverProvider {
  constructor(private readonly plans: PlanService) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const found = await occurrenceUnder(this.plans, document, position);
    if (!found?.occurrence.entity) return undefined;
    const markdown = describeEntity(found.analysis, found.occurrence.entity, this.plans.config.defaultCurrency);
    return new vscode.Hover(markdown, spanToRange(found.occurrence.file, found.occurrence.span));
  }
}

class PlanSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly plans: PlanService) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    if (!this.plans.isPlanDocument(document)) return [];
    const analysis = await this.plans.analysis();
    const key = this.plans.keyOf(document.uri);
    const inFile = (entity: Entity) => entity.source.file.path === key;
    const symbol = (entity: Entity, children: Entity[]): vscode.DocumentSymbol => {
      const s = new vscode.DocumentSymbol(
        entity.id ?? ('name' in entity && entity.name ? entity.name : entity.kind),
        'name' in entity ? (entity.name ?? '') : 'title' in entity ? (entity.title ?? '') : '',
        symbolKinds[entity.kind],
        extentOf(entity),
        spanToRange(entity.source.file, entity.anchor),
      );
      s.children = children.filter(inFile).map((child) => symbol(child, childrenOf(child)));
      return s;
    };
    const { portfolios, programs, projects, people } = analysis.index;
    const roots: Entity[] = [
      ...portfolios,
      ...programs.filter((p) => !p.parentPortfolio),
      ...projects.filter((p) => !p.parentProgram),
      ...people,
    ].filter(inFile);
    return roots.map((entity) => symbol(entity, childrenOf(entity)));
  }
}

const symbolKinds: Record<Entity['kind'], vscode.SymbolKind> = {
  portfolio: vscode.SymbolKind.Package,
  program: vscode.SymbolKind.Module,
  project: vscode.SymbolKind.Class,
  milestone: vscode.SymbolKind.Event,
  risk: vscode.SymbolKind.Constant,
  issue: vscode.SymbolKind.Object,
  person: vscode.SymbolKind.Field,
};

function childrenOf(entity: Entity): Entity[] {
  switch (entity.kind) {
    case 'portfolio':
      return [...entity.inlinePrograms];
    case 'program':
      return [...entity.inlineProjects, ...entity.milestones, ...entity.risks, ...entity.issues];
    case 'project':
      return [...entity.milestones, ...entity.risks, ...entity.issues];
    default:
      return [];
  }
}

class PlanCodeLensProvider implements vscode.CodeLensProvider {
  private readonly onDidChangeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.onDidChangeEmitter.event;

  constructor(private readonly plans: PlanService) {}

  refresh(): void {
    this.onDidChangeEmitter.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!this.plans.config.codeLens || !this.plans.isPlanDocument(document)) return [];
    const analysis = await this.plans.analysis();
    const key = this.plans.keyOf(document.uri);
    const lenses: vscode.CodeLens[] = [];
    for (const entity of [...analysis.index.programs, ...analysis.index.projects]) {
      if (entity.source.file.path !== key) continue;
      const rollup = rollupOf(analysis, entity);
      if (!rollup) continue;
      const f = rollup.figures;
      const currency = currencyOf(entity, this.plans.config.defaultCurrency);
      const title = `$(circle-filled) ${f.health} · ${formatPercent(f.progress)} · CPI ${formatIndex(f.cpi)} · SPI ${formatIndex(f.spi)} · SPI(t) ${formatIndex(f.spiT)} · EAC ${formatMoney(f.eac, currency)}`;
      const line = spanToRange(entity.source.file, entity.node.span).start.line;
      lenses.push(new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title, command: 'planAsCode.openRoadmap', tooltip: 'Open the roadmap' }));
    }
    return lenses;
  }
}

class PlanQuickFixProvider implements vscode.CodeActionProvider {
  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const data = diagnosticData.get(diagnostic);
      if (diagnostic.source !== 'plan-as-code' || !data) continue;
      let action: vscode.CodeAction | undefined;
      if (data.kind === 'replace') {
        action = new vscode.CodeAction(replaceTitle(document.getText(diagnostic.range), data.replacement), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, data.replacement);
      } else if (data.kind === 'set-progress-100') {
        action = new vscode.CodeAction('Set progress to 100', vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, '100');
      } else {
        action = stateDoneFix(document, diagnostic);
      }
      if (!action) continue;
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}

/** What a replacement does, in words: re-indents a line (a tab, a misaligned key) or changes a word or value. */
function replaceTitle(current: string, replacement: string): string {
  if (current !== replacement && current.trim() === replacement.trim()) {
    const spaces = replacement.length - replacement.trimStart().length;
    return current.includes('\t') ? `Indent with ${spaces} spaces instead of a tab` : `Indent with ${spaces} spaces`;
  }
  return `Change to '${replacement}'`;
}

/** Progress is 100 but the state says otherwise: set the state (on its own line) to done. */
function stateDoneFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
  const progressLine = diagnostic.range.start.line;
  const indent = /^\s*(?:-\s+)?/.exec(document.lineAt(progressLine).text)![0].length;
  for (let line = progressLine; line >= 0 && line < document.lineCount; line--) {
    const text = document.lineAt(line).text;
    if (line !== progressLine && /^\s*-\s/.test(text) && /^\s*/.exec(text)![0].length < indent) break;
    const match = /^(\s*(?:-\s+)?state\s*:\s*)([A-Za-z-]+)/.exec(text);
    if (match) return replaceOnLine(document, line, match[1].length, match[2].length);
  }
  for (let line = progressLine + 1; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (/^\s*(?:-\s+)?\S/.test(text) && /^\s*/.exec(text)![0].length < indent) break;
    const match = /^(\s*state\s*:\s*)([A-Za-z-]+)/.exec(text);
    if (match) return replaceOnLine(document, line, match[1].length, match[2].length);
  }
  return undefined;
}

function replaceOnLine(document: vscode.TextDocument, line: number, start: number, length: number): vscode.CodeAction {
  const action = new vscode.CodeAction("Set state to 'done'", vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, new vscode.Range(line, start, line, start + length), 'done');
  return action;
}

