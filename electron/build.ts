/**
 * Bundles the Electron main process and the preload script with esbuild:
 *   electron/main/main.ts       → build/electron/main.cjs     (package.json "main")
 *   electron/preload/preload.ts → build/electron/preload.cjs  (sandboxed preloads must be one CJS file)
 * Native and file-reading packages stay external and are loaded from node_modules at run time
 * (electron-builder rebuilds better-sqlite3 for Electron's ABI when packaging).
 *
 * Usage: npm run build:electron   (or: node --import tsx electron/build.ts)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { BUNDLE_ALIASES } from './node/import/bundleAliases.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repoRoot, 'build', 'electron');

/** Modules that must not be bundled: Electron itself, native addons, and packages that read their own files. */
export const ELECTRON_EXTERNALS = ['electron', 'better-sqlite3', '@resvg/resvg-js', 'pdfkit', 'svg-to-pdfkit', 'exceljs'];

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 45 ships Node 22.
  target: 'node22',
  external: ELECTRON_EXTERNALS,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: repoRoot,
  // The Node services are ES modules that use `import.meta.url` (e.g. createRequire for CommonJS-only
  // packages). In a CommonJS bundle esbuild would leave `import.meta` empty, so the first such call would
  // throw at start-up; give every module the bundle file's own URL instead.
  banner: { js: "const __bundleImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundleImportMetaUrl' },
  // The same substitutions as the prebuilt CLI (Node's TextDecoder for the shapefile package).
  alias: BUNDLE_ALIASES,
};

/** Writes main.cjs and preload.cjs into `target` (default build/electron). */
export async function buildElectron(target = outDir): Promise<void> {
  await Promise.all([
    build({ ...common, entryPoints: [path.join(repoRoot, 'electron', 'main', 'main.ts')], outfile: path.join(target, 'main.cjs') }),
    build({ ...common, entryPoints: [path.join(repoRoot, 'electron', 'preload', 'preload.ts')], outfile: path.join(target, 'preload.cjs') }),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildElectron().then(
    () => console.log(`Electron bundles written to ${path.relative(repoRoot, outDir)}/`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
