/**
 * Two explicit figures side by side, as the planners asked for them:
 * - cost of acting: closing the shortage, i.e. missing places × cost per place and year;
 * - cost of not acting: the same shortage × what one missing place costs per year when nothing is done
 *   (emergency accommodation, waiting times, follow-up costs). Both rates are editable inputs, never hidden.
 * Spare capacity (a negative gap) costs nothing in either figure: it is neither built nor missing.
 */
import type { NullableFigures } from './gap';
import { checkNonNegative } from './rateChecks';
import { INFRASTRUCTURE_KINDS, type CostRates } from './scenarioModel';

export interface Costs {
  /** Euros per year to close the shortage, per kind; null where the gap is unknown. */
  acting: NullableFigures;
  /** Euros per year that the shortage costs if not closed, per kind; null where the gap is unknown. */
  notActing: NullableFigures;
  /** Sum over kinds with a known gap (euros per year). */
  actingTotal: number;
  notActingTotal: number;
  /** True when at least one kind was left out of the totals because its gap is unknown. */
  incomplete: boolean;
}

/**
 * Costs of acting and of not acting for one area and year, from the absolute gap (demand − supply).
 * @example computeCosts({ kita: 20, … }, rates).acting.kita // 20 × rates.costPerUnitPerYear.kita.value
 */
export function computeCosts(gap: NullableFigures, rates: CostRates): Costs {
  const acting = {} as NullableFigures;
  const notActing = {} as NullableFigures;
  let actingTotal = 0;
  let notActingTotal = 0;
  let incomplete = false;
  for (const kind of INFRASTRUCTURE_KINDS) {
    const missing = gap[kind];
    if (missing === null) {
      acting[kind] = null;
      notActing[kind] = null;
      incomplete = true;
      continue;
    }
    const shortage = Math.max(0, missing);
    acting[kind] = shortage * rates.costPerUnitPerYear[kind].value;
    notActing[kind] = shortage * rates.costOfMissingUnitPerYear[kind].value;
    actingTotal += acting[kind];
    notActingTotal += notActing[kind];
  }
  return { acting, notActing, actingTotal, notActingTotal, incomplete };
}

/** Throws a UserError unless every cost rate is a number ≥ 0. */
export function checkCostRates(rates: CostRates): void {
  for (const kind of INFRASTRUCTURE_KINDS) {
    // 0 is allowed: places financed by someone else cost the municipality nothing.
    checkNonNegative(rates.costPerUnitPerYear[kind].value, `Die Kosten je Platz und Jahr (${kind})`, `The cost per place and year (${kind})`);
    checkNonNegative(rates.costOfMissingUnitPerYear[kind].value, `Die Folgekosten je fehlendem Platz und Jahr (${kind})`, `The cost per missing place and year (${kind})`);
  }
}
