#!/usr/bin/env node
// `npm test`: the one command that runs every check of the project, in order, and keeps going after a
// failure so the summary is complete:
//   1. typecheck of each layer (shared, renderer, electron, test; one check each), lint (eslint ., one
//      check) and the renderer build (vite build, one check): independent, so they run two at a time
//      (the CI machine has two cores) with their output printed in this order
//   2. vitest (unit + integration), JSON report in build/test-reports/vitest.json
//   3. Playwright e2e against the built renderer, JSON report in build/test-reports/playwright.json
// The counts come from the runners' JSON reports, not from their console output, because CI reads only
// the closing line. The LAST line printed is exactly `N passed, N failed, N skipped`; the exit code is
// non-zero when anything failed or a runner wrote no report.
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = path.join(repoRoot, 'build', 'test-reports');
const vitestReport = path.join(reportDir, 'vitest.json');
const playwrightReport = path.join(reportDir, 'playwright.json');
const binDir = path.join(repoRoot, 'node_modules', '.bin');

/** One row of the summary: a stage with its counts and the skipped items with their reasons. */
function stageResult(name) {
  return { name, passed: 0, failed: 0, skipped: 0, skippedItems: [], problems: [] };
}

function heading(text) {
  process.stdout.write(`\n=== ${text} ===\n`);
}

/** Runs a tool from node_modules/.bin with its output shown as it comes (the long runners); returns its exit status. */
function runTool(tool, args, { env = {} } = {}) {
  const result = spawnSync(path.join(binDir, tool), args, {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0', ...env },
  });
  if (result.error) process.stdout.write(`could not start ${tool}: ${result.error.message}\n`);
  return { status: result.error ? -1 : result.status ?? -1 };
}

/** Runs a tool from node_modules/.bin with its output captured; resolves with exit status and output. */
function runToolCaptured(tool, args) {
  return new Promise((resolve) => {
    const child = spawn(path.join(binDir, tool), args, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ status: -1, output: `${output}could not start ${tool}: ${error.message}\n` }));
    child.on('close', (status) => resolve({ status: status ?? -1, output }));
  });
}

/**
 * Runs independent checks at most `limit` at a time. Each check's heading and output are printed in the
 * order of `checks`, as soon as it and every check before it are done, so the log reads as if they had
 * run one after another. Resolves with the results in the same order.
 */
async function runConcurrently(checks, limit) {
  const results = new Array(checks.length);
  let printed = 0;
  const printReady = () => {
    while (printed < checks.length && results[printed]) {
      heading(checks[printed].heading);
      const { output } = results[printed];
      if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      printed += 1;
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < checks.length) {
      const index = next++;
      const check = checks[index];
      results[index] = check.skip ? { status: 0, output: '', skipped: check.skip } : await runToolCaptured(check.tool, check.args);
      printReady();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, checks.length) }, worker));
  return results;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function layerHasSources(layer) {
  const walk = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).some((entry) => {
      if (entry.isDirectory()) return entry.name !== 'node_modules' && walk(path.join(dir, entry.name));
      return /\.tsx?$/.test(entry.name);
    });
  return fs.existsSync(path.join(repoRoot, layer)) && walk(path.join(repoRoot, layer));
}

// ---------- 1. typecheck (one check per layer), lint and renderer build, two at a time ----------
const LAYERS = ['shared', 'renderer', 'electron', 'test'];

async function staticChecks() {
  const start = Date.now();
  const hasRenderer = fs.existsSync(path.join(repoRoot, 'renderer', 'index.html'));
  const checks = [
    ...LAYERS.map((layer) => ({
      heading: `typecheck ${layer}: tsc -p ${layer}`,
      tool: 'tsc',
      args: ['-p', layer, '--pretty', 'false'],
      // tsc refuses an empty layer ("No inputs were found"); that is a layer not yet written, not an error.
      skip: layerHasSources(layer) ? null : `tsc -p ${layer}: the layer has no TypeScript sources yet`,
    })),
    { heading: 'lint: eslint .', tool: 'eslint', args: ['.'] },
    { heading: 'renderer build: vite build', tool: 'vite', args: ['build', '--logLevel', 'warn'], skip: hasRenderer ? null : 'no renderer' },
  ];
  const results = await runConcurrently(checks, Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length)));
  const seconds = Math.round((Date.now() - start) / 100) / 10;

  const typecheck = stageResult('typecheck');
  LAYERS.forEach((layer, index) => {
    const result = results[index];
    if (result.skipped) {
      typecheck.skipped += 1;
      typecheck.skippedItems.push(result.skipped);
    } else if (result.status === 0) typecheck.passed += 1;
    else {
      typecheck.failed += 1;
      typecheck.problems.push(`tsc -p ${layer} reported errors`);
    }
  });

  const lint = stageResult('lint');
  if (results[LAYERS.length].status === 0) lint.passed += 1;
  else {
    lint.failed += 1;
    lint.problems.push('eslint reported problems');
  }

  const build = stageResult('renderer build');
  const buildResult = results[LAYERS.length + 1];
  if (!hasRenderer) {
    build.failed += 1;
    build.problems.push('renderer/index.html does not exist, so there is nothing for browser mode to serve');
  } else if (buildResult.status === 0) build.passed += 1;
  else {
    build.failed += 1;
    build.problems.push('vite build failed');
  }
  // The three ran side by side; each row shows the time of the whole batch.
  for (const stage of [typecheck, lint, build]) stage.seconds = seconds;
  return { typecheck, lint, build };
}

// ---------- 2. vitest ----------
function vitest() {
  const stage = stageResult('vitest');
  heading('vitest: unit and integration tests');
  fs.rmSync(vitestReport, { force: true });
  const { status } = runTool('vitest', [
    'run',
    '--passWithNoTests',
    // Two forks on the two-core CI machine: about a third less wall time than vitest's default of one
    // (cores − 1); the files keep their own temporary folders and ports, so they do not meet.
    `--maxWorkers=${Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length))}`,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${path.relative(repoRoot, vitestReport)}`,
  ]);
  const report = readJson(vitestReport);
  if (!report) {
    stage.failed += 1;
    stage.problems.push(`vitest wrote no report (${path.relative(repoRoot, vitestReport)}), exit status ${status}`);
    return stage;
  }
  for (const file of report.testResults ?? []) {
    const relativeFile = path.relative(repoRoot, file.name);
    let failedInFile = 0;
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'passed') stage.passed += 1;
      else if (test.status === 'failed') {
        stage.failed += 1;
        failedInFile += 1;
        stage.problems.push(`${relativeFile}: ${test.fullName}`);
      } else {
        stage.skipped += 1;
        // Tests of a file whose suite failed (a throwing beforeAll, an import error) show as skipped.
        const reason =
          test.meta?.skipReason ?? (file.status === 'failed' ? 'not run: its file or suite failed, see FAILED' : test.status);
        stage.skippedItems.push(`${relativeFile}: ${test.fullName} (${reason})`);
      }
    }
    // A file that fails to load or whose beforeAll throws has no failed test but must still count.
    if (file.status === 'failed' && failedInFile === 0) {
      stage.failed += 1;
      stage.problems.push(
        `${relativeFile}: ${file.message || 'a suite hook (beforeAll/afterAll) or the file itself failed; see the vitest output above'}`,
      );
    }
  }
  // Errors outside any test (unhandled rejections, setup errors) make vitest exit non-zero without a failed test.
  if (status !== 0 && stage.failed === 0) {
    stage.failed += 1;
    stage.problems.push(`vitest exited with status ${status} although no test failed (errors outside tests?)`);
  }
  return stage;
}

// ---------- 3. Playwright ----------
/** Walks Playwright's JSON report (suites → specs → tests) and counts by the final outcome of each test. */
function collectPlaywrightTests(suite, titles, stage) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      const name = `${spec.file ?? suite.file}: ${[...titles, spec.title].filter(Boolean).join(' › ')}`;
      if (test.status === 'expected' || test.status === 'flaky') stage.passed += 1;
      else if (test.status === 'skipped') {
        stage.skipped += 1;
        const annotations = [...(test.annotations ?? []), ...(test.results ?? []).flatMap((r) => r.annotations ?? [])];
        const reason = annotations.find((a) => a.type === 'skip' || a.type === 'fixme')?.description;
        stage.skippedItems.push(`${name} (${reason ?? 'no reason given'})`);
      } else {
        stage.failed += 1;
        const lastResult = (test.results ?? []).at(-1);
        const firstLine = (lastResult?.error?.message ?? '').split('\n')[0];
        stage.problems.push(`${name}${firstLine ? `: ${firstLine}` : ''}`);
      }
    }
  }
  for (const child of suite.suites ?? []) collectPlaywrightTests(child, [...titles, child.title], stage);
}

function playwright(buildStage) {
  const stage = stageResult('playwright');
  heading('playwright: end-to-end tests in Chromium (browser mode)');
  if (buildStage.failed > 0) {
    stage.failed += 1;
    stage.problems.push('not run: the renderer build failed');
    process.stdout.write('not run: the renderer build failed\n');
    return stage;
  }
  fs.rmSync(playwrightReport, { force: true });
  const { status } = runTool('playwright', ['test', '--reporter=list,json'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
  });
  const report = readJson(playwrightReport);
  if (!report) {
    stage.failed += 1;
    stage.problems.push(`playwright wrote no report (${path.relative(repoRoot, playwrightReport)}), exit status ${status}`);
    return stage;
  }
  // Titles of the top suites are file names; keep titles below them.
  for (const fileSuite of report.suites ?? []) collectPlaywrightTests(fileSuite, [], stage);
  // Errors outside tests: the web server did not start, global setup threw, a file failed to load.
  for (const error of report.errors ?? []) {
    stage.failed += 1;
    stage.problems.push(`outside tests: ${(error.message ?? String(error)).split('\n')[0]}`);
  }
  if (status !== 0 && stage.failed === 0) {
    stage.failed += 1;
    stage.problems.push(`playwright exited with status ${status} although no test failed`);
  }
  return stage;
}

// ---------- run and summarise ----------
fs.mkdirSync(reportDir, { recursive: true });
/** Runs a stage and records how long it took, so slow stages show up in every CI log. */
function timed(runStage) {
  const start = Date.now();
  const stage = runStage();
  stage.seconds = Math.round((Date.now() - start) / 100) / 10;
  return stage;
}
const checks = await staticChecks();
const stages = [checks.typecheck, checks.lint, timed(vitest), checks.build];
stages.push(timed(() => playwright(checks.build)));

heading('summary');
for (const stage of stages) {
  const counts = `${stage.passed} passed, ${stage.failed} failed, ${stage.skipped} skipped`;
  process.stdout.write(`${stage.name.padEnd(15)} ${counts.padEnd(36)} ${stage.seconds} s\n`);
  for (const problem of stage.problems) process.stdout.write(`  FAILED  ${problem}\n`);
  for (const item of stage.skippedItems) process.stdout.write(`  skipped ${item}\n`);
}
const total = stages.reduce(
  (sum, stage) => ({ passed: sum.passed + stage.passed, failed: sum.failed + stage.failed, skipped: sum.skipped + stage.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
process.stdout.write(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exitCode = total.failed > 0 ? 1 : 0;
