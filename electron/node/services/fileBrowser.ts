/**
 * Lists a folder for browser mode's in-app file dialog: folders first, then files, each group sorted by
 * name with German collation (ä next to a), hidden files skipped, files filtered by extension.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../../shared/contract/errors';

// Made on first use: a collator loads the locale's ICU data, which the server should not pay for at start.
let germanCollator: Intl.Collator | undefined;
const collateGerman = () => (germanCollator ??= new Intl.Collator('de', { sensitivity: 'base', numeric: true }));

export interface FileListEntry {
  name: string;
  path: string;
  kind: 'dir' | 'file';
  sizeBytes: number | null;
  modified: string | null;
}

export interface FileListing {
  dir: string;
  parent: string | null;
  entries: FileListEntry[];
}

/**
 * @example listFiles('/home/planer', ['gpkg', '.shp']) // { dir: '/home/planer', parent: '/home', entries: [...] }
 */
export function listFiles(dir: string | undefined, extensions?: readonly string[]): FileListing {
  const directory = path.resolve(dir ?? os.homedir());
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(directory, { withFileTypes: true });
  } catch {
    throw new UserError('not-found', {
      de: `Der Ordner „${directory}“ lässt sich nicht öffnen (nicht vorhanden oder keine Leserechte). Bitte einen anderen Ordner wählen.`,
      en: `The folder "${directory}" cannot be opened (missing or not readable). Please choose another folder.`,
    });
  }
  const wantedExtensions = extensions?.map((extension) => '.' + extension.replace(/^\./, '').toLowerCase());
  const entries: FileListEntry[] = [];
  for (const dirent of dirents) {
    if (dirent.name.startsWith('.')) continue;
    const entryPath = path.join(directory, dirent.name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(entryPath); // follows symlinks, so a link to a folder lists as a folder
    } catch {
      continue; // dangling link or no permission: not something the user can open
    }
    const kind = stat.isDirectory() ? 'dir' : 'file';
    if (kind === 'file' && wantedExtensions && !wantedExtensions.some((extension) => dirent.name.toLowerCase().endsWith(extension))) continue;
    entries.push({
      name: dirent.name,
      path: entryPath,
      kind,
      sizeBytes: kind === 'file' ? stat.size : null,
      modified: stat.mtime.toISOString(),
    });
  }
  entries.sort((a, b) => (a.kind === b.kind ? collateGerman().compare(a.name, b.name) : a.kind === 'dir' ? -1 : 1));
  const parent = path.dirname(directory);
  return { dir: directory, parent: parent === directory ? null : parent, entries };
}
