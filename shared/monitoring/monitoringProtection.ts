/**
 * An area's monitoring figures as they may leave the backend, with the values that rest on a small count
 * withheld, and with them every figure that gives such a value back:
 * - its z-score: value = mean + z · sd, and the mean and spread follow from any two other areas;
 * - its status and dynamics index and their standardised class values: the status index is the mean of
 *   the area's z-scores, so the index times their number minus the shown z-scores is the withheld one.
 * The classes stay: like a classed map they say a range, not a value. Applied once, in the service
 * (monitoringResults.ts), so the screen, the exports and `kleinraum monitor` show the same.
 */

export interface MonitoredAreaFigures {
  /** Indicator ids whose value rests on a count below the small-number threshold. */
  smallNumbers: readonly string[];
  values: Record<string, number | null>;
  z: Record<string, number | null>;
  status: number | null;
  statusScore: number | null;
  dynamicsZ: Record<string, number | null>;
  dynamics: number | null;
  dynamicsScore: number | null;
}

function withoutIds(figures: Record<string, number | null>, ids: readonly string[]): Record<string, number | null> {
  return Object.fromEntries(Object.entries(figures).map(([id, figure]) => [id, ids.includes(id) ? null : figure]));
}

/**
 * @example protectMonitoredArea({ smallNumbers: ['refugees'], values: { refugees: 2 }, z: { refugees: -1.2 }, status: -1.2, … })
 *   // { values: { refugees: null }, z: { refugees: null }, status: null, …, indexWithheld: true }
 */
export function protectMonitoredArea<Area extends MonitoredAreaFigures>(area: Area): Area & { indexWithheld: boolean } {
  if (area.smallNumbers.length === 0) return { ...area, indexWithheld: false };
  const indexWithheld = area.status !== null || area.statusScore !== null || area.dynamics !== null || area.dynamicsScore !== null;
  return {
    ...area,
    values: withoutIds(area.values, area.smallNumbers),
    z: withoutIds(area.z, area.smallNumbers),
    dynamicsZ: withoutIds(area.dynamicsZ, area.smallNumbers),
    status: null,
    statusScore: null,
    dynamics: null,
    dynamicsScore: null,
    indexWithheld,
  };
}
