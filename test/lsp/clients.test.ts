/**
 * What clients other than VS Code rely on (SPEC 13): configuration answered with null or never, no file
 * watching of their own, semantic tokens only when asked, the root from rootUri, cancellation, the CLI's
 * `lsp --stdio`, the team's settings file.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CancellationTokenSource, type Hover, type InitializeResult } from 'vscode-languageserver-protocol/node';
import { at, repoRoot, TestClient, uriOf, workspaceWith } from '../utils/lsp';
import { launchText, orphanText, planFiles, programText } from './server.test';

/** Neovim 0.7's client, roughly: no progress, no dynamic registration, no semantic tokens, no refresh. */
const plainCapabilities = { workspace: { configuration: true }, textDocument: { rename: { prepareSupport: true } } };

describe('language server (what every client can rely on)', function () {
  this.timeout(60000);
  const roots: string[] = [];
  const clients: TestClient[] = [];
  /** A server on a new workspace of `files` (after `prepare` ran in its folder: a link made, say). */
  const start = (files: Record<string, string>, options: Parameters<typeof TestClient.start>[1] = {}, prepare?: (root: string) => void) => {
    const root = workspaceWith(files);
    roots.push(root);
    prepare?.(root);
    const started = TestClient.start(root, options);
    clients.push(started.client);
    return { root, ...started };
  };

  /** Makes `name` in the workspace a link to its folder `target`. */
  const linkTo = (target: string, name: string) => (root: string) => fs.symlinkSync(target, path.join(root, name));

  after(() => {
    for (const client of clients) client.kill();
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });

  for (const [answer, configuration] of [['[null]', () => [null]], ['null (for all items)', () => null]] as const) {
    it(`publishes with the defaults when workspace/configuration answers ${answer}, and logs no failure`, async () => {
      const { root, client, initialized } = start(planFiles, { capabilities: plainCapabilities, configuration });
      await initialized;
      const list = await client.diagnosticsOf(uriOf(root, 'other/orphan.plan.yaml'), (l) => l.length > 0);
      assert.deepEqual(list.map((d) => d.code), ['unknown-reference']);
      assert.ok(client.events.includes('configuration'));
      assert.ok(!client.log.some((line) => /configuration failed/.test(line)), client.log.join(' | '));
      assert.equal(await client.stop(), 0);
    });
  }

  it('never waits for a workspace/configuration answer that does not come', async () => {
    const { root, client, initialized } = start(planFiles, { capabilities: plainCapabilities, configuration: () => new Promise(() => {}) });
    await initialized;
    await client.diagnosticsOf(uriOf(root, 'other/orphan.plan.yaml'), (l) => l.length > 0);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(root, 'plans/launch.plan.yaml') }, position: at(launchText, 5, 'build') });
    assert.match((hover.contents as { value: string }).value, /Project `build`/);
  });

  it('applies settings from workspace/configuration over .plan-as-code.yaml, and wrong values fall back', async () => {
    const files = { ...planFiles, '.plan-as-code.yaml': 'version: 1\ndefaultCurrency: EUR\n' };
    // The file's EUR shows in the hover's money (€); the client's GBP overrides it (£).
    const fromFile = start(files, { capabilities: plainCapabilities, configuration: () => [{ health: { redBelow: 'high' } }] });
    await fromFile.initialized;
    const hoverOf = async (client: TestClient, root: string) =>
      (await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(root, 'plans/launch.plan.yaml') }, position: at(launchText, 5, 'build') })).contents as { value: string };
    await fromFile.client.until('the configuration request', () => fromFile.client.events.includes('configuration'));
    assert.match((await hoverOf(fromFile.client, fromFile.root)).value, /€|EUR/);
    await fromFile.client.until('a warning about the wrong value', () => fromFile.client.log.some((m) => /planAsCode\.health\.redBelow/.test(m)));
    const overridden = start(files, { capabilities: plainCapabilities, configuration: () => [{ defaultCurrency: 'GBP' }] });
    await overridden.initialized;
    await overridden.client.until('the configuration request', () => overridden.client.events.includes('configuration'));
    await overridden.client.diagnosticsOf(uriOf(overridden.root, 'other/orphan.plan.yaml'), (l) => l.length > 0);
    assert.match((await hoverOf(overridden.client, overridden.root)).value, /£|GBP/);
  });

  it('watches the folders itself when the client cannot', async () => {
    const { root, client, initialized } = start(planFiles, { capabilities: plainCapabilities });
    await initialized;
    await client.diagnosticsOf(uriOf(root, 'plans/program.plan.yaml'), (l) => l.length === 0);
    assert.deepEqual(client.registrations, []);
    // A new folder with a plan file, written while the server runs: nobody tells it.
    fs.mkdirSync(path.join(root, 'new'));
    fs.writeFileSync(path.join(root, 'new', 'late.plan.yaml'), orphanText.replace('id: orphan', 'id: late'));
    const list = await client.diagnosticsOf(uriOf(root, 'new/late.plan.yaml'), (l) => l.length > 0);
    assert.deepEqual(list.map((d) => d.code), ['unknown-reference']);
    // Fixing the file on disk clears it.
    fs.writeFileSync(path.join(root, 'new', 'late.plan.yaml'), orphanText.replace('id: orphan', 'id: late').replace('program: nowhere', 'program: alpha'));
    await client.diagnosticsOf(uriOf(root, 'new/late.plan.yaml'), (l) => l.length === 0, 'an empty list');
  });

  it('offers semantic tokens only to a client that asks for them', async () => {
    const plain = start(planFiles, { capabilities: plainCapabilities });
    const result = (await plain.initialized) as InitializeResult;
    assert.equal(result.capabilities.semanticTokensProvider, undefined);
    const asking = start(planFiles, { capabilities: { ...plainCapabilities, textDocument: { ...plainCapabilities.textDocument, semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] } } } });
    const withTokens = (await asking.initialized) as InitializeResult;
    assert.deepEqual(withTokens.capabilities.semanticTokensProvider, { legend: { tokenTypes: ['variable', 'number'], tokenModifiers: ['declaration', 'readonly'] }, full: true });
    const tokens = await asking.client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: uriOf(asking.root, 'plans/launch.plan.yaml') } });
    // launch (line 2, char 6, 6 long, a declaration); alpha (line 4, char 11); build (line 5, char 15): relative encoding.
    assert.deepEqual(tokens.data, [2, 6, 6, 0, 1, 2, 11, 5, 0, 0, 1, 15, 5, 0, 0]);
  });

  it("watches the files the `files` setting names, and follows it when it changes (didChangeWatchedFiles registered again)", async () => {
    let glob = 'plans/**/*.yaml';
    const capabilities = { ...plainCapabilities, workspace: { ...plainCapabilities.workspace, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: {} } };
    const { client, initialized } = start(planFiles, { capabilities, configuration: () => [{ files: glob }] });
    await initialized;
    type Registration = { id: string; method: string; registerOptions: { watchers: Array<{ globPattern: string }> } };
    const watching = (pattern: string) =>
      (client.registrations as Registration[]).find((r) => r.method === 'workspace/didChangeWatchedFiles' && r.registerOptions.watchers.some((w) => w.globPattern === pattern));
    const first = await client.until('watchers of plans/**/*.yaml', () => watching('plans/**/*.yaml'));
    glob = 'other/**/*.yaml';
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.until('watchers of other/**/*.yaml', () => watching('other/**/*.yaml'));
    await client.until('the old watchers taken back', () => client.unregistered.includes(first.id));
  });

  it('keeps apart two workspace folders of the same name (a/plans, b/plans): one id space, each file its own', async () => {
    const files = {
      'a/plans/main.plan.yaml': 'version: 1\nproject:\n  id: alpha\n  name: Alpha\n  start: 2026-01-05\n  duration: 1w\n',
      'b/plans/main.plan.yaml': 'version: 1\nproject:\n  id: beta\n  name: Beta\n  depends_on: [alpha]\n  duration: 1w\n',
    };
    const { root, client, initialized } = start(files, { capabilities: plainCapabilities, folders: ['a/plans', 'b/plans'] });
    await initialized;
    // beta's depends_on names alpha, in the other folder: no problem in either file.
    await client.diagnosticsOf(uriOf(root, 'b/plans/main.plan.yaml'), (l) => l.length === 0, 'b clean');
    await client.diagnosticsOf(uriOf(root, 'a/plans/main.plan.yaml'), (l) => l.length === 0, 'a clean');
    const symbols = await client.request<Array<{ name: string; location: { uri: string } }>>('workspace/symbol', { query: '' });
    assert.deepEqual(symbols.map((s) => [s.name, path.relative(root, fileURLToPath(s.location.uri))]).sort(), [['alpha', 'a/plans/main.plan.yaml'], ['beta', 'b/plans/main.plan.yaml']]);
  });

  it("keeps an open file's diagnostics when the client spells its uri another way (café: Neovim's %c3%a9, Node's %C3%A9)", async () => {
    const text = 'project:\n  id: a\n  name: A\n  start: 2026-01-01\n  end: 2026-02-01\n  progress: 50\n';
    const { root, client, initialized } = start({ 'café/a.plan.yaml': text }, { capabilities: plainCapabilities, folders: ['café'] });
    await initialized;
    const ours = uriOf(root, 'café/a.plan.yaml');
    assert.match(ours, /caf%C3%A9/);
    await client.diagnosticsOf(ours, (l) => l.length === 0, 'the file read from disk, clean');
    // The client opens it under its own spelling and makes a warning (progress 100, not done).
    const theirs = ours.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
    client.open(theirs, text);
    client.change(theirs, text.replace('progress: 50', 'progress: 100\n  state: active'), 2);
    await client.diagnosticsOf(theirs, (l) => l.some((d) => d.code === 'progress-mismatch'), 'the warning under the client’s spelling');
    // Everything sent before this answer has arrived: nothing cleared the file under the other spelling since.
    await client.request('workspace/symbol', { query: '' });
    const published = client.events.filter((e) => e.startsWith('publishDiagnostics ')).map((e) => e.slice('publishDiagnostics '.length));
    assert.equal(published.lastIndexOf(theirs) > published.lastIndexOf(ours), true, published.join(', '));
  });

  it("follows workspace folders added and removed as Neovim 0.7 sends them (the other side's entry an empty {})", async () => {
    const files = {
      'a/plans/prog.plan.yaml': 'program:\n  id: prog\n  name: Prog\n',
      'b/plans/app.plan.yaml': 'project:\n  id: app\n  name: App\n  program: prog\n  start: 2026-01-05\n  duration: 1w\n',
    };
    const capabilities = { ...plainCapabilities, workspace: { configuration: true, workspaceFolders: true } };
    const { root, client, initialized } = start(files, { capabilities, folders: ['b/plans'] });
    await initialized;
    const app = uriOf(root, 'b/plans/app.plan.yaml');
    await client.diagnosticsOf(app, (l) => l.some((d) => d.code === 'unknown-reference'), 'prog unknown while a/plans is not a folder');
    const a = { uri: pathToFileURL(path.join(root, 'a/plans')).href, name: 'plans' };
    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [a], removed: [{}] } });
    await client.diagnosticsOf(app, (l) => l.length === 0, 'prog found once a/plans is added');
    await client.diagnosticsOf(uriOf(root, 'a/plans/prog.plan.yaml'), (l) => l.length === 0, 'the added folder’s file published');
    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{}], removed: [a] } });
    await client.diagnosticsOf(app, (l) => l.some((d) => d.code === 'unknown-reference'), 'prog unknown again once a/plans is removed');
    assert.deepEqual(client.log.filter((line) => /TypeError|Error:/.test(line)), []);
  });

  it('leaves a file outside the workspace folders out of the plans once it is closed (in them only while open)', async () => {
    const { root, client, initialized } = start({ 'ws/program.plan.yaml': 'project:\n  id: auth\n  name: Auth\n  start: 2026-01-05\n  duration: 1w\n' }, { capabilities: plainCapabilities, folders: ['ws'] });
    await initialized;
    const inside = uriOf(root, 'ws/program.plan.yaml');
    await client.diagnosticsOf(inside, (l) => l.length === 0, 'clean');
    fs.mkdirSync(path.join(root, 'outside'));
    fs.writeFileSync(path.join(root, 'outside', 'dup.plan.yaml'), 'project:\n  id: auth\n  name: Again\n  start: 2026-01-05\n  duration: 1w\n');
    const outside = uriOf(root, 'outside/dup.plan.yaml');
    client.open(outside, fs.readFileSync(path.join(root, 'outside', 'dup.plan.yaml'), 'utf8'));
    await client.diagnosticsOf(inside, (l) => l.some((d) => d.code === 'duplicate-id'), 'the open outside file defines auth too');
    client.notify('textDocument/didClose', { textDocument: { uri: outside } });
    await client.diagnosticsOf(inside, (l) => l.length === 0, 'clean again once it is closed');
    await client.diagnosticsOf(outside, (l) => l.length === 0, 'its own problems cleared');
    const symbols = await client.request<Array<{ name: string; location: { uri: string } }>>('workspace/symbol', { query: 'auth' });
    assert.deepEqual(symbols.map((s) => s.location.uri), [inside]);
  });

  it('names the container of each symbol (its program, portfolio, project), in workspace symbols and in the flat outline alike', async () => {
    const files = {
      'eng.plan.yaml': `portfolio:
  id: eng
  name: Engineering
  programs:
    - id: platform
      name: Platform
      milestones: [{ id: ga, name: GA, date: 2026-06-01 }]
      risks: [{ id: vendor, title: Vendor late, likelihood: 2, impact: 3 }]
      projects:
        - id: ci
          name: CI
          start: 2026-01-05
          duration: 4w
          issues: [{ id: flaky, title: Flaky tests, severity: low }]
`,
      'payments.plan.yaml': 'program:\n  id: payments\n  name: Payments\n  portfolio: eng\n',
      'checkout.plan.yaml': 'project:\n  id: checkout\n  name: Checkout\n  program: payments\n  start: 2026-02-02\n  duration: 2w\n  milestones: [{ id: beta, name: Beta, date: 2026-02-10 }]\n',
    };
    const { root, client, initialized } = start(files, { capabilities: plainCapabilities });
    await initialized;
    type Found = { name: string; containerName?: string };
    const containers = (symbols: Found[]) => symbols.map((s) => [s.name, s.containerName]);
    const everything = await client.request<Found[]>('workspace/symbol', { query: '' });
    assert.deepEqual(containers(everything).sort(), [
      ['beta', 'checkout'],
      ['checkout', 'payments'],
      ['ci', 'platform'],
      ['eng', undefined],
      ['flaky', 'ci'],
      ['ga', 'platform'],
      ['payments', 'eng'],
      ['platform', 'eng'],
      ['vendor', 'platform'],
    ]);
    // Without hierarchical support the outline is flat, each symbol named with its container the same way.
    const outline = (file: string) => client.request<Found[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(root, file) } });
    assert.deepEqual(containers(await outline('eng.plan.yaml')), [['eng', undefined], ['platform', 'eng'], ['ci', 'platform'], ['flaky', 'ci'], ['ga', 'platform'], ['vendor', 'platform']]);
    assert.deepEqual(containers(await outline('checkout.plan.yaml')), [['checkout', 'payments'], ['beta', 'checkout']]);
  });

  it('counts a plan file opened through a link in the folder once: it is the file the link leads to, and leaves none behind when closed', async () => {
    const alpha = 'project:\n  id: alpha\n  name: Alpha\n  start: 2026-01-05\n  duration: 1w\n  budget: 10\n';
    const files = { 'plans/a.plan.yaml': alpha, 'plans/b.plan.yaml': 'project:\n  id: beta\n  name: Beta\n  depends_on: [alpha]\n  duration: 1w\n' };
    const { root, client, initialized } = start(files, { capabilities: plainCapabilities }, linkTo('plans', 'linked'));
    await initialized;
    await client.diagnosticsOf(uriOf(root, 'plans/a.plan.yaml'), (l) => l.length === 0, 'a clean');
    const throughLink = uriOf(root, 'linked/a.plan.yaml');
    client.open(throughLink, `${alpha}  spent: 20\n`);
    const list = await client.diagnosticsOf(throughLink, (l) => l.some((d) => d.code === 'overspent'), 'the unsaved overspent warning');
    assert.deepEqual(list.map((d) => d.code), ['overspent']);
    const symbols = await client.request<Array<{ name: string; location: { uri: string } }>>('workspace/symbol', { query: 'alpha' });
    assert.deepEqual(symbols.map((s) => [s.name, s.location.uri]), [['alpha', throughLink]]);
    client.notify('textDocument/didClose', { textDocument: { uri: throughLink } });
    await client.diagnosticsOf(throughLink, (l) => l.length === 0, 'clean once closed (the disk has no spent)');
    assert.deepEqual((await client.request<unknown[]>('workspace/symbol', { query: 'alpha' })).length, 1);
  });

  it('clears the problems published under a path when the file is opened by another path (through a link)', async () => {
    const overspent = 'project:\n  id: alpha\n  name: Alpha\n  start: 2026-01-05\n  duration: 1w\n  budget: 10\n  spent: 20\n';
    const { root, client, initialized } = start({ 'plans/a.plan.yaml': overspent }, { capabilities: plainCapabilities }, linkTo('plans', 'linked'));
    await initialized;
    const onDisk = uriOf(root, 'plans/a.plan.yaml');
    await client.diagnosticsOf(onDisk, (l) => l.some((d) => d.code === 'overspent'), 'the warning on disk');
    // Opened through the link with the warning fixed: the link's path is clean, and so is the old path (no stale warning).
    const throughLink = uriOf(root, 'linked/a.plan.yaml');
    client.open(throughLink, overspent.replace('  spent: 20\n', '  spent: 5\n'));
    await client.diagnosticsOf(throughLink, (l) => l.length === 0, 'clean through the link');
    await client.diagnosticsOf(onDisk, (l) => l.length === 0, 'the old path cleared');
  });

  it('counts a plan file once when the folder is opened through a link and the file by its real path', async () => {
    const alpha = 'project:\n  id: alpha\n  name: Alpha\n  start: 2026-01-05\n  duration: 1w\n  budget: 10\n';
    const { root, client, initialized } = start({ 'real/a.plan.yaml': alpha }, { capabilities: plainCapabilities, folders: ['ws'] }, linkTo('real', 'ws'));
    await initialized;
    await client.diagnosticsOf(uriOf(root, 'ws/a.plan.yaml'), (l) => l.length === 0, 'clean through the folder');
    const real = uriOf(root, 'real/a.plan.yaml');
    client.open(real, `${alpha}  spent: 20\n`);
    const list = await client.diagnosticsOf(real, (l) => l.some((d) => d.code === 'overspent'), 'the unsaved overspent warning');
    assert.deepEqual(list.map((d) => d.code), ['overspent']);
  });

  it('takes rootUri when workspaceFolders is an empty list', async () => {
    const { root, client, initialized } = start(planFiles, { capabilities: plainCapabilities, folders: [] });
    await initialized;
    const list = await client.diagnosticsOf(uriOf(root, 'other/orphan.plan.yaml'), (l) => l.length > 0);
    assert.match(list[0].message, /nowhere/);
  });

  it('takes the root from rootUri, not from its working folder', async () => {
    const { root, client, initialized } = start(planFiles, { capabilities: plainCapabilities, workspaceFolders: false });
    await initialized;
    const list = await client.diagnosticsOf(uriOf(root, 'other/orphan.plan.yaml'), (l) => l.length > 0);
    assert.match(list[0].message, /nowhere/);
  });

  it('answers a request cancelled while indexing with RequestCancelled', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 400; i++) many[`gen/p${i}.plan.yaml`] = programText.replace('id: alpha', `id: alpha${i}`).replace('id: build', `id: build${i}`);
    const { root, client, initialized } = start({ ...many, 'plans/launch.plan.yaml': launchText }, { capabilities: plainCapabilities });
    await initialized;
    const source = new CancellationTokenSource();
    const request = client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(root, 'plans/launch.plan.yaml') }, position: at(launchText, 5, 'build') }, source.token);
    source.cancel();
    await assert.rejects(request, (error: { code: number }) => error.code === -32800);
  });

  it('runs as plan-as-code lsp --stdio', async () => {
    const { root, client, initialized } = start(planFiles, { capabilities: plainCapabilities, command: [path.join(repoRoot, 'dist', 'cli.js'), 'lsp', '--stdio'] });
    const result = (await initialized) as InitializeResult;
    assert.equal(result.serverInfo?.name, 'plan-as-code');
    await client.diagnosticsOf(uriOf(root, 'other/orphan.plan.yaml'), (l) => l.length > 0);
    assert.equal(await client.stop(), 0);
  });

  it('runs over Node IPC (--node-ipc), as the VS Code extension starts it, with nothing on stdout', async () => {
    const { root, client, initialized } = start(planFiles, { ipc: true });
    let stdout = '';
    client.process.stdout!.on('data', (chunk) => (stdout += String(chunk)));
    const result = (await initialized) as InitializeResult;
    assert.equal(result.serverInfo?.name, 'plan-as-code');
    await client.diagnosticsOf(uriOf(root, 'other/orphan.plan.yaml'), (l) => l.length > 0);
    assert.equal(await client.stop(), 0);
    assert.equal(stdout, '');
  });

  it("relates an overallocation's other team entries, in another file, and offers moving a project", async () => {
    // Dora: Probe web 60% Apr 1–30 (web.plan.yaml) and Probe shop 50% Apr 3–20 (shop.plan.yaml) → 110% on Apr 3–20.
    const shop = 'version: 1\nprogram:\n  id: probe\n  name: Probe\n  status_date: 2026-03-01\n  projects:\n    - id: probe-shop\n      name: Probe shop\n      start: 2026-04-03\n      end: 2026-04-20\n      state: planned\n      team:\n        - person: dora\n          allocation: 50\npeople:\n  - { id: dora, name: Dora, role: designer }\n';
    const web = 'version: 1\nproject:\n  id: probe-web\n  name: Probe web\n  program: probe\n  start: 2026-04-01\n  end: 2026-04-30\n  team:\n    - person: dora\n      allocation: 60\n---\nversion: 1\nproject:\n  id: probe-tail\n  name: Probe tail\n  program: probe\n  depends_on: [probe-web]\n  duration: 70d\n';
    const { root, client, initialized } = start({ 'shop.plan.yaml': shop, 'web.plan.yaml': web });
    await initialized;
    const shopUri = uriOf(root, 'shop.plan.yaml');
    const list = await client.diagnosticsOf(shopUri, (l) => l.some((d) => d.code === 'overallocated'));
    const warning = list.find((d) => d.code === 'overallocated')!;
    // On the entry of the project that starts last (Probe shop, `        - person: dora`, line 12); Probe web's entry related.
    assert.deepEqual(warning.range, { start: { line: 12, character: 18 }, end: { line: 12, character: 22 } });
    assert.deepEqual(
      warning.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.location.range.start.character]),
      [[uriOf(root, 'web.plan.yaml'), 8, 14]],
    );
    assert.match(warning.relatedInformation![0].message, /probe-web/);
    const actions = await client.request<Array<{ title: string; edit: { changes: Record<string, unknown[]> } }>>('textDocument/codeAction', {
      textDocument: { uri: shopUri },
      range: warning.range,
      context: { diagnostics: [warning] },
    });
    // Probe shop 28 days later, its start and end in shop.plan.yaml (as in the Problems panel's quick fix).
    assert.deepEqual(actions.map((a) => [a.title, Object.keys(a.edit.changes)]), [["Start 'probe-shop' 28 days later (2026-05-01)", [shopUri]]]);
  });
});
