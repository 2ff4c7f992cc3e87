/**
 * Distributing arrivals to areas by population share (Niedersachsen's allocation key), in whole persons,
 * with credits (Anrechnung) and carry-over of under- or over-fulfilled quotas (Verrechnung).
 *
 * Everything is integer arithmetic on persons: the areas' allocations always add up exactly to the year's
 * arrivals, and the balances carried over always add up to the opening balances (0 by default).
 */
import { UserError } from '../contract/errors';

/**
 * Largest-remainder (Hare–Niemeyer) apportionment of `total` whole units in proportion to `weights`.
 * Each area gets floor(total × weight / Σweights); the units left over go to the largest remainders.
 * Ties are broken by the larger weight, then by the earlier position, so the result is deterministic.
 * The result always sums to `total` exactly. With integer weights (populations) the remainders are
 * compared exactly; with fractional weights a float rounding error can at most decide a tie differently.
 * @example largestRemainder(10, [5000, 3000, 2000]) // [5, 3, 2]
 * @example largestRemainder(10, [1, 1, 1])          // [4, 3, 3]
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) {
    throw new UserError('bad-input', {
      de: `Es können nur ganze Personenzahlen ≥ 0 verteilt werden, nicht ${total}. Bitte die Zugangszahl korrigieren.`,
      en: `Only whole numbers of persons ≥ 0 can be distributed, not ${total}. Please correct the number of arrivals.`,
    });
  }
  let weightSum = 0;
  for (const weight of weights) {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new UserError('bad-input', {
        de: `Ein Verteilungsgewicht ist ungültig (${weight}). Bitte nur Zahlen ≥ 0 als Schlüssel verwenden.`,
        en: `An allocation weight is invalid (${weight}). Please use only numbers ≥ 0 as the key.`,
      });
    }
    weightSum += weight;
  }
  const shares = new Array<number>(weights.length).fill(0);
  if (total === 0) return shares;
  if (weightSum <= 0) {
    throw new UserError('bad-input', {
      de: 'Der Verteilungsschlüssel ist leer (alle Gewichte 0). Bitte Einwohnerzahlen für die Gebiete angeben.',
      en: 'The allocation key is empty (all weights are 0). Please provide population figures for the areas.',
    });
  }
  const remainders = new Array<number>(weights.length).fill(0);
  let assigned = 0;
  for (let index = 0; index < weights.length; index++) {
    const product = total * weights[index]!;
    let quotient = Math.floor(product / weightSum);
    let remainder = product - quotient * weightSum;
    // Guard against a float quotient one off at exact multiples.
    if (remainder < 0) {
      quotient -= 1;
      remainder += weightSum;
    } else if (remainder >= weightSum) {
      quotient += 1;
      remainder -= weightSum;
    }
    shares[index] = quotient;
    remainders[index] = remainder;
    assigned += quotient;
  }
  const order = weights.map((_, index) => index);
  order.sort((a, b) => remainders[b]! - remainders[a]! || weights[b]! - weights[a]! || a - b);
  for (let rank = 0; assigned < total; rank++) {
    shares[order[rank % order.length]!]! += 1;
    assigned += 1;
  }
  return shares;
}

/** One year of the allocation, all arrays in area order, whole persons. */
export interface AllocationYear {
  /** Persons arriving in the region this year. */
  arrivals: number;
  /** The area's share of this year's arrivals by the key (Hare–Niemeyer). Sums to `arrivals`. */
  quota: number[];
  /** Balance brought forward: positive = the area still owes places, negative = it took more than its share. */
  balanceBefore: number[];
  /** Persons credited to the quota (Anrechnung); part of the arrivals. */
  credited: number[];
  /** Persons distributed to the area by the key on top of the credits. */
  distributed: number[];
  /** credited + distributed: the arrivals this area actually takes in this year. Sums to `arrivals`. */
  received: number[];
  /** balanceBefore + quota − received: what remains owed (positive) or over-fulfilled (negative). */
  balanceAfter: number[];
}

export interface AllocationInput {
  /** Arrivals to the region per projection year (whole persons). */
  arrivalsPerYear: readonly number[];
  /** The allocation key per area (e.g. population). */
  weights: readonly number[];
  /** Credited persons per year and area: credits[yearIndex][areaIndex]. Missing years count as no credits. */
  credits?: readonly (readonly number[])[];
  /** Carry balances into the next year (true) or start every year from zero (false). */
  carryOver: boolean;
  /** Balance per area before the first year (positive = owes places). Ignored when carryOver is false. */
  openingBalance?: readonly number[];
}

/**
 * Allocates each year's arrivals to the areas.
 *
 * For every year: quota = Hare–Niemeyer share of the arrivals; need = balanceBefore + quota − credited.
 * The arrivals left after credits are handed to areas with a positive need: if the needs cover them all,
 * in proportion to need (largest remainder, so nobody gets more than its need); if there are more
 * arrivals than need (possible only with uneven opening balances), every need is met and the rest goes by
 * the key. Whatever is not met stays in the balance and, with carry-over, raises next year's need.
 * @example
 * // 100 arrivals, keys 600/400, area 0 has 70 credited persons: quota [60, 40], area 0 is 10 over,
 * // area 1 gets the remaining 30 and still owes 10; next year those 10 are added to its quota.
 * allocateArrivals({ arrivalsPerYear: [100], weights: [600, 400], credits: [[70, 0]], carryOver: true })
 */
export function allocateArrivals(input: AllocationInput): AllocationYear[] {
  const areaCount = input.weights.length;
  const carryOver = input.carryOver;
  let balance = checkWholeNumbers(input.openingBalance ?? new Array<number>(areaCount).fill(0), areaCount, 'openingBalance', true);
  if (!carryOver) balance = new Array<number>(areaCount).fill(0);

  const years: AllocationYear[] = [];
  input.arrivalsPerYear.forEach((arrivals, yearIndex) => {
    const credited = checkWholeNumbers(input.credits?.[yearIndex] ?? new Array<number>(areaCount).fill(0), areaCount, 'credits', false);
    const creditTotal = credited.reduce((sum, value) => sum + value, 0);
    if (creditTotal > arrivals) {
      throw new UserError('bad-input', {
        de: `Im ${yearIndex + 1}. Projektionsjahr sind ${creditTotal} Personen angerechnet, aber nur ${arrivals} Zugänge vorgesehen. Bitte die Anrechnungen senken oder den Zugang erhöhen.`,
        en: `In projection year ${yearIndex + 1}, ${creditTotal} persons are credited but only ${arrivals} arrivals are planned. Please lower the credits or raise the inflow.`,
      });
    }
    const quota = largestRemainder(arrivals, input.weights);
    const balanceBefore = balance;
    const need = quota.map((share, area) => balanceBefore[area]! + share - credited[area]!);
    const toDistribute = arrivals - creditTotal;
    const positiveNeed = need.map((value) => Math.max(0, value));
    const positiveNeedTotal = positiveNeed.reduce((sum, value) => sum + value, 0);

    let distributed: number[];
    if (positiveNeedTotal >= toDistribute && positiveNeedTotal > 0) {
      distributed = largestRemainder(toDistribute, positiveNeed);
    } else {
      const rest = largestRemainder(toDistribute - positiveNeedTotal, input.weights);
      distributed = positiveNeed.map((value, area) => value + rest[area]!);
    }
    const received = distributed.map((value, area) => value + credited[area]!);
    const balanceAfter = quota.map((share, area) => balanceBefore[area]! + share - received[area]!);
    years.push({ arrivals, quota, balanceBefore, credited, distributed, received, balanceAfter });
    balance = carryOver ? balanceAfter : new Array<number>(areaCount).fill(0);
  });
  return years;
}

function checkWholeNumbers(values: readonly number[], areaCount: number, field: string, allowNegative: boolean): number[] {
  if (values.length !== areaCount) {
    throw new UserError('bad-input', {
      de: `„${field}“ hat ${values.length} Werte, es gibt aber ${areaCount} Gebiete. Bitte für jedes Gebiet einen Wert angeben.`,
      en: `"${field}" has ${values.length} values but there are ${areaCount} areas. Please give one value per area.`,
    });
  }
  for (const value of values) {
    if (!Number.isInteger(value) || (!allowNegative && value < 0)) {
      throw new UserError('bad-input', {
        de: `„${field}“ enthält ${value}; erlaubt sind nur ganze Personenzahlen${allowNegative ? '' : ' ≥ 0'}. Bitte den Wert korrigieren.`,
        en: `"${field}" contains ${value}; only whole numbers of persons${allowNegative ? '' : ' ≥ 0'} are allowed. Please correct the value.`,
      });
    }
  }
  return [...values];
}
