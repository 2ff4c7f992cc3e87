#!/usr/bin/env node
// The `kleinraum` command (package.json "bin"). Runs the prebuilt bundle in build/node/ (made by
// `npm ci`'s prepare step, `npm run build` or `npm start`); in a checkout whose sources changed since,
// it rebuilds the bundle first (esbuild, about a second). Exit only after stdout has been flushed, so a
// piped `--json` document is never cut short.
import { pathToFileURL } from 'node:url';
import { cliBundleEntry, ensureNodeBundle } from '../launcher/nodeBundle.mjs';

await ensureNodeBundle();
const { runCli } = await import(pathToFileURL(cliBundleEntry).href);
const exitCode = await runCli(process.argv.slice(2));
process.stdout.write('', () => process.stderr.write('', () => process.exit(exitCode)));
