/**
 * Colours of the gap map: a diverging scheme around 0 % (red = places missing, blue = spare places), fixed
 * class limits in percent of demand so that maps of two scenarios or years are comparable at a glance.
 */
import { paletteColours } from '../../shared/classification/palettes';

/** Upper limits of the classes in percent of demand; the last class is open. */
export const GAP_CLASS_LIMITS = [-20, -5, 5, 20] as const;

/** RdBu reversed: the shortage arm is red. Five classes, the middle one (−5 … 5 %) neutral. */
export const GAP_COLOURS: readonly string[] = paletteColours('RdBu', 5, { reversed: true });

export const UNKNOWN_GAP_COLOUR = '#d9d9d9';

/**
 * The fill colour of a gap in percent of demand; grey when unknown.
 * @example gapColour(30) // the darkest red
 */
export function gapColour(gapPercent: number | null): string {
  if (gapPercent === null) return UNKNOWN_GAP_COLOUR;
  const index = GAP_CLASS_LIMITS.findIndex((limit) => gapPercent < limit);
  return GAP_COLOURS[index === -1 ? GAP_COLOURS.length - 1 : index]!;
}
