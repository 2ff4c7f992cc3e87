/**
 * The prebuilt CLI reads .dbf text with Node's TextDecoder (the bundles alias the shapefile package's
 * `text-encoding` polyfill to electron/node/import/platformTextEncoding.cjs), while tests run from source
 * with the polyfill. This runs the shipped configuration end to end: windows-1252 quotes, dash and euro
 * sign and CP850 umlauts of a boundary shapefile arrive unchanged in the project file.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/node/storage/openDatabase';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { writeShapefile } from '../hostile/shapefileWriter';
import { runKleinraum } from './runKleinraum';

let directory: TempDir;
beforeAll(() => {
  directory = makeTempDir('kleinraum-cli-shapefile-text-');
});
afterAll(() => directory.remove());

// Clockwise squares (shapefile shells) around Hannover, in UTM 32N.
const square = (x: number) => ({ type: 'Polygon' as const, coordinates: [[[x, 5_800_000], [x, 5_801_000], [x + 1_000, 5_801_000], [x + 1_000, 5_800_000], [x, 5_800_000]]] });
const UTM32_PRJ = 'PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** Writes a two-area boundary shapefile whose names are encoded byte by byte with `bytesOf`. */
function writeBoundaries(name: string, names: [string, string], bytesOf: (text: string) => Uint8Array): string {
  const fields = [
    { name: 'AGS', type: 'C' as const, length: 8 },
    { name: 'GEN', type: 'C' as const, length: 40 },
  ];
  const files = writeShapefile(5, fields, [
    { geometry: square(550_000), properties: { AGS: '03241001', GEN: names[0] } },
    { geometry: square(552_000), properties: { AGS: '03241002', GEN: names[1] } },
  ], bytesOf);
  const base = directory.file(name);
  fs.writeFileSync(`${base}.shp`, files.shp);
  fs.writeFileSync(`${base}.shx`, files.shx);
  fs.writeFileSync(`${base}.dbf`, files.dbf);
  fs.writeFileSync(`${base}.prj`, UTM32_PRJ);
  return `${base}.shp`;
}

/** Single-byte encoding of `text` by a table from character to byte (ASCII passes through). */
const singleByte = (table: Record<string, number>) => (text: string) => Uint8Array.from(text, (character) => table[character] ?? character.charCodeAt(0));

async function importedNames(shapefile: string, encoding: string): Promise<string[]> {
  const project = directory.file(`${encoding}.gpkg`);
  const run = await runKleinraum(['import', project, shapefile, '--encoding', encoding, '--json'], directory.file('data'));
  expect(run.exitCode, run.stderr).toBe(0);
  const db = openDatabase(project, { readonly: true });
  try {
    const table = (db.prepare('SELECT table_name FROM kleinraum_layers').pluck().get() as string).replaceAll('"', '""');
    return db.prepare(`SELECT name FROM "${table}" ORDER BY key`).pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('shapefile text through the prebuilt CLI', () => {
  it('keeps windows-1252 quotes, dash and euro sign', async () => {
    const windows1252 = singleByte({ '„': 0x84, '“': 0x93, '–': 0x96, '€': 0x80, ü: 0xfc, ß: 0xdf });
    const names: [string, string] = ['„Nord“ – 5 €', 'Süßstadt'];
    expect(await importedNames(writeBoundaries('orte1252', names, windows1252), 'windows-1252')).toEqual(names);
  }, 60_000);

  it('keeps CP850 umlauts', async () => {
    const cp850 = singleByte({ ö: 0x94, ß: 0xe1, Ü: 0x9a, ä: 0x84 });
    const names: [string, string] = ['Größe Ü', 'Hänsel'];
    expect(await importedNames(writeBoundaries('orte850', names, cp850), 'cp850')).toEqual(names);
  }, 60_000);
});
