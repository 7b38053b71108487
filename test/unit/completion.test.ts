/**
 * Completion contexts: what may be typed at the cursor of a plan file that may be mid-edit. Each text
 * marks the cursor with `|` and the start of the word being typed with `^` (both removed before the
 * call), so every expected `prefixStart` can be checked by eye.
 */
import { strict as assert } from 'node:assert';
import { completionContextAt, type CompletionContext } from '../../src/core';

/** The completion context at `|`, and where `^` stood (the start of the typed word). */
function complete(marked: string): { context: CompletionContext | undefined; wordStart: number } {
  const wordStart = marked.indexOf('^');
  const withCursor = marked.replace('^', '');
  const offset = withCursor.indexOf('|');
  assert.ok(offset >= 0 && (wordStart === -1 || wordStart <= offset), `bad markers in ${JSON.stringify(marked)}`);
  return { context: completionContextAt(withCursor.replace('|', ''), offset), wordStart };
}

/** Asserts a reference is expected at `|`, to one of these kinds of entity, with the typed word starting at `^`. */
function expectReference(marked: string, key: string, targets: readonly string[]): void {
  const { context, wordStart } = complete(marked);
  assert.deepEqual(context, { kind: 'reference', key, targets, prefixStart: wordStart }, marked);
}

/** Asserts one of these values is expected at `|`, with the typed word starting at `^`. */
function expectValues(marked: string, key: string, values: readonly string[]): void {
  const { context, wordStart } = complete(marked);
  assert.deepEqual(context, { kind: 'value', key, values, prefixStart: wordStart }, marked);
}

function expectNothing(marked: string): void {
  assert.equal(complete(marked).context, undefined, marked);
}

const projectStates = ['planned', 'active', 'on-hold', 'done', 'cancelled'];
const openOrClosed = ['open', 'closed'];

describe('completion contexts', () => {
  describe('references', () => {
    it('inside a flow mapping: a team entry\'s person, a project\'s program or depends_on written on one line', () => {
      expectReference('  team: [{ person: ^al|', 'person', ['person']);
      expectReference('  team:\n    - { person: ^|', 'person', ['person']);
      expectReference('    - { id: b, name: B, program: ^pl|', 'program', ['program']);
      expectReference('    - { id: b, depends_on: [a, ^|', 'depends_on', ['project', 'milestone']);
      expectNothing('    - { id: b, name: ^B|');
      // depends_on before its `[`: ids, each to go in as a list of one.
      assert.deepEqual(completionContextAt('    - { id: b, depends_on: ', 27), { kind: 'reference', key: 'depends_on', targets: ['project', 'milestone'], prefixStart: 27, asList: true });
      expectNothing('    - { id: b, person: [^|');
    });

    it('inside a flow mapping, not in a quoted value, nor after a finished value or a closed list', () => {
      expectNothing('    - { id: b, name: "A, program: ^|');
      expectNothing("    - { id: b, name: 'A, state: ^|");
      expectNothing('    - { id: b, state: active ^|');
      expectNothing('    - { id: b, depends_on: [a] ^|');
      expectNothing('  risks:\n    - { id: r, state: [^|');
      expectReference('    - { id: b, depends_on: [a], program: ^pl|', 'program', ['program']);
    });

    it('depends_on in a flow list: after [, after a comma, mid-word, whatever follows the cursor', () => {
      expectReference('  depends_on: [^|', 'depends_on', ['project', 'milestone']);
      expectReference('  depends_on: [ci, ^|', 'depends_on', ['project', 'milestone']);
      expectReference('  depends_on: [ci, ^au|', 'depends_on', ['project', 'milestone']);
      expectReference('  depends_on: [ci, ^|]', 'depends_on', ['project', 'milestone']);
      expectReference('  depends_on: [^ci-up|grade]', 'depends_on', ['project', 'milestone']);
    });

    it('depends_on in a block list, indented or at the key’s own indent', () => {
      expectReference('project:\n  id: auth\n  depends_on:\n    - ^ci-up|', 'depends_on', ['project', 'milestone']);
      expectReference('project:\n  depends_on:\n  - ^|', 'depends_on', ['project', 'milestone']);
    });

    it('a later item of a block list, past comments and earlier items', () => {
      expectReference('project:\n  depends_on: # upstream\n    # the build first\n    - build\n\n    - ^te|', 'depends_on', ['project', 'milestone']);
    });

    it('a block list with CRLF line endings', () => {
      expectReference('project:\r\n  depends_on:\r\n    - ^c|', 'depends_on', ['project', 'milestone']);
    });

    it('program, portfolio, person, manager and owner', () => {
      expectReference('project:\n  program: ^plat|', 'program', ['program']);
      expectReference('program:\n  portfolio: ^|', 'portfolio', ['portfolio']);
      expectReference('  team:\n    - person: ^b|', 'person', ['person']);
      expectReference('  manager: ^al|', 'manager', ['person']);
      expectReference('  owner: ^|', 'owner', ['person']);
    });

    it('the typed word may hold digits, dots, dashes and underscores', () => {
      expectReference('  program: ^platform_v2.1-beta|', 'program', ['program']);
    });

    it('offsets count from the start of the text, not of the line', () => {
      const marked = 'project:\n  id: checkout\n  program: ^pay|\n  name: Checkout\n';
      const { context } = complete(marked);
      assert.equal(context?.prefixStart, 'project:\n  id: checkout\n  program: '.length);
    });
  });

  describe('values', () => {
    it('health', () => {
      expectValues('project:\n  health: ^|', 'health', ['green', 'amber', 'red']);
      expectValues('project:\n  health: ^gr|\n  name: A\n', 'health', ['green', 'amber', 'red']);
    });

    it('state of a project: the project states, whether the project is a root, nested, or has risks above', () => {
      expectValues('project:\n  id: a\n  state: ^|', 'state', projectStates);
      expectValues('program:\n  risks:\n    - id: r1\n  projects:\n    - id: a\n      state: ^ac|', 'state', projectStates);
      expectValues('project:\n  risks:\n    - id: r1\n      title: T\n  state: ^|', 'state', projectStates);
    });

    it('state of a risk or an issue: open or closed', () => {
      expectValues('project:\n  risks:\n    - id: r1\n      title: Late\n      state: ^|', 'state', openOrClosed);
      expectValues('project:\n  issues:\n    - state: ^cl|', 'state', openOrClosed);
    });

    it('state of a risk or an issue in a list at its key’s own indent (`risks:` then `- id: r1`), block and flow', () => {
      expectValues('project:\n  risks:\n  - state: ^|', 'state', openOrClosed);
      expectValues('project:\n  issues:\n  - title: Down\n  - state: ^cl|', 'state', openOrClosed);
      expectValues('project:\n  risks:\n  - id: r1\n    state: ^|', 'state', openOrClosed);
      expectValues('project:\n  risks:\n  - { id: r1, state: ^|', 'state', openOrClosed);
      expectValues('project:\n  issues:\n  - { title: Up }\n  - { title: Down, state: ^|', 'state', openOrClosed);
      // close: the list ended, the key is the project's again.
      expectValues('project:\n  risks:\n  - id: r1\n  state: ^|', 'state', projectStates);
      expectValues('program:\n  projects:\n  - id: a\n    risks:\n    - id: r1\n  - state: ^|', 'state', projectStates);
    });

    it('a key after a dash stands where it is written: an earlier item’s `- issues:` is not the list of a later item', () => {
      expectValues('program:\n  projects:\n    - issues:\n        - title: Down\n    - id: p\n      state: ^|', 'state', projectStates);
      expectValues('program:\n  projects:\n  - issues:\n    - title: Down\n  - id: p\n    state: ^|', 'state', projectStates);
      expectValues('program:\n  projects:\n  - risks:\n    state: ^|', 'state', projectStates);
      // close: under it, the list is the item's risks.
      expectValues('program:\n  projects:\n  - risks:\n    - id: r\n      state: ^|', 'state', openOrClosed);
      expectValues('program:\n  projects:\n  - risks:\n    - state: ^|', 'state', openOrClosed);
    });

    it('severity, likelihood, impact and done', () => {
      expectValues('  issues:\n    - title: Down\n      severity: ^|', 'severity', ['low', 'medium', 'high', 'critical']);
      expectValues('  risks:\n    - id: r\n      likelihood: ^|', 'likelihood', ['1', '2', '3', '4', '5']);
      expectValues('  risks:\n    - id: r\n      impact: ^4|', 'impact', ['1', '2', '3', '4', '5']);
      expectValues('  milestones:\n    - id: ga\n      done: ^t|', 'done', ['true', 'false']);
    });

    it('inside a flow mapping, as in block style: a risk\'s or an issue\'s state, a project\'s state, the other enums', () => {
      expectValues('program:\n  projects:\n    - { id: x, state: ^| }', 'state', projectStates);
      expectValues('project:\n  risks:\n    - { id: r, title: Late, state: ^| }', 'state', openOrClosed);
      expectValues('project:\n  issues:\n    - { title: Down, state: ^cl|', 'state', openOrClosed);
      expectValues('project:\n  risks: [{ id: r, likelihood: ^4|', 'likelihood', ['1', '2', '3', '4', '5']);
      expectValues('project:\n  risks: [{ id: a, state: open }, { id: b, state: ^|', 'state', openOrClosed);
      expectValues('program:\n  projects:\n    - { id: p, risks: [{ id: r, impact: 2, state: ^|', 'state', openOrClosed);
      expectValues('program:\n  projects:\n    - { id: p, depends_on: [a, b], state: ^on-|', 'state', projectStates);
      expectValues('project:\n  issues: [{ title: Down, severity: ^|', 'severity', ['low', 'medium', 'high', 'critical']);
      expectValues('  milestones:\n    - { id: ga, name: GA, date: 2026-01-01, done: ^t|', 'done', ['true', 'false']);
      expectValues('program:\n  projects:\n    - { id: b, name: "B, the {second}", health: ^am|', 'health', ['green', 'amber', 'red']);
    });

    it('currency: ISO 4217 codes, the common ones among them', () => {
      const { context, wordStart } = complete('program:\n  currency: ^E|');
      assert.ok(context?.kind === 'value', JSON.stringify(context));
      assert.equal(context.key, 'currency');
      assert.equal(context.prefixStart, wordStart);
      for (const code of context.values) assert.match(code, /^[A-Z]{3}$/);
      for (const code of ['USD', 'EUR', 'GBP', 'JPY']) assert.ok(context.values.includes(code), code);
      assert.equal(new Set(context.values).size, context.values.length, 'no code twice');
    });
  });

  describe('block and flow style offer the same', () => {
    /** What is offered at `|` (undefined: nothing), once the typed word is seen to start at `^`. */
    function offered(marked: string): unknown {
      const { context, wordStart } = complete(marked);
      if (!context) return undefined;
      const { prefixStart, ...offer } = context;
      assert.equal(prefixStart, wordStart, marked);
      return offer;
    }

    const person = { kind: 'reference', key: 'person', targets: ['person'] };
    const trueOrFalse = { kind: 'value', key: 'done', values: ['true', 'false'] };
    // Each key under the same parents, once in a block mapping and once in a flow mapping.
    const table: { what: string; block: string; flow: string; expected: unknown }[] = [
      { what: "a team entry's person", block: 'project:\n  team:\n    - person: ^b|', flow: 'project:\n  team: [{ person: ^b|', expected: person },
      { what: "a team entry's person, the list at its key's indent", block: 'project:\n  team:\n  - person: ^|', flow: 'project:\n  team:\n  - { person: ^|', expected: person },
      { what: "a team entry's person in a flow list", block: 'project:\n  team:\n    - person: [^|', flow: 'project:\n  team:\n    - { person: [^|', expected: undefined },
      { what: "a team entry's allocation", block: 'project:\n  team:\n    - person: bob\n      allocation: ^5|', flow: 'project:\n  team: [{ person: bob, allocation: ^5|', expected: undefined },
      { what: "a milestone's done", block: 'program:\n  milestones:\n    - id: ga\n      done: ^t|', flow: 'program:\n  milestones:\n    - { id: ga, done: ^t|', expected: trueOrFalse },
      { what: "a milestone's done, the list at its key's indent", block: 'program:\n  milestones:\n  - done: ^|', flow: 'program:\n  milestones:\n  - { done: ^|', expected: trueOrFalse },
      { what: "a milestone's depends_on before its [", block: 'program:\n  milestones:\n    - id: ga\n      depends_on: ^|', flow: 'program:\n  milestones:\n    - { id: ga, depends_on: ^|', expected: { kind: 'reference', key: 'depends_on', targets: ['project', 'milestone'], asList: true } },
      { what: "a milestone's depends_on in its [", block: 'program:\n  milestones:\n    - id: ga\n      depends_on: [a, ^|', flow: 'program:\n  milestones:\n    - { id: ga, depends_on: [a, ^|', expected: { kind: 'reference', key: 'depends_on', targets: ['project', 'milestone'] } },
      { what: "a project's depends_on before its [", block: 'project:\n  id: b\n  depends_on: ^a|', flow: 'project: { id: b, depends_on: ^a|', expected: { kind: 'reference', key: 'depends_on', targets: ['project', 'milestone'], asList: true } },
      { what: "a project's program", block: 'project:\n  id: a\n  program: ^pl|', flow: 'project: { id: a, program: ^pl|', expected: { kind: 'reference', key: 'program', targets: ['program'] } },
      { what: "a nested project's program", block: 'program:\n  projects:\n    - id: a\n      program: ^|', flow: 'program:\n  projects:\n    - { id: a, program: ^|', expected: { kind: 'reference', key: 'program', targets: ['program'] } },
      { what: "a program's portfolio", block: 'program:\n  id: p\n  portfolio: ^e|', flow: 'program: { id: p, portfolio: ^e|', expected: { kind: 'reference', key: 'portfolio', targets: ['portfolio'] } },
      { what: "a document's root program:", block: 'program: ^|', flow: '{ program: ^|', expected: undefined },
      { what: "a document's root portfolio:", block: 'portfolio: ^p|', flow: '{ portfolio: ^p|', expected: undefined },
      { what: "a project's manager", block: 'project:\n  manager: ^al|', flow: 'project: { id: a, manager: ^al|', expected: { kind: 'reference', key: 'manager', targets: ['person'] } },
      { what: "a risk's owner", block: 'project:\n  risks:\n    - id: r\n      owner: ^|', flow: 'project:\n  risks: [{ id: r, owner: ^|', expected: { kind: 'reference', key: 'owner', targets: ['person'] } },
      { what: "a project's state", block: 'program:\n  projects:\n    - id: a\n      state: ^ac|', flow: 'program:\n  projects:\n    - { id: a, state: ^ac|', expected: { kind: 'value', key: 'state', values: projectStates } },
      { what: "a risk's state, the list at its key's indent", block: 'project:\n  risks:\n  - id: r\n    state: ^|', flow: 'project:\n  risks:\n  - { id: r, state: ^|', expected: { kind: 'value', key: 'state', values: openOrClosed } },
      { what: "an issue's state", block: 'project:\n  issues:\n    - title: Down\n      state: ^cl|', flow: 'project:\n  issues: [{ title: Down, state: ^cl|', expected: { kind: 'value', key: 'state', values: openOrClosed } },
      { what: "a risk's likelihood", block: 'project:\n  risks:\n    - id: r\n      likelihood: ^|', flow: 'project:\n  risks:\n    - { id: r, likelihood: ^|', expected: { kind: 'value', key: 'likelihood', values: ['1', '2', '3', '4', '5'] } },
      { what: "a project's health", block: 'project:\n  health: ^gr|', flow: 'project: { id: a, health: ^gr|', expected: { kind: 'value', key: 'health', values: ['green', 'amber', 'red'] } },
      { what: "a project's health in a flow list", block: 'project:\n  health: [^|', flow: 'project: { id: a, health: [^|', expected: undefined },
      { what: "a project's name", block: 'project:\n  name: ^A|', flow: 'project: { id: a, name: ^A|', expected: undefined },
    ];

    for (const { what, block, flow, expected } of table) {
      it(what, () => {
        assert.deepEqual(offered(flow), offered(block), `${flow}\nagainst\n${block}`);
        assert.deepEqual(offered(block), expected, block);
      });
    }
  });

  describe('nothing to complete', () => {
    it('after the closing ] of a flow list', () => {
      expectNothing('  depends_on: [ci]|');
      expectNothing('  depends_on: [ci, ga] |');
      expectNothing('  depends_on: [ci, ga] ^a|');
    });

    it('inside a flow list after a key that takes one value, block style as in a flow mapping', () => {
      expectNothing('project:\n  health: [^|');
      expectNothing('project:\n  state: [^ac|');
      expectNothing('project:\n  risks:\n    - id: r\n      likelihood: [4, ^|');
      expectNothing('project:\n  program: [^|');
      expectNothing('  team:\n    - person: [^b|');
      expectNothing('  manager: [alice, ^|');
      // close: depends_on takes a list of ids.
      expectReference('project:\n  depends_on: [^|', 'depends_on', ['project', 'milestone']);
    });

    it('after a comment starts, or on a commented-out line', () => {
      expectNothing('  health: green # ^am|');
      expectNothing('  health: # ^|');
      expectNothing('  depends_on: # ^c|');
      expectNothing('# health: ^|');
    });

    it('in a comment that holds a { or a [, on a line of its own or after a value', () => {
      expectNothing('project:\n  # see { ^|');
      expectNothing('project:\n  # see { depends_on: [^|');
      expectNothing('project:\n  depends_on: [a]  # also { depends_on: [b, ^|');
      expectNothing('project:\n  depends_on: [a]  # also [^|');
      expectNothing('  team:\n    - { person: bob }  # or { person: ^al|');
      expectNothing('    - { id: b, program: platform } # was { program: ^|');
      expectNothing("    - { id: b, name: 'it''s', program: platform } # { program: ^|");
    });

    it('but a # inside quotes or inside a word starts no comment', () => {
      expectReference('    - { name: "A #1 {", program: ^pl|', 'program', ['program']);
      expectReference("    - { name: 'A #1', program: ^|", 'program', ['program']);
      expectReference('    - { id: b#2, program: ^|', 'program', ['program']);
      expectReference("    - { id: b, name: it's B, program: ^|", 'program', ['program']);
      // An apostrophe in a word opens no quote, so the # after it does start a comment.
      expectNothing("    - { id: b, name: it's B, program: platform } # { program: ^|");
    });

    it('after a finished value', () => {
      expectNothing('  health: green |');
      expectNothing('  program: platform ^p|');
    });

    it("at a document's root key: program: and portfolio: open the entity, no id follows", () => {
      expectNothing('program: ^|');
      expectNothing('portfolio: ^p|');
      // close: nested, they name one.
      expectReference('project:\n  program: ^|', 'program', ['program']);
      expectReference('program:\n  portfolio: ^e|', 'portfolio', ['portfolio']);
      expectReference('{ project: { id: a, program: ^|', 'program', ['program']);
    });

    it('while a key is typed, or at a key with nothing to offer', () => {
      expectNothing('project:\n  heal|');
      expectNothing('project:\n  name: ^Al|');
      expectNothing('project:\n  start: ^2026|');
    });

    it('in a block list that is not depends_on', () => {
      expectNothing('project:\n  tags:\n    - ^a|');
      expectNothing('project:\n  depends_on:\n    - build\n  team:\n    - ^|');
    });
  });
});
