/**
 * Defaults shared by the map, the exports and `kleinraum classify`, so that a figure made from the
 * command line looks like the map in the app.
 */

/** ColorBrewer YlGnBu: sequential, light to dark, readable for the common colour-vision deficiencies. */
export const DEFAULT_PALETTE_ID = 'YlGnBu';

/** Fill for areas without data: a light neutral grey, distinct from every class colour. */
export const NO_DATA_COLOUR = '#d9d9d9';

/** Five classes read well for the 21 municipalities; nested means only allows 2, 4 or 8. */
export function defaultClassCount(method: string): number {
  return method === 'nested-means' ? 4 : method === 'boxmap' ? 6 : 5;
}
