/**
 * A program's headline fact in the steering report's summary (SPEC 9 v3): its largest slip or its
 * milestone most at risk, whichever is later in days (a milestone wins a tie), then the indices.
 */
import { strict as assert } from 'node:assert';
import { programHeadline, summaryWhy, type ReportMilestone, type ReportProject } from '../../src/core/views/steeringReport';

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
/** A project planned to end at `plannedEnd` (its end, or its baseline's end), with the slip the rollup gives it (SPEC 5: null when done). */
const project = (name: string, plannedEnd: string | null, forecastEnd: string | null, extra: Partial<ReportProject> = {}): ReportProject => {
  const slip = extra.state === 'done' || plannedEnd === null || forecastEnd === null ? null : days(plannedEnd, forecastEnd);
  return { id: name, name, state: 'active', cancelled: false, critical: false, start: '2026-01-05', end: plannedEnd, figures: { forecastEnd, slip } as ReportProject['figures'], forecastNote: null, healthReasons: [], ...extra } as ReportProject;
};
const milestone = (name: string, status: ReportMilestone['status'], date: string, dueIn: number, daysLate: number, forecast: string | null = null): ReportMilestone =>
  ({ id: name, name, holder: { kind: 'program', id: 'p', name: 'P' }, program: null, date, forecast, status, dueIn, daysLate, note: null, cancelled: false }) as ReportMilestone;

describe('steering report headline', () => {
  it('names the largest slip: forecast end minus planned end, in days', () => {
    // b: 2026-07-31 − 2026-06-30 = 31 days; a: 2026-07-10 − 2026-06-30 = 10 days; c is done (no slip counted).
    const headline = programHeadline([project('a', '2026-06-30', '2026-07-10'), project('b', '2026-06-30', '2026-07-31'), project('c', '2026-01-30', '2026-09-30', { state: 'done' })], []);
    assert.deepEqual(headline, { kind: 'slip', about: 'b', days: 31, text: "'b' ends 31 days late (forecast 2026-07-31)" });
  });

  it("measures a slip against the baseline's end when there is one (SPEC 5's slip), not the scheduled end", () => {
    // a was re-planned: scheduled to end 2026-05-31 (its forecast), baselined to end 2026-03-31: 61 days; b slips 20.
    const replanned = { ...project('a', '2026-03-31', '2026-05-31'), end: '2026-05-31' };
    const headline = programHeadline([replanned, project('b', '2026-04-10', '2026-04-30')], []);
    assert.deepEqual(headline, { kind: 'slip', about: 'a', days: 61, text: "'a' ends 61 days late (forecast 2026-05-31)" });
    assert.equal(programHeadline([{ ...replanned, cancelled: true }], []), null, 'a cancelled project does not slip');
  });

  it('takes the milestone most at risk when it is later than the largest slip, and on a tie', () => {
    const slip = project('a', '2026-06-30', '2026-07-10'); // 10 days
    // Missed 2026-05-20 with a forecast 2026-06-01: 12 days late > 10.
    assert.equal(programHeadline([slip], [milestone('m', 'missed', '2026-05-20', -12, 12, '2026-06-01')])?.text, "milestone 'm' missed (due 2026-05-20)");
    assert.equal(programHeadline([slip], [milestone('m', 'at-risk', '2026-07-01', 30, 10, '2026-07-11')])?.kind, 'milestone', '10 = 10: the milestone');
    assert.equal(programHeadline([slip], [milestone('m', 'at-risk', '2026-07-01', 30, 9, '2026-07-10')])?.kind, 'slip', '9 < 10: the slip');
    // A missed milestone ranks before one at risk, whatever the days.
    assert.equal(programHeadline([], [milestone('late', 'at-risk', '2026-08-01', 60, 40, '2026-09-10'), milestone('missed', 'missed', '2026-05-30', -2, 0)])?.about, 'missed');
    assert.equal(programHeadline([project('ok', '2026-06-30', '2026-06-30')], [milestone('m', 'on-track', '2026-07-01', 30, 0)]), null);
  });

  it('puts the headline first, then the indices, then the other reasons (the headline not said twice)', () => {
    const headline = programHeadline([], [milestone('m', 'missed', '2026-05-20', -12, 0)]);
    const why = summaryWhy(headline, { cpi: 0.97, spi: 0.85 }, ['SPI 0.85 < 0.90', "milestone 'm' missed (2026-05-20)", '1 open high risk']);
    assert.equal(why, "milestone 'm' missed (due 2026-05-20); CPI 0.97, SPI 0.85 < 0.90; 1 open high risk");
  });
});
