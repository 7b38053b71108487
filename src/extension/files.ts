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
