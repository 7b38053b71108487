/**
 * The team's settings file, `.plan-as-code.yaml`, committed beside the plans so the command line in CI
 * and every editor compute the same health from the same files:
 *
 * ```yaml
 * version: 1
 * health:
 *   redBelow: 0.85      # CPI or SPI below this is red
 *   amberBelow: 0.92    # … below this is amber
 *   slipRedDays: 30     # a forecast end more than this many days after the planned end is red
 *   slipAmberDays: 0    # … more than this many days after it is amber
 * defaultCurrency: EUR  # the currency of programs that name none
 * quality:              # schedule-quality thresholds (SPEC 11), by metric id
 *   missing-logic: 10
 * ```
 *
 * Every key is optional. A value that is wrong is reported (file, line and column) and not used.
 * VS Code settings and command-line flags override the file; the file overrides the defaults.
 */
import { DEFAULT_CURRENCY, defaultQualityThresholds, defaultThresholds, qualityMetricIds, type HealthThresholds, type QualityMetricId, type QualityThresholds } from '../base/defaults';
import type { PlanDiagnostic } from '../base/diagnostic';
import { messages } from '../base/messages';
import type { Span } from '../base/positions';
import { closestName } from '../base/suggestions';
import type { MapNode, YamlNode } from '../syntax/nodes';
import { parsePlanFile } from '../syntax/parser';

/** The name of the file, looked for at the root of the workspace (and, by the CLI, in the folders above). */
export const TEAM_SETTINGS_FILE = '.plan-as-code.yaml';

/** What the file may set; absent keys fall back to the defaults. */
export interface TeamSettings {
  readonly redBelow?: number;
  readonly amberBelow?: number;
  readonly slipRedDays?: number;
  readonly slipAmberDays?: number;
  readonly defaultCurrency?: string;
  /** Schedule-quality thresholds, by metric id (SPEC 11). */
  readonly quality?: Partial<QualityThresholds>;
}

export interface TeamSettingsFile {
  readonly path: string;
  readonly settings: TeamSettings;
  /** Problems of the file (yaml-syntax, schema): each says what is wrong and where. */
  readonly diagnostics: readonly PlanDiagnostic[];
}

const keys = ['version', 'health', 'defaultCurrency', 'quality'];
const healthKeys = ['redBelow', 'amberBelow', 'slipRedDays', 'slipAmberDays'];
const slipKeys = ['slipRedDays', 'slipAmberDays'] as const;

/** Reads the settings file's text; never throws. */
export function readTeamSettings(path: string, text: string): TeamSettingsFile {
  const file = parsePlanFile(path, text);
  const diagnostics: PlanDiagnostic[] = [...file.diagnostics];
  const settings: { -readonly [K in keyof TeamSettings]: TeamSettings[K] } = {};
  const report = (span: Span, message: string) =>
    diagnostics.push({ file: path, range: file.lines.rangeOf(span), severity: 'error', code: 'schema', message });
  const root = file.documents[0]?.root;
  if (diagnostics.length > 0 || root === undefined) return { path, settings, diagnostics };
  const second = file.documents[1];
  if (second) {
    // On the `---` that starts it (else its first character).
    const marker = file.text.lastIndexOf('---', second.span[0]);
    const at: Span = marker >= 0 ? [marker, marker + 3] : [second.span[0], Math.min(file.text.length, second.span[0] + 1)];
    report(at, messages.settingsDocuments(TEAM_SETTINGS_FILE, file.documents.length));
  }
  if (root.kind !== 'map') {
    report([root.span[0], root.span[0]], messages.settingsNotMapping(TEAM_SETTINGS_FILE));
    return { path, settings, diagnostics };
  }
  unknownKeys(root, keys, 'the settings', report);
  const version = root.entries.get('version');
  if (version && !(version.value.kind === 'scalar' && version.value.value === 1)) report(spanOf(version.value), messages.badConst('version', 1));
  const health = root.entries.get('health');
  if (health && health.value.kind !== 'map') report(spanOf(health.value), messages.wrongType('a mapping', 'health'));
  else if (health?.value.kind === 'map') {
    unknownKeys(health.value, healthKeys, 'health', report);
    for (const key of slipKeys) {
      const entry = health.value.entries.get(key);
      if (!entry) continue;
      const value = entry.value.kind === 'scalar' ? entry.value.value : undefined;
      const checked = slipDaysSetting(`health.${key}`, value);
      if (checked.problem === undefined) settings[key] = checked.value;
      else report(spanOf(entry.value), checked.problem);
    }
    for (const key of ['redBelow', 'amberBelow'] as const) {
      const entry = health.value.entries.get(key);
      if (!entry) continue;
      const value = entry.value.kind === 'scalar' ? entry.value.value : undefined;
      if (typeof value === 'number' && value >= 0 && value <= 2) settings[key] = value;
      else report(spanOf(entry.value), messages.settingsThreshold(`health.${key}`));
    }
    // Amber is the band between the two thresholds: an amber one past the red one (given here, else the default) leaves none.
    const red = settings.redBelow ?? defaultThresholds.red;
    if (settings.amberBelow !== undefined && settings.amberBelow < red) {
      report(spanOf(health.value.entries.get('amberBelow')!.value), messages.settingsThresholdOrder(settings.amberBelow, red, settings.redBelow === undefined));
      delete settings.amberBelow;
    }
    const slipRed = settings.slipRedDays ?? defaultThresholds.slipRedDays!;
    if (settings.slipAmberDays !== undefined && settings.slipAmberDays > slipRed) {
      report(spanOf(health.value.entries.get('slipAmberDays')!.value), messages.settingsSlipOrder(settings.slipAmberDays, slipRed, settings.slipRedDays === undefined));
      delete settings.slipAmberDays;
    }
  }
  const currency = root.entries.get('defaultCurrency');
  if (currency) {
    const value = currency.value.kind === 'scalar' ? currency.value.value : undefined;
    if (typeof value === 'string' && /^[A-Z]{3}$/.test(value)) settings.defaultCurrency = value;
    else report(spanOf(currency.value), messages.badPattern('defaultCurrency', "must be an ISO 4217 code, like 'USD'"));
  }
  const quality = root.entries.get('quality');
  if (quality) {
    const read = readQualityThresholds(quality.value, report);
    if (read) settings.quality = read;
  }
  return { path, settings, diagnostics };
}

/**
 * A slip threshold (`slipRedDays`, `slipAmberDays`) as given — in the file, a flag or an editor setting:
 * a number of days, 0 or more; else a problem naming the setting, the value and the default used instead.
 */
export function slipDaysSetting(name: string, value: unknown): { value: number; problem?: undefined } | { value?: undefined; problem: string } {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (Number.isFinite(number) && number >= 0) return { value: number };
  const fallback = name.endsWith('slipRedDays') || name.endsWith('slip-red-days') ? defaultThresholds.slipRedDays! : defaultThresholds.slipAmberDays!;
  return { problem: messages.settingsSlipDays(name, typeof value === 'string' ? `'${value}'` : String(value), fallback) };
}

/** The `quality:` mapping: each metric's threshold, a number of 0 or more; a wrong one is reported and the default used. */
function readQualityThresholds(node: YamlNode, report: (span: Span, message: string) => void): Partial<QualityThresholds> | undefined {
  if (node.kind !== 'map') {
    report(spanOf(node), messages.wrongType('a mapping', 'quality'));
    return undefined;
  }
  unknownKeys(node, qualityMetricIds, 'quality', report);
  const read: Partial<Record<QualityMetricId, number>> = {};
  // In written order, so the problems read top to bottom.
  for (const [key, entry] of node.entries) {
    const id = qualityMetricIds.find((metric) => metric === key);
    if (id === undefined) continue;
    const value = entry.value.kind === 'scalar' ? entry.value.value : undefined;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) read[id] = value;
    else report(spanOf(entry.value), messages.qualityThreshold(`quality.${id}`, value === undefined ? `a ${entry.value.kind}` : JSON.stringify(value), defaultQualityThresholds[id]));
  }
  return Object.keys(read).length > 0 ? read : undefined;
}

/** The schedule-quality thresholds in force: overrides (editor settings), else the file, else SPEC 11's defaults. */
export function effectiveQualityThresholds(file: TeamSettings | undefined, overrides: Partial<QualityThresholds> = {}): QualityThresholds {
  const result: Record<QualityMetricId, number> = { ...defaultQualityThresholds };
  for (const id of qualityMetricIds) result[id] = overrides[id] ?? file?.quality?.[id] ?? defaultQualityThresholds[id];
  return result;
}

/** The thresholds and default currency in force: overrides (flags, editor settings), else the file, else the defaults. */
export function effectiveSettings(file: TeamSettings | undefined, overrides: TeamSettings = {}): { thresholds: HealthThresholds; defaultCurrency: string } {
  const red = overrides.redBelow ?? file?.redBelow ?? defaultThresholds.red;
  const amber = overrides.amberBelow ?? file?.amberBelow ?? defaultThresholds.amber;
  const slipRedDays = overrides.slipRedDays ?? file?.slipRedDays ?? defaultThresholds.slipRedDays;
  const slipAmberDays = overrides.slipAmberDays ?? file?.slipAmberDays ?? defaultThresholds.slipAmberDays;
  return {
    // An amber threshold below the red one would make amber unreachable: amber starts where red ends.
    thresholds: { red, amber: Math.max(red, amber), slipRedDays, slipAmberDays },
    defaultCurrency: overrides.defaultCurrency ?? file?.defaultCurrency ?? DEFAULT_CURRENCY,
  };
}

function spanOf(node: YamlNode): Span {
  return node.span;
}

function unknownKeys(node: MapNode, allowed: readonly string[], where: string, report: (span: Span, message: string) => void): void {
  for (const [key, entry] of node.entries) {
    if (allowed.includes(key) || key.startsWith('x-')) continue;
    const suggestion = closestName(key, allowed);
    report(entry.keySpan, `${messages.unknownKey(key, where)}${suggestion ? `; did you mean '${suggestion}'?` : ''}`);
  }
}

