/**
 * The import flow through the contract (dispatch validates every input and output): preview → report →
 * commit on real files from ../shared/data, with the project unchanged until commit and after a failure.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/errors';
import { createCliBackend, type CliBackend } from '../../../electron/node/cli/backend';
import { readTableFile } from '../../../electron/node/import/readTable';
import { openDatabase } from '../../../electron/node/storage/openDatabase';
import { readObservations } from '../../../electron/node/storage/projectReader';
import type { Observation } from '../../../shared/model/project';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { sharedDataPath } from '../../helpers/sharedData';

const VG5000_GEM = sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_GEM.shp');
const SCHUTZSUCHENDE = sharedDataPath('refugees', 'schutzsuchende_kreise_2018-12-31_regionalstatistik_bearbeitet.csv');
const ZENSUS_GEMEINDEN = sharedDataPath('population', 'zensus2022', 'zensus2022_1000A-0000_bevoelkerung_gemeinden.csv');
const JUGENDQUOTIENT = sharedDataPath('population', 'regionalstatistik_kreise', '12411-08-01-4-B_jugend_altenquotient_kreise_2018-12-31.csv');
const ZENSUS_KREISE = sharedDataPath('population', 'zensus2022', 'zensus2022_1000A-0000_bevoelkerung_kreise.csv');

let temp: TempDir;
let backend: CliBackend;
let progressEvents: { taskId: string; finished: boolean }[] = [];

beforeAll(async () => {
  temp = makeTempDir('kleinraum-import-flow-');
  backend = await createCliBackend(temp.file('data'), (name, payload) => {
    if (name === 'progress') progressEvents.push(payload as { taskId: string; finished: boolean });
  });
  await backend.call('project.new', {});
});
afterAll(() => {
  backend.dispose();
  temp.remove();
});

async function expectUserError(action: Promise<unknown>, pattern: RegExp): Promise<UserError> {
  const error = await action.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  expect(`${(error as UserError).text.de}\n${(error as UserError).text.en}`).toMatch(pattern);
  return error as UserError;
}

describe('boundaries: VG5000 Gemeinden filtered to Region Hannover', () => {
  it('previews 21 areas with CRS, BKG attribution and progress, and writes nothing before commit', async () => {
    progressEvents = [];
    const preview = await backend.call('import.previewBoundaries', { path: VG5000_GEM, filterKeyPrefix: '03241', taskId: 'task-vg5000' });
    expect(preview.importId).toBe('task-vg5000');
    expect(preview.report.areaCount).toBe(21);
    expect(preview.report.crs).toMatchObject({ detected: 'EPSG:31467', used: 'EPSG:31467' });
    expect(preview.source).toMatchObject({ isBkg: true, attribution: '© GeoBasis-DE / BKG 2021', stichtag: '2021-01-01' });
    expect(preview.areas.map((area) => area.name)).toContain('Neustadt am Rübenberge');
    const hannover = preview.areas.find((area) => area.key === '03241001')!;
    expect(hannover.areaKm2).toBeGreaterThan(195);
    expect(hannover.areaKm2).toBeLessThan(215);
    expect(preview.preview.features).toHaveLength(21);
    expect(progressEvents.some((event) => event.taskId === 'task-vg5000' && event.finished)).toBe(true);
    expect((await backend.call('project.current', {})).layers).toHaveLength(0);

    const committed = await backend.call('import.commit', { importId: preview.importId });
    expect(committed).toMatchObject({ kind: 'boundaries', layer: 'vg5000_gem', features: 21 });
    const layer = committed.summary.layers.find((candidate) => candidate.name === 'vg5000_gem')!;
    expect(layer).toMatchObject({ featureCount: 21, sourceCrs: 'EPSG:31467' });
    expect(committed.summary.sources.find((source) => source.id === layer.sourceId)?.licence).toMatch(/dl-de\/by-2-0/);
    // The pending import is gone after commit.
    await expectUserError(backend.call('import.commit', { importId: preview.importId }), /nicht mehr|no longer/);
  });

  it('a second import under the same layer name is refused and leaves the project unchanged', async () => {
    const before = await backend.call('project.current', {});
    const preview = await backend.call('import.previewBoundaries', { path: VG5000_GEM, filterKeyPrefix: '03241' });
    expect(preview.report.warnings.map((warning) => warning.code)).toContain('layer-exists');
    await expectUserError(backend.call('import.commit', { importId: preview.importId }), /--layer-name/);
    const after = await backend.call('project.current', {});
    expect(after.sources).toEqual(before.sources);
    expect(after.layers).toEqual(before.layers);
  });

  it('the same file as a second layer gets a source name of its own; a typed name the project has is refused, the project unchanged', async () => {
    const before = await backend.call('project.current', {});
    const first = before.sources.find((source) => source.id === before.layers.find((layer) => layer.name === 'vg5000_gem')?.sourceId)!;
    const typed = await backend.call('import.previewBoundaries', { path: VG5000_GEM, filterKeyPrefix: '03241' });
    await expectUserError(backend.call('import.commit', { importId: typed.importId, layerName: 'gemeinden_2021', sourceName: ` ${first.name.toUpperCase()} ` }), /gibt es in diesem Projekt schon\. Nichts geändert\..*--source NAME/);
    const after = await backend.call('project.current', {});
    expect([after.sources, after.layers]).toEqual([before.sources, before.layers]);

    const proposed = await backend.call('import.previewBoundaries', { path: VG5000_GEM, filterKeyPrefix: '03241' });
    const committed = await backend.call('import.commit', { importId: proposed.importId, layerName: 'gemeinden_2021' });
    // The same file has the same Stichtag: the layer tells the two sources apart.
    expect(committed.source.name).toBe(`${first.name} – Ebene gemeinden_2021`);
  });
});

describe('tables joined to the 21 municipalities', () => {
  it('GENESIS Schutzsuchende: Region Hannover 38 535 is a Kreis aggregate, kept as the reported total, out of the area data', async () => {
    const preview = await backend.call('import.previewTable', { path: SCHUTZSUCHENDE, layer: 'vg5000_gem' });
    expect(preview.table.encoding.used).toBe('windows-1252');
    const region = preview.joinReport.aggregateRows.find((row) => row.key === '03241');
    expect(region).toMatchObject({ level: 'kreis', value: 38535 });
    expect(preview.joinReport.matched.map((match) => match.areaKey)).toEqual(['03241001']);
    expect(preview.joinReport.areasWithoutData).toHaveLength(20);
    // Hannover city is "." (secret) in this file: a missing value, not 0, and no false totals mismatch.
    expect(preview.observations.missingCount).toBe(1);
    expect(preview.joinReport.totals).toEqual([]);
    const committed = await backend.call('import.commit', { importId: preview.importId });
    expect(committed.reportedTotals).toBe(1);
    expect(await savedObservations('refugees')).toEqual([
      expect.objectContaining({ areaKey: '03241', value: 38535, period: '2018-12-31', sourceId: committed.sourceId }),
      expect.objectContaining({ areaKey: '03241001', value: null, missing: '.', period: '2018-12-31', sourceId: committed.sourceId }),
    ]);
  });

  it('Zensus 2022 Gemeinden (ARS keys): 21 matched, their sum equals the Region Hannover row of the Kreise file', async () => {
    const preview = await backend.call('import.previewTable', { path: ZENSUS_GEMEINDEN, layer: 'vg5000_gem' });
    expect(preview.joinReport.matchedCount).toBe(21);
    expect(preview.joinReport.areasWithoutData).toEqual([]);
    expect(preview.joinReport.matched.every((match) => match.via === 'ars-to-ags')).toBe(true);
    expect(preview.source.publisher).toBe('Statistische Ämter des Bundes und der Länder');
    // ~10 800 rows of other Kreise: summarised by reason, the complete list stays in unmatchedRows.
    const summary = preview.joinReport.unmatchedSummary;
    expect(summary.reduce((sum, group) => sum + group.count, 0)).toBe(preview.joinReport.unmatchedRows.length);
    const outside = summary.find((group) => group.reason === 'other-region')!;
    expect(outside.count).toBe(preview.joinReport.unmatchedRows.filter((row) => row.reason === 'other-region').length);
    expect(outside.count).toBeGreaterThan(10_000);
    expect(outside.region).toBe('03241');
    expect(outside.otherKreise).toBeGreaterThan(390);
    expect(outside.text.de).toMatch(new RegExp(`^${outside.count.toLocaleString('de-DE')} Zeilen außerhalb des Gebiets 03241 \\(\\d+ andere Kreise\\)$`));
    expect(summary[0]).toBe(outside);
    const committed = await backend.call('import.commit', { importId: preview.importId });
    expect(committed.rows).toBe(21);
    const population = (await savedObservations('population')).filter((observation) => observation.sourceId === committed.sourceId);
    expect(population).toHaveLength(21);
    const kreise = await readTableFile(ZENSUS_KREISE);
    const regionRow = kreise.rows.find((row) => row.cells[kreise.keyColumn!]?.trim() === '03241')!;
    const regionValue = regionRow.values.find((value) => value.value !== null && value.value > 100_000)!.value;
    expect(population.reduce((sum, observation) => sum + (observation.value ?? 0), 0)).toBe(regionValue);
    expect(committed.summary.indicators.map((indicator) => indicator.id)).toContain('population_total');
    expect(committed.summary.settings[`import.mapping.${preview.headerSignature}`]).toBeDefined();
  });

  it('a remembered mapping is offered for the next file of the same shape', async () => {
    const preview = await backend.call('import.previewTable', { path: ZENSUS_GEMEINDEN, layer: 'vg5000_gem' });
    expect(preview.mappingFrom).toBe('remembered');
    await backend.call('import.cancel', { importId: preview.importId });
    await expectUserError(backend.call('import.commit', { importId: preview.importId }), /nicht mehr|no longer/);
  });

  it('a table without any Stichtag fails on commit naming --period, and the project is unchanged', async () => {
    const file = temp.file('ohne-stichtag.csv');
    writeFileSync(file, 'AGS;Name;Kinder\n03241001;Hannover;12\n03241002;Barsinghausen;3\n');
    const before = await backend.call('project.current', {});
    const preview = await backend.call('import.previewTable', { path: file, layer: 'vg5000_gem' });
    expect(preview.joinReport.matchedCount).toBe(2);
    await expectUserError(backend.call('import.commit', { importId: preview.importId }), /--period/);
    const after = await backend.call('project.current', {});
    expect(after.variables).toEqual(before.variables);
    expect(after.sources).toEqual(before.sources);
    const withPeriod = await backend.call('import.commit', { importId: preview.importId, period: '2020-12-31' });
    expect(withPeriod.observations).toBe(2);
    expect(withPeriod.variablesCreated).toEqual(['kinder']);
  });

  // KFL (VG250's area in km², a name Kleinraum does not know) was stored as "Personen", rounded to 204.
  it('a column of fractions under an unknown name is no head count: no unit "Personen", and its decimals kept', async () => {
    const file = temp.file('flaeche.csv');
    writeFileSync(file, 'AGS;Name;Kinder;KFL\n03241001;Hannover;12;204.30\n03241002;Barsinghausen;3;102.81\n');
    const preview = await backend.call('import.previewTable', { path: file, layer: 'vg5000_gem', decimal: '.' });
    await backend.call('import.commit', { importId: preview.importId, period: '2021-12-31', newSource: { name: 'Flächenliste 2021' } });
    const project = await backend.call('project.current', {});
    const area = project.indicators.find((indicator) => indicator.id.startsWith('kfl'));
    const children = project.indicators.find((indicator) => indicator.id.startsWith('kinder'));
    expect(area).toMatchObject({ unit: { de: '' }, decimals: 2 });
    expect(children).toMatchObject({ unit: { de: 'Personen' }, decimals: 0 });
  });

  it('proposes places and positions as the unit of columns named so, not persons', async () => {
    const file = temp.file('plaetze.csv');
    writeFileSync(file, 'AGS;Name;Kita-Plätze;Stellen Sozialarbeit;Haltestellen\n03241001;Hannover;120;14;800\n03241002;Barsinghausen;35;2;60\n');
    const preview = await backend.call('import.previewTable', { path: file, layer: 'vg5000_gem' });
    const units = Object.fromEntries(preview.observations.variables.map(({ id, unit }) => [id, unit]));
    expect(units).toMatchObject({ kita_plaetze: 'Plätze', stellen_sozialarbeit: 'Stellen' });
    // Only the word itself: stops (Haltestellen) are no positions.
    expect(units['haltestellen']).not.toBe('Stellen');
  });

  it('a heading that names a share or rate gives its unit, also for whole numbers, and such a column is not summed in the totals check', async () => {
    const file = temp.file('anteile.csv');
    // The Kreis row (03241) would make the shares a "total" of 49 against 24: they are not added up at all.
    writeFileSync(file, 'AGS;Name;Ausländeranteil in %;Geburten je 1.000 Einwohner;Kinder\n03241;Region Hannover;24;9;900\n03241001;Hannover;27;10;800\n03241002;Barsinghausen;22;8;100\n');
    const preview = await backend.call('import.previewTable', { path: file, layer: 'vg5000_gem' });
    const units = Object.fromEntries(preview.observations.variables.map(({ id, unit }) => [id, unit]));
    expect(units).toEqual({ auslaenderanteil_in: '%', geburten_je_1_000_einwohner: '', kinder: 'Personen' });
    expect(preview.joinReport.totals).toEqual([]);
    expect(preview.joinReport.totalsNotAdditive).toEqual({ de: 'Ausländeranteil in %', en: 'Ausländeranteil in %' });
  });

  it('a new column with decimals but no rate in its heading (an area in km²) keeps its totals check; a date after "per" names no rate', async () => {
    const file = temp.file('waldflaeche.csv');
    writeFileSync(file, 'AGS;Name;Waldfläche qkm;Schüler per 31.12.2023\n03241;Region Hannover;304.8;700\n03241001;Hannover;204.3;600\n03241002;Barsinghausen;100.5;100\n');
    const preview = await backend.call('import.previewTable', { path: file, layer: 'vg5000_gem', decimal: '.' });
    expect(preview.joinReport.totalsNotAdditive ?? null).toBeNull();
    expect(preview.joinReport.totals).toEqual([expect.objectContaining({ aggregateKey: '03241', consistent: true })]);
    expect(preview.observations.variables.find((variable) => variable.id === 'schueler')).toMatchObject({ unit: 'Personen' });
  });

  it('the unit the planner gives a new column decides the totals check: typed as "%" it is not added up, typed as persons it is', async () => {
    const file = temp.file('quoten-ohne-einheit.csv');
    writeFileSync(file, 'AGS;Name;Quote;Anteil Kinder\n03241;Region Hannover;24;900\n03241001;Hannover;27;800\n03241002;Barsinghausen;22;100\n');
    const proposed = await backend.call('import.previewTable', { path: file, layer: 'vg5000_gem' });
    // "Quote" names a rate: as proposed, no check.
    expect(proposed.joinReport.totals).toEqual([]);
    const counted = { ...proposed.mapping, valueColumns: [proposed.mapping.valueColumns[1]!, proposed.mapping.valueColumns[0]!] };
    const asProposed = await backend.call('import.previewTable', { path: file, layer: 'vg5000_gem', mapping: counted });
    expect(asProposed.joinReport.totals).toEqual([]);
    // "Anteil Kinder" holds head counts: typed as persons, its areas are checked against the Kreis row.
    const typedPersons = await backend.call('import.previewTable', { path: file, layer: 'vg5000_gem', mapping: counted, variableUnits: { [counted.valueColumns[0]!.variable]: 'Kinder' } });
    expect(typedPersons.joinReport.totals).toEqual([expect.objectContaining({ aggregateKey: '03241', consistent: true })]);
    expect(typedPersons.joinReport.totalsNotAdditive ?? null).toBeNull();
    // A count column typed as "%" (one unit for all new columns) is a share: no check, and the report says why.
    const kinder = temp.file('hortkinder.csv');
    writeFileSync(kinder, 'AGS;Name;Hortkinder\n03241;Region Hannover;90\n03241001;Hannover;80\n03241002;Barsinghausen;30\n');
    const deviating = await backend.call('import.previewTable', { path: kinder, layer: 'vg5000_gem' });
    expect(deviating.joinReport.totals).toEqual([expect.objectContaining({ aggregateKey: '03241', consistent: false })]);
    const typedShare = await backend.call('import.previewTable', { path: kinder, layer: 'vg5000_gem', unit: '%' });
    expect(typedShare.joinReport.totals).toEqual([]);
    expect(typedShare.joinReport.totalsNotAdditive).toEqual({ de: 'Hortkinder', en: 'Hortkinder' });
  });

  it('GENESIS\' Jugendquotient (headed "Anzahl") is no count: no unit, and no totals check against its Kreis row', async () => {
    const preview = await backend.call('import.previewTable', { path: JUGENDQUOTIENT, layer: 'vg5000_gem' });
    expect(preview.observations.variables.find((variable) => variable.id === 'jugendquotient')).toMatchObject({ isNew: true, unit: '' });
    expect(preview.joinReport.aggregateRows.length).toBeGreaterThan(400);
    expect(preview.joinReport.totals).toEqual([]);
    expect(preview.joinReport.totalsNotAdditive?.de).toBe('Jugendquotient');
  });

  it('a column of counts keeps its totals check', async () => {
    const file = temp.file('kinder-kreis.csv');
    writeFileSync(file, 'AGS;Name;Kinder\n03241;Region Hannover;900\n03241001;Hannover;800\n03241002;Barsinghausen;100\n');
    const preview = await backend.call('import.previewTable', { path: file, layer: 'vg5000_gem' });
    expect(preview.joinReport.totalsNotAdditive ?? null).toBeNull();
    expect(preview.joinReport.totals).toEqual([expect.objectContaining({ aggregateKey: '03241', sumOfAreas: 900, aggregateValue: 900, consistent: true })]);
  });

  it('the preview proposes each new variable\'s unit, and the names and units the planner gives are what the project keeps', async () => {
    const file = temp.file('ewz-kfl.csv');
    writeFileSync(file, 'AGS;Name;EWZ;FLGES\n03241001;Hannover;532163;204.30\n03241002;Barsinghausen;33425;102.81\n');
    const preview = await backend.call('import.previewTable', { path: file, layer: 'vg5000_gem', decimal: '.' });
    expect(preview.observations.variables.map(({ id, isNew, unit }) => ({ id, isNew, unit }))).toEqual([
      { id: 'ewz', isNew: true, unit: 'Personen' },
      { id: 'flges', isNew: true, unit: '' },
    ]);
    await backend.call('import.commit', {
      importId: preview.importId,
      period: '2016-12-31',
      sourceName: 'VG250-EW 2016',
      variableNames: { ewz: { de: 'Einwohner', en: 'Einwohner' }, flges: { de: 'Katasterfläche', en: 'Katasterfläche' } },
      variableUnits: { flges: 'km²' },
    });
    const project = await backend.call('project.current', {});
    expect(project.variables.find((variable) => variable.id === 'ewz')).toMatchObject({ name: { de: 'Einwohner' }, unit: 'Personen' });
    expect(project.variables.find((variable) => variable.id === 'flges')).toMatchObject({ name: { de: 'Katasterfläche' }, unit: 'km²' });
    // The unit given for the area does not round it: its decimals come from its values.
    expect(project.indicators.find((indicator) => indicator.id.startsWith('flges'))).toMatchObject({ name: { de: 'Katasterfläche' }, unit: { de: 'km²' }, decimals: 2 });
  });

  it('an estimate imported as one stays one: the source and each of its values, also when its series is extended', async () => {
    const file = temp.file('schaetzung.csv');
    writeFileSync(file, 'AGS;Name;Wohnungslose\n03241001;Hannover;3100\n03241002;Barsinghausen;40\n');
    const preview = await backend.call('import.previewTable', { path: file, layer: 'vg5000_gem' });
    const committed = await backend.call('import.commit', { importId: preview.importId, period: '2024-12-31', sourceName: 'Schätzung Sozialamt 2024', quality: 'estimated' });
    const project = await backend.call('project.current', {});
    expect(project.sources.find((source) => source.id === committed.sourceId)).toMatchObject({ quality: 'estimated' });
    const next = temp.file('schaetzung_2025.csv');
    writeFileSync(next, 'AGS;Name;Wohnungslose\n03241001;Hannover;3300\n03241002;Barsinghausen;45\n');
    const nextPreview = await backend.call('import.previewTable', { path: next, layer: 'vg5000_gem' });
    await backend.call('import.commit', { importId: nextPreview.importId, period: '2025-12-31', mode: 'extend', targetSourceId: committed.sourceId });
    const written = await savedObservations('wohnungslose');
    expect(written.map((observation) => [observation.period, observation.quality])).toEqual([
      ['2024-12-31', 'estimated'],
      ['2024-12-31', 'estimated'],
      ['2025-12-31', 'estimated'],
      ['2025-12-31', 'estimated'],
    ]);
    // A quality the planner cannot give (the app's own flags) is refused by the contract.
    const again = await backend.call('import.previewTable', { path: next, layer: 'vg5000_gem' });
    await expect(backend.call('import.commit', { importId: again.importId, period: '2026-12-31', quality: 'synthetic' as 'counted' })).rejects.toThrow(/quality/);
  });

  it('name proposals are applied only when accepted', async () => {
    const file = temp.file('namen.csv');
    writeFileSync(file, 'Gemeinde;Stichtag;Kitas\n"Neustadt a. Rbge.";31.12.2020;7\n"Hannover, Landeshauptstadt";31.12.2020;40\n');
    const preview = await backend.call('import.previewTable', { path: file, layer: 'vg5000_gem' });
    expect(preview.joinReport.matchedCount).toBe(0);
    const neustadt = preview.joinReport.nameProposals.find((proposal) => proposal.rowName === 'Neustadt a. Rbge.')!;
    expect(neustadt.areaKey).toBe('03241012');
    const committed = await backend.call('import.commit', { importId: preview.importId, acceptedNameMatches: [{ rowIndex: neustadt.rowIndex, areaKey: neustadt.areaKey }] });
    expect(committed.rows).toBe(1);
    const written = await savedObservations('kitas');
    expect(written.map((observation) => [observation.areaKey, observation.value, observation.period])).toEqual([['03241012', 7, '2020-12-31']]);
  });
});

/** The observations of one variable as saved: the project is saved to a file and read back. */
async function savedObservations(variable: string): Promise<Observation[]> {
  const file = temp.file(`saved-${savedCount++}.gpkg`);
  await backend.call('project.saveAs', { path: file });
  const db = openDatabase(file, { fileMustExist: true });
  try {
    return readObservations(db, { variables: [variable] });
  } finally {
    db.close();
  }
}
let savedCount = 0;
