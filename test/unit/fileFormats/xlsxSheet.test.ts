import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/errors';
import { dateStyleIndices, SheetGridReader, sharedStrings, workbookSheets } from '../../../shared/fileFormats/table/xlsxSheet';

const context = { strings: ['AGS', 'Einwohner', 'Gemeinde'], dateStyles: new Set([1]), date1904: false };

function read(xml: string, limits = {}, chunk = 7): string[][] {
  const reader = new SheetGridReader({ ...context, limits });
  for (let start = 0; start < xml.length; start += chunk) if (!reader.push(xml.slice(start, start + chunk))) break;
  return reader.finish();
}

describe('XLSX sheets read streaming', () => {
  it('reads shared and inline strings, numbers and dates from chunks cut anywhere, and fills merged headers', () => {
    const xml =
      '<worksheet><dimension ref="A1:C3"/><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>Stand </t></is></c><c r="C2" s="1"><v>44926</v></c></row>' +
      '<row r="3"><c r="A3" t="str"><v>03241001</v></c><c r="B3"><v>513291</v></c><c r="C3" t="b"><v>1</v></c></row>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>';
    expect(read(xml)).toEqual([
      ['Einwohner', 'Einwohner', 'Einwohner'],
      ['AGS', 'Stand ', '31.12.2022'],
      ['03241001', '513291', 'wahr'],
    ]);
  });

  it('refuses a sheet beyond the row limit: by its stated range before any row, or while streaming', () => {
    const rows = (count: number) => Array.from({ length: count }, (_, index) => `<row r="${index + 1}"><c r="A${index + 1}"><v>${index}</v></c></row>`).join('');
    expect(() => read(`<worksheet><dimension ref="A1:A3000000"/><sheetData>${rows(2)}</sheetData></worksheet>`, { maxRows: 100 })).toThrow(/3.000.000 Zeilen|3,000,000 rows/);
    const streamed = (() => {
      try {
        read(`<worksheet><sheetData>${rows(50)}</sheetData></worksheet>`, { maxRows: 20 });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(streamed).toBeInstanceOf(UserError);
    expect((streamed as UserError).text.en).toMatch(/more than 20 rows/);
  });

  it('refuses columns and cells beyond the limits', () => {
    expect(() => read('<worksheet><sheetData><row r="1"><c r="ZZ1"><v>1</v></c></row></sheetData></worksheet>', { maxColumns: 100 })).toThrow(UserError);
    const cells = Array.from({ length: 30 }, (_, index) => `<c r="${String.fromCharCode(65 + (index % 26))}${Math.floor(index / 26) + 1}"><v>1</v></c>`);
    expect(() => read(`<worksheet><sheetData><row r="1">${cells.slice(0, 26).join('')}</row><row r="2">${cells.slice(26).join('')}</row></sheetData></worksheet>`, { maxCells: 20 })).toThrow(UserError);
  });

  it('finds sheets, shared strings with rich text and date styles', () => {
    expect(
      workbookSheets(
        '<workbook><sheets><sheet name="Gemeinden &amp; Kreise" sheetId="1" r:id="rId1"/></sheets></workbook>',
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    ).toEqual([{ name: 'Gemeinden & Kreise', path: 'xl/worksheets/sheet1.xml' }]);
    expect(sharedStrings('<sst><si><t>A</t></si><si><r><t>Be</t></r><r><t>völkerung</t></r></si><si/></sst>')).toEqual(['A', 'Bevölkerung', '']);
    expect([...dateStyleIndices('<numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="3"/></cellXfs>')]).toEqual([1, 2]);
  });
});
