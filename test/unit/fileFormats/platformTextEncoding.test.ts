/**
 * The `shapefile` package decodes .dbf text with the TextDecoder of its `text-encoding` dependency: the
 * polyfill when run from source, Node's own TextDecoder in the prebuilt bundles (alias to
 * electron/node/import/platformTextEncoding.cjs). The two differ (Node decodes windows-1252 bytes
 * 0x80–0x9F as Latin-1 and orders three IBM866 control bytes differently), so Kleinraum's re-decoding of
 * the package's text (readShapefile.ts) must take its byte table from the very decoder the package used,
 * or characters such as „ “ – € became "?". These cases run from source (the polyfill);
 * test/integration/cli/shapefileText.test.ts runs the same through the prebuilt CLI (Node's decoder).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readShapefile } from '../../../electron/node/import/readShapefile';
import { decodeText, type TextEncoding } from '../../../shared/fileFormats/text/decode';
import { pointShp, textDbf, UTM32_PRJ } from '../../integration/planning/pointShapefile';

const require = createRequire(import.meta.url);
const polyfill = require('text-encoding') as { TextDecoder: typeof TextDecoder };
const platform = require('../../../electron/node/import/platformTextEncoding.cjs') as { TextDecoder: typeof TextDecoder };

const everyByte = Uint8Array.from({ length: 256 }, (_, byte) => byte);

/** A one-point shapefile whose NAME field holds `bytes` (e.g. windows-1252 text). */
function shapefileWithName(bytes: readonly number[]) {
  const rows = [{ x: 550_000, y: 5_804_000, fields: { NAME: 'x'.repeat(bytes.length) } }];
  const dbf = textDbf(rows, ['NAME']);
  const headerLength = 32 + 32 + 1;
  dbf.set(bytes, headerLength + 1);
  const members: Record<string, Uint8Array> = { '.shp': pointShp(rows), '.dbf': dbf, '.prj': new TextEncoder().encode(UTM32_PRJ) };
  return (extension: string) => members[extension] ?? null;
}

describe('shapefile text through either TextDecoder', () => {
  it.each(['windows-1252', 'ibm866'])('both decoders give %s 256 distinct characters (a lossless carrier)', (encoding) => {
    for (const Decoder of [polyfill.TextDecoder, platform.TextDecoder]) expect(new Set(new Decoder(encoding).decode(everyByte)).size).toBe(256);
  });

  it('keeps windows-1252 quotes, dash and euro sign of a .dbf', async () => {
    // „Nord“ – 5 €
    const bytes = [0x84, 0x4e, 0x6f, 0x72, 0x64, 0x93, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80];
    const read = await readShapefile(shapefileWithName(bytes), 'orte', 'windows-1252');
    expect(read.features[0]?.properties['NAME']).toBe('„Nord“ – 5 €');
  });

  it.each(['windows-1252', 'iso-8859-1', 'cp850', 'utf-8'] as TextEncoding[])('reads every byte of a %s text field as the project decodes that encoding', async (encoding) => {
    // 32 bytes at a time, between two letters, so the package's trim of the field cannot take any away.
    for (let first = 0x20; first < 0x100; first += 32) {
      const bytes = [0x41, ...Array.from({ length: 32 }, (_, index) => first + index), 0x5a];
      const read = await readShapefile(shapefileWithName(bytes), 'orte', encoding);
      // UTF-8 and windows-1252 against the package's own polyfill (what was read before); CP850 and Latin-1,
      // which the polyfill does not know as such, against the project's tables.
      const expected = encoding === 'utf-8' || encoding === 'windows-1252' ? new polyfill.TextDecoder(encoding).decode(Uint8Array.from(bytes)) : decodeText(Uint8Array.from(bytes), encoding);
      expect(read.features[0]?.properties['NAME'], `bytes 0x${first.toString(16)}–0x${(first + 31).toString(16)}`).toBe(expected);
    }
  });

  it('keeps CP850 umlauts of a .dbf', async () => {
    // Größe Ü
    const read = await readShapefile(shapefileWithName([0x47, 0x72, 0x94, 0xe1, 0x65, 0x20, 0x9a]), 'orte', 'cp850');
    expect(read.features[0]?.properties['NAME']).toBe('Größe Ü');
  });
});
