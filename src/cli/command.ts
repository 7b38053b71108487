/**
 * What every `plan-as-code` command shares: the options all of them take (--format, --status-date,
 * --max-file-size), reading the plan files of the paths given, and the shape of a command. Each command
 * lives in a file of its own (check.ts, rollup.ts, render.ts, …) and main.ts lists them.
 */
import { existsSync, promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import {
  defaultParseLimits, defaultThresholds, plural, DEFAULT_CURRENCY, effectiveQualityThresholds, effectiveSettings, parseDay, PlanWorkspace, readTeamSettings, slipDaysSetting, TEAM_SETTINGS_FILE, toOneBased,
  type Analysis, type AnalysisOptions, type QualityThresholds, type TeamSettings,
} from '../core';
import { displayPath, findPlanFiles, planFilePattern, readPlanFile, readPlanFileWithin, UsageError } from '../node/files';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
}

/** The options of one run, parsed and checked. */
export interface CommandArgs {
  /** Paths given (files or folders); `.` when none. */
  readonly paths: readonly string[];
  /** Whether paths were given (else `paths` is the current folder). */
  readonly pathsGiven: boolean;
  readonly format: string;
  /** What every command accepts: the analysis options and the file size limit. */
  readonly analysis: AnalysisOptions;
  readonly maxFileSize: number;
  /** The command's own options, as parseArgs read them (strings and booleans). */
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  /** Where the thresholds and default currency came from, when not the defaults (for a note on stderr). */
  readonly settingsSource: string | undefined;
  /** The schedule-quality thresholds (SPEC 11): the team's file, else the defaults. */
  readonly quality: QualityThresholds;
}

export interface Command {
  readonly name: string;
  /** Its usage line(s) for --help, after `plan-as-code `. */
  readonly usage: string;
  /** Its output formats; the first is the default. */
  readonly formats: readonly string[];
  /** Its own options, beyond the common ones. */
  readonly options?: NonNullable<ParseArgsConfig['options']>;
  /** What its own options that take a value take, in words (`a whole number, 1 or more`), for messages. */
  readonly takes?: Readonly<Record<string, string>>;
  run(args: CommandArgs, io: Io): Promise<number>;
}

/** The options every command takes. */
export const commonOptions = {
  format: { type: 'string', short: 'f' },
  'status-date': { type: 'string' },
  'max-file-size': { type: 'string' },
  // The team's settings file and what overrides it (docs/FORMAT.md, "Team settings").
  config: { type: 'string' },
  'red-below': { type: 'string' },
  'amber-below': { type: 'string' },
  'slip-red-days': { type: 'string' },
  'slip-amber-days': { type: 'string' },
  currency: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** What the common options that take a value take, in words (--format: the command's formats). */
export const commonTakes: Readonly<Record<string, string>> = {
  'status-date': 'a date, YYYY-MM-DD',
  'max-file-size': 'a size in MB, a number above 0',
  config: 'a settings file',
  'red-below': 'a number from 0 to 2, like 0.9',
  'amber-below': 'a number from 0 to 2, like 0.9',
  'slip-red-days': 'a number of days, 0 or more',
  'slip-amber-days': 'a number of days, 0 or more',
  currency: 'an ISO 4217 code, like USD',
};

type Values = Readonly<Record<string, string | boolean | undefined>>;

/**
 * The arguments every command gets: paths, format, and the analysis options from flags and the team's
 * settings file. A slip threshold flag that is not a number of days is said on `warn` and the default used.
 */
export function commandArgs(values: Values, positionals: readonly string[], format: string, warn: (message: string) => void = () => undefined): CommandArgs {
  const paths = positionals.length > 0 ? positionals : ['.'];
  const file = teamSettingsFile(values.config, paths[0]);
  const overrides: { -readonly [K in keyof HealthSettings]: TeamSettings[K] } = {};
  if (values['red-below'] !== undefined) overrides.redBelow = thresholdOption('--red-below', values['red-below']);
  if (values['amber-below'] !== undefined) overrides.amberBelow = thresholdOption('--amber-below', values['amber-below']);
  for (const [flag, key] of [['slip-red-days', 'slipRedDays'], ['slip-amber-days', 'slipAmberDays']] as const) {
    if (values[flag] === undefined) continue;
    const checked = slipDaysSetting(`--${flag}`, values[flag]);
    if (checked.problem === undefined) overrides[key] = checked.value;
    else warn(checked.problem);
  }
  if (values.currency !== undefined) {
    if (typeof values.currency !== 'string' || !/^[A-Z]{3}$/.test(values.currency)) throw new UsageError(`--currency ${String(values.currency)} is not an ISO 4217 code (like USD)`);
    overrides.defaultCurrency = values.currency;
  }
  thresholdOrder(overrides, file?.settings ?? {}, file ? displayPath(file.path) : undefined);
  const { thresholds, defaultCurrency } = effectiveSettings(file?.settings, overrides);
  const slipChanged = thresholds.slipRedDays !== defaultThresholds.slipRedDays || thresholds.slipAmberDays !== defaultThresholds.slipAmberDays;
  const changed = thresholds.red !== defaultThresholds.red || thresholds.amber !== defaultThresholds.amber || slipChanged || defaultCurrency !== DEFAULT_CURRENCY;
  const sources = [...(file && Object.keys(file.settings).length > 0 ? [displayPath(file.path)] : []), ...Object.keys(overrides).map((key) => flagOf[key as keyof HealthSettings])];
  return {
    paths,
    pathsGiven: positionals.length > 0,
    format,
    analysis: { statusDate: statusDateOption(values['status-date']), thresholds, defaultCurrency },
    maxFileSize: maxFileSizeOption(values['max-file-size']),
    values,
    quality: effectiveQualityThresholds(file?.settings),
    settingsSource: changed
      ? `health red below ${thresholds.red}, amber below ${thresholds.amber}${slipChanged ? `, red when the forecast is more than ${thresholds.slipRedDays} days late, amber more than ${thresholds.slipAmberDays}` : ''}; default currency ${defaultCurrency} (from ${sources.join(', ')})`
      : undefined,
  };
}

/** The settings a flag can override (the quality thresholds come from the file only). */
type HealthSettings = Omit<TeamSettings, 'quality'>;
const flagOf: Record<keyof HealthSettings, string> = {
  redBelow: '--red-below', amberBelow: '--amber-below', slipRedDays: '--slip-red-days', slipAmberDays: '--slip-amber-days', defaultCurrency: '--currency',
};

/**
 * Amber is the band between the two thresholds: a flag that leaves none (an amber threshold below the
 * red one, a slip's amber days above its red days, against the other flag, the settings file or the
 * default) is bad usage. The file's own values are checked where it is read.
 */
function thresholdOrder(flags: HealthSettings, file: HealthSettings, fileName: string | undefined): void {
  const pick = <K extends keyof HealthSettings>(key: K, fallback: NonNullable<HealthSettings[K]>) =>
    flags[key] !== undefined ? { value: flags[key]!, from: `${flagOf[key]} ${String(flags[key])}` }
      : file[key] !== undefined ? { value: file[key]!, from: `${String(file[key])} (${fileName ?? 'the settings file'})` }
        : { value: fallback, from: `${String(fallback)} (the default)` };
  const order = (amber: ReturnType<typeof pick>, red: ReturnType<typeof pick>, amberFlag: boolean, wrong: boolean, what: string) => {
    if (!wrong) return;
    throw new UsageError(amberFlag ? `${amber.from} is ${what} the red threshold, ${red.from}: amber is the band between the two` : `${red.from} leaves no amber band: the amber threshold is ${amber.from}`);
  };
  if (flags.redBelow !== undefined || flags.amberBelow !== undefined) {
    const red = pick('redBelow', defaultThresholds.red);
    const amber = pick('amberBelow', defaultThresholds.amber);
    order(amber, red, flags.amberBelow !== undefined, (amber.value as number) < (red.value as number), 'below');
  }
  if (flags.slipRedDays !== undefined || flags.slipAmberDays !== undefined) {
    const red = pick('slipRedDays', defaultThresholds.slipRedDays!);
    const amber = pick('slipAmberDays', defaultThresholds.slipAmberDays!);
    order(amber, red, flags.slipAmberDays !== undefined, (amber.value as number) > (red.value as number), 'above');
  }
}

function thresholdOption(flag: string, value: string | boolean): number {
  const number = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !(number >= 0 && number <= 2)) throw new UsageError(`${flag} ${String(value)} is not a threshold (expected ${commonTakes['red-below']})`);
  return number;
}

/**
 * The team's settings file: --config FILE, else `.plan-as-code.yaml` in the folder of the first path or
 * the nearest folder above it, up to the repository's root. A file with a mistake is bad usage: one
 * line naming the file, line and column.
 */
function teamSettingsFile(given: string | boolean | undefined, firstPath: string) {
  let file: string | undefined;
  if (typeof given === 'string') {
    file = path.resolve(given);
    if (!existsSync(file)) throw new UsageError(`--config ${given}: no such file`);
  } else {
    let folder = path.resolve(firstPath);
    if (existsSync(folder) && statSync(folder).isFile()) folder = path.dirname(folder);
    for (;;) {
      const candidate = path.join(folder, TEAM_SETTINGS_FILE);
      if (existsSync(candidate)) {
        file = candidate;
        break;
      }
      const parent = path.dirname(folder);
      if (existsSync(path.join(folder, '.git')) || parent === folder) break;
      folder = parent;
    }
  }
  if (!file) return undefined;
  const shown = displayPath(file);
  // A pipe or a device would be read until it ends, if ever; a folder cannot be read.
  if (!statSync(file).isFile()) throw new UsageError(`${typeof given === 'string' ? `--config ${given}` : shown}: not a settings file (a folder, a pipe or a device)`);
  const read = readTeamSettings(shown, readPlanFile(file, shown));
  const problem = read.diagnostics[0];
  if (problem) {
    const { line, column } = toOneBased(problem.range.start);
    // An editor reports the problem and goes on with the default; the command line stops (exit 2), so no default is used.
    throw new UsageError(`${problem.file}:${line}:${column}: ${problem.message.replace(/; the default \S+ is used$/, '')} (fix the settings file to go on)`);
  }
  return { path: file, settings: read.settings };
}

/** --status-date as a day, or a usage error naming the bad value. */
export function statusDateOption(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const day = parseDay(value);
  if (day === undefined) throw new UsageError(`--status-date ${String(value)} is not a date (expected YYYY-MM-DD)`);
  return day;
}

/** --max-file-size in MB as bytes. */
export function maxFileSizeOption(value: string | boolean | undefined): number {
  if (value === undefined) return defaultParseLimits.maxFileSize;
  const megabytes = Number(value);
  if (!(megabytes > 0)) throw new UsageError(`--max-file-size ${String(value)} is not a size in MB (expected a number above 0)`);
  return Math.round(megabytes * 1024 * 1024);
}

/** --out FILE, required: a usage error when it is missing. */
export function requiredOut(command: string, value: string | boolean | undefined): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`${command} needs --out FILE (the file to write; - for standard output)`);
  return value;
}

/** Reads every plan file under the paths (files above the size limit are reported, never read) and analyses them. */
export async function analyzePaths(args: CommandArgs): Promise<Analysis> {
  return (await readPaths(args)).analyze(args.analysis);
}

/** Reads every plan file under the paths into a workspace, not yet analysed. */
export async function readPaths(args: CommandArgs): Promise<PlanWorkspace> {
  const files = await findPlanFiles(args.paths);
  const workspace = new PlanWorkspace({ ...defaultParseLimits, maxFileSize: args.maxFileSize });
  for (const absolute of files) {
    const path = displayPath(absolute);
    const read = readPlanFileWithin(absolute, path, args.maxFileSize);
    if ('oversized' in read) workspace.setOversized(path, read.oversized);
    else workspace.set(path, read.text);
  }
  return workspace;
}

/** A note on stderr saying which thresholds and currency were used, when they are not the defaults. */
export function noteSettings(args: CommandArgs, io: Io): void {
  if (args.settingsSource) io.stderr(`plan-as-code: ${args.settingsSource}\n`);
}

/** A note on stderr when the plans have errors: the output may be incomplete (rollup, render). */
export function noteErrors(analysis: Analysis, io: Io): void {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) io.stderr(`plan-as-code: the plans have ${plural(errors, 'error')}; figures may be incomplete (run check)\n`);
}

/** Writes a command's file, or standard output for `-`; a file that cannot be written is bad usage. */
export async function writeOut(out: string, text: string, io: { stdout: (text: string) => void }): Promise<void> {
  if (out === '-') {
    io.stdout(text);
    return;
  }
  // No command writes a plan: a name like one is a slip that would overwrite a plan with a roadmap or an export.
  if (planFilePattern.test(path.basename(out))) throw new UsageError(`--out ${out}: the name of a plan file (*.plan.yaml); write to another file`);
  try {
    await fs.writeFile(out, text, 'utf8');
  } catch (error) {
    throw new UsageError(`--out ${out}: cannot write this file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export { sha256Base64 } from '../node/hash';
