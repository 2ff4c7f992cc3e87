/**
 * Colours of the gap map: a diverging scheme around 0 % (red = places missing, blue = spare places), fixed
 * class limits in percent of demand so that maps of two scenarios or years are comparable at a glance.
 *
 * The limits follow where gaps actually fall: shortages of integration courses, accommodation and social
 * work run from a few to 90 % of demand, so the shortage arm has five classes up to "80 % and more"; a
 * surplus is split less finely. With the former ±5 / ±20 % limits every area with a shortage above 20 %
 * (most maps of those three kinds) wore the same dark red.
 */
import { paletteColours } from '../../shared/classification/palettes';

/** Upper limits of the classes in percent of demand; the last class is open. */
export const GAP_CLASS_LIMITS = [-50, -20, -5, 5, 20, 40, 60, 80] as const;

/**
 * RdBu (11 colours) reversed, so the shortage arm is red: three blues for spare places, the neutral middle
 * (−5 … 5 %), five reds for missing places.
 */
export const GAP_COLOURS: readonly string[] = paletteColours('RdBu', 11, { reversed: true }).slice(2);

export const UNKNOWN_GAP_COLOUR = '#d9d9d9';

/**
 * Whether a gap is marked as a shortage in the table: as on the map, beyond the neutral middle class
 * (5 % of demand and more). A gap of 4,9 % drawn neutral on the map was a red row with ▲ in the table.
 * Without a percentage (no demand), any missing place counts.
 */
export function isMarkedShortage(gap: number | null, gapPercent: number | null): boolean {
  if (gap === null || gap <= 0) return false;
  return gapPercent === null || gapPercent >= GAP_CLASS_LIMITS[3];
}

/**
 * The fill colour of a gap in percent of demand; grey when unknown.
 * @example gapColour(90) // the darkest red
 */
export function gapColour(gapPercent: number | null): string {
  if (gapPercent === null) return UNKNOWN_GAP_COLOUR;
  const index = GAP_CLASS_LIMITS.findIndex((limit) => gapPercent < limit);
  return GAP_COLOURS[index === -1 ? GAP_COLOURS.length - 1 : index]!;
}
