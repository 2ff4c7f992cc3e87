/**
 * The values of the Region Hannover golden case: refugees per 1 000 inhabitants of the demo project
 * (synthetic counts) at its last Stichtag, read as the indicator service reads them — each variable from its
 * chosen source only. The demo also holds the AsylbLG statistics and the bed count of the same persons;
 * counting every observation would add them to the AZR's figures.
 */
import { createDemoProject } from '../../../shared/demo/createDemoProject';
import { computeIndicatorValues } from '../../../shared/indicators/computeIndicatorValues';
import { observationsAsChosen } from '../../../shared/sources/sourceChoice';

export interface CaseValues {
  values: (number | null)[];
  counts: number[];
  populations: number[];
}

/** @example demoRefugeeRates([{ key: '03241001', name: 'Hannover' }]).values[0] // 37.449… */
export function demoRefugeeRates(areas: readonly { key: string; name: string }[]): CaseValues & { period: string } {
  const demo = createDemoProject();
  const indicator = demo.indicators.find((candidate) => candidate.id === 'refugees_per_1000')!;
  const observations = observationsAsChosen(demo);
  const period = [...new Set(observations.filter((observation) => observation.variable === 'refugees').map((observation) => observation.period))].sort().at(-1)!;
  // The rate has no per-km² part, so the areas' size does not enter it.
  const computed = computeIndicatorValues({ indicator, areas: areas.map((area) => ({ key: area.key, name: area.name, areaKm2: 0 })), observations, period, smallNumberThreshold: 1 });
  return {
    period,
    values: computed.values.map((value) => value.value),
    counts: computed.values.map((value) => value.numerator ?? Number.NaN),
    populations: computed.values.map((value) => value.denominator ?? Number.NaN),
  };
}
