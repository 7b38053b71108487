/**
 * `plan-as-code people`: who is committed where (SPEC 10) — each person's load over time on the plan or
 * forecast basis, the periods over capacity and, on the plan basis, the suggestions that resolve them, as
 * JSON, Markdown, CSV (person × ISO week) or one self-contained HTML heatmap.
 */
import { htmlPage, peopleCsv, peopleHtmlBody, peopleMarkdown, peopleReport, peopleStyle, weekGrid, type LoadBasis, type PeopleReport } from '../core';
import { UsageError } from '../node/files';
import { analyzePaths, noteErrors, noteSettings, sha256Base64, writeOut, type Command } from './command';

function basisOption(value: string | boolean | undefined): LoadBasis {
  if (value === undefined) return 'plan';
  if (value !== 'plan' && value !== 'forecast') throw new UsageError(`--basis ${String(value)} is not a basis (expected plan or forecast)`);
  return value;
}

/** The heatmap as one HTML file: static markup and its stylesheet, allowed by hash; no script. */
export function peopleHtml(report: PeopleReport): string {
  const { title, body } = peopleHtmlBody(report);
  const style = peopleStyle;
  return htmlPage({ title, csp: { 'style-src': `'sha256-${sha256Base64(style)}'`, 'img-src': "'none'" }, colorScheme: 'light dark', styles: [{ text: style }], body });
}

export const peopleCommand: Command = {
  name: 'people',
  usage: 'people [paths…] [--basis plan|forecast] [--format json|md|csv|html] [--status-date YYYY-MM-DD] [--out FILE]',
  formats: ['json', 'md', 'csv', 'html'],
  options: { basis: { type: 'string' }, out: { type: 'string', short: 'o' } },
  takes: { basis: 'plan or forecast', out: 'a file (- for standard output)' },
  async run(args, io) {
    const basis = basisOption(args.values.basis);
    const out = typeof args.values.out === 'string' && args.values.out !== '' ? args.values.out : '-';
    const analysis = await analyzePaths(args);
    const report = peopleReport(analysis, basis);
    const text =
      args.format === 'md' ? peopleMarkdown(report)
      : args.format === 'csv' ? peopleCsv(report)
      : args.format === 'html' ? peopleHtml(report)
      : `${JSON.stringify(report.json, null, 2)}\n`;
    await writeOut(out, text, io);
    noteSettings(args, io);
    noteErrors(analysis, io);
    if ((args.format === 'csv' || args.format === 'html') && weekGrid(report.json).truncated) {
      io.stderr(`plan-as-code: the ${args.format} shows the first ${weekGrid(report.json).weeks.length} weeks with load (the JSON has every day)\n`);
    }
    if (out !== '-') io.stderr(`plan-as-code: wrote ${out} (${args.format}, ${report.json.people.length} people)\n`);
    return 0;
  },
};
