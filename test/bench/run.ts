/**
 * `npm run bench [-- NAME…]`: runs every benchmark module in test/bench (`*.bench.ts`), one after another,
 * and prints ONE JSON document on stdout: `{ machine, benchmarks: { name: figures }, failures: { name: message } }`.
 * Progress goes to stderr. Give names to run only those. Not part of `npm test`: speed is measured here,
 * never asserted in tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark } from './benchmark';

const benchDir = path.dirname(fileURLToPath(import.meta.url));

function asBenchmark(module: Record<string, unknown>): Benchmark | undefined {
  const candidate = (module.default ?? module) as Partial<Benchmark>;
  return typeof candidate.name === 'string' && typeof candidate.run === 'function' ? (candidate as Benchmark) : undefined;
}

async function loadBenchmarks(): Promise<Benchmark[]> {
  const files = fs
    .readdirSync(benchDir)
    .filter((file) => file.endsWith('.bench.ts'))
    .sort();
  const benchmarks: Benchmark[] = [];
  for (const file of files) {
    const benchmark = asBenchmark((await import(pathToFileURL(path.join(benchDir, file)).href)) as Record<string, unknown>);
    if (benchmark) benchmarks.push(benchmark);
    else process.stderr.write(`ignored ${file}: it exports no { name, run }\n`);
  }
  return benchmarks;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const benchmarks = (await loadBenchmarks()).filter((benchmark) => wanted.length === 0 || wanted.includes(benchmark.name));
  const results: Record<string, Record<string, number>> = {};
  const failures: Record<string, string> = {};
  for (const benchmark of benchmarks) {
    process.stderr.write(`bench ${benchmark.name} …\n`);
    try {
      results[benchmark.name] = await benchmark.run();
    } catch (error) {
      failures[benchmark.name] = error instanceof Error ? error.message : String(error);
      process.stderr.write(`bench ${benchmark.name} failed: ${failures[benchmark.name]}\n`);
    }
  }
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGigabytes: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
  };
  process.stdout.write(`${JSON.stringify({ date: new Date().toISOString(), machine, benchmarks: results, failures }, null, 2)}\n`);
  process.exitCode = Object.keys(failures).length > 0 ? 1 : 0;
}

await main();
