/**
 * The account of an import's records: how many were read, how many were used, and how many were skipped for
 * which reason. Read must always equal used plus skipped — a record that vanishes without a reason is the
 * silent loss planners cannot see in a map (issue 17), so every import report carries this account.
 */
import type { LocalizedText } from '../../model/project';

export interface RecordAccount {
  /** Records (features or data rows) the file holds as read. */
  read: number;
  /** Records that went into areas or observations. */
  used: number;
  /** Records left out, by reason, each with a sentence for the report. */
  skipped: { reason: string; count: number; text: LocalizedText }[];
}

const BOUNDARY_REASONS: Record<string, LocalizedText> = {
  deletedRecords: { de: 'in der .dbf als gelöscht markiert', en: 'flagged as deleted in the .dbf' },
  byKeyPrefix: { de: 'Schlüssel außerhalb des Filters', en: 'key outside the filter' },
  byMissingAttributes: { de: 'ohne Namen oder Pflichtfeld', en: 'without name or required attribute' },
  withoutKey: { de: 'ohne Schlüssel', en: 'without key' },
  withoutGeometry: { de: 'ohne Flächengeometrie', en: 'without polygon geometry' },
};

function group(reason: string, count: number, label: LocalizedText): RecordAccount['skipped'][number] {
  return { reason, count, text: { de: `${count} ${label.de}`, en: `${count} ${label.en}` } };
}

/**
 * The account of a boundary import from its report.
 * @example boundaryRecordAccount({ featureCount: 21, filteredOut: { byKeyPrefix: 0, byMissingAttributes: 0, withoutKey: 0, withoutGeometry: 1, deletedRecords: 2 } }) // { read: 23, used: 20, skipped: [deleted 2, without geometry 1] }
 */
export function boundaryRecordAccount(report: { featureCount: number; filteredOut: Record<keyof typeof BOUNDARY_REASONS, number> }): RecordAccount {
  const skipped = Object.entries(BOUNDARY_REASONS)
    .map(([reason, label]) => group(reason, report.filteredOut[reason as keyof typeof BOUNDARY_REASONS] ?? 0, label))
    .filter((entry) => entry.count > 0);
  const skippedFeatures = skipped.filter((entry) => entry.reason !== 'deletedRecords').reduce((sum, entry) => sum + entry.count, 0);
  return { read: report.featureCount + (report.filteredOut.deletedRecords ?? 0), used: report.featureCount - skippedFeatures, skipped };
}

const TABLE_REASONS: Record<string, LocalizedText> = {
  'aggregate-row': { de: 'Summenzeilen (Kreis, Land), getrennt gehalten', en: 'aggregate rows (Kreis, Land), kept apart' },
  'other-region': { de: 'Zeilen außerhalb des Gebiets der Ebene', en: 'rows outside the layer’s region' },
  'finer-level': { de: 'Zeilen einer feineren Ebene', en: 'rows of a finer level' },
  'unknown-key': { de: 'Zeilen mit unbekanntem Schlüssel', en: 'rows with an unknown key' },
  'no-key': { de: 'Zeilen ohne Schlüssel', en: 'rows without a key' },
};

/**
 * The account of a table import from the join report: every data row is matched, an aggregate row, or unmatched for a reason.
 * @example tableRecordAccount(22, { matchedCount: 21, aggregateRowCount: 1, unmatched: [] }) // { read: 22, used: 21, skipped: [aggregate 1] }
 */
export function tableRecordAccount(rowCount: number, join: { matchedCount: number; aggregateRowCount: number; unmatched: { reason: string; count: number }[] }): RecordAccount {
  const skipped = [{ reason: 'aggregate-row', count: join.aggregateRowCount }, ...join.unmatched]
    .filter((entry) => entry.count > 0)
    .map((entry) => group(entry.reason, entry.count, TABLE_REASONS[entry.reason] ?? { de: entry.reason, en: entry.reason }));
  return { read: rowCount, used: join.matchedCount, skipped };
}
