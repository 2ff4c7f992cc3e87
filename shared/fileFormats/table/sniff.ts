/**
 * Guessing the field delimiter of a text table. Statistical exports use `;`, tools in English settings `,`,
 * some registers tab or `|`. The delimiter that splits the most lines into the same number of fields wins.
 */
import Papa from 'papaparse';
import { UserError } from '../../contract/errors';

export const DELIMITERS = [';', ',', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface DelimiterDetection {
  delimiter: Delimiter;
  /** Share (0..1) of the sampled multi-field lines that have the modal field count. */
  consistency: number;
  /** Modal number of fields per line. */
  fieldCount: number;
}

/** A sample of whole lines from the start of the text (sniffing the whole of a large file is not needed). */
function sample(text: string, maxCharacters = 200_000): string {
  if (text.length <= maxCharacters) return text;
  const cut = text.lastIndexOf('\n', maxCharacters);
  return text.slice(0, cut > 0 ? cut : maxCharacters);
}

function fieldCounts(text: string, delimiter: Delimiter): number[] {
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  return parsed.data.map((row) => {
    // Trailing empty fields (Excel pads header lines with `;;;`) do not count.
    let count = row.length;
    while (count > 0 && (row[count - 1] ?? '').trim() === '') count -= 1;
    return count;
  });
}

/**
 * Picks the delimiter by consistency of field counts.
 * @example detectDelimiter('a;b;c\n1;2;3\n').delimiter // ";"
 */
export function detectDelimiter(text: string): DelimiterDetection {
  const excerpt = sample(text);
  let best: DelimiterDetection & { score: number } = { delimiter: ';', consistency: 0, fieldCount: 1, score: -1 };
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(excerpt, delimiter).filter((count) => count > 1);
    if (counts.length === 0) continue;
    const frequency = new Map<number, number>();
    for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let modalCount = 0;
    let modalFrequency = 0;
    for (const [count, times] of frequency) {
      if (times > modalFrequency || (times === modalFrequency && count > modalCount)) {
        modalCount = count;
        modalFrequency = times;
      }
    }
    const score = modalFrequency * Math.min(modalCount - 1, 12);
    if (score > best.score) best = { delimiter, consistency: modalFrequency / counts.length, fieldCount: modalCount, score };
  }
  return { delimiter: best.delimiter, consistency: Math.max(0, best.consistency), fieldCount: best.fieldCount };
}

/**
 * Rejects files whose data lines use different delimiters (e.g. a table pasted together from two sources):
 * reading them with one delimiter would silently shift columns.
 * Counts lines that have no `delimiter` at all but contain another candidate at least twice and digits.
 */
export function assertSingleDelimiter(lines: string[], delimiter: Delimiter, dataLineCount: number): void {
  const suspicious: number[] = [];
  lines.forEach((line, index) => {
    if (line.includes(delimiter) || !/\d/.test(line)) return;
    for (const other of DELIMITERS) {
      if (other === delimiter) continue;
      if (line.split(other).length >= 3 && !line.trim().startsWith('"')) {
        suspicious.push(index + 1);
        return;
      }
    }
  });
  if (suspicious.length > Math.max(2, dataLineCount * 0.05)) {
    const shown = suspicious.slice(0, 5).join(', ');
    const name = delimiter === '\t' ? 'Tab' : delimiter;
    throw new UserError('bad-input', {
      de: `Die Datei mischt Trennzeichen: die meisten Zeilen sind mit „${name}“ getrennt, ${suspicious.length} Zeilen (z. B. ${shown}) mit einem anderen Zeichen. Bitte die Datei in Excel oder einem Editor einheitlich speichern (z. B. als „CSV (Trennzeichen-getrennt)“) und erneut importieren.`,
      en: `The file mixes delimiters: most lines are separated by "${name}", ${suspicious.length} lines (e.g. ${shown}) by another character. Please save the file with one delimiter (e.g. "CSV (comma delimited)" in Excel) and import it again.`,
    });
  }
}
