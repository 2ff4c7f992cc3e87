/**
 * Benchmark: classify about 11 000 values — the number of German municipalities — with every method.
 * Target (issue 4): under 20 ms per method. Three data sets:
 * - `seeded`: 11 000 seeded rates per 1 000 with one decimal and 1 % missing (many repeated values);
 * - `density`: the real population density (EWZ / KFL, inhabitants per km², one decimal) of the 11 271
 *   Gemeinden (GF = 4) of BKG's VG250-EW 2016 in ../shared/data (skipped with a note when absent);
 * - `continuous`: the same densities unrounded, so nearly every value is distinct (worst case for the
 *   exact natural-breaks programme, which works over distinct values).
 * Figures: median of 7 runs after one warm-up, wall-clock ms ("<set><Method>Milliseconds") and the
 * process's CPU ms for the same runs ("…CpuMilliseconds"), which other work on a shared machine disturbs less.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../../shared/classification/classify';
import { CLASSIFICATION_METHODS, type ClassificationOptions } from '../../shared/classification/types';
import { openDbf } from 'shapefile';

const VALUE_COUNT = 11_000;
const RUNS = 7;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GEMEINDE_DBF = path.resolve(repoRoot, '../shared/data/boundaries/vg250-ew_2016-12-31_utm32_pk_points_and_gem_dbf/gem_attributes_only_no_shp/VG250_GEM.dbf');

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

/** Inhabitants per km² of every Gemeinde (land parts, GF = 4), or null when the data folder is absent. */
async function realDensities(): Promise<number[] | null> {
  if (!fs.existsSync(GEMEINDE_DBF)) return null;
  const table = await openDbf(new Uint8Array(fs.readFileSync(GEMEINDE_DBF)), { encoding: 'utf-8' });
  const densities: number[] = [];
  for (let row = await table.read(); !row.done; row = await table.read()) {
    const record = row.value as Record<string, unknown>;
    const density = Number(record.EWZ) / Number(record.KFL);
    if (Number(record.GF) === 4 && Number.isFinite(density)) densities.push(density);
  }
  return densities;
}

function optionsFor(method: ClassificationOptions['method']): ClassificationOptions {
  if (method === 'manual') return { method, classes: 5, breaks: [5, 10, 20, 40] };
  if (method === 'nested-means') return { method, classes: 8 };
  if (method === 'boxmap') return { method, classes: 6 };
  return { method, classes: 9 };
}

function cpuMilliseconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Number((sorted[Math.floor(sorted.length / 2)] as number).toFixed(2));
}

function measure(setName: string, values: readonly (number | null)[], results: Record<string, number>): void {
  results[`${setName}Values`] = values.length;
  for (const method of CLASSIFICATION_METHODS) {
    const options = optionsFor(method);
    classify(values, options);
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const startedCpu = cpuMilliseconds();
      const started = performance.now();
      classify(values, options);
      wall.push(performance.now() - started);
      cpu.push(cpuMilliseconds() - startedCpu);
    }
    const methodName = method.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
    const key = `${setName}${methodName[0]?.toUpperCase()}${methodName.slice(1)}`;
    results[`${key}Milliseconds`] = medianOf(wall);
    results[`${key}CpuMilliseconds`] = medianOf(cpu);
  }
}

export default {
  name: 'classification',
  async run(): Promise<Record<string, number>> {
    const results: Record<string, number> = {};
    measure('seeded', seededValues(VALUE_COUNT, 20_191_231), results);
    const densities = await realDensities();
    if (densities) {
      measure('density', densities.map((density) => Math.round(density * 10) / 10), results);
      measure('continuous', densities, results);
    } else {
      process.stderr.write(`classification bench: ${GEMEINDE_DBF} not found, real-data sets skipped\n`);
    }
    return results;
  },
};
