/**
 * The Zeitreihen/Bilanz tab's results for the open project: project indicators over all Stichtage from the
 * indicator service (the same values the map shows), movement indicators and the stock–flow account from
 * the pure core (shared/movement), each drawing from the variables' chosen sources.
 */
import { isWithheldValue, territoryNotesAlong } from '../../../../shared/indicators/territoryChange';
import type { z } from 'zod';
import type { balanceInput, balanceOutput, timeSeriesInput, timeSeriesOutput } from '../../../../shared/contract/methods/movement';
import { UserError } from '../../../../shared/contract/errors';
import { addsUpOverAreas, showsAbsoluteCount, type IndicatorDefinition, type LayerInfo, type Source, type Variable } from '../../../../shared/model/project';
import { accountVariables, movementVariableId, stockVariablesWithFlows } from '../../../../shared/movement/accountVariables';
import { computeMovementSeries, isMovementIndicatorId, MOVEMENT_INDICATORS, movementIndicator, movementIndicatorOf } from '../../../../shared/movement/movementIndicators';
import { computeStockFlowAccount } from '../../../../shared/movement/stockFlowAccount';
import { protectAccount } from '../../../../shared/movement/accountProtection';
import { appendProjection, projectedDefinition, storedScenarios, type SeriesProjection } from '../../../../shared/movement/projectedSeries';
import { meanOfAreas, referenceLine, type AreaSeries, type SeriesPoint } from '../../../../shared/movement/timeSeriesTypes';
import { SCENARIO_DIMENSION } from '../../../../shared/planning/projectedResults';
import { readSetting } from '../../../../shared/settings/projectSettings';
import { selectionPriority } from '../../../../shared/sources/sourceChoice';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { geographicGrid } from '../../../../shared/movement/geoGrid';
import { areaCentroid } from '../../../../shared/spatial/areaCentroid';
import { readAreas, readAreaSizes, readDimensions, readIndicators, readObservations, readSettings, readSources, readVariables } from '../../storage/projectReader';
import { chooseAnalysisLayer } from '../analysis/analysisResults';
import { allPeriodValuesFor } from '../indicatorService';
import { readSourceCatalogue } from '../sourceCatalogue';

type SeriesInput = z.output<typeof timeSeriesInput>;
type SeriesOutput = z.output<typeof timeSeriesOutput>;
type BalanceInput = z.output<typeof balanceInput>;
type BalanceOutput = z.output<typeof balanceOutput>;

/** Inhabitants for the per-1.000 movement figures: the project's `population` variable. */
const POPULATION_VARIABLE = 'population';

function sourcesFor(db: SqliteDatabase, ids: readonly string[]): Source[] {
  const byId = new Map(readSources(db).map((source) => [source.id, source]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id) as Source] : []));
}

/** The stock variable asked for (it must have arrivals and departures), else the first that has them. */
function chooseStockVariable(variables: readonly Variable[], asked: string | undefined, explicitFlows: boolean): Variable {
  const candidates = stockVariablesWithFlows(variables);
  // Asked by id, or by the name the app shows ("Wohnungslose" for wohnungslose).
  const byName = (text: string) => variables.filter((candidate) => [candidate.name.de, candidate.name.en].some((name) => name.toLowerCase() === text.trim().toLowerCase()));
  const id = asked === undefined ? candidates[0] : variables.some((candidate) => candidate.id === asked) ? asked : (byName(asked).find((candidate) => candidates.includes(candidate.id)) ?? byName(asked)[0])?.id ?? asked;
  const variable = variables.find((candidate) => candidate.id === id);
  if (!variable || (!explicitFlows && !candidates.includes(variable.id))) {
    // Each by id and by the name the app shows, so either can be typed.
    const list = candidates.map((candidate) => `${candidate} (${variables.find((known) => known.id === candidate)?.name.de ?? candidate})`).join(', ') || '–';
    throw new UserError('not-found', {
      de: id === undefined
        ? 'Das Projekt hat keinen Bestand mit Zu- und Fortzügen. Bitte eine Tabelle mit Zu- und Fortzügen importieren. Spalten wie „Zugänge“ und „Abgänge“ neben ihrem Bestand werden erkannt; sonst im Import unter „Neue Merkmale“ als Art „Zuzüge zu …“ und „Fortzüge aus …“ wählen.'
        : `Zur Variable „${id}“ gibt es keine Zu- und Fortzüge (${movementVariableId(id, 'inflow')}, ${movementVariableId(id, 'outflow')}). Variablen mit Bewegungen: ${list}.`,
      en: id === undefined
        ? 'The project has no stock with arrivals and departures. Please import a table of arrivals and departures. Columns such as "Zugänge" and "Abgänge" beside their stock are recognised; otherwise choose the kind "Arrivals to …" and "Departures from …" under "New variables" in the import.'
        : `The variable "${id}" has no arrivals and departures (${movementVariableId(id, 'inflow')}, ${movementVariableId(id, 'outflow')}). Variables with movements: ${list}.`,
    });
  }
  return variable;
}

/** Scenarios with stored results, named as the planning tab names them. */
function scenariosOf(db: SqliteDatabase): ReturnType<typeof storedScenarios> {
  const names = new Map((readDimensions(db).find((dimension) => dimension.id === SCENARIO_DIMENSION)?.values ?? []).map((value) => [value.id, value.name]));
  return storedScenarios(readSources(db), names);
}

type IndicatorSeries = Pick<SeriesOutput, 'periods' | 'series' | 'region'> & { sourceIds: string[] };

/** The indicator engine's values over all periods, as series (the map's values). */
function indicatorSeries(db: SqliteDatabase, indicator: string | IndicatorDefinition, areas: readonly { key: string; name: string }[], layer: LayerInfo): IndicatorSeries & { all: ReturnType<typeof allPeriodValuesFor> } {
  const all = allPeriodValuesFor(db, indicator, layer.name);
  const byPeriod = all.series.map((entry) => new Map(entry.values.map((value) => [value.key, value])));
  const region = all.series.map((entry): SeriesPoint => {
    const quality = entry.values.some((value) => value.quality === 'projected') ? 'projected' : (entry.values.find((value) => value.quality !== null)?.quality ?? null);
    // The series withholds small counts always, so the region's total goes where it would give one back.
    const withheld = entry.regionRevealsSmallNumbers === true;
    return { period: entry.period, value: withheld ? null : entry.regionValue, sourceId: entry.sources[0]?.id ?? null, quality, smallNumber: false, ...(withheld ? { withheld } : {}), projected: quality === 'projected' };
  });
  const series = areas.map((area): AreaSeries => ({
    key: area.key,
    name: area.name,
    values: all.periods.map((period, index): SeriesPoint => {
      const value = byPeriod[index]?.get(area.key);
      return { period, value: value?.value ?? null, sourceId: value?.sourceId ?? null, quality: value?.quality ?? null, smallNumber: value?.smallNumber ?? false, projected: value?.quality === 'projected' };
    }),
  }));
  return { all, periods: all.periods, series, region, sourceIds: [...new Set(all.series.flatMap((entry) => entry.sources.map((source) => source.id)))] };
}

type SeriesCore = Omit<SeriesOutput, 'mapGrid' | 'smallNumberThreshold'>;

function projectIndicatorSeries(db: SqliteDatabase, input: SeriesInput, layer: LayerInfo): SeriesCore {
  const areas = readAreaSizes(db, layer.name);
  const observed = indicatorSeries(db, input.indicatorId, areas, layer);
  const { all } = observed;
  const scenarios = scenariosOf(db);
  let result: Pick<SeriesOutput, 'periods' | 'series' | 'region'> = observed;
  let projection: SeriesProjection | null = null;
  const sourceIds = [...observed.sourceIds];
  const wanted = input.scenario === 'none' ? null : (scenarios.find((scenario) => scenario.id === input.scenario) ?? (input.scenario === undefined ? scenarios[0] : undefined));
  if (input.scenario !== undefined && input.scenario !== 'none' && wanted === undefined) {
    throw new UserError('not-found', {
      de: `Für das Szenario „${input.scenario}“ sind keine Ergebnisse gespeichert. Gespeichert: ${scenarios.map((scenario) => scenario.id).join(', ') || '–'} (oder none).`,
      en: `No results are stored for the scenario "${input.scenario}". Stored: ${scenarios.map((scenario) => scenario.id).join(', ') || '–'} (or none).`,
    });
  }
  const definition = wanted ? readIndicators(db).find((indicator) => indicator.id === input.indicatorId) : undefined;
  const projected = wanted && definition ? projectedDefinition(definition, wanted.id) : null;
  if (wanted && projected) {
    const continued = appendProjection(observed, indicatorSeries(db, projected, areas, layer));
    if (continued) {
      result = continued;
      projection = { scenarioId: wanted.id, name: wanted.name, sourceId: wanted.sourceId, firstPeriod: continued.firstPeriod, lastObserved: continued.lastObserved };
      if (!sourceIds.includes(wanted.sourceId)) sourceIds.push(wanted.sourceId);
    }
  }
  const sources = sourcesFor(db, sourceIds);
  return {
    kind: 'indicator',
    indicator: { id: all.indicator.id, name: all.indicator.name, unit: all.indicator.unit, decimals: all.indicator.decimals, count: showsAbsoluteCount(all.indicator) },
    stockVariable: null,
    layer: layer.name,
    layerTitle: layer.title,
    periods: result.periods,
    series: result.series,
    region: result.region,
    // A figure that does not add up (a quotient) has no region total: its reference is the areas' mean.
    reference: all.indicator.scale === 'absolute' && !addsUpOverAreas(all.indicator) ? meanOfAreas(result.series, result.periods, readSetting(readSettings(db), 'smallNumberThreshold')) : referenceLine(result.region, areas.length, all.indicator.scale === 'absolute'),
    projection,
    territoryNotes: territoryNotesAlong(
      all.periods,
      all.series.map((entry) => entry.values.map((value) => ({ key: value.key, name: value.name, value: value.value, withheld: isWithheldValue(value) }))),
      addsUpOverAreas(all.indicator),
      all.indicator.decimals,
    ),
    scenarios: scenarios.map((scenario) => ({ id: scenario.id, name: scenario.name })),
    sources,
    synthetic: sources.some((source) => source.synthetic),
    mixedSources: [],
  };
}

function movementSeries(db: SqliteDatabase, input: SeriesInput, layer: LayerInfo): SeriesCore {
  const indicator = movementIndicator(input.indicatorId);
  if (!indicator) {
    throw new UserError('not-found', {
      de: `Die Bewegungskennzahl „${input.indicatorId}“ gibt es nicht. Bitte eine dieser Kennzahlen wählen: ${MOVEMENT_INDICATORS.map((candidate) => candidate.id).join(', ')}.`,
      en: `There is no movement indicator "${input.indicatorId}". Please choose one of: ${MOVEMENT_INDICATORS.map((candidate) => candidate.id).join(', ')}.`,
    });
  }
  const variables = readVariables(db);
  const stock = chooseStockVariable(variables, input.variable, false);
  const { flows } = accountVariables(stock.id, variables);
  const inflow = flows.inflow as string;
  const outflow = flows.outflow as string;
  const population = indicator.perThousand && variables.some((variable) => variable.id === POPULATION_VARIABLE) ? POPULATION_VARIABLE : null;
  if (indicator.perThousand && population === null) {
    throw new UserError('not-found', {
      de: 'Für Werte je 1.000 Einwohner fehlt die Variable „population“ (Einwohner). Bitte die absolute Kennzahl wählen oder Einwohnerzahlen importieren.',
      en: 'Figures per 1,000 inhabitants need the variable "population". Please choose the absolute indicator or import population figures.',
    });
  }
  const catalogue = readSourceCatalogue(db);
  const result = computeMovementSeries({
    indicator,
    areas: readAreaSizes(db, layer.name),
    observations: readObservations(db, { variables: [inflow, outflow, ...(population ? [population] : [])] }),
    inflowVariable: inflow,
    outflowVariable: outflow,
    populationVariable: population,
    priorityOf: (variable) => selectionPriority(catalogue, { variable }),
    smallNumberThreshold: readSetting(readSettings(db), 'smallNumberThreshold'),
  });
  const sources = sourcesFor(db, [...result.sourceIds, ...(population ? selectionPriority(catalogue, { variable: population }).slice(0, 1) : [])]);
  return {
    kind: 'movement',
    indicator: movementIndicatorOf(indicator, stock.name, { inflow: variables.find((variable) => variable.id === inflow)?.name, outflow: variables.find((variable) => variable.id === outflow)?.name }),
    stockVariable: { id: stock.id, name: stock.name },
    layer: layer.name,
    layerTitle: layer.title,
    periods: result.periods,
    series: result.series,
    region: result.region,
    reference: referenceLine(result.region, result.series.length, !indicator.perThousand),
    projection: null,
    scenarios: scenariosOf(db).map((scenario) => ({ id: scenario.id, name: scenario.name })),
    sources,
    synthetic: sources.some((source) => source.synthetic),
    mixedSources: result.mixedSources,
  };
}

/**
 * Most areas the map layout is made for: small multiples of more panels are unreadable anyway, and the
 * optimal assignment grows with the cube of the count (11 000 municipalities would take hours).
 */
export const MAX_MAP_GRID_AREAS = 200;

/** The layer's areas in grid cells like the map, from their centroids (geoGrid.ts); null above MAX_MAP_GRID_AREAS. */
export function layerMapGrid(db: SqliteDatabase, layerName: string): SeriesOutput['mapGrid'] {
  if (readAreaSizes(db, layerName).length > MAX_MAP_GRID_AREAS) return null;
  const areas = readAreas(db, layerName);
  if (areas.length === 0) return null;
  return geographicGrid(
    areas.map((area) => {
      const [x, y] = areaCentroid(area.geometry);
      return { key: area.key, x, y };
    }),
  );
}

/**
 * @example computeTimeSeries(db, { indicatorId: 'movement.turnover_per_1000' }).series.length // 21 on the demo
 */
export function computeTimeSeries(db: SqliteDatabase, input: SeriesInput): SeriesOutput {
  const layer = chooseAnalysisLayer(db, input.layer);
  return db.transaction(() => {
    const result = isMovementIndicatorId(input.indicatorId) ? movementSeries(db, input, layer) : projectIndicatorSeries(db, input, layer);
    return { ...result, mapGrid: layerMapGrid(db, layer.name), smallNumberThreshold: readSetting(readSettings(db), 'smallNumberThreshold') };
  })();
}

/**
 * @example computeBalance(db, { thresholdPercent: 1 }).areas.filter((area) => area.flagged) // [] on the demo
 */
export function computeBalance(db: SqliteDatabase, input: BalanceInput): BalanceOutput {
  const layer = chooseAnalysisLayer(db, input.layer);
  return db.transaction((): BalanceOutput => {
    const variables = readVariables(db);
    const explicit = Object.fromEntries(Object.entries(input.flows ?? {}).filter(([, id]) => id !== undefined)) as Record<string, string>;
    const stock = chooseStockVariable(variables, input.variable, explicit['inflow'] !== undefined && explicit['outflow'] !== undefined);
    const account = accountVariables(stock.id, variables, explicit);
    const used = [account.stock, ...Object.values(account.flows)];
    const unknown = used.filter((id) => !variables.some((variable) => variable.id === id));
    if (unknown.length > 0) {
      throw new UserError('not-found', { de: `Die Variable(n) ${unknown.join(', ')} gibt es im Projekt nicht.`, en: `The project has no variable ${unknown.join(', ')}.` });
    }
    const catalogue = readSourceCatalogue(db);
    const smallNumberThreshold = readSetting(readSettings(db), 'smallNumberThreshold');
    // Every consumer (screen, figure, files, CLI) gets the account with revealing remainders withheld.
    const result = protectAccount(computeStockFlowAccount({
      areas: readAreaSizes(db, layer.name),
      observations: readObservations(db, { variables: used }),
      variables: account,
      priorityOf: (variable) => selectionPriority(catalogue, { variable }),
      thresholdPercent: input.thresholdPercent,
      regionName: 'Region',
    }), smallNumberThreshold);
    const sources = sourcesFor(db, result.sourceIds);
    const names = new Map(variables.map((variable) => [variable.id, variable.name]));
    return {
      layer: layer.name,
      layerTitle: layer.title,
      ...result,
      variableNames: Object.fromEntries(used.map((id) => [id, names.get(id) ?? { de: id, en: id }])),
      sources,
      synthetic: sources.some((source) => source.synthetic),
      smallNumberThreshold,
    };
  })();
}
