// Compiles the integration suite for the extension host: test/integration/suite/*.ts → out/integration/suite/*.js.
// CommonJS, one bundle per file; mocha is bundled into index.js, `vscode` is provided by the host.
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const suiteDir = join(repoRoot, 'test', 'integration', 'suite');
const outdir = join(repoRoot, 'out', 'integration', 'suite');

const tests = readdirSync(suiteDir).filter((name) => name.endsWith('.test.ts')).sort();
// Start clean so that a deleted test's stale .js is not run.
await rm(outdir, { recursive: true, force: true });
try {
  await build({
    entryPoints: [join(suiteDir, 'index.ts'), ...tests.map((name) => join(suiteDir, name))],
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: true,
    logLevel: 'warning',
    // Mocha's parallel mode resolves worker files at run time; the suite runs serially and never loads them.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
} catch {
  // esbuild has already printed the errors.
  process.exit(1);
}
console.log(`integration suite: index.js + ${tests.length} test file(s) → ${outdir}`);
