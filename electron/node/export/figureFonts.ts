/**
 * The font files shipped in assets/fonts (Source Sans 3, SIL Open Font License), found relative to this
 * module so they are used in a checkout, in tests and in the packaged app alike — never the machine's
 * own fonts, so SVG, PNG and PDF look the same everywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FigureFontFiles {
  regular: string;
  semibold: string;
  italic: string;
}

function candidateFolders(): string[] {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // Source layout (electron/node/export) and bundled layouts (build/electron, app.asar.unpacked).
  return [path.resolve(here, '../../../assets/fonts'), path.resolve(here, '../assets/fonts'), path.resolve(here, '../../assets/fonts'), path.resolve(process.cwd(), 'assets/fonts')];
}

let cached: FigureFontFiles | null = null;

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
  throw new Error('The figure fonts (assets/fonts/SourceSans3-*.ttf) are missing from the installation.');
}
