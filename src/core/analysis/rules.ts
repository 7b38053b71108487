/**
 * The per-entity rules of SPEC 3 and 5 that several stages read: a project's state, a risk's level, a
 * program's currency, the order of health values, decided here once.
 */
import { DEFAULT_CURRENCY } from '../base/defaults';
import type { Day } from '../base/dates';
import type { Health, Portfolio, Program, Project, ProjectState, Risk } from '../model/entities';

const healthRank: Record<Health, number> = { green: 0, amber: 1, red: 2 };
export function worseHealth(a: Health, b: Health): Health {
  return healthRank[a] >= healthRank[b] ? a : b;
}
export function isBetterHealth(declared: Health, computed: Health): boolean {
  return healthRank[declared] < healthRank[computed];
}

/** A project's state: as written, else derived from progress and start (SPEC 3). */
export function effectiveState(project: Project, start: Day | undefined, statusDate: Day): ProjectState {
  if (project.state) return project.state.value;
  if (project.progress?.value === 100) return 'done';
  return start !== undefined && start <= statusDate ? 'active' : 'planned';
}

export type RiskLevel = 'high' | 'medium' | 'low';

export function riskLevel(risk: Risk): RiskLevel | undefined {
  if (risk.likelihood === undefined || risk.impact === undefined) return undefined;
  const score = risk.likelihood * risk.impact;
  return score >= 15 ? 'high' : score >= 8 ? 'medium' : 'low';
}

/**
 * The currency figures of an entity are in: its program's, else the default (SPEC 3). A portfolio's
 * programs in several currencies (`currency-mismatch`) give sums of them all, unconverted: its figures
 * name every currency ("GBP+USD"), not the first program's as if the sum were in it.
 */
export function currencyOf(entity: Portfolio | Program | Project, defaultCurrency = DEFAULT_CURRENCY): string {
  if (entity.kind === 'program') return entity.currency?.value ?? defaultCurrency;
  if (entity.kind === 'project') return entity.program?.currency?.value ?? defaultCurrency;
  const currencies = [...new Set(entity.programs.map((program) => program.currency?.value ?? defaultCurrency))];
  return currencies.length === 0 ? defaultCurrency : currencies.join('+');
}
