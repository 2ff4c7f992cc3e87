/**
 * The flags that say how an indicator is drawn — indicator, Stichtag, layer, sources, derivation,
 * classification, palette, midpoint, labels, small numbers — as one map view request
 * (shared/mapView/mapViewSpec.ts). Shared by `classify` and `export-map`, so both commands accept the same
 * spellings (German decimals, German dates) and give the same messages naming the flag. Flags left out
 * are taken from the project's saved view by the backend.
 */
import { PALETTES } from '../../../shared/classification/palettes';
import { CLASSIFICATION_METHODS, type ClassificationMethod } from '../../../shared/classification/types';
import { validClassCounts } from '../../../shared/classification/validateOptions';
import { dividesByVariable, INDICATOR_MODES, type IndicatorMode } from '../../../shared/indicators/indicatorMode';
import type { MapSymbology } from '../../../shared/mapView/mapSymbology';
import { LABEL_MODES, SMALL_NUMBER_DISPLAYS, type MapViewRequest } from '../../../shared/mapView/mapViewSpec';
import type { LocalizedText } from '../../../shared/model/project';
import type { ProjectSummary } from '../../../shared/contract/api';
import { UserError } from '../../../shared/contract/errors';
import { formatDate } from '../../../shared/format/number';
import { CliUsageError, type CliContext, type CliLanguage, type CliOptions } from './command';

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
  if (denominatorVariable !== undefined && (mode === undefined || !dividesByVariable(mode as IndicatorMode))) {
    throw new CliUsageError({ de: '--denominator gilt nur mit --mode percentOf oder --mode per1000Of.', en: '--denominator only applies with --mode percentOf or --mode per1000Of.' });
  }
  return {
    ...(mode !== undefined ? { mode: mode as IndicatorMode } : {}),
    ...(comparePeriod !== undefined ? { comparePeriod: isoPeriod(comparePeriod) } : {}),
    ...(denominatorVariable !== undefined ? { denominatorVariable } : {}),
  };
}

/** The map view flags and their help texts, spread into a command's `options` and `optionHelp`. */
export const MAP_VIEW_OPTIONS: CliOptions = {
  indicator: { type: 'string' },
  period: { type: 'string' },
  layer: { type: 'string' },
  sources: { type: 'string' },
  method: { type: 'string' },
  classes: { type: 'string' },
  breaks: { type: 'string' },
  palette: { type: 'string' },
  'reverse-palette': { type: 'boolean' },
  midpoint: { type: 'string' },
  mode: { type: 'string' },
  'compare-period': { type: 'string' },
  denominator: { type: 'string' },
  'fixed-classes': { type: 'boolean' },
  labels: { type: 'string' },
  'small-numbers': { type: 'string' },
};

export const MAP_VIEW_OPTION_HELP: Record<string, LocalizedText> = {
  indicator: { de: 'Kennzahl-ID (siehe kleinraum info)', en: 'indicator id (see kleinraum info)' },
  period: { de: 'Stichtag (2019-12-31 oder 31.12.2019); Standard: wie zuletzt gespeichert, sonst der neueste', en: 'reference date (2019-12-31 or 31.12.2019); default: as last saved, else the latest' },
  layer: { de: 'Gebietsebene; Standard: wie zuletzt gespeichert, sonst die erste', en: 'area layer; default: as last saved, else the first' },
  sources: { de: 'Quelle(n) in Rangfolge, z. B. melderegister,zensus2022 (siehe kleinraum info)', en: 'source(s) in priority order, e.g. melderegister,zensus2022 (see kleinraum info)' },
  method: { de: CLASSIFICATION_METHODS.join(' | '), en: CLASSIFICATION_METHODS.join(' | ') },
  classes: { de: 'Klassenzahl 2–9 (nested-means: 2, 4, 8)', en: 'number of classes 2–9 (nested-means: 2, 4, 8)' },
  breaks: { de: 'Grenzwerte für manual: 5,10,20 oder "2,5;5;7,5"', en: 'break values for manual: 5,10,20 or "2,5;5;7,5"' },
  palette: { de: `Farbpalette (${PALETTES.map((palette) => palette.id).join(', ')})`, en: `palette (${PALETTES.map((palette) => palette.id).join(', ')})` },
  'reverse-palette': { de: 'Farbfolge umkehren', en: 'reverse the colour order' },
  midpoint: { de: 'Mitte divergierender Paletten und der Standardabweichung: region, mean, median, 100, 0 oder eine Zahl', en: 'midpoint of diverging palettes and standard deviation: region, mean, median, 100, 0 or a number' },
  mode: { de: `Darstellung als: ${INDICATOR_MODES.join(' | ')}`, en: `derivation: ${INDICATOR_MODES.join(' | ')}` },
  'compare-period': { de: 'Vergleichsstichtag für --mode change/changePercent', en: 'compare date for --mode change/changePercent' },
  denominator: { de: 'Bezugsvariable für --mode percentOf und per1000Of, z. B. population', en: 'denominator variable for --mode percentOf and per1000Of, e.g. population' },
  'fixed-classes': { de: 'Klassengrenzen aus allen Stichtagen (vergleichbare Karten)', en: 'class bounds from all periods (comparable maps)' },
  labels: { de: `Beschriftung: ${LABEL_MODES.join(' | ')}`, en: `labels: ${LABEL_MODES.join(' | ')}` },
  'small-numbers': { de: 'kleine Fallzahlen: suppress (nicht ausweisen) oder flag (markieren)', en: 'small numbers: suppress (withhold) or flag (mark)' },
};

function oneOf<T extends string>(context: CliContext, flag: string, choices: readonly T[]): T | undefined {
  const value = stringFlag(context, flag);
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw new CliUsageError({ de: `--${flag}: „${value}“ ist nicht möglich. Möglich: ${choices.join(', ')}.`, en: `--${flag}: "${value}" is not possible. Possible: ${choices.join(', ')}.` });
  }
  return value as T;
}

/** `--midpoint region|mean|median|100|0|<number>` as the symbology's midpoint fields. */
function midpointFlag(context: CliContext): Pick<MapSymbology, 'midpoint' | 'midpointValue'> | undefined {
  const text = stringFlag(context, 'midpoint');
  if (text === undefined) return undefined;
  if (text === 'region' || text === 'mean' || text === 'median') return { midpoint: text, midpointValue: null };
  const value = Number(text.replace(',', '.'));
  if (!Number.isFinite(value)) {
    throw new CliUsageError({ de: `--midpoint: „${text}“ ist weder region, mean, median noch eine Zahl.`, en: `--midpoint: "${text}" is neither region, mean, median nor a number.` });
  }
  if (value === 100) return { midpoint: 'hundred', midpointValue: null };
  if (value === 0) return { midpoint: 'zero', midpointValue: null };
  return { midpoint: 'value', midpointValue: value };
}

/**
 * The map view the flags describe; flags left out stay out, so the backend completes them from the
 * project's saved view.
 * @example mapViewRequestFromFlags(context) // { indicatorId: 'foreign_share', symbology: { method: 'jenks', classes: 5 } }
 */
export function mapViewRequestFromFlags(context: CliContext): MapViewRequest {
  const palette = stringFlag(context, 'palette');
  if (palette !== undefined && !PALETTES.some((candidate) => candidate.id === palette)) {
    const ids = PALETTES.map((candidate) => candidate.id).join(', ');
    throw new CliUsageError({ de: `--palette: unbekannte Palette „${palette}“. Möglich: ${ids}.`, en: `--palette: unknown palette "${palette}". Possible: ${ids}.` });
  }
  const classification = classificationFlags(context, false);
  const derivation = derivationFlags(context);
  const periodText = stringFlag(context, 'period');
  const sourcesText = stringFlag(context, 'sources');
  const labels = oneOf(context, 'labels', LABEL_MODES);
  const smallNumbers = oneOf(context, 'small-numbers', SMALL_NUMBER_DISPLAYS);
  const symbology: Partial<MapSymbology> = {
    ...(classification ? { method: classification.method, ...(classification.classes !== undefined ? { classes: classification.classes } : {}), ...(classification.breaks ? { breaks: classification.breaks } : {}) } : {}),
    ...(palette !== undefined ? { palette } : {}),
    ...(context.values['reverse-palette'] === true ? { reversed: true } : {}),
    ...(context.values['fixed-classes'] === true ? { fixedClasses: true } : {}),
    ...midpointFlag(context),
  };
  const indicatorId = stringFlag(context, 'indicator');
  const layer = stringFlag(context, 'layer');
  return {
    ...(indicatorId !== undefined ? { indicatorId } : {}),
    ...(periodText !== undefined ? { period: isoPeriod(periodText) } : {}),
    ...(layer !== undefined ? { layer } : {}),
    ...(sourcesText !== undefined ? { sources: sourcesText.split(',').map((id) => id.trim()).filter((id) => id.length > 0) } : {}),
    ...(Object.keys(derivation).length > 0 ? { derivation } : {}),
    ...(Object.keys(symbology).length > 0 ? { symbology } : {}),
    ...(labels !== undefined ? { labels } : {}),
    ...(smallNumbers !== undefined ? { smallNumbers } : {}),
  };
}

/**
 * Checks the flags' indicator, layer and Stichtage against the opened project, so that an error names the
 * flag and lists the choices (the backend checks them too, in its own words).
 */
export function checkViewAgainstProject(summary: ProjectSummary, view: MapViewRequest, lang: CliLanguage): void {
  const indicator = summary.indicators.find((candidate) => candidate.id === view.indicatorId);
  if (view.indicatorId !== undefined && !indicator) {
    const ids = summary.indicators.map((candidate) => candidate.id).join(', ');
    throw new UserError('not-found', {
      de: `--indicator: Die Kennzahl „${view.indicatorId}“ gibt es in diesem Projekt nicht. Vorhanden: ${ids} (siehe kleinraum info).`,
      en: `--indicator: the project has no indicator "${view.indicatorId}". Available: ${ids} (see kleinraum info).`,
    });
  }
  if (view.layer && !summary.layers.some((layer) => layer.name === view.layer)) {
    const names = summary.layers.map((layer) => layer.name).join(', ');
    throw new UserError('not-found', { de: `--layer: Die Ebene „${view.layer}“ gibt es nicht. Vorhanden: ${names}.`, en: `--layer: there is no layer "${view.layer}". Available: ${names}.` });
  }
  if (view.sources) {
    const unknown = view.sources.filter((id) => !summary.sources.some((source) => source.id === id));
    if (unknown.length > 0) {
      const ids = summary.sources.map((source) => source.id).join(', ');
      throw new UserError('not-found', { de: `--sources: Die Quelle(n) ${unknown.join(', ')} gibt es nicht. Vorhanden: ${ids}.`, en: `--sources: no source ${unknown.join(', ')} in this project. Available: ${ids}.` });
    }
  }
  if (!indicator) return;
  for (const [flag, period] of [['--period', view.period], ['--compare-period', view.derivation?.comparePeriod]] as const) {
    if (period !== undefined && period !== null && !indicator.periods.includes(period)) {
      const periods = indicator.periods.map((candidate) => formatDate(candidate, lang)).join(', ');
      throw new UserError('not-found', {
        de: `${flag}: Für „${indicator.name.de}“ gibt es keine Werte zum ${formatDate(period, 'de')}. Vorhanden: ${periods}.`,
        en: `${flag}: "${indicator.name.en}" has no values for ${formatDate(period, 'en')}. Available: ${periods}.`,
      });
    }
  }
}
