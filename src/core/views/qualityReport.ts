/**
 * Schedule quality (SPEC 11) as people and tools read it: the JSON of `quality --format json`, the text
 * and Markdown of the CLI, and the words every view uses for a metric (its label, what it counts, its
 * value and threshold written out). The metrics themselves are computed in analysis/quality.ts.
 */
import { formatDay } from '../base/dates';
import type { QualityMetricId, QualityThresholds } from '../base/defaults';
import { digitsApart } from '../base/numbers';
import { qualityUnits, scheduleQuality, type QualityInput, type QualityMetric, type ScheduleQuality } from '../analysis/quality';
import { markdownCell, markdownCode } from './markdown';

/** SPEC 11's `quality --format json`. */
export interface QualityJson {
  readonly version: 1;
  readonly statusDate: string;
  readonly scopes: ReadonlyArray<{
    readonly kind: 'workspace' | 'program';
    readonly id: string | null;
    /** SPEC 11's fields, exactly those of a metric. */
    readonly metrics: readonly QualityMetric[];
  }>;
}

export function toQualityJson(quality: ScheduleQuality): QualityJson {
  return {
    version: 1,
    statusDate: formatDay(quality.statusDate),
    scopes: quality.scopes.map((scope) => ({
      kind: scope.kind,
      id: scope.id,
      // A copy in SPEC 11's field order: the JSON is handed to other code.
      metrics: scope.metrics.map((m) => ({ id: m.id, value: m.value, threshold: m.threshold, pass: m.pass, count: m.count, total: m.total, offenders: [...m.offenders] })),
    })),
  };
}

/** Each metric in a program manager's words: a label, and what its count and total are. */
export const qualityLabels: Readonly<Record<QualityMetricId, { readonly label: string; readonly basis: (count: number, total: number) => string }>> = {
  'missing-logic': { label: 'Missing logic', basis: (c, t) => `${c} of ${t} projects have no dependency and no dependent` },
  'hard-constraints': { label: 'Hard constraints', basis: (c, t) => `${c} of ${t} projects have an explicit start and depends_on` },
  'high-float': { label: 'High float', basis: (c, t) => `${c} of ${t} projects with a float have more than 44 days` },
  'negative-float': { label: 'Negative float', basis: (c, t) => `${c} of ${t} projects with a float have negative float` },
  'invalid-dates': { label: 'Invalid dates', basis: (c, t) => `${c} of ${t} projects are planned but should have started, or done but end after the status date` },
  'missing-resources': { label: 'Missing resources', basis: (c, t) => `${c} of ${t} projects have no budget and no team` },
  missed: { label: 'Missed', basis: (c, t) => `${c} of ${t} projects due by the status date are not done` },
  bei: { label: 'Baseline execution index', basis: (c, t) => `${c} done of ${t} projects due by the status date` },
  cpli: { label: 'Critical path length index', basis: (c, t) => `${c} of ${t} programs have a declared end still ahead` },
};

const trim = (value: number, digits: number) => String(Number(value.toFixed(digits)));

/** A metric's value as read: "20%", "2", "0.95"; "—" when there is nothing to count. */
export function qualityValueText(metric: Pick<QualityMetric, 'id' | 'value'> & { readonly threshold?: number }): string {
  const { value, threshold } = metric;
  if (value === null) return '—';
  const unit = qualityUnits[metric.id];
  if (unit === 'count') return String(value);
  // A value that is not its threshold is never written as it: 18 of 19 is 0.947, not "0.95 ≥ 0.95".
  const least = unit === 'percent' ? 1 : 2;
  const digits = threshold === undefined ? least : digitsApart(value, threshold, least, 6, trim);
  return unit === 'percent' ? `${trim(value, digits)}%` : trim(value, digits);
}

/** What passes: "≤ 5%", "= 0", "≥ 0.95". */
export function qualityThresholdText(metric: Pick<QualityMetric, 'id' | 'threshold'>): string {
  const unit = qualityUnits[metric.id];
  // As it is set: a team's 0.951 is "0.951", not "0.95" (trim drops the zeros of 0.95000).
  if (unit === 'percent') return `≤ ${trim(metric.threshold, 6)}%`;
  if (unit === 'count') return metric.threshold === 0 ? '= 0' : `≤ ${trim(metric.threshold, 6)}`;
  return `≥ ${trim(metric.threshold, 6)}`;
}

/** "1 of 5 projects have no budget and no team": what the value is made of. */
export function qualityBasisText(metric: Pick<QualityMetric, 'id' | 'count' | 'total'>): string {
  return qualityLabels[metric.id].basis(metric.count, metric.total);
}

/** After the basis: the offenders, named ("…: a, b"; for bei, those not done). */
function offendersText(metric: QualityMetric): string {
  if (metric.offenders.length === 0) return '';
  return `${metric.id === 'bei' ? '; not done' : ''}: ${metric.offenders.join(', ')}`;
}

const failing = (metrics: readonly QualityMetric[]) => metrics.filter((m) => !m.pass);

/** The CLI's text: the workspace's nine metrics, then each program's failing ones with their offenders. */
export function qualityText(quality: ScheduleQuality): string {
  const [workspace, ...programs] = quality.scopes;
  const fails = failing(workspace.metrics).length;
  const lines = [
    `Schedule quality at ${formatDay(quality.statusDate)}: ${fails === 0 ? 'every metric passes' : `${fails} of ${workspace.metrics.length} metrics fail`} in the workspace`,
    '',
    'Workspace',
  ];
  const idWidth = Math.max(...workspace.metrics.map((m) => m.id.length));
  for (const m of workspace.metrics) {
    const head = `  ${m.pass ? 'pass' : 'FAIL'}  ${m.id.padEnd(idWidth)}  ${qualityValueText(m).padEnd(6)} ${qualityThresholdText(m).padEnd(7)} ${qualityBasisText(m)}`;
    lines.push(m.pass ? head : `${head}${offendersText(m)}`);
  }
  for (const scope of programs) {
    const bad = failing(scope.metrics);
    lines.push('', `Program ${scope.id}${scope.name !== scope.id ? ` (${scope.name})` : ''}: ${bad.length === 0 ? 'every metric passes' : `${bad.length} failing`}`);
    for (const m of bad) {
      lines.push(`  FAIL  ${m.id.padEnd(idWidth)}  ${qualityValueText(m).padEnd(6)} ${qualityThresholdText(m).padEnd(7)} ${qualityBasisText(m)}${offendersText(m)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const cell = markdownCell;

/** The CLI's Markdown: a table of the workspace's metrics, then each program's failing metrics. */
export function qualityMarkdown(quality: ScheduleQuality): string {
  const [workspace, ...programs] = quality.scopes;
  const row = (m: QualityMetric) =>
    `| ${m.pass ? 'pass' : '**fail**'} | ${cell(qualityLabels[m.id].label)} (\`${m.id}\`) | ${qualityValueText(m)} | ${qualityThresholdText(m)} | ${cell(qualityBasisText(m))} | ${m.pass ? '' : cell(m.offenders.join(', '))} |`;
  const head = ['| Result | Metric | Value | Passes | Basis | Offenders |', '|---|---|---:|---|---|---|'];
  const lines = [`## Schedule quality at ${formatDay(quality.statusDate)}`, '', '### Workspace', '', ...head, ...workspace.metrics.map(row)];
  for (const scope of programs) {
    const bad = failing(scope.metrics);
    lines.push('', `### Program ${cell(scope.name)} (${markdownCode(scope.id ?? '', false)})`, '');
    if (bad.length === 0) lines.push('Every metric passes.');
    else lines.push(...head, ...bad.map(row));
  }
  return `${lines.join('\n')}\n`;
}

/** One metric as the steering report and the roadmap panel show it: in words, offenders by name. */
export interface QualitySummaryMetric {
  readonly id: QualityMetricId;
  readonly label: string;
  readonly pass: boolean;
  /** "20%", "2", "0.95", "—". */
  readonly value: string;
  /** "≤ 5%", "= 0", "≥ 0.95". */
  readonly threshold: string;
  /** "1 of 5 projects have no budget and no team". */
  readonly basis: string;
  /** Projects (for cpli, programs) by id, the first QUALITY_OFFENDERS_SHOWN; for bei, those due and not done. */
  readonly offenders: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** How many more offenders there are than listed (`plan-as-code quality` lists them all). */
  readonly more: number;
}

/** Offenders listed per metric in the report and the panel: enough to act on, and a table row that fits a printed page. */
export const QUALITY_OFFENDERS_SHOWN = 12;

/** The workspace's nine metrics (SPEC 11: what the steering report and the roadmap panel show). */
export interface QualitySummary {
  readonly failing: number;
  readonly metrics: readonly QualitySummaryMetric[];
}

/** The workspace scope of a quality result, in words; `nameOf` names an offender by its id. */
export function qualitySummary(quality: ScheduleQuality, nameOf: (id: string) => string): QualitySummary {
  const metrics = quality.scopes[0].metrics.map((m) => ({
    id: m.id,
    label: qualityLabels[m.id].label,
    pass: m.pass,
    value: qualityValueText(m),
    threshold: qualityThresholdText(m),
    basis: qualityBasisText(m),
    offenders: m.offenders.slice(0, QUALITY_OFFENDERS_SHOWN).map((id) => ({ id, name: nameOf(id) })),
    more: Math.max(0, m.offenders.length - QUALITY_OFFENDERS_SHOWN),
  }));
  return { failing: metrics.filter((m) => !m.pass).length, metrics };
}

/** The schedule quality of an analysis in words, offenders named as the plans name them (the steering report, the roadmap panel). */
export function reportQuality(analysis: QualityInput, thresholds?: QualityThresholds): QualitySummary {
  const nameOf = (id: string) => {
    const entity = analysis.index.definitions.get(id)?.[0];
    return entity && 'name' in entity && typeof entity.name === 'string' ? entity.name : id;
  };
  return qualitySummary(scheduleQuality(analysis, thresholds), nameOf);
}
