/**
 * What may be typed at a position of a plan file, read from the text around the cursor (the text may
 * be mid-edit and not parse). Used by completion in the editor.
 */
import { healthValues, issueSeverities, projectStates, type EntityKind } from '../model/entities';

export type CompletionContext =
  | {
      readonly kind: 'reference';
      readonly key: string;
      readonly targets: readonly EntityKind[];
      readonly prefixStart: number;
      /** The key takes a list and none is open (`depends_on: |`): an id goes in as a list of one, `[id]`. */
      readonly asList?: boolean;
    }
  | { readonly kind: 'value'; readonly key: string; readonly values: readonly string[]; readonly prefixStart: number };

const referenceKeys: Record<string, readonly EntityKind[]> = {
  depends_on: ['project', 'milestone'],
  program: ['program'],
  portfolio: ['portfolio'],
  person: ['person'],
  manager: ['person'],
  owner: ['person'],
};

const currencies = ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'CNY', 'INR', 'SEK', 'NOK', 'DKK', 'PLN', 'BRL'];

function valuesFor(key: string, listKey: string | undefined): readonly string[] | undefined {
  switch (key) {
    case 'health':
      return healthValues;
    case 'state':
      return listKey === 'risks' || listKey === 'issues' ? ['open', 'closed'] : projectStates;
    case 'severity':
      return issueSeverities;
    case 'likelihood':
    case 'impact':
      return ['1', '2', '3', '4', '5'];
    case 'done':
      return ['true', 'false'];
    case 'version':
      return ['1'];
    case 'currency':
      return currencies;
    default:
      return undefined;
  }
}

/** At a document's root, `program:` and `portfolio:` open the entity: its mapping follows, not an id. */
function opensEntity(rootKey: string): boolean {
  return rootKey === 'program' || rootKey === 'portfolio';
}

/** The completion context at an offset, or undefined where no value is expected. */
export function completionContextAt(text: string, offset: number): CompletionContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  const word = /[A-Za-z0-9_.-]*$/.exec(prefix)![0];
  const prefixStart = offset - word.length;
  const line = readLine(prefix);
  // In a comment (`  # see {`, `depends_on: [a]  # also {`) nothing is expected, whatever the comment says.
  if (line.inComment) return undefined;
  const indent = /^\s*/.exec(prefix)![0].length;
  // A list item (`- state:`, `- { state:`) is in the list whose key may stand at the item's own indent (`risks:` then `- id: r1`).
  const isListItem = /^\s*-\s/.test(prefix);

  const inner = line.open[line.open.length - 1];
  // Inside a flow list only depends_on names ids (`depends_on: [a, `, `{ id: b, depends_on: [a, `); a key that
  // takes one value (`health: [`, `person: [`) gets nothing there.
  if (inner?.bracket === '[') {
    return inner.key === 'depends_on' && prefix.slice(inner.entryStart).trim() === word ? { kind: 'reference', key: inner.key, targets: referenceKeys.depends_on, prefixStart } : undefined;
  }
  // Inside a flow mapping (`team: [{ person: al`, `- { id: b, state: ac`): the key of the entry being written,
  // read as in block style; the mapping is an item of the list it is written in, else of the block above.
  if (inner?.bracket === '{') {
    const entry = prefix.slice(inner.entryStart);
    const flowKey = /^\s*([A-Za-z_]+)\s*:\s*[A-Za-z0-9_.-]*$/.exec(entry)?.[1];
    if (!flowKey) return undefined;
    // depends_on takes a list: an id goes in as a list of one.
    if (flowKey === 'depends_on') return { kind: 'reference', key: flowKey, targets: referenceKeys.depends_on, prefixStart, asList: true };
    // A document written as one flow mapping (`{ program: `): its root key opens the entity, as in block style.
    if (line.open.length === 1 && prefix.startsWith('{') && opensEntity(flowKey)) return undefined;
    if (referenceKeys[flowKey]) return { kind: 'reference', key: flowKey, targets: referenceKeys[flowKey], prefixStart };
    const values = valuesFor(flowKey, inner.key ?? parentKey(text, lineStart, indent, isListItem));
    return values ? { kind: 'value', key: flowKey, values, prefixStart } : undefined;
  }
  let key: string | undefined;
  const keyValue = /^(\s*)(?:-\s+)?([A-Za-z_]+)\s*:\s*(.*)$/.exec(prefix);
  const listItem = /^(\s*)-\s*([A-Za-z0-9_.-]*)$/.exec(prefix);
  if (keyValue) {
    key = keyValue[2];
    if (indent === 0 && !isListItem && opensEntity(key)) return undefined;
    const after = keyValue[3];
    // After a value (`health: green `, a closed list `depends_on: [a] `) nothing is expected.
    if (after.slice(0, after.length - word.length).trim() !== '') return undefined;
    // depends_on takes a list: an id goes in as a list of one, as in a flow mapping.
    if (key === 'depends_on') return { kind: 'reference', key, targets: referenceKeys.depends_on, prefixStart, asList: true };
  } else if (listItem) {
    key = parentKey(text, lineStart, indent, true);
    if (key !== 'depends_on') return undefined;
  } else {
    return undefined;
  }
  if (!key) return undefined;
  const targets = referenceKeys[key];
  if (targets) return { kind: 'reference', key, targets, prefixStart };
  const values = valuesFor(key, parentKey(text, lineStart, indent, isListItem));
  return values ? { kind: 'value', key, values, prefixStart } : undefined;
}

/** A flow collection still open at the cursor, and where the entry being written in it starts. */
interface OpenCollection {
  readonly bracket: '{' | '[';
  /** The key it is the value of (`team: [`, `baseline: {`); an item of a flow list has the list's key. */
  readonly key: string | undefined;
  entryStart: number;
}

/**
 * How a line reads up to the cursor: whether a comment has started (a `#` at the line's start or after a
 * space or tab, outside a quoted scalar: `name: "A #1"` and `id: b#2` hold none), and the flow
 * collections still open, innermost last.
 */
function readLine(line: string): { readonly inComment: boolean; readonly open: readonly OpenCollection[] } {
  const open: OpenCollection[] = [];
  let quote: string | undefined;
  // Whether a quote or bracket here would open a scalar or collection (`it's`, `a[1]` are plain text), and whether a space here would allow one.
  let scalarMayStart = true;
  let afterIndicator = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (quote === '"' && char === '\\') i++;
      else if (quote === "'" && char === "'" && line[i + 1] === "'") i++;
      else if (char === quote) quote = undefined;
    } else if (char === ' ' || char === '\t') {
      if (afterIndicator) scalarMayStart = true;
      afterIndicator = false;
    } else if (char === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
      return { inComment: true, open };
    } else if ((char === '"' || char === "'") && scalarMayStart) {
      quote = char;
      scalarMayStart = false;
    } else if ((char === '[' || char === '{') && scalarMayStart) {
      const parent = open[open.length - 1];
      const opener = /^\s*(?:-\s+)?([A-Za-z_]+)\s*:\s*$/.exec(line.slice(parent?.entryStart ?? 0, i));
      open.push({ bracket: char, key: opener?.[1] ?? (parent?.bracket === '[' ? parent.key : undefined), entryStart: i + 1 });
      scalarMayStart = true;
      afterIndicator = false;
    } else if (char === ',' && open.length > 0) {
      // A comma separates entries only in a flow collection.
      open[open.length - 1].entryStart = i + 1;
      scalarMayStart = true;
      afterIndicator = false;
    } else {
      if ((char === ']' || char === '}') && open.length > 0) open.pop();
      afterIndicator = char === ':' || ((char === '-' || char === '?') && scalarMayStart);
      scalarMayStart = false;
    }
  }
  return { inComment: false, open };
}

/**
 * The key that opens the block containing a line: the nearest line above that ends in `key:` with the key
 * left of the line's indent (for a list item, at its dash or left of it: `risks:` then `- id: r1`). A key
 * after a dash stands where it is written (`- issues:` holds `issues` two columns right of its dash), and
 * an item of an enclosing list moves the limit to its dash: its list's key is at or left of it.
 */
function parentKey(text: string, lineStart: number, indent: number, forListItem: boolean): string | undefined {
  // The parent's key stands left of this column.
  let limit = forListItem ? indent + 1 : indent;
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const lineIndent = /^\s*/.exec(line)![0].length;
    const opener = /^(\s*(?:-\s+)?)([A-Za-z_]+)\s*:\s*(?:#.*)?$/.exec(line);
    if (opener && opener[1].length < limit) return opener[2];
    if (/^\s*-(?:\s|$)/.test(line)) {
      if (lineIndent < limit) limit = lineIndent + 1;
    } else if (lineIndent < limit && !opener) {
      // A key with a value left of the limit: the block has ended.
      return undefined;
    }
  }
  return undefined;
}
