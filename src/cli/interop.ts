/**
 * `plan-as-code import`, `export` and `update` (SPEC 12): plans in from MS Project XML and CSV, out to
 * MS Project, TaskJuggler and CSV, and actuals from a spreadsheet as located edits of the plan files.
 */
import * as path from 'node:path';
import {
  analyzePlans, applyEdits, defaultParseLimits, diffPlans, diffText, exportCsv, exportMspdi, exportTjp, IdAllocator, ImportError, importCsv, importedPlanFiles,
  importMspdi, planActuals, planErrors, planSnapshot, plural, slug, type ExportFigures, type ExportResult, type ImportedPlan,
} from '../core';
import { noteErrors, readPaths, requiredOut, writeOut, type Command } from './command';
import { displayPath, findPlanFiles, readPlanFile, UsageError } from '../node/files';
import { readInputFile, rewriteFiles, writeNewFiles } from '../node/interopFiles';

/** Bad input in a file is bad usage: one line, exit 2, nothing written. */
function asUsage<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(error.message);
    throw error;
  }
}

/** The levels --programs-at and --projects-at take, in words. */
const levels = '1, 2, 3…: 1 is the top tasks';
const levelTakes = `a level (${levels})`;

function levelOption(name: string, value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[1-9]\d?$/.test(value)) throw new UsageError(`--${name} ${String(value)} is not a level (expected ${levels})`);
  return Number(value);
}

/** The format of an input file: --from, else its content (XML is MSPDI, anything else CSV). */
function formatOf(text: string, from: string | undefined): 'mspdi' | 'csv' {
  if (from !== undefined) return from as 'mspdi' | 'csv';
  return /^\uFEFF?\s*</.test(text) ? 'mspdi' : 'csv';
}

export const importCommand: Command = {
  name: 'import',
  usage: 'import FILE… --out DIR [--from mspdi|csv] [--program ID] [--programs-at LEVEL] [--projects-at LEVEL]',
  formats: ['text'],
  options: { out: { type: 'string', short: 'o' }, from: { type: 'string' }, program: { type: 'string' }, 'programs-at': { type: 'string' }, 'projects-at': { type: 'string' } },
  takes: { out: 'a folder', from: 'mspdi or csv', program: "an id (letters, digits, '_', '.', '-')", 'programs-at': levelTakes, 'projects-at': levelTakes },
  async run(args, io) {
    const { values } = args;
    if (typeof values.out !== 'string' || values.out === '' || values.out === '-') throw new UsageError('import needs --out DIR (the folder to write the plan files into)');
    const from = values.from;
    if (from !== undefined && from !== 'mspdi' && from !== 'csv') throw new UsageError(`--from ${String(from)} is not a format import reads (expected mspdi or csv)`);
    const program = values.program;
    if (program !== undefined && (typeof program !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(program))) throw new UsageError(`--program ${String(program)} is not an id (letters, digits, '_', '.', '-')`);
    const programsAt = levelOption('programs-at', values['programs-at']);
    const projectsAt = levelOption('projects-at', values['projects-at']);
    if (args.paths.length > 1 && program !== undefined && args.paths.some((p) => formatOf(readInputFile(p), from as string | undefined) === 'mspdi')) {
      throw new UsageError('--program names the program of one MS Project file: import the files one at a time');
    }
    if (!args.pathsGiven) throw new UsageError('import needs FILE… (the MS Project XML or CSV files to read)');
    const ids = new IdAllocator();
    const plans: ImportedPlan[] = [];
    for (const given of args.paths) {
      const text = readInputFile(given);
      const fileId = slug(path.basename(given).replace(/\.[^.]+$/, '')) || 'import';
      const format = formatOf(text, from as string | undefined);
      plans.push(
        asUsage(() =>
          format === 'mspdi'
            ? importMspdi(text, { source: given, fileId, program: program as string | undefined, programsAt, projectsAt }, ids)
            : importCsv(text, { source: given, fileId, program: program as string | undefined }, ids),
        ),
      );
    }
    const files = importedPlanFiles(plans);
    // What is written must be what `check` accepts: a plan the engine finds errors in is never written.
    const error = planErrors(files.map((f) => ({ path: f.name, text: f.text })), args.analysis, { ...defaultParseLimits, maxFileSize: args.maxFileSize })[0];
    if (error) throw new UsageError(`the imported plans would not pass check (${error.file}:${error.range.start.line + 1}: ${error.message}); nothing written`);
    const folder = values.out;
    writeNewFiles(folder, files);
    for (const file of files) io.stdout(`wrote ${displayPath(path.resolve(folder, file.name))} (${file.summary})\n`);
    const lost = plans.flatMap((p) => p.notCarried.map((line) => (line.startsWith(p.source) ? line : `${p.source}: ${line}`)));
    if (lost.length > 0) {
      io.stdout(`not carried over (${lost.length}):\n`);
      for (const line of lost) io.stdout(`  ${line}\n`);
    }
    return 0;
  },
};

const exportFormats = ['mspdi', 'tjp', 'csv'] as const;

function exportTitle(analysis: ExportFigures): string {
  const { portfolios, programs } = analysis.index;
  if (portfolios.length === 1 && portfolios[0].name) return portfolios[0].name;
  if (programs.length === 1 && programs[0].name) return programs[0].name;
  return 'Plans';
}

export const exportCommand: Command = {
  name: 'export',
  usage: 'export [paths…] --format mspdi|tjp|csv --out FILE (mspdi: MS Project XML; tjp: TaskJuggler 3; csv: the import\'s columns)',
  formats: [...exportFormats],
  options: { out: { type: 'string', short: 'o' } },
  takes: { out: 'a file (- for standard output)' },
  async run(args, io) {
    const out = requiredOut('export', args.values.out);
    // No --format: from the file's extension (.xml, .tjp, .csv), else MS Project XML.
    const format = args.values.format === undefined ? (/\.tjp$/i.test(out) ? 'tjp' : /\.csv$/i.test(out) ? 'csv' : 'mspdi') : args.format;
    // The schedule without the rollup and the warnings' checks; the full analysis only to count the errors when there are some.
    const workspace = await readPaths(args);
    const analysis = workspace.scheduleWithErrors(args.analysis);
    if (analysis.errors.length > 0) noteErrors(workspace.analyze(args.analysis), io);
    const title = exportTitle(analysis);
    const result: ExportResult = format === 'tjp' ? exportTjp(analysis, title) : format === 'csv' ? exportCsv(analysis) : exportMspdi(analysis, title);
    await writeOut(out, result.text, io);
    for (const note of result.notes) io.stderr(`plan-as-code: not exported: ${note}\n`);
    if (out !== '-') {
      const { programs, projects, milestones } = analysis.index;
      io.stdout(`wrote ${out} (${format}: ${plural(programs.length, 'program')}, ${plural(projects.length, 'project')}, ${plural(milestones.length, 'milestone')})\n`);
    }
    return 0;
  },
};

export const updateCommand: Command = {
  name: 'update',
  usage: 'update [paths…] --from FILE.csv [--status-date YYYY-MM-DD (rewrites every status_date)] [--dry-run]',
  formats: ['text'],
  options: { from: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  takes: { from: 'a CSV file' },
  async run(args, io) {
    const source = args.values.from;
    if (typeof source !== 'string' || source === '') throw new UsageError('update needs --from FILE.csv (one row per project id with progress, spent and/or state)');
    const csv = readInputFile(source);
    const paths = await findPlanFiles(args.paths);
    const texts = paths.map((absolute) => {
      const shown = displayPath(absolute);
      return { path: shown, text: readPlanFile(absolute, shown) };
    });
    const limits = { ...defaultParseLimits, maxFileSize: args.maxFileSize };
    const before = analyzePlans(texts, args.analysis, limits);
    const actuals = asUsage(() => planActuals(before, csv, { source, statusDate: args.values['status-date'] !== undefined ? args.analysis.statusDate : undefined }));
    if (actuals.ignoredColumns.length > 0) {
      io.stderr(`plan-as-code: ${source}: ${plural(actuals.ignoredColumns.length, 'column')} not read (update reads progress, spent and state): ${actuals.ignoredColumns.map((c) => `"${c}"`).join(', ')}\n`);
    }
    if (actuals.changes.length === 0) {
      io.stdout('No changes: the plans already hold these values.\n');
      return 0;
    }
    const baseSnapshot = planSnapshot(before);
    const after = texts.map((f) => ({ path: f.path, before: f.text, after: applyEdits(f.text, actuals.edits.get(f.path) ?? []) }));
    const afterAnalysis = analyzePlans(after.map((f) => ({ path: f.path, text: f.after })), args.analysis, limits);
    const width = actuals.changes.reduce((widest, c) => Math.max(widest, c.id.length), 0);
    io.stdout(`${args.values['dry-run'] ? 'Would change' : 'Changes'} (${actuals.changes.length}):\n`);
    for (const change of actuals.changes) {
      io.stdout(`  ${change.id.padEnd(width)}  ${change.field.padEnd(11)} ${change.before ?? '(none)'} → ${change.after}   ${change.file}\n`);
    }
    io.stdout('\n');
    io.stdout(diffText(diffPlans(baseSnapshot, planSnapshot(afterAnalysis), { base: { ref: 'before the update', commit: null }, head: { ref: 'after the update', commit: null } })));
    const errors = afterAnalysis.diagnostics.filter((d) => d.severity === 'error').length - before.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) io.stderr(`plan-as-code: the update adds ${plural(errors, 'error')} to the plans (run check)\n`);
    if (args.values['dry-run']) {
      io.stdout('\n--dry-run: nothing written.\n');
      return 0;
    }
    const changed = after.filter((f) => f.after !== f.before);
    rewriteFiles(changed, (file) => {
      const change = actuals.changes.find((c) => c.file === file);
      const row = change?.line != null ? `${source}:${change.line} (${change.id})` : `--status-date (${change?.id ?? file})`;
      return new UsageError(`${row}: ${file} changed on disk while updating; nothing written (run update again)`);
    });
    io.stdout(`\nwrote ${plural(changed.length, 'file')}: ${changed.map((f) => f.path).join(', ')}\n`);
    return 0;
  },
};
