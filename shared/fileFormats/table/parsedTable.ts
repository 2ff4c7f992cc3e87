/**
 * The result of reading a statistical table, before anything is written: what was found, how it was read,
 * and what looked odd. The import preview shows exactly this; the user confirms or overrides the settings.
 */
import type { LocalizedText } from '../../model/project';
import type { EncodingDetection, TextEncoding } from '../text/decode';
import type { CellValue, DecimalSeparator, NumberNotation } from './value';

export type ColumnKind = 'key' | 'name' | 'date' | 'number' | 'text' | 'empty';

export interface ColumnDescription {
  index: number;
  /** Header parts from top to bottom joined with " / ", e.g. "männlich / unter 3 Jahre". Empty when there is no header. */
  label: string;
  /** The header cells of this column, one per header row (merged cells filled in). */
  headerParts: string[];
  kind: ColumnKind;
  /** How numbers in this column are written (columns may differ: GV-ISys has `204.30` and `"9,738084"`). */
  notation: NumberNotation;
  /** A reference date found in the header, as ISO date, e.g. "2018-12-31" from "31.12.2018". */
  period: string | null;
  /** Cells that are numbers / official missing codes / other text. */
  counts: { numbers: number; missing: number; text: number; empty: number };
}

export interface TableRow {
  /** 1-based line (or spreadsheet row) number in the file, for messages like "Zeile 37". */
  lineNumber: number;
  cells: string[];
  values: CellValue[];
  /** Leading spaces of the name cell: GENESIS indents Kreise under Länder. */
  indent: number;
}

export interface TableWarning {
  code:
    | 'missing-codes'
    | 'footnote-marks'
    | 'ragged-rows'
    | 'no-key-column'
    | 'low-confidence-encoding'
    | 'replacement-characters'
    | 'mixed-notation'
    | 'utf-16'
    // dBASE tables (.dbf): records flagged deleted, a .cpg contradicting the content, a shapefile's attribute table.
    | 'deleted-records'
    | 'cpg-contradicts-content'
    | 'shapefile-attributes';
  text: LocalizedText;
}

export interface TableSettings {
  encoding: { detected: EncodingDetection | null; used: TextEncoding | null };
  delimiter: string | null;
  /** The notation used by most number columns. */
  decimal: DecimalSeparator;
  thousands: string[];
  titleLineCount: number;
  headerRowCount: number;
}

export interface ParsedTable {
  settings: TableSettings;
  /** Lines above the header, e.g. "GENESIS-Tabelle: 12411-0018". */
  titleLines: string[];
  headerRows: string[][];
  columns: ColumnDescription[];
  rows: TableRow[];
  /** Notes, © and "Stand:" lines below the data. */
  footerNotes: string[];
  /** Column holding the area key, or null. */
  keyColumn: number | null;
  /** Columns that together form the key (GV-ISys: land + rb + kreis + gemeinde), else empty. */
  compositeKeyColumns: number[];
  nameColumn: number | null;
  /** A reference date found in the title lines, as ISO date. */
  titlePeriod: string | null;
  warnings: TableWarning[];
}
