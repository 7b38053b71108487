/**
 * `plan-as-code diff`: what changed in the plans between two revisions (SPEC 8) — by default between
 * HEAD and the files on disk, so that editing a plan and running `diff` is a what-if.
 */
import { defaultParseLimits, plural, diffMarkdown, diffPlans, diffText, planSnapshot, RevisionWorkspace, slipsOver, toDiffJson, type Analysis, type RevisionLabel } from '../core';
import { noteSettings, type Command, type Io } from './command';
import { UsageError } from '../node/files';
import { gitUsage, PlanHistory } from '../node/planHistory';

/** --fail-on-slip N: a whole number of days, 0 or more. */
function slipDaysOption(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new UsageError(`--fail-on-slip ${String(value)} is not a number of days (expected a whole number, 0 or more)`);
  return Number(value);
}

/** A ref option: its text, or a usage error when it is empty. */
function refOption(name: string, value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} needs a revision (a branch, tag or commit)`);
  return value;
}

const errorsOf = (analysis: Analysis) => analysis.diagnostics.filter((d) => d.severity === 'error').length;

function noteSideErrors(errors: number, side: string, io: Io): void {
  if (errors > 0) io.stderr(`plan-as-code: the plans at ${side} have ${plural(errors, 'error')}; figures may be incomplete (run check)\n`);
}

export const diffCommand: Command = {
  name: 'diff',
  usage:
    'diff   [paths…] [--base REF (default HEAD)] [--head REF (default: the files on disk)] [--format text|json|md]\n' +
    '                      [--status-date YYYY-MM-DD] [--fail-on-slip DAYS (exit 1 when a forecast slipped more)]',
  formats: ['text', 'json', 'md'],
  options: { base: { type: 'string' }, head: { type: 'string' }, 'fail-on-slip': { type: 'string' } },
  takes: { base: 'a revision (a branch, tag or commit)', head: 'a revision (a branch, tag or commit)', 'fail-on-slip': 'a number of days, a whole number 0 or more' },
  async run(args, io) {
    const failOnSlip = slipDaysOption(args.values['fail-on-slip']);
    const baseRef = refOption('base', args.values.base) ?? 'HEAD';
    const headRef = refOption('head', args.values.head);
    const history = await gitUsage(() => PlanHistory.open(args));
    const baseCommit = await history.commitOf(baseRef);
    const headCommit = headRef === undefined ? null : await history.commitOf(headRef);
    const workspace = new RevisionWorkspace(history, { ...defaultParseLimits, maxFileSize: args.maxFileSize });

    // The head first: on disk, it is what `check` reads; the base then re-reads only the files that differ.
    // Each side is taken as plain data at once: the next analysis of the workspace may update the last in place.
    const headFiles = headCommit === null ? await history.diskFiles(baseCommit.length) : await history.files(headCommit);
    const headAnalysis = await gitUsage(() => workspace.analyze(headFiles, args.analysis));
    const head = planSnapshot(headAnalysis);
    const headErrors = errorsOf(headAnalysis);
    const baseAnalysis = await gitUsage(async () => workspace.analyze(await history.files(baseCommit), args.analysis));
    const base = planSnapshot(baseAnalysis);
    const baseErrors = errorsOf(baseAnalysis);

    const sides: { base: RevisionLabel; head: RevisionLabel } = { base: { ref: baseRef, commit: baseCommit }, head: { ref: headRef ?? null, commit: headCommit } };
    const diff = diffPlans(base, head, sides);
    noteSettings(args, io);
    if (args.format === 'json') io.stdout(`${JSON.stringify(toDiffJson(diff), null, 2)}\n`);
    else if (args.format === 'md') io.stdout(diffMarkdown(diff));
    else io.stdout(diffText(diff));
    noteSideErrors(baseErrors, baseRef, io);
    noteSideErrors(headErrors, headRef ?? 'the files on disk', io);

    if (failOnSlip === undefined) return 0;
    const slips = slipsOver(diff, failOnSlip);
    if (slips.length === 0) return 0;
    const worst = slips[0];
    io.stderr(
      `plan-as-code: ${plural(slips.length, 'forecast')} slipped more than ${plural(failOnSlip, 'day')} ` +
        `(worst: ${worst.kind} ${worst.id ?? worst.name ?? '?'}, +${worst.days} d)\n`,
    );
    return 1;
  },
};
