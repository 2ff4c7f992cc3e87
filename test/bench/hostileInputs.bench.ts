/**
 * The scaled cases of issue 17's hostile inputs, too big for `npm test` (the suite there builds them small
 * with the same structure): a polygon of 1 000 000 vertices validated, a zip bomb of 512 MiB zeros, a
 * spreadsheet of 1 200 000 rows (refused at the row limit while streaming, or at once by its stated range), a CSV of 100 000 columns and one
 * of 1 100 000 rows. Each figure is the wall time and the growth of the process's resident memory (RSS),
 * so a regression to full inflation or a quadratic check shows as seconds and gigabytes.
 * Run with `npm run bench -- hostile-inputs`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { UserError } from '../../shared/contract/errors';
import { validateAreaGeometry } from '../../shared/geo/validity';
import { readBoundaries } from '../../electron/node/import/readBoundaries';
import { readTableFile } from '../../electron/node/import/readTable';

async function measure(run: () => unknown): Promise<{ milliseconds: number; cpuMilliseconds: number; rssGrowthMegabytes: number; refused: number }> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let refused = 0;
  try {
    await run();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    refused = 1;
  }
  const milliseconds = Math.round(performance.now() - started);
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { milliseconds, cpuMilliseconds: Math.round((cpu.user + cpu.system) / 1000), rssGrowthMegabytes: Math.round((peak - rssBefore) / 1024 / 1024), refused };
}

function wavyRing(vertices: number): number[][] {
  const ring: number[][] = [];
  for (let index = 0; index < vertices; index += 1) {
    const angle = (index / vertices) * 2 * Math.PI;
    const radius = 0.1 + 0.002 * Math.sin(angle * 2000);
    ring.push([9.73 + radius * Math.cos(angle), 52.37 + radius * 0.6 * Math.sin(angle)]);
  }
  ring.push(ring[0]!);
  return ring;
}

function worksheetXml(rows: number, withDimension: boolean): Uint8Array {
  const dimension = withDimension ? `<dimension ref="A1:B${rows}"/>` : '';
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension}<sheetData>`];
  for (let row = 1; row <= rows; row += 1) parts.push(`<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>0324100${row % 10}</t></is></c><c r="B${row}"><v>${row}</v></c></row>`);
  parts.push('</sheetData></worksheet>');
  return new TextEncoder().encode(parts.join(''));
}

function workbook(rows: number, withDimension: boolean): Uint8Array {
  const text = (value: string) => new TextEncoder().encode(value);
  return zipSync(
    {
      '[Content_Types].xml': text('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'xl/workbook.xml': text('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Daten" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': text('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': worksheetXml(rows, withDimension),
    },
    { level: 1 },
  );
}

export default {
  name: 'hostile-inputs',
  async run(): Promise<Record<string, number>> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-hostile-bench-'));
    const results: Record<string, number> = {};
    const record = (name: string, figures: Awaited<ReturnType<typeof measure>>) => {
      results[`${name}Ms`] = figures.milliseconds;
      results[`${name}CpuMs`] = figures.cpuMilliseconds;
      results[`${name}RssGrowthMb`] = figures.rssGrowthMegabytes;
      results[`${name}Refused`] = figures.refused;
    };
    try {
      const ring = wavyRing(1_000_000);
      record('polygon1e6Validate', await measure(() => validateAreaGeometry('03241001', { type: 'Polygon', coordinates: [ring] })));

      const bombFile = path.join(folder, 'bombe.zip');
      fs.writeFileSync(bombFile, zipSync({ 'grenzen.shp': new Uint8Array(512 * 1024 * 1024), 'grenzen.dbf': new Uint8Array(100), 'grenzen.prj': new Uint8Array(10) }, { level: 1 }));
      record('zipBomb512Mib', await measure(() => readBoundaries(bombFile)));

      // Without the <dimension> element Excel writes, the rows are streamed until the limit; with it, refused at once.
      const xlsxFile = path.join(folder, 'zeilen.xlsx');
      fs.writeFileSync(xlsxFile, workbook(1_200_000, false));
      results.xlsxBytes = fs.statSync(xlsxFile).size;
      record('xlsx1200kRowsStreamed', await measure(() => readTableFile(xlsxFile)));
      fs.writeFileSync(xlsxFile, workbook(1_200_000, true));
      record('xlsx1200kRowsWithDimension', await measure(() => readTableFile(xlsxFile)));

      const wideFile = path.join(folder, 'breit.csv');
      fs.writeFileSync(wideFile, `AGS;${Array.from({ length: 100_000 }, (_, index) => `M${index}`).join(';')}\n03241001;${'1;'.repeat(99_999)}1\n`);
      record('csv100kColumns', await measure(() => readTableFile(wideFile)));

      const longFile = path.join(folder, 'lang.csv');
      const lines = ['AGS;Name;Wert'];
      for (let row = 0; row < 1_100_000; row += 1) lines.push(`0324100${row % 10};Gemeinde;${row}`);
      fs.writeFileSync(longFile, lines.join('\n'));
      record('csv1100kRows', await measure(() => readTableFile(longFile)));
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    return results;
  },
};
