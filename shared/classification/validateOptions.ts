import { UserError } from '../contract/errors';
import { CLASSIFICATION_METHODS, MAXIMUM_CLASS_COUNT, MINIMUM_CLASS_COUNT, type ClassificationMethod, type ClassificationOptions } from './types';

/**
 * The class counts a method accepts, for a UI that offers only valid choices.
 * @example validClassCounts('nested-means') // [2, 4, 8]
 * @example validClassCounts('boxmap') // [6]
 */
export function validClassCounts(method: ClassificationMethod): number[] {
  if (method === 'boxmap') return [6];
  if (method === 'nested-means') return [2, 4, 8];
  const counts: number[] = [];
  for (let count = MINIMUM_CLASS_COUNT; count <= MAXIMUM_CLASS_COUNT; count++) counts.push(count);
  return counts;
}

/**
 * Rejects options a user (or a caller passing user input) got wrong, with a German/English message that
 * says what to do. Data problems are never rejected here: they give a smaller classification instead.
 */
export function validateClassificationOptions(options: ClassificationOptions): void {
  if (!(CLASSIFICATION_METHODS as readonly string[]).includes(options.method)) {
    throw new UserError('bad-input', {
      de: `Unbekannte Klassifikationsmethode „${String(options.method)}“. Bitte eine dieser wählen: ${CLASSIFICATION_METHODS.join(', ')}.`,
      en: `Unknown classification method "${String(options.method)}". Please choose one of: ${CLASSIFICATION_METHODS.join(', ')}.`,
    });
  }
  if (options.method === 'manual') {
    validateManualBreaks(options.breaks);
  } else if (options.method !== 'boxmap') {
    const allowed = validClassCounts(options.method);
    if (!Number.isInteger(options.classes) || !allowed.includes(options.classes)) {
      throw new UserError('bad-input', {
        de: `${String(options.classes)} Klassen sind für die Methode „${options.method}“ nicht möglich. Bitte eine dieser Klassenzahlen wählen: ${allowed.join(', ')}.`,
        en: `${String(options.classes)} classes are not possible for the method "${options.method}". Please choose one of these class counts: ${allowed.join(', ')}.`,
      });
    }
  }
  if (options.method === 'stddev' && options.midpoint !== undefined && !Number.isFinite(options.midpoint)) {
    throw new UserError('bad-input', {
      de: 'Die Mitte der Standardabweichungs-Klassen ist keine endliche Zahl. Bitte einen Zahlenwert angeben oder das Feld leer lassen (dann gilt der Mittelwert).',
      en: 'The midpoint of standard-deviation classes is not a finite number. Please enter a number or leave it empty (the mean is used then).',
    });
  }
}

function validateManualBreaks(breaks: readonly number[] | undefined): void {
  const maximumBreaks = MAXIMUM_CLASS_COUNT - 1;
  if (!breaks || breaks.length === 0 || breaks.length > maximumBreaks) {
    throw new UserError('bad-input', {
      de: `Für manuelle Klassen bitte 1 bis ${maximumBreaks} Grenzwerte eingeben (das ergibt 2 bis ${MAXIMUM_CLASS_COUNT} Klassen); angegeben: ${breaks?.length ?? 0}.`,
      en: `For manual classes please enter 1 to ${maximumBreaks} break values (giving 2 to ${MAXIMUM_CLASS_COUNT} classes); given: ${breaks?.length ?? 0}.`,
    });
  }
  breaks.forEach((value, index) => {
    if (!Number.isFinite(value)) {
      throw new UserError('bad-input', {
        de: `Grenzwert Nr. ${index + 1} ist keine Zahl. Bitte nur Zahlen eingeben, z. B. 5 oder 12,5.`,
        en: `Break value no. ${index + 1} is not a number. Please enter numbers only, e.g. 5 or 12.5.`,
      });
    }
    const previous = breaks[index - 1];
    if (previous !== undefined && value <= previous) {
      throw new UserError('bad-input', {
        de: `Die Grenzwerte müssen aufsteigend und verschieden sein, aber ${value} folgt auf ${previous}. Bitte die Grenzwerte sortieren.`,
        en: `Break values must be ascending and distinct, but ${value} follows ${previous}. Please sort the break values.`,
      });
    }
  });
}
