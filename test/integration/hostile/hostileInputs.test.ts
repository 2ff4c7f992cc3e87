/**
 * The hostile-input suite of issue 17: every case of the generated corpus (corpus.ts) goes through the real
 * `kleinraum import` / `info` code (the CLI's runCli in this process, which calls the services through the
 * contract like the app), and a sample through the CLI as a child process. For each case: no crash, no hang,
 * no internal-error message, no stack trace, the project unchanged after a refusal (SHA-256), and after a
 * successful import every record read accounted for (used, or skipped with a reason).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/node/cli/main';
import { encodeGeoPackageGeometry } from '../../../electron/node/storage/geopackageBinary';
import { cliEntryPoint } from '../../helpers/cli';
import { findOnPath } from '../../helpers/externalTools';
import { repoRoot } from '../../helpers/repoRoot';
import { makeTempDir } from '../../helpers/tempDir';
import { csvText, FIELDS, hostileCorpus, loadRealData, records, type Expectation, type HostileCase } from './corpus';
import { writeShapefile } from './shapefileWriter';

const CASE_TIMEOUT_MS = 20_000;
const STACK_TRACE = /\n\s+at .+[:(]\d+:\d+\)?/;
const INTERNAL = /Interner Fehler|Internal error|internal error/;
const ADVICE = { de: /bitte|wählen|prüfen|angeben|--[a-z]|öffnen|speichern|entpacken|aktualisieren/i, en: /please|choose|check|give|--[a-z]|open|save|unpack|update/i };

const workDir = makeTempDir('kleinraum-hostile-');
afterAll(() => workDir.remove());

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

async function kleinraum(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const streams = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } };
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: kleinraum ${args.join(' ')} did not finish in ${CASE_TIMEOUT_MS} ms`)), CASE_TIMEOUT_MS);
  });
  try {
    const exitCode = await Promise.race([runCli(args, { LANG: 'de_DE.UTF-8' }, streams), hang]);
    return { exitCode, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}

// ---- the corpus's inputs, built once from the real data ----
const real = await loadRealData();
const dataDir = workDir.file('data');
const scratch = workDir.file('scratch');
fs.mkdirSync(scratch, { recursive: true });

/** The base project: a new project with the 21 municipalities imported (what a planner has before a table). */
const baseProject = workDir.file('base.gpkg');
{
  const valid = writeShapefile(5, FIELDS, records(real));
  const folder = workDir.file('base-input');
  fs.mkdirSync(folder);
  for (const [extension, bytes] of Object.entries({ shp: valid.shp, shx: valid.shx, dbf: valid.dbf, prj: real.prj })) fs.writeFileSync(path.join(folder, `basis.${extension}`), bytes);
  const created = await kleinraum(['import', baseProject, path.join(folder, 'basis.shp'), '--json', '--data-dir', dataDir]);
  if (created.exitCode !== 0) throw new Error(`base project: ${created.stderr}`);
}

function brokenProjects(): Record<string, { bytes: Uint8Array; info: Expectation; importTable: Expectation }> {
  const variant = (change: (db: Database.Database) => void) => {
    const file = path.join(scratch, `project-${Math.random().toString(36).slice(2)}.gpkg`);
    fs.copyFileSync(baseProject, file);
    const db = new Database(file);
    change(db);
    db.close();
    return new Uint8Array(fs.readFileSync(file));
  };
  const base = new Uint8Array(fs.readFileSync(baseProject));
  const count = real.municipalities.length;
  const refused = (bytes: Uint8Array, message?: RegExp) => ({ bytes, info: { outcome: 'refused' as const, message }, importTable: { outcome: 'refused' as const, message } });
  const setVersion = (value: string) => (db: Database.Database) => db.prepare("UPDATE kleinraum_meta SET value = ? WHERE key = 'schema_version'").run(value);
  return {
    'schema-version-text': refused(variant(setVersion('drei')), /schema version/),
    'schema-version-negative': refused(variant(setVersion('-1')), /schema version/),
    'schema-version-float': refused(variant(setVersion('2.5')), /schema version/),
    'schema-version-newer': refused(variant(setVersion('999')), /newer Kleinraum/),
    'schema-version-missing': refused(variant((db) => db.exec("DELETE FROM kleinraum_meta WHERE key = 'schema_version'")), /schema version/),
    'no-meta-table': refused(variant((db) => db.exec("DROP TABLE kleinraum_meta; DELETE FROM gpkg_contents WHERE table_name = 'kleinraum_meta'")), /not a Kleinraum project|damaged/),
    'layer-table-missing': refused(variant((db) => db.exec('DROP TABLE basis')), /basis/),
    'layer-columns-renamed': refused(variant((db) => db.exec('ALTER TABLE basis RENAME COLUMN key TO schluessel')), /basis/),
    // Kleinraum's own registration rows are restored in the working copy: GDAL and QGIS find the layer again after saving.
    'no-geometry-columns-row': { bytes: variant((db) => db.exec('DELETE FROM gpkg_geometry_columns')), info: { outcome: 'opened', layers: 1 }, importTable: { outcome: 'imported', records: count } },
    'bad-geometry-blob': { bytes: variant((db) => db.prepare('UPDATE basis SET geom = ? WHERE fid = 3').run(Buffer.from('GP\u0000\u0003broken blob'))), info: { outcome: 'opened', layers: 1 }, importTable: { outcome: 'refused', message: /row 3|damaged/ } },
    'geometry-not-gp': { bytes: variant((db) => db.prepare('UPDATE basis SET geom = ?').run(Buffer.from('not a geometry at all'))), info: { outcome: 'opened', layers: 1 }, importTable: { outcome: 'refused', message: /damaged/ } },
    'truncated-10': refused(base.slice(0, Math.floor(base.length * 0.1))),
    'truncated-50': refused(base.slice(0, Math.floor(base.length * 0.5))),
    'truncated-90': refused(base.slice(0, Math.floor(base.length * 0.9))),
    'header-only': refused(base.slice(0, 100)),
    'zero-bytes': refused(new Uint8Array(0)),
    'random-bytes': refused(Uint8Array.from({ length: 8192 }, (_, index) => (index * 2654435761) % 251)),
  };
}

/** A workbook whose sheet states the range `ref` (as Excel writes it) but holds only the header and two rows. */
function statedRangeWorkbook(ref: string): Uint8Array {
  const text = (value: string) => new TextEncoder().encode(value);
  const rows = [['AGS', 'Einwohner'], [real.municipalities[0]!.ags, '1'], [real.municipalities[1]!.ags, '2']]
    .map((cells, row) => `<row r="${row + 1}">${cells.map((cell, column) => `<c r="${'AB'[column]}${row + 1}" t="inlineStr"><is><t>${cell}</t></is></c>`).join('')}</row>`)
    .join('');
  return zipSync({
    '[Content_Types].xml': text('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': text('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Daten" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': text('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': text(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${ref}"/><sheetData>${rows}</sheetData></worksheet>`),
  });
}

async function xlsxCases(): Promise<Record<string, { bytes: Uint8Array; expect: Expectation; args?: string[] }>> {
  const workbook = async (fill: (book: ExcelJS.Workbook) => void) => {
    const book = new ExcelJS.Workbook();
    fill(book);
    return new Uint8Array(await book.xlsx.writeBuffer());
  };
  const rows = (sheet: ExcelJS.Worksheet) => {
    sheet.addRow(['Bevölkerung nach Gemeinden']);
    sheet.addRow(['AGS', 'Gemeinde', 'Einwohner 31.12.2022']);
    for (const municipality of real.municipalities) sheet.addRow([municipality.ags, municipality.name, municipality.population]);
  };
  const count = real.municipalities.length;
  const valid = await workbook((book) => rows(book.addWorksheet('Gemeinden')));
  return {
    valid: { bytes: valid, expect: { outcome: 'imported', records: count } },
    'sheet-empty-name': { bytes: valid, args: ['--sheet', ''], expect: { outcome: 'imported', records: count } },
    'sheet-unknown': { bytes: valid, args: ['--sheet', 'Kreise'], expect: { outcome: 'refused', message: /Gemeinden/ } },
    'second-sheet': { bytes: await workbook((book) => (book.addWorksheet('Leer'), rows(book.addWorksheet('Daten')))), expect: { outcome: 'imported', records: count } },
    'empty-workbook': { bytes: await workbook((book) => book.addWorksheet('Leer')), expect: { outcome: 'refused', message: /No sheet .* holds a table/ } },
    'header-only': { bytes: await workbook((book) => book.addWorksheet('Kopf').addRow(['AGS', 'Gemeinde', 'Einwohner'])), expect: { outcome: 'refused', message: /no data rows|only a header|holds a table/ } },
    'formula-values': {
      bytes: await workbook((book) => {
        const sheet = book.addWorksheet('Formeln');
        rows(sheet);
        sheet.getCell('C5').value = { formula: 'C3+C4' } as ExcelJS.CellFormulaValue;
      }),
      expect: { outcome: 'imported', records: count },
    },
    'csv-renamed': { bytes: new TextEncoder().encode(csvText(real)), expect: { outcome: 'refused', message: /not a readable Excel/ } },
    'zip-without-workbook': { bytes: zipSync({ 'hallo.txt': new TextEncoder().encode('hallo') }), expect: { outcome: 'refused', message: /not a readable Excel/ } },
    'old-xls-or-encrypted': { bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), expect: { outcome: 'refused', message: /password|\.xls/ } },
    'zero-bytes': { bytes: new Uint8Array(0), expect: { outcome: 'refused', message: /not a readable Excel|empty/ } },
    // The 3-million-row sheet of the audit, small: its stated range (<dimension>) is refused before any row is read.
    'stated-range-3-million-rows': { bytes: statedRangeWorkbook('A1:C3000000'), expect: { outcome: 'refused', message: /3,000,000 rows.*export only/ } },
    'stated-range-100000-columns': { bytes: statedRangeWorkbook('A1:EQXD3'), expect: { outcome: 'refused', message: /columns.*export only/ } },
    'truncated': { bytes: valid.slice(0, Math.floor(valid.length / 2)), expect: { outcome: 'refused', message: /not a readable Excel/ } },
  };
}

/** The base project plus a table "gemeinden" laid out as GDAL writes it (feature table, registration, R-tree index). */
const FOREIGN_FEATURES = 3;
function projectWithForeignTable(): Uint8Array {
  const file = path.join(scratch, 'foreign-table.gpkg');
  fs.copyFileSync(baseProject, file);
  const db = new Database(file);
  db.exec(`
    CREATE TABLE gemeinden (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POLYGON, AGS TEXT, GEN TEXT);
    INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id, min_x, min_y, max_x, max_y) VALUES ('gemeinden', 'features', 'gemeinden', 4326, 9.5, 52.2, 10.0, 52.6);
    INSERT INTO gpkg_geometry_columns VALUES ('gemeinden', 'geom', 'POLYGON', 4326, 0, 0);
    CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
    INSERT INTO gpkg_extensions VALUES ('gemeinden', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
    CREATE VIRTUAL TABLE rtree_gemeinden_geom USING rtree(id, minx, maxx, miny, maxy);
  `);
  const insert = db.prepare('INSERT INTO gemeinden (geom, AGS, GEN) VALUES (?, ?, ?)');
  const index = db.prepare('INSERT INTO rtree_gemeinden_geom VALUES (?, ?, ?, ?, ?)');
  for (let feature = 0; feature < FOREIGN_FEATURES; feature += 1) {
    const x = 9.6 + feature * 0.1;
    const square = { type: 'Polygon' as const, coordinates: [[[x, 52.3], [x + 0.05, 52.3], [x + 0.05, 52.35], [x, 52.35], [x, 52.3]]] };
    const fid = insert.run(encodeGeoPackageGeometry(square, 4326), `0324100${feature}`, `Von QGIS ${feature}`).lastInsertRowid;
    index.run(fid, x, x + 0.05, 52.3, 52.35);
  }
  db.close();
  return new Uint8Array(fs.readFileSync(file));
}

const corpus = hostileCorpus({
  foreignTableProject: projectWithForeignTable(),
  real,
  scratch,
  encodeGeometry: (geometry) => new Uint8Array(encodeGeoPackageGeometry(geometry, 31467)),
  brokenProjects: brokenProjects(),
  xlsx: await xlsxCases(),
});

function prepareCase(testCase: HostileCase, index: number): { folder: string; project: string; input: string } {
  const folder = workDir.file(`case-${index}`);
  fs.mkdirSync(folder);
  for (const [name, bytes] of Object.entries(testCase.files)) fs.writeFileSync(path.join(folder, name), bytes);
  const project = path.join(folder, testCase.project ?? 'projekt.gpkg');
  if (!testCase.project) fs.copyFileSync(baseProject, project);
  return { folder, project, input: path.join(folder, testCase.input) };
}

interface RecordAccount {
  read: number;
  used: number;
  skipped: { reason: string; count: number }[];
}

describe('hostile-input corpus', () => {
  it('covers every input class of issue 17 with at least 200 cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(corpus.map((testCase) => testCase.kind))).toEqual(new Set(['shapefile', 'dbf', 'shx', 'encoding', 'geometry', 'zip', 'geojson', 'geopackage', 'csv', 'xlsx', 'project']));
    expect(new Set(corpus.map((testCase) => testCase.id)).size).toBe(corpus.length);
  });

  corpus.forEach((testCase, index) => {
    it(testCase.id, async () => {
      const { project, input } = prepareCase(testCase, index);
      const before = fs.existsSync(project) ? sha256(project) : null;
      const lang = index % 2 === 0 ? 'de' : 'en';
      const args = testCase.command === 'info' ? ['info', input] : ['import', project, input, ...(testCase.args ?? [])];
      const run = await kleinraum([...args, '--json', '--lang', lang, '--data-dir', dataDir]);
      expect(run.stderr).not.toMatch(INTERNAL);
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(run.stdout).not.toMatch(STACK_TRACE);
      if (testCase.expect.outcome === 'refused') {
        expect(run.exitCode, run.stdout).toBe(1);
        const message = run.stderr.trim();
        expect(message).toMatch(lang === 'de' ? /^Fehler: / : /^Error: /);
        expect(message.length).toBeGreaterThan(40);
        expect(message).toMatch(ADVICE[lang]);
        if (testCase.expect.secret) expect(message).not.toContain(testCase.expect.secret);
        if (before !== null) expect(sha256(project), 'the project must be unchanged').toBe(before);
        if (testCase.expect.message) {
          // The expected messages are written in English: a case run in German is refused once more in English.
          const english = lang === 'en' ? message : (await kleinraum([...args, '--json', '--lang', 'en', '--data-dir', dataDir])).stderr.trim();
          expect(english).toMatch(testCase.expect.message);
          if (testCase.expect.secret) expect(english).not.toContain(testCase.expect.secret);
          if (before !== null) expect(sha256(project), 'the project must be unchanged').toBe(before);
        }
        return;
      }
      expect(run.exitCode, run.stderr).toBe(0);
      if (testCase.expect.outcome === 'opened') {
        expect((JSON.parse(run.stdout) as { layers: unknown[] }).layers).toHaveLength(testCase.expect.layers);
        return;
      }
      const document = JSON.parse(run.stdout) as Record<string, unknown> & { records: RecordAccount; warnings?: { code: string; en: string }[] };
      const account = document.records;
      expect(account.read, 'records read').toBe(testCase.expect.records);
      expect(account.used + account.skipped.reduce((sum, group) => sum + group.count, 0), 'used + skipped = read').toBe(account.read);
      expect(account.used).toBeGreaterThan(0);
      for (const group of account.skipped) expect(group.reason).not.toBe('');
      if (testCase.expect.note) expect((document.warnings ?? []).map((warning) => warning.en).join('\n')).toMatch(testCase.expect.note);
      testCase.expect.check?.(document);
    });
  });
});

describe('a table a GIS colleague added with QGIS/GDAL', () => {
  it('survives an import of the same name whole: its rows, registration and spatial index (and GDAL still finds its features)', async () => {
    const testCase = corpus.find((candidate) => candidate.id === 'project/foreign-table/same-name')!;
    const { project, input } = prepareCase(testCase, 200_000);
    const run = await kleinraum(['import', project, input, '--json', '--lang', 'en', '--data-dir', dataDir]);
    expect(run.exitCode, run.stderr).toBe(0);
    const db = new Database(project, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM gemeinden').pluck().get()).toBe(FOREIGN_FEATURES);
      expect(db.prepare('SELECT count(*) FROM rtree_gemeinden_geom').pluck().get()).toBe(FOREIGN_FEATURES);
      expect(db.prepare("SELECT count(*) FROM gpkg_contents WHERE table_name = 'gemeinden'").pluck().get()).toBe(1);
      expect(db.prepare("SELECT count(*) FROM gpkg_geometry_columns WHERE table_name = 'gemeinden'").pluck().get()).toBe(1);
      expect(db.prepare("SELECT count(*) FROM gpkg_extensions WHERE table_name = 'gemeinden'").pluck().get()).toBe(1);
      const layer = (JSON.parse(run.stdout) as { layer: string }).layer;
      expect(db.prepare('SELECT count(*) FROM kleinraum_layers WHERE table_name = ?').pluck().get(layer)).toBe(1);
    } finally {
      db.close();
    }
    const ogrinfo = findOnPath('ogrinfo');
    if (!ogrinfo) {
      process.stdout.write('skipping the ogrinfo check of the foreign table: ogrinfo is not installed (apt-get install gdal-bin)\n');
      return;
    }
    const listed = spawnSync(ogrinfo, ['-so', '-ro', project, 'gemeinden'], { encoding: 'utf8' });
    expect(listed.stdout).toMatch(new RegExp(`Feature Count: ${FOREIGN_FEATURES}\\b`));
  });
});

describe('a sample through the CLI process', () => {
  const sample = corpus.filter((testCase) => ['shp/r7/x-nan', 'zip/bomb', 'geojson/null-feature', 'csv/unterminated-quote-row-9'].includes(testCase.id));

  /** Runs one case as `node kleinraum.cjs …` and checks it as a user would see it. */
  async function runAsProcess(testCase: HostileCase): Promise<void> {
    const { project, input } = prepareCase(testCase, corpus.indexOf(testCase) + 100_000);
    const before = fs.existsSync(project) ? sha256(project) : null;
    const args = testCase.command === 'info' ? ['info', input] : ['import', project, input, ...(testCase.args ?? [])];
    const child = spawn(process.execPath, [cliEntryPoint, ...args, '--lang', 'en', '--data-dir', dataDir], { cwd: repoRoot, env: { ...process.env, LANG: 'C' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exitCode = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 110_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect(stderr, testCase.id).not.toMatch(INTERNAL);
    expect(stderr, testCase.id).not.toMatch(STACK_TRACE);
    if (testCase.expect.outcome === 'refused') {
      expect(exitCode, testCase.id).toBe(1);
      expect(stderr.trim().split('\n').length, testCase.id).toBeLessThanOrEqual(2);
      if (testCase.expect.message) expect(stderr, testCase.id).toMatch(testCase.expect.message);
      if (before !== null) expect(sha256(project), testCase.id).toBe(before);
    } else {
      expect(exitCode, `${testCase.id}: ${stderr}`).toBe(0);
      expect(stdout, testCase.id).toMatch(/Read: \d+; used: \d+/);
    }
  }

  // The four processes run side by side: each pays Node's and tsx's start-up, which is most of the time.
  it('four cases of different classes end as the in-process runs say (child processes)', async () => {
    expect(sample).toHaveLength(4);
    await Promise.all(sample.map(runAsProcess));
  }, 120_000);
});
