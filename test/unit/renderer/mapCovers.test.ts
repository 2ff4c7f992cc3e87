import { describe, expect, it } from 'vitest';
import { boxShown } from '../../../renderer/map/mapCovers';

const view = { width: 600, height: 400 };
const legend = { x: 300, y: 200, width: 300, height: 200 };

describe('boxShown', () => {
  it('is false for a box beyond the view and for one wholly under a cover (the legend)', () => {
    expect(boxShown({ x: 700, y: 10, width: 50, height: 50 }, view, [legend])).toBe(false);
    expect(boxShown({ x: 400, y: 300, width: 50, height: 50 }, view, [legend])).toBe(false);
  });

  it('is true for a box partly on the free map, also when the rest lies under the legend or beyond the edge', () => {
    expect(boxShown({ x: 250, y: 250, width: 100, height: 50 }, view, [legend])).toBe(true);
    expect(boxShown({ x: 550, y: 10, width: 100, height: 50 }, view, [legend])).toBe(true);
  });

  it('counts only the part inside the view against the cover', () => {
    // Under the legend within the view, the rest beyond the map's bottom edge: nothing of it is shown.
    expect(boxShown({ x: 400, y: 350, width: 50, height: 200 }, view, [legend])).toBe(false);
  });
});
