// Type declaration for the `text-encoding` package: the TextDecoder the `shapefile` package decodes .dbf
// text with (in the prebuilt bundles an alias to Node's own, see platformTextEncoding.cjs).
declare module 'text-encoding' {
  const textEncoding: { TextDecoder: typeof globalThis.TextDecoder };
  export default textEncoding;
}
