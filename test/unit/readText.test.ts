// Entities straight from the text (model/readText.ts) against the full way (the located tree, the schema
// check, read.ts): wherever the one pass reads a file, the full way must find nothing wrong in it and make
// the same entities — every field, position and list, in the same order — and the fast reader must read its
// tree again from the text. Plan files are generated from the schema's shape, mostly valid, with values,
// keys and forms it rejects, then edited at random, so that both ways are taken often.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { DocumentModel } from '../../src/core/model/entities';
import { readDocument } from '../../src/core/model/read';
import { kinds, readPlanText, unreadKinds } from '../../src/core/model/readText';
import { fastReadYaml } from '../../src/core/syntax/fastReader';
import { defaultParseLimits } from '../../src/core/syntax/nodes';
import { fastReadLater, parsePlanFile } from '../../src/core/syntax/parser';
import { checkSchema } from '../../src/core/syntax/schemaCheck';

/** The full way: the tree, the schema check, read.ts; with the diagnostics it found. */
function fullWay(path: string, text: string): { models: DocumentModel[]; problems: number } {
  const parsed = parsePlanFile(path, text);
  let problems = parsed.diagnostics.length;
  const models = parsed.documents.map((_, index) => {
    const checked = checkSchema(parsed, index);
    problems += checked.diagnostics.length;
    return readDocument(parsed, index, checked);
  });
  return { models, problems };
}

type Entityish = { kind: string; id?: string; span: readonly number[] };
const isEntity = (v: object): v is Entityish => 'kind' in v && 'source' in v && 'anchor' in v && 'invalid' in v;

/** A value as compared: own keys in their order, entities inside an entity by kind, id and span, sets as lists. */
function picture(value: unknown, top = false): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => picture(v));
  if (value instanceof Set) return { set: [...value] };
  const v = value as Record<string, unknown>;
  if (isEntity(value) && !top) return `${value.kind}:${value.id ?? '?'}@${value.span.join('-')}`;
  if ('file' in v && 'document' in v) return { document: v.document };
  const out: Record<string, unknown> = { class: value.constructor?.name };
  if ('span' in v && !('kind' in v)) out.span = picture(v.span);
  if ('keySpan' in v) out.keySpan = picture(v.keySpan);
  for (const key of Object.keys(v)) out[key] = picture(v[key]);
  return out;
}

const pictureOf = (models: readonly DocumentModel[]) =>
  models.map((model) => Object.fromEntries(Object.entries(model).map(([list, entities]) => [list, (entities as object[]).map((e) => picture(e, true))])));

/** Reads `text` both ways; true when the one pass read it (and then agreed). */
function agree(path: string, text: string): boolean {
  const fast = readPlanText(path, text, defaultParseLimits);
  if (!fast) return false;
  const full = fullWay(path, text);
  assert.equal(full.problems, 0, `the one pass read a file the full way finds wrong:\n${text}`);
  assert.deepStrictEqual(pictureOf(fast.models), pictureOf(full.models), `the entities differ for:\n${text}`);
  // The tree, when asked for, is read again from the text.
  assert.ok(fastReadYaml(text, defaultParseLimits.maxDepth), `the fast reader does not read:\n${text}`);
  assert.equal(fast.parsed.documents.length, fast.models.length);
  // The lists no entity is in are the one shared empty list, as read.ts leaves them.
  for (const [i, model] of fast.models.entries()) {
    for (const [list, entities] of Object.entries(model)) assert.equal(entities.length === 0, (full.models[i] as unknown as Record<string, unknown[]>)[list] === entities, list);
  }
  return true;
}

// ---- Plan files from the schema's shape ----

/** A YAML value as written: a scalar's text, a list of them, a list of mappings, or a mapping. */
type Written = string | { list: string[] } | { maps: Mapping[] } | { map: Mapping } | { block: string; lines: string[] };
type Mapping = Array<[string, Written]>;

const pick = <T>(...values: T[]) => fc.constantFrom(...values);
/** Values the schema takes, now and then one it rejects (a file has dozens of values: most files stay valid). */
const values = (valid: string[], rejected: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 60 }, { arbitrary: fc.constantFrom(...rejected), weight: 1 });
const ids = values(['a', 'b', 'p-1', 'x.y', 'prog', 'alice', 'bob', '"quoted-id"', "'single'", 'a # note'], ['2026', '-bad', '', 'a b']);
const texts = values(['Alpha', 'Beta release', '"  "', '"Say \\"hi\\""', '"caf\\u00e9 \\t tab"', '"Quoted # x"', "'it''s'", 'é ü', 'yes', 'a #comment', '"123"'], ['""', '123', 'true', '~']);
const days = values(['2026-01-05', '2026-06-30', '2027-02-28', '"2026-03-01"'], ['2026-02-30', 'soon']);
const money = values(['0', '1500', '250000', '2.5e3', '0.5'], ['-5', '"40"', '.inf']);
const percents = values(['0', '50', '100', '33.5'], ['101', '-1']);
const durations = values(['8w', '30d', '1d', '999999d'], ['0d', '12', '1000000d']);
const healths = values(['green', 'amber', 'red'], ['blue']);
const states = values(['planned', 'active', 'on-hold', 'done', 'cancelled'], ['paused']);
const severities = values(['low', 'medium', 'high', 'critical'], ['urgent']);
const openClosed = values(['open', 'closed'], ['shut']);
const bools = values(['true', 'false', 'True'], ['yes']);
const levels = values(['1', '3', '5'], ['0', '6', '2.5']);
const currencies = values(['USD', 'EUR', '"GBP"'], ['usd']);
const allocations = values(['1', '50', '100', '12.5'], ['0', '150']);
const capacities = values(['100', '0', '50.5'], ['-1']);
/** Text written as a block scalar: literal or folded, each way of chomping (`block: ''` is plain text over several lines). */
const blockTexts = fc.record({
  block: fc.constantFrom('|', '|-', '|+', '>', '>-', '>+'),
  lines: fc.array(fc.constantFrom('Move every service', 'onto the platform: then', '# retire the old one', '- and more', ''), { minLength: 1, maxLength: 4 }),
});
/** Plain text that goes on over the lines below. */
const plainLines = fc.array(fc.constantFrom('Move every service', 'onto the platform', 'and retire 2 stacks', ''), { minLength: 2, maxLength: 4 }).map((lines): Written => ({ block: '', lines: ['Plan', ...lines] }));
const longTexts = fc.oneof({ arbitrary: texts, weight: 3 }, { arbitrary: blockTexts.map((b): Written => b), weight: 1 }, { arbitrary: plainLines, weight: 1 });
/** Keys the schema does not know, and extensions (allowed anywhere, whatever their value). */
const strayKeys = pick('nmae', 'toString', 'x-note', 'x-cost-center', 'x-a');
const strayValues = pick<Written>('anything', '{ a: 1, b: [x, y] }', '[1, 2]', { list: ['x', 'y'] }, { map: [['deep', 'value']] });

/** Each key with its value, or left out (a key is left out once in `often` times: required keys seldom), now and then a stray key or a key twice. */
function fields(spec: Record<string, [fc.Arbitrary<Written>, number]>, nested: Record<string, fc.Arbitrary<Written>> = {}): fc.Arbitrary<Mapping> {
  const entries = Object.entries(spec).map(([key, [value, often]]) => fc.option(value.map((v) => [key, v] as [string, Written]), { freq: often, nil: undefined }));
  const more = Object.entries(nested).map(([key, value]) => fc.option(value.map((v) => [key, v] as [string, Written]), { freq: 2, nil: undefined }));
  return fc
    .tuple(fc.tuple(...entries), more.length > 0 ? fc.tuple(...more) : fc.constant([]), fc.oneof({ arbitrary: fc.constant(undefined), weight: 40 }, { arbitrary: fc.tuple(strayKeys, strayValues), weight: 1 }), fc.nat(), fc.boolean())
    .map(([written, lists, stray, at, duplicate]) => {
      const mapping = [...written, ...(lists as Array<[string, Written] | undefined>)].filter((e): e is [string, Written] => e !== undefined);
      if (stray) mapping.splice(at % (mapping.length + 1), 0, stray as [string, Written]);
      // Now and then a key written twice.
      if (duplicate && mapping.length > 0 && at % 97 === 0) mapping.push(mapping[at % mapping.length]);
      return mapping;
    });
}

const scalarList = (item: fc.Arbitrary<string>) => fc.array(item, { maxLength: 3 }).map((list): Written => ({ list }));
const mapsOf = (item: fc.Arbitrary<Mapping>, max = 3) => fc.array(item, { maxLength: max }).map((maps): Written => ({ maps }));

const milestone = fields({ id: [ids, 2], name: [texts, 80], date: [days, 80], done: [bools, 2], depends_on: [scalarList(ids), 2] });
const risk = fields({ id: [ids, 3], title: [texts, 80], likelihood: [levels, 80], impact: [levels, 80], mitigation: [longTexts, 2], owner: [ids, 2], state: [openClosed, 2] });
const issue = fields({ id: [ids, 3], title: [texts, 80], severity: [severities, 80], owner: [ids, 2], state: [openClosed, 2], raised: [days, 2], due: [days, 2] });
const benefit = fields({ name: [texts, 80], value: [money, 80], realized: [money, 2] });
const teamEntry = fields({ person: [ids, 80], allocation: [allocations, 3] });
const baseline = fields({ start: [days, 3], end: [days, 3], budget: [money, 3] }).map((map): Written => ({ map }));
const person = fields({ id: [ids, 80], name: [texts, 3], role: [texts, 2], capacity: [capacities, 3] });

const project = fields(
  {
    id: [ids, 80], name: [texts, 80], program: [ids, 2], manager: [ids, 3], description: [longTexts, 3], start: [days, 5], end: [days, 2], duration: [durations, 5],
    depends_on: [scalarList(ids), 3], budget: [money, 5], spent: [money, 4], progress: [percents, 4], state: [states, 3], health: [healths, 3],
    tags: [scalarList(values(['core', 'q3'], ['""', '1'])), 3],
  },
  { baseline, benefits: mapsOf(benefit), milestones: mapsOf(milestone), risks: mapsOf(risk), issues: mapsOf(issue), team: mapsOf(teamEntry) },
);
const program = fields(
  {
    id: [ids, 80], name: [texts, 80], manager: [ids, 3], portfolio: [ids, 2], goal: [longTexts, 2], description: [longTexts, 3], budget: [money, 4], currency: [currencies, 2],
    start: [days, 2], end: [days, 2], health: [healths, 2], status_date: [days, 2],
  },
  { benefits: mapsOf(benefit), milestones: mapsOf(milestone), risks: mapsOf(risk), issues: mapsOf(issue), projects: mapsOf(project, 3) },
);
const portfolio = fields({ id: [ids, 80], name: [texts, 80], owner: [ids, 2], description: [longTexts, 3], status_date: [days, 2] }, { programs: mapsOf(program, 2) });

const document: fc.Arbitrary<Mapping> = fc
  .tuple(fc.constantFrom('portfolio', 'program', 'program', 'project', 'project', 'people-only', 'two'), portfolio, program, project, fc.option(mapsOf(person), { nil: undefined }), fc.boolean())
  .map(([root, pf, pg, pj, people, version]) => {
    const mapping: Mapping = [];
    if (version) mapping.push(['version', '1']);
    if (root === 'portfolio' || root === 'two') mapping.push(['portfolio', { map: pf }]);
    if (root === 'program' || root === 'two') mapping.push(['program', { map: pg }]);
    if (root === 'project') mapping.push(['project', { map: pj }]);
    if (people || root === 'people-only') mapping.push(['people', people ?? { maps: [] }]);
    return mapping;
  });

/** How a file is laid out: flow or block lists and mappings, comments, blank lines, line ends. */
interface Style {
  readonly choice: number[];
  at: number;
  readonly eol: string;
}
const next = (style: Style) => style.choice[style.at++ % style.choice.length];

/** The lines of a mapping at `indent`, its first line after `first` (a dash, or nothing). */
function writeMapping(mapping: Mapping, indent: string, style: Style, first = indent): string[] {
  if (mapping.length === 0) return [`${first}{}`];
  const lines: string[] = [];
  mapping.forEach(([key, value], i) => {
    const lead = i === 0 ? first : indent;
    const comment = next(style) % 11 === 0 ? '   # note' : '';
    if (next(style) % 13 === 0) lines.push(`${indent}# a comment`);
    if (typeof value === 'string') lines.push(`${lead}${key}: ${value}${comment}`);
    else if ('block' in value && value.block === '') lines.push(`${lead}${key}: ${value.lines[0]}`, ...value.lines.slice(1).map((line) => (line === '' ? '' : `${indent}  ${line}`)));
    else if ('block' in value) lines.push(`${lead}${key}: ${value.block}${comment}`, ...value.lines.map((line) => (line === '' ? '' : `${indent}  ${line}`)));
    else if ('list' in value) {
      // A comment cannot stand inside a flow list.
      if (value.list.length === 0 || (next(style) % 2 === 0 && !value.list.some((item) => item.includes('#')))) lines.push(`${lead}${key}: [${value.list.join(', ')}]${comment}`);
      else {
        const dashes = next(style) % 3 === 0 ? indent : `${indent}  `;
        lines.push(`${lead}${key}:${comment}`, ...value.list.map((item) => `${dashes}- ${item}`));
      }
    } else if ('maps' in value) {
      if (value.maps.length === 0) lines.push(`${lead}${key}: []`);
      else {
        lines.push(`${lead}${key}:${comment}`);
        const dashes = next(style) % 3 === 0 ? indent : `${indent}  `;
        for (const item of value.maps) {
          const flat = item.every(([, v]) => typeof v === 'string' && !v.includes('#'));
          if (flat && next(style) % 3 === 0) lines.push(`${dashes}- { ${item.map(([k, v]) => `${k}: ${v as string}`).join(', ')} }`);
          else lines.push(...writeMapping(item, `${dashes}  `, style, `${dashes}- `));
        }
      }
    } else {
      const flat = value.map.every(([, v]) => typeof v === 'string' && !v.includes('#'));
      if (flat && next(style) % 3 === 0) lines.push(`${lead}${key}: { ${value.map.map(([k, v]) => `${k}: ${v as string}`).join(', ')} }`);
      else lines.push(`${lead}${key}:${comment}`, ...writeMapping(value.map, `${indent}  `, style));
    }
  });
  return lines;
}

const planText = fc
  .tuple(fc.array(document, { minLength: 1, maxLength: 2 }), fc.array(fc.nat(1000), { minLength: 5, maxLength: 20 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([documents, choice, eol, marker]) => {
    const style: Style = { choice, at: 0, eol };
    const parts = documents.map((d, i) => [...(marker || i > 0 ? ['---'] : []), ...writeMapping(d, '', style)].join(eol));
    return parts.join(eol) + eol;
  });

const edit = fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(' ', ':', '-', '#', '"', "'", '[', ']', '{', '}', ',', '\n', 'x', '  ', '0'), fc.constantFrom('insert', 'delete', 'replace'));

function edited(text: string, edits: ReadonlyArray<readonly [number, number, string, string]>): string {
  for (const [at, length, char, kind] of edits) {
    const i = at % (text.length + 1);
    if (kind === 'insert') text = text.slice(0, i) + char + text.slice(i);
    else if (kind === 'delete') text = text.slice(0, i) + text.slice(i + 1 + length);
    else text = text.slice(0, i) + char + text.slice(i + 1);
  }
  return text;
}

function planFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? planFiles(path) : /\.plan\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

describe('entities straight from the text agree with the full way', function () {
  this.timeout(120_000);

  it('reads every kind of the schema in one pass', () => {
    assert.deepEqual(unreadKinds(), []);
    assert.deepEqual(Object.keys(kinds).sort(), ['baseline', 'benefit', 'document', 'issue', 'milestone', 'person', 'portfolio', 'program', 'project', 'risk', 'teamEntry']);
  });

  it('on generated plan files, valid and not (property)', () => {
    let files = 0;
    let onePass = 0;
    fc.assert(
      fc.property(planText, (text) => {
        files++;
        if (agree('a.plan.yaml', text)) onePass++;
      }),
      { numRuns: 600, seed: 20261206 },
    );
    // Both ways are taken often: the comparison means something.
    assert.ok(onePass > files * 0.2 && onePass < files * 0.8, `the one pass read ${onePass} of ${files} files`);
  });

  it('on generated plan files with random edits (property)', () => {
    let onePass = 0;
    fc.assert(
      fc.property(planText, fc.array(edit, { minLength: 1, maxLength: 3 }), (text, edits) => {
        if (agree('a.plan.yaml', edited(text, edits))) onePass++;
      }),
      { numRuns: 1500, seed: 7 },
    );
    assert.ok(onePass > 40, `the one pass read ${onePass} edited files`);
  });

  it('on the examples and the test fixtures; every file of a generated workspace read in one pass', async () => {
    let onePass = 0;
    const all = [...planFiles('examples'), ...planFiles('test/fixtures')];
    for (const path of all) if (agree(path, readFileSync(path, 'utf8'))) onePass++;
    assert.ok(onePass > all.length / 2, `${onePass} of ${all.length}`);
    const { generateWorkspace } = await import('../../bench/generate.mjs');
    for (const file of generateWorkspace('S', 11) as Array<{ path: string; text: string }>) assert.ok(agree(file.path, file.text), file.path);
  });

  it('gives up at the nesting depth the fast reader gives up at (property)', () => {
    let deepest = 0;
    fc.assert(
      fc.property(planText, fc.integer({ min: 1, max: 9 }), (text, maxDepth) => {
        const read = readPlanText('a.plan.yaml', text, { ...defaultParseLimits, maxDepth });
        if (!read) return;
        deepest = Math.max(deepest, maxDepth);
        assert.ok(fastReadYaml(text, maxDepth), `read in one pass at depth ${maxDepth}, not by the fast reader:\n${text}`);
        assert.ok(!fastReadYaml(text, maxDepth - 1) || readPlanText('a.plan.yaml', text, { ...defaultParseLimits, maxDepth: maxDepth - 1 }), `the fast reader reads at depth ${maxDepth - 1}, not the one pass:\n${text}`);
      }),
      { numRuns: 600, seed: 11 },
    );
    assert.ok(deepest >= 6);
  });

  it('reads a long list as a formatter writes it, over several lines', () => {
    const text =
      'project:\n  id: a\n  name: A\n  depends_on:\n    [\n      b,\n      c, # the vendor\n    ]\n  tags: [core,\n    q3]\n' +
      '  x-note: 1\n  team:\n    [\n      { person: p2, allocation: 20 },\n      { person: p3 },\n    ]\n';
    assert.ok(agree('a.plan.yaml', text));
    const read = readPlanText('a.plan.yaml', text, defaultParseLimits)!;
    assert.deepEqual(read.models[0].projects[0].dependsOn.map((r) => r.name), ['b', 'c']);
    assert.deepEqual(read.models[0].projects[0].team.map((t) => [t.person.name, t.allocation]), [['p2', 20], ['p3', 100]]);
  });

  it('leaves to the full way what it would read otherwise: an extension key twice, an empty tag', () => {
    const project = (more: string) => `project:\n  id: a\n  name: A\n${more}`;
    assert.ok(agree('a.plan.yaml', project('  x-a: 1\n  x-b: 2\n  tags: [core]\n')));
    for (const text of [project('  x-a: 1\n  x-a: 2\n'), project('  tags: [core, ""]\n'), project('  tags:\n    - ""\n')]) {
      assert.equal(readPlanText('a.plan.yaml', text, defaultParseLimits), undefined, text);
    }
  });

  it("reads a file's tree from its text when asked for, with the full parser where the fast reader does not read it", () => {
    const read = readPlanText('a.plan.yaml', 'project:\n  id: a\n  name: A\n', defaultParseLimits)!;
    const root = read.parsed.documents[0].root;
    assert.equal(root?.kind === 'map' && root.entries.get('project')?.keySpan.join('-'), '0-7');
    // Not a file the one pass reads (a tab), as a file read without its tree would be, were the fast reader ever not to read it.
    const later = fastReadLater('b.plan.yaml', 'project:\n  id:\tb\n', defaultParseLimits.maxDepth);
    const project = later.documents[0].root;
    assert.ok(project?.kind === 'map');
    const value = project.entries.get('project')?.value;
    assert.equal(value?.kind === 'map' && value.entries.get('id')?.value.kind === 'scalar' && (value.entries.get('id')!.value as { value: unknown }).value, 'b');
  });

  it('leaves a byte order mark, an oversized file and a turned-off fast reader to the full way', () => {
    const text = 'project:\n  id: a\n  name: A\n';
    assert.ok(readPlanText('a.plan.yaml', text, defaultParseLimits));
    assert.equal(readPlanText('a.plan.yaml', `\uFEFF${text}`, defaultParseLimits), undefined);
    assert.equal(readPlanText('a.plan.yaml', text, { ...defaultParseLimits, maxFileSize: 10 }), undefined);
    assert.equal(readPlanText('a.plan.yaml', text, { ...defaultParseLimits, fast: false }), undefined);
  });
});
