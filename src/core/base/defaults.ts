/** The defaults the engine falls back to when neither the plans nor the settings say otherwise. */

/** Currency of programs that name none (ISO 4217), unless a setting says otherwise. */
export const DEFAULT_CURRENCY = 'USD';

export interface HealthThresholds {
  /** CPI or SPI below this is red (default 0.90). */
  readonly red: number;
  /** CPI or SPI below this is amber (default 0.95). */
  readonly amber: number;
}

/** SPEC 5's computed-health thresholds. */
export const defaultThresholds: HealthThresholds = { red: 0.9, amber: 0.95 };
