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
import { AGE_COUNT, COHORT_COUNT, OLDEST_AGE, RESIDENCE_STATUSES, SEX_COUNT, STATUS_COUNT, blockStart, createCohortStock, type CohortStock } from './cohortStock';
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
  // Factor spreading one mover from area i over the other areas: w_j / W_i for every j ≠ i, where W_i is the
  // weight of all other areas. W_i is summed from those areas, never taken as 1 − w_i: when one area holds
  // nearly all the weight, 1 − w_i keeps only a few significant digits and movers would be lost or made up.
  // When the other areas together hold (almost) no weight there is nowhere to go, and nobody moves onwards.
  const otherWeights = sumOfOthers(weights);
  const spreadFactor = otherWeights.map((other) => (weightTotal > 0 && other > MINIMUM_DESTINATION_SHARE ? 1 / other : 0));

  const stocks: CohortStock[][] = [input.startStocks.map((stock) => stock.slice())];
  const totals: FlowTotals[][] = [];
  const allFlows: CohortFlows[][] = [];
  const runningMovers = new Float64Array(SEX_AGE_COUNT);
  const reusableFlows = keepFlows ? [] : input.startStocks.map(() => createCohortFlows());
  const remainingBuffers = input.startStocks.map(() => createCohortStock());
  // Blocks of 100 ages in stock order: resident f, resident m, pending f, pending m, granted f, granted m.
  const departureRateByBlock = RESIDENCE_STATUSES.flatMap((status) => {
    const rate = status === 'resident' ? 0 : rates.departureRate[status];
    return new Array<number>(SEX_COUNT).fill(rate);
  });
  const mortality = Float64Array.from(rates.mortalityByAge ?? new Array<number>(AGE_COUNT).fill(0));

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
    // Persons left in each cohort after the year's events, before ageing: scratch space reused every year.
    const remaining = remainingBuffers;
    for (let area = 0; area < areaCount; area++) remaining[area]!.set(current[area]!);
    // The next stocks of all areas share one buffer: one allocation per year instead of one per area.
    const nextBuffer = new Float64Array(areaCount * COHORT_COUNT);

    // Steps 1–4a: departures, deaths, recognition, movers leaving; per area.
    for (let area = 0; area < areaCount; area++) {
      const left = remaining[area]!;
      const flow = flows[area]!;
      applyDeparturesAndDeaths(current[area]!, left, flow, departureRateByBlock, mortality);
      applyRecognition(left, flow, rates.recognitionRate);
      if (spreadFactor[area]! > 0) applyMovesOut(left, flow, rates.onwardMoveRate);
    }
    // Step 4b: movers arrive in the other areas.
    applyMovesIn(remaining, flows, weights, spreadFactor, runningMovers);

    // Steps 5–6: ageing, births, arrivals.
    const next: CohortStock[] = [];
    const yearTotals: FlowTotals[] = [];
    for (let area = 0; area < areaCount; area++) {
      const stock = current[area]!;
      const flow = flows[area]!;
      const result = nextBuffer.subarray(area * COHORT_COUNT, (area + 1) * COHORT_COUNT);
      applyAgeing(remaining[area]!, flow, result);
      if (rates.fertilityByAge) applyBirths(stock, flow, result, rates.fertilityByAge, rates.boysShareOfBirths ?? 0);
      applyArrivals(flow, result, arrivalsByArea[area]!, rates.arrivalShares);
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

// The steps of one year for one area. Small functions on purpose: V8 optimises each after a few calls,
// where one large closure would run unoptimised through most of a single projection.

/** Step 1–2: departures (by status) and deaths (by age) from the start stock into `left`. */
function applyDeparturesAndDeaths(stock: CohortStock, left: Float64Array, flow: CohortFlows, departureRateByBlock: readonly number[], mortality: Float64Array): void {
  for (let block = 0; block < STATUS_COUNT * SEX_COUNT; block++) {
    const departureRate = departureRateByBlock[block]!;
    const start = block * AGE_COUNT;
    for (let age = 0; age < AGE_COUNT; age++) {
      const index = start + age;
      const departures = stock[index]! * departureRate;
      const deaths = (stock[index]! - departures) * mortality[age]!;
      flow.departures[index] = departures;
      flow.deaths[index] = deaths;
      left[index] = stock[index]! - departures - deaths;
    }
  }
}

/** Step 3: pending → protection granted, same sex and age. */
function applyRecognition(left: Float64Array, flow: CohortFlows, recognitionRate: number): void {
  for (let offset = 0; offset < SEX_AGE_COUNT; offset++) {
    const recognised = left[PENDING_START + offset]! * recognitionRate;
    flow.recognitionOut[PENDING_START + offset] = recognised;
    flow.recognitionIn[GRANTED_START + offset] = recognised;
    left[PENDING_START + offset]! -= recognised;
    left[GRANTED_START + offset]! += recognised;
  }
}

/** Step 4a: persons with protection leave for other areas. */
function applyMovesOut(left: Float64Array, flow: CohortFlows, onwardMoveRate: number): void {
  for (let offset = 0; offset < SEX_AGE_COUNT; offset++) {
    const movers = left[GRANTED_START + offset]! * onwardMoveRate;
    flow.movesOut[GRANTED_START + offset] = movers;
    left[GRANTED_START + offset]! -= movers;
  }
}

/**
 * Step 4b: in_j = w_j × Σ_{i≠j} out_i / W_i. The sum over all other areas is a running sum over the areas
 * before j plus one over the areas after j, in two passes: linear in the number of areas, and without
 * subtracting j's own movers from a total (which cancels badly when j's term dominates the total).
 */
function applyMovesIn(remaining: readonly Float64Array[], flows: readonly CohortFlows[], weights: readonly number[], spreadFactor: readonly number[], running: Float64Array): void {
  const areaCount = remaining.length;
  running.fill(0);
  for (let area = 0; area < areaCount; area++) {
    const flow = flows[area]!;
    for (let offset = 0; offset < SEX_AGE_COUNT; offset++) {
      flow.movesIn[GRANTED_START + offset] = weights[area]! * running[offset]!;
      running[offset]! += flow.movesOut[GRANTED_START + offset]! * spreadFactor[area]!;
    }
  }
  running.fill(0);
  for (let area = areaCount - 1; area >= 0; area--) {
    const flow = flows[area]!;
    const left = remaining[area]!;
    for (let offset = 0; offset < SEX_AGE_COUNT; offset++) {
      const movesIn = flow.movesIn[GRANTED_START + offset]! + weights[area]! * running[offset]!;
      flow.movesIn[GRANTED_START + offset] = movesIn;
      left[GRANTED_START + offset]! += movesIn;
      running[offset]! += flow.movesOut[GRANTED_START + offset]! * spreadFactor[area]!;
    }
  }
}

/** For each entry, the sum of all the others, from running sums before and after it (no subtraction). */
function sumOfOthers(values: readonly number[]): number[] {
  const before = new Array<number>(values.length);
  let running = 0;
  values.forEach((value, index) => {
    before[index] = running;
    running += value;
  });
  const result = new Array<number>(values.length);
  running = 0;
  for (let index = values.length - 1; index >= 0; index--) {
    result[index] = before[index]! + running;
    running += values[index]!;
  }
  return result;
}

/** Step 5: everyone left is a year older; age 99 is open-ended. */
function applyAgeing(left: Float64Array, flow: CohortFlows, result: Float64Array): void {
  for (let block = 0; block < COHORT_COUNT; block += AGE_COUNT) {
    for (let age = 0; age < OLDEST_AGE; age++) {
      const index = block + age;
      const persons = left[index]!;
      result[index + 1]! += persons;
      flow.ageingOut[index] = persons;
      flow.ageingIn[index + 1] = persons;
    }
    result[block + OLDEST_AGE]! += left[block + OLDEST_AGE]!;
  }
}

/** Step 6a: births by the start stock of women, at age 0 in the mother's status. */
function applyBirths(stock: CohortStock, flow: CohortFlows, result: Float64Array, fertilityByAge: readonly number[], boysShare: number): void {
  for (const status of RESIDENCE_STATUSES) {
    const girlsIndex = blockStart(status, 'f');
    const boysIndex = blockStart(status, 'm');
    let births = 0;
    for (let age = 0; age < AGE_COUNT; age++) births += stock[girlsIndex + age]! * fertilityByAge[age]!;
    flow.births[girlsIndex] = births * (1 - boysShare);
    flow.births[boysIndex] = births * boysShare;
    result[girlsIndex]! += flow.births[girlsIndex]!;
    result[boysIndex]! += flow.births[boysIndex]!;
  }
}

/** Step 6b: the area's arrivals as asylum pending, by sex and age at year end. */
function applyArrivals(flow: CohortFlows, result: Float64Array, arrivals: number, arrivalShares: readonly number[]): void {
  for (let offset = 0; offset < SEX_AGE_COUNT; offset++) {
    const arriving = arrivals * arrivalShares[offset]!;
    flow.arrivals[PENDING_START + offset] = arriving;
    result[PENDING_START + offset]! += arriving;
  }
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
