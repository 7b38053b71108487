// The fast reader must build exactly the tree the full YAML parser builds, or give up.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fastReadYaml, plainStart, reservedKey, resolvePlain } from '../../src/core/syntax/fastReader';
import { defaultParseLimits, parsePlanFile, type YamlNode } from '../../src/core';

const slowLimits = { ...defaultParseLimits, fast: false };

/** The full parser's documents with content, in the fast reader's shape. */
function slowTrees(text: string): unknown[] {
  return parsePlanFile('x', text, slowLimits)
    .documents.filter((d) => d.root !== undefined)
    .map((d) => normalize(d.root));
}

function normalize(node: YamlNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'scalar':
      return { s: node.value, span: [...node.span] };
    case 'seq':
      return { seq: node.items.map(normalize), span: [...node.span] };
    case 'map':
      return { map: [...node.entries.values()].map((e) => [e.key, [...e.keySpan], normalize(e.value)]), span: [...node.span] };
  }
}

/** Fast and full agree wherever fast accepts; returns whether fast accepted. */
function agree(text: string): boolean {
  const fast = fastReadYaml(text, defaultParseLimits.maxDepth);
  if (!fast) return false;
  const slow = parsePlanFile('x', text, slowLimits);
  assert.equal(slow.diagnostics.length, 0, `fast accepted text the parser rejects:\n${text}\n${slow.diagnostics.map((d) => d.message).join('\n')}`);
  assert.deepStrictEqual(fast.map((d) => normalize(d.root)), slowTrees(text), `trees differ for:\n${text}`);
  return true;
}

function planFiles(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const full = join(folder, name);
    if (statSync(full).isDirectory()) found.push(...planFiles(full));
    else if (/\.plan\.ya?ml$/.test(name)) found.push(full);
  }
  return found;
}

// The hostile corpus is for robustness.test.ts: it is built to defeat fast paths.
const corpus = [...planFiles('examples'), ...planFiles('test/fixtures').filter((file) => !file.includes('hostile'))].map((file) => readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));

/** Texts of a property, each read both ways (`agree`): how many the fast reader read. */
function agreeing(texts: fc.Arbitrary<string>): number {
  let accepted = 0;
  fc.assert(
    fc.property(texts, (text) => {
      if (agree(text)) accepted++;
    }),
    { numRuns: 1500, seed: 20261206 },
  );
  return accepted;
}

/**
 * The first lines of a mapping whose keys stand at column `at` (0, 2 or 4): the document's, under a key,
 * or an item of a list, nested once or twice; its first key written.
 */
function holderAt(at: number, item: boolean): string[] {
  const lines: string[] = [];
  if (at === 2) lines.push(item ? '- first: 1' : 'outer:');
  if (at === 4) lines.push('top:', item ? '  - first: 1' : '  outer:');
  if (!(item && at > 0)) lines.push(`${' '.repeat(at)}first: 1`);
  return lines;
}

describe('fast YAML reader', () => {
  it('agrees with the full parser on every example and fixture, and reads most of them', () => {
    let accepted = 0;
    for (const text of corpus) if (agree(text)) accepted++;
    assert.ok(accepted >= corpus.length * 0.8, `fast reader accepted only ${accepted} of ${corpus.length}`);
  });

  it('agrees on generated workspaces and reads all of them', async () => {
    const { generateWorkspace } = await import('../../bench/generate.mjs');
    const files = generateWorkspace('M', 7) as Array<{ path: string; text: string }>;
    for (const file of files) assert.ok(agree(file.text), `fast reader gave up on ${file.path}`);
  });

  it('agrees with CRLF line endings', () => {
    for (const text of corpus.slice(0, 20)) agree(text.replace(/\r?\n/g, '\r\n'));
  });

  it('resolves plain scalars like the YAML 1.2 core schema', () => {
    const cases: Array<[string, unknown]> = [
      ['~', null], ['null', null], ['NULL', null], ['Null', null], ['true', true], ['False', false], ['yes', 'yes'], ['on', 'on'],
      ['12', 12], ['-3', -3], ['+7', 7], ['0o17', 15], ['0x1F', 31], ['1.5', 1.5], ['.5', 0.5], ['1e3', 1000], ['-.inf', -Infinity],
      ['.NaN', NaN], ['2026-01-05', '2026-01-05'], ['8w', '8w'], ['1_000', '1_000'], ['0.', 0], ['v1.2', 'v1.2'],
    ];
    for (const [text, value] of cases) assert.deepStrictEqual(resolvePlain(text), value, text);
  });

  it('resolves plain scalars as the regular expressions alone would (the first letter and a date told by character codes)', () => {
    // The core schema's patterns, each tried in turn: what resolvePlain gave before it looked at the first letter and at a `-`.
    const patterns: Array<[RegExp, (text: string) => unknown]> = [
      [/^(?:[Nn]ull|NULL)$/, () => null], [/^(?:[Tt]rue|TRUE)$/, () => true], [/^(?:[Ff]alse|FALSE)$/, () => false],
      [/^0o[0-7]+$/, (t) => parseInt(t.slice(2), 8)], [/^[-+]?[0-9]+$/, (t) => parseInt(t, 10)], [/^0x[0-9a-fA-F]+$/, (t) => parseInt(t.slice(2), 16)],
      [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (t) => (t.slice(-3).toLowerCase() === 'nan' ? NaN : t[0] === '-' ? -Infinity : Infinity)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat], [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ];
    const reference = (text: string): unknown => {
      if (text === '~') return null;
      const c = text.charCodeAt(0);
      for (const [pattern, value] of patterns.slice(0, 3)) if (pattern.test(text)) return value(text);
      if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) for (const [pattern, value] of patterns.slice(3)) if (pattern.test(text)) return value(text);
      return text;
    };
    const alphabet = fc.constantFrom(...'0123456789-+.eEoxXabcdfABCDFinNIaTtRrUuLlSs~_ '.split(''));
    const plain = fc.array(alphabet, { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
    const dateLike = fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('-', 'e-', 'E-', '.', '')).map(([y, m, d, sep]) => `${y}${sep}${m}-${d}`);
    fc.assert(fc.property(fc.oneof(plain, dateLike), (text) => Object.is(resolvePlain(text), reference(text)) || (Number.isNaN(resolvePlain(text)) && Number.isNaN(reference(text)))), { seed: 12, numRuns: 20_000 });
    for (const text of ['2026-01-05', '1e-5', '1E-5', '-1e-5', '-5', '2e-', '12-e5', 'Null', 'nULL', 'TRUE', 'tRUE', 'False', 'fALSE']) assert.ok(Object.is(resolvePlain(text), reference(text)), text);
  });

  it('tells a plain scalar’s start and a reserved key by character codes exactly as the regular expressions would', () => {
    const start = /[A-Za-z0-9_.~/(+$\u00a0-\uffff]|-[^\s]/y;
    const regexStart = (text: string) => {
      start.lastIndex = 0;
      return start.test(text);
    };
    for (let c = 0; c <= 0xffff; c++) {
      const one = String.fromCharCode(c);
      assert.equal(plainStart(one, 0), regexStart(one), `U+${c.toString(16)}`);
      assert.equal(plainStart(`-${one}`, 0), regexStart(`-${one}`), `- U+${c.toString(16)}`);
    }
    assert.equal(plainStart('-', 0), false, 'a lone dash at the end of the text');
    const reserved = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$/;
    for (const key of ['true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'fAlse', 'null', 'Null', 'NULL', 'nULL', 'name', 'node', 'trueish', 'tru', 'fa', 'nuts', 'falsE']) {
      assert.equal(reservedKey(key), reserved.test(key), key);
    }
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,6}$/), (key) => reservedKey(key) === reserved.test(key)), { seed: 7, numRuns: 2000 });
  });

  it('gives up on what it does not read: anchors, tags, block scalars it leaves to the parser, escapes YAML does not have, tabs, duplicate keys', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      '- |\n  text\n',
      'a: |2\n  text\n',
      'a: |\n\n  text\n',
      'a: >\n  text\n    more\n',
      'a: |\nb: 1\n',
      'a: |+\n  text',
      'a: "x\\qy"\n',
      'a: "x\\\n  y"\n',
      'a: "\\U00110000"\n',
      'a:\n\t- 1\n',
      'a: 1\na: 2\n',
      'a: b: c\n',
      'a: [1,\n2]\n',
      'a: [1\n  2]\n',
      'a: plain\n  - continued\n',
      'a: plain\n  key: value\n',
      '? complex\n: key\n',
      '"quoted key": 1\n',
      '%YAML 1.2\n---\na: 1\n',
    ]) {
      assert.equal(fastReadYaml(text, 64), undefined, text);
    }
  });

  it('finds a duplicate key in a long mapping, and reads a long one without', () => {
    const keys = Array.from({ length: 30 }, (_, i) => `k${i}: ${i}`);
    for (const at of [1, 17, 29]) {
      const text = [...keys.slice(0, at), 'k0: again', ...keys.slice(at)].join('\n') + '\n';
      assert.equal(fastReadYaml(text, 64), undefined, `duplicate after ${at} keys`);
      assert.equal(fastReadYaml(`root:\n${text.replace(/^/gm, '  ').trimEnd()}\n`, 64), undefined, `nested, duplicate after ${at} keys`);
    }
    assert.ok(agree(`${keys.join('\n')}\n`));
    const long = fastReadYaml(`${keys.join('\n')}\n`, 64)![0].root!;
    assert.ok(long.kind === 'map');
    assert.deepStrictEqual([long.entries.size, long.entries.get('k3')?.value.span, long.entries.get('k29')?.value.span, long.entries.has('k30')], [30, [22, 23], [217, 219], false]);
    assert.ok(agree(`- ${keys.join('\n  ')}\n- a: 1\n`));
  });

  it('agrees on random plan-like documents (property)', () => {
    const scalar = fc.oneof(
      fc.constantFrom('x', 'alpha-1', '2026-01-05', '8w', '12', '-3', '1.5', 'true', 'null', '~', 'Yes', 'a b c', 'it\'s', 'a#b', 'a # c', 'é ü', '0x1F', '.inf'),
      fc.string({ maxLength: 8 }),
    );
    const quoted = fc.oneof(scalar.map((s) => `"${s}"`), scalar.map((s) => `'${s}'`));
    const flowList = fc.array(fc.oneof(scalar, quoted), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`);
    const flowMap = fc
      .array(fc.tuple(fc.constantFrom('id', 'name', 'depends_on', 'start', 'x-y'), fc.oneof(scalar, quoted, flowList)), { maxLength: 4 })
      .map((pairs) => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
    const inline = fc.oneof(scalar, quoted, flowList, flowMap, fc.array(flowMap, { maxLength: 3 }).map((maps) => `[${maps.join(', ')}]`));
    const key = fc.constantFrom('id', 'name', 'x-note', 'start', 'depends_on', 'team', 'a', 'b_c', 'true', '1', 'k.v');
    const block: fc.Memo<string[]> = fc.memo((n) =>
      n <= 1
        ? fc.array(fc.tuple(key, inline).map(([k, v]) => `${k}: ${v}`), { minLength: 1, maxLength: 4 })
        : fc.oneof(
            fc.array(fc.tuple(key, block(n - 1)).map(([k, lines]) => [`${k}:`, ...lines.map((l) => `  ${l}`)]), { minLength: 1, maxLength: 3 }).map((x) => x.flat()),
            fc.array(block(n - 1), { minLength: 1, maxLength: 3 }).map((items) => items.flatMap((lines) => [`- ${lines[0]}`, ...lines.slice(1).map((l) => `  ${l}`)])),
            fc.array(fc.tuple(key, inline).map(([k, v]) => `${k}: ${v}`), { minLength: 1, maxLength: 4 }),
          ),
    );
    const decorate = fc.tuple(block(3), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean()).map(([lines, eol, comments, markers]) => {
      const out = comments ? lines.flatMap((l, i) => (i % 3 === 0 ? ['# note', l] : [`${l}`])) : lines;
      return (markers ? ['---', ...out, '---', ...out] : out).join(eol) + eol;
    });
    fc.assert(fc.property(decorate, (text) => void agree(text)), { numRuns: 400, seed: 20261125 });
  });

  it('reads block scalars as the full parser does (property)', () => {
    const word = fc.constantFrom('Move', 'the service', 'a: b', '# not a comment', '- item', '"quoted"', "it's", '[x]', 'é', 'x  y');
    // A line of a block scalar: text, an empty line, a line of spaces, a more indented line.
    const line = fc.oneof(
      { arbitrary: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => ({ text: w.join(' ') })), weight: 6 },
      { arbitrary: fc.constant({ empty: '' }), weight: 2 },
      { arbitrary: fc.constantFrom(' ', '  ', '      ').map((spaces) => ({ empty: spaces })), weight: 1 },
      { arbitrary: word.map((w) => ({ more: w })), weight: 1 },
    );
    const scalar = fc.record({
      indicator: fc.constantFrom('|', '>'),
      chomp: fc.constantFrom('', '-', '+'),
      header: fc.constantFrom('', '', '', '  # note', ' ', '#x', '2'),
      lines: fc.array(line, { minLength: 1, maxLength: 5 }),
      deeper: fc.constantFrom(1, 2, 4),
      lead: fc.constantFrom('', '', '', '', 'empty'),
    });
    const text = fc
      .record({
        scalar,
        at: fc.constantFrom(0, 2, 4),
        item: fc.boolean(),
        after: fc.constantFrom('key', 'key', 'comment', 'comment-deep', 'end', 'end-no-break', 'odd'),
        eol: fc.constantFrom('\n', '\r\n'),
      })
      .map(({ scalar: b, at, item, after, eol }) => {
        const pad = ' '.repeat(at);
        const content = ' '.repeat(at + b.deeper);
        const lines = holderAt(at, item);
        lines.push(`${pad}d: ${b.indicator}${b.chomp}${b.header}`);
        if (b.lead === 'empty') lines.push('');
        for (const l of b.lines) lines.push('text' in l ? `${content}${l.text}` : 'more' in l ? `${content}  ${l.more}` : l.empty);
        if (after === 'key') lines.push(`${pad}next: 2`);
        if (after === 'comment') lines.push(`${pad}# a comment`, `${pad}next: 2`);
        if (after === 'comment-deep') lines.push(`${content}# inside`, `${pad}next: 2`);
        if (after === 'odd') lines.push(`${' '.repeat(at + 1)}odd: 3`);
        return lines.join(eol) + (after === 'end-no-break' ? '' : eol);
      });
    const accepted = agreeing(text);
    assert.ok(accepted > 300, `the fast reader read ${accepted} of 1,500`);
  });

  it('reads a plain scalar that goes on over the lines below as the full parser does (property)', () => {
    const piece = fc.constantFrom('alpha', 'beta 2', '12', 'true', 'é ü', 'x-y', 'a:b', 'c#d', '- dash', '[x]', '# c', 'k: v', 'end:', 'trailing  ', 'a # b');
    const more = fc.oneof(
      { arbitrary: fc.tuple(fc.constantFrom(0, 1, 2, 4), piece).map(([deeper, text]) => ({ deeper, text })), weight: 5 },
      { arbitrary: fc.constant({ deeper: -1, text: '' }), weight: 1 },
      { arbitrary: fc.constant({ deeper: 2, text: '# comment' }), weight: 1 },
    );
    const text = fc
      .record({
        first: piece,
        more: fc.array(more, { minLength: 1, maxLength: 4 }),
        at: fc.constantFrom(0, 2, 4),
        item: fc.boolean(),
        after: fc.constantFrom('key', 'end', 'end-no-break'),
        eol: fc.constantFrom('\n', '\r\n'),
      })
      .map(({ first, more: lines, at, item, after, eol }) => {
        const pad = ' '.repeat(at);
        const out = holderAt(at, item);
        out.push(`${pad}d: ${first}`);
        for (const l of lines) out.push(l.deeper < 0 ? '' : `${' '.repeat(at + l.deeper)}${l.text}`);
        if (after === 'key') out.push(`${pad}next: 2`);
        return out.join(eol) + (after === 'end-no-break' ? '' : eol);
      });
    const accepted = agreeing(text);
    assert.ok(accepted > 200, `the fast reader read ${accepted} of 1,500`);
  });

  it('reads a flow list or mapping over several lines as the full parser does (property)', () => {
    const scalar = fc.constantFrom('a', 'prj-1', '12', '"q, r"', "'s'", 'x y', '');
    // Where a line may break inside the collection: its indentation past the holder's column (0 or less: the full parser's), and what the line holds first.
    const lineBreak = fc.record({ deeper: fc.constantFrom(-1, 0, 1, 2, 4), comment: fc.boolean(), empty: fc.boolean() });
    const flow: fc.Memo<string> = fc.memo((n) =>
      fc
        .tuple(fc.boolean(), fc.array(n <= 1 ? scalar : fc.oneof(scalar, flow(n - 1)), { minLength: 1, maxLength: 4 }), fc.array(fc.option(lineBreak, { nil: undefined, freq: 2 }), { minLength: 6, maxLength: 6 }), fc.boolean())
        .map(([isMap, items, breaks, trailing]) => {
          const parts = items.map((item, i) => (isMap ? `k${i}: ${item}` : item));
          let out = isMap ? '{ ' : '[';
          parts.forEach((part, i) => {
            const b = breaks[i % breaks.length];
            if (b) out += `${i > 0 && b.comment ? ' # note' : ''}<br>${b.empty ? '<br>' : ''}<indent ${b.deeper}>`;
            out += part + (i < parts.length - 1 ? ', ' : '');
          });
          const last = breaks[5];
          // A comma after the last item, now and then (Prettier writes one).
          return out + (trailing ? ',' : '') + (last ? `<br><indent ${last.deeper}>` : '') + (isMap ? ' }' : ']');
        }),
    );
    const text = fc
      .record({ value: flow(3), at: fc.constantFrom(0, 2, 4), item: fc.boolean(), where: fc.constantFrom('value', 'below', 'list-item'), eol: fc.constantFrom('\n', '\r\n') })
      .map(({ value, at, item, where, eol }) => {
        const lines = holderAt(at, item);
        const pad = ' '.repeat(at);
        const head = where === 'value' ? `${pad}d: ` : where === 'below' ? `${pad}d:${eol}${pad}  ` : `${pad}d:${eol}${pad}  - `;
        // Each break: a line break, an empty line maybe, then the indentation past the holder's column.
        const written = value.replace(/<br>/g, eol).replace(/<indent (-?\d+)>/g, (_, deeper: string) => ' '.repeat(Math.max(0, at + Number(deeper))));
        lines.push(head + written, `${pad}next: 2`);
        return lines.join(eol) + eol;
      });
    const accepted = agreeing(text);
    assert.ok(accepted > 200, `the fast reader read ${accepted} of 1,500`);
    // As a formatter writes a long list, and with comment lines between, in the first column too.
    for (const t of ['key:\n  [\n    a,\n    b,\n  ]\n', 'team:\n  [\n    { person: p2, allocation: 20 },\n    { person: p3 },\n  ]\n', 'k: [a, b,]\n', 'k: { a: 1, }\n', 'key: [a,\n  # c\n  b]\n', 'key: [a,\n# c\n  b]\n', 'key: { a: 1,\n\n  b: [c,\n    d] }\n']) assert.ok(agree(t), t);
  });

  it('reads the escapes of double-quoted scalars as the full parser does (property)', () => {
    const piece = fc.constantFrom(
      'x', ' ', '# c', ': ', "'", '\\"', '\\\\', '\\/', '\\n', '\\t', '\\0', '\\a', '\\b', '\\v', '\\f', '\\r', '\\e', '\\ ', '\\N', '\\_', '\\L', '\\P',
      '\\x41', '\\xe9', '\\u00e9', '\\u20AC', '\\ud83d', '\\ude00', '\\U0001F600', '\\U0010FFFF', '\\U00110000', '\\q', '\\x4', '\\uZZZZ', '\\', 'é',
    );
    const quoted = fc.array(piece, { maxLength: 6 }).map((pieces) => `"${pieces.join('')}"`);
    const text = fc
      .tuple(quoted, quoted, fc.constantFrom('value', 'flow-list', 'flow-map', 'item'), fc.constantFrom('\n', '\r\n'))
      .map(([a, b, where, eol]) =>
        (where === 'value' ? [`a: ${a}`, `b: ${b} # note`] : where === 'flow-list' ? [`a: [${a}, ${b}]`] : where === 'flow-map' ? [`a: { k: ${a}, l: ${b} }`] : [`- ${a}`, `- ${b}`]).join(eol) + eol,
      );
    const accepted = agreeing(text);
    assert.ok(accepted > 300, `the fast reader read ${accepted} of 1,500`);
  });

  it('agrees on mutated plan files (property)', () => {
    const seeds = corpus.filter((t) => t.length < 4000);
    const mutation = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(' ', ':', '-', '#', '"', "'", '[', ']', '{', '}', ',', '\n', '&', '*', '!', '|', '>', 'x', '  '), fc.constantFrom('insert', 'delete', 'replace'));
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, mutations) => {
        let text = seeds[which];
        for (const [at, length, char, kind] of mutations) {
          const i = at % (text.length + 1);
          if (kind === 'insert') text = text.slice(0, i) + char + text.slice(i);
          else if (kind === 'delete') text = text.slice(0, i) + text.slice(i + 1 + (length % 3));
          else text = text.slice(0, i) + char + text.slice(i + 1);
        }
        agree(text);
      }),
      { numRuns: 600, seed: 42 },
    );
  });
});
