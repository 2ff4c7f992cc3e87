/**
 * Writes shared/export/fontMetrics.ts: the advance widths of the shipped font (assets/fonts, Source Sans 3)
 * for the characters figures use, so the pure layout code can measure and wrap text exactly as resvg and
 * pdfkit will set it, without reading a font file. Run after changing the font:
 * `node --import tsx electron/node/export/writeFontMetrics.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const characters: string[] = [];
for (let code = 0x20; code <= 0x7e; code++) characters.push(String.fromCharCode(code));
for (let code = 0xa0; code <= 0x17f; code++) characters.push(String.fromCharCode(code));
characters.push(...'–—‚„“”‘’…•→←↑²³·×≥≤€−'.split(''));

function widthsOf(fileName: string): Record<string, number> {
  const font = fontkit.openSync(path.join(repositoryRoot, 'assets/fonts', fileName)) as unknown as {
    unitsPerEm: number;
    glyphForCodePoint(codePoint: number): { advanceWidth: number; id: number };
  };
  const widths: Record<string, number> = {};
  for (const character of characters) {
    const glyph = font.glyphForCodePoint(character.codePointAt(0) as number);
    if (glyph.id === 0) continue;
    widths[character] = Math.round((glyph.advanceWidth / font.unitsPerEm) * 1000);
  }
  return widths;
}

const regular = widthsOf('SourceSans3-Regular.ttf');
const semibold = widthsOf('SourceSans3-Semibold.ttf');
const text = `/**
 * Advance widths of Source Sans 3 (assets/fonts), in thousandths of the font size, per character. Generated
 * by electron/node/export/writeFontMetrics.ts; do not edit by hand. Characters missing here are measured
 * with the average width.
 */
export const REGULAR_ADVANCE_WIDTHS: Readonly<Record<string, number>> = ${JSON.stringify(regular)};

export const SEMIBOLD_ADVANCE_WIDTHS: Readonly<Record<string, number>> = ${JSON.stringify(semibold)};
`;
fs.writeFileSync(path.join(repositoryRoot, 'shared/export/fontMetrics.ts'), text);
console.log(`${Object.keys(regular).length} regular, ${Object.keys(semibold).length} semibold widths written`);
