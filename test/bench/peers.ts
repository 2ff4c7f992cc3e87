/**
 * Measuring Kleinraum next to its peers in the same run (issue 16): whole commands as a user starts them
 * (wall time, CPU time and peak memory of the process), the peer tools (mapshaper from devDependencies,
 * GDAL's ogr2ogr where installed), and the Germany-wide test project several benchmarks share.
 * Speed is reported as figures and ratios, never asserted: a loaded machine makes every figure larger,
 * the ratio of two measured in the same run much less so.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cliEntryPoint } from '../helpers/cli';
import { findOnPath, systemPython } from '../helpers/externalTools';
import { repoRoot } from '../helpers/repoRoot';
import { sharedDataPath } from '../helpers/sharedData';
import { median } from './benchmark';

/** The Germany-wide simplified VG250 municipalities (10 990 polygons, ETRS89 / UTM 32N) as BKG ships them, zipped. */
export const GERMANY_BOUNDARIES_ZIP = sharedDataPath('boundaries', 'vg250_gem_2022-05-15_simplified_utm32', 'VG250_GEM_simplified.zip');
/** Zensus 2022 population per municipality, which gives the Germany layer an indicator. */
export const GERMANY_POPULATION_CSV = sharedDataPath('population', 'zensus2022', 'zensus2022_1000A-0000_bevoelkerung_gemeinden.csv');

export interface CommandFigures {
  wallMs: number;
  cpuMs: number;
  /** Peak resident memory of the process in MB; NaN where it cannot be measured (no Python). */
  peakMemoryMb: number;
}

// Python's resource module reads the child's peak memory (ru_maxrss, kB) as the kernel counted it; the
// wall time is taken around the child alone, so Python's own start is not part of it.
const MEASURE_CHILD = [
  'import json, resource, subprocess, sys, time',
  'start = time.perf_counter()',
  'status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)',
  'wall = time.perf_counter() - start',
  'usage = resource.getrusage(resource.RUSAGE_CHILDREN)',
  'print(json.dumps({"status": status.returncode, "stderr": status.stderr.decode("utf-8", "replace")[-2000:], "wallMs": wall * 1000, "cpuMs": (usage.ru_utime + usage.ru_stime) * 1000, "peakKb": usage.ru_maxrss}))',
].join('\n');

function measureOnce(command: readonly string[], cwd: string): CommandFigures {
  if (fs.existsSync(systemPython)) {
    const result = spawnSync(systemPython, ['-c', MEASURE_CHILD, ...command], { cwd, encoding: 'utf8', timeout: 600_000 });
    const figures = JSON.parse(result.stdout || '{}') as { status?: number; stderr?: string; wallMs: number; cpuMs: number; peakKb: number };
    if (figures.status !== 0) throw new Error(`${command.join(' ')} failed: ${figures.stderr ?? result.stderr}`);
    return { wallMs: figures.wallMs, cpuMs: figures.cpuMs, peakMemoryMb: figures.peakKb / 1024 };
  }
  const start = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), { cwd, encoding: 'utf8', timeout: 600_000 });
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed: ${result.stderr}`);
  return { wallMs: performance.now() - start, cpuMs: Number.NaN, peakMemoryMb: Number.NaN };
}

/**
 * Runs a command `repetitions` times (after `prepare`, untimed) and returns the median of each figure.
 * @example measureCommand(['node', 'kleinraum.cjs', 'info', 'demo.gpkg'], { repetitions: 5 })
 */
export function measureCommand(command: readonly string[], options: { repetitions: number; cwd?: string; prepare?: (run: number) => void }): CommandFigures {
  const runs: CommandFigures[] = [];
  for (let run = 0; run < options.repetitions; run++) {
    options.prepare?.(run);
    runs.push(measureOnce(command, options.cwd ?? repoRoot));
  }
  return {
    wallMs: median(runs.map((figures) => figures.wallMs)),
    cpuMs: median(runs.map((figures) => figures.cpuMs)),
    peakMemoryMb: median(runs.map((figures) => figures.peakMemoryMb)),
  };
}

/** The `kleinraum` command as users run it: the bin script with its arguments. */
export function kleinraumCommand(...args: string[]): string[] {
  return [process.execPath, cliEntryPoint, ...args];
}

/** mapshaper from devDependencies, run by the same Node. */
export function mapshaperCommand(...args: string[]): string[] {
  const script = path.join(repoRoot, 'node_modules', 'mapshaper', 'bin', 'mapshaper');
  if (!fs.existsSync(script)) throw new Error('mapshaper is missing from node_modules: run npm ci (it is a devDependency)');
  return [process.execPath, script, ...args];
}

/** GDAL's ogr2ogr, or null with the reason printed (the figures then leave it out). */
export function ogr2ogrOrSkip(benchmark: string): string | null {
  const ogr2ogr = findOnPath('ogr2ogr');
  if (!ogr2ogr) process.stderr.write(`${benchmark}: ogr2ogr skipped — GDAL is not installed (apt-get install gdal-bin)\n`);
  return ogr2ogr ?? null;
}

/** a / b rounded to two decimals: below 1 Kleinraum is faster (or smaller) than the peer. */
export function ratio(kleinraum: number, peer: number): number {
  return Math.round((kleinraum / peer) * 100) / 100;
}

/** Milliseconds or megabytes rounded to one decimal for the report. */
export function rounded(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Runs `kleinraum …` and fails with its message when it does not succeed (set-up steps, not timed). */
export function runKleinraumStep(...args: string[]): string {
  // A --json document for 11 000 areas is several MB: far above spawnSync's default 1 MB buffer.
  const result = spawnSync(process.execPath, [cliEntryPoint, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 600_000, maxBuffer: 512 * 1024 ** 2 });
  if (result.status !== 0) throw new Error(`kleinraum ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
  return result.stdout;
}

/**
 * Writes the Germany project (VG250 municipalities with Zensus 2022 population, indicator
 * `population_total`) into `directory`, through the CLI as a planner would; returns its path.
 */
export function writeGermanyProject(directory: string): string {
  const project = path.join(directory, 'deutschland.gpkg');
  const dataDir = path.join(directory, 'data');
  runKleinraumStep('import', project, GERMANY_BOUNDARIES_ZIP, '--data-dir', dataDir);
  runKleinraumStep('import', project, GERMANY_POPULATION_CSV, '--data-dir', dataDir);
  return project;
}
