/**
 * What the extension needs only on a command, or where the language server cannot run, built as its own
 * bundle (dist/extensionLazy.js, see esbuild.js) and loaded on first use (loadLazy.ts): import, export and
 * update actuals with their XML and CSV parsers, writing the steering report, and the extension host's own
 * analysis of the workspace (PlanService: for a virtual workspace's views, and for other extensions through
 * the API). Activation loads none of it.
 */
export { exportPlans, importPlans, updateActuals } from './interopCommands';
export { exportReport } from './reportCommand';
export { HostViews } from './hostViews';
export { PlanService } from './planService';
