/**
 * `Plan: Import…`, `Plan: Export…` and `Plan: Update Actuals from CSV…` (SPEC 12 in VS Code): the CLI's
 * import, export and update as commands (registered in interop.ts; this code is in dist/extensionLazy.js,
 * loaded on the first command). Each takes its inputs as arguments (file URIs, a format) and then
 * asks nothing, so keybindings, tests and other extensions can run it; without them it asks. Each resolves
 * to what it did (`InteropOutcome`), also when it stopped.
 */
import * as vscode from 'vscode';
import { exists } from './files';
import {
  defaultParseLimits, exportCsv, exportMspdi, exportTjp, IdAllocator, ImportError, importCsv, importedPlanFiles, importMspdi, planErrors,
  planActuals, plural, slug, type Analysis, type ExportResult, type ImportedPlan,
} from '../core';
import { writeNewFiles } from '../node/interopFiles';
import type { PlanService } from './planService';

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

const exportFormats = ['mspdi', 'tjp', 'csv'] as const;
type ExportFormat = (typeof exportFormats)[number];

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function stopped(message: string, ask = true): InteropOutcome {
  if (ask) void vscode.window.showErrorMessage(message);
  return { ok: false, message };
}

const uriArgs = (args: readonly unknown[]): vscode.Uri[] => args.flatMap((a) => (a instanceof vscode.Uri ? [a] : Array.isArray(a) ? a.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : []));

const shown = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);

async function readInput(uri: vscode.Uri): Promise<string> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    throw new ImportError(`${shown(uri)}: cannot read this file (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * Import: `planAsCode.import(files: Uri | Uri[], folder: Uri)` — the last URI is the folder, the ones
 * before it the MSPDI/CSV files. Never overwrites: when any file to write exists, names them all and
 * writes nothing.
 */
export async function importPlans(plans: PlanService, output: vscode.OutputChannel, args: readonly unknown[]): Promise<InteropOutcome> {
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

  const workspace = await plans.analysis();
  let files: ReturnType<typeof importedPlanFiles>;
  let imported: ImportedPlan[];
  try {
    const ids = new IdAllocator();
    const fileIds = sources.map((source) => slug((source.path.split('/').pop() ?? '').replace(/\.[^.]+$/, '')) || 'import');
    // Imported ids never take one the workspace uses (they get -2, -3…), so the plans do not clash. Except
    // people (the same person in both is one person) and the program named after the file (importing a
    // file again finds its plan file in the way): a clash of those is named below.
    for (const [id, list] of workspace.index.definitions) if (list.some((e) => e.kind !== 'person') && !fileIds.includes(id)) ids.reserve(id);
    imported = [];
    for (const [i, source] of sources.entries()) {
      const text = await readInput(source);
      const fileId = fileIds[i];
      const options = { source: shown(source), fileId };
      imported.push(/^\uFEFF?\s*</.test(text) ? importMspdi(text, options, ids) : importCsv(text, options, ids));
    }
    files = importedPlanFiles(imported);
  } catch (error) {
    if (error instanceof ImportError) return stopped(`Import: ${error.message}; nothing written.`);
    throw error;
  }
  const targets = files.map((f) => ({ ...f, uri: vscode.Uri.joinPath(folder, f.name) }));
  // What is written must be what `check` accepts (as the CLI's import), here together with the workspace's plans.
  const keys = new Set(targets.map((t) => plans.keyOf(t.uri)));
  const together = [...workspace.files.filter((f) => !keys.has(f.path)).map((f) => ({ path: f.path, text: f.text })), ...targets.map((t) => ({ path: plans.keyOf(t.uri), text: t.text }))];
  // The errors only (the whole analysis only when there are some), as the CLI's import finds them.
  const errors = planErrors(together, plans.config.analysis, { ...defaultParseLimits, maxFileSize: plans.config.maxFileSize });
  const error = errors.find((d) => keys.has(d.file));
  if (error) return stopped(`Import: the imported plans would not pass check (${error.file}:${error.range.start.line + 1}: ${error.message}); nothing written.`);

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
  const notCarried = imported.flatMap((p) => p.notCarried.map((line) => (line.startsWith(p.source) ? line : `${p.source}: ${line}`)));
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

/** The title of an export: the one portfolio's or program's name, else "Plans" (as the CLI's export). */
function exportTitle(analysis: Analysis): string {
  const { portfolios, programs } = analysis.index;
  if (portfolios.length === 1 && portfolios[0].name) return portfolios[0].name;
  if (programs.length === 1 && programs[0].name) return programs[0].name;
  return 'Plans';
}

const formatLabels: Record<ExportFormat, { label: string; detail: string; extension: string }> = {
  mspdi: { label: 'MS Project XML (MSPDI)', detail: 'Opens in MS Project and ProjectLibre', extension: 'xml' },
  tjp: { label: 'TaskJuggler 3', detail: 'tj3 schedules it to the same dates', extension: 'tjp' },
  csv: { label: 'CSV', detail: 'One row per project and milestone, the columns import reads', extension: 'csv' },
};

/** Export: `planAsCode.export(format?: 'mspdi'|'tjp'|'csv', file?: Uri)` in either order; a file alone names the format by its extension. */
export async function exportPlans(plans: PlanService, output: vscode.OutputChannel, args: readonly unknown[]): Promise<InteropOutcome> {
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
  const analysis = await plans.analysis();
  const title = exportTitle(analysis);
  const result: ExportResult = format === 'tjp' ? exportTjp(analysis, title) : format === 'csv' ? exportCsv(analysis) : exportMspdi(analysis, title);
  try {
    await vscode.workspace.fs.writeFile(uri, encoder.encode(result.text));
  } catch (error) {
    return stopped(`Could not write the export to ${uri.fsPath || uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { programs, projects, milestones } = analysis.index;
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  const message =
    `Exported ${plural(programs.length, 'program')}, ${plural(projects.length, 'project')} and ${plural(milestones.length, 'milestone')} to ${shown(uri)} (${label})` +
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
export async function updateActuals(plans: PlanService, args: readonly unknown[]): Promise<InteropOutcome> {
  const given = uriArgs(args)[0];
  const csv =
    given ??
    (await vscode.window.showOpenDialog({ title: 'Update Actuals from CSV (one row per project id: progress, spent, state)', openLabel: 'Read Actuals', filters: { CSV: ['csv'], 'All files': ['*'] } }))?.[0];
  if (!csv) return { ok: false, message: 'cancelled' };
  const analysis = await plans.analysis();
  let actuals: ReturnType<typeof planActuals>;
  try {
    actuals = planActuals(analysis, await readInput(csv), { source: shown(csv) });
  } catch (error) {
    if (error instanceof ImportError) return stopped(`Update Actuals: ${error.message}; nothing changed.`);
    throw error;
  }
  const changes = actuals.changes.map(({ id, field, before, after, file }) => ({ id, field, before, after, file }));
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
    const choice = await vscode.window.showInformationMessage(`Update actuals from ${shown(csv)}: ${plural(changes.length, 'change')} in ${plural(actuals.edits.size, 'file')}`, { modal: true, detail }, apply);
    if (choice !== apply) return { ok: false, message: 'cancelled', changes };
  }
  // The offsets are in the texts analysed; a document edited since (while the question was open) stops it.
  const edit = new vscode.WorkspaceEdit();
  for (const [path, edits] of actuals.edits) {
    const uri = plans.uriOf(path);
    const parsed = analysis.files.find((f) => f.path === path);
    if (!uri || !parsed) return stopped(`Update Actuals: ${path} is no longer in the workspace; nothing changed.`);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.getText() !== parsed.text) return stopped(`Update Actuals: ${path} changed while updating; nothing changed (run it again).`);
    for (const one of edits) edit.replace(uri, new vscode.Range(document.positionAt(one.start), document.positionAt(one.end)), one.text);
  }
  if (!(await vscode.workspace.applyEdit(edit))) return stopped('Update Actuals: VS Code did not apply the edit; nothing changed.');
  const message = `Updated ${plural(changes.length, 'value')} in ${plural(actuals.edits.size, 'file')} from ${shown(csv)} (not saved yet: Undo takes it back).`;
  if (!given) void vscode.window.showInformationMessage(message);
  return { ok: true, message, changes };
}
