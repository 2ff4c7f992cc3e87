/**
 * Benchmark: classify 11 000 values (about the number of German municipalities by ARS) with every method.
 * Target: under 20 ms per method. A module for test/bench/run.ts: `{ name, run() }` resolving to
 * milliseconds per method (median of 7 runs after one warm-up), keyed "<method>Milliseconds".
 */
import { classify } from '../../shared/classification/classify';
import { CLASSIFICATION_METHODS, type ClassificationOptions } from '../../shared/classification/types';

const VALUE_COUNT = 11_000;
const RUNS = 7;

/** Park–Miller minimal standard generator: the same "random" values on every machine and run. */
function seededValues(count: number, seed: number): (number | null)[] {
  let state = seed;
  const next = (): number => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  // Skewed like rates per 1000 inhabitants, with about 1 % missing.
  return Array.from({ length: count }, () => (next() < 0.01 ? null : Math.round(-Math.log(next()) * 250) / 10));
}

function optionsFor(method: ClassificationOptions['method']): ClassificationOptions {
  if (method === 'manual') return { method, classes: 5, breaks: [5, 10, 20, 40] };
  if (method === 'nested-means') return { method, classes: 8 };
  if (method === 'boxmap') return { method, classes: 6 };
  return { method, classes: 9 };
}

export default {
  name: 'classification',
  async run(): Promise<Record<string, number>> {
    const values = seededValues(VALUE_COUNT, 20_191_231);
    const results: Record<string, number> = {};
    for (const method of CLASSIFICATION_METHODS) {
      const options = optionsFor(method);
      classify(values, options);
      const durations: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        classify(values, options);
        durations.push(performance.now() - started);
      }
      durations.sort((a, b) => a - b);
      results[`${method}Milliseconds`] = Number((durations[Math.floor(RUNS / 2)] as number).toFixed(2));
    }
    return results;
  },
};
