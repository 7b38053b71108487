/** The defaults the engine falls back to when neither the plans nor the settings say otherwise. */

/** Currency of programs that name none (ISO 4217), unless a setting says otherwise. */
export const DEFAULT_CURRENCY = 'USD';

export interface HealthThresholds {
  /** CPI or SPI below this is red (default 0.90). */
  readonly red: number;
  /** CPI or SPI below this is amber (default 0.95). */
  readonly amber: number;
  /** A forecast end more than this many days after the planned end is red (default 30; SPEC 5, the slip rule). */
  readonly slipRedDays?: number;
  /** … more than this many days after it is at least amber (default 0). */
  readonly slipAmberDays?: number;
}

/** SPEC 5's computed-health thresholds. */
export const defaultThresholds: HealthThresholds = { red: 0.9, amber: 0.95, slipRedDays: 30, slipAmberDays: 0 };

/** The slip thresholds in force (absent: SPEC 5's defaults). */
export function slipThresholds(thresholds: HealthThresholds): { red: number; amber: number } {
  return { red: thresholds.slipRedDays ?? defaultThresholds.slipRedDays!, amber: thresholds.slipAmberDays ?? defaultThresholds.slipAmberDays! };
}

/** The schedule-quality metrics of SPEC 11, in the SPEC table's order (the order every view lists them in). */
export const qualityMetricIds = [
  'missing-logic', 'hard-constraints', 'high-float', 'negative-float', 'invalid-dates', 'missing-resources', 'missed', 'bei', 'cpli',
] as const;
export type QualityMetricId = (typeof qualityMetricIds)[number];

/** Each metric's pass threshold: percents and counts pass at or below it, `bei` and `cpli` at or above it. */
export type QualityThresholds = Readonly<Record<QualityMetricId, number>>;

/** SPEC 11's default thresholds. */
export const defaultQualityThresholds: QualityThresholds = {
  'missing-logic': 5,
  'hard-constraints': 5,
  'high-float': 5,
  'negative-float': 0,
  'invalid-dates': 0,
  'missing-resources': 5,
  missed: 5,
  bei: 0.95,
  cpli: 0.95,
};
