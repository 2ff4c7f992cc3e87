/**
 * Reading statistical tables from disk: CSV/TXT through the pure parser in shared/fileFormats/table, XLSX
 * streaming through shared/fileFormats/table/xlsxSheet.ts (only the entries needed are inflated, chunk by
 * chunk, stopping at the row, column, cell and expanded-size limits; merged header cells filled in), dBASE
 * (.dbf, e.g. a GIS attribute table) through the shapefile attribute reader, then the same header/data
 * detection. exceljs' streaming reader was not used: it ignores merged cells, which
 * GENESIS and Regionalstatistik headers rely on, and it cannot cap the expanded size.
 * Returns a `ParsedTable` for the preview; nothing is written.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/contract/errors';
import { analyseGrid } from '../../../shared/fileFormats/table/analyseGrid';
import { DEFAULT_MAX_TABLE_BYTES, parseDelimitedTable, tableTooLargeError, type DelimitedTableOptions } from '../../../shared/fileFormats/table/parseDelimited';
import type { ParsedTable, TableWarning } from '../../../shared/fileFormats/table/parsedTable';
import { assertTableWithinLimits, DEFAULT_TABLE_LIMITS, noDataRowsError } from '../../../shared/fileFormats/table/tableLimits';
import { dateStyleIndices, SheetGridReader, sharedStrings, usesDate1904, workbookSheets, type SheetContext, type WorkbookSheet } from '../../../shared/fileFormats/table/xlsxSheet';
import { openArchive, type Archive } from './archive';
import { readDbf, siblingReader } from './readShapefile';
import { readFileBytes } from './readFileBytes';

export interface ReadTableOptions extends DelimitedTableOptions {
  /** Worksheet name for XLSX files; the first sheet with data when omitted. */
  sheet?: string;
}

/** At most this many bytes are inflated from one workbook (sheets, shared strings, styles). */
const MAX_XLSX_EXPANDED_BYTES = 512 * 1024 * 1024;
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

interface OpenWorkbook {
  archive: Archive;
  sheets: WorkbookSheet[];
  context: SheetContext;
}

function notAWorkbook(filePath: string, detail: { de: string; en: string }): UserError {
  return new UserError('bad-input', {
    de: `${path.basename(filePath)} ist keine lesbare Excel-Datei (.xlsx): ${detail.de}. Bitte die Datei in Excel öffnen und als „Excel-Arbeitsmappe (.xlsx)“ speichern.`,
    en: `${path.basename(filePath)} is not a readable Excel file (.xlsx): ${detail.en}. Please open the file in Excel and save it as "Excel workbook (.xlsx)".`,
  });
}

/**
 * Opens a workbook without reading any sheet: the sheet list, shared strings and date styles. Only the
 * entries needed are inflated, with a cap on the expanded size (a zip bomb disguised as .xlsx stops early).
 */
function openWorkbook(filePath: string, limits: ReadTableOptions['limits']): OpenWorkbook {
  const bytes = readFileBytes(filePath);
  if (bytes.length === 0) throw notAWorkbook(filePath, { de: 'die Datei ist leer', en: 'the file is empty' });
  if (OLE2_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    throw new UserError('unsupported', {
      de: `${path.basename(filePath)} ist eine alte Excel-Datei (.xls) oder eine mit Passwort geschützte .xlsx (Excel speichert beide im selben Containerformat). Bitte in Excel öffnen, ein Passwort entfernen und als „Excel-Arbeitsmappe (.xlsx)“ speichern.`,
      en: `${path.basename(filePath)} is an old Excel file (.xls) or a password-protected .xlsx (Excel stores both in the same container format). Please open it in Excel, remove any password and save it as "Excel workbook (.xlsx)".`,
    });
  }
  let archive: Archive;
  try {
    archive = openArchive(bytes, path.basename(filePath), { maxExpandedBytes: MAX_XLSX_EXPANDED_BYTES });
  } catch (error) {
    if (error instanceof UserError && error.code === 'unsupported') throw error;
    throw notAWorkbook(filePath, { de: 'kein gültiges ZIP-Archiv, vielleicht abgeschnitten', en: 'not a valid ZIP archive, perhaps cut off' });
  }
  const names = new Set(archive.entries.map((entry) => entry.name));
  const text = (name: string) => (names.has(name) ? new TextDecoder().decode(archive.read(name)) : '');
  if (!names.has('xl/workbook.xml')) throw notAWorkbook(filePath, { de: 'das Archiv enthält keine Arbeitsmappe (xl/workbook.xml)', en: 'the archive holds no workbook (xl/workbook.xml)' });
  const workbookXml = text('xl/workbook.xml');
  const sheets = workbookSheets(workbookXml, text('xl/_rels/workbook.xml.rels')).filter((sheet) => names.has(sheet.path));
  if (sheets.length === 0) throw notAWorkbook(filePath, { de: 'die Arbeitsmappe hat keine Tabellenblätter', en: 'the workbook has no sheets' });
  return { archive, sheets, context: { strings: sharedStrings(text('xl/sharedStrings.xml')), dateStyles: dateStyleIndices(text('xl/styles.xml')), date1904: usesDate1904(workbookXml), limits } };
}

/** The cells of one sheet, read streaming: inflated chunk by chunk and stopped at the first exceeded limit. */
function sheetGrid(workbook: OpenWorkbook, sheet: WorkbookSheet): string[][] {
  const reader = new SheetGridReader(workbook.context);
  const decoder = new TextDecoder();
  workbook.archive.stream(sheet.path, (chunk) => reader.push(decoder.decode(chunk, { stream: true })));
  reader.push(decoder.decode());
  return reader.finish();
}

/** Worksheet names of an XLSX file, for the sheet picker. */
export async function listXlsxSheets(filePath: string): Promise<string[]> {
  return openWorkbook(filePath, undefined).sheets.map((sheet) => sheet.name);
}

function filledRows(grid: string[][]): number {
  return grid.filter((row) => row.some((cell) => cell.trim() !== '')).length;
}

/** The grid of the chosen sheet, or of the first sheet with more than one filled row. */
function chosenSheetGrid(filePath: string, options: ReadTableOptions): string[][] {
  const workbook = openWorkbook(filePath, options.limits);
  const available = workbook.sheets.map((sheet) => sheet.name).join(', ');
  if (options.sheet) {
    const sheet = workbook.sheets.find((candidate) => candidate.name === options.sheet) ?? workbook.sheets.find((candidate) => candidate.name.toLowerCase() === options.sheet!.toLowerCase());
    if (!sheet) {
      throw new UserError('not-found', {
        de: `Das Tabellenblatt „${options.sheet}“ gibt es in ${path.basename(filePath)} nicht. Bitte eines davon wählen (CLI: --sheet): ${available}.`,
        en: `There is no sheet "${options.sheet}" in ${path.basename(filePath)}. Please choose one of these (CLI: --sheet): ${available}.`,
      });
    }
    return sheetGrid(workbook, sheet);
  }
  for (const sheet of workbook.sheets) {
    const grid = sheetGrid(workbook, sheet);
    if (filledRows(grid) > 1) return grid;
  }
  throw new UserError('bad-input', {
    de: `Kein Tabellenblatt von ${path.basename(filePath)} enthält eine Tabelle (Blätter: ${available}). Bitte prüfen, ob die richtige Datei gewählt ist.`,
    en: `No sheet of ${path.basename(filePath)} holds a table (sheets: ${available}). Please check that the right file is chosen.`,
  });
}

/**
 * Reads a CSV/TXT, XLSX or dBASE (.dbf) table file.
 * @example (await readTableFile('Daten.xlsx')).rows.length
 */
export async function readTableFile(filePath: string, options: ReadTableOptions = {}): Promise<ParsedTable> {
  let size: number;
  try {
    size = statSync(filePath).size;
  } catch {
    throw new UserError('not-found', { de: `${filePath} wurde nicht gefunden. Bitte den Pfad prüfen.`, en: `${filePath} was not found. Please check the path.` });
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_TABLE_BYTES;
  if (size > maxBytes) {
    // Checked before reading so a huge file is refused without loading it.
    throw tableTooLargeError(size, maxBytes);
  }
  if (path.extname(filePath).toLowerCase() === '.xlsx') {
    const grid = chosenSheetGrid(filePath, options);
    let width = 0;
    for (const row of grid) width = Math.max(width, row.length);
    assertTableWithinLimits(grid.length, width, { ...DEFAULT_TABLE_LIMITS, ...options.limits });
    return withDataRows(analyseGrid(grid, { headerRows: options.headerRows, decimal: options.decimal ?? '.', fallbackDecimal: '.' }, { delimiter: null }));
  }
  if (path.extname(filePath).toLowerCase() === '.dbf') return withDataRows(await dbfTable(filePath, options));
  return withDataRows(parseDelimitedTable(readFileBytes(filePath), options));
}

/**
 * A dBASE table as a grid: the field names as the one header row, each record (deleted ones left out) as
 * a row in field order. Numbers come as the `shapefile` package reads them (with a decimal point); text
 * fields keep their form, so "03241001" keeps its leading zero. When the .dbf is the attribute table of a
 * shapefile beside it, the preview says that only its values are read and where the boundaries are.
 */
async function dbfTable(filePath: string, options: ReadTableOptions): Promise<ParsedTable> {
  const fileName = path.basename(filePath);
  const base = fileName.slice(0, -path.extname(fileName).length);
  const members = siblingReader(path.dirname(filePath), base);
  const read = await readDbf(members, base, options.encoding);
  const header = read.fieldNames;
  const duplicate = header.find((name, index) => header.indexOf(name) !== index);
  if (duplicate !== undefined) {
    throw new UserError('bad-input', {
      de: `In ${fileName} heißen zwei Felder „${duplicate}“; ihre Werte lassen sich nicht auseinanderhalten. Bitte eines umbenennen (z. B. in QGIS oder LibreOffice) und die Datei erneut wählen.`,
      en: `Two fields in ${fileName} are named "${duplicate}"; their values cannot be told apart. Please rename one (e.g. in QGIS or LibreOffice) and choose the file again.`,
    });
  }
  const grid = [header, ...read.records.flatMap((record) => (record ? [header.map((name) => record[name] ?? '')] : []))];
  assertTableWithinLimits(grid.length, header.length, { ...DEFAULT_TABLE_LIMITS, ...options.limits });
  // One header row and decimal points, whatever the wizard's settings for text files say.
  const table = analyseGrid(grid, { headerRows: 1, dataRows: { first: 1, last: grid.length - 1 }, decimal: '.', fallbackDecimal: '.' }, { delimiter: null, encoding: { detected: read.encoding.detected, used: read.encoding.used } });
  const notes = [...read.notes];
  if (members.has('.shp')) {
    notes.push({
      code: 'shapefile-attributes',
      text: {
        de: `${fileName} ist die Sachdatentabelle des Shapefiles ${base}: Gelesen werden nur ihre Werte, als Tabelle. Für die Grenzen bitte ${base}.shp wählen.`,
        en: `${fileName} is the attribute table of the shapefile ${base}: only its values are read, as a table. For the boundaries, please choose ${base}.shp.`,
      },
    });
  }
  // dBASE says which fields hold numbers (N, F). Digits in a text field are codes ("03", "032410001001") and a
  // date field is a date (WSK, the day a territory took effect, not the Stichtag): neither is a value to import.
  const numeric = read.dbf.fields.map((field) => field.type === 'N' || field.type === 'F');
  const columns = table.columns.map((column) => (column.kind === 'number' && numeric[column.index] === false ? { ...column, kind: 'text' as const } : column));
  return { ...table, columns, warnings: [...notes.map((note) => ({ code: note.code as TableWarning['code'], text: note.text })), ...table.warnings] };
}

function withDataRows(table: ParsedTable): ParsedTable {
  if (table.rows.length === 0) throw noDataRowsError();
  return table;
}
