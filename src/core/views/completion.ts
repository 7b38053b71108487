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
