/**
 * What may be typed at a position of a plan file, read from the text around the cursor (the text may
 * be mid-edit and not parse). Used by completion in the editor.
 */
import { healthValues, issueSeverities, projectStates, type EntityKind } from '../model/entities';

export type CompletionContext =
  | { readonly kind: 'reference'; readonly key: string; readonly targets: readonly EntityKind[]; readonly prefixStart: number }
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

/** The completion context at an offset, or undefined where no value is expected. */
export function completionContextAt(text: string, offset: number): CompletionContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  const word = /[A-Za-z0-9_.-]*$/.exec(prefix)![0];
  const prefixStart = offset - word.length;
  // In a comment (`  # see {`, `depends_on: [a]  # also {`) nothing is expected, whatever the comment says.
  if (commentStartIn(prefix) !== undefined) return undefined;

  // Inside a flow mapping (`team: [{ person: al`, `- { id: b, program: pl`): the key last written in it, when
  // it names something (an entry's other values depend on what the mapping is, which the line may not say).
  if (prefix.split('{').length > prefix.split('}').length) {
    const inFlow = /[{,]\s*([A-Za-z_]+)\s*:\s*(\[[^\]]*)?[A-Za-z0-9_.-]*$/.exec(prefix);
    const flowKey = inFlow?.[1];
    const listed = inFlow?.[2] !== undefined;
    if (!flowKey || !referenceKeys[flowKey] || listed !== (flowKey === 'depends_on')) return undefined;
    return { kind: 'reference', key: flowKey, targets: referenceKeys[flowKey], prefixStart };
  }
  let key: string | undefined;
  const keyValue = /^(\s*)(?:-\s+)?([A-Za-z_]+)\s*:\s*(.*)$/.exec(prefix);
  const listItem = /^(\s*)-\s*([A-Za-z0-9_.-]*)$/.exec(prefix);
  let indent: number;
  if (keyValue) {
    key = keyValue[2];
    indent = keyValue[1].length;
    // At a document's root, `program:` and `portfolio:` open the entity: its mapping follows, not an id.
    if (indent === 0 && !/^\s*-/.test(prefix) && (key === 'program' || key === 'portfolio')) return undefined;
    const after = keyValue[3];
    // Inside a flow list (`depends_on: [a, b`) only references make sense; after a closing `]` nothing does.
    if (after.includes(']') || after.includes('#')) return undefined;
    if (!after.startsWith('[') && after.slice(0, after.length - word.length).trim() !== '') return undefined;
  } else if (listItem) {
    indent = listItem[1].length;
    key = parentKey(text, lineStart, indent, true);
    if (key !== 'depends_on') return undefined;
  } else {
    return undefined;
  }
  if (!key) return undefined;
  const targets = referenceKeys[key];
  if (targets) return { kind: 'reference', key, targets, prefixStart };
  const values = valuesFor(key, parentKey(text, lineStart, indent, false));
  return values ? { kind: 'value', key, values, prefixStart } : undefined;
}

/**
 * Where a comment starts in the text of a line, or undefined when it has none: a `#` at the line's start
 * or after a space or tab, outside a quoted scalar (`name: "A #1"` and `id: b#2` have none).
 */
function commentStartIn(line: string): number | undefined {
  let quote: string | undefined;
  // Whether a quote here would open a quoted scalar (`it's` is plain text), and whether a space here would allow one.
  let scalarMayStart = true;
  let afterIndicator = false;
  let depth = 0;
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
      return i;
    } else if ((char === '"' || char === "'") && scalarMayStart) {
      quote = char;
      scalarMayStart = false;
    } else if (((char === '[' || char === '{') && scalarMayStart) || (char === ',' && depth > 0)) {
      // A flow collection opens only where a value may start (`name: a[1]` is plain text), and a comma separates only in one.
      if (char !== ',') depth++;
      scalarMayStart = true;
      afterIndicator = false;
    } else {
      if ((char === ']' || char === '}') && depth > 0) depth--;
      afterIndicator = char === ':' || ((char === '-' || char === '?') && scalarMayStart);
      scalarMayStart = false;
    }
  }
  return undefined;
}

/**
 * The key that opens the block containing a line: the nearest line above with a smaller indent
 * (or, for a list item, the same indent) that ends in `key:`.
 */
function parentKey(text: string, lineStart: number, indent: number, forListItem: boolean): string | undefined {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const lineIndent = /^\s*/.exec(line)![0].length;
    const opener = /^\s*(?:-\s+)?([A-Za-z_]+)\s*:\s*(?:#.*)?$/.exec(line);
    if (opener && (lineIndent < indent || (forListItem && lineIndent === indent && !/^\s*-/.test(line)))) return opener[1];
    if (lineIndent < indent && !opener) {
      // A sibling key with a value at a lower indent ends the search only when it is not a list item start.
      if (!/^\s*-/.test(line)) return undefined;
    }
  }
  return undefined;
}
