// XLSX from a data table: numbers stay numbers with thousands separators in the reader's Excel, Stichtage are dates, and the
// columns are wide enough for their longest entry ("Neustadt am Rübenberge" was cut at 10 characters).
import excel from 'exceljs';
import { expect, it } from 'vitest';
import { renderTable } from '../../../electron/node/export/renderFiles';

it('writes numbers with a thousands format and sizes columns by their longest entry', async () => {
  const table = { columns: ['Schlüssel', 'Gebiet', 'Bestand', 'Anteil', 'Stichtag'], rows: [['03241001', 'Hannover', 19742, 12.5, '31.12.2024'], ['03241012', 'Neustadt am Rübenberge', 972, 3.25, '31.02.2024']], notes: ['Quelle: Test, Stichtag 31.12.2024'] };
  const workbook = new excel.Workbook();
  // exceljs types its input as an older Buffer; the bytes are the same.
  await workbook.xlsx.load((await renderTable(table, 'xlsx', 'Bilanz', 'de')) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.getWorksheet('Bilanz')!;
  expect(sheet.getCell('C2').value).toBe(19742);
  expect(sheet.getCell('C2').numFmt).toBe('#,##0');
  expect(sheet.getCell('D3').value).toBe(3.25);
  expect(sheet.getCell('D3').numFmt).toBe('#,##0.0###');
  // Keys stay text (leading zero), without a number format.
  expect(sheet.getCell('A2').value).toBe('03241001');
  expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual('Neustadt am Rübenberge'.length);
  expect(sheet.getColumn(1).width).toBe('Schlüssel'.length + 2);
  // A Stichtag is a date a planner can sort by; a day that does not exist stays the text it was.
  expect(sheet.getCell('E2').value).toEqual(new Date(Date.UTC(2024, 11, 31)));
  expect(sheet.getCell('E2').numFmt).toBe('dd.mm.yyyy');
  expect(sheet.getCell('E3').value).toBe('31.02.2024');
  expect(sheet.getCell('A5').value).toBe('Quelle: Test, Stichtag 31.12.2024');
});

it('writes CSV for the reader\'s spreadsheet: German ";" and decimal comma, English "," and decimal point', async () => {
  const table = { columns: ['Key', 'Area', 'Share'], rows: [['03241012', 'Neustadt a. Rbge., Stadt', -12.5], ['03241001', 'Hannover', 1234567]], notes: ['Source: test'] };
  const german = (await renderTable(table, 'csv', 'Tabelle', 'de')).toString('utf8');
  expect(german).toBe('\uFEFFKey;Area;Share\r\n03241012;Neustadt a. Rbge., Stadt;-12,5\r\n03241001;Hannover;1234567\r\n\r\nSource: test\r\n');
  const english = (await renderTable(table, 'csv', 'Table', 'en')).toString('utf8');
  // The comma inside a name is quoted, so the columns stay where they are.
  expect(english).toBe('\uFEFFKey,Area,Share\r\n03241012,"Neustadt a. Rbge., Stadt",-12.5\r\n03241001,Hannover,1234567\r\n\r\nSource: test\r\n');
});
