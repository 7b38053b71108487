// Shared helpers for tests inside the extension host: find fixture files, poll (never a fixed sleep).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlanAsCodeApi } from '../../../src/extension/extension';
import type { PlanTreeNode } from '../../../src/extension/tree/node';

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

/** Every node of the Plans tree, depth first. */
export function allNodes(tree: PlanAsCodeApi['tree'], from?: PlanTreeNode): PlanTreeNode[] {
  return tree.getChildren(from).flatMap((node) => [node, ...allNodes(tree, node)]);
}
