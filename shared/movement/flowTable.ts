/**
 * Reading an origin–destination table (Umzugs-/Wanderungsmatrix) as planners receive it, in two layouts:
 *
 * - long: one row per flow with columns from, to, [period,] count and optional breakdown columns
 *   (headers von/nach/Stichtag/Anzahl or from/to/period/count; any further column is a dimension);
 * - matrix: the first column holds the origins, the header row the destinations, cells the counts
 *   (one period: `--period`, or a date in the lines above the header).
 *
 * Ends are matched to the layer's keys (a key that lost its leading zero is restored, as elsewhere), to
 * area names, or to the external categories (Umland, übriges Niedersachsen, …). Nothing is dropped
 * silently: every row or cell that yields no flow is listed with its line and reason. Pure: bytes in,
 * records and report out; the service writes them.
 */
import Papa from 'papaparse';
import { UserError } from '../contract/errors';
import type { LocalizedText } from '../model/project';
import { decodeText, detectEncoding, detectUtf16 } from '../fileFormats/text/decode';
import { detectDelimiter } from '../fileFormats/table/sniff';
import { isoDateOf } from '../fileFormats/table/analyseGrid';
import { externalCategoryOf, type FlowRecord } from './flowTypes';
import { parseDate } from '../format/number';

export interface FlowGridRow {
  /** 1-based line in the file. */
  line: number;
  cells: string[];
}

/** Decodes and splits a CSV/TXT file (encoding and delimiter detected as for other tables). */
export function readFlowGrid(bytes: Uint8Array): FlowGridRow[] {
  if (bytes.length === 0) throw new UserError('bad-input', { de: 'Die Datei ist leer. Bitte die richtige Datei wählen.', en: 'The file is empty. Please choose the right file.' });
  const encoding = detectUtf16(bytes) ?? detectEncoding(bytes).encoding;
  const text = decodeText(bytes, encoding).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text).delimiter, skipEmptyLines: false });
  return parsed.data.map((cells, index) => ({ line: index + 1, cells: cells.map((cell) => cell.trim()) })).filter((row) => row.cells.some((cell) => cell !== ''));
}

export type FlowRowProblem = 'unknown-from' | 'unknown-to' | 'no-count' | 'withheld' | 'no-period' | 'negative';

export interface UnmatchedFlowRow {
  line: number;
  from: string;
  to: string;
  reason: FlowRowProblem;
  text: LocalizedText;
}

export interface FlowTableResult {
  layout: 'long' | 'matrix';
  /** Data rows read (matrix: origin rows). */
  rows: number;
  records: Omit<FlowRecord, 'sourceId'>[];
  matched: number;
  unmatched: UnmatchedFlowRow[];
  external: string[];
  dimensions: string[];
  periods: string[];
}

const FROM = /^(von|from|herkunft|herkunftsgebiet|origin|aus|quelle|zuzug aus)$/i;
const TO = /^(nach|to|ziel|zielgebiet|destination|fortzug nach)$/i;
const PERIOD = /^(stichtag|period|periode|zeitraum|jahr|year|datum|date)$/i;
const COUNT = /^(anzahl|count|value|wert|personen|persons|n|fälle|faelle)$/i;

function periodOf(text: string): string | null {
  const trimmed = text.trim();
  if (/^\d{4}$/.test(trimmed)) return `${trimmed}-12-31`;
  // A whole date must be a day that exists (2024-06-31 is none); a date inside a longer text, as
  // "Stichtag 31.12.2024", is read as the table analysis reads it.
  return parseDate(trimmed, 'de') ?? (/^[\d./-]+$/.test(trimmed) ? null : isoDateOf(trimmed));
}

/** A count as written in German or English exports; `withheld` for the offices' secrecy marks. */
function countOf(text: string): number | 'withheld' | null {
  const trimmed = text.replace(/[\s\u00a0']/g, '');
  if (trimmed === '-' || trimmed === '–') return 0;
  if (['.', 'x', '...', '/', '*'].includes(trimmed.toLowerCase())) return 'withheld';
  let normal = trimmed;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(normal)) normal = normal.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(normal)) normal = normal.replace(/,/g, '');
  else normal = normal.replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(normal)) return null;
  return Number(normal);
}

function slug(text: string): string {
  const base = text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(base) ? base : `d_${base}`;
}

const PROBLEM_TEXT: Record<FlowRowProblem, (from: string, to: string) => LocalizedText> = {
  'unknown-from': (from) => ({ de: `Herkunft „${from}“ ist weder ein Gebiet der Ebene noch eine Kategorie (Umland, übriges Niedersachsen, übriges Bundesgebiet, Ausland, unbekannt)`, en: `origin "${from}" is neither an area of the layer nor a category (Umland, übriges Niedersachsen, übriges Bundesgebiet, Ausland, unbekannt)` }),
  'unknown-to': (_from, to) => ({ de: `Ziel „${to}“ ist weder ein Gebiet der Ebene noch eine Kategorie (Umland, übriges Niedersachsen, übriges Bundesgebiet, Ausland, unbekannt)`, en: `destination "${to}" is neither an area of the layer nor a category (Umland, übriges Niedersachsen, übriges Bundesgebiet, Ausland, unbekannt)` }),
  'no-count': () => ({ de: 'keine Anzahl (leer oder keine Zahl)', en: 'no count (empty or not a number)' }),
  withheld: () => ({ de: 'Wert geheim gehalten (Zeichen der Statistik); nicht übernommen', en: 'value withheld (statistical secrecy mark); not taken over' }),
  'no-period': () => ({ de: 'kein Stichtag (Spalte leer): für alle Zeilen im Feld „Stichtag“ angeben (CLI: --period)', en: 'no reference date (column empty): give one for all rows under "Reference date" (CLI: --period)' }),
  negative: () => ({ de: 'negative Anzahl', en: 'negative count' }),
};

/** Resolves a table's text to an area key or category: key, key without its leading zero, name, category. */
export function flowEndResolver(areas: readonly { key: string; name: string }[]): (text: string) => string | null {
  const keys = new Set(areas.map((area) => area.key));
  const byName = new Map(areas.map((area) => [area.name.toLowerCase(), area.key]));
  return (text) => {
    const trimmed = text.trim();
    if (keys.has(trimmed)) return trimmed;
    if (/^\d+$/.test(trimmed) && keys.has(`0${trimmed}`)) return `0${trimmed}`;
    const category = externalCategoryOf(trimmed);
    if (category) return category;
    return byName.get(trimmed.toLowerCase()) ?? null;
  };
}

/**
 * @example parseFlowTable([{ line: 1, cells: ['von', 'nach', 'Jahr', 'Anzahl'] }, { line: 2, cells: ['03241001', 'Ausland', '2023', '12'] }], areas, {}).records // [{ from: '03241001', to: 'ext:ausland', period: '2023-12-31', value: 12, dimensions: {} }]
 */
export function parseFlowTable(grid: readonly FlowGridRow[], areas: readonly { key: string; name: string }[], options: { period?: string; titlePeriod?: string | null }): FlowTableResult {
  const resolve = flowEndResolver(areas);
  const headerIndex = grid.findIndex((row) => row.cells.filter((cell) => cell !== '').length >= 2);
  if (headerIndex < 0) throw new UserError('bad-input', { de: 'Die Tabelle hat keine Kopfzeile mit Spalten. Erwartet: von;nach;Stichtag;Anzahl oder eine Matrix.', en: 'The table has no header row. Expected: from;to;period;count or a matrix.' });
  const header = (grid[headerIndex] as FlowGridRow).cells;
  const titlePeriod = options.titlePeriod ?? grid.slice(0, headerIndex).map((row) => isoDateOf(row.cells.join(' '))).find((period) => period !== null) ?? null;
  const fallbackPeriod = options.period !== undefined ? periodOf(options.period) : titlePeriod;
  if (options.period !== undefined && fallbackPeriod === null) {
    throw new UserError('bad-input', { de: `--period „${options.period}“ ist kein Stichtag (JJJJ-MM-TT, TT.MM.JJJJ oder JJJJ).`, en: `--period "${options.period}" is not a date (YYYY-MM-DD, DD.MM.YYYY or YYYY).` });
  }
  const data = grid.slice(headerIndex + 1);
  const fromColumn = header.findIndex((cell) => FROM.test(cell));
  const toColumn = header.findIndex((cell) => TO.test(cell));
  const records: Omit<FlowRecord, 'sourceId'>[] = [];
  const unmatched: UnmatchedFlowRow[] = [];
  const problem = (line: number, from: string, to: string, reason: FlowRowProblem) => unmatched.push({ line, from, to, reason, text: PROBLEM_TEXT[reason](from, to) });
  const take = (line: number, fromText: string, toText: string, countText: string, period: string | null, dimensions: Record<string, string>) => {
    const from = resolve(fromText);
    const to = resolve(toText);
    if (from === null) return problem(line, fromText, toText, 'unknown-from');
    if (to === null) return problem(line, fromText, toText, 'unknown-to');
    const count = countOf(countText);
    if (count === 'withheld') return problem(line, fromText, toText, 'withheld');
    if (count === null) return problem(line, fromText, toText, 'no-count');
    if (count < 0) return problem(line, fromText, toText, 'negative');
    if (period === null) return problem(line, fromText, toText, 'no-period');
    records.push({ from, to, period, value: count, dimensions });
  };

  let layout: FlowTableResult['layout'];
  let dimensions: string[] = [];
  if (fromColumn >= 0 && toColumn >= 0) {
    layout = 'long';
    const periodColumn = header.findIndex((cell) => PERIOD.test(cell));
    let countColumn = header.findIndex((cell) => COUNT.test(cell));
    const taken = new Set([fromColumn, toColumn, periodColumn]);
    if (countColumn < 0) countColumn = header.findIndex((_, index) => !taken.has(index) && data.some((row) => typeof countOf(row.cells[index] ?? '') === 'number'));
    if (countColumn < 0) throw new UserError('bad-input', { de: 'Die Tabelle hat keine Spalte „Anzahl“ (count).', en: 'The table has no column "count" (Anzahl).' });
    const dimensionColumns = header.map((cell, index) => ({ cell, index })).filter(({ index }) => !taken.has(index) && index !== countColumn && header[index] !== '');
    dimensions = dimensionColumns.map(({ cell }) => slug(cell));
    for (const row of data) {
      const period = periodColumn >= 0 && (row.cells[periodColumn] ?? '') !== '' ? periodOf(row.cells[periodColumn] as string) : fallbackPeriod;
      const rowDimensions = Object.fromEntries(dimensionColumns.map(({ index }, position) => [dimensions[position] as string, row.cells[index] ?? '']).filter(([, value]) => value !== ''));
      take(row.line, row.cells[fromColumn] ?? '', row.cells[toColumn] ?? '', row.cells[countColumn] ?? '', period, rowDimensions);
    }
  } else {
    layout = 'matrix';
    if (fallbackPeriod === null) {
      throw new UserError('bad-input', { de: 'Eine Matrix ohne Stichtag: bitte im Feld „Stichtag“ angeben (CLI: --period JJJJ-MM-TT).', en: 'A matrix without a reference date: please give one under "Reference date" (CLI: --period YYYY-MM-DD).' });
    }
    for (const row of data) {
      const fromText = row.cells[0] ?? '';
      if (/^(summe|insgesamt|total|gesamt)$/i.test(fromText)) continue;
      header.forEach((toText, index) => {
        if (index === 0 || toText === '' || /^(summe|insgesamt|total|gesamt)$/i.test(toText)) return;
        const cell = row.cells[index] ?? '';
        if (cell === '') return problem(row.line, fromText, toText, 'no-count');
        take(row.line, fromText, toText, cell, fallbackPeriod, {});
      });
    }
  }
  const external = [...new Set(records.flatMap((record) => [record.from, record.to]).filter((key) => key.startsWith('ext:')))].sort();
  return {
    layout,
    rows: data.length,
    records,
    matched: records.length,
    unmatched,
    external,
    dimensions,
    periods: [...new Set(records.map((record) => record.period))].sort(),
  };
}
