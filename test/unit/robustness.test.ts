// Hostile input: every file of the committed corpus (test/fixtures/hostile), generated giants, and seeded
// random and mutated text yield diagnostics — never an exception, a hang or a crash — and one bad file
// never hides another file's diagnostics. (test/cli/robustness.test.ts runs the built CLI on the corpus.)
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzePlans, defaultParseLimits, formatDay, toRollupJson, type Analysis } from '../../src/core';
import { utf8Length } from '../../src/core/syntax/parser';
import { decode, hostileCorpus } from '../utils/plans';

const corpus = hostileCorpus();

/** A plan with one known warning, to prove that a bad neighbour hides nothing. */
const healthy = {
  path: 'healthy.plan.yaml',
  text: 'project:\n  id: healthy\n  name: Healthy\n  start: 2026-01-05\n  duration: 2w\n  budget: 100\n  spent: 150\n',
};

/** Every diagnostic must point inside its file: its lines exist and its columns lie within them. */
function assertSane(analysis: Analysis, files: ReadonlyArray<{ path: string; text: string }>): void {
  // Lines as YAML 1.2 and editors break them: LF, CRLF, or a lone CR.
  const linesOf = new Map(files.map((f) => [f.path, f.text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)]));
  for (const d of analysis.diagnostics) {
    const lines = linesOf.get(d.file);
    assert.ok(lines !== undefined, `diagnostic for an unknown file ${d.file}`);
    const { start, end } = d.range;
    for (const [what, position] of [['start', start], ['end', end]] as const) {
      assert.ok(position.line >= 0 && position.line < lines.length, `${d.file}: ${what} line ${position.line} outside 0..${lines.length - 1}`);
      // A column may stand just after the last character (an empty value at the end of a line).
      assert.ok(position.character >= 0 && position.character <= lines[position.line].length, `${d.file}:${position.line + 1}: ${what} column ${position.character} outside 0..${lines[position.line].length}`);
    }
    assert.ok(end.line > start.line || (end.line === start.line && end.character >= start.character), `${d.file}: the range ends before it starts`);
    assert.ok(d.message.length > 0 && d.message.length < 2000, `${d.file}: message of ${d.message.length} characters`);
  }
  // Every output must serialise: no cycles, no functions.
  JSON.stringify(toRollupJson(analysis));
}

function analyze(files: ReadonlyArray<{ path: string; text: string }>): Analysis {
  const analysis = analyzePlans(files, { statusDate: 20_600 });
  assertSane(analysis, files);
  return analysis;
}

/** Per-case timings, for the summary line the reliability table (docs/RELIABILITY.md) quotes. */
const timings: Array<{ name: string; ms: number }> = [];
function timed<T>(name: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  timings.push({ name, ms: performance.now() - started });
  return result;
}

describe('hostile input', function () {
  this.timeout(120_000);

  after(() => {
    const slowest = [...timings].sort((a, b) => b.ms - a.ms)[0];
    if (slowest) console.log(`      robustness: ${timings.length} timed cases, no exception; slowest ${slowest.name} ${slowest.ms.toFixed(0)} ms`);
  });

  describe('the committed corpus', () => {
    it('has the 22 cases the reliability table counts', () => {
      // docs/RELIABILITY.md says 22: adding a case means saying so there.
      assert.equal(corpus.length, 22, corpus.map((c) => c.name).join(', '));
    });

    for (const { name, text } of corpus) {
      it(`${name}: diagnostics, no exception, and the healthy neighbour's warning survives`, () => {
        const analysis = timed(name, () => analyze([{ path: name, text }, healthy]));
        assert.ok(
          analysis.diagnostics.some((d) => d.file === healthy.path && d.code === 'overspent'),
          `the healthy file's overspent warning is missing next to ${name}`,
        );
        const own = analysis.diagnostics.filter((d) => d.file === name);
        // Odd but valid: control characters, far dates, replaced bytes, a 200,000-character name, 2,000 documents.
        const clean = ['empty.plan.yaml', 'whitespace.plan.yaml', 'control-chars.plan.yaml', 'far-dates.plan.yaml', 'invalid-utf8.plan.yaml', 'long-line.plan.yaml', 'many-documents.plan.yaml'];
        if (clean.includes(name)) assert.deepEqual(own, []);
        else assert.ok(own.length > 0, `${name} should give at least one diagnostic`);
      });
    }

    it('names the limit that stopped an alias bomb and deep nesting', () => {
      // One yaml-syntax error for the document, and nothing read from it.
      const messages = (name: string) => {
        const { diagnostics } = analyze([{ path: name, text: corpus.find((c) => c.name === name)!.text }]);
        assert.deepEqual(diagnostics.map((d) => d.code), ['yaml-syntax'], name);
        return diagnostics[0].message;
      };
      assert.match(messages('alias-bomb.plan.yaml'), /aliases more than 10000 times; it is not read/);
      assert.equal(defaultParseLimits.maxAliasExpansion, 10_000);
      for (const name of ['deep-flow.plan.yaml', 'deep-dashes.plan.yaml', 'deep-mixed.plan.yaml']) assert.match(messages(name), /nests deeper than 64 levels; it is not read/);
      assert.equal(defaultParseLimits.maxDepth, 64);
    });
  });

  // docs/RELIABILITY.md, "Defects this found": each stays fixed (1: 'names the limit that stopped an alias bomb and
  // deep nesting' above; 3: test/cli/robustness.test.ts; 4: the integration tests of a deleted folder).
  describe('the defects it found stay fixed', () => {
    it('2: a 20-digit duration is a schema error; dates past year 9999 are written, not thrown', () => {
      const numbers = corpus.find((c) => c.name === 'numbers.plan.yaml')!;
      const analysis = analyze([{ path: numbers.name, text: numbers.text }]);
      // Line 5: `  duration: 99999999999999999999w` (at most six digits).
      assert.ok(analysis.diagnostics.some((d) => d.code === 'schema' && d.range.start.line === 4), analysis.diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}`).join());
      const far = corpus.find((c) => c.name === 'far-dates.plan.yaml')!;
      const json = toRollupJson(analyze([{ path: far.name, text: far.text }]));
      // start 9999-12-01, duration 9,999 weeks = 69,993 days: end = 9999-12-01 + 69,992 days = 10191-07-19.
      assert.equal(json.projects[0].end, '10191-07-19');
      // Beyond what a date can hold (±8.64e15 ms, about year 275,760): a day count.
      assert.equal(formatDay(1e12), 'day 1000000000000');
    });

    it('the limits at their edges: a duration of 999999 days is read, 1000000 is a schema error; 64 levels of nesting are read, 65 are not', () => {
      const plan = (duration: string) => `version: 1\nproject:\n  id: p\n  name: P\n  start: 2026-01-05\n  duration: ${duration}\n`;
      const schemaLines = (duration: string) => analyze([{ path: 'edge.plan.yaml', text: plan(duration) }]).diagnostics.filter((d) => d.code === 'schema').map((d) => d.range.start.line + 1);
      assert.deepEqual(schemaLines('999999d'), []);
      assert.deepEqual(schemaLines('999999w'), []);
      assert.deepEqual(schemaLines('1000000d'), [6]);
      // A document nested n levels deep: the root mapping, then n − 1 flow lists inside an unknown key's value.
      const nested = (levels: number) => `version: 1\nproject: { id: deep, name: Deep, start: 2026-01-05, duration: 1d, x-deep: ${'['.repeat(levels - 2)}1${']'.repeat(levels - 2)} }\n`;
      const deepErrors = (levels: number) => analyze([{ path: 'deep.plan.yaml', text: nested(levels) }]).diagnostics.filter((d) => /nests deeper than 64 levels/.test(d.message)).length;
      assert.equal(deepErrors(64), 0, '64 levels are read');
      assert.equal(deepErrors(65), 1, '65 levels are not');
    });

    it('5: a parser position past the end of the text is clamped into it (a lone quote, then a line end)', () => {
      // The parser's error ends one character past the text (line 2, column 2 of an empty line); analyze() checks
      // every diagnostic's lines and columns.
      const analysis = analyze([{ path: 'quote.plan.yaml', text: '"\n' }]);
      assert.deepEqual(analysis.diagnostics.map((d) => d.code), ['yaml-syntax']);
    });
  });

  describe('generated giants', () => {
    it('reports a file above the size limit without parsing it', () => {
      const text = `project:\n  id: huge\n  name: "${'x'.repeat(defaultParseLimits.maxFileSize)}"\n`;
      const analysis = timed('a file just over the 5 MB limit', () => analyze([{ path: 'huge.plan.yaml', text }]));
      assert.equal(analysis.diagnostics.length, 1);
      const [only] = analysis.diagnostics;
      // One yaml-syntax error at 1:1 naming the size (29 characters, 5,242,880 x's, `"` and a line end) and the limit.
      assert.deepEqual([only.code, only.range.start], ['yaml-syntax', { line: 0, character: 0 }]);
      assert.match(only.message, /^This file is 5,242,911 bytes, above the limit of 5,242,880 bytes/);
    });

    it('measures the limit in UTF-8 bytes, as on disk: 2.8 million é (5.6 MB, 2.8 million UTF-16 units) is above it', () => {
      const text = `project:\n  id: e\n  name: E\n# ${'é'.repeat(2_800_000)}\n`;
      const [only] = analyze([{ path: 'e.plan.yaml', text }]).diagnostics;
      assert.equal(Buffer.byteLength(text, 'utf8'), 5_600_030);
      assert.match(only.message, /^This file is 5,600,030 bytes, above the limit of 5,242,880 bytes/);
      assert.deepEqual([utf8Length('a\u00e9\u20ac\u{1f600}'), utf8Length('\ud800x'), utf8Length('\udc00')], [10, 4, 3]);
    });

    it('reads a 5 MB scalar just under the limit', () => {
      const text = `project:\n  id: big\n  name: "${'x'.repeat(defaultParseLimits.maxFileSize - 200)}"\n  start: 2026-01-05\n  duration: 1w\n`;
      const analysis = timed('5 MB scalar', () => analyze([{ path: 'big.plan.yaml', text }]));
      assert.deepEqual(analysis.diagnostics.map((d) => d.code), []);
    });

    it('reports every link of a 10,000-project cycle', () => {
      const lines = ['program:', '  id: ring', '  name: Ring', '  projects:'];
      for (let i = 0; i < 10_000; i++) lines.push(`    - { id: r${i}, name: R${i}, depends_on: [r${(i + 1) % 10_000}], duration: 1d }`);
      const analysis = timed('10,000-project cycle', () => analyze([{ path: 'ring.plan.yaml', text: lines.join('\n') + '\n' }]));
      assert.equal(analysis.diagnostics.filter((d) => d.code === 'dependency-cycle').length, 10_000);
    });

    it('schedules a 10,000-project chain', () => {
      const lines = ['program:', '  id: chain', '  name: Chain', '  projects:', '    - { id: c0, name: C0, start: 2026-01-05, duration: 1d }'];
      for (let i = 1; i < 10_000; i++) lines.push(`    - { id: c${i}, name: C${i}, depends_on: [c${i - 1}], duration: 1d }`);
      const analysis = timed('10,000-project chain', () => analyze([{ path: 'chain.plan.yaml', text: lines.join('\n') + '\n' }]));
      const last = toRollupJson(analysis).projects.find((p) => p.id === 'c9999')!;
      // c0 is 2026-01-05; each link adds one day: c9999 starts 9,999 days later, 2053-05-22.
      assert.equal(last.start, '2053-05-22');
    });

    it('handles an empty workspace', () => {
      const analysis = analyze([]);
      assert.deepEqual(analysis.diagnostics, []);
      assert.deepEqual(toRollupJson(analysis).projects, []);
    });
  });

  describe('random text (seeded properties)', () => {
    const shapes = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => decode(Buffer.from(bytes))),
      fc.array(fc.constantFrom('project:', '  id: a', '  name: n', '- ', '  depends_on: [a]', '&x', '*x', '!!str', '{', '}', '[', ']', '"', "'", '\t', '\r\n', '---', '...', '%YAML 1.2', ': ', '? ', '|', '>', '#'), { maxLength: 40 }).map((parts) => parts.join('')),
    );

    it('never throws on random text, and diagnostics stay inside the file', () => {
      fc.assert(
        fc.property(shapes, (text) => {
          analyze([{ path: 'random.plan.yaml', text }]);
        }),
        { numRuns: 1500, seed: 6 },
      );
    });

    it('never throws on mutated plan files', () => {
      const seeds = [...readdirSync('examples', { recursive: true })]
        .map(String)
        .filter((name) => name.endsWith('.plan.yaml'))
        .map((name) => readFileSync(join('examples', name), 'utf8'));
      const edit = fc.tuple(fc.nat(), fc.nat(20), fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('insert', 'delete', 'replace'));
      fc.assert(
        fc.property(fc.nat(seeds.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), (which, edits) => {
          let text = seeds[which];
          for (const [at, length, chunk, kind] of edits) {
            const i = at % (text.length + 1);
            if (kind === 'insert') text = text.slice(0, i) + chunk + text.slice(i);
            else if (kind === 'delete') text = text.slice(0, i) + text.slice(i + length);
            else text = text.slice(0, i) + chunk + text.slice(i + chunk.length);
          }
          const analysis = analyze([{ path: 'mutated.plan.yaml', text }, healthy]);
          assert.ok(
            analysis.diagnostics.some((d) => d.file === healthy.path && d.code === 'overspent'),
            "the healthy neighbour's overspent warning survives",
          );
        }),
        { numRuns: 1000, seed: 7 },
      );
    });
  });
});
