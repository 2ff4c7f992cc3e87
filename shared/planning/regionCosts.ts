/**
 * The region's costs per year: the sum of every area's cost of acting (closing its shortage) and of not
 * acting (living with it). Areas with spare capacity add nothing: spare places in one municipality do not
 * close a gap in another (see gap.ts).
 */
import type { NullableFigures } from './gap';
import type { ScenarioResult } from './runScenario';
import { INFRASTRUCTURE_KINDS } from './scenarioModel';

export interface RegionCosts {
  year: number;
  /** Euros per year per kind; null when any area's gap of that kind is unknown. */
  acting: NullableFigures;
  notActing: NullableFigures;
  actingTotal: number;
  notActingTotal: number;
  /** True when some kind is left out of the totals (unknown supply somewhere). */
  incomplete: boolean;
}

/**
 * Region totals of the costs for each projected year; empty when the result was computed without cost rates.
 * @example regionCosts(result)[0].actingTotal // euros per year to close all shortages in the first projected year
 */
export function regionCosts(result: ScenarioResult): RegionCosts[] {
  if (result.areas.some((area) => area.years.some((year) => !year.costs))) return [];
  return result.years.map((year, yearIndex) => {
    const acting = {} as NullableFigures;
    const notActing = {} as NullableFigures;
    for (const kind of INFRASTRUCTURE_KINDS) {
      acting[kind] = 0;
      notActing[kind] = 0;
    }
    for (const area of result.areas) {
      const costs = area.years[yearIndex]!.costs!;
      for (const kind of INFRASTRUCTURE_KINDS) {
        const areaActing = costs.acting[kind];
        const areaNotActing = costs.notActing[kind];
        acting[kind] = areaActing === null || acting[kind] === null ? null : acting[kind]! + areaActing;
        notActing[kind] = areaNotActing === null || notActing[kind] === null ? null : notActing[kind]! + areaNotActing;
      }
    }
    let actingTotal = 0;
    let notActingTotal = 0;
    let incomplete = false;
    for (const kind of INFRASTRUCTURE_KINDS) {
      const kindActing = acting[kind];
      const kindNotActing = notActing[kind];
      if (kindActing === null || kindNotActing === null) incomplete = true;
      else {
        actingTotal += kindActing;
        notActingTotal += kindNotActing;
      }
    }
    const wholeEuros = (figures: NullableFigures): NullableFigures => {
      const rounded = {} as NullableFigures;
      for (const kind of INFRASTRUCTURE_KINDS) rounded[kind] = figures[kind] === null ? null : Math.round(figures[kind]);
      return rounded;
    };
    return { year, acting: wholeEuros(acting), notActing: wholeEuros(notActing), actingTotal: Math.round(actingTotal), notActingTotal: Math.round(notActingTotal), incomplete };
  });
}
