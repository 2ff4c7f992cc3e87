/**
 * Derived forms of an indicator, as planners ask for them: index against the region (region = 100),
 * change between two periods (absolute and percent), a count per km², a count as a percentage of a
 * chosen denominator. Rates whose denominator is small are flagged, with the reason. Pure: built on
 * computeIndicatorValues, observations and areas in, values out.
 */
import type { IndicatorValue } from '../contract/api';
import { addsUpOverAreas, type IndicatorDefinition, type LocalizedText } from '../model/project';
import { formatDate, formatNumber } from '../format/number';
import { localized, message } from '../i18n/translate';
import { computeIndicatorValues, type ComputeIndicatorValuesInput } from './computeIndicatorValues';
import type { IndicatorMode } from './indicatorMode';
import type { AreaBasis } from './officialArea';
import { isWithheldValue, joinedNotes, territoryChangeBetween, territoryChangeNotes, territoryFlag } from './territoryChange';

/** Default: rates whose denominator counts fewer than 50 (persons) are flagged as unreliable. */
export const DEFAULT_SMALL_DENOMINATOR_THRESHOLD = 50;

export interface DerivedIndicatorValue extends IndicatorValue {
  smallDenominator: boolean;
  /** Why the value is flagged (small count, small denominator), or null. */
  flagReason: LocalizedText | null;
}

export interface DeriveIndicatorValuesInput extends Omit<ComputeIndicatorValuesInput, 'indicator'> {
  indicator: IndicatorDefinition;
  mode: IndicatorMode;
  /** Base period of `change`/`changePercent` (required there). */
  comparePeriod?: string;
  /** Variable id for `percentOf` and `per1000Of` (required there). */
  denominatorVariable?: string;
  /** A rate with 0 ≤ denominator < threshold is flagged `smallDenominator`. Default 50. */
  smallDenominatorThreshold?: number;
}

export interface DerivedIndicatorResult {
  /** The indicator as the derived figure: name, unit, decimals and scale of what `values` hold. */
  indicator: IndicatorDefinition;
  values: DerivedIndicatorValue[];
  regionValue: number | null;
  /** The region's figure would give a small count back (computeIndicatorValues); a change carries either end's. */
  regionRevealsSmallNumbers: boolean;
  sourceIds: string[];
  /** Per source id, the Stichtage its observations were used at (a change: both dates). */
  sourcePeriods: Record<string, string[]>;
  /** perKm2 only: where the km² come from (see computeIndicatorValues); else null. */
  areaBasis: AreaBasis | null;
  /**
   * A change whose two ends count with different sources (the register at the compare date, the Zensus at
   * the shown one): the sources of each end, without official land areas. Null for one set of sources at
   * both ends and outside the change modes.
   */
  sourceBreak: { base: string[]; shown: string[] } | null;
  /**
   * A change across a probable change of territory (an area with a value at one end only, an area that
   * grew by about what a vanished one counted): what the legend says of it. Null otherwise.
   */
  territoryNote: LocalizedText | null;
}

/**
 * The definition a mode computes with: `perKm2`, `percentOf` and `per1000Of` redefine the indicator over its numerator;
 * the other modes compute the indicator as defined and transform the values afterwards.
 * @example computedDefinition(refugeesCount, 'perKm2').scale // 'perKm2'
 */
export function computedDefinition(indicator: IndicatorDefinition, mode: IndicatorMode, denominatorVariable?: string): IndicatorDefinition {
  if (mode === 'perKm2') return { ...indicator, scale: 'perKm2', denominator: null };
  if (mode === 'percentOf') return { ...indicator, scale: 'percent', denominator: { variable: denominatorVariable ?? '' } };
  if (mode === 'per1000Of') return { ...indicator, scale: 'per1000', denominator: { variable: denominatorVariable ?? '' } };
  return indicator;
}

/**
 * Values of an indicator in a derived form.
 * @example
 * deriveIndicatorValues({ indicator: refugeesPer1000, mode: 'index', areas, observations, period: '2019-12-31' })
 *   .values[0].value // e.g. 131.2: Hannover's rate is 31.2 % above the region's
 * @example
 * deriveIndicatorValues({ …, mode: 'change', period: '2019-12-31', comparePeriod: '2018-12-31' })
 *   .values[0].value // e.g. −1.4 (per-1 000 points since 31.12.2018)
 */
export function deriveIndicatorValues(input: DeriveIndicatorValuesInput): DerivedIndicatorResult {
  const definition = computedDefinition(input.indicator, input.mode, input.denominatorVariable);
  const threshold = input.smallDenominatorThreshold ?? DEFAULT_SMALL_DENOMINATOR_THRESHOLD;
  const atPeriod = (period: string) => {
    const computed = computeIndicatorValues({ ...input, indicator: definition, period });
    return { ...computed, values: computed.values.map((value) => withFlags(value, definition, threshold)) };
  };
  const current = atPeriod(input.period);
  const described = describeDerived(definition, input.mode, input.comparePeriod, input.variableNames);

  if (input.mode === 'index') {
    const region = current.regionValue;
    const values = current.values.map((value): DerivedIndicatorValue => {
      if (value.value === null) return value;
      if (region === null) return asMissing(value, message(addsUpOverAreas(definition) || definition.scale !== 'absolute' ? 'indicator.missing.noRegionValue' : 'indicator.missing.notAdditive'));
      if (region === 0) return asMissing(value, message('indicator.missing.zeroRegion'));
      return { ...value, value: (value.value / region) * 100 };
    });
    return { indicator: described, values, regionValue: region === null || region === 0 ? null : 100, regionRevealsSmallNumbers: false, sourceIds: current.sourceIds, sourcePeriods: current.sourcePeriods, areaBasis: current.areaBasis, sourceBreak: null, territoryNote: null };
  }

  if (input.mode === 'change' || input.mode === 'changePercent') {
    const comparePeriod = input.comparePeriod ?? '';
    const base = atPeriod(comparePeriod);
    const baseByKey = new Map(base.values.map((value) => [value.key, value]));
    const percent = input.mode === 'changePercent';
    const areaValues = (values: readonly IndicatorValue[]) => values.map((value) => ({ key: value.key, name: value.name, value: value.value, withheld: isWithheldValue(value) }));
    const territory = territoryChangeBetween(areaValues(base.values), areaValues(current.values), { before: comparePeriod, after: input.period }, addsUpOverAreas(definition));
    const absorbed = territory?.absorbed ?? [];
    const successorFlags = new Map(territory ? absorbed.map((area) => [area.key, territoryFlag(territory, area, definition.decimals)]) : []);
    // The vanished area's own gap says where it probably went.
    const successorOf = new Map(absorbed.map((area) => [area.from.key, area.name]));
    const values = current.values.map((shownValue): DerivedIndicatorValue => {
      const successor = successorOf.get(shownValue.key);
      if (shownValue.value === null && successor) {
        const reason = shownValue.missingReason ?? message('indicator.missing.none');
        return Object.assign({}, shownValue, { missingReason: message('indicator.missing.absorbed', (locale) => ({ reason: reason[locale], successor })) });
      }
      if (shownValue.value === null) return shownValue;
      const successorFlag = successorFlags.get(shownValue.key);
      const value = successorFlag ? Object.assign({}, shownValue, { flagReason: joinReasons([...(shownValue.flagReason ? [shownValue.flagReason] : []), successorFlag]) }) : shownValue;
      const before = baseByKey.get(value.key);
      if (!before || before.value === null) {
        const reason = before?.missingReason;
        return asMissing(value, message(reason ? 'indicator.missing.noBaseBecause' : 'indicator.missing.noBase', (locale) => ({ date: formatDate(comparePeriod, locale), reason: reason?.[locale] ?? '' })));
      }
      if (percent && before.value === 0) return asMissing(value, message('indicator.missing.zeroBase', (locale) => ({ date: formatDate(comparePeriod, locale) })));
      const flagged = mergeFlags(value, before, comparePeriod);
      const shown = shownValue.value;
      return { ...flagged, value: percent ? ((shown - before.value) / Math.abs(before.value)) * 100 : shown - before.value };
    });
    const regionChange =
      current.regionValue === null || base.regionValue === null
        ? null
        : percent
          ? base.regionValue === 0
            ? null
            : ((current.regionValue - base.regionValue) / Math.abs(base.regionValue)) * 100
          : current.regionValue - base.regionValue;
    const sourceIds = [...new Set([...current.sourceIds, ...base.sourceIds])];
    const sourcePeriods = Object.fromEntries(sourceIds.map((id) => [id, [...new Set([...(base.sourcePeriods[id] ?? []), ...(current.sourcePeriods[id] ?? [])])].sort()]));
    const sameSources = base.valueSourceIds.length === current.valueSourceIds.length && base.valueSourceIds.every((id) => current.valueSourceIds.includes(id));
    const sourceBreak = sameSources || base.valueSourceIds.length === 0 || current.valueSourceIds.length === 0 ? null : { base: base.valueSourceIds, shown: current.valueSourceIds };
    const territoryNote = territory ? joinedNotes(territoryChangeNotes(territory, definition.decimals)) : null;
    // The base total is shown beside the change, so the change gives the current total back, and the other way round.
    const regionRevealsSmallNumbers = regionChange !== null && (current.regionRevealsSmallNumbers || base.regionRevealsSmallNumbers);
    return { indicator: described, values, regionValue: regionChange, regionRevealsSmallNumbers, sourceIds, sourcePeriods, areaBasis: current.areaBasis, sourceBreak, territoryNote };
  }

  return { indicator: described, values: current.values, regionValue: current.regionValue, regionRevealsSmallNumbers: current.regionRevealsSmallNumbers, sourceIds: current.sourceIds, sourcePeriods: current.sourcePeriods, areaBasis: current.areaBasis, sourceBreak: null, territoryNote: null };
}

function isRate(definition: IndicatorDefinition): boolean {
  return definition.denominator !== null && (definition.scale === 'per1000' || definition.scale === 'percent');
}

/** Adds the small-denominator flag and the reason texts for both flags. */
function withFlags(value: IndicatorValue, definition: IndicatorDefinition, threshold: number): DerivedIndicatorValue {
  const smallDenominator = value.value !== null && isRate(definition) && value.denominator !== null && value.denominator < threshold;
  const reasons: LocalizedText[] = [];
  if (value.smallNumber) {
    reasons.push(message('indicator.flag.smallCount', (locale) => ({ count: formatNumber(value.numerator ?? 0, 0, locale) })));
  }
  if (smallDenominator) {
    reasons.push(message('indicator.flag.smallDenominator', (locale) => ({ denominator: formatNumber(value.denominator ?? 0, 0, locale), threshold: formatNumber(threshold, 0, locale) })));
  }
  return Object.assign({}, value, { smallDenominator, flagReason: joinReasons(reasons) });
}

function joinReasons(reasons: readonly LocalizedText[]): LocalizedText | null {
  if (reasons.length === 0) return null;
  return { de: reasons.map((reason) => reason.de).join('; '), en: reasons.map((reason) => reason.en).join('; ') };
}

/**
 * A change is as unsure as the less sure of its two ends: flags of the base period carry over, named by
 * date, and so does a base value that a lower-ranked source gave (the map marks the area, the legend's
 * total counts it).
 */
function mergeFlags(value: DerivedIndicatorValue, before: DerivedIndicatorValue, comparePeriod: string): DerivedIndicatorValue {
  if (before.fallback && !value.fallback) value = Object.assign({}, value, { fallback: true });
  if (!before.smallNumber && !before.smallDenominator) return value;
  const reasons = [value.flagReason, before.flagReason && message('indicator.flag.atComparePeriod', (locale) => ({ date: formatDate(comparePeriod, locale), reason: before.flagReason![locale] }))];
  return Object.assign({}, value, {
    smallNumber: value.smallNumber || before.smallNumber,
    smallDenominator: value.smallDenominator || before.smallDenominator,
    flagReason: joinReasons(reasons.filter((reason): reason is LocalizedText => Boolean(reason))),
  });
}

function asMissing(value: DerivedIndicatorValue, reason: LocalizedText): DerivedIndicatorValue {
  return Object.assign({}, value, { value: null, smallNumber: false, smallDenominator: false, flagReason: null, missingReason: reason });
}

/** Name, unit and decimals of the derived figure, so legends and exports label it correctly. */
function describeDerived(definition: IndicatorDefinition, mode: IndicatorMode, comparePeriod: string | undefined, variableNames: Readonly<Record<string, LocalizedText>> | undefined): IndicatorDefinition {
  const name = definition.name;
  // perKm2, percentOf and per1000Of show the numerator itself ("Schutzsuchende je km²"), not the indicator's rate name.
  const numeratorName = variableNames?.[definition.numerator.variable];
  const counted = numeratorName ? { de: localized(numeratorName, 'de'), en: localized(numeratorName, 'en') } : name;
  const denominatorText = definition.denominator ? (variableNames?.[definition.denominator.variable] ?? { de: definition.denominator.variable, en: definition.denominator.variable }) : { de: '', en: '' };
  const denominatorName = { de: localized(denominatorText, 'de'), en: localized(denominatorText, 'en') };
  const since = comparePeriod ? { de: ` seit ${formatDate(comparePeriod, 'de')}`, en: ` since ${formatDate(comparePeriod, 'en')}` } : { de: '', en: '' };
  switch (mode) {
    case 'index':
      return { ...definition, name: { de: `${name.de} (Index)`, en: `${name.en} (index)` }, unit: { de: 'Index (Region = 100)', en: 'index (region = 100)' }, decimals: 1 };
    case 'change':
      return {
        ...definition,
        name: { de: `${name.de}: Veränderung${since.de}`, en: `${name.en}: change${since.en}` },
        unit: definition.scale === 'percent' ? { de: 'Prozentpunkte', en: 'percentage points' } : definition.unit,
      };
    case 'changePercent':
      return { ...definition, name: { de: `${name.de}: Veränderung in %${since.de}`, en: `${name.en}: change in %${since.en}` }, unit: { de: '%', en: '%' }, scale: 'percent', decimals: 1 };
    case 'perKm2':
      return { ...definition, name: { de: `${counted.de} je km²`, en: `${counted.en} per km²` }, unit: { de: 'je km²', en: 'per km²' }, decimals: 1 };
    case 'percentOf':
      return {
        ...definition,
        name: { de: `${counted.de} in % von „${denominatorName.de}“`, en: `${counted.en} as % of "${denominatorName.en}"` },
        unit: { de: '%', en: '%' },
        decimals: 1,
      };
    case 'per1000Of': {
      // Per 1.000 of the population is "je 1.000 Einwohner", as statistics write it.
      const ofPopulation = definition.denominator?.variable === 'population';
      const per = ofPopulation ? { de: 'Einwohner', en: 'inhabitants' } : { de: `„${denominatorName.de}“`, en: `"${denominatorName.en}"` };
      return {
        ...definition,
        name: { de: `${counted.de} je 1.000 ${per.de}`, en: `${counted.en} per 1,000 ${per.en}` },
        unit: ofPopulation ? { de: 'je 1.000 Einw.', en: 'per 1,000 inh.' } : { de: `je 1.000 ${denominatorName.de}`, en: `per 1,000 ${denominatorName.en}` },
        decimals: 1,
      };
    }
    case 'value':
      return definition;
  }
}
