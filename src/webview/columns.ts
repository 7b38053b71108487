/**
 * The rollup table's column chooser: a button over the table opening a list of its columns, each with
 * a check box. The essential columns show by default and the rest are opt-in, so the table stays
 * readable in a window 1,400 px wide however many figures it can show; the choice is kept in the view
 * state (see state.ts) and survives updates and window reloads.
 */
import { h } from './dom';
import type { SortKey } from './state';

/** What the chooser needs to know of a column. */
export interface ChoosableColumn {
  readonly key: SortKey;
  readonly label: string;
  readonly title: string;
}

export interface ChooserEvents {
  /** The user showed (true) or hid (false) a column; `null` for every column: back to the defaults. */
  choose(key: SortKey | null, shown: boolean): void;
}

export class ColumnChooser {
  readonly element: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly menu: HTMLElement;
  private readonly list = h('ul', { className: 'column-list' });
  private columns: readonly ChoosableColumn[] = [];
  private shown: ReadonlySet<SortKey> = new Set();

  constructor(private readonly events: ChooserEvents) {
    this.button = h('button', {
      className: 'button column-button',
      attrs: { type: 'button', 'aria-haspopup': 'true', 'aria-expanded': 'false', title: 'Choose the columns of the table' },
      text: 'Columns',
    });
    const reset = h('button', { className: 'button', attrs: { type: 'button', title: 'Show the essential columns only' }, text: 'Defaults' });
    reset.addEventListener('click', () => this.events.choose(null, true));
    this.menu = h('div', { className: 'column-menu', attrs: { role: 'group', 'aria-label': 'Columns of the rollup table' } }, this.list, h('div', { className: 'column-menu-foot' }, reset));
    this.menu.hidden = true;
    this.element = h('div', { className: 'column-chooser' }, this.button, this.menu);
    this.button.addEventListener('click', () => this.open(this.menu.hidden));
    this.list.addEventListener('change', (event) => {
      const box = event.target;
      if (box instanceof HTMLInputElement && box.dataset.column) this.events.choose(box.dataset.column as SortKey, box.checked);
    });
    // Closes on Escape (back to the button) and on a click anywhere else.
    this.element.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || this.menu.hidden) return;
      event.stopPropagation();
      this.open(false);
      this.button.focus();
    });
    document.addEventListener('pointerdown', (event) => {
      if (!this.menu.hidden && !this.element.contains(event.target as Node)) this.open(false);
    });
  }

  /** The columns that can be chosen, in table order, and which of them show. */
  setColumns(columns: readonly ChoosableColumn[], shown: ReadonlySet<SortKey>): void {
    this.columns = columns;
    this.shown = shown;
    const count = columns.filter((column) => shown.has(column.key)).length;
    this.button.textContent = `Columns (${count} of ${columns.length})`;
    if (!this.menu.hidden) this.fill();
  }

  /** The list of check boxes: built while the menu is open only (the page keeps few elements). */
  private fill(): void {
    const { columns, shown } = this;
    const boxes = [...this.list.querySelectorAll('input')];
    if (boxes.length === columns.length && boxes.every((box, i) => box.dataset.column === columns[i].key)) {
      // The same columns: only their check marks change, and the focus stays where it is.
      boxes.forEach((box, i) => (box.checked = shown.has(columns[i].key)));
      return;
    }
    this.list.replaceChildren(
      ...columns.map((column) => {
        const box = h('input', { attrs: { type: 'checkbox', 'data-column': column.key } });
        box.checked = shown.has(column.key);
        const detail = column.title !== column.label ? h('span', { className: 'column-title', text: column.title }) : null;
        return h('li', {}, h('label', { className: 'check' }, box, h('span', { className: 'column-label', text: column.label }), detail));
      }),
    );
  }

  private open(on: boolean): void {
    if (on) this.fill();
    else this.list.replaceChildren();
    this.menu.hidden = !on;
    this.button.setAttribute('aria-expanded', String(on));
    if (on) this.list.querySelector('input')?.focus();
  }
}
