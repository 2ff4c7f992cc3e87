import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deliver } from '../../../electron/node/export/deliverFile';
import { safeFileName, fileNameFromPattern, uniqueFileName } from '../../../shared/export/fileNamePattern';
import { csvCell } from '../../../shared/format/csv';
import { dataTableCsv } from '../../../shared/export/dataTable';

describe('CSV cells are safe to open in a spreadsheet', () => {
  it.each(['=1+1', '+491234', '-2+3', '@SUM(A1:A9)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://example.invalid","x")'])('neutralises text starting a formula: %s', (text) => {
    const cell = csvCell(text);
    expect(cell.replace(/^"/, '')).toMatch(/^'/);
  });

  it('keeps numbers as numbers, plain text as it is, and quotes delimiters and quotes', () => {
    expect(csvCell(-3.5, { numberText: '-3,5' })).toBe('-3,5');
    expect(csvCell('Hannover')).toBe('Hannover');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('Sage "Hallo"')).toBe('"Sage ""Hallo"""');
    expect(csvCell(null)).toBe('');
  });

  it('the profile CSV export neutralises an area name taken over from an imported file', () => {
    const csv = dataTableCsv({ columns: ['Gebiet', 'Anteil'], rows: [['=HYPERLINK("x")', -0.5], ['Hannover', 12]], notes: [] });
    expect(csv).toContain('"\'=HYPERLINK(""x"")";-0,5');
    expect(csv).toContain('Hannover;12');
  });
});

describe('file names', () => {
  it('fill each placeholder once, with the indicator by name and {id} by id', () => {
    const fields = { indicator: 'Schutzsuchende je 1.000 Einwohner', id: 'refugees_per_1000', period: '2024-12-31', area: 'Neustadt a. Rbge.', key: '03241012', number: 3, total: 21 };
    expect(fileNameFromPattern('{n}_{indicator}_{period}_{key}_{area}', fields)).toBe('03_Schutzsuchende je 1.000 Einwohner_2024-12-31_03241012_Neustadt a. Rbge');
    expect(fileNameFromPattern('{id}_{period}', fields)).toBe('refugees_per_1000_2024-12-31');
    // A name that reads like a placeholder is not filled again; a slash in a name cannot make a folder.
    expect(fileNameFromPattern('{area}_{key}', { ...fields, area: '{key}/Nord' })).toBe('{key}-Nord_03241012');
    // The quotation marks around a Bezugsgröße are left out; an English apostrophe stays.
    expect(fileNameFromPattern('{indicator}_{period}', { ...fields, indicator: 'Bevölkerung in % von „Schutzsuchende“' })).toBe('Bevölkerung in % von Schutzsuchende_2024-12-31');
    expect(fileNameFromPattern('{indicator}', { ...fields, indicator: 'Women’s share' })).toBe('Women’s share');
  });

  it('say what derived names and English dates hold in characters a file name can have', () => {
    const fields = { indicator: 'Share of foreign nationals: change since 31/12/2019', period: '2024-12-31', number: 1, total: 1 };
    expect(fileNameFromPattern('{indicator}_{period}', fields)).toBe('Share of foreign nationals – change since 31-12-2019_2024-12-31');
    expect(fileNameFromPattern('{indicator}_{period}', { ...fields, indicator: 'Kinder in % von "Einwohner"' })).toBe('Kinder in % von Einwohner_2024-12-31');
    // A ratio stays a ratio (the ratio sign), not a range: "Lücke Stellen (Projektion Sozialarbeit 1:50)".
    expect(fileNameFromPattern('{indicator}', { ...fields, indicator: 'Lücke (Sozialarbeit 1:50)' })).toBe('Lücke (Sozialarbeit 1\u223650)');
    // No Stichtag known: no dangling separator.
    expect(fileNameFromPattern('{indicator}_{period}', { ...fields, indicator: 'Ausländeranteil', period: '' })).toBe('Ausländeranteil');
  });

  it('stay within what file systems allow, cut at a whole character', () => {
    const name = fileNameFromPattern('{indicator}', { indicator: 'Ü'.repeat(300), period: '', number: 1, total: 1 });
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200);
    expect(name).toBe('Ü'.repeat(100));
  });

  it('are made unique within a series, in any letter case', () => {
    const taken = new Set<string>();
    expect(['Wedemark', 'wedemark', 'Wedemark', 'Burgdorf'].map((name) => uniqueFileName(name, 'pdf', taken))).toEqual(['Wedemark.pdf', 'wedemark_2.pdf', 'Wedemark_3.pdf', 'Burgdorf.pdf']);
  });

  it('lose bidirectional controls, so the name shown is the name it has', () => {
    expect(safeFileName('rechnung\u202efdp.exe')).toBe('rechnungfdp.exe');
    expect(safeFileName('a\u2066b\u2069c\u200fd')).toBe('abcd');
    expect(fileNameFromPattern('{area}', { indicator: 'x', period: '2024-12-31', area: 'Hann\u202eover', number: 1, total: 1 })).toBe('Hannover');
  });

  it('lose them also when an export is written to a given path', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-bidi-'));
    try {
      const written = deliver(Buffer.from('<svg/>'), 'karte.svg', 'svg', path.join(folder, 'karte\u202egnp.svg'));
      expect(written.path).toBe(path.join(folder, 'kartegnp.svg'));
      expect(fs.readdirSync(folder)).toEqual(['kartegnp.svg']);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
