/**
 * Broken and oversized inputs through the contract the wizard and the CLI use (previews and commit): each
 * ends in a UserError with German and English text that says what to do, and the open project is unchanged
 * afterwards. The parser-level cases are in test/integration/import/brokenInputs.test.ts; here they meet the
 * services, with files generated in the test.
 */
import { closeSync, copyFileSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/errors';
import { DEFAULT_MAX_TABLE_BYTES } from '../../../shared/fileFormats/table/parseDelimited';
import { createCliBackend, type CliBackend } from '../../../electron/node/cli/backend';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { sharedDataPath } from '../../helpers/sharedData';

let temp: TempDir;
let backend: CliBackend;
let demoLayer: string;

beforeAll(async () => {
  temp = makeTempDir('kleinraum-broken-contract-');
  backend = await createCliBackend(temp.file('data'));
  const summary = await backend.call('project.openDemo', {});
  demoLayer = summary.layers[0]!.name;
});
afterAll(() => {
  backend.dispose();
  temp.remove();
});

/** Runs a preview that must fail, and checks the message and that the project did not change. */
async function expectRefused(action: () => Promise<unknown>, pattern: RegExp): Promise<void> {
  const before = JSON.stringify(await backend.call('project.current', {}));
  const caught = await action().then(
    () => null,
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(UserError);
  const error = caught as UserError;
  expect(error.text.de.length).toBeGreaterThan(20);
  expect(`${error.text.de}\n${error.text.en}`).toMatch(pattern);
  expect(JSON.stringify(await backend.call('project.current', {}))).toBe(before);
}

describe('broken inputs through the import services', () => {
  it('a table larger than the limit is refused before it is read (sparse file, no memory spent)', async () => {
    const file = temp.file('riesig.csv');
    const handle = openSync(file, 'w');
    ftruncateSync(handle, DEFAULT_MAX_TABLE_BYTES + 1);
    closeSync(handle);
    await expectRefused(() => backend.call('import.previewTable', { path: file, layer: demoLayer }), /too large|zu groß/);
  });

  it('a CSV with mixed delimiters', async () => {
    const lines = ['AGS;Name;Einwohner', ...Array.from({ length: 12 }, (_, index) => `032410${String(index + 1).padStart(2, '0')};Gemeinde;${1000 + index}`)];
    lines.push(...Array.from({ length: 9 }, (_, index) => `032410${index + 13},Gemeinde,${2000 + index}`));
    const file = temp.file('gemischt.csv');
    writeFileSync(file, lines.join('\n'));
    await expectRefused(() => backend.call('import.previewTable', { path: file, layer: demoLayer }), /mixes delimiters|Trennzeichen/);
  });

  it('a zip with ../ paths', async () => {
    const file = temp.file('boese.zip');
    writeFileSync(file, zipSync({ '../../etc/VG5000_KRS.shp': new Uint8Array(readFileSync(sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_KRS.shp'))) }));
    await expectRefused(() => backend.call('import.previewBoundaries', { path: file }), /\.\.\//);
  });

  it('a truncated .shp', async () => {
    for (const extension of ['shx', 'dbf', 'prj', 'cpg']) copyFileSync(sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', `VG5000_KRS.${extension}`), temp.file(`KRS.${extension}`));
    const shp = readFileSync(sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_KRS.shp'));
    writeFileSync(temp.file('KRS.shp'), shp.subarray(0, Math.floor(shp.length / 2)));
    await expectRefused(() => backend.call('import.previewBoundaries', { path: temp.file('KRS.shp') }), /KRS/);
  });

  it('a dissolve field that does not exist names the flag', async () => {
    await expectRefused(
      () => backend.call('import.previewBoundaries', { path: sharedDataPath('hannover_stadt', 'stadtteile', 'stadtteile_hannover_skh5000_qgis2web_crs84.geojson'), dissolveByField: 'BEZIRK' }),
      /--dissolve-by/,
    );
  });
});

describe('a very large but valid table', () => {
  it('200 000 rows: read, joined and summarised; a further source of population, never added onto the existing one', async () => {
    const lines = ['AGS;Name;Einwohner'];
    // 199 979 rows of municipalities elsewhere (Land 09, made-up keys) and the 21 of Region Hannover at the end.
    for (let index = 0; index < 199_979; index += 1) lines.push(`09${String(100_000 + index).padStart(6, '0')};Gemeinde ${index};${index % 5000}`);
    for (let index = 1; index <= 21; index += 1) lines.push(`032410${String(index).padStart(2, '0')};Gemeinde ${index};${1000 + index}`);
    const file = temp.file('gross_2020-12-31.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const preview = await backend.call('import.previewTable', { path: file, layer: demoLayer });
    expect(preview.table.rowCount).toBe(200_000);
    // The preview carries the first rows and a few of the matched ones only; the join report covers all rows.
    expect(preview.table.rows.length).toBeLessThanOrEqual(62);
    expect(preview.table.rows.at(-1)).toMatchObject({ rowIndex: 199_979 + 11, cells: ['03241012', 'Gemeinde 12', '1012'] });
    expect(preview.joinReport.matchedCount).toBe(21);
    expect(preview.joinReport.unmatchedRows).toHaveLength(199_979);
    expect(preview.joinReport.unmatchedSummary).toHaveLength(1);
    expect(preview.joinReport.unmatchedSummary[0]!.text.de).toMatch(/^199\.979 Zeilen außerhalb des Gebiets 03241/);
    // The demo already has population on 31.12.2020 for these 21 areas: the file comes in as a further source,
    // and indicators keep drawing from the register series — nobody is counted twice.
    const before = await backend.call('indicator.values', { indicatorId: 'population_total', layer: demoLayer, period: '2020-12-31' });
    expect(preview.existingSources.find((entry) => entry.variable === 'population')?.sources.some((source) => source.sharedPeriods.includes('2020-12-31'))).toBe(true);
    const committed = await backend.call('import.commit', { importId: preview.importId });
    expect(committed.rows).toBe(21);
    expect(committed.mode).toBe('new-source');
    expect(committed.message.de).toMatch(/weitere Quelle/);
    const after = await backend.call('indicator.values', { indicatorId: 'population_total', layer: demoLayer, period: '2020-12-31' });
    expect(after.values.map((value) => value.value)).toEqual(before.values.map((value) => value.value));
    // The new source is there to compare: its values side by side with the register's.
    const comparison = await backend.call('sources.compare', { variable: 'population', period: '2020-12-31', sources: ['demo-melderegister', committed.sourceId] });
    expect(comparison.areas[0]?.values[committed.sourceId]).toBe(1001);
  }, 120_000);
});
