/**
 * The server's settings: what the client answers for `workspace/configuration` (section `planAsCode`,
 * the same keys as the VS Code extension's settings), over the team's `.plan-as-code.yaml`, over the
 * defaults. A missing, `null`, empty or wrong answer means the defaults plus the file, never an error:
 * each wrong value is named in the log and left out.
 */
import { defaultQualityThresholds, effectiveQualityThresholds, effectiveSettings, messages, parseDay, qualityMetricIds, slipDaysSetting, type EditorSettings, type QualityMetricId, type QualityThresholds, type TeamSettings } from '../core';
import { globToRegExp } from './glob';

export const section = 'planAsCode';
export const defaultFilesGlob = '**/*.plan.{yaml,yml}';

export type ServerSettings = EditorSettings & {
  /** Schedule-quality thresholds (SPEC 11): the client's setting, else the team's file, else the defaults. */
  readonly quality: QualityThresholds;
};

/** The settings from the client's answer (any JSON value) and the team's file; `warn` hears about each value left out. */
export function serverSettings(answer: unknown, team: TeamSettings | undefined, warn: (message: string) => void = () => {}): ServerSettings {
  const config = isObject(answer) ? answer : {};
  const get = (key: string): unknown => {
    // Clients send either nested objects ({ health: { redBelow } }) or dotted keys ({ 'health.redBelow' }).
    if (key in config) return config[key];
    let value: unknown = config;
    for (const part of key.split('.')) value = isObject(value) ? value[part] : undefined;
    return value;
  };
  const typed = <T>(key: string, check: (value: unknown) => value is T, expected: string): T | undefined => {
    const value = get(key);
    if (value === undefined || value === null || value === '') return undefined;
    if (check(value)) return value;
    warn(`setting ${section}.${key}: ${JSON.stringify(value)} is not ${expected}; using the default`);
    return undefined;
  };
  // A slip threshold (SPEC 5): a number of days, 0 or more; else named, with the default used.
  const slipDays = (key: string): number | undefined => {
    const value = get(key);
    if (value === undefined || value === null || value === '') return undefined;
    const checked = slipDaysSetting(`${section}.${key}`, value);
    if (checked.problem !== undefined) warn(`setting ${checked.problem}`);
    return checked.value;
  };
  const isThreshold = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 2;
  const isString = (v: unknown): v is string => typeof v === 'string';
  // A glob whose class cannot be read (`[z-a]`) would stop the server when the files are listed.
  const isGlob = (v: unknown): v is string => typeof v === 'string' && readableGlob(v);
  const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
  const statusDateText = typed('statusDate', isString, 'a date (YYYY-MM-DD)');
  const statusDate = statusDateText === undefined ? undefined : parseDay(statusDateText.trim());
  if (statusDateText !== undefined && statusDateText.trim() !== '' && statusDate === undefined) warn(`setting ${section}.statusDate: '${statusDateText}' is not a date (YYYY-MM-DD); using the plans' status date`);
  const { thresholds, defaultCurrency } = effectiveSettings(team, {
    redBelow: typed('health.redBelow', isThreshold, 'a number from 0 to 2'),
    amberBelow: typed('health.amberBelow', isThreshold, 'a number from 0 to 2'),
    slipRedDays: slipDays('health.slipRedDays'),
    slipAmberDays: slipDays('health.slipAmberDays'),
    defaultCurrency: typed('defaultCurrency', (v): v is string => typeof v === 'string' && /^[A-Z]{3}$/.test(v), 'an ISO 4217 code (like USD)'),
  });
  const sizeMB = typed('maxFileSizeMB', (v): v is number => typeof v === 'number' && v > 0, 'a size in MB above 0') ?? 5;
  return {
    filesGlob: typed('files', isGlob, 'a glob (like **/*.plan.yaml)') || defaultFilesGlob,
    analysis: { statusDate, thresholds, defaultCurrency },
    defaultCurrency,
    codeLens: typed('codeLens.enabled', isBoolean, 'true or false') ?? true,
    maxFileSize: Math.max(1, Math.round(sizeMB * 1024 * 1024)),
    schemaDiagnostics: typed('validation.schema', isBoolean, 'true or false') ?? true,
    quality: effectiveQualityThresholds(team, qualityOverrides(get, warn)),
  };
}

/** The `quality.<metric>` values the client set; one that is not a number of 0 or more is named and not used. */
function qualityOverrides(get: (key: string) => unknown, warn: (message: string) => void): Partial<QualityThresholds> {
  const overrides: Partial<Record<QualityMetricId, number>> = {};
  for (const id of qualityMetricIds) {
    const value = get(`quality.${id}`);
    if (value === undefined || value === null || value === '') continue;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) overrides[id] = value;
    else warn(`setting ${messages.qualityThreshold(`${section}.quality.${id}`, JSON.stringify(value), defaultQualityThresholds[id])}`);
  }
  return overrides;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readableGlob(glob: string): boolean {
  try {
    globToRegExp(glob);
    return true;
  } catch {
    return false;
  }
}
