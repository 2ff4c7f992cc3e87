/**
 * Synthetic population by sex × age group, 31.12.2015 … 31.12.2024, for each municipality.
 *
 * Totals: anchored at the real Zensus 2022 total (31.12.2022 within ±0,4 % of it) and moved backwards and
 * forwards by yearly growth rates: a municipality's own trend (−0,2 … +0,5 % a year) plus region-wide
 * shocks modelled on what happened (immigration 2015/16 and 2022, the pandemic dip 2020/21).
 * Age structure: a mix of an urban profile (more 18–44-year-olds) and a suburban one (more children,
 * 45–64 and 65+), weighted by the municipality's urbanity, with a fixed random tilt per municipality and a
 * slow ageing drift. Sex: female shares per age group as in German population statistics.
 * Cells are whole persons and add up exactly to the total (largest remainder).
 */
import type { Observation } from '../model/project';
import { allocateByLargestRemainder } from './allocate';
import { AGE_GROUPS, DEMO_SOURCE_IDS, DEMO_YEARS, SEXES, stichtagOfYear, type AgeGroup } from './dataDictionary';
import { createDemoRandom } from './random';
import { REGION_HANNOVER_MUNICIPALITIES } from './regionHannover';

/** Year whose synthetic total is anchored at the Zensus 2022 count. */
const ANCHOR_YEAR = 2022;

/** Region-wide change of the growth rate in a year (fraction), added to each municipality's own trend. */
const REGION_GROWTH_SHOCK: Record<number, number> = {
  2015: 0.01, 2016: 0.006, 2017: 0.002, 2018: 0.001, 2019: 0, 2020: -0.002, 2021: -0.001, 2022: 0.011, 2023: 0.004, 2024: 0.001,
};

/** Age shares in percent for a large city and for its suburbs (each sums to 100). */
const URBAN_AGE_PROFILE: Record<AgeGroup, number> = {
  '0-2': 2.9, '3-5': 2.7, '6-9': 3.4, '10-15': 5.0, '16-17': 1.6, '18-24': 9.5, '25-44': 30.0, '45-64': 25.5, '65+': 19.4,
};
const SUBURBAN_AGE_PROFILE: Record<AgeGroup, number> = {
  '0-2': 2.7, '3-5': 2.8, '6-9': 3.8, '10-15': 5.9, '16-17': 2.0, '18-24': 7.0, '25-44': 22.5, '45-64': 29.5, '65+': 23.8,
};

/** Female share per age group (more boys are born, women live longer). */
const FEMALE_SHARE: Record<AgeGroup, number> = {
  '0-2': 0.487, '3-5': 0.487, '6-9': 0.486, '10-15': 0.485, '16-17': 0.484, '18-24': 0.475, '25-44': 0.49, '45-64': 0.502, '65+': 0.565,
};

export interface SyntheticPopulation {
  /** Total population, [municipality index in REGION_HANNOVER_MUNICIPALITIES][index in DEMO_YEARS]. */
  totals: number[][];
  observations: Observation[];
}

/**
 * @example createSyntheticPopulation(1).totals[0][7] // Hannover on 31.12.2022, ≈ 513 291 (its Zensus 2022 count)
 */
export function createSyntheticPopulation(seed: number): SyntheticPopulation {
  const random = createDemoRandom(seed, 'population');
  const totals: number[][] = [];
  const observations: Observation[] = [];
  for (const municipality of REGION_HANNOVER_MUNICIPALITIES) {
    const ownTrend = random.uniform(-0.002, 0.004) + 0.001 * municipality.urbanity;
    const growth = new Map(DEMO_YEARS.map((year) => [year, ownTrend + (REGION_GROWTH_SHOCK[year] ?? 0) + random.uniform(-0.002, 0.002)]));
    const index = new Map<number, number>([[ANCHOR_YEAR, 1 + random.uniform(-0.004, 0.004)]]);
    for (let year = ANCHOR_YEAR + 1; year <= (DEMO_YEARS.at(-1) as number); year++) {
      index.set(year, (index.get(year - 1) as number) * (1 + (growth.get(year) as number)));
    }
    for (let year = ANCHOR_YEAR - 1; year >= (DEMO_YEARS[0] as number); year--) {
      index.set(year, (index.get(year + 1) as number) / (1 + (growth.get(year + 1) as number)));
    }
    const ageTilt = AGE_GROUPS.map(() => random.factor(0.05));
    const municipalityTotals = DEMO_YEARS.map((year) => Math.round(municipality.censusPopulation * (index.get(year) as number)));
    totals.push(municipalityTotals);

    DEMO_YEARS.forEach((year, yearIndex) => {
      // Ageing: 65+ and 45–64 gain a little each year, relative to 2019.
      const ageing = (age: AgeGroup): number => (age === '65+' ? 1 + 0.006 * (year - 2019) : age === '45-64' ? 1 + 0.002 * (year - 2019) : 1);
      const cells = AGE_GROUPS.flatMap((age, ageIndex) => {
        const share =
          (municipality.urbanity * URBAN_AGE_PROFILE[age] + (1 - municipality.urbanity) * SUBURBAN_AGE_PROFILE[age]) *
          (ageTilt[ageIndex] as number) *
          ageing(age) *
          random.factor(0.01);
        return SEXES.map((sex) => ({ age, sex, weight: share * (sex === 'f' ? FEMALE_SHARE[age] : 1 - FEMALE_SHARE[age]) }));
      });
      const counts = allocateByLargestRemainder(municipalityTotals[yearIndex] as number, cells.map((cell) => cell.weight));
      cells.forEach((cell, cellIndex) => {
        observations.push({
          areaKey: municipality.key,
          variable: 'population',
          dimensions: { sex: cell.sex, age: cell.age },
          period: stichtagOfYear(year),
          value: counts[cellIndex] as number,
          sourceId: DEMO_SOURCE_IDS.populationRegister,
          quality: 'synthetic',
        });
      });
    });
  }
  return { totals, observations };
}
