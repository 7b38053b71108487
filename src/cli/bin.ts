/**
 * The `plan-as-code` executable (dist/cli.js). check, rollup, quality and people — what CI runs on every
 * push — run from this bundle alone; every other command (render, report, diff, trend, import, export,
 * update, lsp), --help and a mistyped command are main.ts's, a bundle of its own
 * (dist/cliAll.js) loaded only for them: a `check` no longer compiles the roadmap, the reports, git and
 * the MS Project and CSV readers before it starts.
 */
import { checkCommand } from './check';
import type { Io } from './command';
import type * as Main from './main';
import { failure, processIo, runCommand, stdout } from './dispatch';
import { peopleCommand } from './people';
import { qualityCommand } from './quality';
import { rollupCommand } from './rollup';
import { version } from './version';

const quick = [checkCommand, rollupCommand, qualityCommand, peopleCommand];

/**
 * The whole command line, as main.ts reads it, loaded now: a plain `require` (esbuild.js makes it one of
 * dist/cliAll.js; a dynamic `import()` of a CommonJS file goes through Node's ESM loader, which scans the
 * whole file first).
 */
function whole(argv: readonly string[], io: Io): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./main') as typeof Main).main(argv, io);
}

export async function bin(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.stdout(`${version}\n`);
    return 0;
  }
  const command = quick.find((c) => c.name === name);
  try {
    return await (command ? runCommand(command, rest, io, () => whole(argv, io)) : whole(argv, io));
  } catch (error) {
    return failure(error, io);
  }
}

if (require.main === module) {
  bin(process.argv.slice(2)).then((code) => {
    process.exitCode = stdout.failure ? 2 : code;
  });
}
