/**
 * What a benchmark is: a named async function returning figures (milliseconds, counts, megabytes…), with
 * the unit in each figure's name, e.g. `{ openMsMedian: 41.2, areas: 21 }`. Each benchmark lives in its
 * own `test/bench/<topic>.bench.ts` and is found by `run.ts` without being registered anywhere else.
 *
 * A module either `export default { name, run }` or exports `name` and `run` directly.
 */
export interface Benchmark {
  name: string;
  run(): Promise<Record<string, number>>;
}

/** Milliseconds elapsed since `start` (a `performance.now()` reading), rounded to 0.1 ms. */
export function millisecondsSince(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

/**
 * Median of repeated measurements, which is less disturbed than the mean by one slow run on a busy machine.
 *
 * @example median([3, 1, 2]) === 2
 */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round((value ?? Number.NaN) * 10) / 10;
}

/** Runs `measure` `repetitions` times one after another and returns each duration in milliseconds. */
export async function repeat(repetitions: number, measure: () => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let index = 0; index < repetitions; index += 1) {
    const start = performance.now();
    await measure();
    durations.push(millisecondsSince(start));
  }
  return durations;
}
