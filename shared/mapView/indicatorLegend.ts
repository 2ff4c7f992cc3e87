/**
 * The legend of a drawn indicator, as words and rows: title, unit and Stichtag, one row per class with
 * its colour, printed bounds and count, the "keine Daten" row, the small-number row and its footnote, the
 * region's value, the note on classes fixed across Stichtage, the hint for absolute counts and the source
 * lines. The app's legend (renderer/map/Legend.tsx) and the figure's (shared/export/legendBlock.ts) draw
 * exactly these rows, so the screen and the printed figure word the same classes the same way.
 */
import { NO_DATA_COLOUR } from '../classification/defaults';
import { legendEntries } from '../classification/legend';
import { formatDate, formatNumber, type Locale } from '../format/number';
import { localized, translate } from '../i18n/translate';
import type { LocalizedText, Source } from '../model/project';
import { areaBasisNote, type AreaBasis } from '../indicators/officialArea';
import type { DrawnIndicator } from './drawIndicator';
import { showsAbsoluteCount } from '../model/project';
import { bkgAttribution, isBkgSource, withQuality } from '../export/sourceLines';
import { contrastedSourceNames, sourceNameIn, sourceSeries } from '../sources/sourceChoiceLine';

export interface LegendRow {
  /** Class index, or null for the no-data and small-number rows. */
  classIndex: number | null;
  colour: string;
  label: string;
  count: number;
}

export interface IndicatorLegend {
  title: string;
  unit: string;
  /** "Stichtag 31.12.2023", for a change "Stichtag 31.12.2023 gegenüber 31.12.2019". */
  stichtag: string;
  rows: LegendRow[];
  /** Areas without a value; null when every area has one. */
  noData: LegendRow | null;
  /**
   * Rows for marked areas, each with the footnote that explains it: values withheld for small-number
   * protection ('suppressed', hatched), values drawn but uncertain ('flagged', hatched overlay) and values
   * from a lower-ranked source filling a gap of the chosen one ('fallback', hatched overlay).
   * Empty when no area is marked.
   */
  marks: (LegendRow & { kind: 'suppressed' | 'flagged' | 'fallback'; footnote: string })[];
  /** "Gesamt: 23,4 je 1.000 Einw.", or null when the region has no value. */
  regionLine: string | null;
  /** "Klassen über alle Stichtage (31.12.2015 – 31.12.2024)", or null. */
  fixedClassesNote: string | null;
  /** "4 statt 5 Klassen: …" when ties left fewer classes than asked for; else null (or absent). */
  classCountNote?: string | null;
  /** For absolute counts: the hint to prefer shares or rates; else null. */
  absoluteHint: string | null;
  /** A caveat about what the map shows as a whole (e.g. a typology whose groups hardly differ); else absent. */
  warning?: string | null;
  /** Per-km² figures: where the km² come from ("Fläche aus Geometrie berechnet"); else null. */
  areaNote: string | null;
  /** Attribution lines of the values' sources, deduplicated, in order. */
  sourceLines: string[];
  /** "Quelle: Melderegister, sonst Zensus, Stichtag 31.12.2024" where a variable has several sources; else null. */
  sourceChoice: string | null;
  /** Some source is synthetic: the legend says so. */
  synthetic: boolean;
  /** The synthetic label to print, or null when not synthetic or a source line already says exactly this. */
  syntheticLabel: string | null;
}

/** What the legend needs of the values besides the drawing. */
export interface LegendSubject {
  indicator: { name: LocalizedText; unit: LocalizedText; scale: string };
  period: string;
  comparePeriod?: string | null;
  regionValue: number | null;
  /** The areas `regionValue` sums when they are not the whole region (see comparisonDrawing); absent: "Gesamt". */
  regionScope?: { comparedAreas: number } | null;
  sources: readonly (Pick<Source, 'attribution' | 'synthetic' | 'name' | 'publisher' | 'stichtag'> & { id?: string; quality?: Source['quality'] })[];
  /** A change whose two ends count with different sources: the source ids of each end (see deriveIndicatorValues). */
  sourceBreak?: { base: readonly string[]; shown: readonly string[] } | null;
  /** A change across a probable change of territory: what to say of it (see deriveIndicatorValues). */
  territoryNote?: LocalizedText | null;
  /** Per-km² figures: whether the km² are official land areas or computed from the geometry. */
  areaBasis?: AreaBasis | null;
  /** The sources chosen for the figure's variables as one line (shared/sources/sourceChoiceLine.ts), if any. */
  sourceChoice?: string | null;
}

export interface LegendOptions {
  locale: Locale;
  smallNumberThreshold: number;
  /** First and last Stichtag when the classes are fixed across periods; null otherwise. */
  fixedAcrossPeriods?: { first: string; last: string } | null;
}

/**
 * @example buildIndicatorLegend(drawn, values, { locale: 'de', smallNumberThreshold: 3 }).rows[0].label // "2,1 bis unter 8,4"
 */
export function buildIndicatorLegend(drawn: DrawnIndicator, subject: LegendSubject, options: LegendOptions): IndicatorLegend {
  const { locale } = options;
  const entries = legendEntries(drawn.classification, { locale, decimals: drawn.decimals });
  const rows = entries
    .filter((entry) => entry.classIndex !== null)
    .map((entry) => ({ classIndex: entry.classIndex, colour: drawn.colours[entry.classIndex as number] ?? NO_DATA_COLOUR, label: entry.label, count: entry.count }));
  const unit = localized(subject.indicator.unit, locale);
  const threshold = options.smallNumberThreshold;
  const anyDenominatorFlag = drawn.areas.some((area) => area.flag === 'smallDenominator');
  const uncertainCount = drawn.areas.filter((area) => area.flag === 'smallNumber' || area.flag === 'smallDenominator').length;
  const fallbackCount = drawn.areas.filter((area) => area.flag === 'fallbackSource').length;
  const marks: IndicatorLegend['marks'] = [];
  if (drawn.suppressedKeys.length > 0) {
    marks.push({
      kind: 'suppressed',
      classIndex: null,
      colour: NO_DATA_COLOUR,
      label: translate(locale, 'map.legend.smallNumber.suppress', { threshold }),
      count: drawn.suppressedKeys.length,
      footnote: translate(locale, 'map.legend.smallNumberNote.suppress', { threshold }),
    });
  }
  if (uncertainCount > 0) {
    marks.push({
      kind: 'flagged',
      classIndex: null,
      colour: NO_DATA_COLOUR,
      label: translate(locale, anyDenominatorFlag ? 'map.legend.smallNumberOrDenominator.flag' : 'map.legend.smallNumber.flag', { threshold }),
      count: uncertainCount,
      footnote: translate(locale, 'map.legend.smallNumberNote.flag', { threshold }),
    });
  }
  if (fallbackCount > 0) {
    marks.push({
      kind: 'fallback',
      classIndex: null,
      colour: NO_DATA_COLOUR,
      label: translate(locale, 'map.legend.fallbackSource'),
      count: fallbackCount,
      footnote: translate(locale, 'map.legend.fallbackSourceNote'),
    });
  }
  const synthetic = subject.sources.some((source) => source.synthetic);
  const syntheticText = translate(locale, 'badge.synthetic');
  // An attribution is printed as its source words it (a licence's, a projection's); one that is only the
  // app's own label for demo data is said in the legend's language ("Sample data, synthetic").
  const appLabel = translate('de', 'badge.synthetic');
  // A source without an attribution (a table the planner named in the import) is named by its name: every
  // value shown says where it comes from. BKG data is attributed as the licence asks and as the exported
  // figure prints it ("© GeoBasis-DE / BKG 2021 (Daten verändert)"), whatever was typed at the import; the
  // figure adds the licence's full name, which the map's small legend leaves to it.
  const lineOf = (source: (typeof subject.sources)[number]): string =>
    source.synthetic && source.attribution === appLabel
      ? syntheticText
      : isBkgSource(source) && !source.synthetic
        ? bkgAttribution(source, new Date().getFullYear(), locale)
        : withQuality(sourceNameIn(source.attribution || source.name, locale), source.quality, locale);
  const sourceLines = [...new Set(subject.sources.map(lineOf).filter((line) => line.length > 0))];
  const shown = translate(locale, 'legend.stichtag', { date: formatDate(subject.period, locale) });
  return {
    title: localized(subject.indicator.name, locale),
    unit,
    stichtag: subject.comparePeriod ? translate(locale, 'map.legend.compared', { shown, base: formatDate(subject.comparePeriod, locale) }) : shown,
    rows,
    noData: drawn.noDataKeys.length > 0 ? { classIndex: null, colour: NO_DATA_COLOUR, label: translate(locale, 'legend.noData'), count: drawn.noDataKeys.length } : null,
    marks,
    regionLine: drawn.regionWithheld
      ? translate(locale, 'map.legend.regionWithheld', { threshold })
      : subject.regionValue === null
        ? null
        : regionLine(subject.regionValue, subject.regionScope ?? null, drawn.decimals, unit, locale, drawn.areas.filter((area) => area.fromFallbackSource).length),
    fixedClassesNote: options.fixedAcrossPeriods
      ? translate(locale, 'map.legend.fixedClasses', { first: formatDate(options.fixedAcrossPeriods.first, locale), last: formatDate(options.fixedAcrossPeriods.last, locale) })
      : null,
    classCountNote:
      drawn.requestedClassCount && rows.length > 0 && rows.length < drawn.requestedClassCount
        ? translate(locale, 'map.legend.fewerClasses', { shown: rows.length, wanted: drawn.requestedClassCount })
        : null,
    // Counts grow with an area's size; an area itself (km²) is what it is, and the hint would be wrong there.
    absoluteHint: showsAbsoluteCount(subject.indicator) ? translate(locale, 'map.legend.absoluteHint') : null,
    areaNote: areaBasisNote(subject.areaBasis, locale),
    sourceLines,
    sourceChoice: subject.sourceChoice ?? null,
    warning: changeWarning(subject, locale),
    synthetic,
    syntheticLabel: synthetic && !sourceLines.includes(syntheticText) ? syntheticText : null,
  };
}

/**
 * The attribution lines to print: a line that the shown line of chosen sources already holds (a table
 * imported without attribution is named by its name in both) is left out; while that line is folded away
 * (a compact legend), every attribution line stays, so the map always names its sources.
 * @example attributionLinesShown({ sourceLines: ['Kita-Liste 2024'], sourceChoice: 'Quelle: Kita: Kita-Liste 2024, Stichtag …' }, true) // []
 */
export function attributionLinesShown(legend: Pick<IndicatorLegend, 'sourceLines' | 'sourceChoice'>, sourceChoiceShown: boolean): string[] {
  const choice = sourceChoiceShown ? legend.sourceChoice : null;
  // A whole name in that line (after ": ", ", " or "; ", before ", ", "; " or its end), not any piece of it.
  const named = (line: string) => choice !== null && new RegExp(`(: |, |; )${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(, |; |$)`).test(choice);
  return choice ? legend.sourceLines.filter((line) => !named(line)) : legend.sourceLines;
}

/**
 * A change whose two ends come from different sources (the register at 31.12.2021, the Zensus on
 * 15.05.2022) says so: part of it is the change of source, a break in the series, not a development.
 * Null for one set of sources at both ends and outside the change modes (official land areas, dated on
 * their own, do not count: both ends divide by the same areas).
 * @example sourceBreakWarning({ comparePeriod: '2021-12-31', period: '2022-05-15', sourceBreak: { base: ['reg'], shown: ['zensus'] }, … }, 'de') // "Quellenwechsel: 31.12.2021 aus Regionalstatistik, 15.05.2022 aus Zensus 2022. …"
 */
export function sourceBreakWarning(subject: Pick<LegendSubject, 'comparePeriod' | 'period' | 'sourceBreak' | 'sources'>, locale: Locale): string | null {
  const { comparePeriod, sourceBreak } = subject;
  if (!comparePeriod || !sourceBreak) return null;
  const { base, shown } = sourceBreak;
  // Two imports of one table, one per Stichtag, are one series: no change of source.
  const seriesOf = sourceSeries(subject.sources);
  const baseSeries = new Set(base.map(seriesOf));
  const shownSeries = new Set(shown.map(seriesOf));
  if (baseSeries.size === shownSeries.size && [...baseSeries].every((series) => shownSeries.has(series))) return null;
  const name = contrastedSourceNames([...base, ...shown], subject.sources);
  const names = (ids: readonly string[]) => ids.map(name).join(locale === 'de' ? ' und ' : ' and ');
  return translate(locale, 'map.legend.sourceBreak', { base: formatDate(comparePeriod, locale), baseSources: names(base), shown: formatDate(subject.period, locale), shownSources: names(shown) });
}

/**
 * What a change map must say first: a change of source between its two ends, a probable change of
 * territory, or both (one paragraph, each its own sentence); null when neither.
 */
export function changeWarning(subject: Pick<LegendSubject, 'comparePeriod' | 'period' | 'sourceBreak' | 'sources' | 'territoryNote'>, locale: Locale): string | null {
  const parts = [sourceBreakWarning(subject, locale), subject.comparePeriod && subject.territoryNote ? localized(subject.territoryNote, locale) : null].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' ') : null;
}

/** "Gesamt: 5,6 % …", or "Summe der verglichenen Gebiete (1): 5,6 % …" when the value sums only some areas. */
function regionLine(value: number, scope: { comparedAreas: number } | null, decimals: number, unit: string, locale: Locale, fallbackCount: number): string {
  const shown = formatNumber(value, decimals, locale);
  const line = (scope ? translate(locale, 'map.legend.regionCompared', { count: scope.comparedAreas, value: shown, unit }) : translate(locale, 'map.legend.region', { value: shown, unit })).trim();
  // A total over two sources says so: the filled areas are marked on the map, the sum would hide them.
  return fallbackCount > 0 ? `${line}${translate(locale, 'map.legend.regionWithFallback', { count: fallbackCount })}` : line;
}
