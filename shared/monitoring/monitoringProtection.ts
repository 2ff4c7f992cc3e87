/**
 * A monitoring result as it may leave the backend when values rest on small counts. Withholding the
 * value alone is not enough: the index is built from it, and what is printed of the other areas and of
 * the indicator gives it back —
 * - its z-score: value = mean + z · sd, and the mean and spread follow from any two other areas;
 * - every area's status index: it is the mean of the area's z-scores, so with the other indicators'
 *   z-scores it gives each area's z-score of this indicator, and the z-scores of the scored areas sum to
 *   zero (weighted by the printed population), so the withheld one is minus the sum of the others;
 * - the indicator's mean and spread (n · mean minus the other values) and its region value;
 * - an alert's reference and measure (value = reference + measure) and a fence computed from all values.
 * So where an indicator of the index has a withheld value at the Stichtag, its z-scores, mean, spread and
 * region value, and every area's status index and class value are withheld; where one has a withheld
 * value at the Stichtag or the start of the dynamics period, so are its changes' z-scores, moments and
 * every area's dynamics index. The classes stay: like a classed map they say a range, not a value. The
 * values of the other areas stay. Applied once, in the service (monitoringResults.ts), so the screen, the
 * exports and `kleinraum monitor` show the same.
 */

/** The indicators with a withheld value: at the Stichtag, and at the Stichtag or the dynamics start. */
export interface WithheldIndicators {
  now: ReadonlySet<string>;
  change: ReadonlySet<string>;
}

interface ProtectableArea {
  /** Indicator ids whose value of this area rests on a count below the small-number threshold. */
  smallNumbers: readonly string[];
  values: Record<string, number | null>;
  z: Record<string, number | null>;
  status: number | null;
  statusScore: number | null;
  dynamicsZ: Record<string, number | null>;
  dynamics: number | null;
  dynamicsScore: number | null;
}

interface ProtectableIndicator {
  id: string;
  mean: number | null;
  sd: number | null;
  changeMean: number | null;
  changeSd: number | null;
  regionValue: number | null;
}

interface ProtectableAlert {
  rule: string;
  indicator: string | null;
  smallNumber: boolean;
  value: number | null;
  threshold: number | null;
  reference: number | null;
  measure: number | null;
}

function without(figures: Record<string, number | null>, ids: ReadonlySet<string>): Record<string, number | null> {
  return Object.fromEntries(Object.entries(figures).map(([id, figure]) => [id, ids.has(id) ? null : figure]));
}

/** Rules whose reference or threshold is computed from the values (the region, an earlier value, the fences). */
const COMPUTED_REFERENCE_RULES = new Set(['deviation', 'change', 'fences']);

/**
 * @example protectMonitoring(result, { now: new Set(['refugees']), change: new Set(['refugees']) }).areas[0].status // null
 */
export function protectMonitoring<Result extends { areas: readonly ProtectableArea[]; indicators: readonly ProtectableIndicator[]; alerts: readonly ProtectableAlert[] }>(
  result: Result,
  withheld: WithheldIndicators,
): Omit<Result, 'areas'> & { areas: (Result['areas'][number] & { indexWithheld: boolean })[] } {
  const indexIds = new Set(result.indicators.map((indicator) => indicator.id));
  const statusWithheld = [...withheld.now].some((id) => indexIds.has(id));
  const dynamicsWithheld = [...withheld.change].some((id) => indexIds.has(id));
  const areas = result.areas.map((area) => {
    const own = new Set(area.smallNumbers);
    const withoutZ = new Set([...own, ...withheld.now]);
    const withoutChange = new Set([...own, ...withheld.change]);
    const status = statusWithheld ? null : area.status;
    const statusScore = statusWithheld ? null : area.statusScore;
    const dynamics = dynamicsWithheld ? null : area.dynamics;
    const dynamicsScore = dynamicsWithheld ? null : area.dynamicsScore;
    const indexWithheld = (status === null && area.status !== null) || (statusScore === null && area.statusScore !== null) || (dynamics === null && area.dynamics !== null) || (dynamicsScore === null && area.dynamicsScore !== null);
    return Object.assign({}, area, { values: without(area.values, own), z: without(area.z, withoutZ), dynamicsZ: without(area.dynamicsZ, withoutChange), status, statusScore, dynamics, dynamicsScore, indexWithheld });
  });
  const indicators = result.indicators.map((indicator) =>
    withheld.now.has(indicator.id) || withheld.change.has(indicator.id)
      ? Object.assign({}, indicator, {
          mean: withheld.now.has(indicator.id) ? null : indicator.mean,
          sd: withheld.now.has(indicator.id) ? null : indicator.sd,
          regionValue: withheld.now.has(indicator.id) ? null : indicator.regionValue,
          changeMean: null,
          changeSd: null,
        })
      : indicator,
  );
  const alerts = result.alerts.map((alert) => {
    const computedFromWithheld = alert.indicator !== null && COMPUTED_REFERENCE_RULES.has(alert.rule) && (withheld.now.has(alert.indicator) || withheld.change.has(alert.indicator));
    if (!alert.smallNumber && !computedFromWithheld) return alert;
    return Object.assign({}, alert, {
      value: alert.smallNumber ? null : alert.value,
      reference: null,
      measure: null,
      // A fence is a quartile plus a multiple of the spread of all values: withheld with them.
      threshold: computedFromWithheld && alert.rule === 'fences' ? null : alert.threshold,
    });
  });
  return Object.assign({}, result, { areas, indicators, alerts });
}
