/**
 * Words that show whether the text encoding is right: names with letters beyond ASCII (ä, ö, ü, ß …). The
 * backend's own preview is empty when a .cpg file named the encoding, so the area names fill in.
 */

/**
 * @example encodingSamples([], ['Hannover', 'Neustadt am Rübenberge'], 8) // ["Neustadt am Rübenberge"]
 */
export function encodingSamples(backendPreview: readonly string[], names: readonly string[], limit: number): string[] {
  if (backendPreview.length > 0) return backendPreview.slice(0, limit);
  // eslint-disable-next-line no-control-regex -- "outside ASCII" is the point of the test
  return [...new Set(names.filter((name) => /[^\u0000-\u007f]/.test(name)))].slice(0, limit);
}
