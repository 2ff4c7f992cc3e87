/**
 * How a table enters a project that already holds its figure (issue 10), through the contract on the demo:
 * a further source (default), replacing one source's values, or extending its series — each previewed by a
 * dry run that leaves the project as it was; bad input (an unknown source, a replace that would delete every
 * value, an extension onto a known Stichtag) refused with a message, the project unchanged. A GENESIS long
 * table (Schutzstatus × Geschlecht with "Insgesamt" rows, the Kreis row and "nicht zuordenbar") is checked
 * per area once, never double counted.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/errors';
import { createCliBackend, type CliBackend } from '../../../electron/node/cli/backend';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { sharedDataAvailable, sharedDataPath } from '../../helpers/sharedData';

const ZENSUS_GEMEINDEN = sharedDataPath('population', 'zensus2022', 'zensus2022_1000A-0000_bevoelkerung_gemeinden.csv');
const NAMES = ['Hannover', 'Barsinghausen', 'Burgdorf', 'Burgwedel', 'Garbsen', 'Gehrden', 'Hemmingen', 'Isernhagen', 'Laatzen', 'Langenhagen', 'Lehrte', 'Neustadt am Rübenberge', 'Pattensen', 'Ronnenberg', 'Seelze', 'Sehnde', 'Springe', 'Uetze', 'Wedemark', 'Wennigsen (Deister)', 'Wunstorf'];
const key = (index: number) => `03241${String(index + 1).padStart(3, '0')}`;

let temp: TempDir;
let backend: CliBackend;

beforeAll(async () => {
  temp = makeTempDir('kleinraum-source-modes-');
  backend = await createCliBackend(temp.file('data'));
});
afterAll(() => {
  backend.dispose();
  temp.remove();
});

async function expectUserError(action: Promise<unknown>, pattern: RegExp): Promise<void> {
  const error = await action.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  expect(`${(error as UserError).text.de}\n${(error as UserError).text.en}`).toMatch(pattern);
}

/** What a planner would see change: the sources, and the Zensus and register values of population. */
async function populationState() {
  const project = await backend.call('project.current', {});
  const census = await backend.call('sources.compare', { variable: 'population', period: '2022-05-15', sources: ['zensus-2022-1000a-0000', 'demo-melderegister'] });
  return { sources: project.sources.map((source) => source.id), areas: census.areas.map((area) => area.values), totals: census.totals, checks: census.checks };
}

function table(name: string, rows: string[]): string {
  const file = temp.file(name);
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

describe('a table for a figure the project already has', () => {
  it.skipIf(!sharedDataAvailable())('previews each way in with a dry run, then writes the real Zensus as a further source that is never added to the register', async () => {
    await backend.call('project.openDemo', {});
    const before = await populationState();
    const preview = await backend.call('import.previewTable', { path: ZENSUS_GEMEINDEN, layer: 'gemeinden' });
    expect(preview.existingSources.find((entry) => entry.variable === 'population')?.sources.map((source) => source.id)).toEqual(expect.arrayContaining(['zensus-2022-1000a-0000', 'demo-melderegister']));
    // The demo holds these very Zensus figures: the file repeats that source.
    expect(preview.repeatedSource).toEqual({ id: 'zensus-2022-1000a-0000', name: expect.stringContaining('Zensus 2022') });

    // Replace the Zensus source with the same file: the dry run says nothing changes (the Kreis row the demo has is removed).
    const replace = await backend.call('import.commit', { importId: preview.importId, mode: 'replace', targetSourceId: 'zensus-2022-1000a-0000', dryRun: true });
    expect(replace.dryRun).toBe(true);
    expect(replace.changes).toMatchObject({ changed: 0, added: 0, unchanged: 21 });
    // Extending the Zensus series with the Stichtag it has is refused.
    await expectUserError(backend.call('import.commit', { importId: preview.importId, mode: 'extend', targetSourceId: 'zensus-2022-1000a-0000', dryRun: true }), /hat für „Bevölkerung“ schon Werte zum 15\.05\.2022.*„Werte einer Quelle ersetzen“ wählen/);
    // The same figures once more as a further source would only repeat the Zensus: refused, also without a dry run.
    await expectUserError(backend.call('import.commit', { importId: preview.importId, sourceName: 'Zensus 2022 (Import)', dryRun: true }), /schon unverändert in der Quelle „Zensus 2022.*--as replace:zensus-2022-1000a-0000/s);
    await expectUserError(backend.call('import.commit', { importId: preview.importId, sourceName: 'Zensus 2022 (Import)' }), /Nichts geändert/);
    expect(await populationState()).toEqual(before);

    // The file as a planner corrected it (Hannover + 9) is a further source of its own.
    const original = readFileSync(ZENSUS_GEMEINDEN, 'utf8');
    const corrected = table('zensus2022_korrigiert.csv', [original.replace(';Hannover, Landeshauptstadt;Personen;Anzahl;513291;', ';Hannover, Landeshauptstadt;Personen;Anzahl;513300;')]);
    const correctedPreview = await backend.call('import.previewTable', { path: corrected, layer: 'gemeinden' });
    expect(correctedPreview.repeatedSource).toBeNull();
    const further = await backend.call('import.commit', { importId: correctedPreview.importId, sourceName: 'Zensus 2022 (Import)', dryRun: true });
    expect(further.mode).toBe('new-source');
    expect(further.message.de).toMatch(/als Quelle „Zensus 2022 \(Import\)“ gespeichert/);
    // The sources the map keeps showing are named as the planner knows them, not by their ids.
    expect(further.message.de).toMatch(/zeigen weiter „Bevölkerung“ \(Einwohnermelderegister/);
    expect(further.message.de).not.toContain('demo-melderegister');
    expect(await populationState()).toEqual(before);

    const committed = await backend.call('import.commit', { importId: correctedPreview.importId, sourceName: 'Zensus 2022 (Import)' });
    const comparison = await backend.call('sources.compare', { variable: 'population', period: '2022-05-15', sources: ['zensus-2022-1000a-0000', committed.sourceId] });
    // Side by side, identical but for Hannover, and the region total is each source's own — not the sum of both.
    expect(comparison.areas.filter((area) => area.gap !== 0).map((area) => [area.key, area.gap])).toEqual([['03241001', 9]]);
    expect(comparison.totals).toEqual({ 'zensus-2022-1000a-0000': 1_129_158, [committed.sourceId]: 1_129_167 });
    const shown = await backend.call('indicator.values', { indicatorId: 'population_total', layer: 'gemeinden', period: '2021-12-31' });
    expect(shown.values.every((value) => value.sourceId === 'demo-melderegister')).toBe(true);
  }, 120_000);

  it('extends a series with a new Stichtag, and refuses an unknown source and a replace that would delete every value, leaving the project unchanged', async () => {
    await backend.call('project.openDemo', {});
    const later = table('einwohner_2025-12-31.csv', ['AGS;Name;Einwohner', ...NAMES.map((name, index) => `${key(index)};${name};${1000 + index}`)]);
    const extendPreview = await backend.call('import.previewTable', { path: later, layer: 'gemeinden' });
    const extended = await backend.call('import.commit', { importId: extendPreview.importId, mode: 'extend', targetSourceId: 'demo-melderegister', dryRun: true });
    expect(extended.changes).toMatchObject({ added: 21, changed: 0, removed: 0 });
    expect(extended.message.de).toMatch(/Reihe der Quelle „Einwohnermelderegister.*erweitert: 21 Werte/);
    // The demo's register is synthetic; figures a planner adds to its series are not labelled so.
    const written = await backend.call('import.commit', { importId: extendPreview.importId, mode: 'extend', targetSourceId: 'demo-melderegister' });
    expect(written.changes).toMatchObject({ added: 21 });
    const added = await backend.call('indicator.values', { indicatorId: 'population_total', layer: 'gemeinden', period: '2025-12-31' });
    expect(new Set(added.values.map((value) => value.quality))).toEqual(new Set(['counted']));
    await backend.call('project.openDemo', {});

    const before = await populationState();
    const missing = table('einwohner_2022-05-15.csv', ['AGS;Name;Einwohner', ...NAMES.map((name, index) => `${key(index)};${name};-`)]);
    const preview = await backend.call('import.previewTable', { path: missing, layer: 'gemeinden' });
    await expectUserError(backend.call('import.commit', { importId: preview.importId, mode: 'replace', targetSourceId: 'no-such-source' }), /Quelle „no-such-source“ gibt es in diesem Projekt nicht.*Vorhanden: .*zensus-2022-1000a-0000/);
    // Every cell "-": replacing would turn the 21 census values (and the Kreis row) into nothing.
    await expectUserError(backend.call('import.commit', { importId: preview.importId, mode: 'replace', targetSourceId: 'zensus-2022-1000a-0000', dryRun: true }), /würde alle 22 Werte der Quelle „Zensus 2022.*löschen/);
    await expectUserError(backend.call('import.commit', { importId: preview.importId, mode: 'replace', targetSourceId: 'zensus-2022-1000a-0000' }), /Nichts geändert/);
    expect(await populationState()).toEqual(before);
    // Rows repeating an area that no column of the mapping tells apart: the proposal names the column, not "Doppelte Beobachtung".
    const repeated = table('unterkuenfte_2024-12-31.csv', ['AGS;Name;Unterkunftsart;Plaetze', ...NAMES.slice(0, 3).flatMap((name, index) => [`${key(index)};${name};Gemeinschaftsunterkunft;${10 + index}`, `${key(index)};${name};Wohnung;${20 + index}`])]);
    const repeatedPreview = await backend.call('import.previewTable', { path: repeated, layer: 'gemeinden' });
    expect(repeatedPreview.repeatedKeyHint).toMatchObject({ areaCount: 3, columnLabel: 'Unterkunftsart' });
    await expectUserError(backend.call('import.commit', { importId: repeatedPreview.importId }), /Spalte „Unterkunftsart“ unterscheidet sie: bitte als Merkmal zuordnen \(CLI: --dimension "Unterkunftsart=MERKMAL"\)/);
    expect(await populationState()).toEqual(before);
    // Comparing with a source that holds nothing of the figure says so instead of a column of dashes.
    await expectUserError(backend.call('sources.compare', { variable: 'population', sources: ['demo-melderegister', 'demo-azr'] }), /demo-azr \(sources\) enthalten keine Werte von „Bevölkerung“/);
  }, 120_000);
});

describe('the same file again with a later Stichtag', () => {
  it('proposes extending the series of the source it continues, and refuses a further source of the same name, leaving the project unchanged', async () => {
    await backend.call('project.openDemo', {});
    // A hand-made table without a Stichtag, as planners keep them: the wizard asks for the date ("Stichtag für alle Zeilen").
    const file = table('kita.csv', ['AGS;Name;Kita-Plätze', ...NAMES.map((name, index) => `${key(index)};${name};${300 + index}`)]);
    const first = await backend.call('import.previewTable', { path: file, layer: 'gemeinden' });
    expect([first.continuedSource, first.source.name]).toEqual([null, 'kita.csv']);
    const mapping = { ...first.mapping, period: '2023-12-31' };
    await backend.call('import.cancel', { importId: first.importId });
    const dated = await backend.call('import.previewTable', { path: file, layer: 'gemeinden', mapping });
    // Named by the planner: the source keeps the note of the file it came from.
    const imported = await backend.call('import.commit', { importId: dated.importId, sourceName: 'Kita-Bedarfsplanung' });
    const variable = dated.observations.variables[0]!.id;

    // A year later, the same file with the next Stichtag.
    const again = await backend.call('import.previewTable', { path: file, layer: 'gemeinden', mapping: { ...mapping, period: '2024-12-31' } });
    expect(again.continuedSource).toEqual({ id: imported.sourceId, name: 'Kita-Bedarfsplanung', mode: 'extend', reason: 'fileName' });
    expect(again.sourceNames).toContain('Kita-Bedarfsplanung');
    const before = await backend.call('project.current', {});
    await expectUserError(
      backend.call('import.commit', { importId: again.importId, mode: 'new-source', sourceName: ' KITA-Bedarfsplanung ' }),
      /Quelle „Kita-Bedarfsplanung“ gibt es in diesem Projekt schon\. Nichts geändert\..*--as extend --source/,
    );
    expect((await backend.call('project.current', {})).sources).toEqual(before.sources);

    const extended = await backend.call('import.commit', { importId: again.importId, mode: 'extend', targetSourceId: imported.sourceId });
    expect(extended.sourceId).toBe(imported.sourceId);
    const project = await backend.call('project.current', {});
    expect(project.sources.filter((source) => source.name.startsWith('Kita')).map((source) => [source.name, source.stichtag])).toEqual([['Kita-Bedarfsplanung', '2024-12-31']]);
    expect(project.variables.find((candidate) => candidate.id === variable)?.periods).toEqual(['2023-12-31', '2024-12-31']);
    // A figure of the earlier Stichtag names that Stichtag in its source line, not the series' latest.
    const indicatorId = project.indicators.find((indicator) => indicator.periods.join() === '2023-12-31,2024-12-31' && indicator.name.de === 'Kita-Plätze')!.id;
    const footer = async (view: object) => {
      const figure = await backend.call('export.map', { view: { indicatorId, layer: 'gemeinden', ...view }, format: 'svg' });
      return /<g id="footer">(.*?)<\/g>/s.exec(Buffer.from(figure.base64 ?? '', 'base64').toString('utf8'))?.[1] ?? '';
    };
    expect(await footer({ period: '2023-12-31' })).toContain('Daten: Kita-Bedarfsplanung, Stichtag 31.12.2023');
    expect(await footer({ period: '2024-12-31', derivation: { mode: 'change', comparePeriod: '2023-12-31' } })).toContain('Daten: Kita-Bedarfsplanung, Stichtage 31.12.2023 und 31.12.2024');

    // The same Stichtag once more continues nothing: the file then repeats the source (the repeated-file warning).
    const repeated = await backend.call('import.previewTable', { path: file, layer: 'gemeinden', mapping: { ...mapping, period: '2024-12-31' } });
    expect([repeated.continuedSource, repeated.repeatedSource?.id]).toEqual([null, imported.sourceId]);
    // The same file with corrected values for a Stichtag the source has is a new version of it: replacing is proposed.
    const corrected = path.join(temp.file('korrigiert'), 'kita.csv');
    mkdirSync(path.dirname(corrected));
    writeFileSync(corrected, `${['AGS;Name;Kita-Plätze', ...NAMES.map((name, index) => `${key(index)};${name};${310 + index}`)].join('\n')}\n`);
    const revised = await backend.call('import.previewTable', { path: corrected, layer: 'gemeinden', mapping: { ...mapping, period: '2024-12-31' } });
    expect([revised.repeatedSource, revised.continuedSource]).toEqual([null, { id: imported.sourceId, name: 'Kita-Bedarfsplanung', mode: 'replace', reason: 'fileName' }]);
    await backend.call('import.cancel', { importId: revised.importId });

    // Kept under the file's name, the same file's next Stichtag is proposed a name the source menu can tell apart.
    const other = table('plaetze.csv', ['AGS;Name;Kita-Plätze', ...NAMES.map((name, index) => `${key(index)};${name};${400 + index}`)]);
    const otherFirst = await backend.call('import.previewTable', { path: other, layer: 'gemeinden', mapping: { ...mapping, period: '2023-12-31' } });
    await backend.call('import.commit', { importId: otherFirst.importId, mode: 'new-source' });
    const otherAgain = await backend.call('import.previewTable', { path: other, layer: 'gemeinden', mapping: { ...mapping, period: '2025-12-31' } });
    expect(otherAgain.continuedSource?.name).toBe('plaetze.csv');
    expect(otherAgain.source.name).toBe('plaetze.csv (Stichtag 31.12.2025)');
    // The command line gives the Stichtag only to the commit (--period): the commit dates the name by what it writes.
    const undated = await backend.call('import.previewTable', { path: other, layer: 'gemeinden' });
    const further = await backend.call('import.commit', { importId: undated.importId, period: '2026-12-31' });
    expect(further.source.name).toBe('plaetze.csv (Stichtag 31.12.2026)');
    // A typed name is kept as a planner reads it: a run of blanks does not make it another name.
    const spaced = await backend.call('import.previewTable', { path: other, layer: 'gemeinden', mapping: { ...mapping, period: '2027-12-31' } });
    await expectUserError(backend.call('import.commit', { importId: spaced.importId, mode: 'new-source', sourceName: 'plaetze.csv  (Stichtag 31.12.2026)' }), /gibt es in diesem Projekt schon/);
    // Without --source the extension continues the source the file came from, not the figure's first source.
    const extended2 = await backend.call('import.commit', { importId: spaced.importId, mode: 'extend' });
    expect(extended2.source.name).toBe('plaetze.csv');
  }, 120_000);
});

describe('next year\'s file under a new name (kita_2025.csv after kita_2024.csv)', () => {
  it('is known by its columns and areas and proposed to extend that series, never another list of the same form, never to replace', async () => {
    await backend.call('project.openDemo', {});
    const header = 'AGS;Gemeinde;Plätze in Tagespflege';
    const rows = (base: number, names = NAMES) => [header, ...names.map((name, index) => `${key(index)};${name};${base + index}`)];
    const southWestRows = (base: number) => [header, ...NAMES.slice(16).map((name, index) => `${key(16 + index)};${name};${base + index}`)];
    // The district's own list of five municipalities comes first, so it ranks first for the figure.
    const side = await backend.call('import.previewTable', { path: table('tagespflege_suedwest_2024.csv', southWestRows(5)), layer: 'gemeinden' });
    const southWest = await backend.call('import.commit', { importId: side.importId, period: '2024-12-31', sourceName: 'Tagespflege Südwest' });
    const first = await backend.call('import.previewTable', { path: table('tagespflege_2024.csv', rows(50)), layer: 'gemeinden' });
    const imported = await backend.call('import.commit', { importId: first.importId, period: '2024-12-31', sourceName: 'Tagespflege (Jugendamt)' });

    const next = await backend.call('import.previewTable', { path: table('tagespflege_2025.csv', rows(60)), layer: 'gemeinden', mapping: { ...first.mapping, period: '2025-12-31' } });
    expect(next.continuedSource).toEqual({ id: imported.sourceId, name: 'Tagespflege (Jugendamt)', mode: 'extend', reason: 'tableLayout' });
    // The command line's `--as extend` without --source follows the proposal, not the figure's first-ranked source.
    const extended = await backend.call('import.commit', { importId: next.importId, mode: 'extend' });
    expect(extended.sourceId).toBe(imported.sourceId);
    const variable = first.observations.variables[0]!.id;
    expect((await backend.call('project.current', {})).variables.find((candidate) => candidate.id === variable)?.periods).toEqual(['2024-12-31', '2025-12-31']);

    // The district's next list went into its own source last; the next full list still continues the full series.
    const sideNext = await backend.call('import.previewTable', { path: table('tagespflege_suedwest_2025.csv', southWestRows(6)), layer: 'gemeinden', mapping: { ...first.mapping, period: '2025-12-31' } });
    expect(sideNext.continuedSource).toEqual({ id: southWest.sourceId, name: 'Tagespflege Südwest', mode: 'extend', reason: 'tableLayout' });
    await backend.call('import.commit', { importId: sideNext.importId, mode: 'extend' });
    const full2026 = await backend.call('import.previewTable', { path: table('tagespflege_2026.csv', rows(70)), layer: 'gemeinden', mapping: { ...first.mapping, period: '2026-12-31' } });
    expect(full2026.continuedSource?.id).toBe(imported.sourceId);
    await backend.call('import.cancel', { importId: full2026.importId });

    // Another district's list of the same form for a Stichtag the series has is not a new version of it, and
    // one for a new Stichtag covers other areas: neither is proposed for the full series.
    const otherDistrict = table('tagespflege_nord_2025.csv', [header, ...NAMES.slice(0, 5).map((name, index) => `${key(index)};${name};${70 + index}`)]);
    const other = await backend.call('import.previewTable', { path: otherDistrict, layer: 'gemeinden', mapping: { ...first.mapping, period: '2025-12-31' } });
    expect(other.continuedSource).toBeNull();
    await backend.call('import.cancel', { importId: other.importId });
    const otherLater = await backend.call('import.previewTable', { path: otherDistrict, layer: 'gemeinden', mapping: { ...first.mapping, period: '2027-12-31' } });
    expect(otherLater.continuedSource).toBeNull();
    await backend.call('import.cancel', { importId: otherLater.importId });

    // A table of other columns is not taken for it.
    const differentColumns = table('tagespflege_2028.csv', ['AGS;Gemeinde;Plätze in Tagespflege;Kinder unter 3', ...NAMES.map((name, index) => `${key(index)};${name};${80 + index};${index}`)]);
    const different = await backend.call('import.previewTable', { path: differentColumns, layer: 'gemeinden' });
    expect(different.continuedSource).toBeNull();
    await backend.call('import.cancel', { importId: different.importId });
  }, 60_000);
});

describe('a GENESIS long table: Schutzstatus × Geschlecht with totals, the Kreis row and "nicht zuordenbar"', () => {
  it('writes each area once, checks the Kreis row against the areas plus "nicht zuordenbar", and compares it with the register', async () => {
    await backend.call('project.openDemo', {});
    const statuses = ['Aufenthaltsgestattung', 'Duldung', 'anerkannter Schutzstatus'];
    const rows = ['Schutzsuchende nach Gemeinden, Schutzstatus und Geschlecht', 'Stichtag;Gemeinde;Name;Schutzstatus;Geschlecht;Anzahl'];
    let region = 0;
    NAMES.forEach((name, index) => {
      let area = 0;
      const bySex = { männlich: 0, weiblich: 0 };
      statuses.forEach((status, statusIndex) => {
        const male = 10 + index + statusIndex;
        const female = 5 + 2 * index + statusIndex;
        bySex.männlich += male;
        bySex.weiblich += female;
        area += male + female;
        rows.push(`31.12.2024;${key(index)};${name};${status};männlich;${male}`, `31.12.2024;${key(index)};${name};${status};weiblich;${female}`, `31.12.2024;${key(index)};${name};${status};Insgesamt;${male + female}`);
      });
      rows.push(`31.12.2024;${key(index)};${name};Insgesamt;männlich;${bySex.männlich}`, `31.12.2024;${key(index)};${name};Insgesamt;weiblich;${bySex.weiblich}`, `31.12.2024;${key(index)};${name};Insgesamt;Insgesamt;${area}`);
      region += area;
    });
    rows.push(`31.12.2024;03241;Region Hannover;Insgesamt;Insgesamt;${region + 37}`, '31.12.2024;03241999;nicht zuordenbar;Insgesamt;Insgesamt;37');
    const file = table('schutzsuchende_lang.csv', rows);
    const proposed = await backend.call('import.previewTable', { path: file, layer: 'gemeinden' });
    // "Anzahl" measures the project's refugees (the wizard's variable picker; CLI: --variable refugees).
    await backend.call('import.cancel', { importId: proposed.importId });
    const mapping = { ...proposed.mapping, valueColumns: proposed.mapping.valueColumns.map((column) => ({ ...column, variable: 'refugees' })) };
    const preview = await backend.call('import.previewTable', { path: file, layer: 'gemeinden', mapping });
    expect(preview.mapping.dimensionColumns.map((column) => column.dimension)).toEqual(['status', 'sex']);
    expect(preview.observations.reportedTotalRows).toBe(1);
    expect(preview.observations.unassignableRows).toBe(1);
    // The Kreis row against the 21 areas counted once plus what could not be assigned (the row-wise check added every row).
    expect(preview.joinReport.totals).toEqual([expect.objectContaining({ aggregateKey: '03241', aggregateValue: region + 37, sumOfAreas: region + 37, areaCount: 21, consistent: true, period: '2024-12-31' })]);
    const committed = await backend.call('import.commit', { importId: preview.importId, sourceName: 'Ausländerbehörde (Test)' });
    expect(committed.breakdownTotals).toEqual({ checked: 21 * 6, mismatched: 0 });
    const comparison = await backend.call('sources.compare', { variable: 'refugees', period: '2024-12-31', sources: ['demo-azr', committed.sourceId] });
    expect(comparison.totals[committed.sourceId]).toBe(region);
    expect(comparison.checks.find((check) => check.sourceId === committed.sourceId)).toMatchObject({ reported: region + 37, unassignable: 37, difference: 0 });
  }, 120_000);
});
