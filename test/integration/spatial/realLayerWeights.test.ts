/**
 * Weights from the real boundaries in ../shared/data, read exactly as the import stores them, against
 * spdep `poly2nb` and PySAL (test/golden/spatial): the 21 Städte und Gemeinden of Region Hannover (BKG
 * VG250, UTM 32N reprojected to WGS84) and the 51 Stadtteile of Hannover (WGS84 GeoJSON).
 */
import { describe, expect, it } from 'vitest';
import { areaCentroid } from '../../../shared/spatial/areaCentroid';
import { contiguityWeights } from '../../../shared/spatial/contiguityWeights';
import { nearestNeighbourWeights } from '../../../shared/spatial/nearestNeighbourWeights';
import { islandIndexes, neighbourLists } from '../../../shared/spatial/spatialWeights';
import { hannoverStadtteile, regionHannoverGemeinden, type GoldenArea } from '../../golden/spatial/goldenCases';
import { sharedDataAvailable } from '../../helpers/sharedData';
import { skipWithReason } from '../../helpers/skipWithReason';
import { goldenInput, pysalOutput, spdepOutput, type GoldenCase } from '../../unit/spatial/goldenFiles';

const cases: [GoldenCase, () => Promise<GoldenArea[]>][] = [
  ['region-hannover-21', regionHannoverGemeinden],
  ['hannover-stadtteile-51', hannoverStadtteile],
];

describe.each(cases)('weights of the real layer %s', (name, load) => {
  it('keys, centroids, queen, rook and 4 nearest neighbours as spdep and PySAL computed them', async (context) => {
    if (!sharedDataAvailable()) skipWithReason(context, '../shared/data is not present beside the checkout');
    const areas = await load();
    const input = goldenInput(name);
    const spdep = spdepOutput(name);
    const pysal = pysalOutput(name);
    expect(areas.map((area) => area.key)).toEqual(input.keys);
    areas.forEach((area, index) => {
      const [x, y] = areaCentroid(area.geometry);
      expect(Math.abs(x - spdep.centroidsSf[index]![0])).toBeLessThan(1e-9);
      expect(Math.abs(y - spdep.centroidsSf[index]![1])).toBeLessThan(1e-9);
    });
    const queen = contiguityWeights(areas, 'queen', input.toleranceDegrees);
    expect(neighbourLists(queen)).toEqual(spdep.neighbours.queen);
    expect(neighbourLists(queen)).toEqual(pysal.neighbours.queen);
    expect(neighbourLists(contiguityWeights(areas, 'rook', input.toleranceDegrees))).toEqual(pysal.neighbours.rook);
    const knn = neighbourLists(nearestNeighbourWeights(input.keys, input.centroids, 4));
    expect(knn).toEqual(spdep.neighbours.knn4);
    expect(knn).toEqual(pysal.neighbours.knn4);
    expect(islandIndexes(queen)).toEqual([]);
  });
});

describe('Hannover as a neighbour', () => {
  it('the city of Hannover (03241001) borders the ring of towns around it, not the outer ones', async (context) => {
    if (!sharedDataAvailable()) skipWithReason(context, '../shared/data is not present beside the checkout');
    const areas = await regionHannoverGemeinden();
    const weights = contiguityWeights(areas, 'queen');
    const hannover = areas.findIndex((area) => area.key === '03241001');
    // The simplified VG250 carries only keys: Garbsen, Hemmingen, Isernhagen, Laatzen, Langenhagen, Ronnenberg, Seelze …
    const keys = neighbourLists(weights)[hannover]!.map((index) => areas[index]!.key).sort();
    expect(keys).toEqual(expect.arrayContaining(['03241005', '03241007', '03241008', '03241009', '03241010', '03241014', '03241015']));
    // … and not Neustadt am Rübenberge, Springe or Uetze at the region's edge.
    for (const outer of ['03241012', '03241017', '03241018']) expect(keys).not.toContain(outer);
  });
});
