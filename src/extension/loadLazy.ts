/**
 * Loads the command-only code (lazy.ts) on first use, and the language server's client (client.ts) right
 * after activation. In the build, esbuild.js turns `./lazy` and `./client` into the separate files
 * dist/extensionLazy.js and dist/extensionClient.js beside dist/extension.js (not bundled into it); from
 * source (tsx) they are the modules themselves. Each is a plain `require`: a dynamic `import()` of a
 * CommonJS file goes through Node's ESM loader, which first scans the whole file for its exports (the
 * client's loading took 127 ms of the extension host that way).
 */
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

/** Loads the language server's client (client.ts, dist/extensionClient.js in the build). */
export function loadClient(): Promise<typeof Client> {
  return (loadingClient ??= Promise.resolve().then(() => require('./client') as typeof Client));
}
