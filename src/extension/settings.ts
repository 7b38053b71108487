/**
 * The extension's settings (`planAsCode.*`), read in one place. The health thresholds and the default
 * currency come from the team's `.plan-as-code.yaml` (teamSettings.ts) unless a VS Code setting sets them
 * explicitly (user, workspace or folder), so the editor and the CLI in CI agree by default.
 */
import * as vscode from 'vscode';
import {
  defaultQualityThresholds, effectiveQualityThresholds, effectiveSettings, messages, parseDay, qualityMetricIds, slipDaysSetting,
  type EditorSettings, type QualityMetricId, type QualityThresholds, type TeamSettings,
} from '../core';

/** The plan files when `planAsCode.files` is not set (SPEC 2). */
export const defaultFilesGlob = '**/*.plan.{yaml,yml}';

export const section = 'planAsCode';

export interface PlanSettings extends EditorSettings {
  /** Schedule-quality thresholds (SPEC 11): a VS Code setting someone set, else the team's file, else the defaults. */
  readonly quality: QualityThresholds;
}

export function readSettings(team?: TeamSettings): PlanSettings {
  const config = vscode.workspace.getConfiguration(section);
  const statusDate = parseDay(config.get<string>('statusDate', '').trim());
  const { thresholds, defaultCurrency } = effectiveSettings(team, {
    redBelow: explicit<number>(config, 'health.redBelow'),
    amberBelow: explicit<number>(config, 'health.amberBelow'),
    slipRedDays: slipDays(config, 'health.slipRedDays'),
    slipAmberDays: slipDays(config, 'health.slipAmberDays'),
    defaultCurrency: explicit<string>(config, 'defaultCurrency') || undefined,
  });
  return {
    filesGlob: config.get<string>('files', defaultFilesGlob) || defaultFilesGlob,
    analysis: { statusDate, thresholds, defaultCurrency },
    defaultCurrency,
    codeLens: config.get<boolean>('codeLens.enabled', true),
    maxFileSize: Math.max(1, config.get<number>('maxFileSizeMB', 5) * 1024 * 1024),
    schemaDiagnostics: config.get<boolean>('validation.schema', true),
    quality: effectiveQualityThresholds(team, qualityOverrides(config)),
  };
}

/** Problems already shown, so that each is said once, not on every analysis. */
const shownProblems = new Set<string>();

/** A slip threshold when set and valid; set and not a number of days ≥ 0: said once (naming the setting and the default used), and unset. */
function slipDays(config: vscode.WorkspaceConfiguration, key: string): number | undefined {
  const value = explicit<unknown>(config, key);
  if (value === undefined) return undefined;
  const checked = slipDaysSetting(`${section}.${key}`, value);
  if (checked.problem !== undefined && !shownProblems.has(checked.problem)) {
    shownProblems.add(checked.problem);
    void vscode.window.showErrorMessage(`Plan as Code: ${checked.problem}.`);
  }
  return checked.value;
}

/** The `planAsCode.quality.<metric>` settings someone set; a value that is not a number of 0 or more is an error message and not used. */
function qualityOverrides(config: vscode.WorkspaceConfiguration): Partial<QualityThresholds> {
  const overrides: Partial<Record<QualityMetricId, number>> = {};
  for (const id of qualityMetricIds) {
    const value = explicit<unknown>(config, `quality.${id}`);
    if (value === undefined) continue;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      overrides[id] = value;
      continue;
    }
    const message = messages.qualityThreshold(`${section}.quality.${id}`, JSON.stringify(value), defaultQualityThresholds[id]);
    if (!shownProblems.has(message)) {
      shownProblems.add(message);
      void vscode.window.showErrorMessage(`Plan as Code: ${message}`);
    }
  }
  return overrides;
}

/** A setting's value when someone set it (user, workspace or folder), else undefined (its default does not count). */
function explicit<T>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const inspected = config.inspect<T>(key);
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
}

/**
 * The `planAsCode` settings someone set (user, workspace or folder), by key (`health.redBelow`), for the
 * language server's `workspace/configuration`: a key left at its default is left out, so the team's
 * `.plan-as-code.yaml` applies to it there as here (readSettings).
 */
export function explicitSettings(keys: readonly string[], scope?: vscode.Uri): Record<string, unknown> {
  // One look at the whole section (its value at each level holds only what was set there), not one per key:
  // 55 inspections took ~70 ms of the extension host while the server was indexing.
  const inspected = vscode.workspace.getConfiguration(undefined, scope).inspect<Record<string, unknown>>(section);
  const known = new Set(keys);
  const set: Record<string, unknown> = {};
  const collect = (value: unknown, prefix: string): void => {
    if (known.has(prefix)) set[prefix] = value;
    else if (typeof value === 'object' && value !== null && !Array.isArray(value))
      for (const [key, inner] of Object.entries(value)) collect(inner, prefix ? `${prefix}.${key}` : key);
  };
  // The folder's over the workspace's over the user's.
  for (const level of [inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue]) if (level !== undefined) collect(level, '');
  return set;
}
