/**
 * "Quelle: Melderegister, sonst Zensus 2022, Stichtag 31.12.2024": which sources a figure draws its
 * variables from, in priority order, for the map's legend, its source picker and every exported figure.
 * The order comes from the one rule of sourceChoice.ts (sourcePriority), applied to what the project
 * summary says about its sources; the app and the export both call these functions. Pure.
 */
import { formatDate, type Locale } from '../format/number';
import { localized, translate } from '../i18n/translate';
import { PROJECTION_NAME_PREFIX, PROJECTION_PUBLISHER, SYNTHETIC_LABEL, SYNTHETIC_LICENCE, SYNTHETIC_NAME_SUFFIX, SYNTHETIC_PUBLISHER_SUFFIX, type LocalizedText } from '../model/project';
import { sourcePriority } from './sourceChoice';
import { sourceNameWithoutFile } from './sourceNames';

/** What the functions read of a project summary (contract `projectSummary`). */
export interface SourceChoiceProject {
  sources: readonly { id: string; name: string }[];
  variables: readonly { id: string; name: LocalizedText; sources: readonly string[]; availableSources: readonly { id: string }[] }[];
}

export interface VariableSourceChoice {
  variable: string;
  name: LocalizedText;
  /** The sources the variable is drawn from, first choice first (only sources that hold it). */
  sources: { id: string; name: string }[];
  /** How many sources hold the variable at all. */
  holdingCount: number;
  /**
   * How many series those sources form (sourceSeries: two imports of one table are one): with one, there
   * is nothing to choose, so neither the source line nor the map's source picker offers a choice.
   */
  holdingSeries: number;
}

/**
 * Per variable of a figure its sources in priority order under a view's choice (null: each variable's own).
 * @example indicatorSourceChoices(summary, ['refugees', 'population'], ['demo-asylblg'])[0].sources.map((source) => source.id) // ['demo-asylblg']
 */
export function indicatorSourceChoices(project: SourceChoiceProject, variableIds: readonly string[], viewSources: readonly string[] | null): VariableSourceChoice[] {
  const order = project.sources.map((source) => source.id);
  const names = new Map(project.sources.map((source) => [source.id, source.name]));
  const seriesOf = sourceSeries(project.sources);
  // A share of a variable in itself ("Anteil unter 18 Jahren": population / population) names it once.
  return [...new Set(variableIds)].flatMap((id) => {
    const variable = project.variables.find((candidate) => candidate.id === id);
    if (!variable) return [];
    const holding = new Set(variable.availableSources.map((entry) => entry.id));
    const priority = sourcePriority({ sources: [...variable.sources] }, viewSources, order, holding).filter((sourceId) => holding.has(sourceId));
    const holdingSeries = new Set([...holding].map(seriesOf)).size;
    return [{ variable: id, name: variable.name, sources: priority.map((sourceId) => ({ id: sourceId, name: names.get(sourceId) ?? sourceId })), holdingCount: holding.size, holdingSeries }];
  });
}

/**
 * A source's name without the demo suffix ("– Beispieldaten, synthetisch" is shown as a label of its own).
 * Only that suffix goes: a name the planner typed ("Melderegister – Stand Mai") is kept whole, so two such
 * sources never look alike.
 * @example shortSourceName('Statistik der Asylbewerberleistungen (AsylbLG) – Beispieldaten, synthetisch') // "Statistik der Asylbewerberleistungen (AsylbLG)"
 */
export function shortSourceName(name: string): string {
  return name.endsWith(SYNTHETIC_NAME_SUFFIX) ? name.slice(0, -SYNTHETIC_NAME_SUFFIX.length) : name;
}

/**
 * The series a source belongs to: two imports of one official table for two Stichtage ("…, Tabelle
 * 12411-01-01-4 (…_2018-12-31.csv)" and "(…_2021-12-31.csv)"), the same table code, are one
 * series. Every other source is its own: the register and the Zensus are a change of source, and so are
 * two lists of one title without a table code (nothing says they were counted alike).
 * @example sourceSeries(sources)('reg-2018') === sourceSeries(sources)('reg-2021') // true
 */
export function sourceSeries(sources: readonly { id?: string; name: string }[]): (sourceId: string) => string {
  // Keyed by the table code: a source named before the title's GENESIS boilerplate was left out of names
  // ("… - Stichtag 31.12. - regionale Tiefe: …, Tabelle 12411-01-01-4") continues in one named after.
  const series = new Map<string | undefined, string>();
  for (const source of sources) {
    const code = /, Tabelle ([0-9][\w.-]*)$/.exec(sourceNameWithoutFile(shortSourceName(source.name)))?.[1];
    if (code) series.set(source.id, `table:${code}`);
  }
  return (sourceId) => series.get(sourceId) ?? sourceId;
}

/**
 * Names for a sentence that sets sources against each other ("Quellenwechsel: … aus A, … aus B"): without
 * the demo suffix and without the file name an import adds, unless two of them would then read alike.
 * @example contrastedSourceNames(['reg', 'zensus'], sources)('zensus') // "Bevölkerung kompakt, Tabelle 1000A-0000"
 */
export function contrastedSourceNames(ids: readonly string[], sources: readonly { id?: string; name: string }[]): (id: string) => string {
  const fullName = (id: string) => shortSourceName(sources.find((source) => source.id === id)?.name ?? id);
  const distinctIds = [...new Set(ids)];
  const distinct = new Set(distinctIds.map((id) => sourceNameWithoutFile(fullName(id)))).size === distinctIds.length;
  return (id) => (distinct ? sourceNameWithoutFile(fullName(id)) : fullName(id));
}

/**
 * A source's full name in the reader's language: the demo suffix, which the demo stores in German like any
 * name a planner types, reads "– sample data, synthetic" in English; other names stay as stored.
 * @example sourceNameIn('Einwohnermelderegister – Beispieldaten, synthetisch', 'en') // "Einwohnermelderegister – sample data, synthetic"
 */
export function sourceNameIn(name: string, locale: Locale): string {
  if (locale !== 'en') return name;
  // The demo's attribution is the label alone ("Beispieldaten, synthetisch").
  if (name === SYNTHETIC_LABEL) return 'sample data, synthetic';
  const projection = projectionWordsIn(name);
  // A projection computed on demo data ("…, Projektion – Szenario X – auf Beispieldaten, synthetisch").
  const onSynthetic = ` – auf ${SYNTHETIC_LABEL}`;
  if (projection.endsWith(onSynthetic)) return `${projection.slice(0, -onSynthetic.length)} – on sample data, synthetic`;
  return projection.endsWith(SYNTHETIC_NAME_SUFFIX) ? `${shortSourceName(projection)} – sample data, synthetic` : projection;
}

/**
 * The words Kleinraum stores in a scenario's results source ("Kleinraum (Szenariorechnung), Projektion –
 * Szenario mittel") in English; the scenario's own name stays as typed.
 */
function projectionWordsIn(text: string): string {
  const named = text.startsWith(`${PROJECTION_PUBLISHER}, `) ? `Kleinraum (scenario calculation), ${text.slice(PROJECTION_PUBLISHER.length + 2)}` : text;
  if (named.startsWith(PROJECTION_NAME_PREFIX)) return `Projection – scenario ${named.slice(PROJECTION_NAME_PREFIX.length)}`;
  return named.replace(`, ${PROJECTION_NAME_PREFIX}`, ', projection – scenario ');
}

/**
 * A publisher or licence of a source in the reader's language: the words the demo adds to its synthetic
 * sources translated, other texts as stored.
 * @example sourceMetaIn('Landesamt für Statistik Niedersachsen (nachgebildet von Kleinraum)', 'en') // "Landesamt für Statistik Niedersachsen (imitated by Kleinraum)"
 */
export function sourceMetaIn(text: string, locale: Locale): string {
  if (locale !== 'en') return text;
  if (text === SYNTHETIC_LICENCE) return 'Generated by Kleinraum, free to use';
  if (text === PROJECTION_PUBLISHER) return 'Kleinraum (scenario calculation)';
  return text.endsWith(SYNTHETIC_PUBLISHER_SUFFIX) ? `${text.slice(0, -SYNTHETIC_PUBLISHER_SUFFIX.length)} (imitated by Kleinraum)` : text;
}

/** "AZR, sonst AsylbLG" */
export function priorityText(sources: readonly { name: string }[], locale: Locale): string {
  // A source that is the synthetic label alone ("Beispieldaten, synthetisch") is said in the reader's language.
  return sources.map((source) => sourceNameIn(shortSourceName(source.name), locale)).join(translate(locale, 'map.sources.else'));
}

/**
 * The legend's and the figure's source line; null when no variable of the figure has a choice to make
 * (each is held by one source or one series at most), so figures of single-source projects stay as they were. It names
 * only the sources behind the values shown (`usedSourceIds`, the values' `sources`): a fallback that filled
 * no gap at this Stichtag is not named, else every import added as a further source would stand in every
 * figure without having supplied a value.
 * @example sourceChoiceLine(choices, '2024-12-31', 'de', ['demo-azr', 'demo-asylblg', 'demo-melderegister']) // "Quelle: Ausländerzentralregister (AZR), sonst Statistik der Asylbewerberleistungen (AsylbLG); Bevölkerung: Einwohnermelderegister, Stichtag 31.12.2024"
 */
export function sourceChoiceLine(choices: readonly VariableSourceChoice[], period: string, locale: Locale, usedSourceIds: readonly string[], comparePeriod: string | null = null): string | null {
  // Two imports of one official table, one per Stichtag, are one series, not a choice between sources:
  // named once, by the table ("…, Tabelle 12411-01-01-4"), not "2018's file, sonst 2021's file".
  if (!choices.some((choice) => choice.holdingSeries > 1)) return null;
  const seriesOf = sourceSeries(choices.flatMap((choice) => choice.sources));
  const used = new Set(usedSourceIds);
  const shown = choices
    .map((choice) => ({ ...choice, sources: bySeries(choice.sources.filter((source) => used.has(source.id)), seriesOf) }))
    .filter((choice) => choice.sources.length > 0);
  if (shown.length === 0) return null;
  const texts = shown.map((choice) => priorityText(choice.sources, locale));
  // One variable, or all drawn from the same sources: no need to name the variables.
  const names = new Set(texts).size === 1 ? (texts[0] as string) : shown.map((choice, index) => `${localized(choice.name, locale)}: ${texts[index]}`).join('; ');
  // A change map rests on two Stichtage, and the sources named are those of both.
  return comparePeriod !== null && comparePeriod !== period
    ? translate(locale, 'map.sources.legendCompared', { names, base: formatDate(comparePeriod, locale), date: formatDate(period, locale) })
    : translate(locale, 'map.sources.legend', { names, date: formatDate(period, locale) });
}

/**
 * The sources' names for a "Werte aus: …" line, each series once: two imports of one table read
 * "Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4", not both file names (the footer names the files).
 * @example seriesNames(twoImportsOfOneTable, 'de') // "Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4"
 */
export function seriesNames(sources: readonly { id: string; name: string }[], locale: Locale): string {
  return bySeries(sources, sourceSeries(sources))
    .map((source) => sourceNameIn(source.name, locale))
    .join('; ');
}

/**
 * Sources in priority order, each series once, named without the file where it has several: what a
 * sentence or a picker option names.
 * @example seriesEntries([reg2018, reg2021, zensus]).map((source) => source.name) // ['Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4', 'Zensus 2022, …']
 */
export function seriesEntries(sources: readonly { id: string; name: string }[]): { id: string; name: string }[] {
  return bySeries(sources, sourceSeries(sources));
}

/** Sources in priority order, each series once (the first of it), named without the file where it has several. */
function bySeries(sources: readonly { id: string; name: string }[], seriesOf: (sourceId: string) => string): { id: string; name: string }[] {
  const members = new Map<string, { id: string; name: string }[]>();
  for (const source of sources) members.set(seriesOf(source.id), [...(members.get(seriesOf(source.id)) ?? []), source]);
  return [...members.values()].map((group) => {
    const first = group[0] as { id: string; name: string };
    return group.length > 1 ? { id: first.id, name: sourceNameWithoutFile(shortSourceName(first.name)) } : first;
  });
}
