import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/errors';
import { createDemoProject } from '../../../shared/demo/createDemoProject';
import { observationsAsChosen } from '../../../shared/sources/sourceChoice';
import { aggregateProfiles, publishedCell } from '../../../shared/profiles/aggregateProfiles';
import type { AreaProfile, ProfileCell } from '../../../shared/profiles/profileTypes';
import { FIXTURE_COMPARE_PERIOD, fixtureInput, fixtureObservations } from './profileFixtures';

const shareSum = (cells: readonly ProfileCell[]) => cells.reduce((sum, cell) => sum + (cell.share ?? 0), 0);
const pyramidCells = (profile: AreaProfile) => profile.pyramid.flatMap((row) => [row.male, row.female]);

describe('aggregateProfiles on hand-countable data', () => {
  const set = aggregateProfiles(fixtureInput());
  const town = set.areas[0] as AreaProfile;
  const village = set.areas[1] as AreaProfile;
  // Shares and indicators by hand, without protection: under a threshold of 1 no count is small.
  const open = aggregateProfiles(fixtureInput({ smallNumberThreshold: 1 }));
  const openTown = open.areas[0] as AreaProfile;

  it('computes shares of the area total in percent', () => {
    const town = openTown;
    // Town: 100 boys of 1 000 inhabitants = 10 %; 40 Syrians of 100 foreign nationals = 40 %.
    expect(town.pyramid[0]?.male).toEqual({ count: 100, share: 10, suppressed: false });
    expect(town.nationality[0]).toEqual({ count: 40, share: 40, suppressed: false });
    // Refugees by status: pending 20, granted 30, tolerated 10 of 60.
    expect(town.status.map((cell) => cell.count)).toEqual([20, 30, 10]);
    expect(town.status[1]?.share).toBeCloseTo(50, 10);
  });

  it('computes the key indicators', () => {
    const town = openTown;
    expect(town.indicators.population).toBe(1000);
    expect(town.indicators.refugees).toBe(60);
    expect(town.indicators.refugeesPer1000).toBeCloseTo(60, 10);
    expect(town.indicators.refugeeShare).toBeCloseTo(6, 10);
    expect(town.indicators.foreignShare).toBeCloseTo(10, 10);
    expect(town.indicators.under18Share).toBeCloseTo(20, 10);
    expect(town.indicators.refugeesUnder18Share).toBeCloseTo((30 / 60) * 100, 10);
    expect(town.indicators.grantedShare).toBeCloseTo(50, 10);
    // Without a comparison period there is no change.
    expect(town.indicators.refugeesChange).toBeNull();
  });

  it('suppresses counts below the threshold, keeps true zeros, and withholds indicators built on them', () => {
    // The village's 2 refugees: the cell, the total and every refugee indicator are withheld.
    expect(village.pyramid[1]?.refugeesMale).toEqual({ count: null, share: null, suppressed: true });
    expect(village.pyramid[1]?.refugeesFemale).toEqual({ count: 0, share: 0, suppressed: false });
    expect(village.refugees).toBeNull();
    expect(village.indicators.refugeesPer1000).toBeNull();
    expect(village.indicators.refugeeShare).toBeNull();
    // 0 minors among 2 refugees would reveal that both are adults: withheld because the denominator is small.
    expect(village.indicators.refugeesUnder18Share).toBeNull();
    // 1 Syrian in the village: suppressed; the 9 Ukrainians too, because the village's 20 foreign nationals
    // (its foreign share) minus the shown groups would give the 1 back; the 10 others stay.
    expect(village.nationality[0]).toEqual({ count: null, share: null, suppressed: true });
    expect(village.nationality[1]).toEqual({ count: null, share: null, suppressed: true, complementary: true });
    expect(village.nationality[2]).toEqual({ count: 10, share: 50, suppressed: false });
  });

  it('withholds further cells where a printed sum would give a suppressed one back, and no sum then does', () => {
    // The region's 41 Syrians minus the town's would be the village's 1: the town's 40 are withheld too,
    // and the town's row then needs a second withheld group (its 100 foreign nationals are printed).
    expect(town.nationality.map((cell) => cell.count)).toEqual([null, null, 30]);
    expect(set.region.nationality.map((cell) => cell.count)).toEqual([41, 39, 40]);
    // Every printed sum — a row's total, a column's region cell — leaves none or two and more cells withheld.
    const rows = [town, village, set.region];
    for (const profile of rows) {
      const withheld = profile.nationality.filter((cell) => cell.suppressed).length;
      expect(withheld, profile.name).not.toBe(1);
    }
    set.region.nationality.forEach((regionCell, index) => {
      const withheld = [town, village, set.region].filter((profile) => profile.nationality[index]?.suppressed).length;
      if (!regionCell.suppressed) expect(withheld, `column ${index}`).not.toBe(1);
    });
  });

  it('builds the region as the sum of its areas (and protects the region too)', () => {
    expect(open.region.population).toBe(1200);
    expect(open.region.refugees).toBe(62);
    expect(open.region.indicators.refugeesPer1000).toBeCloseTo((62 / 1200) * 1000, 10);
    expect(set.region.population).toBe(1200);
    // 62 refugees minus the town's 60 would be the village's 2: the region's total is withheld, as on the
    // map, and every indicator built on it.
    expect(set.region.refugees).toBeNull();
    expect(set.region.indicators.refugeesPer1000).toBeNull();
    expect(set.region.pyramid[1]?.refugeesMale.count).toBe(20 + 2);
    expect(set.region.nationality.map((cell) => cell.count)).toEqual([41, 39, 40]);
  });

  it('labels the source and marks synthetic data', () => {
    expect(set.synthetic).toBe(true);
    expect(set.sourceLine.de).toBe('Quelle: Testdaten, synthetisch · Stichtag 31.12.2024');
    // The demo's synthetic label in English: the Profiles tab said "Source: … Beispieldaten, synthetisch".
    const input = fixtureInput();
    const demo = aggregateProfiles({ ...input, sources: input.sources.map((source) => ({ ...source, name: 'Melderegister – Beispieldaten, synthetisch', attribution: 'Beispieldaten, synthetisch' })) });
    expect(demo.sourceLine.en).toBe('Source: Melderegister – sample data, synthetic · Reference date 31/12/2024');
  });

  it('computes changes since the comparison period', () => {
    const withChange = aggregateProfiles(fixtureInput({ comparePeriod: FIXTURE_COMPARE_PERIOD }));
    // Town refugees: 48 in 2023 (each cell × 0,8), 60 in 2024 → +25 %.
    expect(withChange.areas[0]?.indicators.refugeesChange).toBeCloseTo(25, 10);
    expect(withChange.areas[0]?.indicators.populationChange).toBeCloseTo(0, 10);
    expect(withChange.compareAreas?.[0]?.refugees).toBe(48);
  });

  it('treats a missing observation as unknown, never as 0, and the region total then as unknown', () => {
    const observations = fixtureObservations().map((observation) =>
      observation.areaKey === '02' && observation.variable === 'population' && observation.dimensions.age === '65+' && observation.dimensions.sex === 'f' && observation.period === '2024-12-31'
        ? { ...observation, value: null }
        : observation,
    );
    const withGap = aggregateProfiles(fixtureInput({ observations }));
    expect(withGap.areas[1]?.pyramid[2]?.female.suppressed).toBe(true);
    expect(withGap.areas[1]?.population).toBeNull();
    expect(withGap.region.population).toBeNull();
    expect(withGap.areas[0]?.population).toBe(1000);
  });

  it('refuses dimension values the project does not describe (they would be lost silently)', () => {
    const observations = [...fixtureObservations(), { ...fixtureObservations()[0]!, dimensions: { sex: 'm', age: '99-120' } }];
    expect(() => aggregateProfiles(fixtureInput({ observations }))).toThrow(UserError);
  });

  it('publishedCell: threshold boundary', () => {
    expect(publishedCell(3, 10, 3)).toEqual({ count: 3, share: 30, suppressed: false });
    expect(publishedCell(2, 10, 3).suppressed).toBe(true);
    expect(publishedCell(0, 10, 3)).toEqual({ count: 0, share: 0, suppressed: false });
    expect(publishedCell(5, 0, 3).share).toBeNull();
  });
});

describe('aggregateProfiles on the demo project (21 municipalities, 2024)', () => {
  const demo = createDemoProject();
  const layer = demo.layers[0]!;
  const input = { layer: layer.info.name, areas: layer.areas, observations: observationsAsChosen(demo), period: '2024-12-31', dimensions: demo.dimensions, sources: demo.sources };
  const unprotected = aggregateProfiles({ ...input, smallNumberThreshold: 1 });
  // A high threshold, so that protection really bites on the demo's municipal totals (its cells below 3 are
  // status × sex × age cells, which the charts sum over).
  const protectedSet = aggregateProfiles({ ...input, smallNumberThreshold: 20 });

  it('shares add up to 100 % in every chart of every area and the region', () => {
    for (const profile of [...unprotected.areas, unprotected.region]) {
      expect(shareSum(pyramidCells(profile)), profile.name).toBeCloseTo(100, 8);
      expect(shareSum(profile.nationality), profile.name).toBeCloseTo(100, 8);
      expect(shareSum(profile.status), profile.name).toBeCloseTo(100, 8);
    }
  });

  it('the region equals the sum of its municipalities in every cell', () => {
    const sumOver = (pick: (profile: AreaProfile) => number | null) => unprotected.areas.reduce((sum, area) => sum + (pick(area) ?? Number.NaN), 0);
    expect(unprotected.region.population).toBe(sumOver((area) => area.population));
    unprotected.region.pyramid.forEach((row, index) => {
      expect(row.male.count).toBe(sumOver((area) => area.pyramid[index]?.male.count ?? null));
      expect(row.refugeesFemale.count).toBe(sumOver((area) => area.pyramid[index]?.refugeesFemale.count ?? null));
    });
    unprotected.region.status.forEach((cell, index) => expect(cell.count).toBe(sumOver((area) => area.status[index]?.count ?? null)));
    unprotected.region.nationality.forEach((cell, index) => expect(cell.count).toBe(sumOver((area) => area.nationality[index]?.count ?? null)));
  });

  it('with the threshold 20, no published count lies between 0 and 20, and some cells are suppressed', () => {
    let suppressed = 0;
    for (const profile of protectedSet.areas) {
      const cells = [...profile.pyramid.flatMap((row) => [row.male, row.female, row.refugeesMale, row.refugeesFemale]), ...profile.nationality, ...profile.status];
      for (const cell of cells) {
        if (cell.suppressed) suppressed += 1;
        else expect(cell.count === 0 || (cell.count ?? 0) >= 20).toBe(true);
      }
    }
    expect(suppressed).toBeGreaterThan(0);
  });
});
