/**
 * Arrivals and departures imported from a table become the movements of their stock, so the balance
 * (Bilanz) works on a planner's own figures, not only on the demo: "Wohnungslose | Zugänge | Abgänge" at
 * two Stichtage, through the same preview → commit the wizard and the CLI use.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliBackend, type CliBackend } from '../../../electron/node/cli/backend';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let temp: TempDir;
let backend: CliBackend;

beforeAll(async () => {
  temp = makeTempDir('kleinraum-movement-import-');
  backend = await createCliBackend(temp.file('data'));
});
afterAll(() => {
  backend.dispose();
  temp.remove();
});

/** Hannover and Barsinghausen: stock, arrivals and departures per row. */
function table(name: string, rows: [number, number, number][]): string {
  const file = temp.file(name);
  const lines = ['AGS;Name;Wohnungslose;Zugänge;Abgänge', `03241001;Hannover;${rows[0]!.join(';')}`, `03241002;Barsinghausen;${rows[1]!.join(';')}`];
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('a table of a stock with its arrivals and departures', () => {
  it('proposes the movements as the stock\'s, writes them as movements, and the balance closes on them', async () => {
    await backend.call('project.openDemo', {});
    const first = await backend.call('import.previewTable', { path: table('wohnungslose_2022-12-31.csv', [[3100, 0, 0], [40, 0, 0]]), layer: 'gemeinden' });
    expect(first.observations.variables.map(({ id, isNew, movement }) => ({ id, isNew, movement }))).toEqual([
      { id: 'wohnungslose', isNew: true, movement: null },
      { id: 'wohnungslose_arrivals', isNew: true, movement: { stock: 'wohnungslose', term: 'inflow' } },
      { id: 'wohnungslose_departures', isNew: true, movement: { stock: 'wohnungslose', term: 'outflow' } },
    ]);
    // The columns keep their own labels as names.
    expect(first.observations.variables[1]!.name.de).toBe('Zugänge');
    const written = await backend.call('import.commit', { importId: first.importId, sourceName: 'Wohnungslosenstatistik der Stadt' });
    const second = await backend.call('import.previewTable', { path: table('wohnungslose_2023-12-31.csv', [[3350, 900, 650], [38, 5, 7]]), layer: 'gemeinden' });
    await backend.call('import.commit', { importId: second.importId, mode: 'extend', targetSourceId: written.source.id });

    const project = await backend.call('project.current', {});
    expect(project.variables.filter((variable) => variable.id.startsWith('wohnungslose')).map(({ id, kind }) => ({ id, kind }))).toEqual([
      { id: 'wohnungslose', kind: 'stock' },
      { id: 'wohnungslose_arrivals', kind: 'flow' },
      { id: 'wohnungslose_departures', kind: 'flow' },
    ]);
    const balance = await backend.call('balance.compute', { variable: 'wohnungslose', layer: 'gemeinden', thresholdPercent: 1 });
    const hannover = balance.areas.find((area) => area.key === '03241001')!;
    expect(hannover.periods).toHaveLength(1);
    expect(hannover.periods[0]).toMatchObject({ previousPeriod: '2022-12-31', period: '2023-12-31', stockStart: { value: 3100 }, stockEnd: { value: 3350 }, residual: 0, flagged: false });
    expect(hannover.periods[0]!.flows).toMatchObject({ inflow: { value: 900 }, outflow: { value: 650 } });
    // Barsinghausen: 40 + 5 − 7 = 38, closes as well.
    expect(balance.areas.find((area) => area.key === '03241002')!.periods[0]).toMatchObject({ residual: 0 });
  });

  it('keeps a column the planner calls a stock as one, though its id reads like a movement', async () => {
    await backend.call('project.openDemo', {});
    const preview = await backend.call('import.previewTable', { path: table('obdachlose_2022-12-31.csv', [[10, 1, 2], [3, 0, 1]]), layer: 'gemeinden' });
    await backend.call('import.commit', { importId: preview.importId, variableKinds: { wohnungslose_arrivals: 'stock' } });
    const project = await backend.call('project.current', {});
    expect(project.variables.find((variable) => variable.id === 'wohnungslose_arrivals')?.kind).toBe('stock');
    expect(project.variables.find((variable) => variable.id === 'wohnungslose_departures')?.kind).toBe('flow');
  });

  it('does not call an area repeated that has one row per Stichtag, but still one with two rows for the same Stichtag', async () => {
    await backend.call('project.openDemo', {});
    const file = temp.file('wohnungslose_lang.csv');
    const long = ['AGS;Name;Stichtag;Wohnungslose', '03241001;Hannover;31.12.2023;3100', '03241001;Hannover;31.12.2024;3350', '03241002;Barsinghausen;31.12.2023;40', '03241002;Barsinghausen;31.12.2024;38'];
    writeFileSync(file, `${long.join('\n')}\n`);
    const preview = await backend.call('import.previewTable', { path: file, layer: 'gemeinden' });
    expect(preview.observations.periods).toEqual(['2023-12-31', '2024-12-31']);
    expect(preview.joinReport.duplicateKeys).toEqual([]);
    expect(preview.repeatedKeyHint).toBeNull();
    writeFileSync(file, `${[...long, '03241002;Barsinghausen;31.12.2024;39'].join('\n')}\n`);
    const twice = await backend.call('import.previewTable', { path: file, layer: 'gemeinden' });
    expect(twice.joinReport.duplicateKeys.map((entry) => entry.areaKey)).toEqual(['03241002']);
    expect(twice.repeatedKeyHint?.text.de).toMatch(/^1 Gebiet kommt in mehreren Zeilen vor \(z\. B\. 03241002\)/);
  });
});
