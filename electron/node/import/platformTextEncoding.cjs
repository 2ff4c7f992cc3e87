// Stands in for the `text-encoding` polyfill that the `shapefile` package requires, in the prebuilt CLI,
// server and Electron bundles: Node's own TextDecoder implements the same WHATWG encodings, and the
// polyfill's tables of East Asian encodings (about 600 kB of JavaScript, several MB of arrays) were parsed
// and built at every import of boundaries. test/unit/fileFormats/platformTextEncoding.test.ts holds both to
// the same text for the encodings Kleinraum decodes shapefiles with.
'use strict';
module.exports = { TextDecoder: globalThis.TextDecoder, TextEncoder: globalThis.TextEncoder };
