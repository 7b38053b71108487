/** The extension's settings (`planAsCode.*`), read in one place. */
import * as vscode from 'vscode';
import { DEFAULT_CURRENCY, defaultThresholds, parseDay, type AnalysisOptions } from '../core';

export const section = 'planAsCode';

export interface PlanSettings {
  readonly filesGlob: string;
  readonly analysis: AnalysisOptions;
  /** Currency of programs that name none. */
  readonly defaultCurrency: string;
  readonly codeLens: boolean;
  readonly maxFileSize: number;
  /** False when another YAML tool (Red Hat YAML) reports schema errors from our contributed schema. */
  readonly schemaDiagnostics: boolean;
}

export function readSettings(): PlanSettings {
  const config = vscode.workspace.getConfiguration(section);
  const statusDate = parseDay(config.get<string>('statusDate', '').trim());
  const red = config.get<number>('health.redBelow', defaultThresholds.red);
  const amber = config.get<number>('health.amberBelow', defaultThresholds.amber);
  const defaultCurrency = config.get<string>('defaultCurrency', DEFAULT_CURRENCY) || DEFAULT_CURRENCY;
  return {
    filesGlob: config.get<string>('files', '**/*.plan.{yaml,yml}') || '**/*.plan.{yaml,yml}',
    analysis: {
      statusDate,
      thresholds: { red, amber: Math.max(red, amber) },
      defaultCurrency,
    },
    defaultCurrency,
    codeLens: config.get<boolean>('codeLens.enabled', true),
    maxFileSize: Math.max(1, config.get<number>('maxFileSizeMB', 5) * 1024 * 1024),
    schemaDiagnostics: config.get<boolean>('validation.schema', true),
  };
}
