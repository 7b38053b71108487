/**
 * The team's `.plan-as-code.yaml` in VS Code: found at the root of the first workspace folder that has
 * one, read again when it changes (unsaved edits included). PlanService combines it with the VS Code
 * settings (settings.ts) for the views' analysis; its mistakes reach the Problems panel from the language
 * server, which reads the same file.
 */
import * as vscode from 'vscode';
import { readTeamSettings, TEAM_SETTINGS_FILE, type TeamSettings } from '../core';

export class TeamSettingsFile implements vscode.Disposable {
  private readonly onDidChangeEmitter = new vscode.EventEmitter<void>();
  /** Fires when the file is created, edited, saved or deleted. */
  readonly onDidChange = this.onDidChangeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.onDidChangeEmitter];
  private current: TeamSettings | undefined;
  private uri: vscode.Uri | undefined;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${TEAM_SETTINGS_FILE}`);
    const reload = () => void this.load();
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.isSettingsFile(event.document.uri)) this.apply(event.document.uri, event.document.getText());
      }),
    );
  }

  /** The settings the file gives (only its valid values), or undefined without a file. */
  get settings(): TeamSettings | undefined {
    return this.current;
  }

  /** Finds and reads the file; resolves once it is read. */
  async load(): Promise<void> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, TEAM_SETTINGS_FILE);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      let text: string | undefined = open?.getText();
      if (text === undefined) {
        try {
          text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          continue;
        }
      }
      this.apply(uri, text);
      return;
    }
    this.uri = undefined;
    this.update(undefined);
  }

  private isSettingsFile(uri: vscode.Uri): boolean {
    return this.uri !== undefined && uri.toString() === this.uri.toString();
  }

  private apply(uri: vscode.Uri, text: string): void {
    this.uri = uri;
    const read = readTeamSettings(vscode.workspace.asRelativePath(uri), text);
    this.update(read.settings);
  }

  private update(settings: TeamSettings | undefined): void {
    if (JSON.stringify(settings) === JSON.stringify(this.current)) return;
    this.current = settings;
    this.onDidChangeEmitter.fire();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
