/**
 * The views' own requests (SPEC 13: the Plans and People views get what they show from the server):
 * rows and tooltips by request, params checked, a reload, and the `planAsCode/analyzed` notification only
 * for a client that asks for it. dist/server.js over stdio, as in server.test.ts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestClient, uriOf, workspaceWith } from '../utils/lsp';
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

  before(async () => {
    root = workspaceWith({ 'plans/program.plan.yaml': programText, 'plans/launch.plan.yaml': launchText, 'other/orphan.plan.yaml': orphanText, 'team.plan.yaml': peopleText });
    const started = TestClient.start(root, { initializationOptions: { views: true } });
    client = started.client;
    await started.initialized;
  });

  after(async () => {
    client?.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

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

  it('tells a client that asked for it after every analysis, and no other client', async () => {
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
