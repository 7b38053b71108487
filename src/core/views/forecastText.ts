/**
 * The forecast in words (SPEC 5.1), for hovers, tooltips and the roadmap: why a project is forecast
 * where it is (its own pace, the status date, or a dependency pushing it), and why a milestone is late.
 */
import { plural } from '../base/messages';
import { formatDay } from '../base/dates';
import type { MilestoneOutlook, ProjectForecast } from '../analysis/forecast';
import type { Milestone, Project, ProjectState } from '../model/entities';
import { formatIndex } from './format';

/** A milestone's status as people say it. */
export const milestoneStatusText = { done: 'done', missed: 'missed', 'at-risk': 'at risk', 'on-track': 'on track', cancelled: 'cancelled' } as const;

const days = (count: number) => plural(count, 'day');
const nameOf = (entity: Project | Milestone) => `${entity.kind === 'milestone' ? 'milestone ' : ''}'${entity.id ?? entity.name ?? '?'}'`;

/** Why a project's forecast differs from its plan; null when it is on plan (or has no forecast). */
export function forecastNote(forecast: ProjectForecast, state: ProjectState): string | null {
  const reason = forecast.reason;
  switch (reason.kind) {
    case 'pushed':
      return `pushed ${days(reason.days)} by ${nameOf(reason.by)}`;
    case 'own-pace':
      return `late at its own pace: SPI ${formatIndex(reason.spi)} stretches it ${days(reason.days)}`;
    case 'current-plan':
      return `its current plan decides: at SPI ${formatIndex(reason.spi)} its pace would end it ${formatDay(reason.paceEnd)}, before its re-planned end`;
    case 'status-date':
      return state === 'planned'
        ? `starts no earlier than the status date, ${days(reason.days)} later than planned`
        : `not finished by the status date, ${days(reason.days)} past its planned end`;
    default:
      return null;
  }
}

/** Why a milestone is at risk or missed, with its forecast; null when it is done or on track. */
export function milestoneNote(milestone: Milestone, outlook: MilestoneOutlook): string | null {
  const date = milestone.date?.value;
  if (date === undefined || outlook.forecast === null) return null;
  if (outlook.status === 'missed') return `missed: due ${formatDay(date)}, not done by the status date`;
  if (outlook.status !== 'at-risk') return null;
  const late = `forecast ${formatDay(outlook.forecast)}, ${days(outlook.forecast - date)} late`;
  return outlook.waitsFor ? `${late}: waits for ${nameOf(outlook.waitsFor.on)}, forecast to finish ${formatDay(outlook.waitsFor.finish)}` : late;
}
