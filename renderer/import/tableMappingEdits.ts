/**
 * Pure edits of a table mapping (shared/contract/methods/import.ts `tableMapping`) as the wizard's column
 * pickers make them, plus the live preview of the observations the mapping would produce from the first rows.
 * Kept out of the components so the tests can check them without a browser.
 */
import type { TableMapping, TablePreviewResult } from '../../shared/contract/methods/import';

export type ValueColumn = TableMapping['valueColumns'][number];
type PreviewTable = TablePreviewResult['table'];

/**
 * A variable id from a column label: lower case, umlauts spelled out, words joined by "_".
 * @example variableIdFromLabel('männlich / unter 3 Jahre') // "maennlich_unter_3_jahre"
 */
export function variableIdFromLabel(label: string): string {
  const spelled = label
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const id = spelled.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return id.length > 0 ? id : 'wert';
}

/**
 * Dimensions written as text, "sex=f, age=0-3", to a record; parts without "=" are ignored.
 * @example parseDimensionText('sex=f, age = 0-3') // { sex: 'f', age: '0-3' }
 */
export function parseDimensionText(text: string): Record<string, string> {
  const dimensions: Record<string, string> = {};
  for (const part of text.split(',')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (name && value) dimensions[name] = value;
  }
  return dimensions;
}

/** @example formatDimensionText({ sex: 'f', age: '0-3' }) // "sex=f, age=0-3" */
export function formatDimensionText(dimensions: Record<string, string>): string {
  return Object.entries(dimensions)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
}

/**
 * Turns a column into a value column (variable id from its label) or back. The mapping keeps at least one
 * value column: removing the last one is refused (the contract requires one), so the mapping stays valid.
 * @example toggleValueColumn(mapping, 4, 'Insgesamt').valueColumns.at(-1) // { column: 4, variable: 'insgesamt', dimensions: {} }
 */
export function toggleValueColumn(mapping: TableMapping, column: number, label: string): TableMapping {
  const present = mapping.valueColumns.some((entry) => entry.column === column);
  if (present) {
    if (mapping.valueColumns.length === 1) return mapping;
    return { ...mapping, valueColumns: mapping.valueColumns.filter((entry) => entry.column !== column) };
  }
  const added: ValueColumn = { column, variable: variableIdFromLabel(label), dimensions: {} };
  return { ...mapping, valueColumns: [...mapping.valueColumns, added].sort((a, b) => a.column - b.column) };
}

/** Replaces one value column's settings. */
export function updateValueColumn(mapping: TableMapping, column: number, change: Partial<Omit<ValueColumn, 'column'>>): TableMapping {
  return { ...mapping, valueColumns: mapping.valueColumns.map((entry) => (entry.column === column ? { ...entry, ...change } : entry)) };
}

/** Sets the dimension read from a column (long layout); an empty name removes the column from the list. */
export function setDimensionColumn(mapping: TableMapping, column: number, dimension: string): TableMapping {
  const others = mapping.dimensionColumns.filter((entry) => entry.column !== column);
  const name = dimension.trim();
  return { ...mapping, dimensionColumns: name ? [...others, { column, dimension: name }].sort((a, b) => a.column - b.column) : others };
}

/**
 * Either a period column or one fixed Stichtag (ISO date) for every row.
 * @example periodChosen(mapping, { column: null, date: '2019-12-31' }) // periodColumn null, period '2019-12-31'
 */
export function periodChosen(mapping: TableMapping, choice: { column: number | null; date: string | null }): TableMapping {
  return choice.column !== null ? { ...mapping, periodColumn: choice.column, period: null } : { ...mapping, periodColumn: null, period: choice.date };
}

/** The parts of a table preview the observation preview reads. */
export interface ObservationSourceTable {
  rows: Pick<PreviewTable['rows'][number], 'rowIndex' | 'lineNumber' | 'cells'>[];
  columns: Pick<PreviewTable['columns'][number], 'index' | 'period'>[];
  titlePeriod: string | null;
}

export interface ObservationPreviewRow {
  lineNumber: number;
  areaText: string;
  /** ISO date, the period cell's text, or null when the mapping names no period yet. */
  period: string | null;
  variable: string;
  dimensions: Record<string, string>;
  /** Index of the value's column in the table. */
  column: number;
  /** The cell as written in the file (official missing codes such as "-" or "." stay visible). */
  cellText: string;
}

/**
 * The observations the mapping makes of the rows matched to an area (`matchedRows`, by row index), or of
 * the first rows while none matches: one per row and value column; in the long layout the dimension values
 * come from the row's dimension columns. Rows the import leaves aside (Deutschland, other Kreise) are not
 * listed once a row matches: the list shows what goes in.
 * @example previewObservations(table, mapping, 10)[0] // { lineNumber: 8, areaText: '03241001', period: '2019-12-31', variable: 'population', … }
 */
export function previewObservations(table: ObservationSourceTable, mapping: TableMapping, limit: number, matchedRows: ReadonlySet<number> = new Set()): ObservationPreviewRow[] {
  const observations: ObservationPreviewRow[] = [];
  const cellOf = (cells: string[], column: number | null | undefined) => (column === null || column === undefined ? '' : (cells[column] ?? '').trim());
  const ordered = matchedRows.size > 0 ? table.rows.filter((row) => matchedRows.has(row.rowIndex)) : table.rows;
  for (const row of ordered) {
    const areaText = [cellOf(row.cells, mapping.keyColumn), cellOf(row.cells, mapping.nameColumn)].filter(Boolean).join(' ');
    const rowDimensions: Record<string, string> = {};
    if (mapping.layout === 'long') for (const entry of mapping.dimensionColumns) rowDimensions[entry.dimension] = cellOf(row.cells, entry.column);
    for (const valueColumn of mapping.valueColumns) {
      if (observations.length >= limit) return observations;
      const periodCell = cellOf(row.cells, mapping.periodColumn);
      const columnPeriod = table.columns.find((column) => column.index === valueColumn.column)?.period ?? null;
      observations.push({
        lineNumber: row.lineNumber,
        areaText,
        period: periodCell || mapping.period || columnPeriod || table.titlePeriod || null,
        variable: valueColumn.variable,
        dimensions: { ...valueColumn.dimensions, ...rowDimensions },
        column: valueColumn.column,
        cellText: cellOf(row.cells, valueColumn.column),
      });
    }
  }
  return observations;
}
