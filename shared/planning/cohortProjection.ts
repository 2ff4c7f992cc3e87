/**
 * Cohort-component projection in one-year steps: the population of every area by residence status, sex
 * and single year of age, carried forward year by year.
 *
 * Within a year, for every cohort present at the start (status s, sex x, age a), in this order:
 *  1. departures: refugees leave the region at the departure rate of their status (residents do not);
 *  2. deaths: of those who stay, the mortality rate of age a (when natural movement is given);
 *  3. recognition: the recognition rate moves pending asylum seekers to "protection granted";
 *  4. onward moves: the onward-move rate moves persons with protection to other areas of the region;
 *     movers are shared among the other areas by destination weight, so the region total is unchanged;
 *  5. ageing: everyone left is one year older at year end (age 99 is open-ended and stays 99);
 *  6. births (mother's status, by the fertility of women at the start) enter at age 0, and
 *     the year's arrivals enter as "asylum pending" at their age at year end, by the arrival structure.
 *
 * The balance therefore holds for every area, year and cohort:
 *   next = stock − departures − deaths + recognitionIn − recognitionOut + movesIn − movesOut
 *          + ageingIn − ageingOut + births + arrivals
 * exactly up to float rounding (a few ulps of the stock, far below 1e-9 persons for realistic sizes); and
 * summed over areas, moves cancel, so the areas add up to the region. Persons are fractional on purpose:
 * rounding each step would break the balance. Round only for display.
 */
import { UserError } from '../contract/errors';
import { AGE_COUNT, COHORT_COUNT, OLDEST_AGE, RESIDENCE_STATUSES, SEX_COUNT, blockStart, createCohortStock, type CohortStock } from './cohortStock';
import { checkShare, checkShareList } from './rateChecks';

/** Plain numbers for the projection, already checked and resolved from a Scenario (see runScenario.ts). */
export interface ProjectionRates {
  recognitionRate: number;
  departureRate: { asylumPending: number; protectionGranted: number };
  onwardMoveRate: number;
  /** Destination weight per area for onward moves (e.g. population). */
  onwardMoveDestinationWeights: readonly number[];
  /** Share of arrivals per sex and age: 200 entries, women ages 0..99 then men ages 0..99; sums to 1. */
  arrivalShares: readonly number[];
  /** Births per woman and year by age (100 entries); omitted = no births. */
  fertilityByAge?: readonly number[];
  /** Share of boys among newborns; required with fertilityByAge. */
  boysShareOfBirths?: number;
  /** Deaths per person and year by age (100 entries); omitted = no deaths. */
  mortalityByAge?: readonly number[];
}

export interface ProjectionInput {
  /** Stock of each area at the end of the start year. */
  startStocks: readonly CohortStock[];
  /** Arrivals per projection year and area: arrivals[yearIndex][areaIndex] (persons, from the allocation). */
  arrivals: readonly (readonly number[])[];
  rates: ProjectionRates;
  /** Keep every flow per cohort (for balance checks and drill-down). Costs ~0.5 MB per area and year. */
  keepCohortFlows?: boolean;
}

/** The components of one area's change in one year, per cohort (indexed like a stock). */
export interface CohortFlows {
  departures: Float64Array;
  deaths: Float64Array;
  recognitionIn: Float64Array;
  recognitionOut: Float64Array;
  movesIn: Float64Array;
  movesOut: Float64Array;
  ageingIn: Float64Array;
  ageingOut: Float64Array;
  births: Float64Array;
  arrivals: Float64Array;
}

/** Totals of one area's change in one year (persons). Recognition and ageing move persons within the area. */
export interface FlowTotals {
  stockBefore: number;
  arrivals: number;
  departures: number;
  deaths: number;
  births: number;
  recognitions: number;
  movesIn: number;
  movesOut: number;
  stockAfter: number;
}

export interface ProjectionResult {
  /** stocks[t][area]: t = 0 is the start stock, t = k the stock at the end of projection year k. */
  stocks: CohortStock[][];
  /** totals[yearIndex][area]. */
  totals: FlowTotals[][];
  /** cohortFlows[yearIndex][area], present when `keepCohortFlows` was set. */
  cohortFlows?: CohortFlows[][];
}

const PENDING_START = blockStart('asylumPending', 'f');
const GRANTED_START = blockStart('protectionGranted', 'f');
const SEX_AGE_COUNT = SEX_COUNT * AGE_COUNT;
/** Below this share of the destination weight, the other areas count as no destination at all. */
const MINIMUM_DESTINATION_SHARE = 1e-12;

function createCohortFlows(): CohortFlows {
  return {
    departures: createCohortStock(),
    deaths: createCohortStock(),
    recognitionIn: createCohortStock(),
    recognitionOut: createCohortStock(),
    movesIn: createCohortStock(),
    movesOut: createCohortStock(),
    ageingIn: createCohortStock(),
    ageingOut: createCohortStock(),
    births: createCohortStock(),
    arrivals: createCohortStock(),
  };
}

function clearCohortFlows(flows: CohortFlows): void {
  for (const values of Object.values(flows) as Float64Array[]) values.fill(0);
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let index = 0; index < values.length; index++) total += values[index]!;
  return total;
}

/**
 * Projects all areas over `arrivals.length` years (1–10 in practice; any number works).
 * @example
 * const result = projectCohorts({ startStocks: [stock], arrivals: [[100], [100]], rates });
 * stockTotal(result.stocks[2][0]) // population of area 0 at the end of year 2
 */
export function projectCohorts(input: ProjectionInput): ProjectionResult {
  const rates = input.rates;
  checkProjectionRates(rates, input.startStocks.length);
  const areaCount = input.startStocks.length;
  const keepFlows = input.keepCohortFlows ?? false;
  // Destination weights as shares of their total, so the factors below cannot overflow for tiny weights.
  const weightTotal = rates.onwardMoveDestinationWeights.reduce((total, weight) => total + weight, 0);
  const weights = rates.onwardMoveDestinationWeights.map((weight) => (weightTotal > 0 ? weight / weightTotal : 0));
  // Factor spreading one mover from area i over the other areas: w_j / (1 − w_i) for every j ≠ i. When the
  // other areas together hold (almost) no weight there is nowhere to go, and nobody moves onwards.
  const spreadFactor = weights.map((weight) => (weightTotal > 0 && 1 - weight > MINIMUM_DESTINATION_SHARE ? 1 / (1 - weight) : 0));

  const stocks: CohortStock[][] = [input.startStocks.map((stock) => stock.slice())];
  const totals: FlowTotals[][] = [];
  const allFlows: CohortFlows[][] = [];
  const pooledMovers = new Float64Array(SEX_AGE_COUNT);
  const reusableFlows = keepFlows ? [] : input.startStocks.map(() => createCohortFlows());

  input.arrivals.forEach((arrivalsByArea, yearIndex) => {
    if (arrivalsByArea.length !== areaCount) {
      throw new UserError('bad-input', {
        de: `Für Projektionsjahr ${yearIndex + 1} sind ${arrivalsByArea.length} Zugangszahlen angegeben, es gibt aber ${areaCount} Gebiete.`,
        en: `Projection year ${yearIndex + 1} has ${arrivalsByArea.length} arrival figures but there are ${areaCount} areas.`,
      });
    }
    const current = stocks[yearIndex]!;
    // Without kept flows, one set of arrays per area is reused every year (cleared first).
    const flows = keepFlows ? current.map(() => createCohortFlows()) : reusableFlows;
    if (!keepFlows) for (const flow of flows) clearCohortFlows(flow);
    const remaining = current.map((stock) => stock.slice());

    // Steps 1–4a: departures, deaths, recognition, movers leaving; per area.
    pooledMovers.fill(0);
    for (let area = 0; area < areaCount; area++) {
      const stock = current[area]!;
      const left = remaining[area]!;
      const flow = flows[area]!;
      for (const status of RESIDENCE_STATUSES) {
        const departureRate = status === 'resident' ? 0 : rates.departureRate[status];
        for (let sexIndex = 0; sexIndex < SEX_COUNT; sexIndex++) {
          const start = blockStart(status, sexIndex === 0 ? 'f' : 'm');
          for (let age = 0; age < AGE_COUNT; age++) {
            const index = start + age;
            const departures = stock[index]! * departureRate;
            const deaths = (stock[index]! - departures) * (rates.mortalityByAge?.[age] ?? 0);
            flow.departures[index] = departures;
            flow.deaths[index] = deaths;
            left[index] = stock[index]! - departures - deaths;
          }
        }
      }
      for (let offset = 0; offset < SEX_AGE_COUNT; offset++) {
        const recognised = left[PENDING_START + offset]! * rates.recognitionRate;
        flow.recognitionOut[PENDING_START + offset] = recognised;
        flow.recognitionIn[GRANTED_START + offset] = recognised;
        left[PENDING_START + offset]! -= recognised;
        left[GRANTED_START + offset]! += recognised;
      }
      if (spreadFactor[area]! > 0) {
        for (let offset = 0; offset < SEX_AGE_COUNT; offset++) {
          const movers = left[GRANTED_START + offset]! * rates.onwardMoveRate;
          flow.movesOut[GRANTED_START + offset] = movers;
          left[GRANTED_START + offset]! -= movers;
          pooledMovers[offset]! += movers * spreadFactor[area]!;
        }
      }
    }

    // Step 4b: movers arrive in the other areas: in_j = w_j × (Σ_i out_i / (W − w_i) − out_j / (W − w_j)).
    for (let area = 0; area < areaCount; area++) {
      const flow = flows[area]!;
      const left = remaining[area]!;
      for (let offset = 0; offset < SEX_AGE_COUNT; offset++) {
        const ownShare = flow.movesOut[GRANTED_START + offset]! * spreadFactor[area]!;
        const movesIn = weights[area]! * (pooledMovers[offset]! - ownShare);
        flow.movesIn[GRANTED_START + offset] = movesIn;
        left[GRANTED_START + offset]! += movesIn;
      }
    }

    // Steps 5–6: ageing, births, arrivals.
    const next: CohortStock[] = [];
    const yearTotals: FlowTotals[] = [];
    for (let area = 0; area < areaCount; area++) {
      const stock = current[area]!;
      const left = remaining[area]!;
      const flow = flows[area]!;
      const result = createCohortStock();
      for (let block = 0; block < COHORT_COUNT; block += AGE_COUNT) {
        for (let age = 0; age < AGE_COUNT; age++) {
          const index = block + age;
          const target = block + Math.min(age + 1, OLDEST_AGE);
          result[target]! += left[index]!;
          if (age < OLDEST_AGE) {
            flow.ageingOut[index] = left[index]!;
            flow.ageingIn[target] = left[index]!;
          }
        }
      }
      if (rates.fertilityByAge) {
        const boysShare = rates.boysShareOfBirths ?? 0;
        for (const status of RESIDENCE_STATUSES) {
          const womenStart = blockStart(status, 'f');
          let births = 0;
          for (let age = 0; age < AGE_COUNT; age++) births += stock[womenStart + age]! * rates.fertilityByAge[age]!;
          const girlsIndex = womenStart;
          const boysIndex = blockStart(status, 'm');
          flow.births[girlsIndex] = births * (1 - boysShare);
          flow.births[boysIndex] = births * boysShare;
          result[girlsIndex]! += flow.births[girlsIndex]!;
          result[boysIndex]! += flow.births[boysIndex]!;
        }
      }
      const arrivals = arrivalsByArea[area]!;
      for (let offset = 0; offset < SEX_AGE_COUNT; offset++) {
        const arriving = arrivals * rates.arrivalShares[offset]!;
        flow.arrivals[PENDING_START + offset] = arriving;
        result[PENDING_START + offset]! += arriving;
      }
      next.push(result);
      yearTotals.push({
        stockBefore: sum(stock),
        arrivals: sum(flow.arrivals),
        departures: sum(flow.departures),
        deaths: sum(flow.deaths),
        births: sum(flow.births),
        recognitions: sum(flow.recognitionOut),
        movesIn: sum(flow.movesIn),
        movesOut: sum(flow.movesOut),
        stockAfter: sum(result),
      });
    }
    stocks.push(next);
    totals.push(yearTotals);
    if (keepFlows) allFlows.push(flows);
  });

  return keepFlows ? { stocks, totals, cohortFlows: allFlows } : { stocks, totals };
}

function checkProjectionRates(rates: ProjectionRates, areaCount: number): void {
  checkShare(rates.recognitionRate, 'Die Anerkennungsquote', 'The recognition rate');
  checkShare(rates.departureRate.asylumPending, 'Die Fortzugsquote (Asylverfahren offen)', 'The departure rate (asylum pending)');
  checkShare(rates.departureRate.protectionGranted, 'Die Fortzugsquote (Schutz gewährt)', 'The departure rate (protection granted)');
  checkShare(rates.onwardMoveRate, 'Die Weiterwanderungsquote', 'The onward-move rate');
  checkShareList(rates.arrivalShares, SEX_AGE_COUNT, 'Die Alters- und Geschlechtsstruktur der Zugänge', 'The age and sex structure of arrivals');
  if (rates.onwardMoveDestinationWeights.length !== areaCount || rates.onwardMoveDestinationWeights.some((weight) => !Number.isFinite(weight) || weight < 0)) {
    throw new UserError('bad-input', {
      de: 'Die Zielgewichte der Weiterwanderung brauchen je Gebiet eine Zahl ≥ 0. Bitte die Gewichte prüfen.',
      en: 'The onward-move destination weights need one number ≥ 0 per area. Please check the weights.',
    });
  }
  if (rates.fertilityByAge) {
    checkShareList(rates.fertilityByAge, AGE_COUNT, 'Die Geburtenziffer', 'The fertility rate');
    checkShare(rates.boysShareOfBirths ?? Number.NaN, 'Der Jungenanteil der Geburten', 'The share of boys among births');
  }
  if (rates.mortalityByAge) checkShareList(rates.mortalityByAge, AGE_COUNT, 'Die Sterberate', 'The mortality rate');
}
