/**
 * A language client for tests: spawns dist/server.js (run `npm run build` first) and speaks JSON-RPC with
 * it over stdio, recording what the server pushes so tests wait for specific notifications, never sleep.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const serverJs = path.join(repoRoot, 'dist', 'server.js');

/** A folder with the given files (relative path → text), removed by `cleanup`. */
export function workspaceWith(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pac-lsp-'));
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
  return root;
}

export const uriOf = (root: string, relative: string) => pathToFileURL(path.join(root, relative)).href;

/** Capabilities like a full client's (VS Code's), trimmed to what the server looks at. */
export const fullCapabilities: ClientCapabilities = {
  window: { workDoneProgress: true },
  workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, codeLens: { refreshSupport: true } },
  textDocument: {
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

export interface ClientOptions {
  readonly capabilities?: ClientCapabilities;
  /** The answer to workspace/configuration (one per item); a function may never resolve. */
  readonly configuration?: (items: unknown[]) => unknown;
  /** Arguments after dist/server.js (default --stdio). */
  readonly command?: readonly string[];
  /** Over Node IPC (`--node-ipc`, the process forked with an IPC channel), as the VS Code extension starts it. */
  readonly ipc?: boolean;
  /** Sent as workspaceFolders; else rootUri only. */
  readonly workspaceFolders?: boolean;
  /** The workspace folders, as paths inside the root (each named by its last segment, as VS Code names them); default the root. */
  readonly folders?: readonly string[];
  /** Sent as initializationOptions. */
  readonly initializationOptions?: unknown;
}

/**
 * A server on a new workspace of `files` for one describe block: started and initialized before its
 * tests (after `prepare` ran in the folder), killed and the folder removed after them.
 */
export function serverFor(files: Record<string, string>, options: ClientOptions = {}, prepare?: (root: string) => void): { readonly root: string; readonly client: TestClient } {
  const server = {} as { root: string; client: TestClient };
  before(async () => {
    server.root = workspaceWith(files);
    prepare?.(server.root);
    const started = TestClient.start(server.root, options);
    server.client = started.client;
    await started.initialized;
  });
  after(() => {
    server.client?.kill();
    fs.rmSync(server.root, { recursive: true, force: true });
  });
  return server;
}

export class TestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Every notification and request from the server, in order (method names). */
  readonly events: string[] = [];
  readonly log: string[] = [];
  readonly registrations: unknown[] = [];
  /** The ids of the registrations the server took back. */
  readonly unregistered: string[] = [];
  /** The params of each planAsCode/analyzed notification. */
  readonly analyzed: unknown[] = [];
  /** The params of each planAsCode/compared notification. */
  readonly compared: unknown[] = [];
  private readonly waiters: Array<() => void> = [];
  readonly exited: Promise<number | null>;
  private stderr = '';

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
  }

  static start(root: string, options: ClientOptions = {}): { client: TestClient; initialized: Promise<unknown> } {
    const child = options.ipc
      ? spawn(process.execPath, [serverJs, '--node-ipc'], { cwd: os.tmpdir(), stdio: ['pipe', 'pipe', 'pipe', 'ipc'] })
      : spawn(process.execPath, [...(options.command ?? [serverJs, '--stdio'])], { cwd: os.tmpdir(), stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = options.ipc
      ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection);
    connection.onError(([error]) => client.log.push(`protocol error: ${error.message}`));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.events.push(`publishDiagnostics ${params.uri}`);
      client.diagnostics.set(params.uri, params.diagnostics);
      client.wake();
    });
    connection.onNotification('planAsCode/analyzed', (params: unknown) => {
      client.analyzed.push(params);
      client.events.push('analyzed');
      client.wake();
    });
    connection.onNotification('planAsCode/compared', (params: unknown) => {
      client.compared.push(params);
      client.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => client.log.push(params.message));
    connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
      client.events.push(`progress ${params.value.kind}`);
      client.wake();
    });
    connection.onRequest('window/workDoneProgress/create', () => {
      client.events.push('workDoneProgress/create');
      return null;
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      client.events.push('configuration');
      return options.configuration ? options.configuration(params.items) : params.items.map(() => null);
    });
    connection.onRequest('client/unregisterCapability', (params: { unregisterations: Array<{ id: string }> }) => {
      client.unregistered.push(...params.unregisterations.map((u) => u.id));
      client.wake();
      return null;
    });
    connection.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
      client.registrations.push(...params.registrations);
      client.wake();
      return null;
    });
    connection.onRequest('workspace/codeLens/refresh', () => {
      client.events.push('codeLens/refresh');
      return null;
    });
    connection.listen();
    const rootUri = pathToFileURL(root).href;
    const initialized = connection
      .sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders:
          options.workspaceFolders === false
            ? null
            : (options.folders ?? ['.']).map((folder) => ({ uri: pathToFileURL(path.join(root, folder)).href, name: path.basename(path.join(root, folder)) })),
        capabilities: options.capabilities ?? fullCapabilities,
        ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
      })
      .then((result) => {
        client.events.push('initialize result');
        void connection.sendNotification('initialized', {});
        return result;
      });
    return { client, initialized };
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves when `check` holds (checked now and after each message from the server); fails after `ms`. */
  async until<T>(what: string, check: () => T | undefined | false, ms = 20000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = check();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) assert.fail(`timed out waiting for ${what}; events: ${this.events.slice(-20).join(', ')}; log: ${this.log.join(' | ')}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The file's diagnostics once they satisfy `check`. */
  diagnosticsOf(uri: string, check: (list: Diagnostic[]) => boolean, what = 'diagnostics'): Promise<Diagnostic[]> {
    return this.until(`${what} of ${uri}`, () => {
      const list = this.diagnostics.get(uri);
      return list && check(list) ? list : undefined;
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  /** Replaces the whole text of an open document. */
  change(uri: string, text: string, version: number): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** shutdown, exit; resolves with the exit code. */
  async stop(): Promise<number | null> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    return this.exited;
  }

  kill(): void {
    this.process.kill();
  }
}

/** A position by the line and the text it should be at (the first occurrence on that line, plus `offset`). */
export function at(text: string, line: number, word: string, offset = 0): { line: number; character: number } {
  const character = text.split('\n')[line].indexOf(word);
  assert.ok(character >= 0, `'${word}' is on line ${line}`);
  return { line, character: character + offset };
}

// The workspace a real editor is driven through (Neovim, Emacs): a program with a milestone written
// after non-ASCII text, a project depending on it in another file, a file never opened with an unknown
// program, and a misspelt key with a quick fix.
const program = `version: 1
program:
  id: alpha
  name: Alpha program
  status_date: 2026-01-31
  milestones: [{ name: "Café – été", id: m1, date: 2026-03-20 }]
  projects:
    - id: build
      name: Build the thing
      start: 2026-01-05
      duration: 8w
      budget: 200000
      progress: 50
`;

const launch = `version: 1
project:
  id: launch
  name: Launch
  program: alpha
  depends_on: [build, m1]
  duration: 30d
  budget: 100000
`;

const orphan = `version: 1
project:
  id: orphan
  name: Orphan
  program: nowhere
  start: 2026-02-02
  duration: 10d
`;

const typo = `version: 1
project:
  id: typo
  name: Typo
  start: 2026-03-02
  duration: 10d
  budgt: 5000
`;

export const editorFiles = { 'program.plan.yaml': program, 'launch.plan.yaml': launch, 'orphan.plan.yaml': orphan, 'typo.plan.yaml': typo };

/**
 * Runs a real editor headless in `root` against the server (PAC_ROOT, PAC_OUT and PAC_SERVER in its
 * environment, as test/lsp/nvim/drive.lua and test/lsp/emacs/drive.el read them) and returns the JSON its
 * script wrote to PAC_OUT.
 */
export function driveEditor<T>(editor: string, args: readonly string[], root: string): T {
  const out = path.join(root, 'seen.json');
  const run = spawnSync(editor, args, {
    cwd: root,
    env: { ...process.env, PAC_ROOT: root, PAC_OUT: out, PAC_SERVER: `${process.execPath} ${serverJs} --stdio` },
    timeout: 100000,
    encoding: 'utf8',
  });
  if (!fs.existsSync(out)) throw new Error(`${editor} wrote no result (status ${run.status}): ${run.stderr}${run.stdout}`);
  return JSON.parse(fs.readFileSync(out, 'utf8')) as T;
}
