// "Plan: Compare Roadmap With…" in a real VS Code on a git fixture, with VS Code's Git extension turned
// off (git.enabled: false): the workspace committed into a repository made here, then compared with
// HEAD while a plan is edited (the what-if); the webview reports the ghost bars, slip labels and Δ rows it drew. Also: a commit moves HEAD and the comparison
// follows, git.path is respected, an unknown ref compares nothing, and Stop Comparing clears it all.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PlanComparison } from '../../../src/extension/compare';
import type { PlanAsCodeApi } from '../../../src/extension/extension';
import type { RenderedReport } from '../../../src/extension/roadmap';
import { api, fixture, positionOf, waitFor } from './helpers';

const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Plan Tester', GIT_AUTHOR_EMAIL: 'tester@example.com', GIT_COMMITTER_NAME: 'Plan Tester', GIT_COMMITTER_EMAIL: 'tester@example.com' };

describe('compare the roadmap with a git revision', function () {
  this.timeout(90_000);
  let extension: PlanAsCodeApi;
  let root: string;
  let original: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: gitEnv, encoding: 'utf8' });

  before(async () => {
    extension = await api();
    await extension.tree.getChildren();
    root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    assert.ok(!fs.existsSync(path.join(root, '.git')), 'the fixture copy is not a repository yet');
    original = fs.readFileSync(path.join(root, 'program.plan.yaml'), 'utf8');
    // VS Code's Git extension off: the comparison runs git itself.
    await vscode.workspace.getConfiguration('git').update('enabled', false, vscode.ConfigurationTarget.Global);
    // The figures below are at the fixture workspace's status date (plans.code-workspace): 2026-02-01.
    assert.equal(vscode.workspace.getConfiguration('planAsCode').get('statusDate'), '2026-02-01');
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'The fixture plans');
  });

  after(async () => {
    await vscode.commands.executeCommand('planAsCode.stopComparing');
    extension.roadmap.current?.dispose();
    // The other suites read the fixture as it was: put it back through its document (open since the edit),
    // so that the document and the file agree and no reload from disk comes later.
    const document = await vscode.workspace.openTextDocument(fixture('program.plan.yaml'));
    const restore = new vscode.WorkspaceEdit();
    restore.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(restore));
    assert.ok(await document.save());
    assert.equal(fs.readFileSync(path.join(root, 'program.plan.yaml'), 'utf8'), original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
    // Git back on only once the repository is gone: turned on while it is there, VS Code's Git extension
    // opens it and later runs `git check-ignore` in a folder that is no repository any more, whose EPIPE
    // is thrown in this extension host, into whichever test runs then.
    await vscode.workspace.getConfiguration('git').update('path', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('git').update('enabled', undefined, vscode.ConfigurationTarget.Global);
    // The server has analysed the restored file (a request answers from the analysis of every change).
    await extension.tree.getChildren();
  });

  const rendered = (what: string, accept: (report: RenderedReport) => boolean, timeoutMs = 20_000) =>
    waitFor(what, () => {
      const report = extension.roadmap.lastRendered;
      return report && accept(report) ? report : undefined;
    }, timeoutMs).catch((error: Error) => {
      throw new Error(`${error.message}; the webview last reported ${JSON.stringify(extension.roadmap.lastRendered)}`);
    });

  it('compares with HEAD (the ref given as the argument asks nothing) and opens the roadmap: nothing has changed', async () => {
    const compared = await vscode.commands.executeCommand<boolean>('planAsCode.compareWith', 'HEAD');
    assert.equal(compared, true);
    assert.equal(extension.comparison.current?.commit, git('rev-parse', 'HEAD').trim());
    assert.ok(extension.roadmap.current, 'the roadmap is open');
    const posted = await waitFor('a comparison posted', () => extension.roadmap.lastPosted?.comparison ?? undefined);
    assert.equal(posted.label, `HEAD (${extension.comparison.current!.commit.slice(0, 7)})`);
    assert.equal(posted.count, 0);
    await rendered('the roadmap drawn while comparing, nothing to mark', (r) => r.bars === 3 && r.ghosts === 0 && r.deltas === 0);
  });

  it('an unsaved edit shows against HEAD: ghost bars with their slips, Δ rows and the list of changes', async () => {
    // Edited without an editor in front of the roadmap: a hidden webview draws nothing.
    const document = await vscode.workspace.openTextDocument(fixture('program.plan.yaml'));
    const at = positionOf(document, 'duration: 8w', 'duration: '.length);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(at, at.translate(0, 2)), '12w');
    assert.ok(await vscode.workspace.applyEdit(edit));
    // build: 8 → 12 weeks, its end 28 days later (Mar 1 → Mar 29); launch depends on it and moves with it.
    // At S = Feb 1 build is on pace both times (PV 200,000 × 28/56 = EV 100,000; then EV above PV), so its
    // forecast end is its end and moves 28 days too; launch is planned and follows it.
    const comparison = await waitFor('the slip in the comparison', () => {
      const c = extension.roadmap.lastPosted?.comparison;
      return c && c.ghosts.length > 0 ? c : undefined;
    });
    assert.deepEqual(comparison.ghosts.map((g) => [g.id, g.label, g.slipped]), [['build', '+28 d', true], ['launch', '+28 d', true]]);
    const projects = comparison.deltas.filter((d) => d.kind === 'project').map((d) => [d.id, d.end, d.forecastEnd]);
    assert.deepEqual(projects, [['build', 28, 28], ['launch', 28, 28]]);
    assert.equal(comparison.changes[0].title, 'Projects');
    // The webview drew them: a ghost bar and a slip label per moved project, a Δ on each changed row of the table.
    await rendered('the ghosts and Δ columns in the webview', (r) => r.ghosts === 2 * comparison.ghosts.length && r.deltas === comparison.deltas.length);
    assert.ok(document.isDirty, 'not saved: the what-if');
  });

  it('a commit moves HEAD: the comparison reads it again and the saved edit is no change any more', async () => {
    const before = extension.comparison.current!;
    const document = await vscode.workspace.openTextDocument(fixture('program.plan.yaml'));
    assert.ok(await document.save());
    git('commit', '-q', '-am', 'Build takes 12 weeks');
    const moved = await waitFor('the comparison to follow HEAD', () => (extension.comparison.current && extension.comparison.current.commit !== before.commit ? extension.comparison.current : undefined), 20_000);
    assert.equal(moved.commit, git('rev-parse', 'HEAD').trim());
    await waitFor('no change against the new HEAD', () => extension.roadmap.lastPosted?.comparison?.count === 0);
    await rendered('no ghosts drawn', (r) => r.ghosts === 0 && r.deltas === 0);
    // Against the first commit, the slip is there again.
    assert.equal(await vscode.commands.executeCommand<boolean>('planAsCode.compareWith', 'HEAD~1'), true);
    await waitFor('the slip against HEAD~1', () => extension.roadmap.lastPosted?.comparison?.ghosts.length === 2);
  });

  it("runs the user's git.path", async () => {
    const log = path.join(root, '..', `git-path-${process.pid}.log`);
    const wrapper = path.join(root, '..', `git-wrapper-${process.pid}.sh`);
    fs.writeFileSync(wrapper, `#!/bin/sh\necho "$@" >> '${log}'\nexec git "$@"\n`, { mode: 0o755 });
    try {
      await vscode.workspace.getConfiguration('git').update('path', wrapper, vscode.ConfigurationTarget.Global);
      assert.equal(await vscode.commands.executeCommand<boolean>('planAsCode.compareWith', 'main'), true);
      const calls = fs.readFileSync(log, 'utf8');
      assert.match(calls, /rev-parse --show-toplevel/);
      assert.match(calls, /ls-tree -r -z --full-tree [0-9a-f]{40}/);
    } finally {
      await vscode.workspace.getConfiguration('git').update('path', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(wrapper, { force: true });
      fs.rmSync(log, { force: true });
    }
  });

  it('in Restricted Mode it runs no git at all and compares nothing', async () => {
    const log = path.join(root, '..', `git-restricted-${process.pid}.log`);
    const wrapper = path.join(root, '..', `git-restricted-${process.pid}.sh`);
    fs.writeFileSync(wrapper, `#!/bin/sh\necho "$@" >> '${log}'\nexec git "$@"\n`, { mode: 0o755 });
    const untrusted = new PlanComparison(extension.views, () => false);
    try {
      await vscode.workspace.getConfiguration('git').update('path', wrapper, vscode.ConfigurationTarget.Global);
      assert.equal(await untrusted.compareWith('HEAD'), false);
      assert.equal(untrusted.current, undefined);
      assert.ok(!fs.existsSync(log), 'git was not run');
    } finally {
      untrusted.dispose();
      await vscode.workspace.getConfiguration('git').update('path', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(wrapper, { force: true });
      fs.rmSync(log, { force: true });
    }
  });

  it('an unknown ref compares nothing and keeps the comparison as it was', async () => {
    const before = extension.comparison.current;
    assert.equal(await vscode.commands.executeCommand<boolean>('planAsCode.compareWith', 'no-such-ref'), false);
    assert.strictEqual(extension.comparison.current, before);
  });

  it('Stop Comparing clears the ghosts, the Δ columns and the list', async () => {
    await vscode.commands.executeCommand('planAsCode.stopComparing');
    assert.equal(extension.comparison.current, undefined);
    await waitFor('no comparison posted', () => extension.roadmap.lastPosted?.comparison === null);
    await rendered('the roadmap without a comparison', (r) => r.ghosts === undefined && r.deltas === undefined);
  });
});
