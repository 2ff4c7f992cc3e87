/**
 * Dimensions are stored as canonical JSON (keys sorted, no spaces) so that equal dimension combinations are
 * equal strings: the unique index on observations and SQL equality then work without parsing.
 */
import type { Dimensions } from '../../../shared/model/project';

/** @example canonicalDimensionsJson({ sex: 'f', age: '0-2' }) // '{"age":"0-2","sex":"f"}' */
export function canonicalDimensionsJson(dimensions: Dimensions): string {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(dimensions).sort()) sorted[key] = dimensions[key] as string;
  return JSON.stringify(sorted);
}
