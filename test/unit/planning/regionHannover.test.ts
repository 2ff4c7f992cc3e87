/**
 * The scenario on Region Hannover's 21 municipalities with their real population (BKG VG250-EW, see
 * ../shared/data/PROVENANCE.md). Age structure per municipality is not in that file, so residents are
 * spread evenly over ages 0–89 here: this test checks allocation and balance on real keys and sizes,
 * not demand figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spreadAgeGroups } from '../../../shared/planning/ageGroups';
import { addPersonsByAge, createCohortStock } from '../../../shared/planning/cohortStock';
import { createPresetScenario } from '../../../shared/planning/presetScenarios';
import { DEFAULT_DEMAND_RATES } from '../../../shared/planning/presets';
import { runScenario } from '../../../shared/planning/runScenario';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataFile = path.resolve(repoRoot, '../shared/data/boundaries/vg250ew_gemeinden_niedersachsen_wgs84/DERIVED_region_hannover_21_gemeinden.geojson');
const haveData = existsSync(dataFile);
if (!haveData) console.log(`skipping Region Hannover scenario test: ${dataFile} not found (the shared data folder must sit beside the checkout)`);

interface MunicipalityFeature {
  properties: { ags: string; name: string; pop: number };
}

describe.skipIf(!haveData)('scenario on Region Hannover (21 municipalities, real population)', () => {
  const features = haveData ? (JSON.parse(readFileSync(dataFile, 'utf8')) as { features: MunicipalityFeature[] }).features : [];
  const areas = features.map((feature) => {
    const stock = createCohortStock();
    const half = feature.properties.pop / 2;
    addPersonsByAge(stock, 'resident', 'f', spreadAgeGroups([{ fromAge: 0, toAge: 89, value: half }]));
    addPersonsByAge(stock, 'resident', 'm', spreadAgeGroups([{ fromAge: 0, toAge: 89, value: half }]));
    return { key: feature.properties.ags, name: feature.properties.name, stock };
  });

  it('allocates the medium inflow exactly by population share', () => {
    const totalPopulation = features.reduce((sum, feature) => sum + feature.properties.pop, 0);
    const result = runScenario({ scenario: createPresetScenario('medium', 2024, 10), demandRates: DEFAULT_DEMAND_RATES, areas });
    expect(areas).toHaveLength(21);
    const arrivals = Math.round((3.9 * totalPopulation) / 1000);
    expect(result.scenario.arrivalsPerYear).toEqual(new Array(10).fill(arrivals));
    const hannover = result.areas.find((area) => area.key === '03241001')!;
    const hannoverPopulation = features.find((feature) => feature.properties.ags === '03241001')!.properties.pop;
    expect(Math.abs(hannover.years[0]!.allocation.quota - (arrivals * hannoverPopulation) / totalPopulation)).toBeLessThan(1);
    result.years.forEach((_, yearIndex) => {
      expect(result.areas.reduce((sum, area) => sum + area.years[yearIndex]!.allocation.received, 0)).toBe(arrivals);
    });
    // The region grows by arrivals, births, departures and deaths, nothing else (moves within it cancel).
    const lastYear = result.region.years[9]!;
    const total = (flow: 'departures' | 'births' | 'deaths') => result.areas.reduce((sum, area) => sum + area.years.reduce((areaSum, year) => areaSum + year.flows[flow], 0), 0);
    expect(total('births')).toBeGreaterThan(0);
    expect(total('deaths')).toBeGreaterThan(0);
    expect(lastYear.population).toBeCloseTo(totalPopulation + 10 * arrivals - total('departures') + total('births') - total('deaths'), 4);
  });
});
