/**
 * Indicator values and area details for the open project: reads what the pure computation
 * (shared/indicators) needs from the working copy and wraps the result in the contract's shapes.
 */
import type { AreaDetails } from '../../../shared/contract/api';
import type { derivedIndicatorValues } from '../../../shared/contract/methods/map';
import { formatDate, formatLatestDates, type Locale } from '../../../shared/format/number';
import { localized } from '../../../shared/i18n/translate';
import { computedDefinition, deriveIndicatorValues } from '../../../shared/indicators/deriveIndicatorValues';
import { readSetting } from '../../../shared/settings/projectSettings';
import { dividesByVariable, type IndicatorMode } from '../../../shared/indicators/indicatorMode';
import type { z } from 'zod';
import { UserError } from '../../../shared/contract/errors';
import { computableIndicatorPeriods, selectionsNeededTogether } from '../../../shared/indicators/computableIndicatorPeriods';
import { computeIndicatorValues, type IndicatorArea } from '../../../shared/indicators/computeIndicatorValues';
import { officialAreasAt } from '../../../shared/indicators/officialArea';
import { measuresArea, OFFICIAL_AREA_VARIABLE, type IndicatorDefinition, type Observation, type Source } from '../../../shared/model/project';

export type DerivedIndicatorValues = z.output<typeof derivedIndicatorValues>;
import type { SqliteDatabase } from '../storage/openDatabase';
import { readAreaSizes, readIndicators, readObservations, readSettings, readSources, readVariables } from '../storage/projectReader';
import { selectionPeriods, selectionPriority, type SourceCatalogue } from '../../../shared/sources/sourceChoice';
import { readSourceCatalogue } from './sourceCatalogue';


function findIndicator(db: SqliteDatabase, indicatorId: string): IndicatorDefinition {
  const indicator = readIndicators(db).find((candidate) => candidate.id === indicatorId);
  if (!indicator) {
    throw new UserError('not-found', {
      de: `Die Kennzahl „${indicatorId}“ gibt es in diesem Projekt nicht. Bitte eine Kennzahl aus der Liste wählen.`,
      en: `The indicator "${indicatorId}" does not exist in this project. Please choose one from the list.`,
    });
  }
  return indicator;
}

function indicatorVariables(indicator: IndicatorDefinition): string[] {
  return [indicator.numerator.variable, ...(indicator.denominator ? [indicator.denominator.variable] : [])];
}


/** How the values are derived (all optional: the indicator as defined, at the latest period). */
export interface IndicatorDerivation {
  mode?: IndicatorMode;
  /** Base period of change/changePercent; default the computable period before `period`. */
  comparePeriod?: string;
  /** Variable id for percentOf and per1000Of. */
  denominatorVariable?: string;
  /** Sources in priority order for the variables they hold (the view's choice); default each variable's own. */
  sources?: readonly string[];
}

/**
 * Values of one indicator for all areas of `layerName` at `period` (default: the latest period the derived
 * figure can be computed for), optionally derived (index, change, per km², percent of a denominator).
 * @example indicatorValuesFor(db, 'refugeesPer1000', 'gemeinden', '2019-12-31', { mode: 'index' }).regionValue // 100
 */
export function indicatorValuesFor(db: SqliteDatabase, indicatorId: string, layerName: string, period: string | undefined, derivation: IndicatorDerivation = {}): DerivedIndicatorValues {
  return db.transaction((): DerivedIndicatorValues => {
    const plan = planDerivation(db, indicatorId, derivation);
    const chosenPeriod = period ?? plan.periods.at(-1);
    // A Stichtag the figure cannot be computed for would give a map of areas all without data and no
    // reason: say instead which Stichtage its parts have (e.g. the register at 31.12., a bed count on the
    // year's last Monday).
    if (chosenPeriod === undefined || !plan.periods.includes(chosenPeriod)) throw notComputableError(db, plan, chosenPeriod);
    const comparePeriod = plan.comparePeriodFor(chosenPeriod);
    // One indexed read per period needed, rather than every period of the variables.
    const observations = [chosenPeriod, ...(comparePeriod !== undefined && comparePeriod !== chosenPeriod ? [comparePeriod] : [])].flatMap((needed) =>
      readObservations(db, { variables: plan.variables, period: needed }),
    );
    return valuesAt(db, plan, layerName, chosenPeriod, comparePeriod, observations);
  })();
}

/**
 * The Stichtage the indicator can be computed for in this derivation and choice of sources, ascending
 * (a bed count's own dates, a share's common ones): what a series over Stichtage runs over.
 */
export function computablePeriodsFor(db: SqliteDatabase, indicatorId: string, derivation: IndicatorDerivation = {}): string[] {
  return db.transaction(() => planDerivation(db, indicatorId, derivation).periods)();
}

/**
 * The indicator for every period its derived form can be computed for, ascending (time slider, classes
 * fixed across periods). `change` without a compare period compares each period with the one before, so
 * the first period is left out.
 */
export function allPeriodValuesFor(db: SqliteDatabase, indicatorId: string | IndicatorDefinition, layerName: string, derivation: IndicatorDerivation = {}): { indicator: DerivedIndicatorValues['indicator']; layer: string; mode: IndicatorMode; periods: string[]; series: DerivedIndicatorValues[] } {
  return db.transaction(() => {
    const plan = planDerivation(db, indicatorId, derivation);
    const observations = readObservations(db, { variables: plan.variables });
    const byPeriod = new Map<string, Observation[]>();
    for (const observation of observations) {
      const list = byPeriod.get(observation.period);
      if (list) list.push(observation);
      else byPeriod.set(observation.period, [observation]);
    }
    const series: DerivedIndicatorValues[] = [];
    for (const period of plan.periods) {
      const comparePeriod = plan.comparePeriodFor(period, false);
      if (comparePeriod === undefined && plan.needsComparePeriod) continue;
      const periodObservations = [...(byPeriod.get(period) ?? []), ...(comparePeriod && comparePeriod !== period ? (byPeriod.get(comparePeriod) ?? []) : [])];
      series.push(valuesAt(db, plan, layerName, period, comparePeriod, periodObservations));
    }
    const indicator = series[0]?.indicator ?? { ...summaryOf(plan.indicator), periods: plan.periods };
    return { indicator, layer: layerName, mode: plan.mode, periods: series.map((entry) => entry.period), series };
  })();
}

interface DerivationPlan {
  indicator: IndicatorDefinition;
  catalogue: SourceCatalogue;
  sources: readonly string[] | null;
  mode: IndicatorMode;
  denominatorVariable: string | undefined;
  needsComparePeriod: boolean;
  variables: string[];
  /** Periods the derived figure can be computed for, ascending. */
  periods: string[];
  /** The compare period for `period` (undefined when the mode needs none or none exists; throws when `strict` and none exists). */
  comparePeriodFor: (period: string, strict?: boolean) => string | undefined;
}

/** `indicatorId`: a project indicator's id, or a definition made on the fly (e.g. an indicator's projection in movementResults.ts). */
function planDerivation(db: SqliteDatabase, indicatorId: string | IndicatorDefinition, derivation: IndicatorDerivation): DerivationPlan {
  const indicator = typeof indicatorId === 'string' ? findIndicator(db, indicatorId) : indicatorId;
  const mode = derivation.mode ?? 'value';
  if (mode === 'perKm2' && measuresArea(indicator.unit)) {
    // The same rule the map's "Darstellung als" follows: km² per km² would be 1,0 in every area.
    throw new UserError('bad-input', {
      de: `„${indicator.name.de}“ ist selbst eine Fläche in km²; je km² wäre es überall 1,0. Bitte die Werte wie erfasst (mode value) oder als Index zeigen.`,
      en: `"${indicator.name.en}" is itself an area in km²; per km² it would be 1.0 everywhere. Please show the values as recorded (mode value) or as an index.`,
    });
  }
  const denominatorVariable = dividesByVariable(mode) ? requireDenominatorVariable(db, derivation.denominatorVariable) : undefined;
  const wholeNumerator = !indicator.numerator.filter || Object.keys(indicator.numerator.filter).length === 0;
  if (denominatorVariable !== undefined && denominatorVariable === indicator.numerator.variable && wholeNumerator) {
    // The map's "Anteil an" and "je 1.000" do not offer it either (renderer/store/viewSlice.ts denominatorsOffered).
    throw new UserError('bad-input', {
      de: `„${indicator.name.de}“ geteilt durch sich selbst wäre in jedem Gebiet gleich (100 % oder 1.000 je 1.000). Bitte eine andere Bezugsvariable (denominatorVariable) wählen, z. B. die Bevölkerung.`,
      en: `"${indicator.name.en}" divided by itself would be the same in every area (100 % or 1,000 per 1,000). Please choose another denominator variable (denominatorVariable), e.g. the population.`,
    });
  }
  const definition = computedDefinition(indicator, mode, denominatorVariable);
  const catalogue = readSourceCatalogue(db);
  const sources = derivation.sources && derivation.sources.length > 0 ? derivation.sources : null;
  requireKnownSources(catalogue, sources);
  const periods = computableIndicatorPeriods(definition, (selection) => selectionPeriods(catalogue, selection, sources));
  const needsComparePeriod = mode === 'change' || mode === 'changePercent';
  if (needsComparePeriod && derivation.comparePeriod !== undefined && !periods.includes(derivation.comparePeriod)) {
    throw new UserError('bad-input', {
      de: `Für den Vergleichsstichtag ${formatDate(derivation.comparePeriod, 'de')} gibt es keine Werte der Kennzahl „${indicator.name.de}“. Bitte einen dieser Stichtage wählen (CLI: --compare-period): ${periods.map((p) => formatDate(p, 'de')).join(', ')}.`,
      en: `The indicator "${indicator.name.en}" has no values for the comparison date ${formatDate(derivation.comparePeriod, 'en')}. Please choose one of these dates (CLI: --compare-period): ${periods.map((p) => formatDate(p, 'en')).join(', ')}.`,
    });
  }
  const comparePeriodFor = (period: string, strict = true): string | undefined => {
    if (!needsComparePeriod) return undefined;
    if (derivation.comparePeriod !== undefined) return derivation.comparePeriod;
    const earlier = periods.filter((candidate) => candidate < period).at(-1);
    if (earlier === undefined && strict) {
      throw new UserError('bad-input', {
        de: `Vor dem ${formatDate(period, 'de')} gibt es keinen Stichtag, mit dem die Veränderung berechnet werden kann. Bitte einen späteren Stichtag oder unter „Verglichen mit“ einen Vergleichsstichtag wählen (CLI: --compare-period).`,
        en: `There is no date before ${formatDate(period, 'en')} to compute the change against. Please choose a later date, or a comparison date under "Compared with" (CLI: --compare-period).`,
      });
    }
    return earlier;
  };
  const variables = [...new Set([...indicatorVariables(indicator), ...(denominatorVariable ? [denominatorVariable] : [])])];
  return { indicator, catalogue, sources, mode, denominatorVariable, needsComparePeriod, variables, periods, comparePeriodFor };
}

function requireKnownSources(catalogue: SourceCatalogue, sources: readonly string[] | null): void {
  const unknown = (sources ?? []).filter((id) => !catalogue.projectOrder.includes(id));
  if (unknown.length === 0) return;
  throw new UserError('not-found', {
    de: `Die Quelle(n) ${unknown.join(', ')} (sources) gibt es in diesem Projekt nicht. Vorhanden: ${catalogue.projectOrder.join(', ')}.`,
    en: `The project has no source ${unknown.join(', ')} (sources). Available: ${catalogue.projectOrder.join(', ')}.`,
  });
}

function requireDenominatorVariable(db: SqliteDatabase, denominatorVariable: string | undefined): string {
  const variables = readVariables(db);
  if (denominatorVariable === undefined || !variables.some((variable) => variable.id === denominatorVariable)) {
    throw new UserError(denominatorVariable === undefined ? 'bad-input' : 'not-found', {
      de: `Für „Anteil an“ und „je 1.000“ bitte eine vorhandene Bezugsvariable (denominatorVariable) angeben${denominatorVariable ? `; „${denominatorVariable}“ gibt es nicht` : ''}. Vorhanden: ${variables.map((variable) => variable.id).join(', ')}.`,
      en: `For "share of" and "per 1,000" please name an existing denominator variable (denominatorVariable)${denominatorVariable ? `; "${denominatorVariable}" does not exist` : ''}. Available: ${variables.map((variable) => variable.id).join(', ')}.`,
    });
  }
  return denominatorVariable;
}

/**
 * Why the figure cannot be computed at `period` (or at all). One variable: the Stichtage it has. Several
 * (a rate, "Anteil an"): the Stichtage each part has and those where they meet. No data at all: "import
 * the data first".
 */
function notComputableError(db: SqliteDatabase, plan: DerivationPlan, period: string | undefined): UserError {
  const parts = selectionsNeededTogether(computedDefinition(plan.indicator, plan.mode, plan.denominatorVariable));
  const partPeriods = parts.map((selection) => ({ variable: selection.variable, periods: selectionPeriods(plan.catalogue, selection, plan.sources) }));
  if (partPeriods.every((part) => part.periods.length === 0)) return noPeriodsError(plan.indicator, parts.length > 1);
  const names = new Map(readVariables(db).map((variable) => [variable.id, variable.name]));
  const dates = (periods: readonly string[], locale: Locale) => (periods.length === 0 ? (locale === 'de' ? 'keine' : 'none') : formatLatestDates(periods, locale));
  const quoted = (text: string, locale: Locale) => (locale === 'de' ? `„${text}“` : `"${text}"`);
  const partsText = (locale: Locale) =>
    partPeriods.map((part) => `${quoted(names.has(part.variable) ? localized(names.get(part.variable)!, locale) : part.variable, locale)}: ${dates(part.periods, locale)}`).join('; ');
  const name = (locale: Locale) => quoted(localized(plan.indicator.name, locale), locale);
  if (parts.length === 1 && period !== undefined) {
    return new UserError('not-found', {
      de: `Für ${name('de')} gibt es keine Werte zum ${formatDate(period, 'de')}. Vorhanden: ${dates(plan.periods, 'de')}.`,
      en: `${name('en')} has no values for ${formatDate(period, 'en')}. Available: ${dates(plan.periods, 'en')}.`,
    });
  }
  if (period === undefined || plan.periods.length === 0) {
    return new UserError('not-found', {
      de: `${name('de')} lässt sich so zu keinem Stichtag berechnen: Die Daten, die sie verbindet, haben keinen gemeinsamen Stichtag (${partsText('de')}). Bitte Daten zum selben Stichtag importieren oder eine andere Darstellung wählen.`,
      en: `${name('en')} cannot be computed this way for any reference date: the data it combines share no reference date (${partsText('en')}). Please import data for the same reference date or choose another view.`,
    });
  }
  return new UserError('not-found', {
    de: `${name('de')} lässt sich so zum ${formatDate(period, 'de')} nicht berechnen: Nicht alle Daten, die sie verbindet, liegen zu diesem Stichtag vor (${partsText('de')}). Berechenbar zum: ${dates(plan.periods, 'de')}.`,
    en: `${name('en')} cannot be computed this way for ${formatDate(period, 'en')}: not all the data it combines exist for that date (${partsText('en')}). Computable for: ${dates(plan.periods, 'en')}.`,
  });
}

function noPeriodsError(indicator: IndicatorDefinition, combinesData: boolean): UserError {
  return new UserError('not-found', {
    de: `Für die Kennzahl „${localized(indicator.name, 'de')}“ gibt es noch keine Daten. Bitte zuerst ${combinesData ? 'die Daten für Zähler und Nenner' : 'ihre Daten'} importieren.`,
    en: `There is no data for the indicator "${localized(indicator.name, 'en')}" yet. Please import ${combinesData ? 'the data for numerator and denominator' : 'its data'} first.`,
  });
}

/**
 * The layer's areas for an indicator at `period`; per-km² figures also get each area's official land area
 * (KFL) where the project records one, so densities divide by it rather than by the polygon's area.
 */
function indicatorAreas(db: SqliteDatabase, layerName: string, period: string, perKm2: boolean, plan: Pick<DerivationPlan, 'catalogue'>): IndicatorArea[] {
  const areas = readAreaSizes(db, layerName);
  if (!perKm2) return areas;
  const official = officialAreasFor(db, plan.catalogue, period);
  return areas.map((area) => Object.assign({}, area, { officialArea: official.get(area.key) ?? null }));
}

/**
 * The official land area per area at `period`, for the map's densities and the details panel alike. By the
 * area variable's own source choice, not the view's: the view chooses the sources of what the indicator
 * counts ("Quelle Bevölkerung"), and the details panel shows the same land area as the map divides by.
 */
function officialAreasFor(db: SqliteDatabase, catalogue: SourceCatalogue, period: string): ReturnType<typeof officialAreasAt> {
  return officialAreasAt(readObservations(db, { variables: [OFFICIAL_AREA_VARIABLE] }), period, selectionPriority(catalogue, { variable: OFFICIAL_AREA_VARIABLE }));
}

function valuesAt(db: SqliteDatabase, plan: DerivationPlan, layerName: string, period: string, comparePeriod: string | undefined, observations: readonly Observation[]): DerivedIndicatorValues {
  const settings = readSettings(db);
  const derived = deriveIndicatorValues({
    indicator: plan.indicator,
    mode: plan.mode,
    areas: indicatorAreas(db, layerName, period, computedDefinition(plan.indicator, plan.mode, plan.denominatorVariable).scale === 'perKm2', plan),
    observations,
    period,
    ...(comparePeriod !== undefined ? { comparePeriod } : {}),
    ...(plan.denominatorVariable !== undefined ? { denominatorVariable: plan.denominatorVariable } : {}),
    smallNumberThreshold: readSetting(settings, 'smallNumberThreshold'),
    smallDenominatorThreshold: readSetting(settings, 'smallDenominatorThreshold'),
    variableNames: Object.fromEntries(readVariables(db).map((variable) => [variable.id, variable.name])),
    sourcePriority: (selection) => selectionPriority(plan.catalogue, selection, plan.sources),
  });
  const sourcesById = new Map(readSources(db).map((source) => [source.id, source]));
  return {
    indicator: { ...summaryOf(derived.indicator), periods: plan.periods },
    layer: layerName,
    period,
    values: derived.values,
    // Each source as these values use it: with the Stichtag of its values shown, where they rest on one
    // date, not the latest of its series (analyses, tables and figures print it in their source lines).
    sources: derived.sourceIds.flatMap((id) => {
      const source = sourcesById.get(id);
      const periods = derived.sourcePeriods[id] ?? [];
      return source ? [periods.length === 1 ? { ...source, stichtag: periods[0]! } : source] : [];
    }),
    sourcePeriods: derived.sourcePeriods,
    regionValue: derived.regionValue,
    regionRevealsSmallNumbers: derived.regionRevealsSmallNumbers,
    areaBasis: derived.areaBasis,
    mode: plan.mode,
    comparePeriod: comparePeriod ?? null,
    sourceBreak: derived.sourceBreak,
    territoryNote: derived.territoryNote,
  };
}

function summaryOf(indicator: IndicatorDefinition) {
  return { id: indicator.id, name: indicator.name, unit: indicator.unit, decimals: indicator.decimals, scale: indicator.scale, description: indicator.description };
}

/** All indicators for one area at `period` (default: the latest period any indicator can be computed for). */
export function areaDetailsFor(db: SqliteDatabase, layerName: string, areaKey: string, period: string | undefined): AreaDetails {
  return db.transaction((): AreaDetails => {
    const areas = readAreaSizes(db, layerName);
    const area = areas.find((candidate) => candidate.key === areaKey);
    if (!area) {
      throw new UserError('not-found', {
        de: `Das Gebiet „${areaKey}“ gibt es in der Ebene „${layerName}“ nicht. Bitte ein Gebiet auf der Karte wählen.`,
        en: `The area "${areaKey}" does not exist in layer "${layerName}". Please pick an area on the map.`,
      });
    }
    const indicators = readIndicators(db);
    const catalogue = readSourceCatalogue(db);
    const chosenPeriod = period ?? indicators.flatMap((indicator) => computableIndicatorPeriods(indicator, (selection) => selectionPeriods(catalogue, selection))).sort().at(-1) ?? '';
    const variableNames = Object.fromEntries(readVariables(db).map((variable) => [variable.id, variable.name]));
    const threshold = readSetting(readSettings(db), 'smallNumberThreshold');
    const sourcesById = new Map(readSources(db).map((source) => [source.id, source]));
    const usedSources = new Map<string, Source>();
    const official = officialAreasFor(db, catalogue, chosenPeriod);
    const areasWithOfficialSize = areas.map((candidate) => Object.assign({}, candidate, { officialArea: official.get(candidate.key) ?? null }));
    const details = indicators.map((indicator) => {
      const computed = computeIndicatorValues({
        indicator,
        areas: areasWithOfficialSize,
        observations: readObservations(db, { variables: indicatorVariables(indicator), period: chosenPeriod }),
        period: chosenPeriod,
        smallNumberThreshold: threshold,
        variableNames,
        sourcePriority: (selection) => selectionPriority(catalogue, selection),
      });
      const value = computed.values.find((candidate) => candidate.key === areaKey);
      if (!value) throw new Error(`computeIndicatorValues lost area ${areaKey}`);
      for (const id of computed.sourceIds) {
        const source = sourcesById.get(id);
        if (source) usedSources.set(id, source);
      }
      return { id: indicator.id, name: indicator.name, unit: indicator.unit, decimals: indicator.decimals, value, regionValue: computed.regionValue, regionRevealsSmallNumbers: computed.regionRevealsSmallNumbers };
    });
    return { key: area.key, name: area.name, layer: layerName, period: chosenPeriod, areaKm2: area.areaKm2, officialAreaKm2: official.get(area.key)?.areaKm2 ?? null, indicators: details, sources: [...usedSources.values()] };
  })();
}
