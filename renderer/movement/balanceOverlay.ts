/**
 * The stock–flow account as an overlay of the main map (store/overlaySlice.ts): areas whose remainder
 * exceeds the threshold in any period are flagged ("Bilanz offen"), the others close or are incomplete.
 * The Karte tab shows it with its legend until "Zurück zur Kennzahl". Pure.
 */
import type { MethodOutput } from '../../shared/contract/api';
import { formatDate, formatNumber, type Locale } from '../../shared/format/number';
import { shortSourceName } from '../../shared/sources/sourceChoiceLine';
import { localized, translate } from '../../shared/i18n/translate';
import type { CategoryOverlay } from '../store/overlaySlice';

export const BALANCE_COLOURS = { open: '#b2182b', closes: '#d9ead3', withheld: '#e8e0f0', incomplete: '#bdbdbd' } as const;

/**
 * @example balanceOverlay(balance, 'de').categoryOf['03241003'] // 'open' when Burgdorf's account does not close
 */
export function balanceOverlay(balance: MethodOutput<'balance.compute'>, locale: Locale): CategoryOverlay {
  const categoryOf: Record<string, string> = {};
  for (const area of balance.areas) {
    // Where saying whether it closes would reveal a withheld small count, the map does not say it either.
    categoryOf[area.key] = area.flagged ? 'open' : area.periods.some((period) => period.flagWithheld) ? 'withheld' : area.periods.every((period) => period.complete) ? 'closes' : 'incomplete';
  }
  const stock = balance.variableNames[balance.variables.stock];
  const threshold = formatNumber(balance.thresholdPercent, 1, locale);
  const firstStart = balance.areas.flatMap((area) => area.periods.map((period) => period.previousPeriod)).sort()[0];
  const lastEnd = balance.periods.at(-1);
  return {
    kind: 'categories',
    layer: balance.layer,
    title: `${translate(locale, 'movement.balance.mapTitle')}: ${stock ? localized(stock, locale) : balance.variables.stock}`,
    period: balance.periods.at(-1) ?? null,
    // The account runs from the first period's start (the Stichtag before the first end) to the last end.
    unit: translate(locale, 'movement.balance.mapUnit', { threshold, from: firstStart ? formatDate(firstStart, locale) : '', to: lastEnd ? formatDate(lastEnd, locale) : '' }),
    categories: [
      { id: 'open', label: translate(locale, 'movement.balance.flag'), colour: BALANCE_COLOURS.open },
      { id: 'closes', label: translate(locale, 'movement.balance.closesShort'), colour: BALANCE_COLOURS.closes },
      { id: 'withheld', label: translate(locale, 'movement.balance.flagWithheldShort'), colour: BALANCE_COLOURS.withheld },
      { id: 'incomplete', label: translate(locale, 'movement.balance.incomplete'), colour: BALANCE_COLOURS.incomplete },
    ],
    categoryOf,
    sourceLines: [...new Set(balance.sources.map((source) => shortSourceName(source.name)))],
    synthetic: balance.sources.some((source) => source.synthetic),
  };
}
