/** The workspace file system, as the commands use it. */
import * as vscode from 'vscode';

/** Whether something is at `uri` (any file system VS Code can reach). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `uri` is named like a plan file (`*.plan.yaml`, `*.plan.yml`): no export or report is ever
 * written there (it would put a roadmap or an export in place of a plan), as the CLI's `--out` refuses.
 */
export function namedLikePlan(uri: vscode.Uri): boolean {
  return /\.plan\.ya?ml$/.test(uri.path);
}
