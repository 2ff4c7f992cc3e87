/**
 * Benchmark: one 10-year scenario for 51 areas in one-year age steps (issue 7: target under 200 ms).
 * A module for the bench runner (test/bench/run.ts): `{ name, run(): Promise<Record<string, number>> }`.
 */
import { createPresetScenario } from '../../shared/planning/presetScenarios';
import { DEFAULT_COST_RATES, DEFAULT_DEMAND_RATES } from '../../shared/planning/presets';
import { runScenario } from '../../shared/planning/runScenario';
import { createSyntheticAreas } from '../unit/planning/fixtures';

const AREA_COUNT = 51;
const YEARS = 10;
const REPETITIONS = 11;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export const name = 'scenario';

export async function run(): Promise<Record<string, number>> {
  const areas = createSyntheticAreas(AREA_COUNT);
  const scenario = createPresetScenario('high', 2024, YEARS);
  const timesMs: number[] = [];
  // CPU time next to wall time: on a shared machine wall time mostly measures the other processes.
  const cpuTimesMs: number[] = [];
  let firstRunMs = 0;
  for (let repetition = 0; repetition < REPETITIONS; repetition++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const result = runScenario({ scenario, demandRates: DEFAULT_DEMAND_RATES, costRates: DEFAULT_COST_RATES, areas });
    const cpuUsed = process.cpuUsage(cpuStarted);
    const elapsed = performance.now() - started;
    if (result.areas.length !== AREA_COUNT) throw new Error('scenario benchmark produced the wrong number of areas');
    if (repetition === 0) firstRunMs = elapsed;
    else {
      timesMs.push(elapsed);
      cpuTimesMs.push((cpuUsed.user + cpuUsed.system) / 1000);
    }
  }
  return {
    scenario51Areas10YearsFirstRunMs: firstRunMs,
    scenario51Areas10YearsMedianMs: median(timesMs),
    scenario51Areas10YearsMedianCpuMs: median(cpuTimesMs),
    scenario51Areas10YearsTargetMs: 200,
  };
}

export default { name, run };
