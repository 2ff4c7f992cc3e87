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
 * and why it is taken for that source's file: its file name (or the name its source would get), or the
 * columns of the table last imported into that source (`kita_2025.csv` after `kita_2024.csv`).
 */
export interface SourceContinuation {
  source: Source;
  mode: 'extend' | 'replace';
  reason: 'fileName' | 'tableLayout';
}

/**
 * The source the file continues: one imported from a file of this name, or named as the file's source
 * would be, that holds one of the file's variables (`holders`: sourcesHolding of the file's variables). The same file of a later Stichtag (kita.csv of
 * 31.12.2023 in the project, of 31.12.2024 read now) extends its series; a file that also brings Stichtage
 * the source has (a GENESIS series downloaded again a year later, 2016–2025 against 2015–2024, or a
 * corrected file) replaces its values for the file's Stichtage, which adds the new ones too. A file that
 * only repeats the source's values continues nothing (the caller's repeated-source check says so).
 *
 * A renamed file (`kita_2025.csv` after `kita_2024.csv`) is known by its columns: `layoutSourceId` is the
 * source the last table of the same header signature went into (the project setting
 * `import.source.<signature>`). Same columns alone say less than the same name — two districts' lists of
 * one form look alike — so they only propose extending a series with new Stichtage, never replacing
 * values the source has.
 */
export function continuedSourceOf(
  sources: readonly Source[],
  holders: ReturnType<typeof sourcesHolding>,
  file: { fileName: string; sourceName: string; periods: readonly string[]; layoutSourceId?: string | null },
): SourceContinuation | null {
  if (file.periods.length === 0) return null;
  const filePeriods = new Set(file.periods);
  const holdings = [...holders.values()].flat();
  const candidates: { source: Source | undefined; reason: SourceContinuation['reason'] }[] = [
    { source: sourceNamed(sources, file.sourceName), reason: 'fileName' },
    ...sources.filter((source) => source.notes === importedFromNote(file.fileName)).map((source) => ({ source, reason: 'fileName' as const })),
    { source: sources.find((source) => source.id === file.layoutSourceId), reason: 'tableLayout' },
  ];
  for (const { source, reason } of candidates) {
    if (!source) continue;
    const its = holdings.filter((holding) => holding.sourceId === source.id);
    if (its.length === 0) continue;
    const shares = its.some((holding) => holding.periods.some((period) => filePeriods.has(period)));
    if (shares && reason === 'tableLayout') continue;
    return { source, mode: shares ? 'replace' : 'extend', reason };
  }
  return null;
}

/** The settings key remembering the source a table of this header signature went into. */
export const layoutSourceSettingKey = (headerSignature: string) => `import.source.${headerSignature}` as const;

/** The source the last table of this header signature went into (see continuedSourceOf), if remembered. */
export function rememberedLayoutSource(settings: ProjectSettings, headerSignature: string): string | null {
  return readFamilySetting(settings, 'import.source.', headerSignature) ?? null;
}

/** The name a further source of the file gets unless one is given: the file's own, dated when a source has it. */
export function furtherSourceName(sources: readonly Source[], fileSourceName: string, periods: readonly string[]): string {
  return distinctSourceName(fileSourceName, sources.map((source) => source.name), [...periods].sort().at(-1) ?? null);
}
