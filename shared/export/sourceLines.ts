/**
 * The source lines printed under a figure: one per dataset used (attribution, name, Stichtag), the
 * boundary attribution with the BKG licence when BKG geometry is shown, and the labels "Beispieldaten,
 * synthetisch" / "Schematische Grenzen" when they apply. A published figure must say where every figure
 * and every line comes from.
 */
import { formatDate, type Locale } from '../format/number';
import type { QualityFlag, Source } from '../model/project';
import { translate } from '../i18n/translate';
import { sourceNameIn } from '../sources/sourceChoiceLine';

const DL_DE_BY_2_0 = 'Datenlizenz Deutschland – Namensnennung – Version 2.0 (www.govdata.de/dl-de/by-2-0)';

const words = {
  data: { de: 'Daten', en: 'Data' },
  boundaries: { de: 'Geometrie', en: 'Boundaries' },
  stichtag: { de: 'Stichtag', en: 'reference date' },
  stichtage: { de: 'Stichtage', en: 'reference dates' },
  and: { de: 'und', en: 'and' },
  licence: { de: 'Lizenz', en: 'Licence' },
  locatorMap: { de: 'Übersichtskarte', en: 'Locator map' },
  changed: { de: 'Daten verändert', en: 'data changed' },
  synthetic: { de: 'Beispieldaten, synthetisch – keine amtlichen Werte', en: 'Sample data, synthetic – not official figures' },
  schematic: { de: 'Schematische Grenzen – keine amtlichen Gebietsgrenzen', en: 'Schematic boundaries – not official boundaries' },
} as const;

/** True when the source is BKG geometry (VG250, VG5000, …): then its attribution and licence must be printed. */
export function isBkgSource(source: Pick<Source, 'attribution' | 'name'> & { publisher?: string }): boolean {
  const text = `${source.attribution} ${source.publisher ?? ''} ${source.name}`;
  return /GeoBasis-DE|\bBKG\b|Bundesamt für Kartographie/i.test(text);
}

/**
 * "© GeoBasis-DE / BKG 2021 (Daten verändert)": the year is taken from the attribution, else from the
 * Stichtag, else from `fallbackYear`.
 * @example bkgAttribution(source, 2025, 'de') // "© GeoBasis-DE / BKG 2021 (Daten verändert)"
 */
export function bkgAttribution(source: Pick<Source, 'attribution'> & { stichtag?: string | null }, fallbackYear: number, locale: Locale): string {
  const yearInAttribution = /BKG\s*[,(]?\s*(\d{4})/.exec(source.attribution)?.[1];
  const year = yearInAttribution ?? source.stichtag?.slice(0, 4) ?? String(fallbackYear);
  return `© GeoBasis-DE / BKG ${year} (${words.changed[locale]})`;
}

export interface SourceLineInput {
  /** Sources of the values shown. */
  dataSources: readonly Source[];
  /**
   * Per source id, the Stichtage of the values shown (see indicatorValues.sourcePeriods). A source listed
   * here is printed with these dates; any other with its own Stichtag (the latest of a series).
   */
  shownPeriods?: Readonly<Record<string, readonly string[]>>;
  /** Source of the boundary layer, when known. */
  boundarySource: Source | null;
  /** The boundary layer is schematic (generated, not official). */
  schematicBoundaries: boolean;
  /** Attribution of the locator inset's outline (BKG Länder) when the figure shows it, else absent. */
  locatorOutlineAttribution?: string | null;
  /** Year for a BKG line when the source states none (the export's year). */
  currentYear: number;
  locale: Locale;
}

/**
 * A source as one short label: its name, with the attribution added only where neither already says the
 * other (demo sources carry "Beispieldaten, synthetisch" in both).
 * @example sourceLabel({ name: 'Zensus 2022', attribution: '© Statistische Ämter …' }) // "Zensus 2022 – © Statistische Ämter …"
 */
export function sourceLabel(source: { name: string; attribution: string }): string {
  if (!source.attribution || source.name.includes(source.attribution)) return source.name || source.attribution;
  if (!source.name || source.attribution.includes(source.name)) return source.attribution;
  return `${source.name} – ${source.attribution}`;
}

/**
 * A source's line with what its values are where they are no count ("Kita-Schätzung Jugendamt (geschätzt)"),
 * so a legend or figure never passes an estimate off as counted; a projection's line already says it is one.
 * Synthetic data has its own closing line.
 * @example withQuality('Kita-Schätzung Jugendamt', 'estimated', 'de') // "Kita-Schätzung Jugendamt (geschätzt)"
 */
export function withQuality(line: string, quality: QualityFlag | undefined, locale: Locale): string {
  if (quality !== 'estimated' && quality !== 'projected') return line;
  if (quality === 'projected' && /projektion|prognose|projection|forecast/i.test(line)) return line;
  return `${line} (${translate(locale, `sources.quality.${quality}`)})`;
}

/** `sourceLabel` in the reader's language: the demo's synthetic label translated (see sourceNameIn). */
export function sourceLabelIn(source: { name: string; attribution: string }, locale: Locale): string {
  return sourceLabel({ name: sourceNameIn(source.name, locale), attribution: sourceNameIn(source.attribution, locale) });
}

/**
 * The lines, in print order: data sources (synthetic ones too, by name), boundaries, then the synthetic
 * label (once).
 * @example sourceLines({ dataSources: [zensus], boundarySource: vg250, schematicBoundaries: false, currentYear: 2025, locale: 'de' })
 * // ['Daten: © Statistische Ämter des Bundes und der Länder, 2024 – Zensus 2022 …, Stichtag 15.05.2022',
 * //  'Geometrie: © GeoBasis-DE / BKG 2021 (Daten verändert), Lizenz: Datenlizenz Deutschland – …']
 */
export function sourceLines(input: SourceLineInput): string[] {
  const { locale } = input;
  const lines: string[] = [];
  const seen = new Set<string>();
  let synthetic = false;
  for (const source of input.dataSources) {
    // The boundary source also supplies official land areas (per km²); its own line below names it.
    if (input.boundarySource && source.id === input.boundarySource.id && !source.synthetic) continue;
    const stichtag = stichtagText(input.shownPeriods?.[source.id] ?? (source.stichtag ? [source.stichtag] : []), locale);
    if (source.synthetic) {
      // Named like any source (a demo has several synthetic ones: which figure came from which), and the
      // synthetic label follows once below.
      synthetic = true;
      // A source that is only the label itself ("Beispieldaten, synthetisch") is said by the closing line.
      if (!source.name || source.name === source.attribution) continue;
      const line = `${words.data[locale]}: ${sourceLabelIn(source, locale)}${stichtag}`;
      if (!seen.has(line)) lines.push(line);
      seen.add(line);
      continue;
    }
    const stored = source.attribution || source.publisher;
    // An imported table often names neither attribution nor publisher: then its name alone, not "Daten: – name".
    // The name only where the attribution does not already hold it (a projection's says "…, Projektion – Szenario X").
    const name = source.name && source.name !== source.attribution && !holdsSegment(stored, source.name) ? (stored ? ` – ${sourceNameIn(source.name, locale)}` : sourceNameIn(source.name, locale)) : '';
    // The words Kleinraum itself stores (a projection's) in the reader's language; a publisher's as given.
    const who = sourceNameIn(stored, locale);
    const line = `${withQuality(`${words.data[locale]}: ${who}${name}`, source.quality, locale)}${stichtag}`;
    if (!seen.has(line)) lines.push(line);
    seen.add(line);
  }
  const boundary = input.boundarySource;
  if (input.schematicBoundaries) {
    lines.push(`${words.boundaries[locale]}: ${words.schematic[locale]}`);
  } else if (boundary && isBkgSource(boundary)) {
    lines.push(`${words.boundaries[locale]}: ${bkgAttribution(boundary, input.currentYear, locale)}, ${words.licence[locale]}: ${DL_DE_BY_2_0}`);
  } else if (boundary && boundary.attribution) {
    lines.push(`${words.boundaries[locale]}: ${boundary.attribution}`);
  }
  if (input.locatorOutlineAttribution) {
    lines.push(`${words.locatorMap[locale]}: ${input.locatorOutlineAttribution}, ${words.licence[locale]}: dl-de/by-2-0`);
  }
  if (synthetic || boundary?.synthetic === true && !input.schematicBoundaries) synthetic = true;
  if (synthetic) lines.push(words.synthetic[locale]);
  return lines;
}

/** ", Stichtag 31.12.2023", ", Stichtage 31.12.2019 und 31.12.2024", or nothing without a date. */
function stichtagText(periods: readonly string[], locale: Locale): string {
  const dates = [...periods].sort().map((period) => formatDate(period, locale));
  if (dates.length === 0) return '';
  if (dates.length === 1) return `, ${words.stichtag[locale]} ${dates[0]}`;
  // A series of ten Stichtage is named by its first and last and counted, not listed.
  if (dates.length > 3) return locale === 'de' ? `, ${dates.length} Stichtage vom ${dates[0]} bis ${dates.at(-1)}` : `, ${dates.length} reference dates from ${dates[0]} to ${dates.at(-1)}`;
  return `, ${words.stichtage[locale]} ${dates.slice(0, -1).join(', ')} ${words.and[locale]} ${dates.at(-1)}`;
}

/** Whether `text` holds `part` as a whole segment (between its start or end, ", " and " – "), not inside a word. */
function holdsSegment(text: string, part: string): boolean {
  const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|, | – )${escaped}($|, | – )`).test(text);
}
