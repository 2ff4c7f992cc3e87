/**
 * Which project source a table file continues, and the name a further source of it gets: the preview (to
 * propose) and the commit (to decide, with the Stichtage it really writes, e.g. the command line's
 * `--period`) ask the same questions here.
 */
import type { Source } from '../../../../shared/model/project';
import { readFamilySetting, type ProjectSettings } from '../../../../shared/settings/projectSettings';
import { distinctSourceName, importedFromNote, sourceNamed } from '../../../../shared/sources/sourceNames';
import type { sourcesHolding } from '../../storage/importStore';

/**
 * How a file continues a source: new Stichtage only (extend), or also ones the source has (replace them);
 * and why it is taken for that source's file: its file name (or the name its source would get), or its
 * columns and areas (`kita_2025.csv` after `kita_2024.csv`).
 */
export interface SourceContinuation {
  source: Source;
  mode: 'extend' | 'replace';
  reason: 'fileName' | 'tableLayout';
}

/**
 * The source the file continues: one imported from a file of this name, or named as the file's source
 * would be, that holds one of the file's variables (`holders`: sourcesHolding of the file's variables). The
 * same file of a later Stichtag (kita.csv of 31.12.2023 in the project, of 31.12.2024 read now) extends its series; a file that also brings Stichtage
 * the source has (a GENESIS series downloaded again a year later, 2016–2025 against 2015–2024, or a
 * corrected file) replaces its values for the file's Stichtage, which adds the new ones too. A file that
 * only repeats the source's values continues nothing (the caller's repeated-source check says so).
 *
 * A renamed file (`kita_2025.csv` after `kita_2024.csv`) is known by its columns and its areas: `layoutSourceIds`
 * are the sources tables of the same header signature went into (the project setting
 * `import.source.<signature>`, most recent first); `areaKeysOf` reads the area keys one holds at its latest
 * Stichtag, asked only when no source is continued by name.
 * Same columns alone say little — two districts' lists of one form look alike — so such a source is taken
 * only when the file covers the same areas (LAYOUT_AREA_OVERLAP), and only to extend its series with new
 * Stichtage, never to replace values it has.
 */
export function continuedSourceOf(
  sources: readonly Source[],
  holders: ReturnType<typeof sourcesHolding>,
  file: {
    fileName: string;
    sourceName: string;
    periods: readonly string[];
    areaKeys?: readonly string[];
    layoutSourceIds?: readonly string[];
    areaKeysOf?: (sourceId: string) => readonly string[];
  },
): SourceContinuation | null {
  if (file.periods.length === 0) return null;
  const filePeriods = new Set(file.periods);
  const holdings = [...holders.values()].flat();
  const sharesPeriods = (source: Source) => holdings.some((holding) => holding.sourceId === source.id && holding.periods.some((period) => filePeriods.has(period)));
  const holdsFigures = (source: Source) => holdings.some((holding) => holding.sourceId === source.id);
  const byName = [sourceNamed(sources, file.sourceName), ...sources.filter((source) => source.notes === importedFromNote(file.fileName))];
  for (const source of byName) {
    if (source && holdsFigures(source)) return { source, mode: sharesPeriods(source) ? 'replace' : 'extend', reason: 'fileName' };
  }
  const fileKeys = new Set(file.areaKeys ?? []);
  for (const sourceId of file.layoutSourceIds ?? []) {
    const source = sources.find((candidate) => candidate.id === sourceId);
    if (!source || !holdsFigures(source) || sharesPeriods(source)) continue;
    if (file.areaKeysOf && areaOverlap(fileKeys, file.areaKeysOf(sourceId)) >= LAYOUT_AREA_OVERLAP) return { source, mode: 'extend', reason: 'tableLayout' };
  }
  return null;
}

/**
 * How much of the areas two lists share for a renamed file to be taken for the next Stichtag of a source
 * (shared keys over all keys of either): next year's list of the same 21 municipalities shares all, one
 * with a municipality more or less most; another district's list of the same form few or none.
 */
export const LAYOUT_AREA_OVERLAP = 0.8;

function areaOverlap(fileKeys: ReadonlySet<string>, sourceKeys: readonly string[]): number {
  const shared = sourceKeys.filter((key) => fileKeys.has(key)).length;
  const all = fileKeys.size + sourceKeys.length - shared;
  return all === 0 ? 0 : shared / all;
}

/** How many sources a form remembers: more than a planner keeps side by side for one form. */
const REMEMBERED_LAYOUT_SOURCES = 8;

/** The settings key remembering the sources tables of this header signature went into. */
export const layoutSourceSettingKey = (headerSignature: string) => `import.source.${headerSignature}` as const;

/** The sources tables of this header signature went into (see continuedSourceOf), most recent first. */
export function rememberedLayoutSourceIds(settings: ProjectSettings, headerSignature: string): readonly string[] {
  return readFamilySetting(settings, 'import.source.', headerSignature) ?? [];
}

/** The list to remember after a table of this header signature went into `sourceId`: it first, older ones after. */
export function layoutSourcesAfterImport(settings: ProjectSettings, headerSignature: string, sourceId: string): string[] {
  const earlier = rememberedLayoutSourceIds(settings, headerSignature);
  return [sourceId, ...earlier.filter((id) => id !== sourceId)].slice(0, REMEMBERED_LAYOUT_SOURCES);
}

/** The name a further source of the file gets unless one is given: the file's own, dated when a source has it. */
export function furtherSourceName(sources: readonly Source[], fileSourceName: string, periods: readonly string[]): string {
  return distinctSourceName(fileSourceName, sources.map((source) => source.name), [...periods].sort().at(-1) ?? null);
}
