/**
 * Euro figures of the planning tab rounded to what their inputs support: the cost rates are round
 * figures per place (often placeholders) multiplied by projected places, so a total is known to about
 * two significant digits — "rund 1,2 Mio. €", never "1.234.567 €". Pure.
 */
import { formatNumber, type Locale } from '../format/number';

/** Rounds to `digits` significant digits. @example roundSignificant(1234567, 2) // 1200000 */
export function roundSignificant(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const factor = 10 ** (magnitude - digits + 1);
  return Math.round(value / factor) * factor;
}

/**
 * A euro amount to two significant digits, in millions from one million on.
 * @example roundedEuros(1234567, 'de') // "rund 1,2 Mio. €"
 * @example roundedEuros(48210, 'en') // "about €48,000"
 */
export function roundedEuros(value: number, locale: Locale): string {
  const rounded = roundSignificant(value, 2);
  const millions = Math.abs(rounded) >= 1_000_000;
  const shown = millions ? rounded / 1_000_000 : rounded;
  // Two significant digits: 1,2 Mio. but 12 Mio. and 120 Mio.
  const decimals = millions && Math.abs(shown) < 10 ? 1 : 0;
  const number = formatNumber(shown, decimals, locale);
  if (rounded === 0) return locale === 'de' ? '0 €' : '€0';
  return locale === 'de' ? `rund ${number}${millions ? ' Mio.' : ''} €` : `about €${number}${millions ? ' million' : ''}`;
}
