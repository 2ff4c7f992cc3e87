/**
 * The shown indicator drawn with the map view's symbology (shared/mapView/drawIndicator.ts) and its
 * legend (shared/mapView/indicatorLegend.ts): the one drawing that the map, the legend, the table and the
 * labels all read, computed once per change of values, view or language.
 */
import { useMemo } from 'react';
import { type DrawnIndicator } from '../../shared/mapView/drawIndicator';
import { drawViewValues } from '../../shared/mapView/viewValues';
import { buildIndicatorLegend, type IndicatorLegend } from '../../shared/mapView/indicatorLegend';
import { DEFAULT_SYMBOLOGY } from '../../shared/mapView/mapSymbology';
import { readSetting } from '../../shared/settings/projectSettings';
import { indicatorSourceChoices, sourceChoiceLine } from '../../shared/sources/sourceChoiceLine';
import { useKleinraum, useLocale } from '../AppContext';
import type { ShownIndicatorValues } from '../store/projectSlice';
import { useAllPeriodValues, useMapDisplay, useMapSymbology } from './useMapSymbology';

export interface MapDrawing {
  values: ShownIndicatorValues;
  drawn: DrawnIndicator;
  legend: IndicatorLegend;
}

/** The drawing of the shown indicator, or null while its values load. */
export function useMapDrawing(): MapDrawing | null {
  const locale = useLocale();
  const values = useKleinraum((state) => state.indicatorValues);
  const project = useKleinraum((state) => state.project);
  const layerName = useKleinraum((state) => state.layerName);
  const periods = useKleinraum((state) => state.project?.indicators.find((indicator) => indicator.id === state.indicatorId)?.periods);
  const [symbology] = useMapSymbology();
  const [display] = useMapDisplay();
  const severalPeriods = (periods?.length ?? 0) > 1;
  const allPeriodValues = useAllPeriodValues(symbology.fixedClasses && severalPeriods);
  const smallNumberThreshold = readSetting(project?.settings ?? {}, 'smallNumberThreshold');
  const viewSources = useKleinraum((state) => state.sources);
  const indicatorVariables = useKleinraum((state) => state.project?.indicators.find((indicator) => indicator.id === state.indicatorId)?.variables);
  const choices = useMemo(() => (project && indicatorVariables ? indicatorSourceChoices(project, indicatorVariables, viewSources) : []), [project, indicatorVariables, viewSources]);
  const boundarySources = useMemo(() => {
    const layer = project?.layers.find((candidate) => candidate.name === layerName);
    return project?.sources.filter((source) => source.id === layer?.sourceId) ?? [];
  }, [project, layerName]);

  return useMemo(() => {
    if (!values) return null;
    const series = allPeriodValues ? [...allPeriodValues.entries()].map(([period, entries]) => ({ period, values: entries })) : [];
    const view = { symbology, smallNumbers: display.smallNumbers };
    let drawn: DrawnIndicator;
    try {
      drawn = drawViewValues(view, values, series);
    } catch {
      // A stored symbology that the classification refuses (e.g. edited by hand) falls back to the default.
      drawn = drawViewValues({ ...view, symbology: DEFAULT_SYMBOLOGY }, values, series);
    }
    const otherPeriods = symbology.fixedClasses ? series.filter((entry) => entry.period !== values.period) : [];
    const fixed = otherPeriods.length > 0 && periods ? { first: periods[0] as string, last: periods[periods.length - 1] as string } : null;
    const sourceChoice = sourceChoiceLine(choices, values.period, locale, values.sources.map((source) => source.id), values.comparePeriod ?? null);
    const legend = buildIndicatorLegend(drawn, { ...values, sources: [...values.sources, ...boundarySources], sourceChoice }, { locale, smallNumberThreshold, fixedAcrossPeriods: fixed });
    // The synthetic label follows the values' sources only: schematic boundaries have their own banner.
    const synthetic = values.sources.some((source) => source.synthetic);
    return { values, drawn, legend: { ...legend, synthetic, syntheticLabel: synthetic ? legend.syntheticLabel : null } };
  }, [values, symbology, display.smallNumbers, allPeriodValues, periods, locale, smallNumberThreshold, boundarySources, choices]);
}
