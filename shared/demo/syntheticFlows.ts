/**
 * Synthetic origin–destination flows (Wanderungen) of the refugees for each year 2015 … 2024: among the 21
 * municipalities, to and from the categories outside the region, and moves within a municipality.
 * Built from the demo's arrivals and departures (syntheticRefugees.ts) so that they agree exactly:
 *
 *   Σ flows out of m to other municipalities and outside = departures of m
 *   Σ flows into m from other municipalities and outside = arrivals of m
 *
 * hence the stock–flow account still closes. Moves within m (from m to m) change no stock and are not in
 * arrivals or departures.
 * Assumptions: about 35 % of departures go to another municipality of the region (less when the region
 * as a whole gains, so no municipality receives more than its arrivals), split by a gravity weight
 * (arrivals of the destination × exp(−distance / 15 km) between the seats, with a little noise), no
 * destination receiving more than 80 % of its arrivals from within the region; floors keep every row and
 * column within its margin. The rest of each departure row goes outside (Umland 25 %,
 * übriges Niedersachsen 25 %, übriges Bundesgebiet 30 %, Ausland 15 %, unbekannt 5 %); the rest of each
 * arrival column comes from outside (Ausland 50 %, übriges Niedersachsen 25 % — the state's reception
 * centres —, übriges Bundesgebiet 12 %, Umland 8 %, unbekannt 5 %). Moves within a municipality: 4 … 8 %
 * of its stock at the start of the year. Whole persons throughout (largest remainder).
 */
import type { Observation } from '../model/project';
import type { ExternalCategoryKey, FlowRecord } from '../movement/flowTypes';
import { allocateByLargestRemainder } from './allocate';
import { DEMO_SOURCE_IDS, DEMO_YEARS, stichtagOfYear } from './dataDictionary';
import { createDemoRandom } from './random';
import { REGION_HANNOVER_MUNICIPALITIES } from './regionHannover';

const REGIONAL_SHARE = 0.35;
const DISTANCE_SCALE_KM = 15;
const OUTBOUND: readonly [ExternalCategoryKey, number][] = [['ext:umland', 0.25], ['ext:niedersachsen', 0.25], ['ext:bund', 0.3], ['ext:ausland', 0.15], ['ext:unbekannt', 0.05]];
const INBOUND: readonly [ExternalCategoryKey, number][] = [['ext:ausland', 0.5], ['ext:niedersachsen', 0.25], ['ext:bund', 0.12], ['ext:umland', 0.08], ['ext:unbekannt', 0.05]];

function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const meanLatitude = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  const dx = (a[0] - b[0]) * 111.32 * Math.cos(meanLatitude);
  const dy = (a[1] - b[1]) * 110.57;
  return Math.hypot(dx, dy);
}

/** Sums a flow variable's observations over its dimensions: [municipality index][year index]. */
function totalsOf(observations: readonly Observation[], variable: string): number[][] {
  const index = new Map(REGION_HANNOVER_MUNICIPALITIES.map((municipality, position) => [municipality.key, position]));
  const totals = REGION_HANNOVER_MUNICIPALITIES.map(() => DEMO_YEARS.map(() => 0));
  for (const observation of observations) {
    if (observation.variable !== variable) continue;
    const row = index.get(observation.areaKey);
    const column = DEMO_YEARS.indexOf(Number(observation.period.slice(0, 4)));
    if (row === undefined || column < 0) continue;
    (totals[row] as number[])[column] = ((totals[row] as number[])[column] as number) + (observation.value ?? 0);
  }
  return totals;
}

/**
 * @param refugeeObservations the observations of createSyntheticRefugees (arrivals and departures are read from them)
 * @param refugeeTotals stock per [municipality][year index]
 * @example createSyntheticFlows(2022, refugees.observations, refugees.totals).length // about 6 500 records
 */
export function createSyntheticFlows(seed: number, refugeeObservations: readonly Observation[], refugeeTotals: readonly (readonly number[])[]): FlowRecord[] {
  const random = createDemoRandom(seed, 'flows');
  const arrivals = totalsOf(refugeeObservations, 'refugee_arrivals');
  const departures = totalsOf(refugeeObservations, 'refugee_departures');
  const municipalities = REGION_HANNOVER_MUNICIPALITIES;
  const count = municipalities.length;
  const decay = municipalities.map((origin) => municipalities.map((destination) => Math.exp(-distanceKm(origin.seat, destination.seat) / DISTANCE_SCALE_KM)));
  const flows: FlowRecord[] = [];
  const push = (from: string, to: string, period: string, value: number) => {
    if (value > 0) flows.push({ from, to, period, value, dimensions: {}, sourceId: DEMO_SOURCE_IDS.refugeeRegister });
  };

  DEMO_YEARS.forEach((year, yearIndex) => {
    const period = stichtagOfYear(year);
    const inflow = arrivals.map((row) => row[yearIndex] as number);
    const outflow = departures.map((row) => row[yearIndex] as number);
    const totalIn = inflow.reduce((sum, value) => sum + value, 0);
    const totalOut = outflow.reduce((sum, value) => sum + value, 0);
    // Row i to j: s · D_i · w_ij / Σ_k w_ik with w_ij = A_j · g_ij (j ≠ i); a column above 80 % of its
    // arrivals is scaled down to that; floors keep every row ≤ D_i and every column ≤ A_j.
    const share = totalIn === 0 ? 0 : REGIONAL_SHARE * Math.min(1, totalIn / Math.max(1, totalOut));
    const real = municipalities.map((_, origin) => {
      const weights = municipalities.map((__, destination) => (origin === destination ? 0 : (inflow[destination] as number) * ((decay[origin] as number[])[destination] as number) * random.uniform(0.7, 1.3)));
      const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
      return weights.map((weight) => (weightSum === 0 ? 0 : (share * (outflow[origin] as number) * weight) / weightSum));
    });
    for (let destination = 0; destination < count; destination += 1) {
      const columnSum = real.reduce((sum, row) => sum + (row[destination] as number), 0);
      const cap = 0.8 * (inflow[destination] as number);
      if (columnSum > cap) for (const row of real) row[destination] = ((row[destination] as number) * cap) / columnSum;
    }
    const matrix = real.map((row) => row.map((value) => Math.floor(value)));
    for (let origin = 0; origin < count; origin += 1) {
      const key = (municipalities[origin] as (typeof municipalities)[number]).key;
      const row = matrix[origin] as number[];
      row.forEach((value, destination) => push(key, (municipalities[destination] as (typeof municipalities)[number]).key, period, value));
      const restOut = (outflow[origin] as number) - row.reduce((sum, value) => sum + value, 0);
      allocateByLargestRemainder(restOut, OUTBOUND.map(([, weight]) => weight * random.factor(0.15))).forEach((value, category) => push(key, (OUTBOUND[category] as (typeof OUTBOUND)[number])[0], period, value));
      const restIn = (inflow[origin] as number) - matrix.reduce((sum, other) => sum + (other[origin] as number), 0);
      allocateByLargestRemainder(restIn, INBOUND.map(([, weight]) => weight * random.factor(0.15))).forEach((value, category) => push((INBOUND[category] as (typeof INBOUND)[number])[0], key, period, value));
      const startStock = yearIndex === 0 ? Math.round(((refugeeTotals[origin] as number[])[0] as number) * 0.55) : ((refugeeTotals[origin] as number[])[yearIndex - 1] as number);
      push(key, key, period, Math.round(startStock * random.uniform(0.04, 0.08)));
    }
  });
  return flows;
}
