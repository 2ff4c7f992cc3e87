// Module substitutions every bundle of the Node side needs (the prebuilt CLI and server in
// launcher/nodeBundle.mjs, the Electron main process in electron/build.ts), kept here once so both ship
// the same decoders: the shapefile package's `text-encoding` polyfill becomes Node's own TextDecoder with
// iconv-lite behind it (see platformTextEncoding.cjs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** esbuild's `alias` option for the Node-side bundles. */
export const BUNDLE_ALIASES = { 'text-encoding': path.join(here, 'platformTextEncoding.cjs') };
