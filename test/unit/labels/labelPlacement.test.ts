import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { couldHoldLabel, labelAnchors, leaderEnd, placeAreaLabels, placeLabels, type LabelCandidate } from '../../../shared/labels/labelPlacement';

const frame = { x: 0, y: 0, width: 200, height: 100 };

function candidate(key: string, x: number, y: number, priority: number, room = 30): LabelCandidate {
  return { key, x, y, width: 40, height: 14, room, priority };
}

/** True when two placed labels' boxes (of their scaled candidate size) overlap. */
function overlapping(placed: ReturnType<typeof placeLabels>, candidates: readonly LabelCandidate[]): boolean {
  const size = new Map(candidates.map((item) => [item.key, item]));
  return placed.some((first, index) =>
    placed.slice(index + 1).some((second) => {
      const a = size.get(first.key)!;
      const b = size.get(second.key)!;
      return Math.abs(first.x - second.x) * 2 < a.width * first.scale + b.width * second.scale && Math.abs(first.y - second.y) * 2 < a.height * first.scale + b.height * second.scale;
    }),
  );
}

describe('placeLabels in a dense layer (thinning)', () => {
  it('keeps the larger area when two labels overlap and drops labels outside the view', () => {
    const placed = placeLabels([candidate('small', 52, 50, 1), candidate('large', 50, 50, 9), candidate('apart', 150, 50, 2), candidate('outside', 198, 50, 5)], { frame, labelEveryArea: false, padding: 2 });
    expect(placed.map((label) => label.key)).toEqual(['large', 'apart']);
    expect(placed.every((label) => label.scale === 1 && label.leader === null)).toBe(true);
  });

  it('labels only areas with room for the label inside them', () => {
    const placed = placeLabels([candidate('roomy', 50, 50, 1, 20), candidate('narrow', 150, 50, 9, 4)], { frame, labelEveryArea: false, padding: 2 });
    expect(placed.map((label) => label.key)).toEqual(['roomy']);
    expect(couldHoldLabel(Math.PI * 20 * 20, 40, 14)).toBe(true);
    expect(couldHoldLabel(Math.PI * 4 * 4, 40, 14)).toBe(false);
  });

  it('never returns two overlapping boxes (random candidates)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const candidates = Array.from({ length: 400 }, (_, index) => ({ key: String(index), x: random() * 500, y: random() * 400, width: 20 + random() * 60, height: 14, room: 40, priority: random() }));
    for (const labelEveryArea of [false, true]) {
      const placed = placeLabels(candidates, { frame: { x: 0, y: 0, width: 500, height: 400 }, labelEveryArea, padding: 0 });
      expect(overlapping(placed, candidates)).toBe(false);
      expect(placed.length).toBeGreaterThan(10);
    }
  });
});

describe('placeLabels in a small layer (every area labelled)', () => {
  it('labels a crowded area in a smaller font or beside it with a leader line to its anchor', () => {
    // Three small areas whose anchors are close (so little room in each): at most one label fits on its anchor.
    const candidates = [candidate('big', 100, 50, 3, 6), candidate('middle', 108, 52, 2, 5), candidate('small', 96, 47, 1, 4)];
    const placed = placeLabels(candidates, { frame, labelEveryArea: true, padding: 1 });
    expect(placed.map((label) => label.key).sort()).toEqual(['big', 'middle', 'small']);
    expect(overlapping(placed, candidates)).toBe(false);
    const withLeader = placed.filter((label) => label.leader !== null);
    expect(withLeader.length).toBeGreaterThan(0);
    for (const label of withLeader) {
      const own = candidates.find((item) => item.key === label.key)!;
      expect(label.leader).toEqual({ x: own.x, y: own.y });
      expect(label.scale).toBeLessThan(1);
    }
  });

  it('keeps other areas\' anchors clear of a label, so a leader never seems to continue another name', () => {
    // "Neustadt am Rübenberge" (wide, largest) ends 3 px before Wedemark's anchor; Wedemark's label does
    // not fit there. Before, Neustadt kept its place and Wedemark's dot and leader read as its continuation.
    const neustadt: LabelCandidate = { key: 'neustadt', x: 60, y: 50, width: 100, height: 14, room: 20, priority: 3 };
    const wedemark: LabelCandidate = { key: 'wedemark', x: 113, y: 50, width: 50, height: 14, room: 2, priority: 2 };
    const hannover: LabelCandidate = { key: 'hannover', x: 140, y: 50, width: 40, height: 14, room: 20, priority: 4 };
    const candidates = [neustadt, wedemark, hannover];
    const placed = placeLabels(candidates, { frame: { x: 0, y: 0, width: 200, height: 120 }, labelEveryArea: true, padding: 1 });
    expect(placed.map((label) => label.key).sort()).toEqual(['hannover', 'neustadt', 'wedemark']);
    const clearance = 5;
    for (const label of placed) {
      const own = candidates.find((item) => item.key === label.key)!;
      const halfWidth = (own.width * label.scale) / 2;
      const halfHeight = (own.height * label.scale) / 2;
      for (const other of candidates) {
        if (other.key === label.key) continue;
        const near = Math.abs(other.x - label.x) < halfWidth + clearance && Math.abs(other.y - label.y) < halfHeight + clearance;
        expect(near, `${label.key} keeps clear of the anchor of ${other.key}`).toBe(false);
      }
    }
  });

  it('moves a roomy area\'s label aside within its area, so a small neighbour keeps its name without a leader', () => {
    // A large area (room 45) with a long name that reaches over its small neighbour's label point, just
    // beyond its circle of free room; the small area (room 4) holds no label, but the large one's name fits
    // elsewhere inside its own area.
    const large = { key: 'large', x: 100, y: 50, width: 100, height: 14, room: 45, priority: 9 };
    const small = { key: 'small', x: 150, y: 50, width: 40, height: 14, room: 4, priority: 1 };
    const placed = placeLabels([large, small], { frame, labelEveryArea: true, padding: 1 });
    const byKey = new Map(placed.map((label) => [label.key, label]));
    expect(byKey.get('small')).toMatchObject({ x: 150, y: 50, leader: null });
    const moved = byKey.get('large')!;
    expect(moved.leader).toBeNull();
    // Inside the large area's room: its centre within room minus a quarter of its width from the anchor.
    expect(Math.hypot(moved.x - large.x, moved.y - large.y)).toBeLessThanOrEqual(45 - 100 / 4 + 1e-9);
    expect(overlapping(placed, [large, small])).toBe(false);
  });

  it('names an area whose anchor lies under an overlay (the legend) only inside itself, never with a leader to the hidden dot', () => {
    const legend = { x: 100, y: 50, width: 100, height: 50 };
    // A small area under the legend: no room beside its anchor outside the legend, so no name at all.
    const small = [candidate('visible', 40, 30, 2), candidate('under-legend', 150, 80, 3, 8)];
    const placedSmall = placeLabels(small, { frame, labelEveryArea: true, padding: 1, covers: [legend] });
    expect(placedSmall.map((label) => label.key)).toEqual(['visible']);
    const label = placedSmall[0]!;
    expect(label.x + 20 <= legend.x || label.y + 7 <= legend.y).toBe(true);
    // A large area whose anchor is just under the legend's edge: named inside itself, beside the legend.
    const large = [candidate('large', 110, 55, 3, 60)];
    const placedLarge = placeLabels(large, { frame, labelEveryArea: true, padding: 1, covers: [legend] });
    // A dot drawn on the map (an obstacle, not a cover) keeps labels off it but hides no anchor.
    const dotted = placeLabels(small, { frame, labelEveryArea: true, padding: 1, obstacles: [{ x: 148, y: 78, width: 4, height: 4 }] });
    expect(dotted.map((label) => label.key).sort()).toEqual(['under-legend', 'visible']);
    expect(placedLarge).toHaveLength(1);
    expect(placedLarge[0]!.leader).toBeNull();
  });

  it('ends a leader line at the edge of the label box', () => {
    expect(leaderEnd({ x: 10, y: 0 }, 8, 4, { x: 0, y: 0 })).toEqual({ x: 6, y: 0 });
    expect(leaderEnd({ x: 0, y: 10 }, 8, 4, { x: 0, y: 0 })).toEqual({ x: 0, y: 8 });
  });
});

describe('labelAnchors', () => {
  it('puts the label point of a U-shaped area inside it, not in the gap where its centroid lies', () => {
    const u: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    const [anchor] = labelAnchors([{ key: 'u', name: 'U', geometry: u }]);
    const { lngLat, roomDegrees } = anchor!.pole();
    const [longitude, latitude] = lngLat;
    expect(longitude > 1 && longitude < 2 && latitude > 1).toBe(false);
    expect(roomDegrees).toBeGreaterThan(0.3);
    // 7 square degrees near the equator: about 7 × 111.3² km².
    expect(anchor!.areaSquareKilometres).toBeGreaterThan(80_000);
    expect(anchor!.areaSquareKilometres).toBeLessThan(90_000);
  });

  it('uses the largest part of a multipolygon and subtracts holes from the area', () => {
    const [anchor] = labelAnchors([
      {
        key: 'm',
        name: 'M',
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [[[0, 50], [0.1, 50], [0.1, 50.1], [0, 50.1], [0, 50]]],
            [
              [[1, 50], [2, 50], [2, 51], [1, 51], [1, 50]],
              [[1.4, 50.4], [1.6, 50.4], [1.6, 50.6], [1.4, 50.6], [1.4, 50.4]],
            ],
          ],
        },
      },
    ]);
    const [longitude, latitude] = anchor!.pole().lngLat;
    expect(longitude).toBeGreaterThan(1);
    expect(longitude).toBeLessThan(2);
    // The hole in the middle pushes the label point away from the centre.
    expect(Math.abs(longitude - 1.5) > 0.1 || Math.abs(latitude - 50.5) > 0.1).toBe(true);
  });
});

describe('placeAreaLabels', () => {
  // A 1 × 1 degree square; the view shows its lower part only: 100 px per degree, its top edge 20 px above the frame.
  const square: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
  const project = (lngLat: [number, number]): [number, number] => [lngLat[0] * 100, (1 - lngLat[1]) * 100 - 20];
  const box = () => ({ width: 40, height: 12, content: 'label' });

  it('measures an area’s room to a point above its anchor also where that point lies beyond the frame', () => {
    // A dense layer (over 50 areas) names only areas with room for their name; the others lie far east.
    const others = Array.from({ length: 50 }, (_, index) => ({
      key: `o${index}`,
      name: 'O',
      geometry: { type: 'Polygon', coordinates: [[[10 + index, 0], [10.5 + index, 0], [10.5 + index, 0.5], [10 + index, 0.5], [10 + index, 0]]] } as Polygon,
    }));
    const anchors = labelAnchors([{ key: 'a', name: 'A', geometry: square }, ...others]);
    const placed = placeAreaLabels(anchors, { project, box, areaInView: () => 10_000, frame: { x: 0, y: 0, width: 100, height: 80 }, padding: 1 });
    expect(placed).toEqual([expect.objectContaining({ key: 'a', name: 'A', scale: 1, leader: null, content: 'label' })]);
    // The pole (0.5, 0.5) is 30 px below the frame's top; its room (0.5°, 50 px) reaches 20 px beyond it.
    expect(placed[0]).toMatchObject({ x: 50, y: 30 });
  });
});
