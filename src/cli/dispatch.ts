/**
 * Running one command, as both CLI bundles that run commands do (quick.ts, main.ts): standard output,
 * reading a command's arguments, how a failure is reported and the process's exit code.
 */
import { parseArgs } from 'node:util';
import { commandArgs, commonOptions, commonTakes, type Command, type Io } from './command';
import { UsageError } from '../node/files';
import { OutputWriter } from './output';

/** Every command's standard output (output.ts): a reader that goes away ends the output quietly; a full disk is exit 2. */
export const stdout = new OutputWriter(process.stdout, (message) => {
  process.stderr.write(`plan-as-code: ${message}\n`);
  process.exitCode = 2;
});

export const processIo: Io = {
  stdout: stdout.write,
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

/** Runs a command line as this process's: its exit code, or 2 when standard output failed. */
export function runAsProcess(run: (argv: readonly string[], io: Io) => Promise<number>, argv: readonly string[]): void {
  void run(argv, processIo).then((code) => {
    process.exitCode = stdout.failure ? 2 : code;
  });
}

/** A run that threw: a usage error is one line and exit 2; anything else is an internal error, exit 3. */
export function failure(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    io.stderr(`plan-as-code: ${error.message}\n`);
    return 2;
  }
  const detail = error instanceof Error ? (process.env.PLAN_AS_CODE_DEBUG ? error.stack : error.message) : String(error);
  io.stderr(`plan-as-code: internal error: ${detail}\nPlease report this with the plan file that caused it.\n`);
  return 3;
}

type OptionSpecs = NonNullable<Command['options']>;

/**
 * `--red-below -1`: parseArgs will not take a value that starts with '-' after a space (it may be the next
 * option, the value forgotten). Says how to give it, and what the option takes.
 */
function valueLikeAnOption(command: Command, options: OptionSpecs, args: readonly string[], given: string): string {
  const name = given.replace(/^-+/, '');
  const long = Object.entries(options).find(([option, spec]) => option === name || ('short' in spec && spec.short === name))?.[0] ?? name;
  const at = args.indexOf(given);
  const value = at >= 0 && at + 1 < args.length ? args[at + 1] : undefined;
  const takes = long === 'format' ? command.formats.join(', ') : (command.takes?.[long] ?? commonTakes[long]);
  const taking = takes ? ` (${takes})` : '';
  // `--status-date --format md`: the value was forgotten, not written with a dash.
  const option = (word: string) => /^--./.test(word) || Object.values(options).some((spec) => 'short' in spec && `-${spec.short}` === word);
  if (value === undefined || option(value)) return `${given} needs a value${taking}`;
  return `${given} ${value}: a value that starts with '-' is read as an option; write --${long}=${value}${takes ? ` (--${long} takes ${takes})` : ''}`;
}

/** Runs `command` on the arguments after its name: checks them (a mistake names what it takes) and the format; `help` answers --help. */
export async function runCommand(command: Command, args: readonly string[], io: Io, help: () => number | Promise<number>): Promise<number> {
  const options = { ...commonOptions, ...command.options };
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (error) {
    const takes = Object.keys(options).map((o) => `--${o}`).join(', ');
    const unknown = /Unknown option '([^']+)'/.exec((error as Error).message)?.[1];
    if (unknown) throw new UsageError(`${command.name} has no option ${unknown} (it takes ${takes})`);
    const ambiguous = /Option '([^']+)' argument is ambiguous/.exec((error as Error).message)?.[1];
    if (ambiguous) throw new UsageError(valueLikeAnOption(command, options, args, ambiguous));
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return help();
  const format = typeof values.format === 'string' ? values.format : command.formats[0];
  if (!command.formats.includes(format)) {
    throw new UsageError(`--format ${format} is not a format of ${command.name} (expected ${command.formats.join(', ')})`);
  }
  return command.run(commandArgs(values, positionals, format, (message) => io.stderr(`plan-as-code: ${message}\n`)), io);
}
