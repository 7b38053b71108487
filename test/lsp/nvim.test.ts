/**
 * Neovim's built-in LSP client (0.7 is SPEC 13's baseline) against the server: a headless Neovim runs
 * test/lsp/nvim/drive.lua, which writes what it saw as JSON. Skipped, saying so, where `nvim` is not
 * installed (scripts/install-vscode-host.sh installs it for CI).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { driveEditor, editorFiles, repoRoot, workspaceWith } from '../utils/lsp';

interface Seen {
  error?: string;
  exit_code?: number;
  steps: {
    unopened?: { published: string[]; buffer: Array<{ code: string; lnum: number; col: number }> };
    hover?: string;
    definition?: { file: string; line: number; col: number; text: string };
    completion?: string[];
    quickfix?: { title: string; line: string };
    edit?: { warned: Array<{ code: string; lnum: number }>; cleared: unknown[] };
    rename?: { launch: string; program: string };
    references?: string[];
    symbols?: { document: string[]; workspace: string[] };
  };
}

describe('language server in Neovim (built-in client)', function () {
  this.timeout(120000);
  let seen: Seen;
  let root: string;

  before(function () {
    if (spawnSync('nvim', ['--version']).status !== 0) {
      console.log('      (nvim is not installed: skipped; scripts/install-vscode-host.sh installs it)');
      this.skip();
    }
    root = workspaceWith(editorFiles);
    seen = driveEditor<Seen>('nvim', ['--headless', '-u', path.join(repoRoot, 'test/lsp/nvim/init.lua'), '-c', `luafile ${path.join(repoRoot, 'test/lsp/nvim/drive.lua')}`], root);
  });

  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('ran every step', () => {
    assert.equal(seen.error, undefined);
  });

  it('holds the diagnostics of a file it never opened', () => {
    assert.deepEqual(seen.steps.unopened?.published, ['unknown-reference']);
    // `  program: nowhere`: line 4 (0-based), 'nowhere' at column 11.
    assert.deepEqual(seen.steps.unopened?.buffer, [{ code: 'unknown-reference', lnum: 4, col: 11 }]);
  });

  it('hovers', () => {
    assert.match(seen.steps.hover ?? '', /\*\*Project `build`\*\* — Build the thing/);
  });

  it('goes to a definition in another file, past non-ASCII text (UTF-16 positions)', () => {
    const text = '  milestones: [{ name: "Café – été", id: m1, date: 2026-03-20 }]';
    // Neovim's columns are bytes: the three 'é' are 2 bytes each and '–' 3, so m1 (UTF-16 character 41) is at byte 41 + 3 + 2 = 46.
    assert.equal(text.indexOf('m1'), 41);
    assert.equal(Buffer.byteLength(text.slice(0, 41)), 46);
    assert.deepEqual(seen.steps.definition, { file: 'program.plan.yaml', line: 6, col: 46, text });
  });

  it('completes ids', () => {
    // What launch's depends_on may name: every project and milestone but launch itself (Neovim filters by the typed prefix), not the program.
    assert.deepEqual(seen.steps.completion, ['build', 'm1', 'orphan', 'typo']);
  });

  it('applies a quick fix', () => {
    assert.deepEqual(seen.steps.quickfix, { title: "Change to 'budget'", line: '  budget: 5000' });
  });

  it('shows a warning an edit creates, and clears it when the edit is undone', () => {
    // `      progress: 100` is line 12 (0-based), the value at column 16.
    assert.deepEqual(seen.steps.edit?.warned, [{ code: 'progress-mismatch', lnum: 12, col: 16 }]);
    assert.deepEqual(seen.steps.edit?.cleared, []);
  });

  it('finds the references of an id across files, its definition included', () => {
    assert.deepEqual(seen.steps.references, ['launch.plan.yaml:6', 'program.plan.yaml:8']);
  });

  it('lists the symbols of a document and of the workspace', () => {
    assert.deepEqual(seen.steps.symbols?.document, ['launch']);
    assert.deepEqual(seen.steps.symbols?.workspace, ['build@program.plan.yaml']);
  });

  it('renames across files', () => {
    assert.deepEqual(seen.steps.rename, { launch: '  program: alpha2', program: '  id: alpha2' });
  });

  it('exits with 0 after shutdown and exit', () => {
    assert.equal(seen.exit_code, 0);
  });
});
