/**
 * `map.classify`: an indicator's values (optionally derived) classified and coloured with the shared
 * classification (shared/classification), in the document shape of `kleinraum classify --json`. The
 * map, the exports and the CLI all get their breaks from here or from the same shared functions.
 */
import type { z } from 'zod';
import { classify, classifyAcrossSeries } from '../../../../shared/classification/classify';
import { DEFAULT_PALETTE_ID, defaultClassCount } from '../../../../shared/classification/defaults';
import { divergingAround, findPalette, paletteColours, PALETTES } from '../../../../shared/classification/palettes';
import type { Classification, ClassificationOptions } from '../../../../shared/classification/types';
import type { mapClassification, mapClassifyInput } from '../../../../shared/contract/methods/map';
import { UserError } from '../../../../shared/contract/errors';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { allPeriodValuesFor, indicatorValuesFor, type DerivedIndicatorValues } from '../indicatorService';

export type MapClassifyInput = z.output<typeof mapClassifyInput>;
export type MapClassification = z.output<typeof mapClassification>;

/**
 * @example classifyIndicator(db, { indicatorId: 'refugeesPer1000', layer: 'gemeinden', method: 'quantile', classes: 5 })
 * // { method: 'quantile', breaks: [8.1, 11.9, …], classes: [{ from: 8.1, to: 11.9, count: 5, color: '#ffffcc' }, …], … }
 */
export function classifyIndicator(db: SqliteDatabase, input: MapClassifyInput): MapClassification {
  const palette = input.palette ?? DEFAULT_PALETTE_ID;
  if (!findPalette(palette)) {
    throw new UserError('bad-input', {
      de: `Die Farbpalette „${palette}“ (palette) gibt es nicht. Bitte eine dieser wählen: ${PALETTES.map((candidate) => candidate.id).join(', ')}.`,
      en: `There is no palette "${palette}" (palette). Please choose one of: ${PALETTES.map((candidate) => candidate.id).join(', ')}.`,
    });
  }
  const derivation = {
    ...(input.mode !== undefined ? { mode: input.mode } : {}),
    ...(input.comparePeriod !== undefined ? { comparePeriod: input.comparePeriod } : {}),
    ...(input.denominatorVariable !== undefined ? { denominatorVariable: input.denominatorVariable } : {}),
  };
  let values: DerivedIndicatorValues;
  let classification: Classification;
  if (input.fixAcrossPeriods) {
    const all = allPeriodValuesFor(db, input.indicatorId, input.layer, derivation);
    const chosenPeriod = input.period ?? all.periods.at(-1);
    const index = all.series.findIndex((entry) => entry.period === chosenPeriod);
    if (index < 0 || chosenPeriod === undefined) {
      throw new UserError('not-found', {
        de: `Für den Zeitpunkt „${chosenPeriod ?? '–'}“ (period) gibt es keine Werte. Vorhanden: ${all.periods.join(', ') || 'keine'}.`,
        en: `There are no values for the period "${chosenPeriod ?? '–'}" (period). Available: ${all.periods.join(', ') || 'none'}.`,
      });
    }
    values = all.series[index] as DerivedIndicatorValues;
    const options = classificationOptions(input, values);
    classification = classifyAcrossSeries(all.series.map((entry) => entry.values.map((value) => value.value)), options)[index] as Classification;
  } else {
    values = indicatorValuesFor(db, input.indicatorId, input.layer, input.period, derivation);
    classification = classify(values.values.map((value) => value.value), classificationOptions(input, values));
  }
  const colours = classColours(classification, palette, input.reversePalette === true, midpointFor(input, values));
  return {
    method: classification.method,
    breaks: classification.breaks,
    classes: classification.classes.map((classInterval, index) => ({ ...classInterval, color: colours[index] ?? colours.at(-1) ?? '#808080' })),
    noData: values.values.filter((_, index) => classification.classOfValue[index] === null).map((value) => value.key),
    areas: values.values.map((value, index) => ({
      key: value.key,
      name: value.name,
      value: value.value,
      class: classification.classOfValue[index] ?? null,
      smallNumber: value.smallNumber,
      smallDenominator: value.smallDenominator ?? false,
    })),
    indicator: values.indicator,
    layer: values.layer,
    period: values.period,
    mode: values.mode ?? 'value',
    comparePeriod: values.comparePeriod ?? null,
    palette,
    regionValue: values.regionValue,
  };
}

function classificationOptions(input: MapClassifyInput, values: DerivedIndicatorValues): ClassificationOptions {
  const options: ClassificationOptions = { method: input.method, classes: input.method === 'manual' ? (input.breaks?.length ?? 0) + 1 : (input.classes ?? defaultClassCount(input.method)) };
  if (input.breaks !== undefined) options.breaks = input.breaks;
  if (input.centre === 'region') {
    if (values.regionValue === null) {
      throw new UserError('bad-input', {
        de: 'Der Regionswert ist nicht berechenbar (nicht alle Gebiete haben Daten), er kann nicht Mitte der Standardabweichungs-Klassen sein (centre). Bitte eine Zahl angeben oder den Mittelwert verwenden.',
        en: 'The region value cannot be computed (not every area has data), so it cannot be the centre of the standard-deviation classes (centre). Please give a number or use the mean.',
      });
    }
    options.centre = values.regionValue;
  } else if (input.centre !== undefined) options.centre = input.centre;
  return options;
}

/** Where a diverging palette turns: the stddev centre, 100 for an index, 0 for a change, else the region's value. */
function midpointFor(input: MapClassifyInput, values: DerivedIndicatorValues): number | null {
  if (input.method === 'stddev' && input.centre !== undefined) return input.centre === 'region' ? values.regionValue : input.centre;
  if (values.mode === 'index') return 100;
  if (values.mode === 'change' || values.mode === 'changePercent') return 0;
  return values.regionValue;
}

function classColours(classification: Classification, paletteId: string, reversed: boolean, midpoint: number | null): string[] {
  const palette = findPalette(paletteId);
  if (palette?.kind === 'diverging' && midpoint !== null && classification.classes.length > 0) {
    return divergingAround(classification.classes, midpoint, paletteId, { reversed });
  }
  return paletteColours(paletteId, classification.classes.length, { reversed });
}
