// A real VS Code (code-server 4.100.3, installed by scripts/install-vscode-host.sh) served on loopback:
// shared by the integration test runner and `npm start`. See shared/VSCODE-HOST.md for why code-server.
//
// As a command (what `npm start` runs): serves WORKSPACE with this repository loaded as the extension
// under development, prints the URL, and stops on Ctrl-C.
//   node scripts/vscode-host.mjs [--workspace DIR] [--port N]
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const hostDir = process.env.PLAN_VSCODE_HOST_DIR
  ? resolve(process.env.PLAN_VSCODE_HOST_DIR)
  : join(repoRoot, '.cache', 'vscode-host');
export const codeServerEntry = join(hostDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

// Seeded into the fresh user-data folder: a quiet, deterministic workbench for tests and screenshots.
export const DEFAULT_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
};

// code-server reads these from the environment and they override its flags (PORT beats --bind-addr,
// VSCODE_IPC_HOOK_CLI turns it into a client of the VS Code whose terminal we run in).
const INHERITED_ENV_TO_DROP = [
  'PORT', 'CODE_SERVER_HOST', 'CODE_SERVER_CONFIG', 'CODE_SERVER_PARENT_PID', 'CODE_SERVER_SESSION_SOCKET',
  'PASSWORD', 'HASHED_PASSWORD', 'VSCODE_IPC_HOOK_CLI', 'VSCODE_PROXY_URI', 'EXTENSIONS_GALLERY',
];

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function findFreePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** `vscode-remote://` URI of a server-side path, as the web workbench expects in its payload. */
export function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${pathToFileURL(absPath).pathname}`;
}

/**
 * The workbench URL opening `workspace`, with an extension under development and optionally the
 * test suite folder whose `run()` the extension host calls (the @vscode/test-electron contract).
 */
export function workbenchUrl(port, { workspace, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(port, extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(port, extensionTestsPath)]);
  let url = `http://127.0.0.1:${port}/`;
  const query = [];
  // A .code-workspace file opens as a (multi-root) workspace; anything else as a folder.
  if (workspace) query.push(`${workspace.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(resolve(workspace))}`);
  if (payload.length > 0) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  if (query.length > 0) url += `?${query.join('&')}`;
  return url;
}

/** Pids of every live descendant of `rootPid`, read from /proc (Linux). */
function descendantPids(rootPid) {
  const children = new Map();
  let entries = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(entry));
  }
  const found = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts code-server on `workspace` with fresh user-data and extensions folders, and resolves once it
 * logs `HTTP server listening`.
 *
 * @param {object} options
 * @param {string} options.workspace folder the workbench opens
 * @param {number} [options.port] defaults to a free port
 * @param {Record<string, unknown>} [options.settings] user settings, merged over DEFAULT_USER_SETTINGS
 * @param {(line: string) => void} [options.onOutput] every line code-server prints
 * @param {number} [options.startTimeoutMs]
 * @param {string} [options.userDataDir] a user-data folder kept between starts (its global storage too); default: a fresh one
 * @returns {Promise<{port: number, url: string, workbenchUrl: (o?: object) => string, output: string[],
 *   exited: Promise<{code: number | null, sig: string | null}>, stop: () => Promise<void>}>}
 */
export async function startCodeServer({ workspace, port, settings = {}, onOutput = () => {}, startTimeoutMs = 60_000, userDataDir }) {
  if (!existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed in ${hostDir}: run \`bash scripts/install-vscode-host.sh\``);
  }
  // A free port can be taken between the probe and code-server's bind: try a few.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce({ workspace, port: port ?? (await findFreePort()), settings, onOutput, startTimeoutMs, userDataDir });
    } catch (error) {
      if (port !== undefined || attempt >= 3 || !/EADDRINUSE/.test(String(error))) throw error;
    }
  }
}

async function startOnce({ workspace, port, settings, onOutput, startTimeoutMs, userDataDir: keptUserData }) {
  const tempRoot = await mkdtemp(join(tmpdir(), 'plan-vscode-host-'));
  const userDataDir = keptUserData ?? join(tempRoot, 'user-data');
  const extensionsDir = join(tempRoot, 'extensions');
  // An empty config keeps the user's ~/.config/code-server/config.yaml (auth, cert…) out of the run.
  const configFile = join(tempRoot, 'config.yaml');
  await writeFile(configFile, '');
  await mkdir(join(userDataDir, 'User'), { recursive: true });
  await writeFile(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_USER_SETTINGS, ...settings }, null, 2));

  const env = { ...process.env };
  for (const name of INHERITED_ENV_TO_DROP) delete env[name];
  // A gallery without a serviceUrl disables the marketplace: no lookups of open-vsx.org, unreachable here.
  env.EXTENSIONS_GALLERY = '{}';

  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', configFile,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    resolve(workspace),
  ];
  // Its own process group, so that stop() can signal code-server and every helper it forked at once.
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });

  const output = [];
  let exited = false;
  const exitPromise = new Promise((resolveExit) => child.on('exit', (code, sig) => {
    exited = true;
    resolveExit({ code, sig });
  }));
  let announceReady;
  const ready = new Promise((resolveReady) => { announceReady = resolveReady; });
  const collect = (stream) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        output.push(line);
        if (output.length > 500) output.shift();
        onOutput(line);
        if (line.includes('HTTP server listening')) announceReady();
      }
    });
  };
  collect(child.stdout);
  collect(child.stderr);

  // Last resort on any exit path of this Node process (crash, process.exit): no orphaned servers.
  let knownPids = [];
  const killOnExit = () => {
    for (const pid of [...knownPids, ...descendantPids(child.pid)]) signal(pid, 'SIGKILL');
    signal(-child.pid, 'SIGKILL');
  };
  process.on('exit', killOnExit);

  let stopped;
  const stop = () => {
    stopped ??= (async () => {
      process.off('exit', killOnExit);
      // Snapshot the tree first: once code-server exits its children are re-parented and lost.
      const tree = [child.pid, ...descendantPids(child.pid)];
      if (!exited) {
        signal(-child.pid, 'SIGTERM');
        for (const pid of tree) signal(pid, 'SIGTERM');
        await Promise.race([exitPromise, sleep(5_000, undefined, { ref: false })]);
      }
      const stragglers = new Set([...tree, ...descendantPids(child.pid)]);
      signal(-child.pid, 'SIGKILL');
      for (const pid of stragglers) signal(pid, 'SIGKILL');
      await Promise.race([exitPromise, sleep(2_000, undefined, { ref: false })]);
      await rm(tempRoot, { recursive: true, force: true, maxRetries: 3 });
    })();
    return stopped;
  };

  // Unref'd timers: a library caller's process need not wait them out.
  const timeout = sleep(startTimeoutMs, undefined, { ref: false }).then(() => 'timeout');
  const outcome = await Promise.race([ready.then(() => 'ready'), exitPromise.then(() => 'exited'), timeout]);
  if (outcome !== 'ready') {
    await stop();
    const why = outcome === 'timeout' ? `did not listen within ${startTimeoutMs} ms` : 'exited before listening';
    throw new Error(`code-server ${why}:\n${output.slice(-30).join('\n')}`);
  }
  // Refreshed once it is up, for the exit hook: by then the server's helpers have been forked.
  knownPids = [child.pid, ...descendantPids(child.pid)];

  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    workbenchUrl: (options) => workbenchUrl(port, options),
    output,
    /** Settles when code-server exits, by stop() or on its own. */
    exited: exitPromise,
    stop,
  };
}

// `npm start`: serve a workspace with this extension loaded, until Ctrl-C.
async function main() {
  const { values } = parseArgs({
    options: {
      workspace: { type: 'string', default: join(repoRoot, 'test', 'fixtures', 'workspace') },
      port: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const workspace = resolve(values.workspace);
  const server = await startCodeServer({
    workspace,
    port: values.port ? Number(values.port) : undefined,
    onOutput: values.verbose ? (line) => console.log(`[code-server] ${line}`) : () => {},
  });
  let stopping = false;
  const shutdown = async () => {
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  server.exited.then(({ code, sig }) => {
    if (stopping) return;
    console.error(`code-server exited (${sig ?? code}):\n${server.output.slice(-20).join('\n')}`);
    process.exit(1);
  });
  console.log(`VS Code ${workspace} with the extension at ${repoRoot} (Ctrl-C stops):`);
  console.log(server.workbenchUrl({ workspace, extensionDevelopmentPath: repoRoot }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
