/**
 * What the extension needs only on a command, built as its own bundle (dist/extensionLazy.js, see
 * esbuild.js) and loaded on the first such command (loadLazy.ts): import, export and update actuals with
 * their XML and CSV parsers, and the steering report's HTML. Activation loads none of it.
 */
export { exportPlans, importPlans, updateActuals } from './interopCommands';
export { exportReport } from './reportCommand';
