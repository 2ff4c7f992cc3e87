/**
 * `import.previewTable`: reads a CSV/TXT/XLSX table, maps its columns (given, remembered for this table
 * shape, or proposed) and joins its rows to a layer of the open project. Returns the join report the planner
 * must see before anything is written; nothing is written.
 */
import path from 'node:path';
import { UserError } from '../../../../shared/contract/errors';
import { tableMapping as tableMappingSchema, type TablePreviewResult } from '../../../../shared/contract/methods/import';
import { buildJoinReport, type JoinRow } from '../../../../shared/formats/join/join-report';
import { rowKeyText } from '../../../../shared/formats/table/analyse-grid';
import type { ParsedTable } from '../../../../shared/formats/table/parsed-table';
import { buildTableObservations, headerSignature, proposeTableMapping, type TableMapping } from '../../../../shared/formats/table/table-mapping';
import type { LocalizedText } from '../../../../shared/model/project';
import { listXlsxSheets, readTableFile, type ReadTableOptions } from '../../import/read-table';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readAreas, readDimensions, readLayers, readSettings, readVariables } from '../../storage/projectReader';
import type { PendingTableImport } from './pendingImports';

export const MAPPING_SETTING_PREFIX = 'import.mapping.';
const PREVIEW_ROWS = 50;

/** The contract's table preview (first rows only) from a parsed table. */
export function tablePreviewDto(table: ParsedTable): TablePreviewResult['table'] {
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
    rows: table.rows.slice(0, PREVIEW_ROWS).map((row, rowIndex) => ({ rowIndex, lineNumber: row.lineNumber, cells: row.cells, indent: row.indent })),
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
  const proposal = proposeTableMapping(table, fileName);
  let mapping: TableMapping;
  let mappingFrom: TablePreviewResult['mappingFrom'];
  const remembered = readSettings(db)[`${MAPPING_SETTING_PREFIX}${signature}`];
  const rememberedMapping = remembered ? tableMappingSchema.safeParse(safeJson(remembered)) : null;
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

  const areas = readAreas(db, layer).map((area) => ({ key: area.key, name: area.name }));
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
  const built = buildTableObservations(table, mapping, matchedByKey, 'preview', 'counted');

  const existingVariables = new Map(readVariables(db).map((variable) => [variable.id, variable.name]));
  const existingDimensions = new Set(readDimensions(db).map((dimension) => dimension.id));
  const variableIds = [...new Set(mapping.valueColumns.map((entry) => entry.variable))];
  const proposedNames = new Map<string, LocalizedText>(proposal.variables);
  for (const entry of mapping.valueColumns) {
    if (!proposedNames.has(entry.variable)) {
      const label = table.columns[entry.column]?.label || entry.variable;
      proposedNames.set(entry.variable, { de: label, en: label });
    }
  }
  const { publisher, attribution } = publisherFromFooter(table.footerNotes);
  const titleName = table.titleLines.find((line) => !/^(genesis-)?tabelle/i.test(line)) ?? table.titleLines[0];
  const source = {
    name: titleName ? `${titleName} (${fileName})` : fileName,
    publisher,
    stichtag: mapping.period ?? built.periods.at(-1) ?? null,
    attribution: attribution || (publisher ? `© ${publisher}` : ''),
  };
  const result: Omit<TablePreviewResult, 'importId'> = {
    kind: 'table',
    fileName,
    sheets,
    sheet: isXlsx ? (input.sheet ?? null) : null,
    table: tablePreviewDto(table),
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
      duplicateKeys: join.duplicateKeys,
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
      totals: join.totalsChecks,
    },
    observations: {
      count: built.observations.length,
      missingCount: built.missingCount,
      periods: built.periods,
      variables: variableIds.map((id) => ({ id, isNew: !existingVariables.has(id), name: existingVariables.get(id) ?? proposedNames.get(id) ?? { de: id, en: id } })),
      dimensions: [...built.dimensionValues].map(([id, values]) => ({ id, isNew: !existingDimensions.has(id), values: [...values].sort() })),
    },
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
    layerKeys: new Set(areas.map((area) => area.key)),
    proposedVariableNames: proposedNames,
    source,
  };
  return { result, pending };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
