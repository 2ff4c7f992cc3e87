// The prebuilt command line and browser-mode server: electron/node/cli bundled by esbuild into one
// CommonJS file, which the `kleinraum` launcher loads with a V8 code cache (launcher/codeCache.cjs).
//
//   electron/node/cli/main.ts and commands/<c>.ts → build/node/kleinraum.cjs (exports `runCli`)
//   electron/node/services/import/importWorker.ts → build/node/services/import/importWorker.mjs (browser
//                                                    mode reads import files in this worker thread)
//   code caches                                   → build/node/cache/ (written by the runs, cleared by a build)
//
// Why one file and not ES modules split per command: Node 20 compiles every ES module in full at every
// start and caches none of it, and resolving and linking some 70 modules costs a further 30–40 ms. One
// CommonJS file compiles lazily, each function at its first call, and its code cache makes the next start
// skip even that. A command's modules still run only when the command is loaded (esbuild wraps what
// the entry imports dynamically), and the heavy packages (exceljs, pdfkit, resvg) stay outside the bundle,
// loaded by the commands that write such files.
//
// Code that finds files relative to its own module (package.json, assets/fonts, build/renderer, the
// worker) keeps working: in the bundle, `import.meta.url` of a source below electron/node/ is the URL of
// the same path below build/node/, which has the same depth below the checkout.
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
import stamp from './bundleStamp.cjs';

// The paths and the staleness check live in bundleStamp.cjs, which the launcher loads without this file.
const { repoRoot, bundleDir, stampFile, cliBundleFile, codeCacheDir, modificationTime, isNodeBundleCurrent, isNodeBundleCurrentAsync } = stamp;
export { cliBundleFile, codeCacheDir, isNodeBundleCurrent, isNodeBundleCurrentAsync };

const nodeSourceDir = path.join(repoRoot, 'electron', 'node');
const cliSourceDir = path.join(nodeSourceDir, 'cli');
const importWorkerSource = path.join(nodeSourceDir, 'services', 'import', 'importWorker.ts');
const lockFile = path.join(repoRoot, 'build', 'node.lock');
/** The bundled import worker, at the place of its source mirrored below build/node/. */
const importWorkerBundle = path.join(bundleDir, path.relative(nodeSourceDir, importWorkerSource).replace(/\.ts$/, '.mjs'));

/**
 * Packages loaded from node_modules at run time instead of being bundled: native addons and packages
 * that read their own data files next to their code (fonts, metrics), which a bundle would not carry.
 */
export const NODE_EXTERNALS = ['better-sqlite3', '@resvg/resvg-js', 'pdfkit', 'svg-to-pdfkit', 'exceljs'];

// A build taking longer than this is assumed dead (killed), and its lock is taken over.
const LOCK_STALE_MS = 120_000;

/** The command files, by the same rule electron/node/cli/main.ts uses to list commands. */
function commandSources() {
  const folder = path.join(cliSourceDir, 'commands');
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('_'))
    .map((file) => path.join(folder, file));
}

/** The name esbuild gives the generated entry (it exists in no folder). */
const ENTRY_SOURCEFILE = 'bundleEntry.generated.ts';

/** The entry of the bundle: main's runCli and listCommandNames, with a loader per command (each runs only when loaded). */
function entrySource() {
  const loaders = commandSources().map((source) => {
    const name = path.basename(source, '.ts');
    return `  ${JSON.stringify(name)}: () => import(${JSON.stringify(`./${path.relative(cliSourceDir, source).split(path.sep).join('/')}`)}),`;
  });
  return `import { listCommandNames, runCli, useBundledCommands } from './main';\nuseBundledCommands({\n${loaders.join('\n')}\n});\nexport { listCommandNames, runCli };\n`;
}

/**
 * Source rewrites for the bundle, applied to the project's own TypeScript:
 * - `import { z } from 'zod'` imports zod's namespace object, which keeps all of zod in the bundle (750 kB,
 *   mostly error messages in 40 languages, parsed at every start). Importing the same module as a
 *   namespace lets esbuild keep only the schema builders the contract uses.
 * - `import.meta.url` below electron/node/ becomes the URL of the same path below build/node/ (see the
 *   top of this file), computed from the bundle's own location at run time.
 */
const sourceRewritePlugin = {
  name: 'kleinraum-source-rewrites',
  setup(build) {
    const zodClassic = path.join(repoRoot, 'node_modules', 'zod', 'v4', 'classic', 'external.js');
    build.onLoad({ filter: /[\\/](shared|electron)[\\/].*\.ts$/ }, async (args) => {
      const original = await fs.promises.readFile(args.path, 'utf8');
      let contents = original.replace("import { z } from 'zod';", `import * as z from ${JSON.stringify(zodClassic)};`);
      const fromNodeSources = path.relative(nodeSourceDir, args.path);
      if (!fromNodeSources.startsWith('..') && contents.includes('import.meta.url')) {
        const mirrored = JSON.stringify(fromNodeSources.split(path.sep).join('/'));
        contents = contents.replaceAll('import.meta.url', `new URL(${mirrored}, __kleinraumBundleRoot).href`);
      }
      return contents === original ? undefined : { contents, loader: 'ts' };
    });
  },
};

/** Options both bundles share. */
async function commonOptions() {
  const { BUNDLE_ALIASES } = await import('../import/bundleAliases.mjs');
  return {
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    target: 'node20',
    external: NODE_EXTERNALS,
    metafile: true,
    plugins: [sourceRewritePlugin],
    // The same substitutions as the Electron bundle (Node's TextDecoder for the shapefile package).
    alias: BUNDLE_ALIASES,
    // Less JavaScript to read and parse at every start.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
  };
}

/**
 * Rewrites the few characters beyond ASCII that esbuild leaves in regular expression literals (ä, „, −)
 * as \\uXXXX escapes, which mean the same character there as in strings and identifiers. An ASCII file
 * reads as a one-byte string without UTF-8 decoding (codeCache.cjs reads it as latin1): about 10 ms
 * less at every start for the 2 MB bundle.
 */
function escapeNonAscii(file) {
  const text = fs.readFileSync(file, 'utf8');
  const escaped = text.replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== text) fs.writeFileSync(file, escaped);
}

/** Builds both bundles into a fresh folder beside build/node/; returns the files to watch. */
async function buildInto(outputDir) {
  const { build } = await import('esbuild');
  const common = await commonOptions();
  const cli = await build({
    ...common,
    stdin: { contents: entrySource(), resolveDir: cliSourceDir, sourcefile: ENTRY_SOURCEFILE, loader: 'ts' },
    outfile: path.join(outputDir, path.relative(bundleDir, cliBundleFile)),
    format: 'cjs',
    banner: { js: "const __kleinraumBundleRoot = require('node:url').pathToFileURL(__dirname + '/').href;" },
  });
  const worker = await build({
    ...common,
    entryPoints: [importWorkerSource],
    outfile: path.join(outputDir, path.relative(bundleDir, importWorkerBundle)),
    format: 'esm',
    // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
    banner: {
      js: [
        "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);",
        `const __kleinraumBundleRoot = new URL(${JSON.stringify('../'.repeat(path.relative(bundleDir, path.dirname(importWorkerBundle)).split(path.sep).length))}, import.meta.url).href;`,
      ].join('\n'),
    },
  });
  const externalDynamicImports = Object.values(cli.metafile.outputs).flatMap((output) => output.imports.filter((entry) => entry.external && entry.kind === 'dynamic-import').map((entry) => entry.path));
  if (externalDynamicImports.length > 0) {
    // codeCache.cjs runs the bundle without a dynamic import callback (see there): load such a package
    // with a static import in a module of its own that the code imports dynamically (export/renderXlsx.ts).
    throw new Error(`The CLI bundle must not import() packages outside it: ${externalDynamicImports.join(', ')}`);
  }
  for (const output of [...Object.keys(cli.metafile.outputs), ...Object.keys(worker.metafile.outputs)]) escapeNonAscii(path.resolve(repoRoot, output));
  const inputs = [...Object.keys(cli.metafile.inputs), ...Object.keys(worker.metafile.inputs)];
  const virtualEntry = path.relative(repoRoot, path.join(cliSourceDir, ENTRY_SOURCEFILE)).split(path.sep).join('/');
  const sources = [...new Set(inputs.filter((input) => !input.includes('node_modules') && input !== virtualEntry))];
  // The folders too: a command file added to commands/ changes the entry.
  const folders = new Set(sources.map((source) => path.dirname(source)));
  const watched = [...sources, ...folders, 'package.json', 'package-lock.json', path.relative(repoRoot, fileURLToPath(import.meta.url))];
  return watched.map((file) => file.split(path.sep).join('/'));
}

/**
 * Moves a finished build into build/node/, the worker first and the CLI last, each by one rename, and
 * drops the code caches of earlier builds (their names would not match anyway).
 */
function moveIntoPlace(outputDir, watched, builtAtMs) {
  for (const target of [importWorkerBundle, cliBundleFile]) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(path.join(outputDir, path.relative(bundleDir, target)), target);
  }
  fs.rmSync(codeCacheDir, { recursive: true, force: true });
  // The split ES module layout of earlier versions.
  fs.rmSync(path.join(bundleDir, 'cli'), { recursive: true, force: true });
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
