/**
 * A profile result shown on the map instead of the indicator: the typology as a qualitative map (one colour
 * per group, the group names in the legend) and the deviation from the region as a diverging choropleth
 * around its neutral point (index 100, percentage points and z-scores 0). Map colours and legend rows come
 * from one result, as for indicators.
 */
import { classify } from '../../shared/classification/classify';
import { legendEntries } from '../../shared/classification/legend';
import { divergingAround, paletteColours } from '../../shared/classification/palettes';
import { formatDate, type Locale } from '../../shared/format/number';
import { translate } from '../../shared/i18n/translate';
import { deviationBaseline } from '../../shared/profiles/deviation';
import type { CategoryOverlay, DeviationOverlay, MapOverlay, TypologyOverlay } from '../store/overlaySlice';
import { DEFAULT_CLASSIFICATION, NO_DATA_COLOUR, type Choropleth, type LegendModel } from './choropleth';

/** Qualitative palette of the groups: Tableau 10 (distinct hues) up to 9 groups, ColorBrewer Set 3 up to 12. */
export function typologyColours(groupCount: number): string[] {
  return groupCount <= 9 ? paletteColours('Tableau10', groupCount) : paletteColours('Set3', groupCount);
}

/** Diverging palette of deviations, reversed so that below the region reads blue and above it red. */
export const DEVIATION_PALETTE = 'RdBu';

export interface OverlayDrawing {
  choropleth: Choropleth;
  legend: LegendModel;
}

/**
 * Colours and legend for an overlay on the areas of the shown layer (`areaKeys`); areas the overlay
 * does not name (left out of a typology, no deviation) are "keine Daten".
 * @example overlayDrawing(typology, ['03241001', '03241002'], 'de').legend.rows[0].label // "Typ 1: höherer Anteil …"
 */
export function overlayDrawing(overlay: MapOverlay, areaKeys: readonly string[], locale: Locale): OverlayDrawing {
  if (overlay.kind === 'categories') return categoryDrawing(overlay, areaKeys, locale);
  return overlay.kind === 'typology' ? typologyDrawing(overlay, areaKeys, locale, overlay.period) : deviationDrawing(overlay, areaKeys, locale, overlay.period);
}

function categoryDrawing(overlay: CategoryOverlay, areaKeys: readonly string[], locale: Locale): OverlayDrawing {
  const indexOf = new Map(overlay.categories.map((category, index) => [category.id, index]));
  const counts = overlay.categories.map(() => 0);
  const colourByKey = new Map<string, string>();
  const classByKey = new Map<string, number | null>();
  const noDataKeys: string[] = [];
  for (const key of areaKeys) {
    const index = indexOf.get(overlay.categoryOf[key] ?? '');
    if (index === undefined) {
      noDataKeys.push(key);
      colourByKey.set(key, NO_DATA_COLOUR);
      classByKey.set(key, null);
      continue;
    }
    counts[index] = (counts[index] ?? 0) + 1;
    colourByKey.set(key, overlay.categories[index]!.colour);
    classByKey.set(key, index);
  }
  const rows = overlay.categories.map((category, index) => ({ colour: category.colour, label: category.label, count: counts[index] ?? 0 }));
  const choropleth: Choropleth = {
    classification: { method: 'manual', breaks: [], classes: rows.map((row, index) => ({ from: index + 1, to: index + 1, count: row.count })), classOfValue: [] },
    colours: rows.map((row) => row.colour),
    colourByKey,
    classByKey,
    noDataKeys,
    smallNumberKeys: [],
  };
  return { choropleth, legend: overlayLegend(overlay.title, overlay.unit, rows, noDataKeys.length, locale, overlay.period) };
}

function typologyDrawing(overlay: TypologyOverlay, areaKeys: readonly string[], locale: Locale, period: string | null): OverlayDrawing {
  const groups = new Map<number, string>();
  for (const entry of Object.values(overlay.groups)) groups.set(entry.group, entry.label);
  const numbers = [...groups.keys()].sort((a, b) => a - b);
  const colours = typologyColours(numbers.length);
  // Groups are categories, not intervals: drawn like any category overlay.
  return categoryDrawing(
    {
      kind: 'categories',
      layer: overlay.layer,
      title: overlay.title,
      period,
      unit: translate(locale, 'map.overlay.typologyUnit'),
      categories: numbers.map((number, index) => ({ id: String(number), label: groups.get(number) as string, colour: colours[index % colours.length] as string })),
      categoryOf: Object.fromEntries(Object.entries(overlay.groups).map(([key, entry]) => [key, String(entry.group)])),
    },
    areaKeys,
    locale,
  );
}

function deviationDrawing(overlay: DeviationOverlay, areaKeys: readonly string[], locale: Locale, period: string | null): OverlayDrawing {
  const values = areaKeys.map((key) => overlay.values[key] ?? null);
  const classification = classify(values, DEFAULT_CLASSIFICATION);
  const colours = classification.classes.length > 0 ? divergingAround(classification.classes, deviationBaseline(overlay.measure), DEVIATION_PALETTE, { reversed: true }) : [];
  const colourByKey = new Map<string, string>();
  const classByKey = new Map<string, number | null>();
  const noDataKeys: string[] = [];
  areaKeys.forEach((key, index) => {
    const classIndex = classification.classOfValue[index] ?? null;
    classByKey.set(key, classIndex);
    if (classIndex === null) noDataKeys.push(key);
    colourByKey.set(key, classIndex === null ? NO_DATA_COLOUR : (colours[classIndex] ?? NO_DATA_COLOUR));
  });
  const decimals = overlay.measure === 'zScore' ? 2 : 1;
  const rows = legendEntries(classification, { locale, decimals })
    .filter((entry) => entry.classIndex !== null)
    .map((entry) => ({ colour: colours[entry.classIndex as number] ?? NO_DATA_COLOUR, label: entry.label, count: entry.count }));
  const choropleth: Choropleth = { classification, colours, colourByKey, classByKey, noDataKeys, smallNumberKeys: [] };
  return { choropleth, legend: overlayLegend(overlay.title, translate(locale, `map.overlay.measure.${overlay.measure}`), rows, noDataKeys.length, locale, period) };
}

function overlayLegend(title: string, unit: string, rows: LegendModel['rows'], noDataCount: number, locale: Locale, period: string | null): LegendModel {
  return {
    title,
    unit,
    stichtag: period ? translate(locale, 'legend.stichtag', { date: formatDate(period, locale) }) : '',
    rows,
    noData: noDataCount > 0 ? { colour: NO_DATA_COLOUR, label: translate(locale, 'legend.noData'), count: noDataCount } : null,
    smallNumber: null,
    absoluteHint: null,
    fixedClassesNote: null,
    sourceLines: [],
    synthetic: false,
    syntheticLabel: null,
  };
}
