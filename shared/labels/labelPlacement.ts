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
 *      labels every area: a label that does not fit at its anchor is tried in a smaller font, then
 *      elsewhere inside its area, then beside the area with a leader line to its anchor (not when the
 *      anchor lies under an overlay such as the screen map's legend: a leader to a hidden dot points at
 *      nothing, so such an area is named only inside itself, or not at all). A second order,
 *      the labels that fit their area worst first, is tried too, and the layout that costs a reader less
 *      (leader length, small fonts, missing names: `layoutCost`) is kept.
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
    // Indexed reads, not destructuring: a figure of Germany runs this once over a million vertices, cold,
    // where destructuring goes through the iterator protocol (32 of a figure's 1 200 ms).
    const first = ring[previous]!;
    const second = ring[index]!;
    twiceArea += first[0]! * second[1]! - second[0]! * first[1]!;
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
  /** Things drawn on the map that labels keep off (facility dots): no label goes there. */
  obstacles?: readonly { x: number; y: number; width: number; height: number }[];
  /**
   * Parts of the view that hide the map under them (the screen map's legend, its buttons): no label goes
   * there either, and an area whose anchor lies under one gets no leader line to it.
   */
  covers?: readonly { x: number; y: number; width: number; height: number }[];
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

// The share of the first layout's cost by which the second must be lower to be taken.
const CLEARLY_TIDIER = 0.1;

// Shifts of a label inside its own area, as fractions of the room it may move in.
const IN_AREA_SHIFTS = [0.5, 1];

function segmentsCross(a: { x: number; y: number }, b: { x: number; y: number }, c: { x: number; y: number }, d: { x: number; y: number }): boolean {
  const side = (p: { x: number; y: number }, q: { x: number; y: number }, r: { x: number; y: number }) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

/** Whether the segment from `a` to `b` passes through the box (Liang–Barsky clipping). */
function segmentMeetsBox(a: { x: number; y: number }, b: { x: number; y: number }, box: Box): boolean {
  let low = 0;
  let high = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [
    [-dx, a.x - box.left],
    [dx, box.right - a.x],
    [-dy, a.y - box.top],
    [dy, box.bottom - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) low = Math.max(low, t);
      else high = Math.min(high, t);
      if (low > high) return false;
    }
  }
  return true;
}

/**
 * Where each label goes (see the file's comment for the order); labels that cannot be placed are left out.
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
  // Areas whose anchor lies under an overlay (the screen map's legend, its buttons) get no leader: pushed out
  // beside the overlay with a leader to a dot no one sees, "Laatzen" read as the name of the area it landed
  // in (Hannover). Inside their own area, off the anchor, they may still be named (a large area mostly in view).
  const anchorHidden = new Set(
    sorted
      .filter((candidate) => (options.covers ?? []).some((cover) => candidate.x >= cover.x && candidate.x <= cover.x + cover.width && candidate.y >= cover.y && candidate.y <= cover.y + cover.height))
      .map((candidate) => candidate.key),
  );
  // In a layer where every area is labelled, no label covers or touches another area's anchor (the dot a
  // leader line starts from), and no leader line runs through another label or crosses another leader:
  // "Neustadt am Rübenberge" ended right at Wedemark's dot, so its leader read as one line of text, and
  // "Gehrden" stood on Ronnenberg's anchor with Ronnenberg's label pushed beside it.
  // Where no place meets these rules, looser ones follow (see tryPlace), so no area loses its name.
  const anchorClearance = Math.min(...sorted.map((candidate) => candidate.height), tallest) * 0.5;
  const anchorBoxes = (clearance: number) => (labelEveryArea ? sorted.map((candidate) => ({ key: candidate.key, box: boxAt(candidate.x, candidate.y, 2 * clearance, 2 * clearance, 0) })) : []);
  const clearAnchors = anchorBoxes(anchorClearance);
  const pointAnchors = anchorBoxes(Math.max(1, anchorClearance / 2));
  const dotAnchors = anchorBoxes(2);
  // The text inside a label's box: the box less the padding and the 2 px slack of the measured width.
  const shrink = (box: Box, by: number): Box => ({ left: box.left + by, right: box.right - by, top: box.top + padding, bottom: box.bottom - padding });
  const coversOtherAnchor = (box: Box, key: string, anchors: typeof clearAnchors) => anchors.some((anchor) => anchor.key !== key && overlaps(box, anchor.box));

  /** One greedy pass: each label in `order` takes the first place the rules allow. */
  const layoutIn = (order: readonly LabelCandidate[]): PlacedLabel[] => {
    const index = new BoxIndex(tallest * 4);
    for (const obstacle of [...(options.obstacles ?? []), ...(options.covers ?? [])]) index.add({ left: obstacle.x, right: obstacle.x + obstacle.width, top: obstacle.y, bottom: obstacle.y + obstacle.height });
    const placedBoxes: { key: string; box: Box }[] = [];
    const leaders: { key: string; from: { x: number; y: number }; to: { x: number; y: number } }[] = [];
    const placed: PlacedLabel[] = [];
    // Rules by level: 0 strict (anchors kept clear, leaders through no label, crossing no leader); 1 the
    // anchors' dots and the leaders only kept out of label boxes; 2 still no leader through another label's
    // text or another area's dot; 3 labels only kept apart (the rule before).
    const tryPlace = (candidate: LabelCandidate, x: number, y: number, scale: number, leader: boolean, level: number): boolean => {
      const width = candidate.width * scale;
      const height = candidate.height * scale;
      const box = boxAt(x, y, width, height, padding);
      if (!inFrame(box) || index.collides(box)) return false;
      if (level < 2 ? coversOtherAnchor(box, candidate.key, level === 0 ? clearAnchors : pointAnchors) : leader && coversOtherAnchor(box, candidate.key, pointAnchors)) return false;
      if (level < 2 && leaders.some((line) => segmentMeetsBox(line.from, line.to, box))) return false;
      const from = { x: candidate.x, y: candidate.y };
      const to = leaderEnd({ x, y }, width, height, from);
      if (leader && level < 2 && placedBoxes.some((other) => segmentMeetsBox(from, to, other.box))) return false;
      if (leader && level === 2 && placedBoxes.some((other) => segmentMeetsBox(from, to, shrink(other.box, padding + 2)))) return false;
      // Nor through another area's dot: it would seem to point there.
      if (leader && level < 3 && (level === 0 ? clearAnchors : level === 1 ? pointAnchors : dotAnchors).some((anchor) => anchor.key !== candidate.key && segmentMeetsBox(from, to, anchor.box))) return false;
      if (leader && level === 0 && leaders.some((line) => segmentsCross(from, to, line.from, line.to))) return false;
      if (leader) leaders.push({ key: candidate.key, from, to });
      index.add(box);
      placedBoxes.push({ key: candidate.key, box });
      placed.push({ key: candidate.key, x, y, scale, leader: leader ? { x: candidate.x, y: candidate.y } : null });
      return true;
    };
    // The label on its anchor, then in the smaller font, then elsewhere inside its area, then beside the
    // area: nearest places first, each under the strictest rules that allow it, so a short leader wins over
    // a long one that is only tidier.
    const placeOne = (candidate: LabelCandidate, levels: readonly number[]): boolean => {
      for (const level of levels) if (tryPlace(candidate, candidate.x, candidate.y, 1, false, level)) return true;
      if (!labelEveryArea) return false;
      for (const level of levels) if (tryPlace(candidate, candidate.x, candidate.y, smallScale, false, level)) return true;
      // Off its anchor but still inside its area: within the circle of free room, its ends allowed to reach a
      // little beyond as in fitsInRoom. Frees the middle of a crowded region for its small neighbours.
      for (const scale of [1, smallScale]) {
        const reach = candidate.room - Math.max((candidate.height * scale) / 2, (candidate.width * scale) / 4);
        if (reach <= 0) continue;
        for (const fraction of IN_AREA_SHIFTS) {
          // Only under the rules that keep other areas' anchors clear: off its own anchor and without a
          // leader, a name on a neighbour's dot would read as the neighbour's.
          for (const level of levels.filter((candidateLevel) => candidateLevel < 2)) {
            for (const angle of LEADER_DIRECTIONS) {
              if (tryPlace(candidate, candidate.x + Math.cos(angle) * reach * fraction, candidate.y + Math.sin(angle) * reach * fraction, scale, false, level)) return true;
            }
          }
        }
      }
      if (anchorHidden.has(candidate.key)) return false;
      const height = candidate.height * smallScale;
      const width = candidate.width * smallScale;
      for (const distance of LEADER_DISTANCES) {
        for (const level of levels) {
          for (const angle of LEADER_DIRECTIONS) {
            // The box's near edge sits `distance` label heights from the anchor in this direction.
            const x = candidate.x + Math.cos(angle) * (distance * height + width / 2);
            const y = candidate.y + Math.sin(angle) * distance * height;
            if (tryPlace(candidate, x, y, smallScale, true, level)) return true;
          }
        }
      }
      return false;
    };
    for (const candidate of order) {
      if (!placeOne(candidate, [0, 1]) && labelEveryArea && !placeOne(candidate, [2])) placeOne(candidate, [3]);
    }
    return placed;
  };

  const largestFirst = layoutIn(sorted);
  // Nothing to improve when no name needs a leader (a zoomed-in view): one pass is enough.
  if (!labelEveryArea || (largestFirst.length === sorted.length && largestFirst.every((label) => label.leader === null))) return largestFirst;
  // Largest areas first leaves the small areas in a crowded middle (Hemmingen, Ronnenberg) the places far
  // out, with long leaders across other areas. The labels that do not fit inside their area placed first,
  // the tightest first, and the roomy ones moving aside within their areas often read better: the tidier
  // of the two layouts is kept.
  const tightest = [...sorted].sort((first, second) => tightness(second) - tightness(first) || second.priority - first.priority);
  // Two more orders of the tight labels: from the north and from the west. Where the first two orders
  // leave a leader crossing another or running through a name, one of these often does not.
  const tight = tightest.filter((candidate) => tightness(candidate) > 0);
  const roomy = tightest.filter((candidate) => tightness(candidate) === 0);
  const others = [
    tightest,
    [...[...tight].sort((first, second) => first.y - second.y), ...roomy],
    [...[...tight].sort((first, second) => first.x - second.x), ...roomy],
  ].map(layoutIn);
  // Only when clearly tidier: on a map being zoomed, layouts of nearly equal cost would otherwise take
  // turns from frame to frame and the names would jump.
  const largestCost = layoutCost(largestFirst, sorted);
  let best = largestFirst;
  let bestCost = largestCost - Math.max(1, largestCost * CLEARLY_TIDIER);
  for (const layout of others) {
    const cost = layoutCost(layout, sorted);
    if (cost < bestCost) {
      best = layout;
      bestCost = cost;
    }
  }
  return best;
}

/** How much a label exceeds its area's room (0 when it fits inside), relative to the label's height. */
function tightness(candidate: LabelCandidate): number {
  return fitsInRoom(candidate.room, candidate.width, candidate.height) ? 0 : 1 + Math.max(candidate.height / 2 - candidate.room, candidate.width / 4 - candidate.room, 0) / candidate.height;
}

/**
 * What a layout costs a reader: the length of its leader lines (in label heights), a little for each label
 * in the smaller font, more for a leader that crosses another or runs through another name (both make a
 * name read as its neighbour's), much for each area left without a name.
 */
function layoutCost(placed: readonly PlacedLabel[], candidates: readonly LabelCandidate[]): number {
  const byKey = new Map(candidates.map((candidate) => [candidate.key, candidate]));
  let cost = (candidates.length - placed.length) * 100;
  const leaders: { key: string; from: { x: number; y: number }; to: { x: number; y: number } }[] = [];
  const boxes: { key: string; box: Box }[] = [];
  for (const label of placed) {
    const candidate = byKey.get(label.key);
    if (!candidate) continue;
    if (label.scale < 1) cost += 0.5;
    const width = candidate.width * label.scale;
    const height = candidate.height * label.scale;
    boxes.push({ key: label.key, box: boxAt(label.x, label.y, width * 0.9, height * 0.8, 0) });
    if (label.leader) {
      const end = leaderEnd(label, width, height, label.leader);
      cost += 1 + Math.hypot(end.x - label.leader.x, end.y - label.leader.y) / candidate.height;
      leaders.push({ key: label.key, from: label.leader, to: end });
    }
  }
  leaders.forEach((line, index) => {
    for (const other of leaders.slice(index + 1)) if (segmentsCross(line.from, line.to, other.from, other.to)) cost += LEADER_CROSSING_COST;
    for (const other of boxes) if (other.key !== line.key && segmentMeetsBox(line.from, line.to, other.box)) cost += LEADER_THROUGH_NAME_COST;
  });
  return cost;
}

// What a crossing of two leaders and a leader through another name cost, in label heights of leader.
const LEADER_CROSSING_COST = 4;
const LEADER_THROUGH_NAME_COST = 3;

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

/** What `placeAreaLabels` needs to know of the view it places the areas' names in. */
export interface AreaLabelView<T> {
  /**
   * A longitude/latitude in view units; null only where the projection has none. Points beyond the frame
   * must be projected too: an area's room is measured to a point above its anchor, which may lie outside
   * (labels whose anchor is outside the frame are left out by `placeLabels`).
   */
  project(lngLat: [number, number]): [number, number] | null;
  /** The text box of an area's label at scale 1 in view units, with what the caller draws it from (lines, value). */
  box(anchor: LabelAnchor): { width: number; height: number; content: T };
  /** The area of `anchor` in square view units, or an upper bound of it: a dense layer skips what could never hold its name. */
  areaInView(anchor: LabelAnchor): number;
  frame: LabelPlacementOptions['frame'];
  padding: number;
  obstacles?: LabelPlacementOptions['obstacles'];
  covers?: LabelPlacementOptions['covers'];
}

/** A placed area name: where its box's centre is, its scale, its content, and the leader line from the area to the box's edge. */
export interface PlacedAreaLabel<T> {
  key: string;
  name: string;
  x: number;
  y: number;
  scale: number;
  content: T;
  width: number;
  height: number;
  /** From `from` (in the area) to `to` (the edge of the name's box), or null when the name sits in its area. */
  leader: { from: { x: number; y: number }; to: { x: number; y: number } } | null;
}

/**
 * The one way area names are laid out on the screen map, the small SVG maps and the printed figure: each
 * anchor's pole projected into the view, its room measured there, the dense-layer filter, `placeLabels`,
 * and the leader line ending at the box's edge. The views differ only in their projection, units and text.
 * @example placeAreaLabels(labelAnchors(areas), { project, box: (anchor) => ({ width: 60, height: 12, content: anchor.name }), areaInView: () => Infinity, frame, padding: 1 })
 */
export function placeAreaLabels<T>(anchors: readonly LabelAnchor[], view: AreaLabelView<T>): PlacedAreaLabel<T>[] {
  const labelEveryArea = anchors.length <= EVERY_AREA_LABEL_LIMIT;
  const candidates = new Map<string, LabelCandidate & { name: string; content: T }>();
  for (const anchor of anchors) {
    const { width, height, content } = view.box(anchor);
    if (!labelEveryArea && !couldHoldLabel(view.areaInView(anchor), width, height)) continue;
    const { lngLat, roomDegrees } = anchor.pole();
    const point = view.project(lngLat);
    if (!point || !Number.isFinite(point[0]) || !Number.isFinite(point[1])) continue;
    const above = view.project([lngLat[0], lngLat[1] + roomDegrees]) ?? point;
    const room = Math.hypot(above[0] - point[0], above[1] - point[1]);
    candidates.set(anchor.key, { key: anchor.key, name: anchor.name, content, x: point[0], y: point[1], width, height, room, priority: anchor.areaSquareKilometres });
  }
  const placed = placeLabels([...candidates.values()], { frame: view.frame, labelEveryArea, padding: view.padding, ...(view.obstacles ? { obstacles: view.obstacles } : {}), ...(view.covers ? { covers: view.covers } : {}) });
  return placed.flatMap((label) => {
    const candidate = candidates.get(label.key);
    if (!candidate) return [];
    const width = candidate.width * label.scale;
    const height = candidate.height * label.scale;
    const leader = label.leader ? { from: label.leader, to: leaderEnd(label, width, height, label.leader) } : null;
    return [{ key: label.key, name: candidate.name, x: label.x, y: label.y, scale: label.scale, content: candidate.content, width, height, leader }];
  });
}
