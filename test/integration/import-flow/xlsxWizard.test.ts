/**
 * The Hamburg Stadtteil profiles (original Statistikamt Nord XLSX in ../shared/data) through the same contract
 * calls the wizard makes: inspect offers the sheet, the preview finds the title line, the multi-row header
 * with merged group cells and the Stichtag in it, the name-only join proposes matches that are written only
 * once accepted. The boundary layer is a small hand-made one with three Stadtteile (no Hamburg geometry in
 * ../shared/data); its names are spelled as in the workbook.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/errors';
import { createCliBackend, type CliBackend } from '../../../electron/node/cli/backend';
import { openDatabase } from '../../../electron/node/storage/openDatabase';
import { readObservations } from '../../../electron/node/storage/projectReader';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { sharedDataPath } from '../../helpers/sharedData';

const HAMBURG_XLSX = sharedDataPath('stadtteil_stats_andere_staedte', 'hamburg_stadtteilprofile_2014', 'Daten_fuer_die_Stadtteilprofile_2014.xlsx');

let temp: TempDir;
let backend: CliBackend;

function square(x: number, y: number) {
  return { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] };
}

beforeAll(async () => {
  temp = makeTempDir('kleinraum-xlsx-wizard-');
  backend = await createCliBackend(temp.file('data'));
  await backend.call('project.new', {});
  const layer = temp.file('hamburg_stadtteile.geojson');
  const stadtteile = [
    ['101', 'Hamburg-Altstadt'],
    ['102', 'HafenCity'],
    ['103', 'Neustadt'],
  ];
  writeFileSync(
    layer,
    JSON.stringify({
      type: 'FeatureCollection',
      features: stadtteile.map(([key, name], index) => ({ type: 'Feature', properties: { key, name }, geometry: square(9.99 + index * 0.01, 53.54) })),
    }),
  );
  const boundaries = await backend.call('import.previewBoundaries', { path: layer });
  await backend.call('import.commit', { importId: boundaries.importId, layerName: 'hamburg', sourceName: 'Test-Stadtteile' });
});
afterAll(() => {
  backend.dispose();
  temp.remove();
});

describe('Hamburg XLSX through the wizard calls', () => {
  it('inspect offers the sheet; a wrong sheet name lists the right one', async () => {
    const inspected = await backend.call('import.inspect', { path: HAMBURG_XLSX });
    expect(inspected).toMatchObject({ kind: 'table', format: 'xlsx', sheets: ['Stadtteilprofile 2014'] });
    const wrong = await backend.call('import.previewTable', { path: HAMBURG_XLSX, sheet: 'Tabelle1' }).catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(UserError);
    expect((wrong as UserError).text.de).toContain('Stadtteilprofile 2014');
  });

  it('finds title, merged multi-row header with its Stichtag, and joins by name only after acceptance', async () => {
    const preview = await backend.call('import.previewTable', { path: HAMBURG_XLSX, sheet: 'Stadtteilprofile 2014', layer: 'hamburg' });
    expect(preview.sheets).toEqual(['Stadtteilprofile 2014']);
    expect(preview.table.delimiter).toBeNull();
    expect(preview.table.titleLines.join(' ')).toContain('Statistikamt Nord');
    expect(preview.table.headerRows.length).toBeGreaterThanOrEqual(2);
    // Merged group header "Bevölkerung und Haushalte 31.12.2013" labels every column below it.
    const population = preview.table.columns[1]!;
    expect(population.label.startsWith('Bevölkerung und Haushalte 31.12.2013')).toBe(true);
    expect(population.period).toBe('2013-12-31');
    expect(preview.table.columns[2]!.label.startsWith('Bevölkerung und Haushalte 31.12.2013')).toBe(true);
    expect(preview.table.rowCount).toBe(107);
    expect(preview.mapping).toMatchObject({ keyColumn: null, nameColumn: 0, period: '2013-12-31' });
    expect(preview.mapping.valueColumns[0]).toMatchObject({ column: 1, variable: 'population' });

    // Headings that mention years in a sentence ("Anteil Kinder … unter 18 Jahren an der Gesamtbevölkerung")
    // name the figure; they are no age group (they read as one, with the sentence as its value).
    expect(preview.mapping.valueColumns.filter((entry) => entry.dimensions['age'] !== undefined)).toEqual([]);
    expect(preview.observations.variables.find((variable) => /Anteil der unter 18-Jährigen in %/.test(variable.name.de))).toMatchObject({ unit: '%' });

    // No key column: nothing matches by key; the three names are proposals, never applied by themselves.
    const report = preview.joinReport;
    expect(report.matchedCount).toBe(0);
    expect(report.unmatchedSummary[0]).toMatchObject({ reason: 'no-key', count: 107 });
    const proposals = report.nameProposals.filter((proposal) => proposal.kind === 'exact');
    expect(proposals.map((proposal) => [proposal.rowName, proposal.areaKey]).sort()).toEqual([
      ['HafenCity', '102'],
      ['Hamburg-Altstadt', '101'],
      ['Neustadt', '103'],
    ]);

    const committed = await backend.call('import.commit', {
      importId: preview.importId,
      acceptedNameMatches: proposals.filter((proposal) => proposal.areaKey !== '103').map((proposal) => ({ rowIndex: proposal.rowIndex, areaKey: proposal.areaKey })),
    });
    expect(committed.rows).toBe(2);
    const saved = temp.file('hamburg.gpkg');
    await backend.call('project.saveAs', { path: saved });
    const db = openDatabase(saved, { readonly: true });
    try {
      const written = readObservations(db, { variables: ['population'] }).filter((observation) => observation.sourceId === committed.sourceId);
      // Values as in the workbook (rows "Hamburg-Altstadt 1675", "HafenCity 1914"); Neustadt was not accepted.
      expect(Object.fromEntries(written.map((observation) => [observation.areaKey, observation.value]))).toEqual({ '101': 1675, '102': 1914 });
      expect(written.every((observation) => observation.period === '2013-12-31')).toBe(true);
    } finally {
      db.close();
    }
  });
});
