/**
 * Checks for the numbers a planner types into a scenario. Each failure is a UserError naming the field
 * and the allowed range, so the form (or the CLI) can say exactly what to fix.
 */
import { UserError } from '../contract/errors';

/**
 * Throws unless `value` is a share between 0 and 1 (both inclusive).
 * @example checkShare(0.3, 'Anerkennungsquote', 'recognition rate') // passes
 */
export function checkShare(value: number, nameDe: string, nameEn: string): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new UserError('bad-input', {
      de: `${nameDe} muss zwischen 0 und 1 liegen (0 % bis 100 %), ist aber ${value}. Bitte den Wert korrigieren.`,
      en: `${nameEn} must lie between 0 and 1 (0 % to 100 %) but is ${value}. Please correct the value.`,
    });
  }
}

/** Throws unless every entry of a by-age list is a share in [0, 1] and the list has `length` entries. */
export function checkShareList(values: readonly number[], length: number, nameDe: string, nameEn: string): void {
  if (values.length !== length) {
    throw new UserError('bad-input', {
      de: `${nameDe} braucht ${length} Werte (je Altersjahr), hat aber ${values.length}. Bitte die Liste vervollständigen.`,
      en: `${nameEn} needs ${length} values (one per year of age) but has ${values.length}. Please complete the list.`,
    });
  }
  values.forEach((value, age) => checkShare(value, `${nameDe} (Alter ${age})`, `${nameEn} (age ${age})`));
}

/** Throws unless `value` is a finite number > 0. */
export function checkPositive(value: number, nameDe: string, nameEn: string): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new UserError('bad-input', {
      de: `${nameDe} muss eine Zahl größer als 0 sein, ist aber ${value}. Bitte den Wert korrigieren.`,
      en: `${nameEn} must be a number greater than 0 but is ${value}. Please correct the value.`,
    });
  }
}

/** Throws unless `value` is a finite number ≥ 0 (e.g. a cost in euros). */
export function checkNonNegative(value: number, nameDe: string, nameEn: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new UserError('bad-input', {
      de: `${nameDe} muss eine Zahl ≥ 0 sein, ist aber ${value}. Bitte den Wert korrigieren.`,
      en: `${nameEn} must be a number ≥ 0 but is ${value}. Please correct the value.`,
    });
  }
}
