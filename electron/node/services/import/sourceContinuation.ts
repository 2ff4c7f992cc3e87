/**
 * Which project source a table file continues, and the name a further source of it gets: the preview (to
 * propose) and the commit (to decide, with the Stichtage it really writes, e.g. the command line's
 * `--period`) ask the same questions here.
 */
import type { Source } from '../../../../shared/model/project';
import { distinctSourceName, importedFromNote, sourceNamed } from '../../../../shared/sources/sourceNames';
import type { sourcesHolding } from '../../storage/importStore';

/** How a file continues a source: new Stichtage only (extend), or also ones the source has (replace them). */
export interface SourceContinuation {
  source: Source;
  mode: 'extend' | 'replace';
}

/**
 * The source the file continues: one imported from a file of this name, or named as the file's source
 * would be, that holds one of the file's variables (`holders`: sourcesHolding of the file's variables). The same file of a later Stichtag (kita.csv of
 * 31.12.2023 in the project, of 31.12.2024 read now) extends its series; a file that also brings Stichtage
 * the source has (a GENESIS series downloaded again a year later, 2016–2025 against 2015–2024, or a
 * corrected file) replaces its values for the file's Stichtage, which adds the new ones too. A file that
 * only repeats the source's values continues nothing (the caller's repeated-source check says so).
 */
export function continuedSourceOf(
  sources: readonly Source[],
  holders: ReturnType<typeof sourcesHolding>,
  file: { fileName: string; sourceName: string; periods: readonly string[] },
): SourceContinuation | null {
  if (file.periods.length === 0) return null;
  const filePeriods = new Set(file.periods);
  const holdings = [...holders.values()].flat();
  const candidates = [sourceNamed(sources, file.sourceName), ...sources.filter((source) => source.notes === importedFromNote(file.fileName))];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const its = holdings.filter((holding) => holding.sourceId === candidate.id);
    if (its.length === 0) continue;
    const shares = its.some((holding) => holding.periods.some((period) => filePeriods.has(period)));
    return { source: candidate, mode: shares ? 'replace' : 'extend' };
  }
  return null;
}

/** The name a further source of the file gets unless one is given: the file's own, dated when a source has it. */
export function furtherSourceName(sources: readonly Source[], fileSourceName: string, periods: readonly string[]): string {
  return distinctSourceName(fileSourceName, sources.map((source) => source.name), [...periods].sort().at(-1) ?? null);
}
