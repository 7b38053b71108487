/** The hover card of a bar, milestone or lane: its figures, all written as text. */
import { figureRows, formatDay, laneTitle, milestoneStatusText, type RoadmapMilestone, type RoadmapModel, type RoadmapView } from '../core';
import { h } from './dom';
import type { Target } from './timeline';

const day = (value: number | null) => (value === null ? '—' : formatDay(value));

const milestoneState = (m: RoadmapMilestone) => milestoneStatusText[m.status];

export class Tooltip {
  readonly element = h('div', { className: 'tooltip', attrs: { role: 'tooltip', id: 'roadmap-tooltip' } });
  private projects = new Map<string, RoadmapModel['rollup']['projects'][number]>();
  private programs = new Map<string, RoadmapModel['rollup']['programs'][number]>();
  private model: RoadmapModel | undefined;

  constructor() {
    this.element.hidden = true;
  }

  setModel(model: RoadmapModel): void {
    this.model = model;
    this.projects = new Map(model.rollup.projects.map((p) => [p.id, p]));
    this.programs = new Map(model.rollup.programs.map((p) => [p.id, p]));
  }

  hide(): void {
    this.element.hidden = true;
  }

  show(view: RoadmapView, target: Target, at: { x: number; y: number } | Element): void {
    const content = this.content(view, target);
    if (!content) return this.hide();
    this.place(content, at);
  }

  /** A card of label/value lines (the People tab's cells), all written as text. */
  showCard(title: string, subtitle: string, lines: ReadonlyArray<[string, string]>, at: { x: number; y: number } | Element): void {
    this.place(this.card(title, subtitle, lines, undefined), at);
  }

  private place(content: Node[], at: { x: number; y: number } | Element): void {
    this.element.replaceChildren(...content);
    this.element.hidden = false;
    const box = this.element.getBoundingClientRect();
    let x: number;
    let y: number;
    if (at instanceof Element) {
      const r = at.getBoundingClientRect();
      x = r.left;
      y = r.bottom + 6;
    } else {
      x = at.x + 14;
      y = at.y + 16;
    }
    if (x + box.width > window.innerWidth - 8) x = Math.max(8, window.innerWidth - box.width - 8);
    if (y + box.height > window.innerHeight - 8) y = Math.max(8, (at instanceof Element ? at.getBoundingClientRect().top : at.y) - box.height - 8);
    this.element.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }

  private content(view: RoadmapView, target: Target): Node[] | undefined {
    const model = this.model;
    if (!model) return undefined;
    if (target.kind === 'bar') {
      const index = view.barIndex.get(target.id);
      if (index === undefined) return undefined;
      const bar = model.bars[index];
      const lane = model.lanes[bar.lane];
      const json = this.projects.get(bar.id);
      const lines: Array<[string, string]> = [
        ['Dates', bar.start === null || bar.end === null ? 'unscheduled' : `${day(bar.start)} → ${day(bar.end)}`],
        ['State', bar.state + (bar.critical ? ' · on the critical path' : bar.float !== null ? ` · float ${bar.float} days` : '')],
      ];
      if (bar.baselineStart !== null || bar.baselineEnd !== null) lines.push(['Baseline', `${day(bar.baselineStart)} → ${day(bar.baselineEnd)}`]);
      if (bar.forecastStart !== null && bar.forecastEnd !== null) {
        lines.push(['Forecast', `${day(bar.forecastStart)} → ${day(bar.forecastEnd)}${bar.forecastNote ? ` · ${bar.forecastNote}` : bar.forecastStart === bar.start && bar.forecastEnd === bar.end ? ' · on plan' : ''}`]);
      }
      if (json) lines.push(...figureRows(json.figures, lane.currency ?? ''));
      const milestones = view.milestonesOfProject.get(bar.id) ?? [];
      for (const m of milestones) lines.push(['Milestone', `${m.name} · ${day(m.date)} · ${milestoneState(m)}`]);
      return this.card(bar.name, `${bar.id} · ${laneTitle(lane)}`, lines, bar.source.file, bar.healthReasons.length ? `${bar.health}: ${bar.healthReasons.join('; ')}` : undefined);
    }
    if (target.kind === 'milestone') {
      const milestone = model.milestones.find((m) => m.key === target.key);
      if (!milestone) return undefined;
      const lines: Array<[string, string]> = [['Date', day(milestone.date)], ['State', milestoneState(milestone)]];
      if (milestone.forecast !== null && !milestone.done) lines.push(['Forecast', day(milestone.forecast)]);
      return this.card(milestone.name, milestone.id ?? 'milestone', lines, milestone.source.file, milestone.note ?? undefined);
    }
    const lane = model.lanes.find((l) => l.key === target.key);
    if (!lane) return undefined;
    const json = lane.program ? this.programs.get(lane.program.id) : undefined;
    const lines: Array<[string, string]> = [['Window', `${day(lane.start)} → ${day(lane.end)}`]];
    if (json) lines.push(...figureRows(json.figures, lane.currency ?? ''));
    const why = lane.health && lane.healthReasons.length ? `${lane.health}: ${lane.healthReasons.join('; ')}` : undefined;
    return this.card(laneTitle(lane), lane.program?.id ?? 'projects without a program', lines, lane.source?.file, why);
  }

  private card(title: string, subtitle: string, lines: ReadonlyArray<[string, string]>, file: string | undefined, why?: string): Node[] {
    const table = h('dl', { className: 'figures' });
    for (const [label, value] of lines) table.append(h('dt', { text: label }), h('dd', { text: value }));
    const nodes: Node[] = [h('div', { className: 'tooltip-title', text: title }), h('div', { className: 'tooltip-subtitle', text: subtitle }), table];
    if (why) nodes.push(h('div', { className: 'tooltip-why', text: why }));
    if (file) nodes.push(h('div', { className: 'tooltip-file', text: file }));
    return nodes;
  }
}
