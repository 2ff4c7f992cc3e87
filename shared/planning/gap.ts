/**
 * The gap between demand and supply. Sign convention, everywhere in Kleinraum:
 *   gap = demand − supply;  positive = shortage (places missing), negative = spare capacity.
 * Percent is relative to demand: the share of the demand that is not covered (100 % = nothing there;
 * −50 % = capacity for half as many again). Relative to demand because that stays defined where supply is
 * 0 — precisely the areas that matter most; it is null only where demand is 0.
 */
import { INFRASTRUCTURE_KINDS, type InfrastructureFigures, type InfrastructureKind } from './scenarioModel';

/** A figure per infrastructure kind that may be unknown (null), e.g. supply nobody has entered yet. */
export type NullableFigures = Record<InfrastructureKind, number | null>;

export interface Gap {
  /** demand − supply (places or positions); null where supply is unknown. */
  absolute: NullableFigures;
  /** (demand − supply) / demand × 100; null where supply is unknown or demand is 0. */
  percentOfDemand: NullableFigures;
}

/**
 * Gap per infrastructure kind. Unknown supply gives an unknown gap, never a gap equal to the demand.
 * @example computeGap({ kita: 120, … }, { kita: 100, … }).absolute.kita        // 20 (shortage)
 * @example computeGap({ kita: 120, … }, { kita: 100, … }).percentOfDemand.kita // 16.67
 */
export function computeGap(demand: InfrastructureFigures, supply: NullableFigures): Gap {
  const absolute = {} as NullableFigures;
  const percentOfDemand = {} as NullableFigures;
  for (const kind of INFRASTRUCTURE_KINDS) {
    const available = supply[kind];
    const needed = demand[kind];
    absolute[kind] = available === null ? null : needed - available;
    percentOfDemand[kind] = available === null || needed === 0 ? null : ((needed - available) / needed) * 100;
  }
  return { absolute, percentOfDemand };
}
