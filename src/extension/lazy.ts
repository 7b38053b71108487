/**
 * What the extension needs only on a command, built as its own bundle (dist/extensionLazy.js, see
 * esbuild.js) and loaded on the first such command (loadLazy.ts): import, export and update actuals, the
 * XML and CSV parsers behind them where the host answers their requests itself (a virtual workspace:
 * HostViews), and the steering report's HTML. Activation loads none of it.
 */
export { exportPlans, importPlans, updateActuals } from './interopCommands';
export { exportReport } from './reportCommand';
export { interopAnswers } from '../shared/interopAnswers';
