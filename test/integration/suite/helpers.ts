// Shared helpers for tests inside the extension host: find fixture files, poll (never a fixed sleep).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlanAsCodeApi } from '../../../src/extension/extension';
import type { RowNode } from '../../../src/extension/tree/rowTree';

export async function api(): Promise<PlanAsCodeApi> {
  const extension = vscode.extensions.getExtension<PlanAsCodeApi>('plan-as-code.plan-as-code');
  assert.ok(extension, 'extension not loaded');
  return extension.activate();
}

export function fixture(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Polls `probe` until it returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${last})` : ''}`);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'plan-as-code');
}

/** The position of the `occurrence`-th appearance of `text` in a document (0-based), plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0, occurrence = 0): vscode.Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = document.getText().indexOf(text, index + 1);
    assert.notEqual(index, -1, `'${text}' not found in ${document.uri.path}`);
  }
  return document.positionAt(index + offset);
}

/** Every node of the Plans tree, depth first (each level as the language server answers it). */
export async function allNodes(tree: PlanAsCodeApi['tree'], from?: RowNode): Promise<RowNode[]> {
  const nodes: RowNode[] = [];
  for (const node of await tree.getChildren(from)) nodes.push(node, ...(await allNodes(tree, node)));
  return nodes;
}

/** The labels of a tree's rows under `from` (the top rows without it). */
export async function labelsOf(tree: PlanAsCodeApi['tree'], from?: RowNode): Promise<string[]> {
  return (await tree.getChildren(from)).map((node) => String(tree.getTreeItem(node).label));
}

/** The row of a tree labelled `label` under `from` (the top rows without it), if any. */
export async function rowLabelled(tree: PlanAsCodeApi['tree'], label: string, from?: RowNode): Promise<RowNode | undefined> {
  return (await tree.getChildren(from)).find((node) => tree.getTreeItem(node).label === label);
}

/**
 * Where the language server says an id is defined (its workspace symbols), or undefined when it has no such
 * id: a request answered from the analysis of every change the server has heard of.
 */
export async function definitionOf(id: string): Promise<vscode.Location | undefined> {
  const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', id);
  return symbols.find((symbol) => symbol.name === id)?.location;
}
