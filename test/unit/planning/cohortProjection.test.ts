import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectCohorts, type ProjectionRates } from '../../../shared/planning/cohortProjection';
import { AGE_COUNT, COHORT_COUNT, OLDEST_AGE, cohortIndex, createCohortStock, stockTotal } from '../../../shared/planning/cohortStock';
import { createStock } from './fixtures';

function arrivalsAllAt(sexIndex: number, age: number): number[] {
  const shares = new Array<number>(2 * AGE_COUNT).fill(0);
  shares[sexIndex * AGE_COUNT + age] = 1;
  return shares;
}

function neutralRates(areaCount: number): ProjectionRates {
  return {
    recognitionRate: 0,
    departureRate: { asylumPending: 0, protectionGranted: 0 },
    onwardMoveRate: 0,
    onwardMoveDestinationWeights: new Array<number>(areaCount).fill(1),
    arrivalShares: arrivalsAllAt(1, 20),
  };
}

describe('projectCohorts: single mechanisms', () => {
  it('ages everybody by one year and keeps the open-ended age 99', () => {
    const stock = createStock([
      { status: 'resident', sex: 'f', age: 0, persons: 7 },
      { status: 'resident', sex: 'f', age: 98, persons: 3 },
      { status: 'resident', sex: 'f', age: OLDEST_AGE, persons: 5 },
    ]);
    const next = projectCohorts({ startStocks: [stock], arrivals: [[0]], rates: neutralRates(1) }).stocks[1]![0]!;
    expect(next[cohortIndex('resident', 'f', 0)]).toBe(0);
    expect(next[cohortIndex('resident', 'f', 1)]).toBe(7);
    expect(next[cohortIndex('resident', 'f', OLDEST_AGE)]).toBe(8);
  });

  it('places arrivals at their age at year end as asylum pending', () => {
    const next = projectCohorts({ startStocks: [createCohortStock()], arrivals: [[12]], rates: neutralRates(1) }).stocks[1]![0]!;
    expect(next[cohortIndex('asylumPending', 'm', 20)]).toBe(12);
    expect(stockTotal(next)).toBe(12);
  });

  it('adds births at age 0 in the mother’s status and removes deaths', () => {
    const stock = createStock([{ status: 'protectionGranted', sex: 'f', age: 30, persons: 100 }]);
    const fertilityByAge = new Array<number>(AGE_COUNT).fill(0);
    fertilityByAge[30] = 0.1;
    const mortalityByAge = new Array<number>(AGE_COUNT).fill(0);
    mortalityByAge[30] = 0.02;
    const rates = { ...neutralRates(1), fertilityByAge, boysShareOfBirths: 0.5, mortalityByAge };
    const next = projectCohorts({ startStocks: [stock], arrivals: [[0]], rates }).stocks[1]![0]!;
    expect(next[cohortIndex('protectionGranted', 'f', 0)]).toBeCloseTo(5, 12);
    expect(next[cohortIndex('protectionGranted', 'm', 0)]).toBeCloseTo(5, 12);
    expect(next[cohortIndex('protectionGranted', 'f', 31)]).toBeCloseTo(98, 12);
  });

  it('moves nobody onwards when there is only one area', () => {
    const stock = createStock([{ status: 'protectionGranted', sex: 'm', age: 25, persons: 40 }]);
    const result = projectCohorts({ startStocks: [stock], arrivals: [[0]], rates: { ...neutralRates(1), onwardMoveRate: 0.5 } });
    expect(result.totals[0]![0]!.movesOut).toBe(0);
    expect(stockTotal(result.stocks[1]![0]!)).toBe(40);
  });
});

describe('projectCohorts: one area holding nearly all destination weight', () => {
  // Found by the property below: with weights like [1e-9, 979, 0, 0], 1 − w of the heavy area keeps only a few
  // significant digits, and computing its movers' spread from it lost or made up persons (1e-7 of the region).
  it('moves every person who leaves into the other areas, no more and no fewer', () => {
    const movers = createStock([{ status: 'protectionGranted', sex: 'm', age: 53, persons: 10.624367265133078 }]);
    const alsoMovers = createStock([{ status: 'protectionGranted', sex: 'f', age: 30, persons: 5 }]);
    const rates = { ...neutralRates(4), onwardMoveRate: 0.3, onwardMoveDestinationWeights: [1.0899704787440404e-9, 979.3094917441343, 0, 0] };
    const result = projectCohorts({ startStocks: [alsoMovers, movers, createCohortStock(), createCohortStock()], arrivals: [[0, 0, 0, 0]], rates });
    const [light, heavy] = result.totals[0]!;
    // The heavy area's movers all go to the light area (the only other one with weight), and vice versa.
    expect(light!.movesIn / heavy!.movesOut).toBeCloseTo(1, 12);
    expect(heavy!.movesIn / light!.movesOut).toBeCloseTo(1, 12);
    expect(result.stocks[1]!.reduce((total, stock) => total + stockTotal(stock), 0)).toBeCloseTo(15.624367265133078, 12);
  });
});

describe('projectCohorts: hand-computed two areas, two years', () => {
  // A: 100 residents (f, 30); B: 300 residents (m, 40). Arrivals 10 to A and 30 to B each year, all men aged 20.
  // Departure of pending 10 %, recognition 50 %, onward moves 25 % of the protected, destination weights 100/300.
  // Year 1: only arrivals and ageing. Year 2, area A: 10 pending → 1 departs → 4.5 recognised → 1.125 move to B;
  // B: 30 → 3 depart → 13.5 recognised → 3.375 move to A. A protected = 3.375 + 3.375 = 6.75; B = 10.125 + 1.125.
  const rates: ProjectionRates = {
    recognitionRate: 0.5,
    departureRate: { asylumPending: 0.1, protectionGranted: 0 },
    onwardMoveRate: 0.25,
    onwardMoveDestinationWeights: [100, 300],
    arrivalShares: arrivalsAllAt(1, 20),
  };
  const startStocks = [createStock([{ status: 'resident', sex: 'f', age: 30, persons: 100 }]), createStock([{ status: 'resident', sex: 'm', age: 40, persons: 300 }])];
  const result = projectCohorts({ startStocks, arrivals: [[10, 30], [10, 30]], rates });

  it('matches the stocks worked out by hand', () => {
    const [areaA, areaB] = result.stocks[2]!;
    expect(areaA![cohortIndex('resident', 'f', 32)]).toBe(100);
    expect(areaA![cohortIndex('asylumPending', 'm', 21)]).toBeCloseTo(4.5, 12);
    expect(areaA![cohortIndex('protectionGranted', 'm', 21)]).toBeCloseTo(6.75, 12);
    expect(areaA![cohortIndex('asylumPending', 'm', 20)]).toBe(10);
    expect(stockTotal(areaA!)).toBeCloseTo(121.25, 12);
    expect(areaB![cohortIndex('protectionGranted', 'm', 21)]).toBeCloseTo(11.25, 12);
    expect(stockTotal(areaB!)).toBeCloseTo(354.75, 12);
  });

  it('reports the year’s flows per area', () => {
    const secondYearA = result.totals[1]![0]!;
    expect(secondYearA.departures).toBeCloseTo(1, 12);
    expect(secondYearA.recognitions).toBeCloseTo(4.5, 12);
    expect(secondYearA.movesOut).toBeCloseTo(1.125, 12);
    expect(secondYearA.movesIn).toBeCloseTo(3.375, 12);
    expect(secondYearA.stockAfter).toBeCloseTo(121.25, 12);
  });
});

const areaStock = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 500, noNaN: true })), { minLength: COHORT_COUNT, maxLength: COHORT_COUNT }).map((values) => Float64Array.from(values));
const share = fc.double({ min: 0, max: 1, noNaN: true });
const byAge = (max: number) => fc.array(fc.double({ min: 0, max, noNaN: true }), { minLength: AGE_COUNT, maxLength: AGE_COUNT });

const projectionCase = fc.integer({ min: 1, max: 4 }).chain((areaCount) =>
  fc.record({
    startStocks: fc.array(areaStock, { minLength: areaCount, maxLength: areaCount }),
    arrivals: fc.array(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: areaCount, maxLength: areaCount }), { minLength: 1, maxLength: 3 }),
    recognitionRate: share,
    departurePending: share,
    departureGranted: share,
    onwardMoveRate: share,
    weights: fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: areaCount, maxLength: areaCount }),
    arrivalRaw: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2 * AGE_COUNT, maxLength: 2 * AGE_COUNT }),
    natural: fc.option(fc.record({ fertility: byAge(0.2), mortality: byAge(0.3), boys: share })),
  }),
);

describe('projectCohorts: balance for random populations and rates', () => {
  it('holds per area, year and cohort, and the areas add up to the region', () => {
    fc.assert(
      fc.property(projectionCase, (testCase) => {
        const rawSum = testCase.arrivalRaw.reduce((sum, value) => sum + value, 0);
        const arrivalShares = rawSum > 0 ? testCase.arrivalRaw.map((value) => value / rawSum) : arrivalsAllAt(0, 0);
        const rates: ProjectionRates = {
          recognitionRate: testCase.recognitionRate,
          departureRate: { asylumPending: testCase.departurePending, protectionGranted: testCase.departureGranted },
          onwardMoveRate: testCase.onwardMoveRate,
          onwardMoveDestinationWeights: testCase.weights,
          arrivalShares,
          ...(testCase.natural ? { fertilityByAge: testCase.natural.fertility, mortalityByAge: testCase.natural.mortality, boysShareOfBirths: testCase.natural.boys } : {}),
        };
        const result = projectCohorts({ startStocks: testCase.startStocks, arrivals: testCase.arrivals, rates, keepCohortFlows: true });
        const flowsByYear = result.cohortFlows!;
        // One assertion per case instead of one per cohort: thousands of expect() calls per case are slow.
        let worstResidual = 0;
        let smallestStock = 0;
        testCase.arrivals.forEach((arrivalsByArea, yearIndex) => {
          let regionBefore = 0;
          let regionAfter = 0;
          let regionNetExternal = 0;
          let movesIn = 0;
          let movesOut = 0;
          result.stocks[yearIndex]!.forEach((stock, area) => {
            const next = result.stocks[yearIndex + 1]![area]!;
            const flow = flowsByYear[yearIndex]![area]!;
            for (let index = 0; index < COHORT_COUNT; index++) {
              const terms = [
                stock[index]!,
                flow.arrivals[index]!,
                -flow.departures[index]!,
                -flow.deaths[index]!,
                flow.births[index]!,
                flow.recognitionIn[index]!,
                -flow.recognitionOut[index]!,
                flow.movesIn[index]!,
                -flow.movesOut[index]!,
                flow.ageingIn[index]!,
                -flow.ageingOut[index]!,
              ];
              const expected = terms.reduce((sum, term) => sum + term, 0);
              // Relative to the magnitude of the terms: float rounding of a sum of ~10 terms is a few ulps of
              // the sum of their absolute values (the cohort itself may be small while its flows are large).
              const magnitude = 1 + terms.reduce((sum, term) => sum + Math.abs(term), 0) + Math.abs(next[index]!);
              worstResidual = Math.max(worstResidual, Math.abs(next[index]! - expected) / magnitude);
              smallestStock = Math.min(smallestStock, next[index]!);
            }
            const totals = result.totals[yearIndex]![area]!;
            // Arrivals into the cohorts equal the whole persons allocated to the area.
            expect(totals.arrivals).toBeCloseTo(arrivalsByArea[area]!, 9);
            regionBefore += totals.stockBefore;
            regionAfter += totals.stockAfter;
            regionNetExternal += totals.arrivals - totals.departures - totals.deaths + totals.births;
            movesIn += totals.movesIn;
            movesOut += totals.movesOut;
          });
          const scale = 1 + regionBefore + regionAfter;
          expect(Math.abs(movesIn - movesOut)).toBeLessThanOrEqual(1e-9 * scale);
          expect(Math.abs(regionAfter - (regionBefore + regionNetExternal))).toBeLessThanOrEqual(1e-9 * scale);
        });
        expect(worstResidual).toBeLessThanOrEqual(1e-12);
        expect(smallestStock).toBeGreaterThanOrEqual(-1e-9);
      }),
      { numRuns: 100 },
    );
  });
});
