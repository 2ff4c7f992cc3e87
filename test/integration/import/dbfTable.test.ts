/**
 * A dBASE table (.dbf) read as a statistics table: columns in the table's field order (also for fields
 * named like years, which an object would list first), numbers only from number fields, text in the
 * table's encoding, and a clear refusal of two fields with one name.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../../electron/node/import/readTable';
import { makeTempDir } from '../../helpers/tempDir';
import { writeShapefile, type DbfFieldSpec } from '../hostile/shapefileWriter';

const windows1252 = (text: string) => Uint8Array.from(text, (character) => (character === 'ü' ? 0xfc : character === 'ö' ? 0xf6 : character.charCodeAt(0)));

function writeDbf(fields: DbfFieldSpec[], rows: Record<string, string>[], encode?: (text: string) => Uint8Array): { file: string; remove: () => void } {
  const folder = makeTempDir('kleinraum-dbf-table-');
  const file = folder.file('tabelle.dbf');
  fs.writeFileSync(file, writeShapefile(5, fields, rows.map((properties) => ({ geometry: null, properties })), encode).dbf);
  return { file, remove: () => folder.remove() };
}

describe('a .dbf read as a table', () => {
  it('keeps the field order, reads year-named number fields as values and text fields as text', async () => {
    const { file, remove } = writeDbf(
      [
        { name: 'AGS', type: 'C', length: 8 },
        { name: 'GEN', type: 'C', length: 30 },
        { name: '2016', type: 'N', length: 10 },
        { name: '2017', type: 'N', length: 10 },
        { name: 'SN_L', type: 'C', length: 2 },
      ],
      [
        { AGS: '03241001', GEN: 'Hannover', '2016': '532163', '2017': '535061', SN_L: '03' },
        { AGS: '03241002', GEN: 'Barsinghausen', '2016': '33608', '2017': '33719', SN_L: '03' },
      ],
    );
    try {
      const table = await readTableFile(file);
      expect(table.columns.map((column) => column.label)).toEqual(['AGS', 'GEN', '2016', '2017', 'SN_L']);
      expect(table.columns.map((column) => column.kind)).toEqual(['key', 'name', 'number', 'number', 'text']);
      expect(table.rows[0]!.cells).toEqual(['03241001', 'Hannover', '532163', '535061', '03']);
      expect(table.rows[1]!.values[3]?.value).toBe(33719);
    } finally {
      remove();
    }
  });

  it('decodes names in the table\'s encoding', async () => {
    const { file, remove } = writeDbf(
      [
        { name: 'AGS', type: 'C', length: 8 },
        { name: 'GEN', type: 'C', length: 30 },
        { name: 'EWZ', type: 'N', length: 10 },
      ],
      [
        { AGS: '03241012', GEN: 'Neustadt am Rübenberge', EWZ: '44512' },
        { AGS: '03241019', GEN: 'Wedemark', EWZ: '29510' },
        { AGS: '03241007', GEN: 'Hemmingen', EWZ: '19360' },
      ],
      windows1252,
    );
    try {
      const table = await readTableFile(file, { encoding: 'windows-1252' });
      expect(table.rows[0]!.cells[1]).toBe('Neustadt am Rübenberge');
    } finally {
      remove();
    }
  });

  it('refuses two fields of one name, which it could not tell apart', async () => {
    const { file, remove } = writeDbf(
      [
        { name: 'AGS', type: 'C', length: 8 },
        { name: 'EWZ', type: 'N', length: 10 },
        { name: 'EWZ', type: 'N', length: 10 },
      ],
      [{ AGS: '03241001', EWZ: '1' }],
    );
    try {
      await expect(readTableFile(file)).rejects.toThrow(/Two fields in tabelle\.dbf are named "EWZ"/);
    } finally {
      remove();
    }
  });
});
