/**
 * The team's settings file (.plan-as-code.yaml): what it sets, its mistakes with exact places, and the
 * order of precedence — overrides (flags, VS Code settings) over the file over the defaults.
 */
import { strict as assert } from 'node:assert';
import { analyzePlans, effectiveSettings, readTeamSettings } from '../../src/core';
import { day, yaml } from '../utils/plans';

// v3: the slip thresholds are part of every set of thresholds in force.
const slipDefaults = { slipRedDays: 30, slipAmberDays: 0 };
const read = (text: string) => readTeamSettings('.plan-as-code.yaml', text);
const problems = (text: string) =>
  read(text).diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);

describe('team settings (.plan-as-code.yaml)', () => {
  it('reads the thresholds and the default currency', () => {
    const file = read(yaml`
      version: 1
      health:
        redBelow: 0.85
        amberBelow: 0.92
      defaultCurrency: EUR
      x-note: ignored, like in plans
    `);
    assert.deepEqual(file.diagnostics, []);
    assert.deepEqual(file.settings, { redBelow: 0.85, amberBelow: 0.92, defaultCurrency: 'EUR' });
  });

  it('reads the slip thresholds (v3), and names a bad one with the default used instead', () => {
    const good = read(yaml`
      health:
        slipRedDays: 20
        slipAmberDays: 5
    `);
    assert.deepEqual(good.diagnostics, []);
    assert.deepEqual(good.settings, { slipRedDays: 20, slipAmberDays: 5 });
    assert.deepEqual(effectiveSettings(good.settings).thresholds, { red: 0.9, amber: 0.95, slipRedDays: 20, slipAmberDays: 5 });
    const bad = yaml`
      health:
        slipRedDays: -1
        slipAmberDays: soon
    `;
    assert.deepEqual(problems(bad), [
      "2:16 schema health.slipRedDays -1 is not a number of days (expected a number 0 or more, like 30); the default 30 is used",
      "3:18 schema health.slipAmberDays 'soon' is not a number of days (expected a number 0 or more, like 30); the default 0 is used",
    ]);
    assert.deepEqual(read(bad).settings, {});
    // 0 days is a valid threshold: any slip is then red.
    assert.deepEqual(read('health:\n  slipRedDays: 0\n').settings, { slipRedDays: 0 });
  });

  it('an empty file sets nothing', () => {
    assert.deepEqual(read('# nothing yet\n').settings, {});
    assert.deepEqual(read('').diagnostics, []);
  });

  it('reports each mistake where it is written, and does not use the value', () => {
    const text = yaml`
      version: 2
      health:
        redbelow: 0.8
        amberBelow: high
      defaultCurrency: euro
      currency: EUR
    `;
    assert.deepEqual(problems(text), [
      "6:1 schema Unknown key 'currency' in the settings (user extensions start with 'x-')",
      '1:10 schema version must be 1',
      "3:3 schema Unknown key 'redbelow' in health (user extensions start with 'x-'); did you mean 'redBelow'?",
      '4:15 schema health.amberBelow must be a number from 0 to 2, like 0.9',
      "5:18 schema defaultCurrency must be an ISO 4217 code, like 'USD'",
    ]);
    assert.deepEqual(read(text).settings, {});
  });

  it('refuses an amber threshold below the red one', () => {
    const text = yaml`
      health:
        redBelow: 0.9
        amberBelow: 0.8
    `;
    assert.deepEqual(problems(text), ['3:15 schema health.amberBelow (0.8) must not be below health.redBelow (0.9): amber is the band between the two']);
    assert.deepEqual(read(text).settings, { redBelow: 0.9 });
  });

  it("refuses an amber threshold below the default red one, and a slip's amber days above its red days", () => {
    assert.deepEqual(problems(yaml`
      health:
        amberBelow: 0.5
    `), ['2:15 schema health.amberBelow (0.5) must not be below health.redBelow (0.9, the default): amber is the band between the two']);
    const slip = yaml`
      health:
        slipRedDays: 5
        slipAmberDays: 10
    `;
    assert.deepEqual(problems(slip), ['3:18 schema health.slipAmberDays (10) must not be above health.slipRedDays (5): amber is the band between the two']);
    assert.deepEqual(read(slip).settings, { slipRedDays: 5 });
    assert.deepEqual(problems('health:\n  slipAmberDays: 40\n'), ['2:18 schema health.slipAmberDays (40) must not be above health.slipRedDays (30, the default): amber is the band between the two']);
    // close: equal thresholds leave an empty amber band but are not contradictory.
    assert.deepEqual(problems('health:\n  amberBelow: 0.9\n  slipAmberDays: 30\n'), []);
  });

  it('reports a second YAML document, whose settings would not be read', () => {
    assert.deepEqual(problems('version: 1\n---\nhealth:\n  redBelow: 0.8\n'), ['2:1 schema .plan-as-code.yaml holds 2 YAML documents; write its settings in one (the others are not read)']);
    // On the --- itself, not an empty range.
    const range = read('version: 1\n---\nhealth:\n  redBelow: 0.8\n').diagnostics[0].range;
    assert.deepEqual(range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
  });

  it('reports a file that is not YAML, or not a mapping', () => {
    assert.equal(read('health: [\n').diagnostics[0].code, 'yaml-syntax');
    assert.deepEqual(problems('- 0.9\n'), ['1:1 schema .plan-as-code.yaml must be a mapping of settings (version, health, defaultCurrency)']);
  });

  describe('precedence', () => {
    it('defaults without a file', () => {
      assert.deepEqual(effectiveSettings(undefined), { thresholds: { red: 0.9, amber: 0.95, ...slipDefaults }, defaultCurrency: 'USD' });
    });

    it('the file over the defaults, key by key', () => {
      assert.deepEqual(effectiveSettings({ redBelow: 0.8 }), { thresholds: { red: 0.8, amber: 0.95, ...slipDefaults }, defaultCurrency: 'USD' });
    });

    it('overrides over the file', () => {
      assert.deepEqual(effectiveSettings({ redBelow: 0.8, defaultCurrency: 'EUR' }, { redBelow: 0.85, defaultCurrency: 'GBP' }), {
        thresholds: { red: 0.85, amber: 0.95, ...slipDefaults },
        defaultCurrency: 'GBP',
      });
    });

    it('an amber threshold below red from different sources: amber starts where red ends', () => {
      assert.deepEqual(effectiveSettings({ amberBelow: 0.8 }, { redBelow: 0.85 }).thresholds, { red: 0.85, amber: 0.85, ...slipDefaults });
    });
  });

  it('moves health as the thresholds move (what the CLI and the editor both pass in)', () => {
    // CPI = 90 / 100 = 0.9: amber by the defaults (0.90 ≤ CPI < 0.95), green with amberBelow 0.9, red with redBelow 0.91.
    const text = yaml`
      project:
        id: p
        name: P
        start: 2026-01-01
        end: 2026-01-10
        budget: 100
        spent: 100
        progress: 90
    `;
    const health = (settings: Parameters<typeof effectiveSettings>[0]) =>
      analyzePlans([{ path: 'p.plan.yaml', text }], { statusDate: day('2026-01-09'), ...effectiveSettings(settings) }).rollup.projects.values().next().value!.figures.health;
    assert.equal(health(undefined), 'amber');
    assert.equal(health({ redBelow: 0.8, amberBelow: 0.9 }), 'green');
    assert.equal(health({ redBelow: 0.91 }), 'red');
  });
});
