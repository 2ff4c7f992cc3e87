/**
 * The monitoring classes as an overlay of the main map (store/overlaySlice.ts): the Karte tab then shows
 * the 4 × 3 classes with their legend (and "nicht bewertet") until "Zurück zur Kennzahl". Pure.
 */
import type { MethodOutput } from '../../shared/contract/api';
import { formatNumber, type Locale } from '../../shared/format/number';
import { DYNAMICS_CLASSES, STATUS_CLASSES } from '../../shared/monitoring/monitoringDefinition';
import { MONITORING_COLOURS, NOT_SCORED_COLOUR, STATUS_ONLY_COLOURS } from '../../shared/monitoring/monitoringColours';
import { DYNAMICS_CLASS_TEXT, monitoringTitle, STATUS_CLASS_TEXT } from '../../shared/monitoring/monitoringTexts';
import type { CategoryOverlay } from '../store/overlaySlice';

/**
 * @example monitoringOverlay(result, 'de').categoryOf['03241001'] // 'sehrNiedrig-negativ'
 */
export function monitoringOverlay(result: MethodOutput<'monitoring.compute'>, locale: Locale): CategoryOverlay {
  const de = locale === 'de';
  const categoryOf: Record<string, string> = {};
  for (const area of result.areas) {
    if (area.overallClass) categoryOf[area.key] = area.overallClass;
    else if (area.statusClass) categoryOf[area.key] = `status-${area.statusClass}`;
    else if (!area.scored && area.notScoredReason !== 'noData') categoryOf[area.key] = 'notScored';
  }
  const used = new Set(Object.values(categoryOf));
  const categories = [
    ...STATUS_CLASSES.flatMap((status) =>
      DYNAMICS_CLASSES.map((dynamics) => ({ id: `${status}-${dynamics}`, label: `Status ${STATUS_CLASS_TEXT[status][locale]}, ${de ? 'Dynamik' : 'dynamics'} ${DYNAMICS_CLASS_TEXT[dynamics][locale]}`, colour: MONITORING_COLOURS[dynamics][status] })),
    ),
    ...STATUS_CLASSES.map((status) => ({ id: `status-${status}`, label: `Status ${STATUS_CLASS_TEXT[status][locale]} (${de ? 'ohne Dynamik' : 'no dynamics'})`, colour: STATUS_ONLY_COLOURS[status] })),
    { id: 'notScored', label: de ? `nicht bewertet (unter ${formatNumber(result.minPopulation, 0, locale)} Einwohnern)` : `not scored (fewer than ${formatNumber(result.minPopulation, 0, locale)} inhabitants)`, colour: NOT_SCORED_COLOUR },
  ].filter((category) => used.has(category.id));
  return {
    kind: 'categories',
    layer: result.layer,
    title: monitoringTitle(result.name, locale),
    period: result.period,
    unit: result.indicators.map((indicator) => `${indicator.name[locale]} (${indicator.direction})`).join(', '),
    categories,
    categoryOf,
  };
}
