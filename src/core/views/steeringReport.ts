/**
 * The steering report (SPEC 9) as data: what a program manager takes to a steering committee, read
 * from one analysis — the portfolio figures, each program's health and why, its projects and
 * milestones, the milestones coming due and those missed or at risk, the open risks and issues, and
 * the plans' problems. The history sections (changes since a revision, the trend) are inputs: they are
 * there only when the caller has them. The HTML writer is documents/steeringReportHtml.ts.
 */
import { plural } from '../base/messages';
import type { PlanDiffJson } from '../history/diff';
import type { TrendJson } from '../history/trend';
import { formatDay, type Day } from '../base/dates';
import { defaultThresholds, type HealthThresholds, type QualityThresholds } from '../base/defaults';
import type { Health, IssueSeverity, Issue, Milestone, Portfolio, Program, Project, ProjectState, Risk } from '../model/entities';
import type { MilestoneStatus } from '../analysis/rollup';
import { currencyOf, riskLevel, type RiskLevel } from '../analysis/rules';
import type { Analysis } from '../analysis/workspace';
import { peopleLoad } from '../analysis/people';
import { displayName, isCritical } from './entityView';
import { formatIndex } from './format';
import { forecastNote, milestoneNote } from './forecastText';
import { summarizeProblems, type ProblemSummary } from './problems';
import { reportQuality, type QualitySummary } from './qualityReport';
import { toFiguresJson, workspaceTitle, type FiguresJson } from './rollupReport';

/** The windows of "coming due", in days after the status date: 0–30, 31–60, 61–90. */
export const DUE_HORIZONS = [30, 60, 90] as const;

export interface ReportRef {
  readonly id: string;
  readonly name: string;
}

/** Who holds a milestone, risk or issue: a project or a program. */
export interface ReportHolder extends ReportRef {
  readonly kind: 'project' | 'program';
}

export interface ReportProject extends ReportRef {
  readonly state: ProjectState;
  readonly cancelled: boolean;
  readonly critical: boolean;
  readonly start: string | null;
  readonly end: string | null;
  readonly figures: FiguresJson;
  /** Why the forecast differs from the plan, in words, or null. */
  readonly forecastNote: string | null;
  readonly healthReasons: readonly string[];
}

export interface ReportMilestone {
  readonly id: string | null;
  readonly name: string;
  readonly holder: ReportHolder;
  /** The program the holder belongs to (the holder itself for a program's own milestone), or null. */
  readonly program: ReportRef | null;
  readonly date: string;
  readonly forecast: string | null;
  readonly status: MilestoneStatus;
  /** Days from the status date to its date (negative when past). */
  readonly dueIn: number;
  /** Days its forecast is after its date (0 when on time or done). */
  readonly daysLate: number;
  /** Why it is missed or at risk, in words, or null. */
  readonly note: string | null;
  /** Held by a cancelled project: no longer a deliverable. */
  readonly cancelled: boolean;
}

export interface ReportRisk {
  readonly id: string | null;
  readonly title: string;
  readonly holder: ReportHolder;
  readonly program: ReportRef | null;
  readonly level: RiskLevel;
  readonly likelihood: number;
  readonly impact: number;
  readonly owner: string | null;
  readonly mitigation: string | null;
}

export interface ReportIssue {
  readonly id: string | null;
  readonly title: string;
  readonly holder: ReportHolder;
  readonly program: ReportRef | null;
  readonly severity: IssueSeverity;
  readonly owner: string | null;
  readonly raised: string | null;
  readonly due: string | null;
  /** Days past its due date at the status date (due < S), else null. */
  readonly daysOverdue: number | null;
}

export interface ReportProgram extends ReportRef {
  /** The roadmap lane that draws it (`program:<id>`). */
  readonly lane: string;
  readonly portfolio: ReportRef | null;
  readonly manager: string | null;
  readonly goal: string | null;
  readonly currency: string;
  /** The authorised budget (a cap), when the program declares one. */
  readonly budget: number | null;
  readonly start: string | null;
  readonly end: string | null;
  readonly figures: FiguresJson;
  /** The health and why, as one sentence. */
  readonly healthText: string;
  readonly projects: readonly ReportProject[];
  /** Its own milestones and its projects', by date. */
  readonly milestones: readonly ReportMilestone[];
  /** The one fact a steering committee hears first: its largest slip, or its milestone most at risk (null when neither). */
  readonly headline: ReportHeadline | null;
  /** Why, for the summary: the headline first, then the indices, then the other reasons for its health. */
  readonly why: string;
}

/** A program's headline fact: a project forecast to end late, or a milestone missed or at risk. */
export interface ReportHeadline {
  readonly kind: 'slip' | 'milestone';
  /** The project's or milestone's name. */
  readonly about: string;
  readonly text: string;
  /** How late, in days (0 for a milestone at risk without a later forecast). */
  readonly days: number;
}

export interface ReportPortfolio extends ReportRef {
  readonly currency: string;
  readonly figures: FiguresJson;
  readonly healthText: string;
  readonly programs: readonly string[];
}

/** Changes since a revision: SPEC 8's `diff --format json`, from the history engine. */
export type ReportChanges = PlanDiffJson;
export type ReportChange = PlanDiffJson['projects'][number] | PlanDiffJson['milestones'][number];
export type ReportItemChange = PlanDiffJson['risks'][number] | PlanDiffJson['issues'][number];

/** The plans over time: SPEC 8's `trend --format json` (newest first), from the history engine, each commit with its subject when the caller has it. */
export interface ReportTrend {
  readonly commits: ReadonlyArray<TrendJson['commits'][number] & { readonly subject?: string }>;
}

export interface ReportCounts {
  readonly programs: Readonly<Record<Health, number>>;
  /** Projects by health, cancelled ones apart. */
  readonly projects: Readonly<Record<Health, number>> & { readonly cancelled: number; readonly total: number };
  /** Milestones due in each horizon (0–30, 31–60, 61–90 days), missed and at risk. */
  readonly due: readonly number[];
  readonly missed: number;
  readonly atRisk: number;
  readonly risks: Readonly<Record<RiskLevel, number>>;
  readonly issues: Readonly<Record<IssueSeverity, number>> & { readonly overdue: number };
}

export interface SteeringReport {
  readonly title: string;
  readonly statusDate: string;
  /** The health thresholds the figures were judged by (the team's, else SPEC 5's defaults). */
  readonly thresholds: HealthThresholds;
  readonly portfolios: readonly ReportPortfolio[];
  readonly programs: readonly ReportProgram[];
  /** Projects outside any program (the roadmap's "Unassigned" lane). */
  readonly unassigned: readonly ReportProject[];
  /** Not-done milestones by horizon: `due[i]` are those due within DUE_HORIZONS[i] days (after the previous horizon). */
  readonly due: readonly (readonly ReportMilestone[])[];
  /** Missed milestones, then those at risk, each by date. */
  readonly late: readonly ReportMilestone[];
  /** Open risks, highest level and score first. */
  readonly risks: readonly ReportRisk[];
  /** Open issues, most severe first, overdue first within a severity. */
  readonly issues: readonly ReportIssue[];
  readonly counts: ReportCounts;
  readonly problems: ProblemSummary;
  /** Schedule quality (SPEC 11): the workspace's metrics, failing ones with their offenders. */
  readonly quality: QualitySummary;
  /** People over capacity in the next PEOPLE_HORIZON days, forecast basis (SPEC 9 v3, 10). */
  readonly peopleOver: readonly ReportPersonOver[];
  readonly changes?: ReportChanges;
  readonly trend?: ReportTrend;
}

/** "People over capacity in the next 90 days": the days S..S+90, like the milestones coming due. */
export const PEOPLE_HORIZON = 90;

/** A period over capacity, cut to the report's window (S..S+PEOPLE_HORIZON). */
export interface ReportOverPeriod {
  readonly from: string;
  readonly to: string;
  /** The highest load within the window's part of the period, percent. */
  readonly peak: number;
  /** Every project with load on a day of that part, by id. */
  readonly projects: readonly ReportRef[];
  /** The period began before the status date / goes on after the window. */
  readonly beforeWindow: boolean;
  readonly afterWindow: boolean;
}

export interface ReportPersonOver {
  readonly id: string;
  readonly name: string;
  readonly role: string | null;
  readonly capacity: number;
  /** The highest of the periods' peaks. */
  readonly peak: number;
  readonly periods: readonly ReportOverPeriod[];
}

export interface SteeringReportOptions {
  readonly defaultCurrency?: string;
  /** The thresholds the analysis used (to say so in the report); default SPEC 5's. */
  readonly thresholds?: HealthThresholds;
  /** Schedule-quality thresholds (SPEC 11); default SPEC 11's. */
  readonly qualityThresholds?: QualityThresholds;
  readonly changes?: ReportChanges;
  readonly trend?: ReportTrend;
}

export const healthWords: Readonly<Record<Health, string>> = { green: 'on track', amber: 'at risk', red: 'off track' };
const levels: readonly RiskLevel[] = ['high', 'medium', 'low'];
const severities: readonly IssueSeverity[] = ['critical', 'high', 'medium', 'low'];
const day = (value: Day | null | undefined): string | null => (value == null ? null : formatDay(value));

/** The health and why as one sentence: "Amber (at risk): milestone 'x' missed (2026-09-15). Declared green." */
export function healthSentence(health: Health | null, reasons: readonly string[], declared: Health | null, figures?: { cpi: number | null; spi: number | null }): string {
  // A cancelled project computes no health (v3).
  if (health === null) return 'Cancelled: no computed health, counted in no total.';
  const head = `${health[0].toUpperCase()}${health.slice(1)} (${healthWords[health]})`;
  let why: string;
  if (reasons.length > 0) why = reasons.join('; ');
  else {
    const indices = figures ? [['CPI', figures.cpi], ['SPI', figures.spi]].filter(([, v]) => v !== null).map(([k, v]) => `${k} ${formatIndex(v as number)}`) : [];
    why = `${indices.length > 0 ? `${indices.join(', ')}; ` : ''}no missed or late milestone, no open high risk or issue`;
  }
  const declaredText = declared && declared !== health ? ` The plan declares it ${declared}.` : '';
  return `${head}: ${why}.${declaredText}`;
}

/**
 * The changes without the risks and issues of projects cancelled now: a cancelled project's risks and
 * issues count in no list of the report (SPEC 5); the project's own change (cancelled) is still listed.
 */
function withoutCancelledItems(changes: ReportChanges, projects: readonly ReportProject[]): ReportChanges {
  const cancelled = new Set(projects.filter((p) => p.cancelled && p.id !== null).map((p) => p.id));
  if (cancelled.size === 0) return changes;
  const live = (item: { readonly owner: { readonly kind: string; readonly id: string | null } }) => !(item.owner.kind === 'project' && item.owner.id !== null && cancelled.has(item.owner.id));
  return { ...changes, risks: changes.risks.filter(live), issues: changes.issues.filter(live) };
}

/**
 * How many days a project is forecast to end after its planned end — SPEC 5's slip, against the
 * baseline's end where it has one; 0 when on time or ahead, done, cancelled or without dates.
 */
export function projectSlip(project: ReportProject): number {
  return project.cancelled ? 0 : Math.max(0, project.figures.slip ?? 0);
}

/** How late a milestone is, in days: its forecast after its date, else (missed, no forecast) the days since its date. */
const milestoneLateness = (m: ReportMilestone): number => (m.daysLate > 0 ? m.daysLate : m.status === 'missed' ? Math.max(0, -m.dueIn) : 0);

/**
 * A program's headline fact (SPEC 9 v3): the larger of its largest project slip and its milestone most at
 * risk (missed before at risk, then the latest), in days; a milestone wins a tie, being a promise made.
 */
export function programHeadline(projects: readonly ReportProject[], milestones: readonly ReportMilestone[]): ReportHeadline | null {
  let slip: ReportHeadline | null = null;
  for (const project of projects) {
    const days = projectSlip(project);
    if (days > 0 && (slip === null || days > slip.days)) {
      slip = { kind: 'slip', about: project.name, days, text: `'${project.name}' ends ${plural(days, 'day')} late (forecast ${project.figures.forecastEnd})` };
    }
  }
  let worst: ReportMilestone | null = null;
  for (const m of milestones) {
    if (m.cancelled || (m.status !== 'missed' && m.status !== 'at-risk')) continue;
    const rank = (x: ReportMilestone) => [x.status === 'missed' ? 1 : 0, milestoneLateness(x)];
    const [a, b] = rank(m);
    if (worst === null) worst = m;
    else {
      const [c, d] = rank(worst);
      if (a > c || (a === c && b > d)) worst = m;
    }
  }
  const milestone: ReportHeadline | null =
    worst === null
      ? null
      : {
          kind: 'milestone',
          about: worst.name,
          days: milestoneLateness(worst),
          text: worst.status === 'missed'
            ? `milestone '${worst.name}' missed (due ${worst.date})`
            : `milestone '${worst.name}' at risk${worst.daysLate > 0 ? `, ${plural(worst.daysLate, 'day')} late (forecast ${worst.forecast})` : ` (due ${worst.date})`}`,
        };
  if (slip === null) return milestone;
  if (milestone === null) return slip;
  return milestone.days >= slip.days ? milestone : slip;
}

/** The summary's why: the headline, the indices (marked when under a threshold), then the other reasons. */
export function summaryWhy(headline: ReportHeadline | null, figures: { cpi: number | null; spi: number | null }, reasons: readonly string[]): string {
  const indexReason = (name: string) => reasons.find((r) => r.startsWith(`${name} `));
  const indices = (['CPI', 'SPI'] as const).flatMap((name) => {
    const value = name === 'CPI' ? figures.cpi : figures.spi;
    return value === null ? [] : [indexReason(name) ?? `${name} ${formatIndex(value)}`];
  });
  const others = reasons.filter((r) => !/^(CPI|SPI) /.test(r) && !(headline?.kind === 'milestone' && r.includes(`'${headline.about}'`)));
  const parts = [...(headline ? [headline.text] : []), ...(indices.length > 0 ? [indices.join(', ')] : []), ...others];
  return parts.length === 0 ? 'no slip, no milestone at risk, no open high risk or issue' : parts.join('; ');
}

/** Builds the report of an analysis. */
export function buildSteeringReport(analysis: Analysis, options: SteeringReportOptions = {}): SteeringReport {
  const { index, rollup, schedule } = analysis;
  const S = rollup.statusDate;
  const ref = (entity: Program | Project | Portfolio): ReportRef => ({ id: entity.id ?? '', name: displayName(entity) });
  const programOf = (holder: Program | Project): Program | undefined => (holder.kind === 'program' ? holder : holder.program);
  const programRef = (holder: Program | Project): ReportRef | null => {
    const program = programOf(holder);
    return program?.id !== undefined ? ref(program) : null;
  };
  const holderRef = (holder: Program | Project): ReportHolder => ({ kind: holder.kind, ...ref(holder) });
  const isCancelled = (holder: Program | Project) => holder.kind === 'project' && rollup.projects.get(holder)?.cancelled === true;
  const personName = (name: string | undefined): string | null => {
    if (name === undefined) return null;
    const person = index.definitions.get(name)?.find((entity) => entity.kind === 'person');
    return person?.kind === 'person' && person.name ? person.name : name;
  };

  const projectLine = (project: Project): ReportProject => {
    const result = rollup.projects.get(project)!;
    const float = schedule.float.get(project);
    return {
      ...ref(project),
      state: result.state,
      cancelled: result.cancelled,
      critical: isCritical(float),
      start: day(result.start),
      end: day(result.end),
      figures: toFiguresJson(result.figures),
      forecastNote: forecastNote(result.forecast, result.state),
      healthReasons: result.healthReasons,
    };
  };

  const milestoneLine = (milestone: Milestone): ReportMilestone | undefined => {
    if (!milestone.date) return undefined;
    const outlook = rollup.milestones.get(milestone)!;
    const date = milestone.date.value;
    return {
      id: milestone.id ?? null,
      name: displayName(milestone),
      holder: holderRef(milestone.parent),
      program: programRef(milestone.parent),
      date: formatDay(date),
      forecast: day(outlook.forecast),
      status: outlook.status,
      dueIn: date - S,
      daysLate: !milestone.done && outlook.forecast !== null && outlook.forecast > date ? outlook.forecast - date : 0,
      note: milestoneNote(milestone, outlook),
      cancelled: isCancelled(milestone.parent),
    };
  };
  const milestoneLines = new Map<Milestone, ReportMilestone>();
  for (const milestone of index.milestones) {
    const line = milestoneLine(milestone);
    if (line) milestoneLines.set(milestone, line);
  }
  const byDate = (a: ReportMilestone, b: ReportMilestone) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

  // Programs in roadmap order: each portfolio's, then those of no portfolio; each once.
  const programs: ReportProgram[] = [];
  const seen = new Set<Program>();
  const addProgram = (program: Program) => {
    if (seen.has(program) || program.id === undefined) return;
    seen.add(program);
    const result = rollup.programs.get(program)!;
    const figures = toFiguresJson(result.figures);
    const held = [...program.milestones, ...program.projects.flatMap((project) => project.milestones)];
    const projects = program.projects.filter((project) => project.id !== undefined).map(projectLine);
    const milestones = held.flatMap((milestone) => milestoneLines.get(milestone) ?? []).sort(byDate);
    const headline = programHeadline(projects, milestones);
    programs.push({
      ...ref(program),
      lane: `program:${program.id}`,
      portfolio: program.portfolio?.id !== undefined ? ref(program.portfolio) : null,
      manager: personName(program.manager?.name),
      goal: program.goal ?? null,
      currency: currencyOf(program, options.defaultCurrency),
      budget: program.budget?.value ?? null,
      start: day(result.start),
      end: day(result.end),
      figures,
      healthText: healthSentence(figures.health, result.healthReasons, figures.declaredHealth, figures),
      projects,
      milestones,
      headline,
      why: summaryWhy(headline, figures, result.healthReasons),
    });
  };
  for (const portfolio of index.portfolios) for (const program of portfolio.programs) addProgram(program);
  for (const program of index.programs) addProgram(program);

  const portfolios: ReportPortfolio[] = index.portfolios
    .filter((portfolio) => portfolio.id !== undefined)
    .map((portfolio) => {
      const result = rollup.portfolios.get(portfolio)!;
      const figures = toFiguresJson(result.figures);
      return {
        ...ref(portfolio),
        currency: currencyOf(portfolio, options.defaultCurrency),
        figures,
        healthText: healthSentence(figures.health, result.healthReasons, null, figures),
        programs: portfolio.programs.flatMap((program) => (program.id === undefined ? [] : [program.id])),
      };
    });

  const unassigned = index.projects.filter((project) => project.id !== undefined && (!project.program || !seen.has(project.program))).map(projectLine);

  // Deliverables still to come: not done, held by live work.
  const live = [...milestoneLines.values()].filter((m) => !m.cancelled);
  const due = DUE_HORIZONS.map((horizon, i) => {
    const after = i === 0 ? -1 : DUE_HORIZONS[i - 1];
    return live.filter((m) => m.status !== 'done' && m.dueIn > after && m.dueIn <= horizon).sort(byDate);
  });
  const late = [...live.filter((m) => m.status === 'missed').sort(byDate), ...live.filter((m) => m.status === 'at-risk').sort(byDate)];

  /** What a risk and an issue line share: who holds it, in which program, who owns it. */
  const itemLine = (item: Risk | Issue, fallback: string) => ({
    id: item.id ?? null,
    title: item.title ?? item.id ?? fallback,
    holder: holderRef(item.parent),
    program: programRef(item.parent),
    owner: personName(item.owner?.name),
  });
  // Open ones of live work only: a cancelled project's risks and issues concern no one any more.
  const counted = (item: Risk | Issue) => item.open && !isCancelled(item.parent);

  const risks = index.risks
    .flatMap((risk): ReportRisk[] => {
      const level = riskLevel(risk);
      if (!counted(risk) || level === undefined) return [];
      return [{ ...itemLine(risk, 'Risk'), level, likelihood: risk.likelihood!, impact: risk.impact!, mitigation: risk.mitigation ?? null }];
    })
    .sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level) || b.likelihood * b.impact - a.likelihood * a.impact);

  const issues = index.issues
    .flatMap((issue): ReportIssue[] => {
      if (!counted(issue) || issue.severity === undefined) return [];
      const dueDay = issue.due?.value;
      return [{
        ...itemLine(issue, 'Issue'),
        severity: issue.severity,
        raised: day(issue.raised?.value),
        due: day(dueDay),
        daysOverdue: dueDay !== undefined && dueDay < S ? S - dueDay : null,
      }];
    })
    .sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity) || (b.daysOverdue ?? -1) - (a.daysOverdue ?? -1));

  const allProjects = [...programs.flatMap((p) => p.projects), ...unassigned];
  const countBy = <T, K extends string>(items: readonly T[], keys: readonly K[], key: (item: T) => K | null) =>
    Object.fromEntries(keys.map((k) => [k, items.filter((item) => key(item) === k).length])) as Record<K, number>;
  const healths: readonly Health[] = ['red', 'amber', 'green'];
  const liveProjects = allProjects.filter((p) => !p.cancelled);
  const counts: ReportCounts = {
    programs: countBy(programs, healths, (p) => p.figures.health),
    projects: { ...countBy(liveProjects, healths, (p) => p.figures.health), cancelled: allProjects.length - liveProjects.length, total: allProjects.length },
    due: due.map((list) => list.length),
    missed: late.filter((m) => m.status === 'missed').length,
    atRisk: late.filter((m) => m.status === 'at-risk').length,
    risks: countBy(risks, levels, (r) => r.level),
    issues: { ...countBy(issues, severities, (i) => i.severity), overdue: issues.filter((i) => i.daysOverdue !== null).length },
  };

  return {
    title: workspaceTitle(analysis, 'Portfolio'),
    statusDate: formatDay(S),
    thresholds: options.thresholds ?? defaultThresholds,
    portfolios,
    programs,
    unassigned,
    due,
    late,
    risks,
    issues,
    counts,
    problems: summarizeProblems(analysis.diagnostics),
    quality: reportQuality(analysis, options.qualityThresholds),
    peopleOver: peopleOverCapacity(analysis),
    ...(options.changes ? { changes: withoutCancelledItems(options.changes, allProjects) } : {}),
    ...(options.trend && options.trend.commits.length > 0 ? { trend: options.trend } : {}),
  };
}

/**
 * The people over capacity in the next PEOPLE_HORIZON days on the forecast basis (SPEC 9 v3, 10): each
 * period over capacity cut to S..S+PEOPLE_HORIZON, with its peak and projects within that window; the
 * people with the highest peak against their capacity first (exactly compared), then by id.
 */
export function peopleOverCapacity(analysis: Analysis): ReportPersonOver[] {
  const S = analysis.rollup.statusDate;
  const last = S + PEOPLE_HORIZON;
  const out: Array<{ line: ReportPersonOver; ratio: [bigint, bigint] }> = [];
  for (const load of peopleLoad(analysis, 'forecast').people) {
    if (load.capacity === null || load.exact.capacity === null) continue;
    const periods: ReportOverPeriod[] = [];
    let best: bigint | undefined;
    for (const period of load.overallocations) {
      const from = Math.max(period.from, S);
      const to = Math.min(period.to, last);
      if (from > to) continue;
      let peak: bigint | undefined;
      let peakPercent = 0;
      const projects = new Map<string, ReportRef>();
      load.segments.forEach((segment, i) => {
        if (segment.to < from || segment.from > to) return;
        const units = load.exact.loads[i];
        if (peak === undefined || units > peak) {
          peak = units;
          peakPercent = segment.load;
        }
        for (const project of segment.projects) projects.set(project.id ?? '?', { id: project.id ?? '?', name: project.name ?? project.id ?? '?' });
      });
      if (peak === undefined) continue;
      if (best === undefined || peak > best) best = peak;
      periods.push({
        from: formatDay(from),
        to: formatDay(to),
        peak: peakPercent,
        projects: [...projects.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
        beforeWindow: period.from < S,
        afterWindow: period.to > last,
      });
    }
    if (periods.length === 0 || best === undefined) continue;
    const person = load.person;
    out.push({
      line: { id: person.id, name: person.name ?? person.id, role: person.role ?? null, capacity: load.capacity, peak: Math.max(...periods.map((p) => p.peak)), periods },
      ratio: [best, load.exact.capacity],
    });
  }
  // peak / capacity, highest first: a/b > c/d ⇔ a·d > c·b (capacities ≥ 0; a capacity of 0 ranks first).
  const rank = ([a, b]: [bigint, bigint], [c, d]: [bigint, bigint]) => {
    if (b === 0n || d === 0n) return b === d ? 0 : b === 0n ? -1 : 1;
    const x = a * d;
    const y = c * b;
    return x > y ? -1 : x < y ? 1 : 0;
  };
  return out.sort((x, y) => rank(x.ratio, y.ratio) || (x.line.id < y.line.id ? -1 : x.line.id > y.line.id ? 1 : 0)).map((x) => x.line);
}
