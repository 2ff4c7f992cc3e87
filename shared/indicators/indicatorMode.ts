/**
 * How an indicator's values are derived before they are mapped (see deriveIndicatorValues.ts):
 * - `value`: the indicator as defined (default).
 * - `index`: area value / region value × 100 (region = 100).
 * - `change`: value at the period − value at the compare period (in the indicator's unit).
 * - `changePercent`: that change as a percentage of the compare period's value.
 * - `perKm2`: the indicator's numerator per km² of area (meant for absolute counts).
 * - `percentOf`: the numerator as a percentage of a chosen denominator variable.
 * - `per1000Of`: the numerator per 1.000 of a chosen denominator variable ("Schutzsuchende je 1.000
 *   Einwohner" from two imported tables).
 */
export const INDICATOR_MODES = ['value', 'index', 'change', 'changePercent', 'perKm2', 'percentOf', 'per1000Of'] as const;
export type IndicatorMode = (typeof INDICATOR_MODES)[number];

/** Modes that divide the numerator by a variable the planner chooses ("Anteil an …", "je 1.000 …"). */
export function dividesByVariable(mode: IndicatorMode): boolean {
  return mode === 'percentOf' || mode === 'per1000Of';
}
