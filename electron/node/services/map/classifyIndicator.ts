/**
 * `map.classify`: an indicator drawn as a map view (shared/mapView) — breaks, classes with colours and
 * counts, the class of every area — in the document shape of `kleinraum classify --json`. The view is
 * completed from the project's saved view, so the command line classifies exactly as the map in the app.
 */
import type { z } from 'zod';
import type { mapClassification, mapClassifyInput } from '../../../../shared/contract/methods/map';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { drawView, resolveProjectView } from './mapView';
import { changeWarning } from '../../../../shared/mapView/indicatorLegend';

export type MapClassifyInput = z.output<typeof mapClassifyInput>;
export type MapClassification = z.output<typeof mapClassification>;

/**
 * @example classifyIndicator(db, { view: { indicatorId: 'refugees_per_1000', symbology: { method: 'quantile', classes: 5 } } })
 * // { method: 'quantile', breaks: [8.1, 11.9, …], classes: [{ from: 8.1, to: 11.9, count: 5, color: '#ffffcc' }, …], … }
 */
export function classifyIndicator(db: SqliteDatabase, input: MapClassifyInput): MapClassification {
  const { spec, values, drawn } = drawView(db, resolveProjectView(db, input.view ?? {}));
  const { classification } = drawn;
  return {
    method: classification.method,
    breaks: classification.breaks,
    classes: classification.classes.map((classInterval, index) => ({ ...classInterval, color: drawn.colours[index] ?? '#808080' })),
    noData: drawn.noDataKeys,
    areas: values.values.map((value, index) => {
      const area = drawn.areas[index];
      return {
        key: value.key,
        name: value.name,
        value: area?.suppressed ? null : value.value,
        class: area?.classIndex ?? null,
        smallNumber: value.smallNumber,
        smallDenominator: value.smallDenominator ?? false,
        suppressed: area?.suppressed ?? false,
        sourceId: value.sourceId ?? null,
        fallback: value.fallback ?? false,
      };
    }),
    legendDecimals: classification.legendDecimals ?? values.indicator.decimals,
    indicator: values.indicator,
    layer: values.layer,
    period: values.period,
    mode: values.mode ?? 'value',
    comparePeriod: values.comparePeriod ?? null,
    palette: spec.symbology.palette,
    midpoint: drawn.midpoint,
    // As the table and legend show it: withheld where it would give a suppressed small count back.
    regionValue: drawn.regionValue,
    regionWithheld: drawn.regionWithheld,
    warnings: changeWarningLines(values),
    view: spec,
  };
}

/** The legend's warning of a change across a change of source or of territory, in both languages, for the command line. */
function changeWarningLines(values: Parameters<typeof changeWarning>[0]): { de: string; en: string }[] {
  const de = changeWarning(values, 'de');
  const en = changeWarning(values, 'en');
  return de !== null && en !== null ? [{ de, en }] : [];
}
