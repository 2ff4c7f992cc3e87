/**
 * Which project source a table file continues, and the name a further source of it gets: the preview (to
 * propose) and the commit (to decide, with the Stichtage it really writes, e.g. the command line's
 * `--period`) ask the same questions here.
 */
import type { Source } from '../../../../shared/model/project';
import { distinctSourceName, importedFromNote, sourceNamed } from '../../../../shared/sources/sourceNames';
import { sourcesHolding } from '../../storage/importStore';
import type { SqliteDatabase } from '../../storage/openDatabase';

/**
 * The source whose series the file continues: one imported from a file of this name, or named as the
 * file's source would be (kita.csv of 31.12.2023 in the project, kita.csv of 31.12.2024 read now), that
 * holds one of the file's variables and none of the file's Stichtage for them. A source sharing a Stichtag
 * with the file is no continuation: the file then repeats or revises it, which the repeated-source check
 * and the replace choice handle.
 */
export function continuedSourceOf(
  db: SqliteDatabase,
  sources: readonly Source[],
  file: { fileName: string; sourceName: string; variables: readonly string[]; periods: readonly string[] },
): Source | null {
  if (file.periods.length === 0) return null;
  const filePeriods = new Set(file.periods);
  const holdings = [...sourcesHolding(db, file.variables).values()].flat();
  const candidates = [sourceNamed(sources, file.sourceName), ...sources.filter((source) => source.notes === importedFromNote(file.fileName))];
  return (
    candidates.find((candidate) => {
      if (!candidate) return false;
      const its = holdings.filter((holding) => holding.sourceId === candidate.id);
      return its.length > 0 && !its.some((holding) => holding.periods.some((period) => filePeriods.has(period)));
    }) ?? null
  );
}

/** The name a further source of the file gets unless one is given: the file's own, dated when a source has it. */
export function furtherSourceName(sources: readonly Source[], fileSourceName: string, periods: readonly string[]): string {
  return distinctSourceName(fileSourceName, sources.map((source) => source.name), [...periods].sort().at(-1) ?? null);
}
