/**
 * Loads the command-only code (lazy.ts) on first use, and the language server's client (client.ts) right
 * after activation. In the build, esbuild.js turns `./lazy` into the
 * separate file dist/extensionLazy.js beside dist/extension.js (not bundled into it); from source
 * (tsx) it is the module itself.
 */
import type * as Client from './client';
import type * as Lazy from './lazy';

let loading: Promise<typeof Lazy> | undefined;

export function loadLazy(): Promise<typeof Lazy> {
  return (loading ??= import('./lazy'));
}

/** The same, at once (a synchronous require): for what must answer synchronously, such as the API's `plans`. */
export function loadLazyNow(): typeof Lazy {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./lazy') as typeof Lazy;
}

let loadingClient: Promise<typeof Client> | undefined;

/** Loads the language server's client (client.ts, dist/extensionClient.js in the build). */
export function loadClient(): Promise<typeof Client> {
  return (loadingClient ??= import('./client'));
}
