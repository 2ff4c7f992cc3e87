// Planning through the contract (dispatch, as every transport) on the real demo project, and through the CLI.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KleinraumApi, MethodName, MethodOutput } from '../../../shared/contract/api';
import { dispatch } from '../../../shared/contract/dispatch';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { createKleinraumApi, disposeKleinraumApi } from '../../../electron/node/services/createKleinraumApi';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { runKleinraum } from '../cli/runKleinraum';

let directory: TempDir;
let api: KleinraumApi;

async function call<M extends MethodName>(method: M, input: unknown = {}): Promise<MethodOutput<M>> {
  const result = await dispatch(api, method, input, (error) => {
    throw error;
  });
  if (!result.ok) throw Object.assign(new Error(result.error.message.en), { payload: result.error });
  return result.value as MethodOutput<M>;
}

async function callError(method: MethodName, input: unknown = {}): Promise<ErrorPayload> {
  const result = await dispatch(api, method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

beforeAll(() => {
  directory = makeTempDir('kleinraum-planning-');
  api = createKleinraumApi({ dataDir: path.join(directory.path, 'data'), host: { mode: 'browser', version: 'test' }, emit: () => {} });
});

afterAll(() => {
  disposeKleinraumApi(api);
  directory.remove();
});

describe('planning through the API on the demo', () => {
  it('lists the three preset scenarios and runs one as a projection with assumptions', async () => {
    const { scenarios } = await call('planning.listScenarios');
    expect(scenarios.map((scenario) => scenario.id)).toEqual(['niedrig', 'mittel', 'hoch']);
    const run = await call('planning.run', { scenarioId: 'mittel' });
    expect(run.quality).toBe('projected');
    expect(run.areas).toHaveLength(21);
    expect(run.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034]);
    expect(run.assumptions.length).toBeGreaterThan(5);
    const first = run.areas[0]!.years[0]!;
    for (const kind of ['kita', 'school', 'integration', 'accommodation', 'staff'] as const) {
      expect(first.gap[kind]).toBeCloseTo(first.demand[kind] - first.supply[kind]!, 0);
    }
    const oneYear = await call('planning.run', { scenarioId: 'mittel', year: 2027 });
    expect(oneYear.areas[0]!.years.map((year) => year.year)).toEqual([2027]);
  });

  it('saves an edited scenario, and a stricter care ratio raises the staff demand and gap', async () => {
    const { scenario } = await call('planning.getScenario', { id: 'mittel' });
    await call('planning.saveScenario', { scenario: { ...scenario, id: 'eigen', name: { de: 'Eigenes', en: 'Own' }, years: 3, yearlyInflow: { kind: 'typed', arrivalsPerYear: 3000 } } });
    expect((await call('planning.listScenarios')).scenarios.map((entry) => entry.id)).toContain('eigen');
    const before = await call('planning.run', { scenarioId: 'eigen' });
    expect(before.years).toEqual([2025, 2026, 2027]);
    expect(before.region.years[0]!.arrivals).toBe(3000);

    const rates = await call('planning.rates');
    const stricter = structuredClone(rates.demand);
    stricter.staff.asylumPending.personsPerStaff.value = 50;
    stricter.staff.protectionGranted.personsPerStaff.value = 50;
    await call('planning.setRates', { demand: stricter });
    const after = await call('planning.run', { scenarioId: 'eigen' });
    const staffBefore = before.region.years[0]!.demand.staff;
    const staffAfter = after.region.years[0]!.demand.staff;
    expect(staffAfter).toBeGreaterThan(staffBefore * 1.5);
    expect(after.region.years[0]!.shortage.staff!).toBeGreaterThan(before.region.years[0]!.shortage.staff!);
    await call('planning.setRates', { demand: rates.demand });
  });

  it("a scenario with its own care ratio computes with it, is kept in the file, and leaves the project's rates and the other scenarios alone", async () => {
    const { scenario } = await call('planning.getScenario', { id: 'hoch' });
    const rates = await call('planning.rates');
    const own = (value: number) => ({ personsPerStaff: { value, basis: { kind: 'assumption' as const, text: { de: 'Annahme dieses Szenarios.', en: 'Assumption of this scenario.' } } } });
    await call('planning.saveScenario', { scenario: { ...scenario, id: 'hoch-50', name: { de: 'Hoch, Sozialarbeit 1:50', en: 'High, social work 1:50' }, careRatios: { asylumPending: own(50), protectionGranted: own(50) } } });
    const strict = await call('planning.run', { scenarioId: 'hoch-50' });
    const plain = await call('planning.run', { scenarioId: 'hoch' });
    // Only the staff demand differs: the persons are the same, the positions follow the ratio.
    expect(strict.region.years[0]!.refugees).toBe(plain.region.years[0]!.refugees);
    expect(strict.region.years[0]!.demand.kita).toBe(plain.region.years[0]!.demand.kita);
    expect(strict.region.years[0]!.demand.staff).toBeGreaterThan(plain.region.years[0]!.demand.staff * 1.5);
    expect(strict.assumptions.filter((entry) => entry.id.startsWith('demand.staff.')).map((entry) => entry.value)).toEqual([50, 50]);
    expect(await call('planning.rates')).toEqual(rates);
    // A ratio of 0 is refused when the scenario is saved, naming the scenario's own ratio.
    const refused = await callError('planning.saveScenario', { scenario: { ...scenario, id: 'hoch-0', careRatios: { asylumPending: own(0), protectionGranted: own(50) } } });
    expect(refused.message.de).toContain('Betreuungsschlüssel dieses Szenarios (Asylverfahren offen)');
    // The figures stored with the results and the CLI's report name the ratio they rest on.
    const stored = await call('planning.storeResults', { scenarioId: 'hoch-50' });
    const staffGap = stored.indicators.find((id) => id.startsWith('projected_gap_staff'))!;
    const values = await call('indicator.values', { indicatorId: staffGap, layer: stored.layer, period: `${stored.years[0]}-12-31` });
    expect(values.sources[0]!.notes).toContain('Betreuungsschlüssel Sozialarbeit: 1:50 (Asylverfahren offen), 1:50 (Schutz gewährt)');

    // Kept in the saved file (the project is opened again from it; the tests below go on with it).
    const file = path.join(directory.path, 'own-ratio.gpkg');
    await call('project.saveAs', { path: file });
    await call('project.open', { path: file });
    expect((await call('planning.getScenario', { id: 'hoch-50' })).scenario.careRatios?.asylumPending.personsPerStaff.value).toBe(50);
    expect((await call('planning.getScenario', { id: 'hoch' })).scenario.careRatios).toBeUndefined();
    await call('planning.deleteScenario', { id: 'hoch-50' });
  });

  it('compares two scenarios as B − A', async () => {
    const comparison = await call('planning.compare', { a: 'niedrig', b: 'hoch', year: 2026 });
    const area = comparison.difference.areas[3]!;
    const expected = comparison.b.areas[3]!.years[0]!.demand.kita - comparison.a.areas[3]!.years[0]!.demand.kita;
    expect(area.years[0]!.demand.kita).toBeCloseTo(expected, 0);
    expect(comparison.difference.areas.every((candidate) => candidate.years[0]!.refugees > 0)).toBe(true);
  });

  it('refuses a scenario outside the allowed ranges and an unknown one, in both languages', async () => {
    const { scenario } = await call('planning.getScenario', { id: 'mittel' });
    const tooLong = await callError('planning.saveScenario', { scenario: { ...scenario, id: 'lang', years: 11 } });
    expect(tooLong.code).toBe('bad-input');
    expect(tooLong.message.de).toMatch(/1.*10/);
    const unknown = await callError('planning.run', { scenarioId: 'gibtsnicht' });
    expect(unknown.code).toBe('not-found');
    expect(unknown.message.de).toContain('niedrig, mittel, hoch');
  });

  it('imports facilities from CSV: inside an area, outside it within the catchment, and bad rows reported', async () => {
    const csv = path.join(directory.path, 'kitas.csv');
    fs.writeFileSync(csv, 'Art;Name;Plätze;lon;lat\nKiTa;Am Maschsee;120;9,74;52,36\nKiTa;Jenseits der Grenze;50;9,15;52,45\nKiTa;Ohne Lage;40;;\nSchwimmbad;Nix;10;9,7;52,4\n');
    const before = await call('planning.supply', {});
    const hannoverBefore = before.areas.find((area) => area.key === '03241001')!.supply.kita!;
    const imported = await call('planning.importFacilities', { path: csv });
    expect(imported.imported).toBe(2);
    expect(imported.skipped.map((entry) => entry.row)).toEqual([4, 5]);
    const hannover = imported.listing.areas.find((area) => area.key === '03241001')!;
    expect(hannover.supply.kita).toBe(hannoverBefore + 120);
    expect(imported.listing.unassigned).toHaveLength(1);
    const withCatchment = await call('planning.setSupply', { catchmentKm: 10 });
    expect(withCatchment.unassigned).toHaveLength(0);
  });

  it('keeps scenarios, rates and facilities in the saved file', async () => {
    const file = path.join(directory.path, 'saved.gpkg');
    await call('project.saveAs', { path: file });
    await call('project.openDemo');
    expect((await call('planning.listScenarios')).scenarios.map((entry) => entry.id)).not.toContain('eigen');
    await call('project.open', { path: file });
    expect((await call('planning.listScenarios')).scenarios.map((entry) => entry.id)).toContain('eigen');
    expect((await call('planning.supply', {})).catchmentKm).toBe(10);
    await call('planning.deleteScenario', { id: 'eigen' });
    expect((await call('planning.listScenarios')).scenarios.map((entry) => entry.id)).toEqual(['niedrig', 'mittel', 'hoch']);
  });
});

describe('supply per municipality from the project\'s data (Kita statistics without addresses)', () => {
  /** Imports "Kita-Plätze" per municipality for all demo areas but the last, as a planner's own list; later years extend it. */
  async function importKitaPlaces(period: string, placesOf: (index: number) => number): Promise<{ keys: string[]; indicator: string }> {
    const { areas } = await call('planning.supply', {});
    const csv = path.join(directory.path, `kita_${period.slice(0, 4)}.csv`);
    fs.writeFileSync(csv, ['AGS;Gemeinde;Kita-Plätze', ...areas.slice(0, -1).map((area, index) => `${area.key};${area.name};${placesOf(index)}`)].join('\n') + '\n');
    const preview = await call('import.previewTable', { path: csv });
    const existing = (await call('project.current')).sources.find((source) => source.name === 'Kita-Statistik Jugendamt');
    await call('import.commit', { importId: preview.importId, period, ...(existing ? { mode: 'extend', targetSourceId: existing.id } : { sourceName: 'Kita-Statistik Jugendamt' }) });
    const candidates = (await call('planning.supply', {})).dataCandidates;
    // Counts of places come first among the indicators offered; persons (children, inhabitants) follow.
    expect(candidates[0]).toMatchObject({ id: 'kita_plaetze_total', unit: { de: 'Plätze' } });
    return { keys: areas.map((area) => area.key), indicator: candidates[0]!.id };
  }

  it('replaces the KiTa facilities by the places per municipality, newest Stichtag, unknown where the list has no row', async () => {
    await call('project.openDemo');
    const { keys, indicator } = await importKitaPlaces('2024-12-31', (index) => 1000 + index);
    const before = await call('planning.supply', {});
    expect(before.fromData).toEqual([]);
    const facilitySchool = before.areas[0]!.supply.school;

    const listing = await call('planning.setSupply', { fromData: [{ kind: 'kita', indicator, period: null }] });
    const use = listing.fromData.find((entry) => entry.kind === 'kita')!;
    expect(use.problem).toBeNull();
    expect(use.period).toBe('2024-12-31');
    expect(use.chosenPeriod).toBeNull();
    expect(use.sources.map((source) => source.name)).toEqual(['Kita-Statistik Jugendamt']);
    expect(use.sources[0]!.synthetic).toBe(false);
    // Facilities of the kind no longer count: the figures are the list's, not the list's plus the demo KiTas.
    expect(listing.areas.slice(0, 3).map((area) => area.supply.kita)).toEqual([1000, 1001, 1002]);
    const last = listing.areas.find((area) => area.key === keys.at(-1))!;
    expect(last.supply.kita).toBeNull();
    expect(use.areasWithoutValue).toEqual([last.name]);
    // Other kinds still come from the facilities.
    expect(listing.areas[0]!.supply.school).toBe(facilitySchool);

    const run = await call('planning.run', { scenarioId: 'mittel', year: 2025 });
    const first = run.areas.find((area) => area.key === keys[0])!.years[0]!;
    expect(first.supply.kita).toBe(1000);
    expect(first.gap.kita).toBeCloseTo(first.demand.kita - 1000, 6);
    expect(run.areas.find((area) => area.key === keys.at(-1))!.years[0]!.gap.kita).toBeNull();
  });

  it('follows the newest Stichtag of the series, or stays on a chosen one', async () => {
    const { indicator } = await importKitaPlaces('2025-12-31', (index) => 2000 + index);
    const newest = await call('planning.supply', {});
    expect(newest.fromData[0]!.period).toBe('2025-12-31');
    expect(newest.areas[0]!.supply.kita).toBe(2000);
    const pinned = await call('planning.setSupply', { fromData: [{ kind: 'kita', indicator, period: '2024-12-31' }] });
    expect(pinned.fromData[0]).toMatchObject({ period: '2024-12-31', chosenPeriod: '2024-12-31' });
    expect(pinned.areas[0]!.supply.kita).toBe(1000);
    // A second list (the providers' own) holds the area the Jugendamt's lacks: it fills that gap, and says where.
    const csv = path.join(directory.path, 'kita_traeger_2024.csv');
    const last = pinned.areas.at(-1)!;
    fs.writeFileSync(csv, `AGS;Gemeinde;Kita-Plätze\n${last.key};${last.name};555\n`);
    const preview = await call('import.previewTable', { path: csv });
    await call('import.commit', { importId: preview.importId, period: '2024-12-31', mode: 'new-source', sourceName: 'Kita-Bedarfsplan Träger' });
    const filled = await call('planning.supply', {});
    expect(filled.areas.at(-1)!.supply.kita).toBe(555);
    expect(filled.fromData[0]).toMatchObject({ areasFromFallback: [last.name], areasWithoutValue: [] });
    expect(filled.fromData[0]!.sources.map((source) => source.name)).toEqual(['Kita-Statistik Jugendamt', 'Kita-Bedarfsplan Träger']);
  });

  it('refuses an indicator of rates or a missing Stichtag and changes nothing; back to facilities with null', async () => {
    const before = await call('planning.supply', {});
    const rate = await callError('planning.setSupply', { fromData: [{ kind: 'kita', indicator: 'refugees_per_1000', period: null }] });
    expect(rate.message.de).toMatch(/Anteil oder eine Rate.*Nichts geändert/);
    const kita = before.fromData[0]!.indicator;
    const noPeriod = await callError('planning.setSupply', { fromData: [{ kind: 'kita', indicator: kita, period: '2019-12-31' }] });
    expect(noPeriod.message.de).toMatch(/keine Werte zum 31\.12\.2019\. Nichts geändert\. Bitte einen dieser Stichtage wählen: 31\.12\.2024, 31\.12\.2025/);
    const gone = await callError('planning.setSupply', { fromData: [{ kind: 'kita', indicator: 'gibt_es_nicht', period: null }] });
    expect(gone.message.de).toMatch(/nicht \(mehr\).*Nichts geändert/);
    expect(await call('planning.supply', {})).toEqual(before);
    // Changing the catchment keeps the setting (both live in one stored record).
    expect((await call('planning.setSupply', { catchmentKm: 3 })).fromData).toEqual(before.fromData);
    await call('planning.setSupply', { catchmentKm: before.catchmentKm });
    const back = await call('planning.setSupply', { fromData: [{ kind: 'kita', indicator: null, period: null }] });
    expect(back.fromData).toEqual([]);
    expect(back.areas[0]!.supply.kita).not.toBe(1000);
  });

  it('names the list in the run\'s assumptions and the stored results, and never offers a stored projection as supply', async () => {
    // The list imported above, 31.12.2024 and 31.12.2025.
    const indicator = (await call('planning.supply', {})).dataCandidates[0]!.id;
    expect(indicator).toBe('kita_plaetze_total');
    await call('planning.setSupply', { fromData: [{ kind: 'kita', indicator, period: null }] });
    const run = await call('planning.run', { scenarioId: 'mittel', year: 2025 });
    const origin = run.assumptions.find((assumption) => assumption.id === 'supply.kita');
    expect(origin).toMatchObject({ label: { de: 'Angebot KiTa-Plätze' }, basis: { kind: 'source', text: { de: 'Kita-Plätze (Kita-Statistik Jugendamt, 31.12.2025)' } } });
    const stored = await call('planning.storeResults', { scenarioId: 'mittel' });
    const project = await call('project.current');
    const projection = project.sources.find((source) => source.id === stored.sourceId)!;
    expect(projection.attribution).toContain('Angebot KiTa-Plätze: Kita-Plätze (Kita-Statistik Jugendamt, 31.12.2025)');
    expect(projection.notes).toContain('Angebot KiTa-Plätze: Kita-Plätze (Kita-Statistik Jugendamt, 31.12.2025)');
    // The stored demand counts places too, but a projection is no supply: not offered, and refused.
    const listing = await call('planning.supply', {});
    expect(stored.indicators.some((id) => id.startsWith('projected_demand_kita'))).toBe(true);
    expect(listing.dataCandidates.map((candidate) => candidate.id).filter((id) => id.startsWith('projected_'))).toEqual([]);
    const refused = await callError('planning.setSupply', { fromData: [{ kind: 'kita', indicator: stored.indicators.find((id) => id.startsWith('projected_demand_kita'))!, period: null }] });
    expect(refused.message.de).toMatch(/gespeichertes Ergebnis einer Projektion.*Nichts geändert/);
    // Undo puts back even a setting that the checks of a new choice would refuse; it then shows its problem.
    const restored = await call('planning.setSupply', { fromData: [{ kind: 'kita', indicator: 'gibt_es_nicht', period: null }], restoring: true });
    expect(restored.fromData[0]).toMatchObject({ indicator: 'gibt_es_nicht', problem: { de: expect.stringMatching(/nicht \(mehr\)/) } });
    await call('planning.setSupply', { fromData: [{ kind: 'kita', indicator, period: null }] });
  });

  it('a list of one layer\'s areas leaves the supply of another layer unknown with one reason, not a gap in every area', async () => {
    const file = path.join(directory.path, 'bezirke.geojson');
    const square = (x: number) => [[[x, 52.3], [x + 0.05, 52.3], [x + 0.05, 52.35], [x, 52.35], [x, 52.3]]];
    fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [0, 1].map((index) => ({ type: 'Feature', properties: { key: `B${index}`, name: `Bezirk ${index}` }, geometry: { type: 'Polygon', coordinates: square(9.7 + index * 0.05) } })) }));
    const preview = await call('import.previewBoundaries', { path: file, keyField: 'key', nameField: 'name' });
    await call('import.commit', { importId: preview.importId, layerName: 'bezirke' });
    const listing = await call('planning.supply', { layer: 'bezirke' });
    expect(listing.fromData[0]!.problem?.de).toMatch(/für keines der Gebiete dieser Ebene einen Wert/);
    expect(listing.fromData[0]!.areasWithoutValue).toEqual([]);
    expect(listing.areas.map((area) => area.supply.kita)).toEqual([null, null]);
  });

  it('a stored setting naming an indicator the project lacks leaves the supply unknown with a reason, never a failed tab', async () => {
    const file = path.join(directory.path, 'supply-from-data.gpkg');
    await call('project.saveAs', { path: file });
    // As an older or hand-edited file could hold it: the setting survives, its indicator does not.
    const db = new Database(file);
    db.prepare("UPDATE kleinraum_rates SET rates_json = json_set(rates_json, '$.fromData', json('{\"kita\":{\"indicator\":\"kita_weg\",\"period\":null}}')) WHERE rates_id = 'supply'").run();
    db.close();
    await call('project.open', { path: file });
    const listing = await call('planning.supply', {});
    expect(listing.fromData[0]!.problem?.de).toMatch(/„kita_weg“ gibt es im Projekt nicht \(mehr\).*Das Angebot ist darum unbekannt/);
    expect(listing.areas.every((area) => area.supply.kita === null)).toBe(true);
    const run = await call('planning.run', { scenarioId: 'mittel', year: 2025 });
    expect(run.areas.every((area) => area.years[0]!.gap.kita === null)).toBe(true);
    // The banner, the command line's report and stored notes get a short origin, not the tab's instructions.
    expect(run.assumptions.find((assumption) => assumption.id === 'supply.kita')?.basis.text).toEqual({ de: 'unbekannt (Kennzahl „kita_weg“ nicht verwendbar)', en: 'unknown (indicator "kita_weg" not usable)' });
  });
});

describe('kleinraum scenario (CLI)', () => {
  it('prints the projection as one JSON document, and the scenarios in info', async () => {
    const dataDir = path.join(directory.path, 'cli-data');
    const demoPath = path.join(directory.path, 'cli-demo.gpkg');
    expect((await runKleinraum(['demo', '--out', demoPath], dataDir)).exitCode).toBe(0);
    const info = JSON.parse((await runKleinraum(['info', demoPath, '--json'], dataDir)).stdout) as { scenarios: { id: string; name: string }[] };
    expect(info.scenarios).toEqual([
      { id: 'niedrig', name: 'Niedriger Zugang' },
      { id: 'mittel', name: 'Mittlerer Zugang' },
      { id: 'hoch', name: 'Hoher Zugang' },
    ]);
    const result = await runKleinraum(['scenario', demoPath, '--scenario', 'hoch', '--year', '2028', '--json'], dataDir);
    expect(result.exitCode).toBe(0);
    const document = JSON.parse(result.stdout) as MethodOutput<'planning.run'>;
    expect(document.scenario.id).toBe('hoch');
    expect(document.years).toEqual([2028]);
    const area = document.areas.find((candidate) => candidate.key === '03241001')!;
    expect(Object.keys(area.years[0]!.demand).sort()).toEqual(['accommodation', 'integration', 'kita', 'school', 'staff']);
    expect(area.years[0]!.supply.kita).toBeGreaterThan(0);

    const unknown = await runKleinraum(['scenario', demoPath, '--scenario', 'gibtsnicht'], dataDir);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).not.toMatch(/^\s+at /m);
    const usage = await runKleinraum(['scenario', demoPath], dataDir);
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr).toContain('--scenario');
    const badYear = await runKleinraum(['scenario', demoPath, '--scenario', 'hoch', '--year', '2050'], dataDir);
    expect(badYear.exitCode).toBe(1);
  });
});
