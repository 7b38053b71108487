/** The language server's settings and plan-file glob (src/server): what any client's answer means. */
import assert from 'node:assert/strict';
import { globToRegExp } from '../../src/server/glob';
import { serverSettings } from '../../src/server/settings';

describe('language server settings', () => {
  it('matches the files glob against folder-relative paths', () => {
    const glob = globToRegExp('**/*.plan.{yaml,yml}');
    for (const path of ['a.plan.yaml', 'x/a.plan.yml', 'x/y/z.plan.yaml']) assert.ok(glob.test(path), path);
    for (const path of ['a.plan.yamlx', 'a.yaml', 'plan.yaml', 'x/a.plan.json']) assert.ok(!glob.test(path), path);
    const folder = globToRegExp('plans/*.plan.yaml');
    assert.ok(folder.test('plans/a.plan.yaml'));
    assert.ok(!folder.test('plans/x/a.plan.yaml'));
    assert.ok(globToRegExp('p?.plan.[ab]ml').test('p1.plan.aml'));
  });

  it('names a files glob it cannot read ([z-a]) and lists the plans by the default (it stopped the server)', () => {
    const warnings: string[] = [];
    const settings = serverSettings({ files: '**/[z-a]*.plan.yaml' }, undefined, (m) => warnings.push(m));
    assert.equal(settings.filesGlob, '**/*.plan.{yaml,yml}');
    assert.deepEqual(warnings, ['setting planAsCode.files: "**/[z-a]*.plan.yaml" is not a glob (like **/*.plan.yaml); using the default']);
    assert.equal(serverSettings({ files: 'plans/[a-z]*.plan.yaml' }, undefined).filesGlob, 'plans/[a-z]*.plan.yaml');
  });

  it('uses the defaults for a null, empty or missing answer', () => {
    for (const answer of [null, undefined, {}, [], 'x']) {
      const settings = serverSettings(answer, undefined);
      assert.equal(settings.filesGlob, '**/*.plan.{yaml,yml}');
      assert.deepEqual(settings.analysis.thresholds, { red: 0.9, amber: 0.95, slipRedDays: 30, slipAmberDays: 0 });
      assert.equal(settings.defaultCurrency, 'USD');
      assert.equal(settings.codeLens, true);
      assert.equal(settings.schemaDiagnostics, true);
      // 5 MB = 5 × 1024 × 1024 bytes.
      assert.equal(settings.maxFileSize, 5242880);
    }
  });

  it('reads nested and dotted keys; the client overrides the team file, the file the defaults', () => {
    const team = { redBelow: 0.8, amberBelow: 0.85, defaultCurrency: 'EUR' };
    assert.deepEqual(serverSettings(null, team).analysis.thresholds, { red: 0.8, amber: 0.85, slipRedDays: 30, slipAmberDays: 0 });
    const nested = serverSettings({ health: { redBelow: 0.7 }, codeLens: { enabled: false }, validation: { schema: false }, statusDate: '2026-03-31' }, team);
    assert.deepEqual(nested.analysis.thresholds, { red: 0.7, amber: 0.85, slipRedDays: 30, slipAmberDays: 0 });
    assert.equal(nested.defaultCurrency, 'EUR');
    assert.equal(nested.codeLens, false);
    assert.equal(nested.schemaDiagnostics, false);
    assert.equal(nested.analysis.statusDate !== undefined, true);
    const dotted = serverSettings({ 'health.amberBelow': 0.99, 'health.slipRedDays': 60, defaultCurrency: 'GBP', files: 'plans/**/*.yaml', maxFileSizeMB: 1 }, team);
    assert.deepEqual(dotted.analysis.thresholds, { red: 0.8, amber: 0.99, slipRedDays: 60, slipAmberDays: 0 });
    assert.equal(dotted.defaultCurrency, 'GBP');
    assert.equal(dotted.filesGlob, 'plans/**/*.yaml');
    assert.equal(dotted.maxFileSize, 1048576);
  });

  it('leaves out each wrong value, naming it', () => {
    const warnings: string[] = [];
    const settings = serverSettings({ health: { redBelow: 'high', amberBelow: 3, slipRedDays: -1 }, defaultCurrency: 'euro', codeLens: { enabled: 'yes' }, statusDate: 'soon' }, undefined, (m) => warnings.push(m));
    assert.deepEqual(settings.analysis.thresholds, { red: 0.9, amber: 0.95, slipRedDays: 30, slipAmberDays: 0 });
    assert.equal(settings.defaultCurrency, 'USD');
    assert.equal(settings.codeLens, true);
    assert.equal(settings.analysis.statusDate, undefined);
    assert.deepEqual(warnings.map((w) => /planAsCode\.[\w.]+/.exec(w)?.[0]).sort(), [
      'planAsCode.codeLens.enabled', 'planAsCode.defaultCurrency', 'planAsCode.health.amberBelow', 'planAsCode.health.redBelow', 'planAsCode.health.slipRedDays', 'planAsCode.statusDate',
    ]);
  });
});
