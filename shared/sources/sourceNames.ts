/**
 * Source names as planners tell sources apart: in the source menu, the legend and every export a source
 * is known by its name, so two sources of one project never share a name ("kita.csv, sonst kita.csv"
 * cannot be read). Names are compared as a planner reads them: without surrounding blanks, with a run of
 * blanks as one, and without case.
 */
import { UserError } from '../contract/errors';
import { formatDate } from '../format/number';

function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
}

/** A typed source name as it is kept: without surrounding blanks, inner runs of blanks as one. */
export function normalizedSourceName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** The note a table import writes on the source it creates: which file the values came from. */
export function importedFromNote(fileName: string): string {
  return `Import ${fileName}`;
}

/**
 * The name proposed for the source of a table file: the table's title as the statistics office wrote it
 * with its table code, and the file it came from. Of several title lines the longest is taken — it describes
 * the table ("Bevölkerung kompakt (Gebietsstand 15.05.2022)"), where a short one above it names only the
 * measure ("Personen: Bevölkerungszahl"). Without a title, the file name. The file name stays in the name:
 * two files of one title (the Zensus table for Gemeinden and for Kreise) are two sources.
 * @example tableSourceName(['Tabelle: 1000A-0000', 'Personen: Bevölkerungszahl', 'Bevölkerung kompakt (Gebietsstand 15.05.2022)'], 'z.csv') // 'Bevölkerung kompakt (Gebietsstand 15.05.2022), Tabelle 1000A-0000 (z.csv)'
 */
export function tableSourceName(titleLines: readonly string[], fileName: string): string {
  // "Tabelle: 1000A-0000", "GENESIS-Tabelle: 12411-01-01-4": a line that is only a code. "Tabelle 3: Kinder …" is a title.
  const codeLine = /^(?:genesis-)?tabelle:\s*([0-9][\w.-]*)\s*$/i;
  const lines = titleLines.map((line) => line.trim().replace(/\s+/g, ' ')).filter((line) => line !== '');
  const code = lines.map((line) => codeLine.exec(line)?.[1]).find((found) => found !== undefined);
  const title = unwrappedTitleLines(lines.filter((line) => !codeLine.test(line))).reduce<string | null>(
    (longest, line) => (longest === null || line.length > longest.length ? line : longest),
    null,
  );
  if (!title) return code ? `Tabelle ${code} (${fileName})` : fileName;
  const named = withoutGenesisBoilerplate(title);
  return code ? `${named}, Tabelle ${code} (${fileName})` : `${named} (${fileName})`;
}

/**
 * A GENESIS title without what every such title adds and every view says anyway: the day of the year of
 * its Stichtage and the regional depth ("Bevölkerung nach Geschlecht - Stichtag 31.12. - regionale Tiefe:
 * Kreise und krfr. Städte" is "Bevölkerung nach Geschlecht"). Legends, notes and the Quellenwechsel warning
 * name sources in full, and the boilerplate made them three lines long.
 * @example withoutGenesisBoilerplate('Gebietsfläche in qkm - Stichtag 31.12. - regionale Tiefe: Kreise und krfr. Städte') // "Gebietsfläche in qkm"
 */
function withoutGenesisBoilerplate(title: string): string {
  const stripped = title
    .replace(/\s+-\s+regionale\s+(?:Tiefe:.*|Ebenen)\s*$/i, '')
    .replace(/\s+-\s+Stichtag\s+\d{1,2}\.\d{1,2}\.(?:\d{4})?\s*-?\s*$/i, '')
    .trim();
  return stripped === '' ? title : stripped;
}

/**
 * GENESIS wraps a long title over two lines ("Bevölkerung nach Geschlecht - Stichtag 31.12. - regionale" /
 * "Tiefe: Kreise und krfr. Städte"): a line ending in " -" or in a lower-case word, or followed by one that
 * starts lower case, goes on in the next.
 */
function unwrappedTitleLines(lines: readonly string[]): string[] {
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    if (previous !== undefined && (/ -$/.test(previous) || /(^|\s)\p{Ll}+$/u.test(previous) || /^\p{Ll}/u.test(line))) joined[joined.length - 1] = `${previous} ${line}`;
    else joined.push(line);
  }
  return joined;
}

/** The project's source that already carries `name` (as a planner reads it), or undefined. */
export function sourceNamed<S extends { name: string }>(sources: readonly S[], name: string): S | undefined {
  const key = nameKey(name);
  return sources.find((source) => nameKey(source.name) === key);
}

/**
 * `name` if no source carries it yet, else the name with the file's latest Stichtag ("kita.csv (Stichtag
 * 31.12.2024)"), numbered further only if that too is taken. Source names are data, not UI text: the date
 * is written the German way whatever the UI language, as the names of imported files are.
 * @example distinctSourceName('kita.csv', ['kita.csv'], '2024-12-31') // 'kita.csv (Stichtag 31.12.2024)'
 */
export function distinctSourceName(name: string, takenNames: readonly string[], latestPeriod: string | null): string {
  const taken = new Set(takenNames.map(nameKey));
  if (!taken.has(nameKey(name))) return name;
  const dated = latestPeriod ? `${name} (Stichtag ${formatDate(latestPeriod, 'de')})` : name;
  if (!taken.has(nameKey(dated))) return dated;
  for (let number = 2; ; number += 1) if (!taken.has(nameKey(`${dated} ${number}`))) return `${dated} ${number}`;
}

/**
 * The name a new source gets. A name the planner typed (`typed`) is kept as typed, and refused when a source
 * carries it: the project stays unchanged and the message says to give another name. A proposed name (from
 * the file) is made distinct instead (distinctSourceName).
 * @example nameForNewSource('VG250', false, [{ name: 'VG250' }], '2022-12-31') // 'VG250 (Stichtag 31.12.2022)'
 */
export function nameForNewSource(name: string, typed: boolean, sources: readonly { name: string }[], latestPeriod: string | null): string {
  if (!typed) return distinctSourceName(name, sources.map((source) => source.name), latestPeriod);
  const taken = sourceNamed(sources, name);
  if (taken) throw takenSourceNameError(taken.name);
  return name;
}

/** The refusal of a new source under a name the project has (`takenName` as the project writes it). */
export function takenSourceNameError(takenName: string): UserError {
  return new UserError('conflict', {
    de: `Eine Quelle „${takenName}“ gibt es in diesem Projekt schon. Nichts geändert. Bitte der neuen Quelle einen eigenen Namen geben (CLI: --source NAME).`,
    en: `The project already has a source "${takenName}". Nothing changed. Please give the new source a name of its own (CLI: --source NAME).`,
  });
}

/**
 * A source's name without the file name an import added to it ("…, Tabelle 12411-01-01-4 (datei.csv)"),
 * for sentences that name two sources; the name is kept whole when it is nothing but the file name.
 * @example sourceNameWithoutFile('Bevölkerung kompakt, Tabelle 1000A-0000 (zensus2022_kreise.csv)') // "Bevölkerung kompakt, Tabelle 1000A-0000"
 */
export function sourceNameWithoutFile(name: string): string {
  const match = /^(.+?) \([^()]+\.(?:csv|txt|xlsx|xls|dbf|json|geojson)\)$/i.exec(name);
  return match ? (match[1] as string) : name;
}
