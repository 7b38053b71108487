/**
 * Loads the command-only code (lazy.ts) on first use. In the build, esbuild.js turns `./lazy` into the
 * separate file dist/extensionLazy.js beside dist/extension.js (not bundled into it); from source
 * (tsx) it is the module itself.
 */
import type * as Lazy from './lazy';

let loading: Promise<typeof Lazy> | undefined;

export function loadLazy(): Promise<typeof Lazy> {
  return (loading ??= import('./lazy'));
}
