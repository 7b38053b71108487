/**
 * Language features on plan files: completion, definition, references, rename, hover, outline,
 * code lens and quick fixes. Every provider reads the latest analysis; none parses YAML itself.
 */
import * as vscode from 'vscode';
import type { PlanService } from '../planService';
import { PlanCodeLensProvider } from './codeLens';
import { PlanCompletionProvider } from './completion';
import { PlanDefinitionProvider } from './definition';
import { PlanHoverProvider } from './hover';
import { PlanQuickFixProvider } from './quickFix';
import { PlanReferenceProvider } from './references';
import { PlanRenameProvider } from './rename';
import { PlanSymbolProvider } from './symbols';

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
    vscode.languages.registerCodeActionsProvider(selector, new PlanQuickFixProvider((file) => plans.uriOf(file)), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    plans.onDidAnalyze(() => lenses.refresh()),
  );
}
