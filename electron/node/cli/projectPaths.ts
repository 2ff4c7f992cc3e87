/**
 * Checks on project file paths given on the command line, so a typo gives a message that names the flag
 * instead of a failure deep in SQLite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/contract/errors';
import { safeFileName } from '../../../shared/export/fileNamePattern';
import { CliUsageError } from './command';

/** Resolves `given` and fails with a UserError when it is not an existing file. `flag` names where it came from, e.g. `--project` or `info P.gpkg`. */
export function existingProjectFile(given: string, flag: string): string {
  const absolutePath = path.resolve(given);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolutePath);
  } catch {
    throw new UserError('not-found', {
      de: `Projektdatei nicht gefunden: ${absolutePath}. Pfad prüfen (${flag}); ein Demo-Projekt legt „kleinraum demo --out demo.gpkg“ an.`,
      en: `Project file not found: ${absolutePath}. Check the path (${flag}); "kleinraum demo --out demo.gpkg" writes a demo project.`,
    });
  }
  if (!stat.isFile()) {
    throw new UserError('bad-input', {
      de: `${absolutePath} ist ein Ordner, keine Projektdatei. Eine .gpkg-Datei angeben (${flag}).`,
      en: `${absolutePath} is a folder, not a project file. Give a .gpkg file (${flag}).`,
    });
  }
  return absolutePath;
}

/** Resolves an output path for a new project file: must end in .gpkg, its folder must exist, and an existing file is only replaced with `--force`. */
export function newProjectFile(given: string, force: boolean): string {
  const absolutePath = path.resolve(given);
  if (path.extname(absolutePath).toLowerCase() !== '.gpkg') {
    throw new UserError('bad-input', {
      de: `Die Projektdatei muss auf .gpkg enden: --out ${given} ändern, z. B. --out demo.gpkg.`,
      en: `The project file must end in .gpkg: change --out ${given}, e.g. --out demo.gpkg.`,
    });
  }
  const folder = path.dirname(absolutePath);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new UserError('not-found', {
      de: `Der Ordner ${folder} existiert nicht. Ordner anlegen oder bei --out einen anderen Pfad angeben.`,
      en: `The folder ${folder} does not exist. Create it or give another path with --out.`,
    });
  }
  if (fs.existsSync(absolutePath) && !force) {
    throw new UserError('conflict', {
      de: `${absolutePath} existiert bereits. Zum Überschreiben --force angeben oder bei --out einen anderen Namen wählen.`,
      en: `${absolutePath} already exists. Add --force to overwrite it or choose another name with --out.`,
    });
  }
  return absolutePath;
}

/**
 * The one project file a command takes as its positional argument, checked to exist; a usage error naming
 * the usage line when it is missing or followed by more.
 * @example projectArgument(context, 'compare-sources P.gpkg --variable ID') // "/home/…/P.gpkg"
 */
export function projectArgument(positionals: readonly string[], usage: string): string {
  const [given, ...extra] = positionals;
  if (given === undefined) throw new CliUsageError({ de: `Projektdatei fehlt: kleinraum ${usage}`, en: `Project file missing: kleinraum ${usage}` });
  if (extra.length > 0) throw new CliUsageError({ de: `Nur eine Projektdatei angeben (zu viel: ${extra.join(' ')}).`, en: `Give only one project file (extra: ${extra.join(' ')}).` });
  return existingProjectFile(given, `kleinraum ${usage}`);
}

/**
 * The absolute path an `--out` file is written to: its name without bidirectional controls, so the name a
 * command prints and the file manager shows is the name the file has (as for the app's exports).
 * @example outputPath('rechnung\u202efdp.csv') // "<cwd>/rechnungfdp.csv"
 */
export function outputPath(out: string): string {
  const absolute = path.resolve(out);
  return path.join(path.dirname(absolute), safeFileName(path.basename(absolute)));
}

/**
 * The format an `--out` file asks for by its extension, among `formats`; a usage error listing them otherwise.
 * @example outputFormat('vergleich.xlsx', ['csv', 'xlsx', 'svg']) // "xlsx"
 */
export function outputFormat<F extends string>(out: string, formats: readonly F[]): F {
  const extension = path.extname(out).slice(1).toLowerCase();
  if ((formats as readonly string[]).includes(extension)) return extension as F;
  const list = formats.map((format) => `.${format}`).join(', ');
  throw new CliUsageError({ de: `--out muss auf ${list} enden, nicht „${path.basename(out)}“.`, en: `--out must end in ${list}, not "${path.basename(out)}".` });
}
