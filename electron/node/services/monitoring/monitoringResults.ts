/**
 * Sozialmonitoring for the open project: the indicators' values from the indicator service (the same
 * numbers the map shows), the index and the alerts from the pure core (shared/monitoring).
 */
import { protectMonitoring } from '../../../../shared/monitoring/monitoringProtection';
import type { z } from 'zod';
import type { monitoringComputeInput, monitoringComputeOutput } from '../../../../shared/contract/methods/monitoring';
import { UserError } from '../../../../shared/contract/errors';
import { formatDate } from '../../../../shared/format/number';
import type { LocalizedText, Source } from '../../../../shared/model/project';
import { evaluateAlerts, type AlertIndicatorData } from '../../../../shared/monitoring/monitoringAlerts';
import type { StatusClass } from '../../../../shared/monitoring/monitoringDefinition';
import { computeMonitoringIndex, type IndexArea, type IndexOptions } from '../../../../shared/monitoring/monitoringIndex';
import { areaText, indexMessageText, ruleText } from '../../../../shared/monitoring/monitoringTexts';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readSetting } from '../../../../shared/settings/projectSettings';
import { readIndicators, readSettings, readSources } from '../../storage/projectReader';
import { chooseAnalysisLayer } from '../analysis/analysisResults';
import { allPeriodValuesFor, indicatorValuesFor, type DerivedIndicatorValues } from '../indicatorService';

type MonitoringInput = z.output<typeof monitoringComputeInput>;
type MonitoringOutput = z.output<typeof monitoringComputeOutput>;

/** The same day `years` years earlier (29 February becomes 28 February). */
export function yearsBefore(isoDate: string, years: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const year = String(Number(match[1]) - years).padStart(4, '0');
  const day = match[2] === '02' && match[3] === '29' ? '28' : match[3];
  return `${year}-${match[2]}-${day}`;
}

const QUALITY_ORDER = ['suppressed', 'synthetic', 'projected', 'estimated', 'counted'] as const;
type Quality = (typeof QUALITY_ORDER)[number];
function weakest(qualities: readonly (string | null)[]): Quality | null {
  let result: Quality | null = null;
  for (const quality of qualities) {
    if (quality === null) continue;
    const rank = QUALITY_ORDER.indexOf(quality as Quality);
    if (rank >= 0 && (result === null || rank < QUALITY_ORDER.indexOf(result))) result = quality as Quality;
  }
  return result;
}

function usageError(de: string, en: string): UserError {
  return new UserError('bad-input', { de, en });
}

/**
 * The index, classes and alerts of a monitoring definition at one Stichtag.
 * @example computeMonitoring(db, monitoringComputeInput.parse({ indicators: [{ id: 'refugees_per_1000' }] })).areas[0].text.de
 */
export function computeMonitoring(db: SqliteDatabase, input: MonitoringInput): MonitoringOutput {
  const layer = chooseAnalysisLayer(db, input.layer);
  const known = new Map(readIndicators(db).map((indicator) => [indicator.id, indicator]));
  const ids = input.indicators.map((indicator) => indicator.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) throw usageError(`Die Kennzahl „${duplicate}“ ist doppelt gewählt. Bitte jede Kennzahl nur einmal wählen.`, `The indicator "${duplicate}" is chosen twice. Please choose each indicator once.`);
  // The population is needed for the floor and the weights only.
  const needsPopulation = input.minPopulation > 0 || input.weighted;
  const missing = [...ids, ...(needsPopulation ? [input.populationIndicator] : [])].filter((id) => !known.has(id));
  if (missing.length > 0) {
    const list = [...known.keys()].join(', ');
    throw new UserError('not-found', {
      de: `Die Kennzahl(en) ${missing.map((id) => `„${id}“`).join(', ')} gibt es im Projekt nicht. Vorhanden: ${list}.`,
      en: `The project has no indicator(s) ${missing.map((id) => `"${id}"`).join(', ')}. Available: ${list}.`,
    });
  }

  const cache = new Map<string, DerivedIndicatorValues>();
  const valuesAt = (id: string, period: string | undefined): DerivedIndicatorValues => {
    const cacheKey = `${id}|${period ?? ''}`;
    let values = cache.get(cacheKey);
    if (!values) {
      values = indicatorValuesFor(db, id, layer.name, period);
      cache.set(cacheKey, values);
    }
    return values;
  };
  const probes = ids.map((id) => valuesAt(id, undefined));
  const periods = probes.reduce<string[]>((common, probe, index) => (index === 0 ? [...probe.indicator.periods] : common.filter((period) => probe.indicator.periods.includes(period))), []);
  const period = input.period ?? periods.at(-1);
  if (period === undefined || !periods.includes(period)) {
    const list = (locale: 'de' | 'en') => periods.map((candidate) => formatDate(candidate, locale)).join(', ') || '–';
    throw new UserError('not-found', {
      de: period === undefined ? `Die gewählten Kennzahlen haben keinen gemeinsamen Stichtag. Bitte andere Kennzahlen wählen.` : `Nicht alle gewählten Kennzahlen haben Werte zum ${formatDate(period, 'de')}. Gemeinsame Stichtage: ${list('de')}.`,
      en: period === undefined ? 'The chosen indicators have no common reference date. Please choose other indicators.' : `Not every chosen indicator has values for ${formatDate(period, 'en')}. Common dates: ${list('en')}.`,
    });
  }
  const has = (id: string, candidate: string): boolean => valuesAt(id, undefined).indicator.periods.includes(candidate);
  const populationAt = (candidate: string): Map<string, number | null> => {
    if (!known.has(input.populationIndicator) || !has(input.populationIndicator, candidate)) return new Map();
    return new Map(valuesAt(input.populationIndicator, candidate).values.map((value) => [value.key, value.value]));
  };

  const options: IndexOptions = { indicators: input.indicators, weighted: input.weighted, minPopulation: input.minPopulation, statusCuts: input.statusCuts, dynamicsCut: input.dynamicsCut };
  const indexAt = (stichtag: string, withDynamics: boolean) => {
    const current = ids.map((id) => valuesAt(id, stichtag));
    const startPeriod = yearsBefore(stichtag, input.dynamicsYears);
    const start = withDynamics && ids.every((id) => has(id, startPeriod)) ? ids.map((id) => valuesAt(id, startPeriod)) : null;
    const population = populationAt(stichtag);
    const keys = current[0]!.values.map((value) => ({ key: value.key, name: value.name }));
    const lookups = current.map((values) => new Map(values.values.map((value) => [value.key, value])));
    const startLookups = start?.map((values) => new Map(values.values.map((value) => [value.key, value.value]))) ?? null;
    const areas: IndexArea[] = keys.map(({ key, name }) => ({
      key,
      name,
      population: population.get(key) ?? null,
      values: Object.fromEntries(ids.map((id, index) => [id, lookups[index]!.get(key)?.value ?? null])),
      startValues: startLookups ? Object.fromEntries(ids.map((id, index) => [id, startLookups[index]!.get(key) ?? null])) : null,
    }));
    return { current, lookups, start: start ? startPeriod : null, areas, result: computeMonitoringIndex(areas, options) };
  };

  const now = indexAt(period, true);
  const previousPeriod = periods.filter((candidate) => candidate < period).at(-1) ?? null;
  const before = previousPeriod === null ? null : indexAt(previousPeriod, false);
  const previousClass = new Map<string, StatusClass | null>(before?.result.areas.map((area) => [area.key, area.statusClass]) ?? []);

  const name = (id: string): LocalizedText => known.get(id)?.name ?? { de: id, en: id };
  const sources = new Map<string, Source>();
  for (const values of now.current) for (const source of values.sources) sources.set(source.id, source);
  // The population decides which areas are scored and how much each weighs: its source is named too.
  if (needsPopulation && has(input.populationIndicator, period)) for (const source of valuesAt(input.populationIndicator, period).sources) sources.set(source.id, source);
  const allSources = new Map(readSources(db).map((source) => [source.id, source]));

  // Alerts.
  const alertData = new Map<string, AlertIndicatorData>();
  const ruleIndicators = new Set(input.rules.flatMap((rule) => (rule.type === 'worseClass' ? [] : [rule.indicator])));
  const alertMessages: LocalizedText[] = [];
  if (needsPopulation && !has(input.populationIndicator, period)) {
    const population = name(input.populationIndicator);
    alertMessages.push({
      de: `„${population.de}“ hat keinen Wert zum ${formatDate(period, 'de')}: Ohne Einwohnerzahl wird kein Gebiet bewertet. Bitte die Mindesteinwohnerzahl auf 0 setzen und ungewichtet rechnen, oder Einwohnerzahlen importieren.`,
      en: `"${population.en}" has no value for ${formatDate(period, 'en')}: without a population no area is scored. Please set the population floor to 0 and compute unweighted, or import population figures.`,
    });
  }
  // Indicators with a small count at an earlier Stichtag a change rule compares with.
  const withheldEarlier = new Set<string>();
  for (const id of ruleIndicators) {
    if (!known.has(id)) {
      alertMessages.push({ de: `Eine Regel nennt die Kennzahl „${id}“, die es im Projekt nicht gibt: Sie wird übergangen.`, en: `A rule names the indicator "${id}", which the project does not have: it is skipped.` });
      continue;
    }
    if (!has(id, period)) {
      alertMessages.push({ de: `„${name(id).de}“ hat keine Werte zum ${formatDate(period, 'de')}: Die Regeln dazu werden übergangen.`, en: `"${name(id).en}" has no values for ${formatDate(period, 'en')}: its rules are skipped.` });
      continue;
    }
    const values = valuesAt(id, period);
    for (const source of values.sources) sources.set(source.id, source);
    const earlier = new Map<number, Map<string, number | null>>();
    for (const rule of input.rules) {
      if (rule.type !== 'change' || rule.indicator !== id || earlier.has(rule.years)) continue;
      const then = yearsBefore(period, rule.years);
      if (!has(id, then)) {
        alertMessages.push({ de: `„${name(id).de}“ hat keine Werte zum ${formatDate(then, 'de')} (${rule.years} Jahre vor dem Stichtag): Die Veränderungsregel wird übergangen.`, en: `"${name(id).en}" has no values for ${formatDate(then, 'en')} (${rule.years} years before): the change rule is skipped.` });
        continue;
      }
      earlier.set(rule.years, new Map(valuesAt(id, then).values.map((value) => [value.key, value.value])));
      if (valuesAt(id, then).values.some((value) => value.smallNumber)) withheldEarlier.add(id);
    }
    alertData.set(id, {
      values: new Map(values.values.map((value) => [value.key, { value: value.value, quality: value.quality, sourceId: value.sourceId ?? null }])),
      regionValue: values.regionValue,
      earlier,
    });
  }
  if (input.rules.some((rule) => rule.type === 'worseClass') && previousPeriod === null) {
    alertMessages.push({ de: 'Es gibt keinen früheren Stichtag: Wechsel in eine schlechtere Klasse lassen sich nicht feststellen.', en: 'There is no earlier reference date: moves into a worse class cannot be detected.' });
  }
  const smallByIndicator = new Map<string, Set<string>>();
  for (const id of new Set([...ids, ...alertData.keys()])) smallByIndicator.set(id, new Set(valuesAt(id, period).values.filter((value) => value.smallNumber).map((value) => value.key)));
  // The series behind the sparklines, read once per indicator that raised an alert.
  const trends = new Map<string, Map<string, { period: string; value: number | null }[]>>();
  const trendOf = (id: string, key: string): { period: string; value: number | null }[] => {
    let byKey = trends.get(id);
    if (!byKey) {
      byKey = new Map();
      for (const values of allPeriodValuesFor(db, id, layer.name).series) {
        if (values.period > period) continue;
        for (const value of values.values) {
          const list = byKey.get(value.key) ?? [];
          list.push({ period: values.period, value: value.smallNumber ? null : value.value });
          byKey.set(value.key, list);
        }
      }
      trends.set(id, byKey);
    }
    return byKey.get(key) ?? [];
  };
  const scoredAreas = now.result.areas.map((area) => ({ key: area.key, name: area.name }));
  const alerts = evaluateAlerts(input.rules, {
    areas: scoredAreas,
    indicators: alertData,
    statusNow: new Map(now.result.areas.map((area) => [area.key, area.statusClass])),
    statusBefore: before ? previousClass : null,
  }).map((alert) => {
    const rule = input.rules[alert.ruleIndex]!;
    const source = alert.sourceId === null ? null : (allSources.get(alert.sourceId)?.name ?? alert.sourceId);
    const smallNumber = alert.indicator !== null && smallByIndicator.get(alert.indicator)?.has(alert.key) === true;
    const trend = alert.indicator === null ? [] : trendOf(alert.indicator, alert.key);
    return { ...alert, ruleText: { de: ruleText(rule, name, 'de'), en: ruleText(rule, name, 'en') }, period, source, smallNumber, trend };
  });

  const regionValues = new Map(now.current.map((values, index) => [ids[index]!, values.regionValue]));
  const summaries = new Map(probes.map((probe, index) => [ids[index]!, probe.indicator]));
  const boundarySource = allSources.get(layer.sourceId ?? '') ?? null;
  const sourceList = [...sources.values()];
  // Values resting on small counts leave the backend withheld, with every figure that would give them back.
  const withheldNow = new Set([...smallByIndicator].filter(([, keys]) => keys.size > 0).map(([id]) => id));
  const withheldAtStart = now.start === null ? [] : ids.filter((id) => has(id, now.start!) && valuesAt(id, now.start!).values.some((value) => value.smallNumber));
  const result = {
    name: input.name,
    layer: layer.name,
    layerTitle: layer.title,
    period,
    dynamicsStart: now.start,
    previousPeriod,
    periods,
    indicators: now.result.indicators.map((moments) => ({ ...summaries.get(moments.id)!, ...moments, regionValue: regionValues.get(moments.id) ?? null })),
    weighted: input.weighted,
    minPopulation: input.minPopulation,
    smallNumberThreshold: readSetting(readSettings(db), 'smallNumberThreshold'),
    statusCuts: input.statusCuts,
    dynamicsCut: input.dynamicsCut,
    scoredCount: now.result.scoredCount,
    dynamicsCount: now.result.dynamicsCount,
    areas: now.result.areas.map((area, index) => ({
      ...area,
      values: now.areas[index]!.values as Record<string, number | null>,
      smallNumbers: ids.filter((id) => smallByIndicator.get(id)?.has(area.key) === true),
      overallClass: area.statusClass !== null && area.dynamicsClass !== null ? `${area.statusClass}-${area.dynamicsClass}` : null,
      previousStatusClass: previousClass.get(area.key) ?? null,
      text: { de: areaText(area, input.minPopulation, 'de'), en: areaText(area, input.minPopulation, 'en') },
      quality: weakest(now.lookups.map((lookup) => lookup.get(area.key)?.quality ?? null)),
    })),
    alerts,
    messages: [...now.result.messages.map((message) => indexMessageText(message, name, input.dynamicsYears)), ...alertMessages],
    sources: sourceList,
    synthetic: sourceList.some((source) => source.synthetic) || boundarySource?.synthetic === true,
    schematicBoundaries: layer.schematic,
  };
  return protectMonitoring(result, { now: withheldNow, change: new Set([...withheldNow, ...withheldAtStart, ...withheldEarlier]) });
}
