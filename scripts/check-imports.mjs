// Checks the shape of src/ (docs/ARCHITECTURE.md): no import cycle anywhere, and each stage of the core
// importing only from the stages below it. Runs with `npm run lint`; prints each offence and exits 1.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
/** The core's stages, lowest first: a stage may import from itself and the ones before it. */
const stages = ['base', 'syntax', 'model', 'analysis', 'history', 'views', 'roadmap', 'documents', 'interop'];

function files(folder) {
  return readdirSync(folder).flatMap((name) => {
    const full = join(folder, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : files(full);
    return /\.ts$/.test(name) ? [full] : [];
  });
}

function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const importPattern = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const graph = new Map();
for (const file of files(src)) {
  const text = readFileSync(file, 'utf8');
  const targets = [];
  for (const match of text.matchAll(importPattern)) {
    const target = resolveImport(file, match[1]);
    if (target && target.startsWith(src)) targets.push(target);
  }
  graph.set(file, targets);
}

const problems = [];
const name = (file) => relative(root, file);
const stageOf = (file) => {
  const parts = relative(join(src, 'core'), file).split('/');
  return parts.length > 1 && !parts[0].startsWith('..') ? stages.indexOf(parts[0]) : -1;
};
for (const [file, targets] of graph) {
  const from = stageOf(file);
  for (const target of targets) {
    const to = stageOf(target);
    if (from >= 0 && target === join(src, 'core', 'index.ts')) problems.push(`${name(file)} imports the core's public API from inside the core`);
    else if (from >= 0 && to > from) problems.push(`${name(file)} (${stages[from]}) imports ${name(target)} (${stages[to]}), a later stage`);
    if (file.startsWith(join(src, 'core')) && !target.startsWith(join(src, 'core'))) problems.push(`${name(file)} imports ${name(target)} from outside the core`);
    // The command line is a client like the extension: what both need from Node (git, plan files on disk) lives in src/node.
    const layer = (f) => relative(src, f).split('/')[0];
    if (layer(target) === 'cli' && layer(file) !== 'cli') problems.push(`${name(file)} imports ${name(target)}: only the command line imports src/cli`);
    if (layer(file) === 'node' && ['extension', 'webview', 'shared'].includes(layer(target))) problems.push(`${name(file)} (the Node-side layer) imports ${name(target)}`);
    if (layer(file) !== 'core' && layer(target) === 'core' && target !== join(src, 'core', 'index.ts') && !target.startsWith(join(src, 'core', 'syntax', 'generated'))) problems.push(`${name(file)} imports ${name(target)}: outside the core, import the core's public API (src/core/index.ts)`);
  }
}

// Cycles: depth-first search, reporting each cycle once by its path.
const state = new Map();
const stack = [];
function visit(file) {
  state.set(file, 'open');
  stack.push(file);
  for (const target of graph.get(file) ?? []) {
    if (state.get(target) === 'open') {
      problems.push(`import cycle: ${[...stack.slice(stack.indexOf(target)), target].map(name).join(' → ')}`);
    } else if (!state.has(target)) visit(target);
  }
  stack.pop();
  state.set(file, 'done');
}
for (const file of graph.keys()) if (!state.has(file)) visit(file);

// The public API lists its names: what is not named there stays internal to the core.
if (/^\s*export\s+\*/m.test(readFileSync(join(src, 'core', 'index.ts'), 'utf8'))) problems.push('src/core/index.ts: the public API exports by name, not `export *`');

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`check-imports: ${graph.size} files, no import cycle, core stages import only downwards, only the CLI imports src/cli, the core only through its public API`);
