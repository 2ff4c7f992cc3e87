#!/usr/bin/env node
// The `kleinraum` command (package.json "bin"). Runs the prebuilt bundle build/node/kleinraum.cjs (made
// by `npm ci`'s prepare step, `npm run build` or `npm start`) with the code cache of the command it runs;
// in a checkout whose sources changed since, it rebuilds the bundle first (esbuild, about a second).
// CommonJS on purpose, with CommonJS helpers only: Node then starts without its ES module loader, which
// every command would pay for (about 10 ms here). Exit only after stdout has been flushed, so a piped
// `--json` document is never cut short.
'use strict';
const fs = require('node:fs');
const { requireWithCodeCache } = require('../launcher/codeCache.cjs');
const { cliBundleFile, codeCacheDir, isNodeBundleCurrentAsync } = require('../launcher/bundleStamp.cjs');
const { findCommandName } = require('./commandName.cjs');

/** Flags that end a run before its command does anything. */
const EARLY_EXIT_FLAGS = new Set(['--help', '-h', '--version', '-V']);

async function main() {
  const argv = process.argv.slice(2);
  const { name } = findCommandName(argv);
  let cli = null;
  // Only a run of a known command keeps its code for the next: a typo or `--help` compiles next to nothing.
  const keepCache = () => cli !== null && cli.listCommandNames().includes(name) && !argv.some((argument) => EARLY_EXIT_FLAGS.has(argument));
  const load = () => requireWithCodeCache(cliBundleFile, codeCacheDir, name, { keepCache }).exports;
  // Whether the bundle is current is checked on other threads while this one loads it; a stale bundle's
  // module has run no command yet and is dropped for the rebuilt one.
  const current = isNodeBundleCurrentAsync();
  let loadError = null;
  try {
    cli = fs.existsSync(cliBundleFile) ? load() : null;
  } catch (error) {
    loadError = error;
  }
  if (!(await current) || cli === null) {
    if (loadError && (await current)) throw loadError;
    const { buildNodeBundle } = await import('../launcher/nodeBundle.mjs');
    await buildNodeBundle();
    cli = load();
  }
  const exitCode = await cli.runCli(argv);
  process.stdout.write('', () => process.stderr.write('', () => process.exit(exitCode)));
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
