/**
 * Spreading figures given by age group (as official tables publish them: "unter 3", "3 bis unter 6", …)
 * over single years of age, which the cohort projection needs.
 */
import { UserError } from '../contract/errors';
import { AGE_COUNT, OLDEST_AGE } from './cohortStock';

/** A figure for the ages fromAge..toAge (both inclusive); toAge 99 or more means "and older". */
export interface AgeGroupValue {
  fromAge: number;
  toAge: number;
  value: number;
}

/**
 * Spreads each group's value evenly over its single years of age. The result has 100 entries (0..99, 99 =
 * 99 and older) and the same total as the input: spreading never creates or loses persons.
 *
 * Even spreading is an assumption (real ages within a group are not uniform); it is the usual choice
 * when only grouped counts exist. Groups beyond 99 are folded into age 99. Overlapping groups add up.
 * @example spreadAgeGroups([{ fromAge: 0, toAge: 2, value: 30 }])[1] // 10
 */
export function spreadAgeGroups(groups: readonly AgeGroupValue[]): number[] {
  const byAge = new Array<number>(AGE_COUNT).fill(0);
  for (const group of groups) {
    if (!Number.isInteger(group.fromAge) || !Number.isInteger(group.toAge) || group.fromAge < 0 || group.toAge < group.fromAge) {
      throw new UserError('bad-input', {
        de: `Die Altersgruppe ${group.fromAge}–${group.toAge} ist ungültig. Bitte ganze Jahre angeben, „von“ nicht größer als „bis“.`,
        en: `The age group ${group.fromAge}–${group.toAge} is invalid. Please give whole years with "from" not greater than "to".`,
      });
    }
    if (!Number.isFinite(group.value) || group.value < 0) {
      throw new UserError('bad-input', {
        de: `Der Wert der Altersgruppe ${group.fromAge}–${group.toAge} ist keine Zahl ≥ 0. Bitte den Wert korrigieren.`,
        en: `The value of age group ${group.fromAge}–${group.toAge} is not a number ≥ 0. Please correct it.`,
      });
    }
    const fromAge = Math.min(group.fromAge, OLDEST_AGE);
    const toAge = Math.min(group.toAge, OLDEST_AGE);
    const perYear = group.value / (toAge - fromAge + 1);
    for (let age = fromAge; age <= toAge; age++) byAge[age]! += perYear;
  }
  return byAge;
}
