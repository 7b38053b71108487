/**
 * The extension as it is published: `vsce ls` (what `npm run package` puts in the .vsix, by .vscodeignore)
 * holds every bundle the build makes for the extension — a bundle left out loads in development and fails
 * in every installed copy (dist/extensionProtocol.js, the client's first half, was missing from the list).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '..', '..');

describe('the packaged extension', () => {
  it("holds every bundle the extension loads (all of dist/ but the CLI's bundles, source maps and metafiles)", function () {
    this.timeout(60_000);
    const listed = new Set(
      execFileSync(process.execPath, [path.join(repo, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: repo, encoding: 'utf8' })
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
    const cli = ['cli.js', 'cliQuick.js', 'cliAll.js'];
    const bundles = readdirSync(path.join(repo, 'dist')).filter((name) => /\.(js|css)$/.test(name) && !cli.includes(name));
    assert.ok(bundles.includes('extensionProtocol.js') && bundles.includes('server.js'), `the build's bundles: ${bundles.join(', ')}`);
    assert.deepEqual(bundles.filter((name) => !listed.has(`dist/${name}`)), []);
    for (const name of cli) assert.ok(!listed.has(`dist/${name}`), `the CLI (${name}) is not part of the extension`);
  });
});
