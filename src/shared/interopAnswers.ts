/**
 * How Plan: Import…, Plan: Export… and Plan: Update Actuals from CSV… are answered from an analysis
 * (protocol.ts): by the language server, and in a virtual workspace by the extension host itself, which
 * loads this module with the commands (dist/extensionLazy.js) so that activation never loads the parsers.
 * The messages are the commands' own: the extension shows them as they come.
 */
import {
  defaultParseLimits, exportCsv, exportMspdi, exportTjp, IdAllocator, ImportError, importCsv, importedPlanFiles, importMspdi, LineIndex, planActuals,
  planErrors, slug, type Analysis, type AnalysisOptions, type ExportResult, type ImportedPlan,
} from '../core';
import { textFingerprint } from './fingerprint';
import type { InteropRequest, ViewRequests } from './protocol';
import type { AnswerContext } from './viewAnswers';

export interface InteropContext extends AnswerContext {
  /** The core's name for a file by its uri. */
  keyOf(uri: string): string;
  /** The uri of a file named `name` in the folder `folder` (a uri). */
  joinUri(folder: string, name: string): string;
  readonly analysisOptions: AnalysisOptions;
  readonly maxFileSize: number;
}

type Answers = { readonly [M in InteropRequest]: (analysis: Analysis, params: ViewRequests[M]['params'], context: InteropContext) => ViewRequests[M]['result'] };

export const interopAnswers: Answers = {
  'planAsCode/export': (analysis, { format }) => {
    const title = exportTitle(analysis);
    const result: ExportResult = format === 'tjp' ? exportTjp(analysis, title) : format === 'csv' ? exportCsv(analysis) : exportMspdi(analysis, title);
    const { programs, projects, milestones } = analysis.index;
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
    return { text: result.text, notes: [...result.notes], programs: programs.length, projects: projects.length, milestones: milestones.length, errors };
  },
  'planAsCode/import': (analysis, { sources, folder }, context) => {
    let imported: ImportedPlan[];
    let files: ReturnType<typeof importedPlanFiles>;
    try {
      const ids = new IdAllocator();
      const fileIds = sources.map((source) => slug(source.fileName.replace(/\.[^.]+$/, '')) || 'import');
      // Imported ids never take one the workspace uses (they get -2, -3…), so the plans do not clash. Except
      // people (the same person in both is one person) and the program named after the file (importing a
      // file again finds its plan file in the way): a clash of those is named below.
      for (const [id, list] of analysis.index.definitions) if (list.some((e) => e.kind !== 'person') && !fileIds.includes(id)) ids.reserve(id);
      imported = sources.map((source, i) => {
        const options = { source: source.name, fileId: fileIds[i] };
        return /^\uFEFF?\s*</.test(source.text) ? importMspdi(source.text, options, ids) : importCsv(source.text, options, ids);
      });
      files = importedPlanFiles(imported);
    } catch (error) {
      if (error instanceof ImportError) return { error: `Import: ${error.message}; nothing written.` };
      throw error;
    }
    // What is written must be what `check` accepts (as the CLI's import), here together with the workspace's plans.
    const keys = new Set(files.map((f) => context.keyOf(context.joinUri(folder, f.name))));
    const together = [...analysis.files.filter((f) => !keys.has(f.path)).map((f) => ({ path: f.path, text: f.text })), ...files.map((f) => ({ path: context.keyOf(context.joinUri(folder, f.name)), text: f.text }))];
    // The errors only (the whole analysis only when there are some), as the CLI's import finds them.
    const errors = planErrors(together, context.analysisOptions, { ...defaultParseLimits, maxFileSize: context.maxFileSize });
    const error = errors.find((d) => keys.has(d.file));
    if (error) return { error: `Import: the imported plans would not pass check (${error.file}:${error.range.start.line + 1}: ${error.message}); nothing written.` };
    const notCarried = imported.flatMap((p) => p.notCarried.map((line) => (line.startsWith(p.source) ? line : `${p.source}: ${line}`)));
    return { files: files.map(({ name, text, summary }) => ({ name, text, summary })), notCarried };
  },
  'planAsCode/actuals': (analysis, { csv, source }, context) => {
    let actuals: ReturnType<typeof planActuals>;
    try {
      actuals = planActuals(analysis, csv, { source });
    } catch (error) {
      if (error instanceof ImportError) return { error: `Update Actuals: ${error.message}; nothing changed.` };
      throw error;
    }
    const changes = actuals.changes.map(({ id, field, before, after, file }) => ({ id, field, before, after, file }));
    const files = [];
    for (const [path, edits] of actuals.edits) {
      const uri = context.uriOf(path);
      const parsed = analysis.files.find((f) => f.path === path);
      if (!uri || !parsed) return { error: `Update Actuals: ${path} is no longer in the workspace; nothing changed.` };
      const lines = new LineIndex(parsed.text);
      files.push({ uri, file: path, fingerprint: textFingerprint(parsed.text), edits: edits.map((one) => ({ range: lines.rangeOf([one.start, one.end]), text: one.text })) });
    }
    return { changes, files };
  },
};

/** The title of an export: the one portfolio's or program's name, else "Plans" (as the CLI's export). */
function exportTitle(analysis: Analysis): string {
  const { portfolios, programs } = analysis.index;
  if (portfolios.length === 1 && portfolios[0].name) return portfolios[0].name;
  if (programs.length === 1 && programs[0].name) return programs[0].name;
  return 'Plans';
}
