/**
 * Where the map puts the layer when it fits it: as large as the map allows without drawing any of the
 * layer under the legend in the bottom-left corner. Pure (Web Mercator arithmetic, as MapLibre's fitBounds).
 *
 * Fitting the layer's bounding box beside or above the legend kept the legend clear, but a legend a few
 * rows taller (the change mode's two-line title, English wording) pushed the whole region into the strip
 * right of the legend: smaller by a fifth and off-centre, although the region's bounding box has an empty
 * bottom-left corner the legend could sit in. Here the layer is kept whole and centred when the legend
 * covers none of it; otherwise the box it is fitted into shrinks towards the top-right (or top, or right)
 * only as far as needed to clear the legend, and the largest result wins.
 */

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Web Mercator at zoom 0 (512 px world, as MapLibre): x to the east, y to the south. */
function project([longitude, latitude]: readonly [number, number]): [number, number] {
  const clamped = Math.max(-85.05112878, Math.min(85.05112878, latitude));
  const sine = Math.sin((clamped * Math.PI) / 180);
  return [((longitude + 180) / 360) * 512, (0.5 - Math.log((1 + sine) / (1 - sine)) / (4 * Math.PI)) * 512];
}

/** The layer as the fit needs it: its Mercator box and the vertices that reach furthest into the bottom-left corner. */
export interface FitShape {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  /**
   * The vertices with no other vertex both further left and further down. A fit only scales and shifts, so
   * it keeps every vertex out of the corner when it keeps these out: tens of points, not thousands.
   */
  front: [number, number][];
  /** The same for the bottom-right corner: no other vertex further east and further south. */
  frontEast: [number, number][];
}

/** Of vertices sorted from one side (west or east) inwards: those with no vertex before them further south. */
function southFront(sorted: readonly [number, number][]): [number, number][] {
  const front: [number, number][] = [];
  let lowest = -Infinity;
  for (const point of sorted) {
    if (point[1] > lowest) {
      front.push(point);
      lowest = point[1];
    }
  }
  return front;
}

/** @example fitShape([[9, 52], [10, 53]])?.front.length // 1 (the south-western point: none lies further west and further south) */
export function fitShape(vertices: readonly (readonly [number, number])[]): FitShape | null {
  if (vertices.length === 0) return null;
  const projected = vertices.map(project).sort((first, second) => first[0] - second[0] || second[1] - first[1]);
  let minY = Infinity;
  let maxY = -Infinity;
  for (const point of projected) {
    minY = Math.min(minY, point[1]);
    maxY = Math.max(maxY, point[1]);
  }
  const eastFirst = [...projected].sort((first, second) => second[0] - first[0] || second[1] - first[1]);
  return { minX: projected[0]![0], maxX: projected[projected.length - 1]![0], minY, maxY, front: southFront(projected), frontEast: southFront(eastFirst) };
}

/** The map's bottom corner the legend sits in. */
export type LegendCorner = 'bottom-left' | 'bottom-right';

/**
 * The legend's corner and the padding to fit the layer with: the bottom-left corner unless the bottom-right
 * one lets the layer be clearly larger (a tenth), as for a region whose south-east corner is empty. On a
 * laptop window the legend in the bottom-left corner of Region Hannover's map left the region a third of
 * the map; the same legend bottom-right lies over empty land. Null padding as for `fitPadding`.
 */
export function fitWithLegend(request: Omit<FitRequest, 'corner'>): { corner: LegendCorner; padding: Padding | null } {
  const left = fitPadding({ ...request, corner: 'bottom-left' });
  if (!request.reserve) return { corner: 'bottom-left', padding: left };
  const right = fitPadding({ ...request, corner: 'bottom-right' });
  const scale = (padding: Padding | null) => (padding ? fittedScale(request.shape, request.width, request.height, padding) : 0);
  return right && scale(right) > scale(left) * PREFER_BOTTOM_LEFT ? { corner: 'bottom-right', padding: right } : { corner: 'bottom-left', padding: left };
}

// How much larger the layer must be drawn for the legend to leave its usual corner.
const PREFER_BOTTOM_LEFT = 1.1;

function fittedScale(shape: FitShape, width: number, height: number, padding: Padding): number {
  return Math.min((width - padding.left - padding.right) / Math.max(shape.maxX - shape.minX, 1e-9), (height - padding.top - padding.bottom) / Math.max(shape.maxY - shape.minY, 1e-9));
}

export interface FitRequest {
  shape: FitShape;
  /** The map's size in CSS px. */
  width: number;
  height: number;
  /** The padding without the legend (margins, room for the zoom buttons). */
  base: Padding;
  /** The box the legend covers from the map's bottom corner, or null. */
  reserve: { width: number; height: number } | null;
  /** The corner the legend sits in (default bottom-left). */
  corner?: LegendCorner;
  /** Clear space between the layer and the legend, in px. */
  gap?: number;
}

/**
 * The padding to fit the layer's bounding box with, so no vertex lies under the legend; null when no box
 * of the map clears it (a narrow window). The layer is centred in the padded box, as `map.fitBounds(bounds, { padding })` does.
 * @example fitPadding({ shape: fitShape([[9, 52], [10, 53]])!, width: 600, height: 400, base: { top: 20, right: 20, bottom: 20, left: 20 }, reserve: null }) // { top: 20, right: 20, bottom: 20, left: 20 }
 */
export function fitPadding(request: FitRequest): Padding | null {
  if (request.corner === 'bottom-right') {
    // The bottom-right corner is the bottom-left one of the mirrored layer and map.
    const { shape, base } = request;
    const mirrored: FitShape = { minX: -shape.maxX, maxX: -shape.minX, minY: shape.minY, maxY: shape.maxY, front: shape.frontEast.map(([x, y]) => [-x, y]), frontEast: shape.front.map(([x, y]) => [-x, y]) };
    const padding = fitPadding({ ...request, shape: mirrored, base: { ...base, left: base.right, right: base.left }, corner: 'bottom-left' });
    return padding && { ...padding, left: padding.right, right: padding.left };
  }
  const { shape, width, height, base, reserve } = request;
  const gap = request.gap ?? 8;
  const { minX, maxX, minY, maxY, front } = shape;
  const spanX = Math.max(maxX - minX, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scaleFor = (padding: Padding) => Math.min((width - padding.left - padding.right) / spanX, (height - padding.top - padding.bottom) / spanY);
  const clear = (padding: Padding): boolean => {
    if (!reserve || reserve.width <= 0 || reserve.height <= 0) return true;
    const scale = scaleFor(padding);
    const centreX = padding.left + (width - padding.left - padding.right) / 2;
    const centreY = padding.top + (height - padding.top - padding.bottom) / 2;
    const right = reserve.width + gap;
    const top = height - reserve.height - gap;
    return front.every(([x, y]) => !(centreX + (x - (minX + maxX) / 2) * scale < right && centreY + (y - (minY + maxY) / 2) * scale > top));
  };
  if (clear(base)) return base;
  const freeWidth = width - base.left - base.right;
  const freeHeight = height - base.top - base.bottom;
  // Ways to make room, each from none (share 1) to all of the free box (share 0): shrink the box towards
  // the top or the right (the layer stays centred the other way) or the top-right corner, or narrow it from the left
  // only or lower it from the bottom only (the old strips beside and above the legend are their ends).
  const ways: ((share: number) => Padding)[] = [
    ...([
      [0.5, 1],
      [1, 0.5],
      [1, 1],
    ] as const).map(([toLeft, toBottom]) => (share: number): Padding => ({
      top: base.top + (1 - share) * freeHeight * (1 - toBottom),
      right: base.right + (1 - share) * freeWidth * (1 - toLeft),
      bottom: base.bottom + (1 - share) * freeHeight * toBottom,
      left: base.left + (1 - share) * freeWidth * toLeft,
    })),
    (share) => ({ ...base, left: base.left + (1 - share) * freeWidth }),
    (share) => ({ ...base, bottom: base.bottom + (1 - share) * freeHeight }),
  ];
  let best: { padding: Padding; scale: number } | null = null;
  for (const way of ways) {
    // The largest share that clears the legend, by bisection (less room only moves the layer away from the corner).
    let low = 0;
    let high = 1;
    for (let step = 0; step < 20; step++) {
      const middle = (low + high) / 2;
      if (clear(way(middle))) low = middle;
      else high = middle;
    }
    const padding = way(low);
    const scale = scaleFor(padding);
    // A later way must show the layer clearly larger (5 %) to win: the first ones keep it more centred.
    if (low > 0 && clear(padding) && (!best || scale > best.scale * 1.05)) best = { padding, scale };
  }
  return best?.padding ?? null;
}
