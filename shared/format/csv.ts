/**
 * Writing CSV cells that are safe to open in a spreadsheet. A text cell starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is run as a formula by Excel and LibreOffice ("CSV injection": an area name
 * such as `=HYPERLINK(…)` taken over from an imported file could fetch or run something when a colleague
 * opens the export). Such text gets a leading apostrophe, the spreadsheets' own mark for "this is text";
 * numbers are written as numbers. Every CSV Kleinraum exports goes through `csvCell`.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as a spreadsheet must not execute it (also for XLSX cells): a formula start gets the apostrophe.
 * @example neutralizedText('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function neutralizedText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One CSV cell: text neutralised and quoted when needed, numbers as given.
 * @example csvCell('=1+1') // "'=1+1"
 * @example csvCell('Neustadt a. Rbge.; Stadt') // "\"Neustadt a. Rbge.; Stadt\""
 * @example csvCell(-3.5, { numberText: '-3,5' }) // "-3,5"
 */
export function csvCell(value: string | number | null, options: { delimiter?: string; numberText?: string } = {}): string {
  if (value === null) return '';
  const delimiter = options.delimiter ?? ';';
  const text = typeof value === 'number' ? (options.numberText ?? String(value)) : neutralizedText(value);
  return text.includes(delimiter) || /["\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
