/**
 * Emacs's eglot (Debian's emacs-nox 28 with elpa-eglot 1.9) against the server: a batch Emacs runs
 * test/lsp/emacs/drive.el, which drives eglot as a user would (xref for definition, completion-at-point,
 * a code action applied, rename) and writes what it saw as JSON. Skipped, saying so, where `emacs` or
 * eglot is not installed (scripts/install-vscode-host.sh installs both for CI).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { driveEditor, editorFiles, repoRoot, workspaceWith } from '../utils/lsp';

interface Seen {
  error?: string;
  unopened?: string[];
  hover?: string;
  definition?: { file: string; line: number; col: number; text: string };
  completion?: string[];
  quickfix?: { title: string; line: string };
  warned?: string[];
  cleared?: string[];
  rename?: { launch: string; program: string };
  shutdown?: string;
}

describe('language server in Emacs (eglot)', function () {
  this.timeout(120000);
  let seen: Seen;
  let root: string;

  before(function () {
    const probe = spawnSync('emacs', ['--batch', '-q', '--eval', "(require 'eglot)"]);
    if (probe.status !== 0) {
      console.log('      (emacs with eglot is not installed: skipped; scripts/install-vscode-host.sh installs emacs-nox and elpa-eglot)');
      this.skip();
    }
    root = workspaceWith(editorFiles);
    // eglot serves a project: a git repository is one.
    execFileSync('git', ['init', '-q'], { cwd: root });
    seen = driveEditor<Seen>('emacs', ['--batch', '-q', '-l', path.join(repoRoot, 'test/lsp/emacs/drive.el')], root);
  });

  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('ran every step', () => {
    assert.equal(seen.error, undefined);
  });

  it('receives the diagnostics of a file it never opened', () => {
    assert.deepEqual(seen.unopened, ['unknown-reference']);
  });

  it('hovers', () => {
    assert.match(seen.hover ?? '', /\*\*Project `build`\*\* — Build the thing/);
  });

  it('goes to a definition in another file, past non-ASCII text (UTF-16 positions)', () => {
    const text = '  milestones: [{ name: "Café – été", id: m1, date: 2026-03-20 }]';
    // Emacs's columns are characters: m1 is the 42nd (every character here is one UTF-16 unit).
    assert.deepEqual(seen.definition, { file: 'program.plan.yaml', line: 6, col: text.indexOf('m1'), text });
  });

  it('completes ids', () => {
    // What launch's depends_on may name: every project and milestone but launch itself, not the program.
    assert.deepEqual(seen.completion, ['build', 'm1', 'orphan', 'typo']);
  });

  it('applies a quick fix', () => {
    assert.deepEqual(seen.quickfix, { title: "Change to 'budget'", line: '  budget: 5000' });
  });

  it('shows a warning an edit creates, and clears it when the edit is undone', () => {
    assert.deepEqual(seen.warned, ['progress-mismatch']);
    assert.deepEqual(seen.cleared, []);
  });

  it('renames across files', () => {
    assert.deepEqual(seen.rename, { launch: '  program: alpha2', program: '  id: alpha2' });
  });

  it('shuts the server down', () => {
    assert.equal(seen.shutdown, 'exited');
  });
});
