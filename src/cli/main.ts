/**
 * `plan-as-code`: the engine on the command line, for CI. Each command is in a file of its own; this one
 * lists them all, reads the command line and runs the command (dispatch.ts). The executable (bin.ts)
 * loads this bundle (dist/cliAll.js) for every command but the four CI runs most (quick.ts).
 * Exit codes: 0 no error, 1 the plans have an error (check), 2 bad usage, 3 an internal fault.
 */
import { checkCommand } from './check';
import type { Command, Io } from './command';
import { failure, processIo, runAsProcess, runCommand } from './dispatch';
import { diffCommand } from './diff';
import { exportCommand, importCommand, updateCommand } from './interop';
import { UsageError } from '../node/files';
import { qualityCommand } from './quality';
import { peopleCommand } from './people';
import { lspUsage, runLsp } from './lsp';
import { renderCommand } from './render';
import { reportCommand } from './report';
import { rollupCommand } from './rollup';
import { trendCommand } from './trend';
import { version } from './version';

export type { Io } from './command';

const commands: readonly Command[] = [
  checkCommand, rollupCommand, renderCommand, reportCommand, diffCommand, trendCommand, qualityCommand, peopleCommand, importCommand, exportCommand, updateCommand,
];

const usage = `plan-as-code ${version} — program and project plans as YAML

Usage:
${commands.map((command) => `  plan-as-code ${command.usage}`).join('\n')}
  plan-as-code ${lspUsage}

Paths are plan files or folders (default: the current folder); folders are searched for
*.plan.yaml and *.plan.yml, skipping node_modules and .git. render and report write one
self-contained file (--out - writes to standard output); Mermaid is a fenced block unless FILE ends
in .mmd. report is the steering report: HTML that prints on A4 or Letter landscape. quality is the
schedule quality (SPEC 11); with --fail it exits 1 when a metric fails. lsp is the language server for
editors (LSP 3.17 on standard input and output; also the plan-as-code-lsp bin).

Health thresholds and the default currency come from the team's .plan-as-code.yaml (found from the
first path upwards, up to the repository root; --config FILE names another); --red-below N,
--amber-below N, --slip-red-days N, --slip-amber-days N and --currency CODE override it. check and
rollup say on stderr which values they used when they are not the defaults (0.90, 0.95, 30 and 0
days, USD).

Exit codes: 0 no errors (warnings allowed), 1 errors in the plans, 2 bad usage.`;

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    return failure(error, io);
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${usage}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (name === 'lsp') return runLsp(rest, io);
  const command = commands.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command '${name}' (expected ${[...commands.map((c) => c.name), 'lsp'].join(', ')}; see --help)`);
  return runCommand(command, rest, io, () => {
    io.stdout(`${usage}\n`);
    return 0;
  });
}

/** Runs the command line of this process. */
export function runProcess(argv: readonly string[]): void {
  runAsProcess(main, argv);
}

if (require.main === module) runProcess(process.argv.slice(2));
