/** The package version, put in by the build (esbuild `define`); `0.0.0-dev` when run from source. */
declare const PLAN_AS_CODE_VERSION: string;
export const version = typeof PLAN_AS_CODE_VERSION === 'string' ? PLAN_AS_CODE_VERSION : '0.0.0-dev';
