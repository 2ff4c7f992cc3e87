#!/usr/bin/env node
// The `kleinraum` command (package.json "bin"). Runs the prebuilt bundle build/node/kleinraum.cjs (made
// by `npm ci`'s prepare step, `npm run build` or `npm start`) with the code cache of the command it runs;
// in a checkout whose sources changed since, it rebuilds the bundle first (esbuild, about a second).
// Exit only after stdout has been flushed, so a piped `--json` document is never cut short.
import fs from 'node:fs';
import { requireWithCodeCache } from '../launcher/codeCache.mjs';
import { buildNodeBundle, cliBundleFile, codeCacheDir, isNodeBundleCurrentAsync } from '../launcher/nodeBundle.mjs';
import { findCommandName } from './commandName.mjs';

const argv = process.argv.slice(2);
const load = () => requireWithCodeCache(cliBundleFile, codeCacheDir, findCommandName(argv).name).exports;
// Whether the bundle is current is checked on other threads while this one loads it; a stale bundle's
// module has run no command yet and is dropped for the rebuilt one.
const current = isNodeBundleCurrentAsync();
let cli = null;
let loadError = null;
try {
  cli = fs.existsSync(cliBundleFile) ? load() : null;
} catch (error) {
  loadError = error;
}
if (!(await current) || cli === null) {
  if (loadError && (await current)) throw loadError;
  await buildNodeBundle();
  cli = load();
}
const exitCode = await cli.runCli(argv);
process.stdout.write('', () => process.stderr.write('', () => process.exit(exitCode)));
