/**
 * Synthetic persons seeking protection (Schutzsuchende) by status × sex × age group, and their yearly
 * arrivals and departures by sex, 2015 … 2024, for each municipality.
 *
 * Stock: population × a region-wide rate per year (1,9 % at the end of 2015, about 2,7 % after the
 * 2015/16 wave, about 3,1 % after the arrivals from Ukraine in 2022) × a fixed factor per municipality
 * (the capital about 1,25, others 0,6 … 1,1 by urbanity), with a little yearly noise.
 * Composition: two groups, refugees from Ukraine (from 2022 about 30 % of the stock: more women,
 * children and older people, all with a protection status) and all others (young and mostly male,
 * many still in the asylum procedure in 2015/16, later mostly granted). Cells are whole persons
 * (largest remainder); in small municipalities many status × sex × age cells are below 3, which is
 * what small-number protection has to handle.
 * Flows, per sex: departures are 8 … 16 % of the previous stock (moves, onward migration, return),
 * but at least what is needed so that arrivals are never negative; arrivals close the balance, so
 * stock(t−1) + arrivals(t) − departures(t) = stock(t) holds exactly for t = 2016 … 2024. The 2015
 * flows start from an unpublished stock at the end of 2014 (55 % of the 2015 stock).
 */
import type { Observation } from '../model/project';
import { allocateByLargestRemainder } from './allocate';
import { AGE_GROUPS, DEMO_SOURCE_IDS, DEMO_YEARS, RESIDENCE_STATUSES, SEXES, stichtagOfYear, type AgeGroup, type ResidenceStatus, type Sex } from './dataDictionary';
import { createDemoRandom } from './random';
import { REGION_HANNOVER_MUNICIPALITIES } from './regionHannover';

/** Region-wide refugees per inhabitant on 31.12. (before the per-municipality factor). */
const REFUGEE_RATE: Record<number, number> = {
  2015: 0.019, 2016: 0.026, 2017: 0.027, 2018: 0.027, 2019: 0.026, 2020: 0.025, 2021: 0.025, 2022: 0.03, 2023: 0.031, 2024: 0.03,
};

/** Share of refugees from Ukraine in the stock on 31.12. */
const UKRAINIAN_SHARE: Record<number, number> = { 2022: 0.3, 2023: 0.32, 2024: 0.31 };

/** Status mix of all refugees except those from Ukraine (granted = the rest). */
const STATUS_MIX: Record<number, { pending: number; tolerated: number }> = {
  2015: { pending: 0.62, tolerated: 0.08 }, 2016: { pending: 0.45, tolerated: 0.09 }, 2017: { pending: 0.28, tolerated: 0.11 },
  2018: { pending: 0.2, tolerated: 0.13 }, 2019: { pending: 0.16, tolerated: 0.14 }, 2020: { pending: 0.14, tolerated: 0.14 },
  2021: { pending: 0.15, tolerated: 0.13 }, 2022: { pending: 0.16, tolerated: 0.12 }, 2023: { pending: 0.19, tolerated: 0.12 },
  2024: { pending: 0.2, tolerated: 0.13 },
};

const AGE_MIX_OTHERS: Record<AgeGroup, number> = {
  '0-2': 0.05, '3-5': 0.05, '6-9': 0.06, '10-15': 0.09, '16-17': 0.04, '18-24': 0.18, '25-44': 0.38, '45-64': 0.12, '65+': 0.03,
};
const AGE_MIX_UKRAINE: Record<AgeGroup, number> = {
  '0-2': 0.03, '3-5': 0.05, '6-9': 0.08, '10-15': 0.12, '16-17': 0.04, '18-24': 0.07, '25-44': 0.33, '45-64': 0.2, '65+': 0.08,
};
/** Male share per age group in 2015 among refugees other than from Ukraine; it falls by 1 point a year (family reunification). */
const MALE_SHARE_OTHERS_2015: Record<AgeGroup, number> = {
  '0-2': 0.52, '3-5': 0.52, '6-9': 0.53, '10-15': 0.55, '16-17': 0.7, '18-24': 0.72, '25-44': 0.66, '45-64': 0.58, '65+': 0.5,
};
const MALE_SHARE_UKRAINE: Record<AgeGroup, number> = {
  '0-2': 0.51, '3-5': 0.51, '6-9': 0.51, '10-15': 0.51, '16-17': 0.5, '18-24': 0.3, '25-44': 0.28, '45-64': 0.32, '65+': 0.3,
};

/** Stock on 31.12.2014 relative to 31.12.2015, used only to derive the 2015 flows. */
const STOCK_2014_RELATIVE_TO_2015 = 0.55;

export interface SyntheticRefugees {
  /** Refugees in total, [municipality index][year index]. */
  totals: number[][];
  observations: Observation[];
}

interface CompositionCell {
  status: ResidenceStatus;
  sex: Sex;
  age: AgeGroup;
  weight: number;
}

function compositionWeights(year: number, statusTilt: Record<ResidenceStatus, number>, ageTilt: readonly number[]): CompositionCell[] {
  const ukrainianShare = UKRAINIAN_SHARE[year] ?? 0;
  const statusMix = STATUS_MIX[year] as { pending: number; tolerated: number };
  const tiltedOthers: Record<ResidenceStatus, number> = {
    pending: statusMix.pending * statusTilt.pending,
    tolerated: statusMix.tolerated * statusTilt.tolerated,
    granted: (1 - statusMix.pending - statusMix.tolerated) * statusTilt.granted,
  };
  const tiltSum = tiltedOthers.pending + tiltedOthers.tolerated + tiltedOthers.granted;
  const maleShift = 0.01 * (year - 2015);
  return RESIDENCE_STATUSES.flatMap((status) =>
    AGE_GROUPS.flatMap((age, ageIndex) =>
      SEXES.map((sex) => {
        const maleOthers = Math.max(0.45, MALE_SHARE_OTHERS_2015[age] - maleShift);
        const others = (1 - ukrainianShare) * (tiltedOthers[status] / tiltSum) * AGE_MIX_OTHERS[age] * (sex === 'm' ? maleOthers : 1 - maleOthers);
        const ukrainians =
          status === 'granted' ? ukrainianShare * AGE_MIX_UKRAINE[age] * (sex === 'm' ? MALE_SHARE_UKRAINE[age] : 1 - MALE_SHARE_UKRAINE[age]) : 0;
        return { status, sex, age, weight: (others + ukrainians) * (ageTilt[ageIndex] as number) };
      }),
    ),
  );
}

function observation(areaKey: string, variable: string, dimensions: Record<string, string>, year: number, value: number): Observation {
  return { areaKey, variable, dimensions, period: stichtagOfYear(year), value, sourceId: DEMO_SOURCE_IDS.refugeeRegister, quality: 'synthetic' };
}

/**
 * @param populationTotals [municipality][year index] from createSyntheticPopulation
 * @example createSyntheticRefugees(1, population.totals).totals[0][0] // Hannover's refugees on 31.12.2015
 */
export function createSyntheticRefugees(seed: number, populationTotals: readonly (readonly number[])[]): SyntheticRefugees {
  const random = createDemoRandom(seed, 'refugees');
  const totals: number[][] = [];
  const observations: Observation[] = [];
  REGION_HANNOVER_MUNICIPALITIES.forEach((municipality, municipalityIndex) => {
    const municipalityFactor = municipality.urbanity >= 1 ? 1.25 : 0.6 + 0.5 * municipality.urbanity + random.uniform(-0.05, 0.1);
    const statusTilt: Record<ResidenceStatus, number> = { pending: random.factor(0.15), granted: random.factor(0.1), tolerated: random.factor(0.2) };
    const ageTilt = AGE_GROUPS.map(() => random.factor(0.1));
    let previousStockBySex: Record<Sex, number> | null = null;
    const municipalityTotals: number[] = [];

    DEMO_YEARS.forEach((year, yearIndex) => {
      const population = populationTotals[municipalityIndex]?.[yearIndex] as number;
      const stock = Math.round(population * (REFUGEE_RATE[year] as number) * municipalityFactor * random.factor(0.04));
      municipalityTotals.push(stock);
      const cells = compositionWeights(year, statusTilt, ageTilt);
      const counts = allocateByLargestRemainder(stock, cells.map((cell) => cell.weight));
      const stockBySex: Record<Sex, number> = { m: 0, f: 0 };
      cells.forEach((cell, cellIndex) => {
        const count = counts[cellIndex] as number;
        stockBySex[cell.sex] += count;
        observations.push(observation(municipality.key, 'refugees', { status: cell.status, sex: cell.sex, age: cell.age }, year, count));
      });

      const startBySex: Record<Sex, number> = previousStockBySex ?? {
        m: Math.round(stockBySex.m * STOCK_2014_RELATIVE_TO_2015),
        f: Math.round(stockBySex.f * STOCK_2014_RELATIVE_TO_2015),
      };
      for (const sex of SEXES) {
        const start = startBySex[sex];
        const end = stockBySex[sex];
        // Some people always arrive (births, moves in, allocations): at least 3 % of the start stock.
        const minimumArrivals = Math.round(0.03 * start);
        const departures = Math.max(Math.round(start * random.uniform(0.08, 0.16)), start - end + minimumArrivals);
        const arrivals = end - start + departures;
        observations.push(observation(municipality.key, 'refugee_arrivals', { sex }, year, arrivals));
        observations.push(observation(municipality.key, 'refugee_departures', { sex }, year, departures));
      }
      previousStockBySex = stockBySex;
    });
    totals.push(municipalityTotals);
  });
  return { totals, observations };
}
