/**
 * The roadmap panel's schedule quality (SPEC 11): the workspace's metrics, each failing one with its
 * offenders as links that open the project (or program) where it is defined, as clicking a bar does.
 * Collapsed by default under a one-line summary; it keeps open or closed across updates.
 */
import type { QualitySummary } from '../core';
import { h } from './dom';

export class QualityPanel {
  readonly element = h('details', { className: 'quality' });
  private readonly summary = h('summary', { className: 'quality-summary' });
  private readonly body = h('div', { className: 'quality-body' });

  constructor(open: (id: string) => void) {
    this.element.append(this.summary, this.body);
    this.element.hidden = true;
    this.body.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button[data-open]');
      if (button instanceof HTMLButtonElement && button.dataset.open !== undefined) open(button.dataset.open);
    });
  }

  /** Shows the metrics of a model, or nothing (a model without them: an export, or the outline). */
  set(quality: QualitySummary | undefined): void {
    this.element.hidden = quality === undefined;
    if (!quality) return;
    const total = quality.metrics.length;
    this.summary.textContent = quality.failing === 0 ? `Schedule quality: all ${total} metrics pass` : `Schedule quality: ${quality.failing} of ${total} metrics fail`;
    this.summary.className = `quality-summary${quality.failing > 0 ? ' failing' : ''}`;
    const failing = quality.metrics.filter((m) => !m.pass);
    const passing = quality.metrics.filter((m) => m.pass);
    const list = h(
        'ul',
        { className: 'quality-list' },
        ...failing.map((m) =>
          h(
            'li',
            { className: 'quality-metric failing', attrs: { 'data-metric': m.id } },
            h('strong', { text: `${m.label}: ${m.value}` }),
            ` (passes ${m.threshold}) — ${m.basis}`,
            m.offenders.length > 0
              ? h(
                  'span',
                  { className: 'quality-offenders' },
                  m.id === 'bei' ? ' — not done: ' : ': ',
                  ...m.offenders.flatMap((o, i) => [
                    i > 0 ? ', ' : '',
                    h('button', { className: 'link', attrs: { type: 'button', 'data-open': o.id, title: `${o.id}: open where it is defined` }, text: o.name }),
                  ]),
                  m.more > 0 ? ` and ${m.more} more (plan-as-code quality lists them all)` : '',
                )
              : null,
          ),
        ),
      );
    const rest = h('p', { className: 'quality-passing', text: passing.length > 0 ? `Passing: ${passing.map((m) => `${m.label} ${m.value}`).join(' · ')}` : '' });
    this.body.replaceChildren(...(failing.length > 0 ? [list] : []), rest);
  }
}
