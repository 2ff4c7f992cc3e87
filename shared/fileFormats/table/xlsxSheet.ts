/**
 * Reading the parts of an XLSX workbook (Office Open XML) that a statistical table needs: the sheet list,
 * shared strings, which cell styles are dates, and the cells of one sheet — streaming, so a sheet is read
 * row by row from inflated chunks and stops at the row, column and cell limits instead of building a
 * workbook model of millions of cells. Merged cells are filled in from their top-left cell, so a header that
 * spans columns labels each of them. Pure: XML text in, a grid of cell texts out.
 */
import { UserError } from '../../contract/errors';
import { DEFAULT_TABLE_LIMITS, tooManyCellsError, tooManyColumnsError, tooManyRowsError, type TableLimits } from './tableLimits';

export interface WorkbookSheet {
  name: string;
  /** Path of the sheet's XML inside the zip, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
}

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

/** Decodes XML character references and OOXML's `_xHHHH_` escapes. */
export function xmlText(text: string): string {
  return text
    .replace(ENTITY, (_, entity: string) => {
      if (entity === 'amp') return '&';
      if (entity === 'lt') return '<';
      if (entity === 'gt') return '>';
      if (entity === 'quot') return '"';
      if (entity === 'apos') return "'";
      const code = entity.startsWith('#x') ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const attributePatterns = new Map<string, RegExp>();

function attribute(attributes: string, name: string): string | null {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}="([^"]*)"`);
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(attributes);
  if (!match) return null;
  return match[1]!.includes('&') || match[1]!.includes('_x') ? xmlText(match[1]!) : match[1]!;
}

/** The text of all `<t>` elements inside `xml` (rich text runs are concatenated). */
function runsText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += xmlText(match[1]!);
  return text;
}

/**
 * Sheets in workbook order with their XML paths.
 * @example workbookSheets(workbookXml, relsXml) // [{ name: 'Gemeinden', path: 'xl/worksheets/sheet1.xml' }]
 */
export function workbookSheets(workbookXml: string, relationshipsXml: string): WorkbookSheet[] {
  const targets = new Map<string, string>();
  for (const match of relationshipsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attribute(match[1]!, 'Id');
    const target = attribute(match[1]!, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const sheets: WorkbookSheet[] = [];
  for (const match of workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attribute(match[1]!, 'name');
    const id = attribute(match[1]!, 'r:id');
    const target = id ? targets.get(id) : undefined;
    if (name !== null && target) sheets.push({ name, path: target });
  }
  return sheets;
}

/** True when the workbook counts dates from 1904 (old Mac Excel). */
export function usesDate1904(workbookXml: string): boolean {
  return /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbookXml);
}

/** Shared strings in index order. */
export function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const match of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) strings.push(match[1] === undefined ? '' : runsText(match[1]));
  return strings;
}

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** Indices of the cell formats (cellXfs) that display numbers as dates. */
export function dateStyleIndices(stylesXml: string): Set<number> {
  const dateFormats = new Set(BUILT_IN_DATE_FORMATS);
  for (const match of stylesXml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attribute(match[1]!, 'numFmtId'));
    const code = (attribute(match[1]!, 'formatCode') ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '');
    if (/[dy]/i.test(code) && !/^[#0.,\s%]*$/.test(code)) dateFormats.add(id);
  }
  const indices = new Set<number>();
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  let index = 0;
  for (const match of cellXfs.matchAll(/<xf\b([^>]*)\/?>/g)) {
    if (dateFormats.has(Number(attribute(match[1]!, 'numFmtId')))) indices.add(index);
    index += 1;
  }
  return indices;
}

/** Column number (0-based) of a cell reference such as "AB12". */
function columnOf(reference: string): number {
  let column = 0;
  for (const character of reference) {
    const code = character.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

function germanDate(serial: number, date1904: boolean): string {
  const milliseconds = Math.round((serial - (date1904 ? -1462 : 0) - 25569) * 86_400_000);
  const date = new Date(milliseconds);
  if (Number.isNaN(date.getTime())) return String(serial);
  return `${String(date.getUTCDate()).padStart(2, '0')}.${String(date.getUTCMonth() + 1).padStart(2, '0')}.${date.getUTCFullYear()}`;
}

export interface SheetContext {
  strings: readonly string[];
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
  limits?: Partial<TableLimits>;
}

/** Largest XML kept waiting for the end of a row: one row beyond it is not a statistical table. */
const MAX_PENDING_CHARACTERS = 4 * 1024 * 1024;

/**
 * Collects the cells of one sheet from its XML, pushed in chunks of text. `push` returns false once the
 * sheet is known to exceed a limit (the error is thrown by `finish`, so the caller can stop inflating).
 * @example const sheet = new SheetGridReader(context); sheet.push(xml); sheet.finish() // [['AGS', 'Name'], ['03241001', 'Hannover']]
 */
export class SheetGridReader {
  private readonly grid: string[][] = [];
  private pending = '';
  private cellCount = 0;
  private nextRow = 1;
  private failure: UserError | null = null;
  private readonly merges: string[] = [];
  private readonly limits: TableLimits;

  constructor(private readonly context: SheetContext) {
    this.limits = { ...DEFAULT_TABLE_LIMITS, ...context.limits };
  }

  push(text: string): boolean {
    if (this.failure) return false;
    this.pending += text;
    if (!this.dimensionChecked) this.checkDimension();
    if (this.failure) return false;
    const rowPattern = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
    let consumed = 0;
    for (let match = rowPattern.exec(this.pending); match; match = rowPattern.exec(this.pending)) {
      // A self-closing match could be the start of a row whose end has not arrived: only whole rows count.
      consumed = rowPattern.lastIndex;
      this.addRow(match[1]!, match[2] ?? '');
      if (this.failure) return false;
    }
    this.pending = this.pending.slice(consumed);
    if (/<\/sheetData>|<sheetData\/>/.test(this.pending)) this.pending = this.pending.slice(this.pending.search(/<\/sheetData>|<sheetData\/>/) + 1);
    else if (this.pending.length > MAX_PENDING_CHARACTERS) {
      this.failure = new UserError('bad-input', {
        de: 'Eine Zeile des Tabellenblatts ist größer als 4 MB; das ist keine Statistiktabelle. Bitte das richtige Blatt wählen (CLI: --sheet) oder die Datei in Excel prüfen.',
        en: 'A row of the sheet is larger than 4 MB; this is not a statistical table. Please choose the right sheet (CLI: --sheet) or check the file in Excel.',
      });
      return false;
    }
    return true;
  }

  private dimensionChecked = false;

  /** Excel states the used range before the rows (`<dimension ref="A1:C3000000"/>`): a sheet beyond the limits is refused before its first row. */
  private checkDimension(): void {
    const dimension = /<dimension\b[^>]*ref="[A-Z]*\d*:?([A-Z]+)(\d+)"/.exec(this.pending);
    if (!dimension && !this.pending.includes('<sheetData')) return;
    this.dimensionChecked = true;
    if (!dimension) return;
    const lastRow = Number(dimension[2]);
    const lastColumn = columnOf(dimension[1]!) + 1;
    if (lastRow > this.limits.maxRows) this.failure = tooManyRowsError(lastRow, this.limits);
    else if (lastColumn > this.limits.maxColumns) this.failure = tooManyColumnsError(lastColumn, this.limits);
  }

  private addRow(attributes: string, content: string): void {
    const rowNumber = Number(attribute(attributes, 'r') ?? this.nextRow);
    this.nextRow = rowNumber + 1;
    if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > this.limits.maxRows) {
      this.failure = tooManyRowsError(this.limits.maxRows, this.limits, true);
      return;
    }
    const cells: string[] = [];
    let nextColumn = 0;
    for (const match of content.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const cellAttributes = match[1]!;
      const reference = attribute(cellAttributes, 'r');
      const column = reference ? columnOf(reference) : nextColumn;
      nextColumn = column + 1;
      if (column >= this.limits.maxColumns) {
        this.failure = tooManyColumnsError(column + 1, this.limits);
        return;
      }
      const text = this.cellText(cellAttributes, match[2] ?? '');
      if (text === '') continue;
      cells[column] = text;
      this.cellCount += 1;
    }
    if (this.cellCount > this.limits.maxCells) {
      this.failure = tooManyCellsError(this.cellCount, this.limits);
      return;
    }
    this.grid[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
  }

  private cellText(attributes: string, content: string): string {
    const type = attribute(attributes, 't');
    if (type === 'inlineStr') return runsText(content);
    const value = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(content)?.[1];
    if (value === undefined) return '';
    const raw = xmlText(value);
    if (type === 's') return this.context.strings[Number(raw)] ?? '';
    if (type === 'str' || type === 'd') return type === 'd' && /^\d{4}-\d{2}-\d{2}/.test(raw) ? `${raw.slice(8, 10)}.${raw.slice(5, 7)}.${raw.slice(0, 4)}` : raw;
    if (type === 'b') return raw === '1' ? 'wahr' : 'falsch';
    if (type === 'e') return '';
    const number = Number(raw);
    if (!Number.isFinite(number)) return raw;
    const style = Number(attribute(attributes, 's') ?? -1);
    return this.context.dateStyles.has(style) ? germanDate(number, this.context.date1904) : String(number);
  }

  /** The grid with merged cells filled in; throws the UserError of an exceeded limit. */
  finish(): string[][] {
    if (this.failure) throw this.failure;
    for (const match of this.pending.matchAll(/<mergeCell\b[^>]*ref="([A-Z]+\d+:[A-Z]+\d+)"/g)) this.merges.push(match[1]!);
    for (const merge of new Set(this.merges)) {
      const [from, to] = merge.split(':') as [string, string];
      const firstRow = Number(/\d+/.exec(from)![0]) - 1;
      const lastRow = Number(/\d+/.exec(to)![0]) - 1;
      const firstColumn = columnOf(from);
      const lastColumn = columnOf(to);
      if ((lastRow - firstRow + 1) * (lastColumn - firstColumn + 1) > 10_000 || lastColumn >= this.limits.maxColumns) continue;
      const master = this.grid[firstRow]?.[firstColumn] ?? '';
      for (let row = firstRow; row <= lastRow; row += 1) {
        const cells = (this.grid[row] ??= []);
        for (let column = firstColumn; column <= lastColumn; column += 1) cells[column] = master;
        for (let column = 0; column < cells.length; column += 1) cells[column] ??= '';
      }
    }
    return Array.from(this.grid, (row) => row ?? []);
  }
}
