/**
 * Synthetic foreign population by nationality group, 31.12.2015 … 31.12.2024, for each municipality.
 *
 * Share of foreigners in the population: Hannover starts at 15,5 % (2015) and reaches about 19–20 %
 * (2024); the other municipalities start between about 5 and 11 % depending on urbanity (plus a random
 * offset) and end between about 8 and 14 %. The yearly increase follows the real pattern: strong in
 * 2016, moderate afterwards, a jump in 2022 (refugees from Ukraine).
 * Nationality mix: a region-wide composition per year (Syria rising 2015–2017, Romania and Bulgaria
 * rising steadily, Ukraine jumping from 2 % to 12 % in 2022), tilted per municipality by a fixed random
 * factor per group. Cells add up exactly to the foreign total (largest remainder).
 */
import type { Observation } from '../model/project';
import { allocateByLargestRemainder } from './allocate';
import { DEMO_SOURCE_IDS, DEMO_YEARS, NATIONALITY_GROUPS, stichtagOfYear, type NationalityGroup } from './dataDictionary';
import { createDemoRandom } from './random';
import { REGION_HANNOVER_MUNICIPALITIES } from './regionHannover';

/** Increase of the foreigner share (percentage points / 100) from the previous 31.12. to this one. */
const SHARE_INCREASE: Record<number, number> = {
  2015: 0, 2016: 0.008, 2017: 0.004, 2018: 0.003, 2019: 0.003, 2020: 0.001, 2021: 0.002, 2022: 0.013, 2023: 0.005, 2024: 0.003,
};

/** Region-wide relative weights of the nationality groups per year (each row is normalised when used). */
const NATIONALITY_MIX: Record<number, Record<NationalityGroup, number>> = {
  2015: { TUR: 20, SYR: 8, UKR: 2, POL: 9, ROU: 5, AFG: 2.5, IRQ: 5, BGR: 3, ITA: 4, GRC: 3.5, other: 38 },
  2016: { TUR: 18, SYR: 12, UKR: 2, POL: 8.5, ROU: 5.5, AFG: 3.5, IRQ: 6, BGR: 3.5, ITA: 3.8, GRC: 3.4, other: 34 },
  2017: { TUR: 17, SYR: 14, UKR: 2, POL: 8, ROU: 6, AFG: 4, IRQ: 6.5, BGR: 4, ITA: 3.6, GRC: 3.3, other: 32 },
  2018: { TUR: 16.5, SYR: 14.5, UKR: 2, POL: 7.8, ROU: 6.5, AFG: 4, IRQ: 6.5, BGR: 4.3, ITA: 3.5, GRC: 3.3, other: 31 },
  2019: { TUR: 16, SYR: 14.5, UKR: 2.1, POL: 7.6, ROU: 7, AFG: 4, IRQ: 6.4, BGR: 4.6, ITA: 3.4, GRC: 3.2, other: 31 },
  2020: { TUR: 15.7, SYR: 14.5, UKR: 2.1, POL: 7.4, ROU: 7.2, AFG: 4, IRQ: 6.3, BGR: 4.8, ITA: 3.3, GRC: 3.2, other: 31.5 },
  2021: { TUR: 15.4, SYR: 14.3, UKR: 2.2, POL: 7.2, ROU: 7.4, AFG: 4.1, IRQ: 6.2, BGR: 5, ITA: 3.2, GRC: 3.1, other: 31.9 },
  2022: { TUR: 14, SYR: 13, UKR: 12, POL: 6.5, ROU: 7, AFG: 3.9, IRQ: 5.7, BGR: 4.8, ITA: 2.9, GRC: 2.9, other: 27.3 },
  2023: { TUR: 13.6, SYR: 12.8, UKR: 12.5, POL: 6.3, ROU: 7, AFG: 4, IRQ: 5.6, BGR: 4.9, ITA: 2.8, GRC: 2.8, other: 27.7 },
  2024: { TUR: 13.3, SYR: 12.6, UKR: 12.6, POL: 6.2, ROU: 7.1, AFG: 4.1, IRQ: 5.5, BGR: 5, ITA: 2.8, GRC: 2.8, other: 28 },
};

/**
 * @param populationTotals [municipality][year index] from createSyntheticPopulation
 * @example createSyntheticForeignPopulation(1, population.totals) // 11 observations per municipality and year
 */
export function createSyntheticForeignPopulation(seed: number, populationTotals: readonly (readonly number[])[]): Observation[] {
  const random = createDemoRandom(seed, 'foreign-population');
  const observations: Observation[] = [];
  REGION_HANNOVER_MUNICIPALITIES.forEach((municipality, municipalityIndex) => {
    const isCapital = municipality.urbanity >= 1;
    let share = isCapital ? 0.155 : 0.05 + 0.09 * municipality.urbanity + random.uniform(-0.005, 0.015);
    const increaseScale = 0.8 + 0.2 * municipality.urbanity;
    const nationalityTilt = NATIONALITY_GROUPS.map(() => random.factor(0.25));
    DEMO_YEARS.forEach((year, yearIndex) => {
      share += (SHARE_INCREASE[year] ?? 0) * increaseScale;
      const population = populationTotals[municipalityIndex]?.[yearIndex] as number;
      const foreignTotal = Math.round(population * share * random.factor(0.01));
      const mix = NATIONALITY_MIX[year] as Record<NationalityGroup, number>;
      const weights = NATIONALITY_GROUPS.map((group, groupIndex) => mix[group] * (nationalityTilt[groupIndex] as number) * random.factor(0.03));
      const counts = allocateByLargestRemainder(foreignTotal, weights);
      NATIONALITY_GROUPS.forEach((group, groupIndex) => {
        observations.push({
          areaKey: municipality.key,
          variable: 'foreign_population',
          dimensions: { nationality: group },
          period: stichtagOfYear(year),
          value: counts[groupIndex] as number,
          sourceId: DEMO_SOURCE_IDS.synthetic,
          quality: 'synthetic',
        });
      });
    });
  });
  return observations;
}
