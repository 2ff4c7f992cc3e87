/**
 * The join report shown before a table is written: which rows found their area, which did not (listed),
 * which areas got no data, duplicate keys, aggregate rows kept apart, name-match proposals to confirm, and
 * a totals check of the municipalities against their Kreis row. Pure: it decides nothing by itself.
 */
import { formatNumber, type Locale } from '../../format/number';
import { translate, type MessageKey } from '../../i18n/translate';
import { agsFromArs, dominantLevel, isCoarserLevel, recogniseAreaKey, type AreaLevel } from '../keys/areaKey';
import { proposeNameMatches, type NameMatchProposal } from '../keys/areaName';

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
  /**
   * How the key was matched: as written, after restoring a leading zero, via ARS → AGS, or as a city-state's
   * Land row (see cityStateRows).
   */
  via: 'key' | 'restored-leading-zero' | 'ars-to-ags' | 'city-state';
}

export interface UnmatchedRow {
  rowIndex: number;
  lineNumber: number;
  keyText: string;
  name: string;
  reason: 'unknown-key' | 'no-key' | 'finer-level' | 'other-region';
}

/**
 * One line of the unmatched rows summarised by reason, so 10 800 Zensus rows against a 21-area layer read as
 * "10.765 Zeilen außerhalb des Gebiets 03241 (399 andere Kreise)" and the full list stays available.
 */
export interface UnmatchedGroup {
  reason: UnmatchedRow['reason'];
  count: number;
  /** The layer's common key prefix for 'other-region' (e.g. "03241"), else null. */
  region: string | null;
  /** Distinct Kreise (5-digit prefixes) among 'other-region' rows, else 0. */
  otherKreise: number;
  /** Up to 3 rows as "key name", for a first look. */
  examples: string[];
  text: { de: string; en: string };
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
  /**
   * The unit the figures are published rounded to (5 for Destatis' Schutzsuchende), when the total and
   * every part are multiples of it; the check then allows the difference rounding can make. Null when
   * the figures are not recognisably rounded.
   */
  roundedTo: number | null;
  /** Long tables: the Stichtag of this check (the import preview checks each Stichtag on its own). */
  period?: string | null;
}

export interface JoinReport {
  layerLevel: AreaLevel | null;
  matched: MatchedRow[];
  unmatchedRows: UnmatchedRow[];
  /** The unmatched rows counted by reason, largest group first. */
  unmatchedSummary: UnmatchedGroup[];
  areasWithoutData: JoinArea[];
  duplicateKeys: { areaKey: string; rowIndexes: number[] }[];
  aggregateRows: AggregateRow[];
  nameProposals: (NameMatchProposal & { rowIndex: number })[];
  restoredLeadingZeros: number;
  /** The first such key as the file gives it and as matched, for the report's example (null when none). */
  restoredLeadingZeroExample: { given: string; key: string } | null;
  totalsChecks: TotalsCheck[];
  /** Total rows that could not be checked: an area inside has no value (e.g. "." for secrecy). */
  totalsUnchecked: { aggregateKey: string; aggregateName: string; areasWithoutValue: number }[];
  /**
   * Land rows taken as the one area a city-state is in the layer: Hamburg and Berlin are Land, Kreis and
   * Gemeinde at once, and Kreis tables (GENESIS, Regionalstatistik) give them only their Land row
   * ("02 Hamburg"), which the layer keys as the Kreis 02000. One entry per Land key.
   */
  cityStateRows: { key: string; areaKey: string; name: string }[];
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
  let restoredLeadingZeroExample: { given: string; key: string } | null = null;

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
      if (via === 'restored-leading-zero') {
        restoredLeadingZeros += 1;
        restoredLeadingZeroExample ??= { given: row.keyText.trim(), key: areaKey };
      }
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

  const cityStateRows = matchCityStates(areas, aggregateRows, rowsByArea, matched);
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
  const totalsUnchecked: JoinReport['totalsUnchecked'] = [];
  // The file's rounding, from all its figures: a Land of two Kreise has too few to tell by itself.
  const fileUnit = roundingUnitOf(rows.flatMap((row) => (row.value === null || row.value === undefined ? [] : [row.value])));
  // A layer of one Kreis' municipalities says nothing about its Land's total: only aggregates within the
  // layer's common key prefix are checked (a Germany-wide layer checks every Land and Kreis).
  const commonPrefix = commonKeyPrefix(areas.map((area) => area.key));
  for (const aggregate of aggregateRows) {
    if (aggregate.value === null) continue;
    // Germany's row ("DG") is checked against a layer of all Germany (no common prefix) only.
    const prefix = aggregate.level === 'germany' ? '' : aggregate.level === 'gemeindeverband' ? aggregate.key : aggregate.key.slice(0, aggregate.level === 'land' ? 2 : aggregate.level === 'regierungsbezirk' ? 3 : 5);
    if (!prefix.startsWith(commonPrefix.slice(0, prefix.length)) || prefix.length < Math.min(commonPrefix.length, 5)) continue;
    const inside = matched.filter((match) => match.areaKey.startsWith(prefix));
    if (inside.length === 0) continue;
    // A missing value inside (e.g. "." for secrecy) makes the sum meaningless, not a mismatch: said, not checked.
    const withoutValue = inside.filter((match) => valueByRow.get(match.rowIndex) === null || valueByRow.get(match.rowIndex) === undefined).length;
    if (withoutValue > 0) {
      totalsUnchecked.push({ aggregateKey: aggregate.key, aggregateName: aggregate.name, areasWithoutValue: withoutValue });
      continue;
    }
    const verdict = totalsVerdict(aggregate.value, inside.map((match) => valueByRow.get(match.rowIndex) ?? 0), tolerance, fileUnit);
    totalsChecks.push({ aggregateKey: aggregate.key, aggregateName: aggregate.name, aggregateValue: aggregate.value, areaCount: inside.length, ...verdict });
  }
  // The region is named by a whole official level (Land 2, Regierungsbezirk 3, Kreis 5 digits): "03241", not "032410".
  const regionLength = layerLevel ? [5, 3, 2].find((length) => length <= commonPrefix.length) : undefined;
  const region = regionLength ? commonPrefix.slice(0, regionLength) : '';
  // The table usually names the region itself: its Kreis row ("03241 Region Hannover") is a sum row here.
  const regionRowName = region === '' ? undefined : aggregateRows.find((row) => row.key === region)?.name;
  const unmatchedSummary = summariseUnmatchedRows(unmatchedRows, region, regionRowName);
  return { layerLevel, matched, unmatchedRows, unmatchedSummary, areasWithoutData, duplicateKeys, aggregateRows, nameProposals, restoredLeadingZeros, restoredLeadingZeroExample, totalsChecks, totalsUnchecked, cityStateRows };
}

/**
 * Moves the Land rows of city-states from `aggregateRows` to `matched`: a Land whose only area in the layer
 * is keyed as the Land followed by zeros (02000, 02000000, 020000000000) and that no row names by that
 * key. Bremen (04) has two Kreise (04011, 04012), so its Land row stays a sum row. Returns what it moved.
 */
function matchCityStates(areas: readonly JoinArea[], aggregateRows: AggregateRow[], rowsByArea: Map<string, number[]>, matched: MatchedRow[]): JoinReport['cityStateRows'] {
  const landRows = aggregateRows.filter((row) => row.level === 'land');
  if (landRows.length === 0) return [];
  const areasByLand = new Map<string, string[]>();
  for (const area of areas) {
    const land = area.key.slice(0, 2);
    areasByLand.set(land, [...(areasByLand.get(land) ?? []), area.key]);
  }
  const moved: JoinReport['cityStateRows'] = [];
  const movedRows = new Set<number>();
  for (const row of landRows) {
    const inLand = areasByLand.get(row.key) ?? [];
    const only = inLand.length === 1 ? inLand[0]! : null;
    if (only === null || only !== row.key.padEnd(only.length, '0')) continue;
    // A row of the area itself (a table that lists "02000 Hamburg" too) wins; the Land row stays a sum row.
    if ((rowsByArea.get(only) ?? []).some((index) => !movedRows.has(index))) continue;
    matched.push({ rowIndex: row.rowIndex, areaKey: only, via: 'city-state' });
    rowsByArea.set(only, [...(rowsByArea.get(only) ?? []), row.rowIndex]);
    movedRows.add(row.rowIndex);
    if (!moved.some((entry) => entry.key === row.key)) moved.push({ key: row.key, areaKey: only, name: row.name });
  }
  if (movedRows.size > 0) {
    const kept = aggregateRows.filter((row) => !movedRows.has(row.rowIndex));
    aggregateRows.splice(0, aggregateRows.length, ...kept);
  }
  return moved;
}

/**
 * Counts unmatched rows by reason with a sentence for each group. The region is named as the table names
 * it (`regionRowName`), with its key; by its key alone where the table has no row for it.
 * @example summariseUnmatchedRows(rows, '03241', 'Region Hannover')[0].text.de // "10.765 Zeilen außerhalb des Gebiets Region Hannover (03241) (399 andere Kreise)"
 */
export function summariseUnmatchedRows(rows: readonly UnmatchedRow[], region: string, regionRowName?: string): UnmatchedGroup[] {
  const order: UnmatchedRow['reason'][] = ['other-region', 'finer-level', 'unknown-key', 'no-key'];
  const groups: UnmatchedGroup[] = [];
  for (const reason of order) {
    const inGroup = rows.filter((row) => row.reason === reason);
    if (inGroup.length === 0) continue;
    const count = inGroup.length;
    const de = formatNumber(count, 0, 'de');
    const en = formatNumber(count, 0, 'en');
    const rowsDe = count === 1 ? 'Zeile' : 'Zeilen';
    const rowsEn = count === 1 ? 'row' : 'rows';
    const kreise = new Set(
      inGroup.map((row) => recogniseAreaKey(row.keyText)).flatMap((recognised) => (recognised && recognised.ags.length >= 5 ? [recognised.ags.slice(0, 5)] : [])),
    );
    const otherKreise = reason === 'other-region' ? [...kreise].filter((kreis) => !region.startsWith(kreis) && !kreis.startsWith(region)).length : 0;
    const regionName = region === '' ? null : region;
    let text: UnmatchedGroup['text'];
    if (reason === 'other-region') {
      // "außerhalb des Gebiets Region Hannover (03241, 399 andere Kreise)"; by key where the table names it not.
      const others =
        otherKreise === 1
          ? { de: '1 anderer Kreis', en: '1 other Kreis' }
          : otherKreise > 0
            ? { de: `${formatNumber(otherKreise, 0, 'de')} andere Kreise`, en: `${formatNumber(otherKreise, 0, 'en')} other Kreise` }
            : null;
      const shownRegion = regionName ? (regionRowName ?? regionName) : null;
      const where = shownRegion ? { de: `außerhalb des Gebiets ${shownRegion}`, en: `outside the area ${shownRegion}` } : { de: 'außerhalb der Ebene', en: 'outside the layer' };
      const detail = (locale: 'de' | 'en') => {
        const parts = [regionName && regionRowName ? regionName : null, others?.[locale] ?? null].filter((part): part is string => part !== null);
        return parts.length > 0 ? ` (${parts.join(', ')})` : '';
      };
      text = { de: `${de} ${rowsDe} ${where.de}${detail('de')}`, en: `${en} ${rowsEn} ${where.en}${detail('en')}` };
    } else if (reason === 'finer-level') {
      text = { de: `${de} ${rowsDe} feiner als die Gebiete der Ebene (z. B. Gemeindeteile)`, en: `${en} ${rowsEn} finer than the layer's areas (e.g. parts of municipalities)` };
    } else if (reason === 'unknown-key') {
      text = { de: `${de} ${rowsDe} mit einem Schlüssel, den die Ebene nicht kennt`, en: `${en} ${rowsEn} with a key the layer does not know` };
    } else {
      text = { de: `${de} ${rowsDe} ohne Schlüssel`, en: `${en} ${rowsEn} without a key` };
    }
    groups.push({
      reason,
      count,
      region: reason === 'other-region' ? regionName : null,
      otherKreise,
      examples: inGroup.slice(0, 3).map((row) => `${row.keyText} ${row.name}`.trim()),
      text,
    });
  }
  return groups.sort((first, second) => second.count - first.count);
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

/** What `coarserTable` reads of a join report (the backend's, the contract's or the CLI's). */
export interface CoarserTableInput {
  aggregateRows: readonly { level: string; key: string }[];
  matchedCount: number;
  matched: readonly { areaKey: string }[];
  areasWithoutData: readonly { key: string }[];
}

/**
 * A table of a coarser level than the layer (a Kreis table onto Gemeinden): most of its rows are Kreis rows,
 * kept out as totals, while most areas stay without data, and the table is about the layer's region (a row
 * of its Kreis or Land holds the layer's areas). A table of another region (Sachsen's Gemeinden onto Region
 * Hannover) is no coarser table: nothing of it fits, which the report says by itself. Null otherwise.
 * @example coarserTable({ aggregateRows: kreisRows52, matchedCount: 1, matched, areasWithoutData: twentyAreas }) // { level: 'kreis', count: 52 }
 */
export function coarserTable(report: CoarserTableInput): { level: string; count: number } | null {
  const byLevel = new Map<string, number>();
  for (const row of report.aggregateRows) byLevel.set(row.level, (byLevel.get(row.level) ?? 0) + 1);
  const [level, count] = [...byLevel].sort((first, second) => second[1] - first[1])[0] ?? ['', 0];
  if (count <= report.matchedCount || report.areasWithoutData.length <= report.matchedCount) return null;
  const layerKeys = [...report.matched.map((match) => match.areaKey), ...report.areasWithoutData.map((area) => area.key)];
  const aboutTheRegion = report.aggregateRows.some((row) => row.level !== 'germany' && row.key !== '' && layerKeys.some((key) => key.startsWith(row.key)));
  return aboutTheRegion ? { level, count } : null;
}

/**
 * The warning for such a table in plain words, for the wizard and the command line: the counts alone
 * ("52 Summenzeilen", "20 Gebiete ohne Daten") do not say that the layer is the wrong one. Null otherwise.
 */
export function coarserTableWarning(report: CoarserTableInput & { layer: string }, locale: Locale): string | null {
  const coarser = coarserTable(report);
  if (!coarser) return null;
  const count = (value: number) => formatNumber(value, 0, locale);
  return translate(locale, 'import.joinCoarserTable', {
    level: translate(locale, `import.level.${coarser.level}` as MessageKey),
    count: count(coarser.count),
    matched: count(report.matchedCount),
    layer: report.layer,
    empty: count(report.areasWithoutData.length),
  });
}

/** Units official statistics round published counts to, largest first. */
const ROUNDING_UNITS = [1000, 100, 10, 5];

/**
 * The unit a set of published figures is rounded to: the largest of ROUNDING_UNITS every figure is a
 * multiple of, from six figures on (a few round numbers of a hand-made list are not taken for rounding);
 * null otherwise.
 * @example roundingUnitOf([35, 30, 40, 25, 75, 205]) // 5
 */
export function roundingUnitOf(figures: readonly number[]): number | null {
  // Zeros are multiples of every unit and say nothing about rounding.
  const nonZero = figures.filter((value) => value !== 0);
  if (nonZero.length < 6) return null;
  return ROUNDING_UNITS.find((unit) => nonZero.every((value) => Number.isInteger(value / unit))) ?? null;
}

/**
 * One totals check: the parts' sum against the total row, and whether they agree. Figures published
 * rounded (Destatis rounds Schutzsuchende to multiples of 5, other tables to 10 or 100) cannot add up
 * exactly. Where the total and its parts are rounded to one unit (roundingUnitOf; for a total of two
 * parts, Bremen's, the unit of the whole file, `fileUnit`), a difference that rounding can make counts as
 * agreeing: up to three standard deviations of the summed rounding errors, at least one unit, at most
 * the largest error possible (half a unit per figure).
 * @example totalsVerdict(200, [35, 30, 40, 25, 75], 0.5) // { sumOfAreas: 205, difference: 5, consistent: true, roundedTo: 5 }
 */
export function totalsVerdict(aggregateValue: number, parts: readonly number[], tolerance = 0.5, fileUnit: number | null = null): Pick<TotalsCheck, 'sumOfAreas' | 'difference' | 'consistent' | 'roundedTo'> {
  const sumOfAreas = parts.reduce((sum, value) => sum + value, 0);
  const difference = sumOfAreas - aggregateValue;
  const figures = [aggregateValue, ...parts];
  // The file's unit where the figures fit it (a group of multiples of 10 in a file rounded to 5 is rounded to 5).
  const roundedTo = fileUnit !== null && figures.every((value) => Number.isInteger(value / fileUnit)) ? fileUnit : roundingUnitOf(figures);
  const roundingAllowance = roundedTo === null ? 0 : Math.min((roundedTo / 2) * figures.length, Math.max(roundedTo, 3 * roundedTo * Math.sqrt(figures.length / 12)));
  return { sumOfAreas, difference, consistent: Math.abs(difference) <= Math.max(tolerance, roundingAllowance), roundedTo };
}

/**
 * A totals check's verdict in words: agrees, agrees within the rounding the figures are published with,
 * or the difference (and that rounding does not explain it).
 * @example totalsVerdictText({ consistent: true, difference: 5, roundedTo: 5 }, 'de') // "stimmt im Rahmen der Rundung (Werte auf Vielfache von 5 gerundet)"
 */
export function totalsVerdictText(check: Pick<TotalsCheck, 'consistent' | 'difference'> & { roundedTo?: number | null }, locale: Locale): string {
  const unit = check.roundedTo ? formatNumber(check.roundedTo, 0, locale) : null;
  if (check.consistent) return unit && check.difference !== 0 ? translate(locale, 'import.joinTotalsRounded', { unit }) : translate(locale, 'import.joinTotalsOk');
  const difference = formatNumber(check.difference, 0, locale);
  return unit ? translate(locale, 'import.joinTotalsDiffRounded', { difference, unit }) : translate(locale, 'import.joinTotalsDiff', { difference });
}
