/**
 * `plan-as-code lsp --stdio`: the language server (src/server), loaded from its own bundle beside this one
 * (dist/server.js, also the `plan-as-code-lsp` bin). Loaded, not bundled in: the CLI stays small for CI,
 * and both commands run the very same file; loaded in this process, not spawned: no second process and
 * no piping of stdio.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Io } from './command';
import { UsageError } from '../node/files';

export const lspUsage = 'lsp --stdio';

export function runLsp(args: readonly string[], io: Io): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--stdio' || arg.startsWith('--clientProcessId=')) continue;
    if (arg === '--clientProcessId' && i + 1 < args.length) {
      i++;
      continue;
    }
    throw new UsageError(`lsp has no option ${arg} (it takes --stdio: the server speaks LSP on standard input and output)`);
  }
  const server = path.join(__dirname, 'server.js');
  if (!existsSync(server)) {
    io.stderr(`plan-as-code: the language server (${server}) is missing; build it with npm run build\n`);
    return 3;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runServer } = require(server) as { runServer(args: readonly string[]): number };
  return runServer(args);
}
