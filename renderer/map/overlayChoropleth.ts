/**
 * A profile result shown on the map instead of the indicator: the typology as a qualitative map (one colour
 * per group, the group names in the legend) and the deviation from the region as a diverging choropleth
 * around its neutral point (index 100, percentage points and z-scores 0). Both end in the same drawing and
 * legend shapes as an indicator (shared/mapView), so the map, legend and table read them the same way;
 * the deviation is drawn by the shared `drawIndicator` itself.
 */
import { NO_DATA_COLOUR } from '../../shared/classification/defaults';
import { formatDate, formatNumber, type Locale } from '../../shared/format/number';
import { groupColour } from '../../shared/profiles/svg/svgMarkup';
import { typologyStrength } from '../../shared/profiles/typology';
import { translate } from '../../shared/i18n/translate';
import { drawIndicator, type DrawnIndicator } from '../../shared/mapView/drawIndicator';
import type { IndicatorLegend, LegendRow } from '../../shared/mapView/indicatorLegend';
import { buildIndicatorLegend } from '../../shared/mapView/indicatorLegend';
import { DEFAULT_SYMBOLOGY, type MapSymbology } from '../../shared/mapView/mapSymbology';
import { deviationBaseline } from '../../shared/profiles/deviation';
import type { CategoryOverlay, DeviationOverlay, MapOverlay, TypologyOverlay } from '../store/overlaySlice';


/** Diverging palette of deviations, reversed so that below the region reads blue and above it red. */
export const DEVIATION_SYMBOLOGY: MapSymbology = { ...DEFAULT_SYMBOLOGY, palette: 'RdBu', reversed: true, midpoint: 'value' };

export interface OverlayDrawing {
  drawn: DrawnIndicator;
  legend: IndicatorLegend;
}

/**
 * Colours and legend for an overlay on the areas of the shown layer (`areaKeys`); areas the overlay
 * does not name (left out of a typology, no deviation, no cluster) are "keine Daten".
 * @example overlayDrawing(typology, ['03241001', '03241002'], 'de').legend.rows[0].label // "Typ 1: höherer Anteil …"
 */
export function overlayDrawing(overlay: MapOverlay, areaKeys: readonly string[], locale: Locale): OverlayDrawing {
  if (overlay.kind === 'categories') return categoryDrawing(overlay, areaKeys, locale);
  return overlay.kind === 'typology' ? typologyDrawing(overlay, areaKeys, locale) : deviationDrawing(overlay, areaKeys, locale);
}

/** Categories (typology groups, LISA clusters): one colour each, in the given order, counted in the legend. */
function categoryDrawing(overlay: CategoryOverlay, areaKeys: readonly string[], locale: Locale): OverlayDrawing {
  const indexOf = new Map(overlay.categories.map((category, index) => [category.id, index]));
  const counts = overlay.categories.map(() => 0);
  const areas: DrawnIndicator['areas'] = areaKeys.map((key) => {
    const classIndex = indexOf.get(overlay.categoryOf[key] ?? '') ?? null;
    if (classIndex !== null) counts[classIndex] = (counts[classIndex] ?? 0) + 1;
    return { key, shownValue: null, classIndex, colour: classIndex === null ? NO_DATA_COLOUR : (overlay.categories[classIndex]?.colour ?? NO_DATA_COLOUR), flag: null, suppressed: false, fromFallbackSource: false };
  });
  const rows: LegendRow[] = overlay.categories.map((category, index) => ({ classIndex: index, colour: category.colour, label: category.label, count: counts[index] ?? 0 }));
  const drawn: DrawnIndicator = {
    // Categories are not intervals: the classification only carries counts for code that reads them.
    classification: { method: 'manual', breaks: [], classes: rows.map((row, index) => ({ from: index + 1, to: index + 1, count: row.count })), classOfValue: areas.map((area) => area.classIndex) },
    colours: rows.map((row) => row.colour),
    midpoint: null,
    areas,
    colourByKey: new Map(areas.map((area) => [area.key, area.colour])),
    classByKey: new Map(areas.map((area) => [area.key, area.classIndex])),
    noDataKeys: areas.filter((area) => area.classIndex === null).map((area) => area.key),
    flaggedKeys: [],
    suppressedKeys: [],
    regionValue: null,
    regionWithheld: false,
    decimals: 0,
  };
  const legend: IndicatorLegend = {
    title: overlay.title,
    unit: overlay.unit,
    stichtag: overlay.period ? translate(locale, 'legend.stichtag', { date: formatDate(overlay.period, locale) }) : '',
    rows,
    noData: drawn.noDataKeys.length > 0 ? { classIndex: null, colour: NO_DATA_COLOUR, label: translate(locale, 'legend.noData'), count: drawn.noDataKeys.length } : null,
    marks: [],
    regionLine: null,
    fixedClassesNote: null,
    absoluteHint: null,
    areaNote: null,
    sourceLines: overlay.sourceLines ?? [],
    sourceChoice: null,
    synthetic: overlay.synthetic ?? false,
    syntheticLabel: overlay.synthetic ? translate(locale, 'badge.synthetic') : null,
  };
  return { drawn, legend };
}

function typologyDrawing(overlay: TypologyOverlay, areaKeys: readonly string[], locale: Locale): OverlayDrawing {
  const groups = new Map<number, string>();
  for (const entry of Object.values(overlay.groups)) groups.set(entry.group, entry.label);
  const numbers = [...groups.keys()].sort((a, b) => a - b);
  // Each group wears the colour the Profile tab and the profile figures give it (group n → colour n).
  const colours = numbers.map((number) => groupColour(number));
  // Groups are categories, not intervals: drawn like any category overlay.
  const drawing = categoryDrawing(
    {
      kind: 'categories',
      layer: overlay.layer,
      title: overlay.title,
      period: overlay.period,
      unit: translate(locale, 'map.overlay.typologyUnit'),
      categories: numbers.map((number, index) => ({ id: String(number), label: groups.get(number) as string, colour: colours[index % colours.length] as string })),
      categoryOf: Object.fromEntries(Object.entries(overlay.groups).map(([key, entry]) => [key, String(entry.group)])),
    },
    areaKeys,
    locale,
  );
  const strength = overlay.silhouette === null ? 'clear' : typologyStrength(overlay.silhouette);
  const warning =
    strength === 'clear' || overlay.silhouette === null
      ? null
      : translate(locale, strength === 'none' ? 'map.overlay.typologyNoStructure' : 'map.overlay.typologyWeak', { silhouette: formatNumber(overlay.silhouette, 2, locale) });
  return { ...drawing, legend: { ...drawing.legend, warning } };
}

function deviationDrawing(overlay: DeviationOverlay, areaKeys: readonly string[], locale: Locale): OverlayDrawing {
  const decimals = overlay.measure === 'zScore' ? 2 : 1;
  const drawn = drawIndicator({
    values: areaKeys.map((key) => ({ key, value: overlay.values[key] ?? null, smallNumber: false })),
    regionValue: null,
    decimals,
    symbology: { ...DEVIATION_SYMBOLOGY, midpointValue: deviationBaseline(overlay.measure) },
    smallNumbers: 'flag',
  });
  const legend = buildIndicatorLegend(
    drawn,
    {
      indicator: { name: { de: overlay.title, en: overlay.title }, unit: { de: translate('de', `map.overlay.measure.${overlay.measure}`), en: translate('en', `map.overlay.measure.${overlay.measure}`) }, scale: 'percent' },
      period: overlay.period ?? '',
      regionValue: null,
      sources: [],
    },
    { locale, smallNumberThreshold: 0 },
  );
  return { drawn, legend: overlay.period ? legend : { ...legend, stichtag: '' } };
}
