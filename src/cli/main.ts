/**
 * `plan-as-code`: the engine on the command line, for CI.
 * Exit codes: 0 no error, 1 the plans have an error (check), 2 bad usage, 3 an internal fault.
 */
import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildRoadmap, defaultParseLimits, parseDay, PlanWorkspace, rollupCsv, rollupMarkdown, toRollupJson, type Analysis } from '../core';
import { displayPath, findPlanFiles, planFileSize, readPlanFile, UsageError } from './files';
import { checkJson, checkSarif, checkSummary, checkText } from './format';
import { loadWebviewAssets, renderRoadmap, type RenderFormat } from './render';

declare const PLAN_AS_CODE_VERSION: string;
const version = typeof PLAN_AS_CODE_VERSION === 'string' ? PLAN_AS_CODE_VERSION : '0.0.0-dev';

const usage = `plan-as-code ${version} — program and project plans as YAML

Usage:
  plan-as-code check  [paths…] [--format text|json|sarif] [--status-date YYYY-MM-DD] [--max-file-size MB]
  plan-as-code rollup [paths…] [--format json|md|csv]     [--status-date YYYY-MM-DD] [--max-file-size MB]
  plan-as-code render [paths…] --out FILE [--format html|svg|mermaid] [--status-date YYYY-MM-DD]

Paths are plan files or folders (default: the current folder); folders are searched for
*.plan.yaml and *.plan.yml, skipping node_modules and .git. render writes one self-contained
file (--out - writes to standard output); Mermaid is a fenced block unless FILE ends in .mmd.

Exit codes: 0 no errors (warnings allowed), 1 errors in the plans, 2 bad usage.`;

const formats = { check: ['text', 'json', 'sarif'], rollup: ['json', 'md', 'csv'], render: ['html', 'svg', 'mermaid'] } as const;
type Command = keyof typeof formats;

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`plan-as-code: ${error.message}\n`);
      return 2;
    }
    const detail = error instanceof Error ? (process.env.PLAN_AS_CODE_DEBUG ? error.stack : error.message) : String(error);
    io.stderr(`plan-as-code: internal error: ${detail}\nPlease report this with the plan file that caused it.\n`);
    return 3;
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${usage}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (!(command in formats)) throw new UsageError(`unknown command '${command}' (expected check, rollup or render; see --help)`);
  const name = command as Command;

  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'status-date': { type: 'string' },
        'max-file-size': { type: 'string' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${usage}\n`);
    return 0;
  }
  const format = values.format ?? formats[name][0];
  if (!(formats[name] as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${format} is not a format of ${name} (expected ${formats[name].join(', ')})`);
  }
  let statusDate: number | undefined;
  if (values['status-date'] !== undefined) {
    statusDate = parseDay(values['status-date']);
    if (statusDate === undefined) throw new UsageError(`--status-date ${values['status-date']} is not a date (expected YYYY-MM-DD)`);
  }
  let maxFileSize = defaultParseLimits.maxFileSize;
  if (values['max-file-size'] !== undefined) {
    const megabytes = Number(values['max-file-size']);
    if (!(megabytes > 0)) throw new UsageError(`--max-file-size ${values['max-file-size']} is not a size in MB (expected a number above 0)`);
    maxFileSize = Math.round(megabytes * 1024 * 1024);
  }
  if (name !== 'render' && values.out !== undefined) throw new UsageError(`--out is an option of render, not ${name}`);
  if (name === 'render' && (values.out === undefined || values.out === '')) {
    throw new UsageError('render needs --out FILE (the file to write; - for standard output)');
  }

  const analysis = await analyzePaths(positionals.length > 0 ? positionals : ['.'], statusDate, maxFileSize);
  if (name === 'check') return check(analysis, format, io);
  if (name === 'render') return render(analysis, format as RenderFormat, values.out!, io);
  return rollup(analysis, format, io);
}

async function analyzePaths(paths: readonly string[], statusDate: number | undefined, maxFileSize: number): Promise<Analysis> {
  const files = await findPlanFiles(paths);
  const workspace = new PlanWorkspace({ ...defaultParseLimits, maxFileSize });
  for (const absolute of files) {
    const path = displayPath(absolute);
    // A file above the limit is reported by its size; it is never read into memory.
    const size = planFileSize(absolute, path);
    if (size > maxFileSize) workspace.setOversized(path, size);
    else workspace.set(path, readPlanFile(absolute, path));
  }
  return workspace.analyze({ statusDate });
}

function check(analysis: Analysis, format: string, io: Io): number {
  const { diagnostics, files } = analysis;
  if (format === 'json') io.stdout(`${JSON.stringify(checkJson(files.length, diagnostics), null, 2)}\n`);
  else if (format === 'sarif') io.stdout(`${JSON.stringify(checkSarif(diagnostics, version), null, 2)}\n`);
  else {
    if (diagnostics.length > 0) io.stdout(`${checkText(diagnostics, io.isTty)}\n`);
    io.stderr(`${checkSummary(files.length, diagnostics)}\n`);
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

function rollup(analysis: Analysis, format: string, io: Io): number {
  const json = toRollupJson(analysis);
  if (format === 'json') io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  else if (format === 'md') io.stdout(rollupMarkdown(json));
  else io.stdout(rollupCsv(json));
  noteErrors(analysis, io);
  return 0;
}

/**
 * Writes the roadmap file. Like rollup, plans with errors still render (what can be drawn is drawn)
 * with a note on stderr, and exit 0; an unwritable --out is bad usage (exit 2).
 */
async function render(analysis: Analysis, format: RenderFormat, out: string, io: Io): Promise<number> {
  const model = buildRoadmap(analysis);
  const assets = format === 'html' ? await loadWebviewAssets() : undefined;
  const text = renderRoadmap(model, format, out, assets);
  if (out === '-') io.stdout(text);
  else {
    try {
      await fs.writeFile(out, text, 'utf8');
    } catch (error) {
      throw new UsageError(`--out ${out}: cannot write this file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  noteErrors(analysis, io);
  if (out !== '-') io.stderr(`plan-as-code: wrote ${out} (${format}, ${model.bars.length} project${model.bars.length === 1 ? '' : 's'})\n`);
  return 0;
}

function noteErrors(analysis: Analysis, io: Io): void {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) io.stderr(`plan-as-code: the plans have ${errors} error${errors === 1 ? '' : 's'}; figures may be incomplete (run check)\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
