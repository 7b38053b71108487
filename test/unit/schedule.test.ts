/**
 * SPEC 4 (Schedule): dates from explicit start/end/duration and finish-to-start dependencies,
 * cycles, and the per-program critical path (total float).
 *
 * Every expected date below is computed by hand from SPEC 4 (calendar days, end inclusive), never by
 * running the engine. Useful calendar facts: January and March have 31 days, February 2026 has 28.
 */
import { strict as assert } from 'node:assert';
import { analyzePlans, parseDay, toRollupJson, type Analysis, type AnalysisOptions, type ProjectJson } from '../../src/core';
import { byId, filesOf, yaml } from '../utils/plans';

interface Run {
  readonly analysis: Analysis;
  readonly projects: readonly ProjectJson[];
  project(id: string): ProjectJson;
  codes(code: string): Analysis['diagnostics'];
}

function run(files: Record<string, string> | string, options: AnalysisOptions = {}): Run {
  const analysis = analyzePlans(filesOf(files), { today: parseDay('2026-01-01'), ...options });
  const projects = toRollupJson(analysis).projects;
  return {
    analysis,
    projects,
    project: (id) => byId(projects, id),
    codes(code) {
      return analysis.diagnostics.filter((d) => d.code === code);
    },
  };
}

function dates(project: ProjectJson): [string | null, string | null] {
  return [project.start, project.end];
}

function errors(r: Run): string[] {
  return r.analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
}

describe('schedule (SPEC 4)', () => {
  describe('explicit dates', () => {
    it('start + duration: 8w is 56 calendar days and the end is inclusive', () => {
      const r = run(yaml`
        project:
          id: solo
          name: Solo
          start: 2026-01-05
          duration: 8w
      `);
      assert.deepEqual(errors(r), []);
      // end = start + 56 − 1 = 2026-01-05 + 55 days: Jan 5 + 26 = Jan 31, + 28 = Feb 28, + 1 = Mar 1.
      assert.deepEqual(dates(r.project('solo')), ['2026-01-05', '2026-03-01']);
    });

    it('start + duration in days', () => {
      const r = run(yaml`
        project:
          id: tenday
          name: Ten days
          start: 2026-02-25
          duration: 10d
      `);
      // Feb 25 + 9 days = Feb 28 (+3), Mar 6 (+6 more).
      assert.deepEqual(dates(r.project('tenday')), ['2026-02-25', '2026-03-06']);
    });

    it('start + end are taken as written', () => {
      const r = run(yaml`
        project:
          id: fixed
          name: Fixed
          start: 2026-02-02
          end: 2026-02-27
      `);
      assert.deepEqual(errors(r), []);
      assert.deepEqual(dates(r.project('fixed')), ['2026-02-02', '2026-02-27']);
    });

    it('start, end and duration that agree are no conflict', () => {
      const r = run(yaml`
        project:
          id: agree
          name: Agree
          start: 2026-01-05
          end: 2026-03-01
          duration: 8w
      `);
      assert.deepEqual(errors(r), []);
      assert.deepEqual(dates(r.project('agree')), ['2026-01-05', '2026-03-01']);
    });
  });

  describe('dependencies (finish-to-start)', () => {
    it('computes a chain A → B → C from depends_on, whatever the order in the file', () => {
      const r = run(yaml`
        program:
          id: chain
          name: Chain
          projects:
            - id: c
              name: C
              depends_on: [b]
              duration: 2w
            - id: b
              name: B
              depends_on: [a]
              duration: 30d
            - id: a
              name: A
              start: 2026-01-05
              duration: 8w
      `);
      assert.deepEqual(errors(r), []);
      // A: 2026-01-05 .. 2026-03-01 (see above).
      assert.deepEqual(dates(r.project('a')), ['2026-01-05', '2026-03-01']);
      // B starts the day after A ends: Mar 2; end = Mar 2 + 30 − 1 = Mar 31.
      assert.deepEqual(dates(r.project('b')), ['2026-03-02', '2026-03-31']);
      // C starts Apr 1; end = Apr 1 + 14 − 1 = Apr 14.
      assert.deepEqual(dates(r.project('c')), ['2026-04-01', '2026-04-14']);
    });

    it('with several dependencies, the latest end wins', () => {
      const r = run(yaml`
        program:
          id: multi
          name: Multi
          projects:
            - id: early
              name: Early
              start: 2026-01-05
              duration: 8w
            - id: late
              name: Late
              start: 2026-01-05
              end: 2026-04-10
            - id: join
              name: Join
              depends_on: [late, early]
              duration: 5d
            - id: join2
              name: Join (other order)
              depends_on: [early, late]
              duration: 5d
      `);
      assert.deepEqual(errors(r), []);
      // early ends Mar 1, late ends Apr 10 → start Apr 11, end Apr 11 + 4 = Apr 15.
      assert.deepEqual(dates(r.project('join')), ['2026-04-11', '2026-04-15']);
      assert.deepEqual(dates(r.project('join2')), ['2026-04-11', '2026-04-15']);
    });

    it('a dependency on a milestone starts the day after the milestone date', () => {
      const r = run(yaml`
        program:
          id: ms
          name: Milestones
          milestones:
            - id: gate
              name: Funding gate
              date: 2026-05-15
          projects:
            - id: base
              name: Base
              start: 2026-04-01
              end: 2026-04-30
              milestones:
                - id: base-done
                  name: Base signed off
                  date: 2026-04-28
            - id: after-gate
              name: After the gate
              depends_on: [gate]
              duration: 10d
            - id: after-signoff
              name: After sign-off
              depends_on: [base-done]
              duration: 3d
      `);
      assert.deepEqual(errors(r), []);
      // gate 2026-05-15 → start May 16, end May 16 + 9 = May 25.
      assert.deepEqual(dates(r.project('after-gate')), ['2026-05-16', '2026-05-25']);
      // a project's milestone works the same: 2026-04-28 → Apr 29 .. May 1.
      assert.deepEqual(dates(r.project('after-signoff')), ['2026-04-29', '2026-05-01']);
    });

    it('an explicit start that breaks a dependency keeps its date and warns dependency-violation', () => {
      const r = run(yaml`
        program:
          id: viol
          name: Violations
          projects:
            - id: first
              name: First
              start: 2026-01-05
              duration: 8w
            - id: too-early
              name: Too early
              start: 2026-02-20
              duration: 10d
              depends_on: [first]
            - id: same-day
              name: Same day
              start: 2026-03-01
              duration: 1d
              depends_on: [first]
            - id: next-day
              name: Next day
              start: 2026-03-02
              duration: 1d
              depends_on: [first]
      `);
      assert.deepEqual(errors(r), []);
      // first ends Mar 1. too-early keeps Feb 20 .. Feb 20 + 9 = Mar 1.
      assert.deepEqual(dates(r.project('too-early')), ['2026-02-20', '2026-03-01']);
      // "on or before the end of a dependency" → the same day also violates; the day after does not.
      assert.deepEqual(dates(r.project('same-day')), ['2026-03-01', '2026-03-01']);
      assert.deepEqual(dates(r.project('next-day')), ['2026-03-02', '2026-03-02']);
      const violations = r.codes('dependency-violation');
      assert.equal(violations.length, 2, violations.map((d) => d.message).join('\n'));
      for (const d of violations) assert.equal(d.severity, 'warning');
      assert.ok(violations.some((d) => d.message.includes('too-early')));
      assert.ok(violations.some((d) => d.message.includes('same-day')));
      assert.ok(!violations.some((d) => d.message.includes('next-day')));
    });

    it("a milestone's depends_on never moves its date", () => {
      const r = run(yaml`
        program:
          id: msdep
          name: Milestone dependencies
          milestones:
            - id: m-early
              name: Too early
              date: 2026-02-15
              depends_on: [work]
            - id: m-same
              name: Same day
              date: 2026-03-01
              depends_on: [work]
          projects:
            - id: work
              name: Work
              start: 2026-01-05
              duration: 8w
            - id: after-early
              name: After the early milestone
              depends_on: [m-early]
              duration: 10d
            - id: after-same
              name: After the same-day milestone
              depends_on: [m-same]
              duration: 1d
      `);
      assert.deepEqual(errors(r), []);
      // work ends Mar 1, but m-early stays on Feb 15: the dependant starts Feb 16 .. Feb 25.
      assert.deepEqual(dates(r.project('after-early')), ['2026-02-16', '2026-02-25']);
      assert.deepEqual(dates(r.project('after-same')), ['2026-03-02', '2026-03-02']);
      const milestone = r.analysis.index.milestones.find((m) => m.id === 'm-early');
      assert.equal(milestone?.date?.value, parseDay('2026-02-15'));
      // m-early (Feb 15) < work's end (Mar 1) → violation; m-same on the same day is fine.
      const violations = r.codes('dependency-violation');
      assert.equal(violations.length, 1, violations.map((d) => d.message).join('\n'));
      assert.ok(violations[0].message.includes('m-early'), violations[0].message);
      // The program window includes its milestones: Jan 5 .. Mar 2 (after-same ends Mar 2).
      const program = toRollupJson(r.analysis).programs.find((p) => p.id === 'msdep')!;
      assert.deepEqual([program.start, program.end], ['2026-01-05', '2026-03-02']);
    });

    it('follows a dependency chain across two files', () => {
      const r = run({
        // The dependant sorts first, so file order cannot be what makes this work.
        'a-later.plan.yaml': yaml`
          project:
            id: later
            name: Later
            program: cross
            depends_on: [first]
            duration: 5d
        `,
        'b-program.plan.yaml': yaml`
          program:
            id: cross
            name: Cross-file
            projects:
              - id: first
                name: First
                start: 2026-01-05
                duration: 8w
        `,
      });
      assert.deepEqual(errors(r), []);
      // first ends Mar 1 → later Mar 2 .. Mar 6.
      assert.deepEqual(dates(r.project('later')), ['2026-03-02', '2026-03-06']);
      // Both belong to `cross`; the chain is the program's only path → both critical, float 0.
      assert.equal(r.project('later').program, 'cross');
      assert.deepEqual([r.project('first').float, r.project('first').critical], [0, true]);
      assert.deepEqual([r.project('later').float, r.project('later').critical], [0, true]);
    });
  });

  describe('cycles', () => {
    const text = yaml`
      program:
        id: loops
        name: Loops
        projects:
          - id: a
            name: A
            depends_on: [b]
            duration: 10d
          - id: b
            name: B
            depends_on: [a]
            duration: 10d
          - id: x
            name: X
            depends_on: [y]
            duration: 5d
          - id: y
            name: Y
            depends_on: [z]
            duration: 5d
          - id: z
            name: Z
            depends_on: [x]
            duration: 5d
          - id: self
            name: Self
            depends_on: [self]
            duration: 5d
          - id: fine
            name: Fine
            start: 2026-01-05
            duration: 10d
    `;

    it('leaves projects on a cycle unscheduled without crashing', () => {
      const r = run(text);
      for (const id of ['a', 'b', 'x', 'y', 'z', 'self']) {
        assert.deepEqual(dates(r.project(id)), [null, null], id);
      }
      // Projects off the cycle are scheduled as usual: Jan 5 + 9 = Jan 14.
      assert.deepEqual(dates(r.project('fine')), ['2026-01-05', '2026-01-14']);
    });

    it('reports dependency-cycle for each link of each cycle, where the link is written', () => {
      const r = run(text);
      const cycles = r.codes('dependency-cycle');
      // 2 links (a↔b) + 3 links (x→y→z→x) + 1 self-link.
      assert.equal(cycles.length, 6, cycles.map((d) => d.message).join('\n'));
      for (const d of cycles) assert.equal(d.severity, 'error');
      const dependsOnLines = text
        .split('\n')
        .map((line, i) => (line.includes('depends_on') ? i : -1))
        .filter((i) => i >= 0);
      assert.deepEqual(
        cycles.map((d) => d.range.start.line).sort((p, q) => p - q),
        dependsOnLines,
      );
    });

    // A cycle with an explicit start on it: p has explicit dates; q and d (off the cycle) depend on p.
    // SPEC 4's start rule still applies to them: the day after p's end (p: Jan 5 + 9 = Jan 14).
    //   q: Jan 15 .. Jan 24 (10d), which makes p's explicit start a dependency-violation too;
    //   d: Jan 15 .. Jan 19 (5d).
    // (The brief's "projects on a cycle stay unscheduled" is the case above, with no explicit date.)
    // Whatever the rule, the answer must not depend on the order the projects are written in.
    for (const order of [['p', 'q', 'd'], ['d', 'q', 'p']]) {
      it(`schedules from explicit dates on a cycle in any order (written ${order.join(', ')})`, () => {
        const entries: Record<string, string> = {
          p: yaml`
            - id: p
              name: P
              start: 2026-01-05
              duration: 10d
              depends_on: [q]
          `,
          q: yaml`
            - id: q
              name: Q
              depends_on: [p]
              duration: 10d
          `,
          d: yaml`
            - id: d
              name: D (after the cycle)
              depends_on: [p]
              duration: 5d
          `,
        };
        const projects = order.map((id) => entries[id].replace(/^(?=.)/gm, '    ')).join('');
        const r = run(`program:\n  id: loop2\n  name: Loop with a start\n  projects:\n${projects}`);
        assert.equal(r.codes('dependency-cycle').length, 2);
        assert.deepEqual(
          { p: dates(r.project('p')), q: dates(r.project('q')), d: dates(r.project('d')) },
          { p: ['2026-01-05', '2026-01-14'], q: ['2026-01-15', '2026-01-24'], d: ['2026-01-15', '2026-01-19'] },
        );
      });
    }
  });

  describe('critical path (per program)', () => {
    it('computes float and critical for a small network', () => {
      const r = run(yaml`
        program:
          id: net
          name: Network
          projects:
            - id: a
              name: A
              start: 2026-01-01
              duration: 10d
            - id: b
              name: B
              depends_on: [a]
              duration: 20d
            - id: c
              name: C
              depends_on: [a]
              duration: 5d
            - id: d
              name: D
              depends_on: [b, c]
              duration: 10d
            - id: e
              name: E
              start: 2026-01-01
              duration: 15d
      `);
      assert.deepEqual(errors(r), []);
      // Forward pass:
      //   A Jan 1 .. Jan 10
      //   B Jan 11 .. Jan 30 (20d)      C Jan 11 .. Jan 15 (5d)
      //   D Jan 31 .. Feb 9 (10d; after max(B Jan 30, C Jan 15))
      //   E Jan 1 .. Jan 15 (15d)
      // Program end = latest end = Feb 9.
      // Backward pass (LF = latest finish, LS = LF − duration + 1, float = LS − start):
      //   D: no successor → LF Feb 9;  LS = Feb 9 − 9 = Jan 31;      float 0
      //   B: LF = LS(D) − 1 = Jan 30;  LS = Jan 30 − 19 = Jan 11;    float 0
      //   C: LF = LS(D) − 1 = Jan 30;  LS = Jan 30 − 4 = Jan 26;     float Jan 26 − Jan 11 = 15
      //   A: LF = min(LS(B) − 1, LS(C) − 1) = min(Jan 10, Jan 25) = Jan 10; LS = Jan 1; float 0
      //   E: no successor → LF Feb 9;  LS = Feb 9 − 14 = Jan 26;     float Jan 26 − Jan 1 = 25
      assert.deepEqual(dates(r.project('d')), ['2026-01-31', '2026-02-09']);
      const expected: Record<string, [number, boolean]> = { a: [0, true], b: [0, true], c: [15, false], d: [0, true], e: [25, false] };
      for (const [id, [float, critical]] of Object.entries(expected)) {
        assert.deepEqual([r.project(id).float, r.project(id).critical], [float, critical], id);
      }
    });

    it('gives negative float where an explicit start breaks a dependency', () => {
      const r = run(yaml`
        program:
          id: neg
          name: Negative float
          projects:
            - id: a
              name: A
              start: 2026-03-01
              duration: 10d
            - id: b
              name: B
              start: 2026-03-06
              duration: 10d
              depends_on: [a]
            - id: c
              name: C
              depends_on: [a]
              duration: 3d
      `);
      // Forward: A Mar 1 .. Mar 10; B keeps Mar 6 .. Mar 15 (violation warning); C Mar 11 .. Mar 13.
      // Program end = Mar 15.
      //   B: no successor → LF Mar 15; LS = Mar 15 − 9 = Mar 6;  float 0
      //   C: no successor → LF Mar 15; LS = Mar 15 − 2 = Mar 13; float Mar 13 − Mar 11 = 2
      //   A: LF = min(LS(B) − 1, LS(C) − 1) = min(Mar 5, Mar 12) = Mar 5;
      //      LS = Mar 5 − 9 = Feb 24 (Feb 2026 has 28 days); float Feb 24 − Mar 1 = −5 → critical
      assert.deepEqual(dates(r.project('b')), ['2026-03-06', '2026-03-15']);
      assert.deepEqual(dates(r.project('c')), ['2026-03-11', '2026-03-13']);
      assert.equal(r.codes('dependency-violation').length, 1);
      assert.deepEqual([r.project('a').float, r.project('a').critical], [-5, true]);
      assert.deepEqual([r.project('b').float, r.project('b').critical], [0, true]);
      assert.deepEqual([r.project('c').float, r.project('c').critical], [2, false]);
    });

    it('gives float null (not critical) to projects outside any program and to cancelled ones', () => {
      const r = run({
        'alone.plan.yaml': yaml`
          project:
            id: alone
            name: Alone
            start: 2026-01-05
            duration: 8w
        `,
        'prog.plan.yaml': yaml`
          program:
            id: withcancel
            name: With a cancelled project
            projects:
              - id: dropped
                name: Dropped
                state: cancelled
                start: 2026-03-01
                duration: 10d
              - id: huge-dropped
                name: Huge and dropped
                state: cancelled
                start: 2026-01-01
                end: 2026-12-31
              - id: follower
                name: Follower
                depends_on: [dropped]
                duration: 5d
        `,
      });
      assert.deepEqual(errors(r), []);
      assert.deepEqual([r.project('alone').float, r.project('alone').critical], [null, false]);
      assert.deepEqual([r.project('dropped').float, r.project('dropped').critical], [null, false]);
      assert.deepEqual([r.project('huge-dropped').float, r.project('huge-dropped').critical], [null, false]);
      // The forward pass is the schedule: dropped Mar 1 .. Mar 10 is a fixed date → follower Mar 11 .. Mar 15.
      assert.deepEqual(dates(r.project('follower')), ['2026-03-11', '2026-03-15']);
      // Program end over non-cancelled projects = Mar 15 (not huge-dropped's Dec 31):
      //   follower: no successor → LF Mar 15; LS Mar 11; float 0.
      assert.deepEqual([r.project('follower').float, r.project('follower').critical], [0, true]);
    });

    it('takes dependencies on projects of another program (and on milestones) as fixed dates', () => {
      const r = run(yaml`
        program:
          id: p1
          name: P1
          projects:
            - id: a
              name: A
              start: 2026-01-01
              duration: 10d
            - id: d
              name: D
              start: 2026-01-01
              duration: 5d
        ---
        program:
          id: p2
          name: P2
          milestones:
            - id: p2-gate
              name: Gate
              date: 2026-01-04
          projects:
            - id: b
              name: B
              depends_on: [a]
              duration: 10d
            - id: c
              name: C
              start: 2026-01-01
              duration: 30d
            - id: g
              name: G
              depends_on: [p2-gate]
              duration: 6d
      `);
      assert.deepEqual(errors(r), []);
      // P1: A Jan 1 .. Jan 10, D Jan 1 .. Jan 5; program end Jan 10.
      //   A's only successor (B) is in P2, so inside P1 A has none: LF Jan 10, LS Jan 1, float 0.
      //   (Were B counted, LF(A) = LS(B) − 1 = Jan 20 and float would be 10.)
      //   D: LF Jan 10, LS = Jan 10 − 4 = Jan 6, float 5.
      assert.deepEqual([r.project('a').float, r.project('a').critical], [0, true]);
      assert.deepEqual([r.project('d').float, r.project('d').critical], [5, false]);
      // P2: B Jan 11 .. Jan 20 (A's end is a fixed date), C Jan 1 .. Jan 30, G Jan 5 .. Jan 10; end Jan 30.
      //   B: LF Jan 30, LS = Jan 30 − 9 = Jan 21, float Jan 21 − Jan 11 = 10
      //   C: LF Jan 30, LS Jan 1, float 0
      //   G: LF Jan 30, LS = Jan 30 − 5 = Jan 25, float Jan 25 − Jan 5 = 20
      assert.deepEqual(dates(r.project('b')), ['2026-01-11', '2026-01-20']);
      assert.deepEqual(dates(r.project('g')), ['2026-01-05', '2026-01-10']);
      assert.deepEqual([r.project('b').float, r.project('b').critical], [10, false]);
      assert.deepEqual([r.project('c').float, r.project('c').critical], [0, true]);
      assert.deepEqual([r.project('g').float, r.project('g').critical], [20, false]);
    });
  });
});
