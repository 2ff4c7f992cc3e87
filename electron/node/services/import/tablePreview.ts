/**
 * `import.previewTable`: reads a CSV/TXT/XLSX table, maps its columns (given, remembered for this table
 * shape, or proposed) and joins its rows to a layer of the open project. Returns the join report the planner
 * must see before anything is written; nothing is written.
 */
import path from 'node:path';
import { UserError } from '../../../../shared/contract/errors';
import type { TablePreviewResult } from '../../../../shared/contract/methods/import';
import { tableMapping as tableMappingSchema } from '../../../../shared/contract/tableMappingSchema';
import { buildJoinReport, roundingUnitOf, totalsVerdict, type JoinRow } from '../../../../shared/fileFormats/join/joinReport';
import { rowKeyText } from '../../../../shared/fileFormats/table/analyseGrid';
import type { ParsedTable } from '../../../../shared/fileFormats/table/parsedTable';
import { buildTableObservations, headerSignature, proposeNewVariableUnits, proposeTableMapping, type TableMapping } from '../../../../shared/fileFormats/table/tableMapping';
import type { DimensionDefinition, LocalizedText } from '../../../../shared/model/project';
import { proposeValueMap } from '../../../../shared/fileFormats/table/dimensionValues';
import { readFamilySetting } from '../../../../shared/settings/projectSettings';
import { listXlsxSheets, readTableFile, type ReadTableOptions } from '../../import/readTable';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readAreas, readDimensions, readLayers, readSettings, readSources, readVariables, type AreaWithSize } from '../../storage/projectReader';
import { areaKeysAtLatestPeriod, sourceRepeatedBy, sourcesHolding } from '../../storage/importStore';
import { addsUpOverAreas, unassignableKey } from '../../../../shared/model/project';
import { rowsWrittenUnderKeys, type PendingTableImport } from './pendingImports';
import { continuedSourceOf, furtherSourceName, rememberedLayoutSourceIds } from './sourceContinuation';
import { tableSourceName } from '../../../../shared/sources/sourceNames';
import { importedMovementRoles, movementRoleOf } from '../../../../shared/movement/accountVariables';

const PREVIEW_ROWS = 50;
/** Matched rows sent along with the first rows, for the wizard's preview of the values. */
const MATCHED_PREVIEW_ROWS = 12;

/** The contract's table preview (first rows only) from a parsed table. */
export function tablePreviewDto(table: ParsedTable, alsoRows: readonly number[] = []): TablePreviewResult['table'] {
  // The first rows, and (after the join) a few matched ones: a Germany-wide file's first rows are Flensburg
  // and Kiel, while the planner wants to see how the rows of the own region are read.
  const shownRows = [...new Set([...Array.from({ length: Math.min(PREVIEW_ROWS, table.rows.length) }, (_, index) => index), ...alsoRows.filter((index) => index < table.rows.length)])].sort((a, b) => a - b);
  const detection = table.settings.encoding.detected;
  return {
    encoding: {
      detected: detection?.encoding ?? null,
      confidence: detection?.confidence ?? 1,
      how: detection === null ? 'format' : detection.bom ? 'bom' : 'content',
      candidates: detection?.candidates ?? [],
      preview: detection?.preview ?? [],
      used: table.settings.encoding.used,
    },
    delimiter: table.settings.delimiter,
    decimal: table.settings.decimal,
    thousands: table.settings.thousands,
    titleLines: table.titleLines,
    headerRows: table.headerRows,
    footerNotes: table.footerNotes,
    columns: table.columns.map((column) => ({
      index: column.index,
      label: column.label,
      headerParts: column.headerParts,
      kind: column.kind,
      decimal: column.notation.decimal,
      period: column.period,
      counts: column.counts,
    })),
    rowCount: table.rows.length,
    rows: shownRows.map((rowIndex) => {
      const row = table.rows[rowIndex]!;
      return { rowIndex, lineNumber: row.lineNumber, cells: row.cells, indent: row.indent };
    }),
    keyColumn: table.keyColumn,
    compositeKeyColumns: table.compositeKeyColumns,
    nameColumn: table.nameColumn,
    titlePeriod: table.titlePeriod,
    warnings: table.warnings,
  };
}

/** Publisher from a footer line such as "© Statistisches Bundesamt (Destatis), 2020". */
export function publisherFromFooter(footerNotes: readonly string[]): { publisher: string; attribution: string } {
  const line = footerNotes.find((note) => note.includes('©'));
  if (!line) return { publisher: '', attribution: '' };
  const afterMark = line.slice(line.indexOf('©') + 1).trim();
  const publisher = afterMark.split(/,\s*\d{4}|\.\s|, Deutschland/)[0]!.trim();
  const attribution = line.slice(line.indexOf('©')).split(/\.\s/)[0]!.trim();
  return { publisher, attribution };
}

function checkMapping(mapping: TableMapping, table: ParsedTable): void {
  const width = table.columns.length;
  const columns = [mapping.keyColumn, mapping.nameColumn, mapping.periodColumn, ...mapping.valueColumns.map((entry) => entry.column), ...mapping.dimensionColumns.map((entry) => entry.column)];
  const bad = columns.find((column) => column !== null && column !== undefined && (column < 0 || column >= width));
  if (bad !== undefined && bad !== null) {
    throw new UserError('bad-input', {
      de: `Die Zuordnung nennt Spalte ${bad + 1}, die Tabelle hat aber nur ${width} Spalten. Bitte die Spaltenzuordnung prüfen.`,
      en: `The mapping names column ${bad + 1}, but the table has only ${width} columns. Please check the column mapping.`,
    });
  }
  if (mapping.valueColumns.length === 0) {
    // A long table of few areas repeats each key in many rows, so its counts can look more like keys than
    // the key column does: say so instead of failing inside the join.
    const columnList = table.columns.map((column) => `${column.index + 1} ${column.label || '–'}`).join(', ');
    throw new UserError('bad-input', {
      de: `In der Tabelle wurde keine Wertspalte erkannt (Spalten: ${columnList}). Bitte im Assistenten die Spalte mit den Zahlen als Wert und die Schlüsselspalte zuordnen (CLI: --key SPALTE).`,
      en: `No value column was recognised in the table (columns: ${columnList}). Please map the column with the counts as values and the key column in the wizard (CLI: --key COLUMN).`,
    });
  }
  if (mapping.keyColumn === null && table.compositeKeyColumns.length === 0 && (mapping.nameColumn === null || mapping.nameColumn === undefined)) {
    throw new UserError('bad-input', {
      de: 'Ohne Schlüsselspalte (AGS/ARS) und ohne Namensspalte lassen sich die Zeilen keinem Gebiet zuordnen. Bitte eine Schlüsselspalte wählen (CLI: --key SPALTE).',
      en: 'Without a key column (AGS/ARS) and without a name column the rows cannot be matched to areas. Please choose a key column (CLI: --key COLUMN).',
    });
  }
}

export interface TablePreviewInput extends ReadTableOptions {
  path: string;
  layer?: string;
  mapping?: TableMapping;
  /** Units given to new variables, by id and for all (as in the commit): the totals check follows them. */
  variableUnits?: Record<string, string>;
  unit?: string;
}

/** Reads, maps and joins a table. Returns the contract result without importId and the pending import to keep. */
export async function previewTable(
  db: SqliteDatabase,
  input: TablePreviewInput,
  check: () => void,
  readTable: (filePath: string, options: ReadTableOptions) => Promise<ParsedTable> = readTableFile,
): Promise<{ result: Omit<TablePreviewResult, 'importId'>; pending: PendingTableImport }> {
  const fileName = path.basename(input.path);
  const isXlsx = path.extname(input.path).toLowerCase() === '.xlsx';
  const { mapping: _mapping, layer: _layer, ...readOptions } = input;
  const table = await readTable(input.path, readOptions);
  check();
  const sheets = isXlsx ? await listXlsxSheets(input.path) : [];
  const layers = readLayers(db);
  if (layers.length === 0) {
    throw new UserError('bad-input', {
      de: 'Das Projekt hat noch keine Gebietsebene, an die die Tabelle angehängt werden könnte. Bitte zuerst Grenzen importieren (oder „Amtliche Grenzen laden“).',
      en: 'The project has no area layer yet to attach the table to. Please import boundaries first (or "Load official boundaries").',
    });
  }
  const layer = input.layer ?? layers[0]!.name;
  if (!layers.some((candidate) => candidate.name === layer)) {
    throw new UserError('not-found', {
      de: `Die Ebene „${layer}“ gibt es in diesem Projekt nicht (CLI: --layer). Vorhanden: ${layers.map((candidate) => candidate.name).join(', ')}.`,
      en: `The layer "${layer}" does not exist in this project (CLI: --layer). Available: ${layers.map((candidate) => candidate.name).join(', ')}.`,
    });
  }
  const signature = headerSignature(table);
  const projectDimensions = readDimensions(db);
  const proposal = proposeTableMapping(table, fileName, projectDimensions);
  let mapping: TableMapping;
  let mappingFrom: TablePreviewResult['mappingFrom'];
  const settings = readSettings(db);
  const remembered = readFamilySetting(settings, 'import.mapping.', signature);
  const rememberedMapping = remembered ? tableMappingSchema.safeParse(remembered) : null;
  if (input.mapping) {
    mapping = input.mapping;
    mappingFrom = 'input';
  } else if (rememberedMapping?.success) {
    mapping = rememberedMapping.data;
    // A remembered period belongs to last year's file; this file's own period wins.
    if (proposal.mapping.period) mapping = { ...mapping, period: proposal.mapping.period };
    mappingFrom = 'remembered';
  } else {
    mapping = proposal.mapping;
    mappingFrom = 'proposed';
  }
  checkMapping(mapping, table);
  mapping = withValueMaps(mapping, table, projectDimensions);

  const layerAreas = readAreas(db, layer);
  const areas = layerAreas.map((area) => ({ key: area.key, name: area.name }));
  const firstValue = mapping.valueColumns[0]!.column;
  const joinRows: JoinRow[] = table.rows.map((row, rowIndex) => ({
    rowIndex,
    lineNumber: row.lineNumber,
    keyText: mapping.keyColumn !== null ? (row.cells[mapping.keyColumn] ?? '').trim() : table.compositeKeyColumns.length > 0 ? rowKeyText(table, row) : '',
    name: mapping.nameColumn !== null && mapping.nameColumn !== undefined ? (row.cells[mapping.nameColumn] ?? '').trim() : '',
    value: row.values[firstValue]?.value ?? null,
  }));
  const join = buildJoinReport(areas, joinRows);
  check();
  const matchedByKey = new Map(join.matched.map((match) => [match.rowIndex, match.areaKey]));
  const { reportedTotalRows, unassignableRows } = parentRows(layerAreas, join, joinRows);
  // As the commit builds them, so the preview counts (and checks for a repeated file) what will be written.
  const built = buildTableObservations(table, mapping, rowsWrittenUnderKeys(matchedByKey, { reportedTotalRows, unassignableRows }), 'preview', 'counted');
  const parentKeys = new Set([...reportedTotalRows.values(), ...unassignableRows.values()]);
  const variableIds = [...new Set(mapping.valueColumns.map((entry) => entry.variable))];
  const existingVariables = new Map(readVariables(db).map((variable) => [variable.id, variable]));
  const proposedUnits = proposeNewVariableUnits(table, mapping);
  // The check adds the areas' values of the first value column: shares, rates and means do not add up (a
  // Jugendquotient's "sum" of 28 against its Kreis' 31 is no discrepancy), so they are not checked. Said so
  // by the project's unit of a known variable (as its region total is), or by a new column's heading; a new
  // column with decimals but no such word (an area in km², "Gebietsfläche/qkm") is checked. A unit the
  // planner gave a new column decides as the project's unit would.
  const checkedVariable = mapping.valueColumns[0]!.variable;
  const unitOfChecked = existingVariables.get(checkedVariable)?.unit ?? input.variableUnits?.[checkedVariable] ?? input.unit;
  const totalsAddUp = unitOfChecked !== undefined ? addsUpOverAreas({ scale: 'absolute', unit: { de: unitOfChecked } }) : !proposedUnits.get(checkedVariable)!.rate;
  const totalsChecks = totalsAddUp ? longTableTotals(join, table, mapping, matchedByKey, unassignableRows) : [];
  const variableSources = sourcesHolding(db, variableIds);
  const projectSources = readSources(db);
  const sourceNames = new Map(projectSources.map((known) => [known.id, known.name]));
  const repeatedId = sourceRepeatedBy(db, built.observations);
  const builtPeriods = new Set(built.periods);

  const repeated = repeatedKeys(table, mapping, join.duplicateKeys);
  const projectStocks = [...existingVariables.values()].filter((variable) => variable.kind === 'stock').map((variable) => variable.id);
  const newMovements = importedMovementRoles(variableIds, [...existingVariables.values()]);
  const existingDimensions = new Set(readDimensions(db).map((dimension) => dimension.id));
  const proposedNames = new Map<string, LocalizedText>(proposal.variables);
  for (const entry of mapping.valueColumns) {
    if (!proposedNames.has(entry.variable)) {
      const label = table.columns[entry.column]?.label || entry.variable;
      proposedNames.set(entry.variable, { de: label, en: label });
    }
  }
  const { publisher, attribution } = publisherFromFooter(table.footerNotes);
  const fileSourceName = tableSourceName(table.titleLines, fileName);
  // A file that only repeats a source continues nothing: the repeated-file warning says what it is.
  const continuation = repeatedId ? null : continuedSourceOf(projectSources, variableSources, {
        fileName,
        sourceName: fileSourceName,
        periods: built.periods,
        areaKeys: built.observations.map((observation) => observation.areaKey),
        layoutSourceIds: rememberedLayoutSourceIds(settings, signature),
        areaKeysOf: (sourceId) => areaKeysAtLatestPeriod(db, sourceId, variableIds),
      });
  const source = {
    name: furtherSourceName(projectSources, fileSourceName, built.periods),
    publisher,
    stichtag: mapping.period ?? built.periods.at(-1) ?? null,
    attribution: attribution || (publisher ? `© ${publisher}` : ''),
  };
  const result: Omit<TablePreviewResult, 'importId'> = {
    kind: 'table',
    fileName,
    sheets,
    sheet: isXlsx ? (input.sheet ?? null) : null,
    table: tablePreviewDto(table, join.matched.slice(0, MATCHED_PREVIEW_ROWS).map((match) => match.rowIndex)),
    mapping,
    mappingFrom,
    headerSignature: signature,
    joinReport: {
      layer,
      layerLevel: join.layerLevel,
      matchedCount: join.matched.length,
      matched: join.matched,
      unmatchedRows: join.unmatchedRows,
      unmatchedSummary: join.unmatchedSummary,
      areasWithoutData: join.areasWithoutData,
      duplicateKeys: repeated,
      aggregateRows: join.aggregateRows,
      nameProposals: join.nameProposals.map((proposalRow) => ({
        rowIndex: proposalRow.rowIndex,
        rowName: proposalRow.rowName,
        areaKey: proposalRow.areaKey,
        areaName: proposalRow.areaName,
        kind: proposalRow.kind,
        confidence: proposalRow.confidence,
      })),
      restoredLeadingZeros: join.restoredLeadingZeros,
      restoredLeadingZeroExample: join.restoredLeadingZeroExample,
      cityStateRows: join.cityStateRows,
      totals: totalsChecks,
      totalsUnchecked: totalsAddUp ? join.totalsUnchecked : [],
      totalsNotAdditive: totalsAddUp || join.totalsChecks.length === 0 ? null : (existingVariables.get(checkedVariable)?.name ?? proposedNames.get(checkedVariable) ?? { de: checkedVariable, en: checkedVariable }),
    },
    observations: {
      count: built.observations.length,
      missingCount: built.missingCount,
      periods: built.periods,
      variables: variableIds.map((id) => {
        const known = existingVariables.get(id);
        const movement = known ? (known.kind === 'flow' ? movementRoleOf(id, projectStocks) : null) : (newMovements.get(id) ?? null);
        return { id, isNew: !known, name: known?.name ?? proposedNames.get(id) ?? { de: id, en: id }, unit: known?.unit ?? proposedUnits.get(id)!.unit, movement };
      }),
      dimensions: [...built.dimensionValues].map(([id, values]) => ({ id, isNew: !existingDimensions.has(id), values: [...values].sort() })),
      breakdownTotals: built.breakdownTotals.slice(0, 200),
      reportedTotalRows: reportedTotalRows.size,
      unassignableRows: unassignableRows.size,
      keptUnderParent: built.observations.filter((observation) => parentKeys.has(observation.areaKey)).length,
    },
    existingSources: [...variableSources].map(([variable, holders]) => ({
      variable,
      sources: holders.map((holder) => ({ id: holder.sourceId, name: sourceNames.get(holder.sourceId) ?? holder.sourceId, periods: holder.periods, sharedPeriods: holder.periods.filter((period) => builtPeriods.has(period)) })),
    })),
    repeatedSource: repeatedId ? { id: repeatedId, name: sourceNames.get(repeatedId) ?? repeatedId } : null,
    continuedSource: continuation ? { id: continuation.source.id, name: continuation.source.name, mode: continuation.mode, reason: continuation.reason } : null,
    sourceNames: projectSources.map((known) => known.name),
    repeatedKeyHint: repeatedKeyHint(table, mapping, repeated),
    source,
  };
  const pending: PendingTableImport = {
    kind: 'table',
    fileName,
    table,
    mapping,
    headerSignature: signature,
    layer,
    matchedByKey,
    reportedTotalRows,
    unassignableRows,
    layerKeys: new Set(areas.map((area) => area.key)),
    proposedVariableNames: proposedNames,
    source,
    fileSourceName,
    repeatedKeyHint: result.repeatedKeyHint,
  };
  return { result, pending };
}

/** Row names that say the value could not be assigned to an area (GENESIS, AsylbLG and register exports). */
const UNASSIGNABLE_NAME = /nicht zuordenbar|nicht zuzuordnen|ohne zuordnung|ohne angabe|unbekannt|unbestimmt/i;

/**
 * The totals check of a long table (breakdown columns or a Stichtag column repeat each area's key): the
 * row-wise check would add up every row — parts, their "Insgesamt" rows and every Stichtag — against one
 * Kreis row. Here each aggregate row is checked per Stichtag against its areas counted once (the parts, or
 * the total where a row has no parts, as they are written) plus the "nicht zuordenbar" row. Wide tables
 * keep the row-wise check.
 */
function longTableTotals(
  join: ReturnType<typeof buildJoinReport>,
  table: ParsedTable,
  mapping: TableMapping,
  matchedByKey: ReadonlyMap<number, string>,
  unassignableRows: ReadonlyMap<number, string>,
): ReturnType<typeof buildJoinReport>['totalsChecks'] {
  if (mapping.dimensionColumns.length === 0 && (mapping.periodColumn ?? null) === null) return join.totalsChecks;
  const checked = new Set(join.totalsChecks.map((check) => check.aggregateKey));
  const rows = new Map(matchedByKey);
  for (const aggregate of join.aggregateRows) if (checked.has(aggregate.key)) rows.set(aggregate.rowIndex, aggregate.key);
  for (const [rowIndex, key] of unassignableRows) rows.set(rowIndex, key);
  // The first value column, as the row-wise check: in a wide table with a Stichtag column only its own cells.
  const first = mapping.valueColumns[0];
  const cellOf = (dimensions: Record<string, string>) => JSON.stringify(Object.entries(dimensions).sort());
  const observations = buildTableObservations(table, mapping, rows, 'check', 'counted').observations.filter(
    (observation) => observation.variable === first?.variable && (mapping.dimensionColumns.length > 0 || cellOf(observation.dimensions) === cellOf(first.dimensions)),
  );
  const areaKeys = new Set(matchedByKey.values());
  const fileUnit = roundingUnitOf(observations.flatMap((observation) => (observation.value === null ? [] : [observation.value])));
  const result: ReturnType<typeof buildJoinReport>['totalsChecks'] = [];
  const seen = new Set<string>();
  for (const check of join.totalsChecks) {
    // The row-wise check has one entry per aggregate row (one per Stichtag): each key once, per Stichtag below.
    if (seen.has(check.aggregateKey)) continue;
    seen.add(check.aggregateKey);
    const periods = [...new Set(observations.filter((observation) => observation.areaKey === check.aggregateKey).map((observation) => observation.period))].sort();
    for (const period of periods) {
      const atPeriod = observations.filter((observation) => observation.period === period);
      const reported = atPeriod.filter((observation) => observation.areaKey === check.aggregateKey);
      const parts = atPeriod.filter((observation) => (areaKeys.has(observation.areaKey) && observation.areaKey.startsWith(check.aggregateKey)) || observation.areaKey === unassignableKey(check.aggregateKey));
      // A missing value (e.g. "." for secrecy) makes the sum meaningless, not a mismatch.
      if (parts.length === 0 || [...reported, ...parts].some((observation) => observation.value === null)) continue;
      const aggregateValue = reported.reduce((sum, observation) => sum + observation.value!, 0);
      const verdict = totalsVerdict(aggregateValue, parts.map((observation) => observation.value!), 0.5, fileUnit);
      const areaCount = new Set(parts.filter((observation) => areaKeys.has(observation.areaKey)).map((observation) => observation.areaKey)).size;
      result.push({ ...check, aggregateValue, areaCount, ...verdict, period });
    }
  }
  return result;
}

/**
 * Rows about the layer's parent rather than its areas: the parent's own row (a Kreis row above its
 * municipalities) is the reported total; a "nicht zuordenbar" row holds what the source could not assign.
 * Both are kept under their keys and checked against the areas, never added to them. Only when all areas
 * share one parent.
 */
function parentRows(areas: readonly AreaWithSize[], join: ReturnType<typeof buildJoinReport>, rows: readonly JoinRow[]): { reportedTotalRows: Map<number, string>; unassignableRows: Map<number, string> } {
  const parents = new Set(areas.map((area) => area.parentKey ?? null));
  const reportedTotalRows = new Map<number, string>();
  const unassignableRows = new Map<number, string>();
  const parent = parents.size === 1 ? [...parents][0] : null;
  if (!parent) return { reportedTotalRows, unassignableRows };
  for (const aggregate of join.aggregateRows) if (aggregate.key === parent) reportedTotalRows.set(aggregate.rowIndex, parent);
  for (const unmatched of join.unmatchedRows) {
    const row = rows[unmatched.rowIndex];
    const text = `${row?.name ?? ''} ${row?.keyText ?? ''}`;
    if (UNASSIGNABLE_NAME.test(text) && (unmatched.keyText === '' || unmatched.keyText.startsWith(parent))) unassignableRows.set(unmatched.rowIndex, unassignableKey(parent));
  }
  return { reportedTotalRows, unassignableRows };
}

/**
 * When rows repeat an area key and nothing in the mapping tells them apart (no breakdown or period column
 * differs), the text column whose values do — to be mapped as a breakdown — instead of a dead end.
 */
type RepeatedKey = { areaKey: string; rowIndexes: number[] };

/** The mapping's columns that tell an area's rows apart: the Stichtag column and the breakdown columns. */
function distinguishingColumns(mapping: TableMapping): number[] {
  return [mapping.periodColumn, ...mapping.dimensionColumns.map((entry) => entry.column)].filter((column): column is number => column !== null && column !== undefined);
}

/**
 * Areas in several rows that the mapping does not tell apart. One row per Stichtag (a long table with a
 * Stichtag column) or per breakdown value is how such a table is meant to be, not a repeated key.
 */
function repeatedKeys(table: ParsedTable, mapping: TableMapping, duplicates: readonly RepeatedKey[]): RepeatedKey[] {
  const columns = distinguishingColumns(mapping);
  if (columns.length === 0) return [...duplicates];
  const told = (duplicate: RepeatedKey) => new Set(duplicate.rowIndexes.map((rowIndex) => columns.map((column) => (table.rows[rowIndex]?.cells[column] ?? '').trim()).join('|'))).size === duplicate.rowIndexes.length;
  return duplicates.filter((duplicate) => !told(duplicate));
}

function repeatedKeyHint(table: ParsedTable, mapping: TableMapping, duplicates: readonly RepeatedKey[]): TablePreviewResult['repeatedKeyHint'] {
  if (duplicates.length === 0) return null;
  const distinguishing = distinguishingColumns(mapping);
  const separates = (column: number) =>
    duplicates.every((duplicate) => new Set(duplicate.rowIndexes.map((rowIndex) => (table.rows[rowIndex]?.cells[column] ?? '').trim())).size === duplicate.rowIndexes.length);
  const candidate = table.columns.find((column) => column.kind === 'text' && column.index !== mapping.keyColumn && column.index !== mapping.nameColumn && !distinguishing.includes(column.index) && separates(column.index));
  const example = duplicates[0] as { areaKey: string; rowIndexes: number[] };
  const one = duplicates.length === 1;
  const areasOccur = {
    de: one ? '1 Gebiet kommt in mehreren Zeilen vor' : `${duplicates.length} Gebiete kommen in mehreren Zeilen vor`,
    en: one ? '1 area occurs in several rows' : `${duplicates.length} areas occur in several rows`,
  };
  return {
    areaCount: duplicates.length,
    exampleKey: example.areaKey,
    column: candidate?.index ?? null,
    columnLabel: candidate?.label ?? null,
    text: candidate
      ? {
          de: `${areasOccur.de} (z. B. ${example.areaKey}). Die Spalte „${candidate.label}“ unterscheidet sie: bitte als Merkmal zuordnen (CLI: --dimension "${candidate.label}=MERKMAL").`,
          en: `${areasOccur.en} (e.g. ${example.areaKey}). The column "${candidate.label}" tells them apart: please map it as a breakdown (CLI: --dimension "${candidate.label}=DIMENSION").`,
        }
      : {
          de: `${areasOccur.de} (z. B. ${example.areaKey}), und keine Spalte unterscheidet sie. Bitte die Datei prüfen: doppelte Zeilen würden doppelt zählen und werden nicht übernommen.`,
          en: `${areasOccur.en} (e.g. ${example.areaKey}) and no column tells them apart. Please check the file: duplicate rows would count twice and are not imported.`,
        },
  };
}

/**
 * Breakdown columns given without a value map (a user's or the command line's choice) get the proposed
 * one: the table's texts mapped to the project's dimension values, "Insgesamt" as total.
 */
function withValueMaps(mapping: TableMapping, table: ParsedTable, dimensions: readonly DimensionDefinition[]): TableMapping {
  if (mapping.dimensionColumns.every((entry) => entry.values !== undefined)) return mapping;
  return {
    ...mapping,
    dimensionColumns: mapping.dimensionColumns.map((entry) => {
      if (entry.values !== undefined) return entry;
      if (!/^[a-z][a-z0-9_]*$/.test(entry.dimension)) {
        throw new UserError('bad-input', {
          de: `„${entry.dimension}“ ist kein gültiges Merkmal (Kleinbuchstaben, Ziffern, _; z. B. sex, age, status, nationality).`,
          en: `"${entry.dimension}" is not a valid dimension (lower-case letters, digits, _; e.g. sex, age, status, nationality).`,
        });
      }
      const texts = table.rows.map((row) => row.cells[entry.column] ?? '');
      return { ...entry, values: proposeValueMap(texts, dimensions.find((dimension) => dimension.id === entry.dimension), entry.dimension) };
    }),
  };
}
