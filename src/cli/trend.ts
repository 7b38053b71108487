/**
 * `plan-as-code trend`: the rollup of every commit of the current branch's first-parent history that
 * changed a plan file (SPEC 8), as JSON, Markdown tables or one self-contained HTML page of charts.
 */
import { sha256Base64 } from '../node/hash';
import { defaultParseLimits, formatDay, htmlPage, parseDay, planTrend, trendChartsBody, trendMarkdown, trendStyle, type HistoryCommit, type TrendJson } from '../core';
import { noteSettings, writeOut, type Command, type CommandArgs } from './command';
import { UsageError } from '../node/files';
import { gitUsage, PlanHistory } from '../node/planHistory';

const DEFAULT_MAX = 24;

function maxOption(value: string | boolean | undefined): number {
  if (value === undefined) return DEFAULT_MAX;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--max ${String(value)} is not a number of commits (expected a whole number, 1 or more)`);
  return Number(value);
}

function sinceOption(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const day = parseDay(value);
  if (day === undefined) throw new UsageError(`--since ${String(value)} is not a date (expected YYYY-MM-DD)`);
  return day;
}

/** The trend as one HTML file: static SVG charts and their stylesheet, allowed by hash; no script. */
export function trendHtml(trend: TrendJson): string {
  const { title, body } = trendChartsBody(trend);
  const styleHash = `'sha256-${sha256Base64(trendStyle)}'`;
  return htmlPage({ title, csp: { 'style-src': styleHash, 'img-src': "'none'" }, colorScheme: 'light dark', styles: [{ text: trendStyle }], body });
}

/** The rollup of the newest `max` first-parent commits that changed a plan file (since a day, if given). */
export async function trendOf(history: PlanHistory, args: CommandArgs, max: number, since?: number): Promise<{ trend: TrendJson; commits: number; subjects: ReadonlyMap<string, string> }> {
  const head = await history.commitOf('HEAD');
  const listed = await gitUsage(() => history.repository.firstParentHistory(head, history.pathspecs, since === undefined ? max : undefined));
  const commits: HistoryCommit[] = listed
    .map((c) => ({ commit: c.commit, date: parseDay(c.date)! }))
    .filter((c) => since === undefined || c.date >= since)
    .slice(0, max);
  const trend = await gitUsage(() => planTrend(history, commits, args.analysis, { ...defaultParseLimits, maxFileSize: args.maxFileSize }));
  return { trend, commits: commits.length, subjects: new Map(listed.map((c) => [c.commit, c.subject])) };
}

export const trendCommand: Command = {
  name: 'trend',
  usage: 'trend  [paths…] [--max N (default 24)] [--since YYYY-MM-DD] [--format json|md|html] [--out FILE]',
  formats: ['json', 'md', 'html'],
  options: { max: { type: 'string' }, since: { type: 'string' }, out: { type: 'string', short: 'o' } },
  takes: { max: 'a number of commits, a whole number 1 or more', since: 'a date, YYYY-MM-DD', out: 'a file (- for standard output)' },
  async run(args, io) {
    const max = maxOption(args.values.max);
    const since = sinceOption(args.values.since);
    const out = typeof args.values.out === 'string' && args.values.out !== '' ? args.values.out : '-';
    const history = await gitUsage(() => PlanHistory.open(args));
    const { trend, commits } = await trendOf(history, args, max, since);
    noteSettings(args, io);
    const text = args.format === 'json' ? `${JSON.stringify(trend, null, 2)}\n` : args.format === 'md' ? trendMarkdown(trend) : trendHtml(trend);
    await writeOut(out, text, io);
    // "No commit in this history changed a plan file" is true only of the days asked for.
    if (commits === 0 && since !== undefined) io.stderr(`plan-as-code: no commit on or after ${formatDay(since)} (--since) changed a plan file\n`);
    if (commits < max && (await history.repository.isShallow().catch(() => false))) {
      io.stderr('plan-as-code: this is a shallow clone: the history stops early (git fetch --unshallow, or fetch-depth: 0 in CI)\n');
    }
    return 0;
  },
};
