/**
 * Area labels for the screen map and the printed figure — one placement for both, so the names a planner
 * sees are the names the committee paper shows.
 *
 * 1. `labelAnchors` (once per layer, in longitude/latitude): each area's label point is the pole of
 *    inaccessibility of its largest part (the point farthest from its border, `polylabel`), not the
 *    centroid, which can lie outside a bent area or on a narrow neck. It also says how much room there is
 *    around that point (the radius of the largest circle inside the part) and how big the area is.
 * 2. `placeLabels` (per view, in screen pixels or page millimetres): labels in order of area size, each
 *    kept only where it overlaps no label placed before.
 *    - A layer of at most EVERY_AREA_LABEL_LIMIT areas (a region's municipalities, a city's districts)
 *      labels every area: a label that does not fit at its anchor is tried in a smaller font, then beside
 *      the area with a leader line to its anchor.
 *    - A denser layer (Germany's 11 000 municipalities) is thinned: an area gets its name only where the
 *      label fits inside it, largest areas first, so the figure stays legible at any scale.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';

/** Layers with at most this many areas have every area labelled at their default view. */
export const EVERY_AREA_LABEL_LIMIT = 50;

// Kilometres per degree of latitude (and of longitude at the equator), for the local plane of one area.
const KILOMETRES_PER_DEGREE = 111.32;

export interface LabelArea {
  key: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

export interface LabelPole {
  /** The label point: [longitude, latitude] of the pole of inaccessibility of the area's largest part. */
  lngLat: [number, number];
  /** Radius of the largest circle inside that part around `lngLat`, in degrees of latitude. */
  roomDegrees: number;
}

export interface LabelAnchor {
  key: string;
  name: string;
  /** Area of the whole area in km² (plane approximation; ranks labels, it is not a statistic). */
  areaSquareKilometres: number;
  /**
   * Where the label goes. Computed on first use and kept: a dense layer asks only for the few areas large
   * enough to hold a label at the current scale (see `couldHoldLabel`).
   */
  pole(): LabelPole;
}

/** Plane area (any unit²) of a ring by the shoelace formula, positive whatever the winding. */
function ringArea(ring: readonly Position[], xScale: number): number {
  let twiceArea = 0;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
    const [x1 = 0, y1 = 0] = ring[previous] ?? [];
    const [x2 = 0, y2 = 0] = ring[index] ?? [];
    twiceArea += x1 * y2 - x2 * y1;
  }
  return (Math.abs(twiceArea) / 2) * xScale * KILOMETRES_PER_DEGREE * KILOMETRES_PER_DEGREE;
}

function partArea(part: readonly (readonly Position[])[], xScale: number): number {
  let area = part[0] ? ringArea(part[0], xScale) : 0;
  for (let index = 1; index < part.length; index++) area -= ringArea(part[index] ?? [], xScale);
  return area;
}

function poleOf(part: readonly (readonly Position[])[], areaSquareKilometres: number, cosLatitude: number): LabelPole {
  // polylabel works in a plane: kilometres, with longitude scaled by the cosine of the latitude.
  const plane = part.map((ring) => ring.map(([longitude = 0, latitude = 0]) => [longitude * cosLatitude * KILOMETRES_PER_DEGREE, latitude * KILOMETRES_PER_DEGREE]));
  // 1/100 of the part's size finds the pole within a few pixels at any zoom that shows the area.
  const precision = Math.max(Math.sqrt(Math.max(areaSquareKilometres, 0)) / 100, 0.001);
  const first = plane[0]?.[0] ?? [0, 0];
  const pole = (plane[0]?.length ?? 0) >= 4 ? polylabel(plane, precision) : null;
  const x = pole?.[0] ?? first[0] ?? 0;
  const y = pole?.[1] ?? first[1] ?? 0;
  return { lngLat: [x / (cosLatitude * KILOMETRES_PER_DEGREE), y / KILOMETRES_PER_DEGREE], roomDegrees: (pole?.distance ?? 0) / KILOMETRES_PER_DEGREE };
}

/**
 * One label anchor per area: its size now, its label point on demand.
 * @example labelAnchors([{ key: '03241001', name: 'Hannover', geometry }])[0].pole() // { lngLat: [9.74, 52.38], roomDegrees: 0.05 }
 */
export function labelAnchors(areas: readonly LabelArea[]): LabelAnchor[] {
  return areas.map((area) => {
    const parts = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
    const latitude = parts[0]?.[0]?.[0]?.[1] ?? 0;
    const cosLatitude = Math.cos((latitude * Math.PI) / 180);
    let largest: Position[][] = [];
    let largestArea = -1;
    let totalArea = 0;
    for (const part of parts) {
      const area = partArea(part, cosLatitude);
      totalArea += area;
      if (area > largestArea) {
        largest = part;
        largestArea = area;
      }
    }
    let pole: LabelPole | null = null;
    return { key: area.key, name: area.name, areaSquareKilometres: totalArea, pole: () => (pole ??= poleOf(largest, largestArea, cosLatitude)) };
  });
}

/**
 * Whether an area of `areaInViewUnits` (its size in the view's unit², e.g. px² or mm²) can hold a label of
 * `width` × `height` inside it at all, by the same rule `placeLabels` applies to dense layers: the circle
 * of free room is never larger than a circle of the same area. Lets callers skip the label point of the
 * thousands of areas that are too small at the current scale.
 */
export function couldHoldLabel(areaInViewUnits: number, width: number, height: number): boolean {
  const equalAreaRadius = Math.sqrt(areaInViewUnits / Math.PI);
  return fitsInRoom(equalAreaRadius, width, height);
}

/** A label fits in its area when its height fits in the circle of free room and its width, allowing the
 * ends of a long name to reach a little beyond, is at most twice that circle's diameter. */
function fitsInRoom(room: number, width: number, height: number): boolean {
  return room * 2 >= height && width <= room * 4;
}

/** A label to place: its anchor projected to the view, its text box size and the room around the anchor. */
export interface LabelCandidate {
  key: string;
  /** Anchor position in view units (screen px or page mm). */
  x: number;
  y: number;
  /** Text box size at scale 1, in view units. */
  width: number;
  height: number;
  /** Radius of the largest circle inside the area around the anchor, in view units. */
  room: number;
  /** Larger first (the area size). */
  priority: number;
}

export interface PlacedLabel {
  key: string;
  /** Centre of the text box in view units. */
  x: number;
  y: number;
  /** Font size relative to the normal label size (1, or smaller where space is short). */
  scale: number;
  /** The anchor the label points to with a leader line, or null when the label sits on its anchor. */
  leader: { x: number; y: number } | null;
}

export interface LabelPlacementOptions {
  /** The visible part of the view: labels stay inside it. */
  frame: { x: number; y: number; width: number; height: number };
  /** Label every area (small layers) instead of thinning to the labels that fit inside their areas. */
  labelEveryArea: boolean;
  /** Free space around each label box, in view units. */
  padding: number;
  /** The smaller font for labels that do not fit in the normal one (relative size). */
  smallScale?: number;
  /** Parts of the view covered by something else (a legend, map controls): no label goes there. */
  obstacles?: readonly { x: number; y: number; width: number; height: number }[];
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function boxAt(x: number, y: number, width: number, height: number, padding: number): Box {
  return { left: x - width / 2 - padding, right: x + width / 2 + padding, top: y - height / 2 - padding, bottom: y + height / 2 + padding };
}

function overlaps(first: Box, second: Box): boolean {
  return first.left < second.right && first.right > second.left && first.top < second.bottom && first.bottom > second.top;
}

/** Placed boxes in a uniform grid, so each test looks at the few boxes nearby, not at all of them. */
class BoxIndex {
  private readonly cells = new Map<number, Box[]>();
  constructor(private readonly cellSize: number) {}

  private *cellKeys(box: Box): Generator<number> {
    const size = this.cellSize;
    for (let column = Math.floor(box.left / size); column <= Math.floor(box.right / size); column++) {
      for (let row = Math.floor(box.top / size); row <= Math.floor(box.bottom / size); row++) yield column * 100_003 + row;
    }
  }

  collides(box: Box): boolean {
    for (const key of this.cellKeys(box)) {
      for (const other of this.cells.get(key) ?? []) if (overlaps(box, other)) return true;
    }
    return false;
  }

  add(box: Box): void {
    for (const key of this.cellKeys(box)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(box);
      else this.cells.set(key, [box]);
    }
  }
}

// Directions tried for a label beside its area, starting to the right and going round.
const LEADER_DIRECTIONS = Array.from({ length: 16 }, (_, index) => (index * Math.PI) / 8);
// Distances from the anchor, in label heights; the far ones reach out from under an overlay (the legend).
const LEADER_DISTANCES = [1.6, 2.4, 3.4, 4.6, 6, 8, 11, 15, 20];

/**
 * Where each label goes, largest areas first; labels that cannot be placed are left out.
 * @example placeLabels([{ key: 'a', x: 50, y: 50, width: 30, height: 12, room: 20, priority: 2 }], { frame: { x: 0, y: 0, width: 100, height: 100 }, labelEveryArea: true, padding: 2 }) // [{ key: 'a', x: 50, y: 50, scale: 1, leader: null }]
 */
export function placeLabels(candidates: readonly LabelCandidate[], options: LabelPlacementOptions): PlacedLabel[] {
  const { frame, labelEveryArea, padding } = options;
  const smallScale = options.smallScale ?? 0.85;
  const inFrame = (box: Box) => box.left >= frame.x && box.top >= frame.y && box.right <= frame.x + frame.width && box.bottom <= frame.y + frame.height;
  const sorted = [...candidates]
    .filter((candidate) => candidate.x >= frame.x && candidate.y >= frame.y && candidate.x <= frame.x + frame.width && candidate.y <= frame.y + frame.height)
    // Thinning: in a dense layer only labels that fit inside their area are candidates at all.
    .filter((candidate) => labelEveryArea || fitsInRoom(candidate.room, candidate.width, candidate.height))
    .sort((first, second) => second.priority - first.priority);
  const tallest = sorted.reduce((maximum, candidate) => Math.max(maximum, candidate.height), 1);
  const index = new BoxIndex(tallest * 4);
  for (const obstacle of options.obstacles ?? []) index.add({ left: obstacle.x, right: obstacle.x + obstacle.width, top: obstacle.y, bottom: obstacle.y + obstacle.height });
  // The anchors of labelled-everything layers are kept free, so a label beside its area does not hide
  // the spot another area's label points to.
  const anchorBoxes = labelEveryArea ? sorted.map((candidate) => ({ key: candidate.key, box: boxAt(candidate.x, candidate.y, 2, 2, 0) })) : [];
  const coversOtherAnchor = (box: Box, key: string) => anchorBoxes.some((anchor) => anchor.key !== key && overlaps(box, anchor.box));
  const placed: PlacedLabel[] = [];
  const tryPlace = (candidate: LabelCandidate, x: number, y: number, scale: number, leader: boolean): boolean => {
    const box = boxAt(x, y, candidate.width * scale, candidate.height * scale, padding);
    if (!inFrame(box) || index.collides(box) || (leader && coversOtherAnchor(box, candidate.key))) return false;
    index.add(box);
    placed.push({ key: candidate.key, x, y, scale, leader: leader ? { x: candidate.x, y: candidate.y } : null });
    return true;
  };
  for (const candidate of sorted) {
    if (tryPlace(candidate, candidate.x, candidate.y, 1, false)) continue;
    if (!labelEveryArea) continue;
    if (tryPlace(candidate, candidate.x, candidate.y, smallScale, false)) continue;
    const height = candidate.height * smallScale;
    const width = candidate.width * smallScale;
    placing: for (const distance of LEADER_DISTANCES) {
      for (const angle of LEADER_DIRECTIONS) {
        // The box's near edge sits `distance` label heights from the anchor in this direction.
        const x = candidate.x + Math.cos(angle) * (distance * height + width / 2);
        const y = candidate.y + Math.sin(angle) * distance * height;
        if (tryPlace(candidate, x, y, smallScale, true)) break placing;
      }
    }
  }
  return placed;
}

/**
 * The end of a leader line at the edge of its label's box (centre `label`, size `width` × `height`),
 * on the way to the anchor, so the line does not run through the text.
 * @example leaderEnd({ x: 10, y: 0 }, 8, 4, { x: 0, y: 0 }) // { x: 6, y: 0 }
 */
export function leaderEnd(label: { x: number; y: number }, width: number, height: number, anchor: { x: number; y: number }): { x: number; y: number } {
  const dx = anchor.x - label.x;
  const dy = anchor.y - label.y;
  const scale = Math.min(dx === 0 ? Number.POSITIVE_INFINITY : width / 2 / Math.abs(dx), dy === 0 ? Number.POSITIVE_INFINITY : height / 2 / Math.abs(dy), 1);
  return { x: label.x + dx * scale, y: label.y + dy * scale };
}
