// One build for every bundle: extension (Node, `vscode` external), CLI (Node), language server (Node), and the roadmap webview (browser).
// `--watch` rebuilds on change; `--production` minifies and drops sourcemaps.
const esbuild = require('esbuild');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = require('./package.json');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  define: { PLAN_AS_CODE_VERSION: JSON.stringify(version) },
};

/**
 * The extension's command-only code (src/extension/lazy.ts: import/export/update actuals and their
 * parsers, the steering report) is its own bundle, dist/extensionLazy.js, loaded on first use, and the
 * language server's client (src/extension/client.ts) is dist/extensionClient.js, loaded right after
 * activation: in dist/extension.js `import('./lazy')` and `import('./client')` stay requires of those
 * files, so activation loads neither.
 * @type {import('esbuild').Plugin}
 */
const lazyExternal = {
  name: 'extension-lazy',
  setup(build) {
    const files = { './lazy': './extensionLazy.js', './client': './extensionClient.js' };
    build.onResolve({ filter: /^\.\/(lazy|client)$/ }, (args) =>
      args.importer.endsWith(path.join('src', 'extension', 'loadLazy.ts')) ? { path: files[args.path], external: true } : undefined,
    );
  },
};

/**
 * In the client's bundle, vscode-languageserver-protocol (and /node) are taken from dist/extensionProtocol.js
 * (src/extension/protocolBundle.ts), its own bundle, loaded just before (src/extension/bundleLoader.ts).
 * @type {import('esbuild').Plugin}
 */
const protocolExternal = {
  name: 'extension-protocol',
  setup(build) {
    build.onResolve({ filter: /^vscode-languageserver-protocol(\/node)?$/ }, (args) => ({ path: args.path, namespace: 'protocol-bundle' }));
    build.onLoad({ filter: /.*/, namespace: 'protocol-bundle' }, (args) => ({
      contents: `module.exports = require('./extensionProtocol.js').${args.path.endsWith('/node') ? 'node' : 'main'};`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\/extensionProtocol\.js$/ }, (args) => (args.namespace === 'protocol-bundle' ? { path: args.path, external: true } : undefined));
  },
};

/**
 * The CLI is three bundles: dist/cli.js (src/cli/bin.ts) only picks dist/cliQuick.js (src/cli/quick.ts:
 * check, rollup, quality, people) or dist/cliAll.js (src/cli/main.ts: every command). `require('./quick')`
 * and `require('./main')` in bin.ts and quick.ts become requires of those files.
 * @type {import('esbuild').Plugin}
 */
const cliBundles = {
  name: 'cli-bundles',
  setup(build) {
    const files = { './quick': './cliQuick.js', './main': './cliAll.js' };
    const pickers = [path.join('src', 'cli', 'bin.ts'), path.join('src', 'cli', 'quick.ts')];
    build.onResolve({ filter: /^\.\/(quick|main)$/ }, (args) => (pickers.some((file) => args.importer.endsWith(file)) ? { path: files[args.path], external: true } : undefined));
  },
};

/** @type {import('esbuild').BuildOptions} */
const extension = { ...common, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'] };

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  { ...extension, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', plugins: [lazyExternal] },
  { ...extension, entryPoints: ['src/extension/lazy.ts'], outfile: 'dist/extensionLazy.js' },
  // The language server's client, loaded right after activation (src/extension/client.ts).
  { ...extension, entryPoints: ['src/extension/client.ts'], outfile: 'dist/extensionClient.js', plugins: [protocolExternal] },
  { ...extension, entryPoints: ['src/extension/protocolBundle.ts'], outfile: 'dist/extensionProtocol.js' },
  {
    ...common,
    entryPoints: ['src/cli/bin.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [cliBundles],
  },
  // The commands CI runs most, and the whole CLI: loaded by dist/cli.js.
  { ...common, entryPoints: ['src/cli/quick.ts'], outfile: 'dist/cliQuick.js', platform: 'node', target: 'node20', format: 'cjs', plugins: [cliBundles] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cliAll.js', platform: 'node', target: 'node20', format: 'cjs' },
  {
    // The language server (`plan-as-code-lsp`, and `plan-as-code lsp --stdio`, which loads this file).
    ...common,
    entryPoints: ['src/server/main.ts'],
    outfile: 'dist/server.js',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // The roadmap: one script (and its stylesheet, dist/webview.css) for the VS Code webview and the HTML export.
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    target: ['chrome114', 'firefox115', 'safari16'],
    format: 'iife',
  },
];

async function main() {
  // PLAN_METAFILE=1: write dist/<bundle>.meta.json (what is in each bundle; esbuild's analyzer reads it).
  const metafile = process.env.PLAN_METAFILE === '1';
  if (metafile) for (const options of bundles) options.metafile = true;
  // The schema validator is generated code (Ajv standalone): no schema compile at run time.
  execFileSync(process.execPath, [path.join(__dirname, 'scripts', 'compile-schema.mjs')], { stdio: 'inherit' });
  const contexts = await Promise.all(bundles.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((context) => context.rebuild()));
  if (metafile) {
    for (const [i, result] of results.entries()) {
      fs.writeFileSync(bundles[i].outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(result.metafile));
      console.log(await esbuild.analyzeMetafile(result.metafile));
    }
  }
  await Promise.all(contexts.map((context) => context.dispose()));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
