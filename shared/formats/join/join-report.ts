/**
 * The join report shown before a table is written: which rows found their area, which did not (listed),
 * which areas got no data, duplicate keys, aggregate rows kept apart, name-match proposals to confirm, and
 * a totals check of the municipalities against their Kreis row. Pure: it decides nothing by itself.
 */
import { agsFromArs, dominantLevel, isCoarserLevel, recogniseAreaKey, type AreaLevel } from '../keys/area-key';
import { proposeNameMatches, type NameMatchProposal } from '../keys/area-name';

export interface JoinArea {
  key: string;
  name: string;
}

export interface JoinRow {
  /** Index of the row in the table (stable id for the UI). */
  rowIndex: number;
  /** 1-based line in the file, for messages. */
  lineNumber: number;
  keyText: string;
  name: string;
  /** The value used for the totals check, or null when missing or not given. */
  value: number | null;
}

export interface MatchedRow {
  rowIndex: number;
  areaKey: string;
  /** How the key was matched: as written, after restoring a leading zero, or via ARS → AGS. */
  via: 'key' | 'restored-leading-zero' | 'ars-to-ags';
}

export interface UnmatchedRow {
  rowIndex: number;
  lineNumber: number;
  keyText: string;
  name: string;
  reason: 'unknown-key' | 'no-key' | 'finer-level' | 'other-region';
}

export interface AggregateRow {
  rowIndex: number;
  lineNumber: number;
  key: string;
  name: string;
  level: AreaLevel;
  value: number | null;
}

export interface TotalsCheck {
  /** The aggregate key, e.g. "03241". */
  aggregateKey: string;
  aggregateName: string;
  aggregateValue: number;
  /** Sum over matched rows whose area key starts with the aggregate key. */
  sumOfAreas: number;
  areaCount: number;
  difference: number;
  consistent: boolean;
}

export interface JoinReport {
  layerLevel: AreaLevel | null;
  matched: MatchedRow[];
  unmatchedRows: UnmatchedRow[];
  areasWithoutData: JoinArea[];
  duplicateKeys: { areaKey: string; rowIndexes: number[] }[];
  aggregateRows: AggregateRow[];
  nameProposals: (NameMatchProposal & { rowIndex: number })[];
  restoredLeadingZeros: number;
  totalsChecks: TotalsCheck[];
}

export interface JoinOptions {
  /** Tolerance for the totals check, as an absolute difference (default 0.5: counts must agree exactly). */
  totalsTolerance?: number;
}

/**
 * Builds the join report of table rows against a layer's areas.
 * @example buildJoinReport([{ key: '03241001', name: 'Hannover' }], [{ rowIndex: 0, lineNumber: 2, keyText: '3241001', name: 'Hannover', value: 1 }]).matched[0].via // "restored-leading-zero"
 */
export function buildJoinReport(areas: readonly JoinArea[], rows: readonly JoinRow[], options: JoinOptions = {}): JoinReport {
  const areaByKey = new Map(areas.map((area) => [area.key, area]));
  const layerLevel = dominantLevel(areas.map((area) => area.key));
  const layerUsesArs = areas.length > 0 && areas.every((area) => area.key.length === 12);
  const matched: MatchedRow[] = [];
  const unmatchedRows: UnmatchedRow[] = [];
  const aggregateRows: AggregateRow[] = [];
  const nameProposals: (NameMatchProposal & { rowIndex: number })[] = [];
  const rowsByArea = new Map<string, number[]>();
  let restoredLeadingZeros = 0;

  for (const row of rows) {
    const recognised = recogniseAreaKey(row.keyText);
    if (recognised && layerLevel && isCoarserLevel(recognised.level, layerLevel)) {
      aggregateRows.push({ rowIndex: row.rowIndex, lineNumber: row.lineNumber, key: recognised.key, name: row.name, level: recognised.level, value: row.value });
      continue;
    }
    let areaKey: string | null = null;
    let via: MatchedRow['via'] = 'key';
    if (areaByKey.has(row.keyText.trim())) {
      areaKey = row.keyText.trim();
    } else if (recognised) {
      if (areaByKey.has(recognised.key)) {
        areaKey = recognised.key;
        via = recognised.restoredLeadingZero ? 'restored-leading-zero' : 'key';
      } else if (!layerUsesArs && recognised.format === 'ars' && areaByKey.has(recognised.ags)) {
        areaKey = recognised.ags;
        via = 'ars-to-ags';
      } else if (layerUsesArs && recognised.format === 'ags') {
        const byAgs = areas.find((area) => agsFromArs(area.key) === recognised.key);
        if (byAgs) {
          areaKey = byAgs.key;
          via = 'key';
        }
      }
    }
    if (areaKey) {
      if (via === 'restored-leading-zero') restoredLeadingZeros += 1;
      matched.push({ rowIndex: row.rowIndex, areaKey, via });
      rowsByArea.set(areaKey, [...(rowsByArea.get(areaKey) ?? []), row.rowIndex]);
      continue;
    }
    const reason: UnmatchedRow['reason'] = !recognised
      ? row.keyText.trim() === ''
        ? 'no-key'
        : 'unknown-key'
      : layerLevel && isCoarserLevel(layerLevel, recognised.level)
        ? 'finer-level'
        : 'other-region';
    unmatchedRows.push({ rowIndex: row.rowIndex, lineNumber: row.lineNumber, keyText: row.keyText, name: row.name, reason });
  }

  const areasWithoutData = areas.filter((area) => !rowsByArea.has(area.key));
  // Name proposals only for unmatched rows without a usable key and for areas still without data.
  const openAreas = areasWithoutData;
  for (const row of unmatchedRows) {
    if (row.reason !== 'no-key' && row.reason !== 'unknown-key') continue;
    for (const proposal of proposeNameMatches(row.name, openAreas)) nameProposals.push({ ...proposal, rowIndex: row.rowIndex });
  }
  const duplicateKeys = [...rowsByArea].filter(([, indexes]) => indexes.length > 1).map(([areaKey, rowIndexes]) => ({ areaKey, rowIndexes }));

  const valueByRow = new Map(rows.map((row) => [row.rowIndex, row.value]));
  const tolerance = options.totalsTolerance ?? 0.5;
  const totalsChecks: TotalsCheck[] = [];
  // A layer of one Kreis' municipalities says nothing about its Land's total: only aggregates within the
  // layer's common key prefix are checked (a Germany-wide layer checks every Land and Kreis).
  const commonPrefix = commonKeyPrefix(areas.map((area) => area.key));
  for (const aggregate of aggregateRows) {
    if (aggregate.value === null || aggregate.level === 'germany') continue;
    const prefix = aggregate.level === 'gemeindeverband' ? aggregate.key : aggregate.key.slice(0, aggregate.level === 'land' ? 2 : aggregate.level === 'regierungsbezirk' ? 3 : 5);
    if (!prefix.startsWith(commonPrefix.slice(0, prefix.length)) || prefix.length < Math.min(commonPrefix.length, 5)) continue;
    const inside = matched.filter((match) => match.areaKey.startsWith(prefix));
    if (inside.length === 0) continue;
    // A missing value inside (e.g. "." for secrecy) makes the sum meaningless, not a mismatch.
    if (inside.some((match) => valueByRow.get(match.rowIndex) === null || valueByRow.get(match.rowIndex) === undefined)) continue;
    const sumOfAreas = inside.reduce((sum, match) => sum + (valueByRow.get(match.rowIndex) ?? 0), 0);
    const difference = sumOfAreas - aggregate.value;
    totalsChecks.push({
      aggregateKey: aggregate.key,
      aggregateName: aggregate.name,
      aggregateValue: aggregate.value,
      sumOfAreas,
      areaCount: inside.length,
      difference,
      consistent: Math.abs(difference) <= tolerance,
    });
  }
  return { layerLevel, matched, unmatchedRows, areasWithoutData, duplicateKeys, aggregateRows, nameProposals, restoredLeadingZeros, totalsChecks };
}

/** The longest prefix shared by all keys ("03241" for Region Hannover's municipalities). */
function commonKeyPrefix(keys: readonly string[]): string {
  if (keys.length === 0) return '';
  let prefix = keys[0]!;
  for (const key of keys) {
    let length = 0;
    while (length < prefix.length && length < key.length && prefix[length] === key[length]) length += 1;
    prefix = prefix.slice(0, length);
  }
  return prefix;
}
