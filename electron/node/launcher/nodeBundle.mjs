// The prebuilt command line and browser-mode server: electron/node/cli bundled by esbuild into
// build/node/cli/ (ES modules, split so that each command loads only what it uses).
//
//   electron/node/cli/main.ts          → build/node/cli/main.mjs
//   electron/node/cli/commands/<c>.ts  → build/node/cli/commands/<c>.mjs
//   electron/node/services/import/importWorker.ts → build/node/cli/importWorker.mjs (browser mode reads
//                                        import files in this worker thread; see services/import/offThread.ts)
//   shared code                        → build/node/cli/<name>-<hash>.mjs (chunks, loaded on demand)
//
// The output keeps the source folders' depth below the checkout (cli/ and cli/commands/), so code that
// finds files relative to its own module (package.json, assets/fonts, build/renderer) finds the same
// files from the bundle as from source.
//
// Built by `npm ci`/`npm install` (the "prepare" script), by `npm run build` and by `npm start`. The
// `kleinraum` command checks the stamp first and rebuilds only when a source file is newer than the
// bundle (a checkout after an edit), so it never runs TypeScript through a loader at run time.
//
// Plain JavaScript on purpose: it runs before anything is built.
//
// Usage: node electron/node/launcher/nodeBundle.mjs   (a clean build)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cliSourceDir = path.join(repoRoot, 'electron', 'node', 'cli');
const importWorkerSource = path.join(repoRoot, 'electron', 'node', 'services', 'import', 'importWorker.ts');
const bundleDir = path.join(repoRoot, 'build', 'node');
const lockFile = path.join(repoRoot, 'build', 'node.lock');
const stampFile = path.join(bundleDir, 'inputs.json');

/** The bundled CLI's entry module (exports `runCli`, like electron/node/cli/main.ts). */
export const cliBundleEntry = path.join(bundleDir, 'cli', 'main.mjs');

/**
 * Packages loaded from node_modules at run time instead of being bundled: native addons and packages
 * that read their own data files next to their code (fonts, metrics), which a bundle would not carry.
 */
export const NODE_EXTERNALS = ['better-sqlite3', '@resvg/resvg-js', 'pdfkit', 'svg-to-pdfkit', 'exceljs'];

// A build taking longer than this is assumed dead (killed), and its lock is taken over.
const LOCK_STALE_MS = 120_000;
// Chunks of earlier builds stay this long, so a server started before a rebuild can still load its own.
const OLD_CHUNK_LIFETIME_MS = 24 * 3600_000;

function modificationTime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * True when the bundle exists and no file it was built from (nor the lockfile, nor this script) changed
 * since. A few hundred `stat` calls: about 2 ms.
 */
export function isNodeBundleCurrent() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(stamp.watched) || typeof stamp.builtAtMs !== 'number') return false;
  return stamp.watched.every((relative) => modificationTime(path.join(repoRoot, relative)) <= stamp.builtAtMs);
}

/** The command files, by the same rule electron/node/cli/main.ts uses to list commands. */
function commandSources() {
  const folder = path.join(cliSourceDir, 'commands');
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('_'))
    .map((file) => path.join(folder, file));
}

function filesBelow(folder) {
  const files = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...filesBelow(full));
    else files.push(full);
  }
  return files;
}

/**
 * `import { z } from 'zod'` imports zod's namespace object, which keeps all of zod in the bundle (750 kB,
 * mostly error messages in 40 languages, parsed at every start). Importing the same module as a namespace
 * lets esbuild keep only the schema builders the contract uses.
 */
const zodNamespacePlugin = {
  name: 'zod-namespace',
  setup(build) {
    const zodClassic = path.join(repoRoot, 'node_modules', 'zod', 'v4', 'classic', 'external.js');
    build.onLoad({ filter: /[\\/](shared|electron)[\\/].*\.ts$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (!source.includes("import { z } from 'zod';")) return undefined;
      return { contents: source.replace("import { z } from 'zod';", `import * as z from ${JSON.stringify(zodClassic)};`), loader: 'ts' };
    });
  },
};

/** Builds into a fresh folder beside the bundle; returns the folder and the files to watch. */
async function buildInto(outputDir) {
  const { build } = await import('esbuild');
  const { BUNDLE_ALIASES } = await import('../import/bundleAliases.mjs');
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: [
      ...[path.join(cliSourceDir, 'main.ts'), ...commandSources()].map((source) => ({ in: source, out: path.relative(cliSourceDir, source).replace(/\.ts$/, '') })),
      // Beside the chunks, where offThread.ts looks for it.
      { in: importWorkerSource, out: 'importWorker' },
    ],
    outbase: cliSourceDir,
    outdir: path.join(outputDir, 'cli'),
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: NODE_EXTERNALS,
    // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
    banner: { js: "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);" },
    metafile: true,
    plugins: [zodNamespacePlugin],
    // The same substitutions as the Electron bundle (Node's TextDecoder for the shapefile package).
    alias: BUNDLE_ALIASES,
    // Less JavaScript to read and parse at every start.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const sources = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules'));
  const folders = new Set(sources.map((source) => path.dirname(source)));
  const watched = [...sources, ...folders, 'package.json', 'package-lock.json', path.relative(repoRoot, fileURLToPath(import.meta.url))];
  return watched.map((file) => file.split(path.sep).join('/'));
}

/**
 * Moves a finished build into build/node/ file by file, chunks first and entry modules last, so a
 * process that starts meanwhile sees either the old or the new entry, each with the chunks it imports.
 */
function moveIntoPlace(outputDir, watched, builtAtMs) {
  const built = filesBelow(path.join(outputDir, 'cli')).map((file) => path.relative(outputDir, file));
  const main = path.join('cli', 'main.mjs');
  const isCommand = (relative) => relative.startsWith(path.join('cli', 'commands') + path.sep);
  const ordered = [...built.filter((relative) => relative !== main && !isCommand(relative)), ...built.filter(isCommand), main];
  for (const relative of ordered) {
    const target = path.join(bundleDir, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(path.join(outputDir, relative), target);
  }
  const keep = new Set(built.map((relative) => path.join(bundleDir, relative)));
  for (const file of filesBelow(path.join(bundleDir, 'cli'))) {
    if (!keep.has(file) && Date.now() - modificationTime(file) > OLD_CHUNK_LIFETIME_MS) fs.rmSync(file, { force: true });
  }
  const temporaryStamp = `${stampFile}.${process.pid}`;
  fs.writeFileSync(temporaryStamp, JSON.stringify({ builtAtMs, watched }, null, 1));
  fs.renameSync(temporaryStamp, stampFile);
}

function tryLock() {
  try {
    fs.mkdirSync(path.dirname(lockFile), { recursive: true });
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    if (Date.now() - modificationTime(lockFile) > LOCK_STALE_MS) {
      fs.rmSync(lockFile, { force: true });
      return tryLock();
    }
    return false;
  }
}

/**
 * Builds the bundle (always). Several processes may ask at once (parallel tests after an edit): one
 * builds, the others wait for it.
 */
export async function buildNodeBundle({ clean = false } = {}) {
  while (!tryLock()) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!fs.existsSync(lockFile) && isNodeBundleCurrent()) return;
  }
  const outputDir = fs.mkdtempSync(path.join(repoRoot, 'build', 'node-building-'));
  try {
    // Taken before the sources are read, so an edit made during the build marks the result stale.
    const builtAtMs = Date.now();
    const watched = await buildInto(outputDir);
    if (clean) fs.rmSync(bundleDir, { recursive: true, force: true });
    moveIntoPlace(outputDir, watched, builtAtMs);
  } finally {
    fs.rmSync(outputDir, { recursive: true, force: true });
    fs.rmSync(lockFile, { force: true });
  }
}

/** Builds the bundle when it is missing or older than its sources; otherwise returns at once. */
export async function ensureNodeBundle() {
  if (isNodeBundleCurrent()) return;
  await buildNodeBundle();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  buildNodeBundle({ clean: true }).then(
    () => process.stdout.write(`CLI and server bundle written to build/node/ (${Date.now() - started} ms)\n`),
    (error) => {
      process.stderr.write(`${error?.message ?? error}\n`);
      process.exit(1);
    },
  );
}
