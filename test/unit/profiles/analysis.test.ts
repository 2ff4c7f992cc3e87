import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../../shared/demo/createDemoProject';
import { observationsAsChosen } from '../../../shared/sources/sourceChoice';
import { aggregateProfiles } from '../../../shared/profiles/aggregateProfiles';
import { deviations } from '../../../shared/profiles/deviation';
import { orderPanels } from '../../../shared/profiles/orderPanels';
import { profileTable } from '../../../shared/profiles/profileTable';
import { dataTableCsv } from '../../../shared/export/dataTable';
import type { AreaProfile } from '../../../shared/profiles/profileTypes';
import { computeTypology, kMeans, silhouette, standardise } from '../../../shared/profiles/typology';
import { fixtureInput } from './profileFixtures';

function profileWith(key: string, name: string, indicators: Record<string, number | null>): AreaProfile {
  return { key, name, isRegion: key === 'region', population: null, refugees: null, pyramid: [], nationality: [], status: [], indicators };
}

describe('deviations', () => {
  const areas = [profileWith('a', 'A', { share: 10 }), profileWith('b', 'B', { share: 20 }), profileWith('c', 'C', { share: null })];
  const region = profileWith('region', 'Region', { share: 16 });

  it('index: value / region × 100', () => {
    expect(deviations(areas, region, 'share', 'index').map((row) => row.deviation)).toEqual([62.5, 125, null]);
  });
  it('percentage points: value − region', () => {
    expect(deviations(areas, region, 'share', 'percentagePoints').map((row) => row.deviation)).toEqual([-6, 4, null]);
  });
  it('z-score across the areas with values (mean 15, standard deviation 5)', () => {
    expect(deviations(areas, region, 'share', 'zScore').map((row) => row.deviation)).toEqual([-1, 1, null]);
  });
});

describe('typology', () => {
  it('k-means finds two well separated groups and numbers them by first appearance', () => {
    expect(kMeans([[0], [0.1], [5], [5.2], [0.2]], 2)).toEqual([0, 0, 1, 1, 0]);
  });

  it('silhouette is near 1 for well separated groups and lower for a bad split', () => {
    const points = [[0], [0.1], [5], [5.2]];
    expect(silhouette(points, [0, 0, 1, 1])).toBeGreaterThan(0.95);
    expect(silhouette(points, [0, 1, 0, 1])).toBeLessThan(0);
  });

  it('standardise gives mean 0 and standard deviation 1 per column, constant columns 0', () => {
    const result = standardise([[1, 7], [3, 7]]);
    expect(result).toEqual([[-1, 0], [1, 0]]);
  });

  it('groups the demo municipalities deterministically, every area in exactly one group, with a description', () => {
    const demo = createDemoProject();
    const layer = demo.layers[0]!;
    const set = aggregateProfiles({ layer: layer.info.name, areas: layer.areas, observations: observationsAsChosen(demo), period: '2024-12-31', dimensions: demo.dimensions, sources: demo.sources, smallNumberThreshold: 3 });
    const first = computeTypology(set, 3);
    const second = computeTypology(set, 3);
    expect(second.groupOf).toEqual(first.groupOf);
    expect(first.groups).toHaveLength(3);
    expect(first.groups.flatMap((group) => group.keys).sort()).toEqual(set.areas.map((area) => area.key).sort());
    for (const group of first.groups) expect(group.description.de.length).toBeGreaterThan(5);
    expect(first.silhouette).toBeGreaterThan(-1);
    expect(first.silhouette).toBeLessThanOrEqual(1);
  });
});

describe('orderPanels', () => {
  const areas = [profileWith('1', 'Uetze', { rate: 5 }), profileWith('2', 'Aue', { rate: null }), profileWith('3', 'Burgdorf', { rate: 9 }), profileWith('4', 'Ahlten', { rate: 5 })];

  it('sorts by an indicator, ties by name, areas without a value last in both directions', () => {
    const keys = (descending: boolean) => orderPanels(areas, { sortBy: 'rate', descending, filter: '' })[0]?.areas.map((area) => area.key);
    expect(keys(true)).toEqual(['3', '4', '1', '2']);
    expect(keys(false)).toEqual(['4', '1', '3', '2']);
  });

  it('filters by name or key, case-insensitive', () => {
    expect(orderPanels(areas, { sortBy: 'name', descending: false, filter: 'bUrG' })[0]?.areas.map((area) => area.name)).toEqual(['Burgdorf']);
    // The layer's own order stays as it is when filtered, and has no direction to reverse.
    const layerOrder = areas.map((area) => area.key);
    expect(orderPanels(areas, { sortBy: null, descending: true, filter: '' })[0]?.areas.map((area) => area.key)).toEqual(layerOrder);
    expect(orderPanels(areas, { sortBy: null, descending: true, filter: 'u' })[0]?.areas.map((area) => area.key)).toEqual(['1', '2', '3']);
    expect(orderPanels(areas, { sortBy: 'name', descending: false, filter: '4' })[0]?.areas.map((area) => area.name)).toEqual(['Ahlten']);
  });

  it('keeps groups together in ascending group order, the ungrouped last', () => {
    const groups = orderPanels(areas, { sortBy: 'name', descending: false, filter: '', groupOf: { '1': 2, '2': 1, '3': 2 } });
    expect(groups.map((group) => [group.group, group.areas.map((area) => area.name)])).toEqual([
      [1, ['Aue']],
      [2, ['Burgdorf', 'Uetze']],
      [null, ['Ahlten']],
    ]);
  });
});

describe('profile tables and CSV', () => {
  const set = aggregateProfiles(fixtureInput());

  it('writes CSV with BOM, semicolons, decimal comma, German dates, empty suppressed cells with the flag "."', () => {
    const csv = dataTableCsv(profileTable(set, set.areas, 'nationality', 'de'));
    expect(csv.startsWith('\uFEFFSchlüssel;Gebiet;Stichtag;Staatsangehörigkeit;Anzahl;Anteil %;Kennzeichen\r\n')).toBe(true);
    // The town's 40 Syrians are withheld too: the region's 41 minus them would be the village's 1.
    expect(csv).toContain('\r\n01;Stadt;31.12.2024;Syrien;;;.\r\n');
    expect(csv).toContain('\r\n01;Stadt;31.12.2024;sonstige;30;30;\r\n');
    expect(csv).toContain('\r\n02;Dorf;31.12.2024;Syrien;;;.\r\n');
    expect(csv).toContain('einzelne weitere Werte, aus denen sich eine kleine Fallzahl errechnen ließe');
    // 41 of 120 foreign nationals in the region: 34,1666… %.
    expect(csv).toContain('\r\nregion;Region (Summe der Gebiete);31.12.2024;Syrien;41;34,1667;\r\n');
    expect(csv).toContain('Testdaten, synthetisch');
  });

  it('the indicator table has one row per area plus the region', () => {
    const table = profileTable(set, set.areas, 'indicators', 'en');
    expect(table.rows).toHaveLength(3);
    expect(table.columns[0]).toBe('Key');
  });
});
