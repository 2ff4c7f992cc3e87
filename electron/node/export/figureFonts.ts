/**
 * The font files shipped in assets/fonts (Source Sans 3, SIL Open Font License), so SVG, PNG and PDF look
 * the same everywhere — never the machine's own fonts.
 *
 * Where they are: in a checkout and in tests, relative to this module (or the working directory); in the
 * packaged app, electron-builder copies them to `<resources>/fonts` (electron-builder.yml
 * `extraResources`), and the Electron main process says so with `setFigureFontFolder` — this module
 * never imports 'electron', so the same code runs in the CLI, the tests and behind browser mode.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FigureFontFiles {
  regular: string;
  semibold: string;
  italic: string;
}

/** Folder name of the fonts inside the packaged app's resources (electron-builder.yml `extraResources.to`). */
export const PACKAGED_FONT_FOLDER = 'fonts';

let configuredFolder: string | null = null;
let cached: FigureFontFiles | null = null;

/**
 * Tells the lookup where the installation keeps the fonts; it is tried before every other place.
 * @example setFigureFontFolder(path.join(process.resourcesPath, PACKAGED_FONT_FOLDER)) // in electron/main
 */
export function setFigureFontFolder(folder: string): void {
  configuredFolder = folder;
  cached = null;
}

function moduleFolder(): string | null {
  // In the esbuild CJS bundle of the Electron main process import.meta is empty; the configured folder
  // (or the working directory) then has to do.
  const moduleUrl: unknown = import.meta.url;
  return typeof moduleUrl === 'string' ? path.dirname(fileURLToPath(moduleUrl)) : null;
}

function candidateFolders(): string[] {
  const here = moduleFolder();
  // Source layout (electron/node/export) and bundled layouts (build/electron, app.asar.unpacked).
  const besideModule = here ? [path.resolve(here, '../../../assets/fonts'), path.resolve(here, '../assets/fonts'), path.resolve(here, '../../assets/fonts')] : [];
  return [...(configuredFolder ? [configuredFolder] : []), ...besideModule, path.resolve(process.cwd(), 'assets/fonts')];
}

/**
 * Absolute paths of the figure fonts.
 * @example figureFontFiles().regular // ".../assets/fonts/SourceSans3-Regular.ttf"
 */
export function figureFontFiles(): FigureFontFiles {
  if (cached) return cached;
  for (const folder of candidateFolders()) {
    const regular = path.join(folder, 'SourceSans3-Regular.ttf');
    if (fs.existsSync(regular)) {
      cached = { regular, semibold: path.join(folder, 'SourceSans3-Semibold.ttf'), italic: path.join(folder, 'SourceSans3-It.ttf') };
      return cached;
    }
  }
  throw new Error(`The figure fonts (SourceSans3-*.ttf) are missing from the installation; looked in: ${candidateFolders().join(', ')}.`);
}
