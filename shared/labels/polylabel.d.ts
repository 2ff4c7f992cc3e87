// Type declaration for polylabel 2 (ships none): the pole of inaccessibility of a polygon.
declare module 'polylabel' {
  /**
   * The point inside `polygon` (rings of [x, y], outer ring first) farthest from its border, found to
   * within `precision` (same unit as the coordinates); `distance` is that farthest distance.
   */
  export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): number[] & { distance: number };
}
