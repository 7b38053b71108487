/**
 * Loads the command-only code (lazy.ts) on first use, and the language server's client (client.ts) right
 * after activation. In the build, esbuild.js turns `./lazy` and `./client` into the separate files
 * dist/extensionLazy.js and dist/extensionClient.js beside dist/extension.js (not bundled into it); from
 * source (tsx) they are the modules themselves. The lazy code is a plain `require` (a dynamic `import()`
 * of a CommonJS file goes through Node's ESM loader, which first scans the whole file for its exports: the
 * client's loading took 127 ms of the extension host that way); the client, in the build, is two bundles
 * that bundleLoader.ts compiles and runs in short tasks.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleLoader } from './bundleLoader';
import type * as Client from './client';
import type * as Lazy from './lazy';

/* eslint-disable @typescript-eslint/no-require-imports -- the bundles are CommonJS, loaded when needed */

let loading: Promise<typeof Lazy> | undefined;

export function loadLazy(): Promise<typeof Lazy> {
  return (loading ??= Promise.resolve().then(() => require('./lazy') as typeof Lazy));
}

/** The same, at once: for what must answer synchronously, such as the API's `plans`. */
export function loadLazyNow(): typeof Lazy {
  return require('./lazy') as typeof Lazy;
}

let loadingClient: Promise<typeof Client> | undefined;

/**
 * Loads the language server's client (client.ts): in the build, dist/extensionProtocol.js and then
 * dist/extensionClient.js, each compiled and run in tasks of their own by `loader`; from source, the module.
 */
export function loadClient(loader: BundleLoader): Promise<typeof Client> {
  return (loadingClient ??= (async () => {
    const protocolFile = join(__dirname, 'extensionProtocol.js');
    if (!existsSync(protocolFile)) return require('./client') as typeof Client;
    const protocol = await loader.load({ file: protocolFile });
    return (await loader.load({ file: join(__dirname, 'extensionClient.js'), provided: new Map([['./extensionProtocol.js', protocol]]) })) as typeof Client;
  })());
}
