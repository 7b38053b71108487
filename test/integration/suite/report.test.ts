// `Plan: Export Steering Report` in a real VS Code: given a file URI it writes the report there and asks
// nothing (a dialog would hang the test); the report has a section per program of the workspace and
// a banner naming the workspace's error. And the tree greys out a cancelled project and what it holds.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlanAsCodeApi } from '../../../src/extension/extension';
import { allNodes, api, definitionOf, fixture, waitFor } from './helpers';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

describe('steering report command', function () {
  this.timeout(60_000);
  let extension: PlanAsCodeApi;

  before(async () => {
    extension = await api();
  });

  /** Writes a plan file, has it read, runs `test`, then removes it and waits until the analysis forgets `id`. */
  async function withPlan(name: string, text: string, id: string, test: () => Promise<void>): Promise<void> {
    const uri = fixture(name);
    await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
    try {
      await vscode.commands.executeCommand('planAsCode.refresh');
      await waitFor(`${id} indexed`, async () => (await definitionOf(id)) !== undefined, 20_000);
      await test();
    } finally {
      await vscode.workspace.fs.delete(uri);
      await vscode.commands.executeCommand('planAsCode.refresh');
      await waitFor(`${id} forgotten`, async () => (await definitionOf(id)) === undefined, 20_000);
    }
  }

  it('writes the report to a given file URI without asking: a section per program, the error banner, no script', async () => {
    const target = fixture('out/report.html');
    const written = await vscode.commands.executeCommand<vscode.Uri>('planAsCode.exportReport', target);
    assert.equal(written?.toString(), target.toString());
    const html = decoder.decode(await vscode.workspace.fs.readFile(target));
    // The programs and projects as the Plans view lists them (another request than the report's).
    const rows = await allNodes(extension.tree);
    const programs = rows.filter((node) => node.row.contextValue === 'program').map((node) => node.row.entity).sort();
    assert.deepEqual(programs, ['alpha', 'demo']);
    assert.deepEqual([...html.matchAll(/<section [^>]*data-program="([^"]*)"/g)].map((m) => m[1]).sort(), programs);
    const projects = rows.filter((node) => node.row.contextValue === 'project').map((node) => node.row.entity);
    assert.ok(projects.length >= 3);
    for (const project of projects) assert.ok(html.includes(`data-id="${project}"`), `roadmap bar of ${project}`);
    assert.ok(html.includes("Content-Security-Policy\" content=\"default-src 'none'"), 'CSP');
    assert.ok(!/<script/i.test(html), 'no script at all');
    // The fixture keeps one error on purpose (a typo in a depends_on): the report opens with a banner naming it.
    assert.match(html, /<section class="problems-banner" role="alert"/);
    assert.match(html, /later\/extra\.plan\.yaml:6:24<\/span> <span class="problem-code">unknown-reference<\/span> depends_on &#39;buildd&#39;/);
    await vscode.workspace.fs.delete(fixture('out'), { recursive: true });
  });

  it('writes no report over a file named like a plan (it would take the place of a plan)', async () => {
    const target = fixture('out/report.plan.yaml');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('planAsCode.exportReport', target);
    assert.equal(written, undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)));
  });

  it('shows a cancelled project and its milestones and risks in grey in the Plans view', async () => {
    const plan = [
      'project:',
      '  id: dropped',
      '  name: Dropped project',
      '  program: alpha',
      '  start: 2026-01-05',
      '  duration: 2w',
      '  state: cancelled',
      '  budget: 100',
      '  spent: 90',
      '  progress: 5',
      '  milestones:',
      '    - { name: Dropped milestone, date: 2026-01-10 }',
      '  risks:',
      '    - { title: Dropped risk, likelihood: 5, impact: 5, mitigation: none needed }',
      '',
    ].join('\n');
    await withPlan('dropped.plan.yaml', plan, 'dropped', async () => {
      const item = (label: string) =>
        waitFor(`tree item ${label}`, async () => {
          const node = (await allNodes(extension.tree)).find((n) => extension.tree.getTreeItem(n).label === label);
          return node ? extension.tree.getTreeItem(node) : undefined;
        }, 20_000);
      const icon = async (label: string) => (await item(label)).iconPath as vscode.ThemeIcon;
      // CPI 5/90 and a missed milestone would make it red; cancelled, it is grey, and so is what it holds.
      assert.equal((await icon('Dropped project')).id, 'circle-slash');
      for (const label of ['Dropped project', 'Dropped milestone', 'Dropped risk']) {
        assert.equal((await icon(label)).color?.id, 'disabledForeground', label);
      }
      assert.match(String((await item('Dropped milestone')).description), /project cancelled/);
    });
  });
});
