/**
 * The views' own requests (SPEC 13: the Plans and People views get what they show from the server):
 * rows and tooltips by request, params checked, a reload, and the `planAsCode/analyzed` notification only
 * for a client that asks for it. dist/server.js over stdio, as in server.test.ts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { serverFor, TestClient, uriOf, workspaceWith } from '../utils/lsp';
import { launchText, orphanText, programText } from './server.test';

type Row = {
  id: string;
  label: string;
  description?: string;
  icon?: { name: string; color?: string };
  collapse: string;
  contextValue: string;
  entity?: string;
  target?: { uri: string; range: { start: { line: number; character: number } }; title: string };
  tooltip?: string;
};
type Part = { kind: 'markdown' | 'text'; value: string };

const peopleText = `version: 1
program:
  id: team-program
  name: Team program
  projects:
    - id: web
      name: Web
      start: 2026-04-01
      end: 2026-04-30
      team:
        - person: dora
          allocation: 60
    - id: shop
      name: Shop
      start: 2026-04-03
      end: 2026-04-20
      team:
        - person: dora
          allocation: 50
people:
  - { id: dora, name: Dora, role: designer }
  - { id: eve, name: Eve }
`;

describe('language server: the views’ requests', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  const uri = (relative: string) => uriOf(root, relative);
  const planTree = (parent?: string) => client.request<Row[] | null>('planAsCode/planTree', parent === undefined ? {} : { parent });

  const server = serverFor(
    { 'plans/program.plan.yaml': programText, 'plans/launch.plan.yaml': launchText, 'other/orphan.plan.yaml': orphanText, 'team.plan.yaml': peopleText },
    { initializationOptions: { views: true } },
  );
  before(() => ({ root, client } = server));

  it('answers the Plans view: programs with health and progress, their projects in order, each opening its definition', async () => {
    const roots = (await planTree())!;
    assert.deepEqual(roots.map((r) => r.label), ['Alpha program', 'Team program', 'Unassigned projects']);
    const alpha = roots[0];
    assert.equal(alpha.contextValue, 'program');
    assert.equal(alpha.entity, 'alpha');
    assert.equal(alpha.collapse, 'expanded');
    assert.equal(alpha.icon?.name, 'layers');
    assert.equal(alpha.target?.uri, uri('plans/program.plan.yaml'));
    // Line 2 (0-based) is "  id: alpha": the row opens at the entity's id.
    assert.equal(alpha.target?.range.start.line, 2);
    const projects = (await planTree(alpha.id))!;
    assert.deepEqual(projects.map((r) => [r.label, r.contextValue]), [['Build the thing', 'project'], ['Launch', 'project']]);
    assert.match(projects[0].description ?? '', /^50% · /);
    // Ended 2 Mar 2026 at 50 % done: behind schedule at any status date since.
    assert.deepEqual(projects[0].icon, { name: 'circle-filled', color: 'charts.red' });
    const unassigned = roots[2];
    assert.equal(unassigned.tooltip, 'Projects that belong to no program');
    assert.deepEqual((await planTree(unassigned.id))!.map((r) => r.label), ['Orphan']);
  });

  it('gives a row’s tooltip on request, and null for an id it does not have', async () => {
    const [alpha] = (await planTree())!;
    assert.equal(alpha.tooltip, undefined, 'worked out on hover, not sent with every row');
    const parts = await client.request<Part[]>('planAsCode/planTooltip', { id: alpha.id });
    assert.equal(parts[0].value, '**Program `alpha`**');
    assert.ok(parts.some((p) => p.kind === 'text' && p.value.includes('Alpha program')), 'the name is text, never Markdown');
    assert.equal(await client.request('planAsCode/planTooltip', { id: 'program:nothing@nowhere.plan.yaml' }), null);
    assert.equal(await planTree('program:nothing@nowhere.plan.yaml'), null);
  });

  it('answers the People view: the overloaded first, their projects opening the team entry', async () => {
    const people = (await client.request<Row[]>('planAsCode/peopleTree', {}))!;
    assert.deepEqual(people.map((r) => [r.label, r.contextValue]), [['Dora', 'person.overloaded'], ['Eve', 'person']]);
    assert.equal(people[0].description, 'designer · peak 110% of 100% · over 3–20 Apr 2026');
    const rows = (await client.request<Row[]>('planAsCode/peopleTree', { parent: people[0].id }))!;
    assert.deepEqual(rows.map((r) => [r.label, r.description]), [['Shop', '50% · in a period over capacity'], ['Web', '60% · in a period over capacity']]);
    assert.equal(rows[0].target?.title, 'Open team entry');
    // Line 17 (0-based) is Shop's "        - person: dora".
    assert.equal(rows[0].target?.range.start.line, 17);
    assert.equal(rows[0].tooltip, 'Dora on Shop: 50%');
    const tooltip = await client.request<Part[]>('planAsCode/peopleTooltip', { id: people[0].id });
    assert.ok(tooltip.map((p) => p.value).join('').includes('Over capacity 3–20 Apr 2026: 110% on Shop, Web'));
  });

  it('refuses params that are not well-formed with InvalidParams', async () => {
    for (const [method, params] of [
      ['planAsCode/planTree', { parent: 42 }],
      ['planAsCode/planTree', { parent: 'x', extra: true }],
      ['planAsCode/peopleTree', ['x']],
      ['planAsCode/planTooltip', {}],
      ['planAsCode/peopleTooltip', { id: 'x'.repeat(1001) }],
      ['planAsCode/reload', {}],
      ['planAsCode/reload', { unsaved: [1] }],
    ] as const) {
      await assert.rejects(client.request(method, params), (error: { code?: number }) => error.code === -32602, `${method} ${JSON.stringify(params)}`);
    }
  });

  it('reloads every file from disk on request but the unsaved documents, and answers once the new analysis is in', async () => {
    const launch = uri('plans/launch.plan.yaml');
    const program = uri('plans/other-program.plan.yaml');
    const programFile = path.join(root, 'plans/other-program.plan.yaml');
    fs.writeFileSync(programFile, programText.replace(/alpha/g, 'beta').replace('Alpha program', 'Beta program').replace('id: build', 'id: build-b'));
    await client.request('planAsCode/reload', { unsaved: [] });
    // Both open: launch as the disk had it (saved), the other program with an unsaved name.
    client.open(launch, launchText);
    client.open(program, fs.readFileSync(programFile, 'utf8').replace('Beta program', 'Beta unsaved'));
    // Written behind the server's back: no didChangeWatchedFiles, no didChange.
    fs.writeFileSync(path.join(root, 'plans/launch.plan.yaml'), launchText.replace('name: Launch', 'name: Relaunched'));
    assert.equal(await client.request('planAsCode/reload', { unsaved: [program] }), null);
    const roots = (await planTree())!;
    assert.deepEqual(roots.map((r) => r.label).sort(), ['Alpha program', 'Beta unsaved', 'Team program', 'Unassigned projects']);
    const alpha = roots.find((r) => r.label === 'Alpha program')!;
    assert.deepEqual((await planTree(alpha.id))!.map((r) => r.label), ['Build the thing', 'Relaunched']);
    client.notify('textDocument/didClose', { textDocument: { uri: program } });
    client.notify('textDocument/didClose', { textDocument: { uri: launch } });
    fs.rmSync(programFile);
    await client.request('planAsCode/reload', { unsaved: [] });
  });

  it('says when the People view’s rows are all as last fetched (an edit of a name), and not when a load moved', async () => {
    const team = uri('team.plan.yaml');
    const people = (await client.request<Row[]>('planAsCode/peopleTree', {}))!;
    await client.request('planAsCode/peopleTree', { parent: people[0].id });
    const next = async (text: string, version: number) => {
      const before = client.analyzed.length;
      client.change(team, text, version);
      await client.until('the analysis of the edit', () => client.analyzed.length > before);
      return client.analyzed[client.analyzed.length - 1] as { unchanged?: string[] };
    };
    // Opened with the text on disk: nothing changes, nothing is announced (had it been, its notification
    // could come after the first edit's wait began, and answer it: it did, under load).
    client.open(team, peopleText);
    // The program's name, on its own line: nobody's load or row moves.
    assert.deepEqual(await next(peopleText.replace('name: Team program', 'name: Team programme'), 2), { unchanged: ['people'] });
    const moved = await next(peopleText.replace('allocation: 50', 'allocation: 40'), 3);
    assert.equal(moved.unchanged, undefined, 'Dora is at 100% now: her row changed');
    // Not fetched again since: the server cannot say the rows the client holds are the same.
    assert.equal((await next(peopleText.replace('allocation: 50', 'allocation: 41'), 4)).unchanged, undefined);
    client.notify('textDocument/didClose', { textDocument: { uri: team } });
  });

  it('forgets a file deleted on disk while open; the buffer sent again unchanged does not bring it back, an edit does', async () => {
    const file = path.join(root, 'plans/gone.plan.yaml');
    const gone = uri('plans/gone.plan.yaml');
    const text = 'version: 1\nproject:\n  id: gone\n  name: Gone soon\n  start: 2026-01-05\n  duration: 1w\n';
    const unassigned = async () => {
      const row = (await planTree())!.find((r) => r.id === 'unassigned');
      return row ? (await planTree(row.id))!.map((r) => r.label) : [];
    };
    fs.writeFileSync(file, text);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: gone, type: 1 }] });
    client.open(gone, text);
    assert.ok((await unassigned()).includes('Gone soon'));
    fs.rmSync(file);
    // One batch with a change, then the deletion, of the same file (as VS Code sends a write followed by a delete).
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: gone, type: 2 }, { uri: gone, type: 3 }, { uri: gone, type: 3 }] });
    // The server reads the event and looks at the disk: ask until its answer says (each answer waits for the analysis).
    let rows = await unassigned();
    for (let asked = 1; asked < 500 && rows.includes('Gone soon'); asked++) rows = await unassigned();
    assert.ok(!rows.includes('Gone soon'), 'deleted on disk: gone, though open');
    client.change(gone, text, 2);
    assert.ok(!(await unassigned()).includes('Gone soon'), 'the same text sent again: still gone');
    client.change(gone, text.replace('Gone soon', 'Typed back'), 3);
    assert.ok((await unassigned()).includes('Typed back'), 'an edit of the orphaned buffer brings it back');
    client.notify('textDocument/didClose', { textDocument: { uri: gone } });
  });

  it('tells a client that asked for it after every analysis that changed something, and no other client', async () => {
    const analyzed = () => client.events.filter((e) => e === 'analyzed').length;
    const before = analyzed();
    const edited = uri('plans/program.plan.yaml');
    client.open(edited, programText);
    client.change(edited, programText.replace('progress: 50', 'progress: 60'), 2);
    await client.until('an analysis after the edit', () => analyzed() > before);

    const other = workspaceWith({ 'plans/program.plan.yaml': programText });
    const started = TestClient.start(other);
    try {
      await started.initialized;
      const plain = started.client;
      const file = uriOf(other, 'plans/program.plan.yaml');
      await plain.diagnosticsOf(file, () => true, 'the first publication');
      plain.open(file, programText);
      plain.change(file, programText.replace('progress: 50', 'progress: 150'), 2);
      await plain.diagnosticsOf(file, (list) => list.length > 0, 'the edit’s diagnostics');
      assert.ok(!plain.events.includes('analyzed'), 'no planAsCode/analyzed for a client that did not ask');
    } finally {
      started.client.kill();
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('language server: clean files for a client that asks (publishClean: cleared)', function () {
  this.timeout(60000);
  const server = serverFor({ 'plans/program.plan.yaml': programText, 'other/orphan.plan.yaml': orphanText }, { initializationOptions: { views: true, publishClean: 'cleared' } });

  it('publishes a clean file only once it had problems: then its warning, then an empty list', async () => {
    const { root, client } = server;
    const clean = uriOf(root, 'plans/program.plan.yaml');
    const orphan = uriOf(root, 'other/orphan.plan.yaml');
    await client.diagnosticsOf(orphan, (list) => list.length > 0, 'the orphan’s problems');
    // A hover waits for the analysis; its answer comes after everything that analysis published.
    await client.request('textDocument/hover', { textDocument: { uri: clean }, position: { line: 2, character: 7 } });
    assert.ok(!client.events.includes(`publishDiagnostics ${clean}`), `no empty list for a file that never had problems: ${client.events.join(', ')}`);

    client.open(clean, programText);
    client.change(clean, programText.replace('progress: 50', 'progress: 150'), 2);
    await client.diagnosticsOf(clean, (list) => list.length > 0, 'the edit’s warning');
    client.change(clean, programText, 3);
    await client.diagnosticsOf(clean, (list) => list.length === 0, 'an empty list once the edit is undone');
  });
});

describe('language server: the roadmap, the People tab, compare and the report', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: gitEnv, encoding: 'utf8' });
  type Model = { bars: Array<{ id: string; name: string; source: { file: string } }>; lanes: Array<{ key: string }> };
  type Comparison = { label: string; count: number; ghosts: Array<{ id: string; label: string }> } | null;
  const roadmap = () => client.request<{ model: Model; comparison: Comparison; uris: Record<string, string> }>('planAsCode/roadmap', {});

  const server = serverFor({ 'plans/program.plan.yaml': programText, 'plans/launch.plan.yaml': launchText, 'team.plan.yaml': peopleText }, { initializationOptions: { views: true } }, (folder) => {
    root = folder;
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'plans');
  });
  before(() => ({ client } = server));

  it('answers the roadmap: bars and lanes, and the uri of each file a bar opens', async () => {
    const { model, comparison, uris } = await roadmap();
    assert.deepEqual(model.bars.map((b) => b.id).sort(), ['build', 'launch', 'shop', 'web']);
    assert.deepEqual(model.lanes.map((l) => l.key), ['program:alpha', 'program:team-program']);
    assert.equal(comparison, null);
    const build = model.bars.find((b) => b.id === 'build')!;
    assert.equal(uris[build.source.file], uriOf(root, 'plans/program.plan.yaml'));
  });

  it('answers the People tab: the heatmap, and where each person and team entry is written', async () => {
    const answer = await client.request<{ heatmap: { people: Array<{ id: string }> }; people: Record<string, { uri: string; range: { start: { line: number } } }>; entries: Record<string, { uri: string; range: { start: { line: number } } }> }>(
      'planAsCode/peopleHeatmap',
      { basis: 'plan' },
    );
    assert.deepEqual(answer.heatmap.people.map((p) => p.id), ['dora', 'eve']);
    assert.equal(answer.people.dora.uri, uriOf(root, 'team.plan.yaml'));
    // Shop's team entry: line 17 (0-based), "        - person: dora".
    assert.equal(answer.entries['dora\nshop'].range.start.line, 17);
    await assert.rejects(client.request('planAsCode/peopleHeatmap', { basis: 'both' }), (error: { code?: number }) => error.code === -32602);
  });

  it('compares with a revision: HEAD first unchanged, an unsaved edit slips, an unknown ref is refused, null stops', async () => {
    const choices = await client.request<{ refs: Array<{ name: string; kind: string }>; commits: Array<{ subject: string }> }>('planAsCode/compareChoices', {});
    assert.deepEqual(choices.refs.map((r) => [r.name, r.kind]), [['main', 'branch']]);
    assert.deepEqual(choices.commits.map((c) => c.subject), ['plans']);
    const compared = await client.request<{ ref: string; commit: string }>('planAsCode/compare', { ref: 'HEAD' });
    assert.deepEqual(compared, { ref: 'HEAD', commit: git('rev-parse', 'HEAD').trim() });
    assert.equal((await roadmap()).comparison?.count, 0);
    const program = uriOf(root, 'plans/program.plan.yaml');
    client.open(program, programText);
    client.change(program, programText.replace('duration: 8w', 'duration: 12w'), 2);
    const slipped = (await roadmap()).comparison!;
    assert.deepEqual(slipped.ghosts.map((g) => [g.id, g.label]), [['build', '+28 d'], ['launch', '+28 d']]);
    await assert.rejects(client.request('planAsCode/compare', { ref: 'no-such-ref' }), (error: { code?: number; message: string }) => error.code === -32600 && /no-such-ref/.test(error.message));
    assert.equal((await roadmap()).comparison?.ghosts.length, 2, 'an unknown ref keeps the comparison as it was');
    await assert.rejects(client.request('planAsCode/compare', { ref: '--output=/tmp/x' }), (error: { code?: number }) => error.code === -32602);
    assert.equal(await client.request('planAsCode/compare', { ref: null }), null);
    assert.equal((await roadmap()).comparison, null);
    client.change(program, programText, 3);
  });

  it('tells the client when the compared ref moves (a commit), and reads it again', async () => {
    await client.request('planAsCode/compare', { ref: 'HEAD' });
    fs.writeFileSync(path.join(root, 'plans/launch.plan.yaml'), launchText.replace('duration: 30d', 'duration: 40d'));
    git('commit', '-q', '-am', 'Launch takes 40 days');
    const head = git('rev-parse', 'HEAD').trim();
    await client.until('the comparison read again', () => client.compared.some((p) => (p as { compared: { commit: string } | null }).compared?.commit === head));
    await client.request('planAsCode/compare', { ref: null });
  });

  it('builds the steering report, with the changes and trend from git only when asked', async () => {
    const plain = await client.request<{ html: string; errors: number; statusDate: number }>('planAsCode/report', {});
    assert.match(plain.html, /<section [^>]*data-program="alpha"/);
    assert.ok(!/<script/i.test(plain.html));
    assert.ok(!plain.html.includes('class="trend'), 'no trend without history');
    const withHistory = await client.request<{ html: string }>('planAsCode/report', { history: {} });
    assert.ok(withHistory.html.length > plain.html.length, 'the trend and changes from git');
    await assert.rejects(client.request('planAsCode/report', { history: null }), (error: { code?: number }) => error.code === -32602);
  });
});
