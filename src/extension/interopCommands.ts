/**
 * `Plan: Import…`, `Plan: Export…` and `Plan: Update Actuals from CSV…` (SPEC 12 in VS Code): the CLI's
 * import, export and update as commands (registered in interop.ts; this code is in dist/extensionLazy.js,
 * loaded on the first command). Each takes its inputs as arguments (file URIs, a format) and then
 * asks nothing, so keybindings, tests and other extensions can run it; without them it asks. Each resolves
 * to what it did (`InteropOutcome`), also when it stopped. The parsing and the analysis are the language
 * server's (SPEC 13: requests planAsCode/import, export and actuals); here the input files are read, the
 * output files written, the edits applied and the messages shown.
 */
import * as vscode from 'vscode';
import { exists, namedLikePlan } from './files';
import { plural } from '../core';
import { writeNewFiles } from '../node/interopFiles';
import { textFingerprint } from '../shared/fingerprint';
import { exportFormats, type ExportFormat } from '../shared/protocol';
import type { ViewSource } from './viewSource';

/** What a command did: `ok` false when it stopped (cancelled, bad input, a file in the way); `message` says why or what. */
export interface InteropOutcome {
  readonly ok: boolean;
  readonly message: string;
  /** Files written (import, export). */
  readonly written?: vscode.Uri[];
  /** What the import could not carry over, or what the export left out. */
  readonly notCarried?: string[];
  /** The actuals' changes, as listed before they were applied. */
  readonly changes?: ReadonlyArray<{ id: string; field: string; before: string | null; after: string; file: string }>;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function stopped(message: string, ask = true): InteropOutcome {
  if (ask) void vscode.window.showErrorMessage(message);
  return { ok: false, message };
}

const uriArgs = (args: readonly unknown[]): vscode.Uri[] => args.flatMap((a) => (a instanceof vscode.Uri ? [a] : Array.isArray(a) ? a.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : []));

const shown = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);

/** A file's text, or the message saying it cannot be read. */
async function readInput(uri: vscode.Uri): Promise<{ text: string } | { error: string }> {
  try {
    return { text: decoder.decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (error) {
    return { error: `${shown(uri)}: cannot read this file (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Said when the language server has no answer (it stopped, or its analysis was cancelled). */
const noAnswer = (command: string) => `${command}: the language server gave no answer; nothing done.`;

/**
 * Import: `planAsCode.import(files: Uri | Uri[], folder: Uri)` — the last URI is the folder, the ones
 * before it the MSPDI/CSV files. Never overwrites: when any file to write exists, names them all and
 * writes nothing.
 */
export async function importPlans(views: ViewSource, output: vscode.OutputChannel, args: readonly unknown[]): Promise<InteropOutcome> {
  const given = uriArgs(args);
  const interactive = given.length < 2;
  const sources = interactive
    ? await vscode.window.showOpenDialog({
      title: 'Import Plans: MS Project XML or CSV',
      openLabel: 'Import',
      canSelectMany: true,
      filters: { 'MS Project XML (MSPDI) or CSV': ['xml', 'csv'], 'All files': ['*'] },
    })
    : given.slice(0, -1);
  if (!sources || sources.length === 0) return { ok: false, message: 'cancelled' };
  const workspaceFolder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const folder = interactive
    ? (await vscode.window.showOpenDialog({ title: 'Import Plans: the folder to write the plan files into', openLabel: 'Write Plan Files Here', canSelectFiles: false, canSelectFolders: true, defaultUri: workspaceFolder }))?.[0]
    : given[given.length - 1];
  if (!folder) return { ok: false, message: 'cancelled' };

  const read: Array<{ name: string; fileName: string; text: string }> = [];
  for (const source of sources) {
    const input = await readInput(source);
    if ('error' in input) return stopped(`Import: ${input.error}; nothing written.`);
    read.push({ name: shown(source), fileName: source.path.split('/').pop() ?? '', text: input.text });
  }
  // Parsed, and checked together with the workspace's plans, by the language server.
  const answer = await views.request('planAsCode/import', { sources: read, folder: folder.toString() });
  if (!answer) return stopped(noAnswer('Import'));
  if ('error' in answer) return stopped(answer.error);
  const files = answer.files;
  const targets = files.map((f) => ({ ...f, uri: vscode.Uri.joinPath(folder, f.name) }));

  const existing: vscode.Uri[] = [];
  for (const target of targets) if (await exists(target.uri)) existing.push(target.uri);
  if (existing.length > 0) {
    return stopped(`Import: ${existing.map(shown).join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing written (import never overwrites a file).`);
  }
  try {
    if (folder.scheme === 'file') {
      // Exclusive create: a file that appears in between is not overwritten either (and nothing is left written).
      writeNewFiles(folder.fsPath, files);
    } else {
      await vscode.workspace.fs.createDirectory(folder);
      for (const target of targets) await vscode.workspace.fs.writeFile(target.uri, encoder.encode(target.text));
    }
  } catch (failure) {
    return stopped(`Import: ${failure instanceof Error ? failure.message : String(failure)}`);
  }

  const written = targets.map((t) => t.uri);
  const notCarried = answer.notCarried;
  output.appendLine(`Import of ${sources.map(shown).join(', ')}:`);
  for (const target of targets) output.appendLine(`  wrote ${shown(target.uri)} (${target.summary})`);
  if (notCarried.length > 0) {
    output.appendLine(`  not carried over (${notCarried.length}):`);
    for (const line of notCarried) output.appendLine(`    ${line}`);
  }
  const message = `Imported ${plural(written.length, 'plan file')} into ${shown(folder)}${notCarried.length > 0 ? `; ${plural(notCarried.length, 'thing')} could not be carried over` : ''}.`;
  if (interactive) void confirmImport(message, written[0], notCarried.length > 0, output);
  return { ok: true, message, written, notCarried };
}

async function confirmImport(message: string, first: vscode.Uri | undefined, lost: boolean, output: vscode.OutputChannel): Promise<void> {
  const open = 'Open';
  const details = 'Show What Was Not Carried Over';
  const choice = await (lost ? vscode.window.showWarningMessage(message, details, open) : vscode.window.showInformationMessage(message, open));
  if (choice === details) output.show(true);
  if (choice === open && first) await vscode.window.showTextDocument(first);
}

const formatLabels: Record<ExportFormat, { label: string; detail: string; extension: string }> = {
  mspdi: { label: 'MS Project XML (MSPDI)', detail: 'Opens in MS Project and ProjectLibre', extension: 'xml' },
  tjp: { label: 'TaskJuggler 3', detail: 'tj3 schedules it to the same dates', extension: 'tjp' },
  csv: { label: 'CSV', detail: 'One row per project and milestone, the columns import reads', extension: 'csv' },
};

/** Export: `planAsCode.export(format?: 'mspdi'|'tjp'|'csv', file?: Uri)` in either order; a file alone names the format by its extension. */
export async function exportPlans(views: ViewSource, output: vscode.OutputChannel, args: readonly unknown[]): Promise<InteropOutcome> {
  const named = args.find((a): a is string => typeof a === 'string');
  if (named !== undefined && !(exportFormats as readonly string[]).includes(named)) return stopped(`Export: ${named} is not a format (expected mspdi, tjp or csv).`);
  const givenFile = uriArgs(args)[0];
  let format = named as ExportFormat | undefined;
  if (!format && givenFile) format = /\.tjp$/i.test(givenFile.path) ? 'tjp' : /\.csv$/i.test(givenFile.path) ? 'csv' : 'mspdi';
  if (!format) {
    const picked = await vscode.window.showQuickPick(
      exportFormats.map((f) => ({ label: formatLabels[f].label, detail: formatLabels[f].detail, format: f })),
      { title: 'Export Plans', placeHolder: 'The format to export the plans to' },
    );
    if (!picked) return { ok: false, message: 'cancelled' };
    format = picked.format;
  }
  const { extension, label } = formatLabels[format];
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    givenFile ??
    (await vscode.window.showSaveDialog({ title: `Export Plans to ${label}`, saveLabel: 'Export', defaultUri: folder ? vscode.Uri.joinPath(folder, `plans.${extension}`) : undefined, filters: { [label]: [extension] } }));
  if (!uri) return { ok: false, message: 'cancelled' };
  if (namedLikePlan(uri)) return stopped(`${shown(uri)} is named like a plan file (*.plan.yaml): export to another file, the plans are not overwritten.`);
  const result = await views.request('planAsCode/export', { format });
  if (!result) return stopped(noAnswer('Export'));
  try {
    await vscode.workspace.fs.writeFile(uri, encoder.encode(result.text));
  } catch (error) {
    return stopped(`Could not write the export to ${uri.fsPath || uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { programs, projects, milestones, errors } = result;
  const message =
    `Exported ${plural(programs, 'program')}, ${plural(projects, 'project')} and ${plural(milestones, 'milestone')} to ${shown(uri)} (${label})` +
    `${result.notes.length > 0 ? `; ${plural(result.notes.length, 'thing')} not exported` : ''}${errors > 0 ? `; the plans have ${plural(errors, 'error')}` : ''}.`;
  if (result.notes.length > 0) {
    output.appendLine(`Export to ${shown(uri)}: not exported (${result.notes.length}):`);
    for (const note of result.notes) output.appendLine(`  ${note}`);
  }
  if (!givenFile) {
    const show = 'Show What Was Not Exported';
    void (result.notes.length > 0 || errors > 0 ? vscode.window.showWarningMessage(message, ...(result.notes.length > 0 ? [show] : [])) : vscode.window.showInformationMessage(message)).then((choice) => {
      if (choice === show) output.show(true);
    });
  }
  return { ok: true, message, written: [uri], notCarried: [...result.notes] };
}

/**
 * Update actuals: `planAsCode.updateActuals(csv?: Uri)`. The changes (id, field, old → new) are listed
 * first and applied only when confirmed — given a CSV as argument it asks nothing — as one WorkspaceEdit,
 * so one undo takes them back. All or nothing: a bad row is named and nothing changes.
 */
export async function updateActuals(views: ViewSource, args: readonly unknown[]): Promise<InteropOutcome> {
  const given = uriArgs(args)[0];
  const csv =
    given ??
    (await vscode.window.showOpenDialog({ title: 'Update Actuals from CSV (one row per project id: progress, spent, state)', openLabel: 'Read Actuals', filters: { CSV: ['csv'], 'All files': ['*'] } }))?.[0];
  if (!csv) return { ok: false, message: 'cancelled' };
  const input = await readInput(csv);
  if ('error' in input) return stopped(`Update Actuals: ${input.error}; nothing changed.`);
  // The changes and where they go, from the language server's analysis.
  const actuals = await views.request('planAsCode/actuals', { csv: input.text, source: shown(csv) });
  if (!actuals) return stopped(noAnswer('Update Actuals'));
  if ('error' in actuals) return stopped(actuals.error);
  const changes = actuals.changes;
  if (changes.length === 0) {
    const message = 'No changes: the plans already hold these values.';
    if (!given) void vscode.window.showInformationMessage(message);
    return { ok: true, message, changes };
  }
  const lines = changes.map((c) => `${c.id}  ${c.field}: ${c.before ?? '(none)'} → ${c.after}`);
  if (!given) {
    const apply = `Apply ${plural(changes.length, 'Change')}`;
    const limit = 25;
    const detail = [...lines.slice(0, limit), ...(lines.length > limit ? [`… and ${lines.length - limit} more`] : [])].join('\n');
    const choice = await vscode.window.showInformationMessage(`Update actuals from ${shown(csv)}: ${plural(changes.length, 'change')} in ${plural(actuals.files.length, 'file')}`, { modal: true, detail }, apply);
    if (choice !== apply) return { ok: false, message: 'cancelled', changes };
  }
  // The ranges are in the texts analysed; a document edited since (while the question was open) stops it.
  const edit = new vscode.WorkspaceEdit();
  for (const { uri: located, file, fingerprint, edits } of actuals.files) {
    const uri = vscode.Uri.parse(located);
    const document = await vscode.workspace.openTextDocument(uri);
    if (textFingerprint(document.getText()) !== fingerprint) return stopped(`Update Actuals: ${file} changed while updating; nothing changed (run it again).`);
    for (const { range, text } of edits) edit.replace(uri, new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character), text);
  }
  if (!(await vscode.workspace.applyEdit(edit))) return stopped('Update Actuals: VS Code did not apply the edit; nothing changed.');
  const message = `Updated ${plural(changes.length, 'value')} in ${plural(actuals.files.length, 'file')} from ${shown(csv)} (not saved yet: Undo takes it back).`;
  if (!given) void vscode.window.showInformationMessage(message);
  return { ok: true, message, changes };
}
