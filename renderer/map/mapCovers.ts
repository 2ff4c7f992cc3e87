/**
 * The overlays above the map that hide what lies under them (the legend, MapLibre's buttons and scale):
 * map labels keep clear of them, and a selected area lying only under them counts as out of view.
 */

/** Selects the covering overlays among the map's siblings and descendants. */
export const MAP_COVER_SELECTOR = '[data-testid="legend"], .maplibregl-ctrl';

export interface CoverBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes of the overlays above the map, relative to the map's container. */
export function mapCovers(container: HTMLElement): CoverBox[] {
  const origin = container.getBoundingClientRect();
  const stage = container.parentElement ?? container;
  return [...stage.querySelectorAll(MAP_COVER_SELECTOR)].map((element) => {
    const box = element.getBoundingClientRect();
    return { x: box.left - origin.left, y: box.top - origin.top, width: box.width, height: box.height };
  });
}

/**
 * Whether any part of `box` (in the container's pixels) lies on the map and under none of `covers`: the
 * visible part of the map is the view less the covers, and a box wholly inside one cover is not on it.
 * @example boxShown({ x: 10, y: 10, width: 5, height: 5 }, { width: 100, height: 100 }, [{ x: 0, y: 0, width: 50, height: 50 }]) // false
 */
export function boxShown(box: CoverBox, view: { width: number; height: number }, covers: readonly CoverBox[]): boolean {
  const left = Math.max(box.x, 0);
  const top = Math.max(box.y, 0);
  const right = Math.min(box.x + box.width, view.width);
  const bottom = Math.min(box.y + box.height, view.height);
  if (right <= left || bottom <= top) return false;
  return !covers.some((cover) => left >= cover.x && right <= cover.x + cover.width && top >= cover.y && bottom <= cover.y + cover.height);
}
