/**
 * Synthetic places in communal accommodation for refugees and their occupancy, 31.12.2015 … 2024.
 *
 * Places: a year-dependent fraction of the municipality's refugee stock (40 % at the end of 2015,
 * falling to about 20 % by 2021 as people moved into flats, rising again in 2022), tilted per
 * municipality. Occupancy: a region-wide rate per year (about 100 % in 2015 and 2022, below 80 % in
 * the quiet years) ± 8 points, so most municipalities have free places but some are over-occupied.
 */
import type { Observation } from '../model/project';
import { DEMO_SOURCE_IDS, DEMO_YEARS, stichtagOfYear } from './dataDictionary';
import { createDemoRandom } from './random';
import { REGION_HANNOVER_MUNICIPALITIES } from './regionHannover';

/** Places per refugee on 31.12. */
const PLACES_PER_REFUGEE: Record<number, number> = {
  2015: 0.4, 2016: 0.38, 2017: 0.3, 2018: 0.25, 2019: 0.22, 2020: 0.21, 2021: 0.2, 2022: 0.26, 2023: 0.27, 2024: 0.25,
};

/** Region-wide occupancy rate (occupied / places) on 31.12. */
const OCCUPANCY_RATE: Record<number, number> = {
  2015: 1.0, 2016: 0.95, 2017: 0.85, 2018: 0.8, 2019: 0.78, 2020: 0.77, 2021: 0.8, 2022: 0.97, 2023: 0.94, 2024: 0.9,
};

/**
 * @param refugeeTotals [municipality][year index] from createSyntheticRefugees
 * @example createSyntheticAccommodation(1, refugees.totals).length // 21 × 10 × 2 observations
 */
export function createSyntheticAccommodation(seed: number, refugeeTotals: readonly (readonly number[])[]): Observation[] {
  const random = createDemoRandom(seed, 'accommodation');
  const observations: Observation[] = [];
  REGION_HANNOVER_MUNICIPALITIES.forEach((municipality, municipalityIndex) => {
    const municipalityTilt = random.factor(0.2);
    DEMO_YEARS.forEach((year, yearIndex) => {
      const refugees = refugeeTotals[municipalityIndex]?.[yearIndex] as number;
      const places = Math.max(10, Math.round(refugees * (PLACES_PER_REFUGEE[year] as number) * municipalityTilt * random.factor(0.05)));
      const occupied = Math.round(places * ((OCCUPANCY_RATE[year] as number) + random.uniform(-0.08, 0.08)));
      for (const [variable, value] of [['accommodation_places', places], ['accommodation_occupied', occupied]] as const) {
        observations.push({
          areaKey: municipality.key,
          variable,
          dimensions: {},
          period: stichtagOfYear(year),
          value,
          sourceId: DEMO_SOURCE_IDS.synthetic,
          quality: 'synthetic',
        });
      }
    });
  });
  return observations;
}
