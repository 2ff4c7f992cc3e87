#!/usr/bin/env node
// The `kleinraum` command (package.json "bin"). The CLI is TypeScript run by tsx, so a checkout needs no
// build step: register tsx's ESM loader, then hand over to main.ts. Exit only after stdout has been
// flushed, so a piped `--json` document is never cut short.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./main.ts');
const exitCode = await runCli(process.argv.slice(2));
process.stdout.write('', () => process.stderr.write('', () => process.exit(exitCode)));
