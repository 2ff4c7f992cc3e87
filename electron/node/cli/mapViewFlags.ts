/**
 * The flags that say how an indicator is shown — classification, palette and derivation — shared by
 * `classify` and `export-map`, so both commands accept the same spellings (German decimals, German dates)
 * and give the same messages naming the flag.
 */
import { CLASSIFICATION_METHODS, type ClassificationMethod } from '../../../shared/classification/types';
import { validClassCounts } from '../../../shared/classification/validateOptions';
import { INDICATOR_MODES, type IndicatorMode } from '../../../shared/indicators/indicatorMode';
import { CliUsageError, type CliContext } from './command';

/** A string flag's value; undefined when the flag is absent or empty. */
export function stringFlag(context: CliContext, name: string): string | undefined {
  const value = context.values[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * "31.12.2019" or "2019-12-31" → "2019-12-31" (other text is returned as typed, to be reported).
 * @example isoPeriod('31.12.2019') // "2019-12-31"
 */
export function isoPeriod(text: string): string {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (!german) return text.trim();
  const [, day, month, year] = german;
  return `${year}-${(month as string).padStart(2, '0')}-${(day as string).padStart(2, '0')}`;
}

/**
 * Break values as typed on a command line: "5,10,20" (comma-separated, decimal point) or, for German
 * decimals, separated by semicolons: "2,5;5;7,5".
 * @example parseBreaks('5,10,20') // [5, 10, 20]
 * @example parseBreaks('2,5;5;7,5') // [2.5, 5, 7.5]
 */
export function parseBreaks(text: string): number[] {
  const germanDecimals = text.includes(';');
  const parts = text.split(germanDecimals ? ';' : ',').map((part) => part.trim());
  return parts.map((part) => {
    const normalised = germanDecimals ? part.replace(/\./g, '').replace(',', '.') : part;
    const value = normalised === '' ? Number.NaN : Number(normalised);
    if (!Number.isFinite(value)) {
      throw new CliUsageError({
        de: `--breaks: „${part}“ ist keine Zahl. Grenzwerte mit Komma trennen (--breaks 5,10,20) oder, mit deutschen Dezimalkommas, mit Semikolon (--breaks "2,5;5;7,5").`,
        en: `--breaks: "${part}" is not a number. Separate break values with commas (--breaks 5,10,20) or, with German decimal commas, with semicolons (--breaks "2,5;5;7,5").`,
      });
    }
    return value;
  });
}

export interface ClassificationFlags {
  method: ClassificationMethod;
  classes?: number;
  breaks?: number[];
}

/**
 * The method, class count and breaks from `--method`, `--classes`, `--breaks` (alone it means manual).
 * Returns undefined when none is given and `required` is false (the caller's default applies).
 */
export function classificationFlags(context: CliContext, required: true): ClassificationFlags;
export function classificationFlags(context: CliContext, required: false): ClassificationFlags | undefined;
export function classificationFlags(context: CliContext, required: boolean): ClassificationFlags | undefined {
  const methodText = stringFlag(context, 'method');
  const breaksText = stringFlag(context, 'breaks');
  const classesText = stringFlag(context, 'classes');
  const methods = CLASSIFICATION_METHODS.join(', ');
  if (methodText === undefined && breaksText === undefined) {
    if (classesText !== undefined) throw new CliUsageError({ de: '--classes braucht --method (z. B. --method quantile --classes 5).', en: '--classes needs --method (e.g. --method quantile --classes 5).' });
    if (!required) return undefined;
    throw new CliUsageError({ de: `Methode fehlt: --method angeben (${methods}) oder --breaks a,b,c.`, en: `Method missing: add --method (${methods}) or --breaks a,b,c.` });
  }
  const method = (methodText ?? 'manual') as ClassificationMethod;
  if (!(CLASSIFICATION_METHODS as readonly string[]).includes(method)) {
    throw new CliUsageError({ de: `--method: unbekannte Methode „${method}“. Möglich: ${methods}.`, en: `--method: unknown method "${method}". Possible: ${methods}.` });
  }
  if (method === 'manual') {
    if (breaksText === undefined) throw new CliUsageError({ de: '--method manual braucht --breaks a,b,c (die Grenzwerte).', en: '--method manual needs --breaks a,b,c (the break values).' });
    if (classesText !== undefined) {
      throw new CliUsageError({ de: '--classes passt nicht zu --breaks: die Klassenzahl ergibt sich aus den Grenzwerten. Bitte --classes weglassen.', en: '--classes does not go with --breaks: the breaks determine the class count. Please leave out --classes.' });
    }
    return { method, breaks: parseBreaks(breaksText) };
  }
  if (breaksText !== undefined) {
    throw new CliUsageError({ de: `--breaks gilt nur für --method manual, nicht für „${method}“. Bitte eines von beiden weglassen.`, en: `--breaks only applies to --method manual, not "${method}". Please leave out one of them.` });
  }
  if (classesText === undefined) return { method };
  const classes = Number(classesText);
  const allowed = validClassCounts(method);
  if (!Number.isInteger(classes) || !allowed.includes(classes)) {
    throw new CliUsageError({
      de: `--classes: ${classesText} Klassen sind für --method ${method} nicht möglich. Möglich: ${allowed.join(', ')}.`,
      en: `--classes: ${classesText} classes are not possible for --method ${method}. Possible: ${allowed.join(', ')}.`,
    });
  }
  return { method, classes };
}

export interface DerivationFlags {
  mode?: IndicatorMode;
  comparePeriod?: string;
  denominatorVariable?: string;
}

/** `--mode M [--compare-period P] [--denominator V]`; a compare date or denominator without its mode is a usage error. */
export function derivationFlags(context: CliContext): DerivationFlags {
  const mode = stringFlag(context, 'mode');
  if (mode !== undefined && !(INDICATOR_MODES as readonly string[]).includes(mode)) {
    throw new CliUsageError({ de: `--mode: unbekannte Ableitung „${mode}“. Möglich: ${INDICATOR_MODES.join(', ')}.`, en: `--mode: unknown derivation "${mode}". Possible: ${INDICATOR_MODES.join(', ')}.` });
  }
  const comparePeriod = stringFlag(context, 'compare-period');
  if (comparePeriod !== undefined && mode !== 'change' && mode !== 'changePercent') {
    throw new CliUsageError({ de: '--compare-period gilt nur mit --mode change oder --mode changePercent.', en: '--compare-period only applies with --mode change or --mode changePercent.' });
  }
  const denominatorVariable = stringFlag(context, 'denominator');
  if (denominatorVariable !== undefined && mode !== 'percentOf') {
    throw new CliUsageError({ de: '--denominator gilt nur mit --mode percentOf.', en: '--denominator only applies with --mode percentOf.' });
  }
  return {
    ...(mode !== undefined ? { mode: mode as IndicatorMode } : {}),
    ...(comparePeriod !== undefined ? { comparePeriod: isoPeriod(comparePeriod) } : {}),
    ...(denominatorVariable !== undefined ? { denominatorVariable } : {}),
  };
}
